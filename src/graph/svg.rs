//! The picture as SVG, laid out in-process by layout-rs (a Graphviz-like
//! layered layout: ranks, crossing reduction, Brandes–Köpf placement), left
//! to right: the executive layer, a card per arrow with what the unit
//! receives, the units, and their workers and links.
//!
//! layout-rs only places boxes and routes edges: a recording backend takes
//! the positions it draws at, and this module writes the SVG itself (its own
//! styles, text, escaping and number format), so the output is the same bytes
//! on every machine. Box sizes come from the text, with a fixed estimate of
//! character width; lines are wrapped and capped before layout, so no text
//! leaves its box and no two boxes overlap.

use layout::core::base::Orientation;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::{Point, Position};
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::shapes::{Arrow as Edge, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;

use super::dot::arrow_lines;
use super::*;

const FONT_SIZE: f64 = 12.0;
const LINE: f64 = 16.0;
/// An estimate of the average character width at `FONT_SIZE` (DejaVu and
/// Liberation Sans; bold a little wider), on the safe side.
const CHAR: f64 = 7.0;
const PAD_X: f64 = 10.0;
const PAD_Y: f64 = 8.0;
const CARD_WIDTH: usize = 42;
const MARGIN: f64 = 16.0;

/// What a box on the picture is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Executive,
    Card,
    Unit,
    Coe,
    Idle,
    Worker,
    Align,
    Conflict,
}

impl Kind {
    fn class(self) -> &'static str {
        match self {
            Kind::Executive => "exec",
            Kind::Card => "card",
            Kind::Unit => "unit",
            Kind::Coe => "unit coe",
            Kind::Idle => "unit idle",
            Kind::Worker => "worker",
            Kind::Align => "link",
            Kind::Conflict => "link conflict",
        }
    }
}

struct BoxSpec {
    kind: Kind,
    lines: Vec<Line>,
    size: Point,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum EdgeKind {
    Plain,
    Arrow,
    Idle,
    Worker,
    Align,
    Conflict,
}

impl EdgeKind {
    fn class(self) -> &'static str {
        match self {
            EdgeKind::Plain | EdgeKind::Arrow => "edge",
            EdgeKind::Idle => "edge idle",
            EdgeKind::Worker => "edge worker",
            EdgeKind::Align => "edge link",
            EdgeKind::Conflict => "edge link conflict",
        }
    }
}

fn spec(kind: Kind, lines: Vec<Line>) -> BoxSpec {
    let widest = lines
        .iter()
        .map(|l| {
            let w = l.text.chars().count() as f64 * CHAR;
            if l.tone == Tone::Heading {
                w * 1.15
            } else {
                w
            }
        })
        .fold(0.0, f64::max);
    let size = Point::new(
        (widest + 2.0 * PAD_X).ceil().max(90.0),
        lines.len() as f64 * LINE + 2.0 * PAD_Y,
    );
    BoxSpec { kind, lines, size }
}

fn lines(tone: Tone, texts: impl IntoIterator<Item = String>) -> Vec<Line> {
    texts.into_iter().map(|t| Line { text: t, tone }).collect()
}

/// Every box of the picture and every edge between them (by box index):
/// the executive layer first, then one card per arrow, the units, their
/// workers, and the align and conflict links.
fn boxes(g: &Graph) -> (Vec<BoxSpec>, Vec<(usize, usize, EdgeKind)>) {
    let mut specs = vec![executive_box(g)];
    let mut edges = Vec::new();
    let unit_base = 1 + g.arrows.len();
    for a in &g.arrows {
        let tone = if a.addressed {
            Tone::Normal
        } else {
            Tone::Muted
        };
        specs.push(spec(Kind::Card, lines(tone, arrow_lines(a, CARD_WIDTH))));
        let card = specs.len() - 1;
        let (first, second) = if a.addressed {
            (EdgeKind::Plain, EdgeKind::Arrow)
        } else {
            (EdgeKind::Idle, EdgeKind::Idle)
        };
        edges.push((0, card, first));
        edges.push((card, unit_base + a.to, second));
    }
    specs.extend((0..g.units.len()).map(|i| unit_box(g, i)));
    for w in &g.workers {
        specs.push(worker_box(w));
        if let Some(m) = w.under {
            edges.push((unit_base + m, specs.len() - 1, EdgeKind::Worker));
        }
    }
    for l in &g.links {
        let (kind, edge) = match l.kind {
            LinkKind::Align => (Kind::Align, EdgeKind::Align),
            LinkKind::Conflict => (Kind::Conflict, EdgeKind::Conflict),
        };
        specs.push(spec(
            kind,
            lines(Tone::Normal, human::wrap(&l.label(), 30, 2)),
        ));
        for u in &l.units {
            edges.push((unit_base + u, specs.len() - 1, edge));
        }
    }
    (specs, edges)
}

/// The executive layer's box: its lines wrapped, headings narrower.
fn executive_box(g: &Graph) -> BoxSpec {
    let exec: Vec<Line> = g
        .executive
        .iter()
        .flat_map(|l| {
            let width = if l.tone == Tone::Heading { 30 } else { 36 };
            lines(l.tone, human::wrap(&l.text, width, 3))
        })
        .collect();
    spec(Kind::Executive, exec)
}

/// Unit `i`'s box: idle (greyed) when no addressed arrow reaches it.
fn unit_box(g: &Graph, i: usize) -> BoxSpec {
    let u = &g.units[i];
    let idle = !g.arrows.iter().any(|a| a.to == i && a.addressed);
    let kind = match (idle, u.coe) {
        (true, _) => Kind::Idle,
        (false, true) => Kind::Coe,
        (false, false) => Kind::Unit,
    };
    let role = if u.coe { "CoE" } else { "manager" };
    let mut ls = vec![Line {
        text: human::shorten(&u.name, 30),
        tone: Tone::Heading,
    }];
    let lead = u
        .lead
        .as_deref()
        .map(|l| format!(" · {l}"))
        .unwrap_or_default();
    ls.extend(lines(
        Tone::Muted,
        human::wrap(&format!("{role}{lead}"), 30, 2),
    ));
    spec(kind, ls)
}

/// A worker unit's box, under its manager.
fn worker_box(w: &WorkerBox) -> BoxSpec {
    let ls = vec![
        Line {
            text: human::shorten(&w.name, 30),
            tone: Tone::Normal,
        },
        Line {
            text: "worker".to_owned(),
            tone: Tone::Muted,
        },
    ];
    spec(Kind::Worker, ls)
}

/// A backend that records where layout-rs draws each box.
#[derive(Default)]
struct Recorder {
    rects: Vec<(usize, Point, Point)>,
}

fn tag(properties: &Option<String>) -> Option<usize> {
    properties.as_deref()?.parse().ok()
}

impl RenderBackend for Recorder {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        _: &StyleAttr,
        p: Option<String>,
        _: Option<ClipHandle>,
    ) {
        if let Some(i) = tag(&p) {
            self.rects.push((i, xy, size));
        }
    }
    fn draw_line(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}
    fn draw_circle(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}
    fn draw_text(&mut self, _: Point, _: &str, _: &StyleAttr) {}
    fn draw_arrow(
        &mut self,
        _: &[(Point, Point)],
        _: bool,
        _: (bool, bool),
        _: &StyleAttr,
        _: Option<String>,
        _: &str,
    ) {
    }
    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}

/// Lay the boxes out with layout-rs; returns each box's top-left corner and
/// size, by index. Every edge joins boxes of adjacent ranks (executive, cards,
/// units, workers and links), so edges are drawn from the positions: from
/// the right side of one box to the left side of the next, with their ends
/// spread along the sides so that a fan of edges stays readable.
fn layout(specs: &[BoxSpec], edges: &[(usize, usize, EdgeKind)]) -> Recorder {
    let mut vg = VisualGraph::new(Orientation::LeftToRight);
    let handles: Vec<_> = specs
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut e = Element::create_with_properties(
                ShapeKind::Box(String::new()),
                StyleAttr::simple(),
                Orientation::LeftToRight,
                s.size,
                i.to_string(),
            );
            e.pos = Position::new(Point::zero(), s.size, Point::zero(), Point::new(44.0, 10.0));
            vg.add_node(e)
        })
        .collect();
    for (i, (from, to, _)) in edges.iter().enumerate() {
        let e = Edge::with_properties(
            LineEndKind::None,
            LineEndKind::None,
            LineStyleKind::Normal,
            "",
            &StyleAttr::simple(),
            i.to_string(),
            &None,
            &None,
        );
        vg.add_edge(e, handles[*from], handles[*to]);
    }
    let mut rec = Recorder::default();
    vg.do_it(false, false, false, &mut rec);
    rec
}

/// A coordinate, rounded to a tenth so that the output is stable.
fn n(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    let r = if r == 0.0 { 0.0 } else { r };
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

const STYLE: &str = "
text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue','DejaVu Sans','Liberation Sans',Arial,sans-serif;font-size:12px;fill:#1f2933}
.title{font-size:16px;font-weight:600}.subtitle{fill:#5f6b76}
.h{font-weight:600;font-size:13px}.l{fill:#5f6b76;font-size:11px;text-transform:uppercase;letter-spacing:.04em}.m{fill:#6b7782}
rect{stroke-width:1.2}
.exec rect{fill:#eef2f7;stroke:#44515e;stroke-width:1.6}
.card rect{fill:#ffffff;stroke:#c9d1d9}
.unit rect{fill:#eef6f1;stroke:#3f7d5a}
.coe rect{fill:#f3effa;stroke:#6b4fa0}
.idle rect{fill:#f7f8f9;stroke:#a7b0b9;stroke-dasharray:4 3}
.worker rect{fill:#f5f6f7;stroke:#c3c9cf;stroke-dasharray:4 3}.worker text{fill:#8a939c}
.link rect{fill:#ffffff;stroke:#44515e;stroke-dasharray:5 3}
.conflict rect{fill:#fff4f2;stroke:#b42318}.conflict text{fill:#b42318;font-weight:600}
path{fill:none;stroke:#44515e;stroke-width:1.3}
.edge.idle path{stroke:#c3c9cf;stroke-dasharray:2 3}
.edge.worker path{stroke:#c3c9cf;stroke-dasharray:4 3}
.edge.link path{stroke-dasharray:5 3}
.edge.conflict path{stroke:#b42318}
";

/// The picture as a standalone SVG document.
pub fn svg(g: &Graph) -> String {
    let (specs, edges) = boxes(g);
    let rec = layout(&specs, &edges);
    let mut min = Point::new(f64::MAX, f64::MAX);
    let mut max = Point::new(f64::MIN, f64::MIN);
    let mut grow = |p: Point| {
        min = Point::new(min.x.min(p.x), min.y.min(p.y));
        max = Point::new(max.x.max(p.x), max.y.max(p.y));
    };
    for (_, xy, size) in &rec.rects {
        grow(*xy);
        grow(xy.add(*size));
    }
    let title_lines = 2.0;
    let head = title_lines * 20.0 + 8.0;
    let title_width = (g.title.chars().count().max(g.subtitle.chars().count()) as f64) * 9.0;
    let width = (max.x - min.x).max(title_width) + 2.0 * MARGIN;
    let height = max.y - min.y + 2.0 * MARGIN + head;
    let shift = Point::new(MARGIN - min.x, MARGIN + head - min.y);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"koom-graph-title\">\n",
        w = n(width.ceil()),
        h = n(height.ceil())
    );
    out.push_str(&format!(
        "<title id=\"koom-graph-title\">{}</title>\n<style>{STYLE}</style>\n",
        human::escape(&format!("{} ({})", g.title, g.subtitle))
    ));
    out.push_str("<defs><marker id=\"koom-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" style=\"fill:#44515e;stroke:none\"/></marker></defs>\n");
    out.push_str(&format!(
        "<text class=\"title\" x=\"{m}\" y=\"{y1}\">{}</text>\n<text class=\"subtitle\" x=\"{m}\" y=\"{y2}\">{}</text>\n",
        human::escape(&g.title),
        human::escape(&g.subtitle),
        m = n(MARGIN),
        y1 = n(MARGIN + 14.0),
        y2 = n(MARGIN + 34.0),
    ));
    let mut placed: Vec<(Point, Point)> = vec![(Point::zero(), Point::zero()); specs.len()];
    for (i, xy, size) in &rec.rects {
        placed[*i] = (xy.add(shift), *size);
    }
    out.push_str(&edges_svg(&placed, &edges));
    let mut rects = rec.rects.clone();
    rects.sort_by_key(|(i, _, _)| *i);
    for (i, xy, size) in &rects {
        out.push_str(&box_svg(&specs[*i], xy.add(shift), *size));
    }
    out.push_str("</svg>\n");
    out
}

/// Where each edge leaves its source and enters its target: spread along
/// the side, in the order of the box at the other end.
fn ports(placed: &[(Point, Point)], edges: &[(usize, usize, EdgeKind)]) -> Vec<(f64, f64)> {
    let mut ends = vec![(0.0, 0.0); edges.len()];
    let centre = |b: usize| placed[b].0.y + placed[b].1.y / 2.0;
    for outgoing in [true, false] {
        let mut by_box: Vec<Vec<usize>> = vec![Vec::new(); placed.len()];
        for (e, (from, to, _)) in edges.iter().enumerate() {
            by_box[if outgoing { *from } else { *to }].push(e);
        }
        for (b, list) in by_box.iter_mut().enumerate() {
            let other = |e: usize| if outgoing { edges[e].1 } else { edges[e].0 };
            list.sort_by(|x, y| {
                centre(other(*x))
                    .total_cmp(&centre(other(*y)))
                    .then(x.cmp(y))
            });
            let (top, height) = (placed[b].0.y, placed[b].1.y);
            let span = (height * 0.7).min(LINE * list.len() as f64);
            for (k, &e) in list.iter().enumerate() {
                let y =
                    top + height / 2.0 - span / 2.0 + span * (k as f64 + 0.5) / list.len() as f64;
                if outgoing {
                    ends[e].0 = y;
                } else {
                    ends[e].1 = y;
                }
            }
        }
    }
    ends
}

fn edges_svg(placed: &[(Point, Point)], edges: &[(usize, usize, EdgeKind)]) -> String {
    let ends = ports(placed, edges);
    let mut out = String::new();
    for (e, (from, to, kind)) in edges.iter().enumerate() {
        let (a, b) = (placed[*from], placed[*to]);
        let (x1, y1) = (a.0.x + a.1.x, ends[e].0);
        let x2 = b.0.x - if *kind == EdgeKind::Arrow { 1.5 } else { 0.0 };
        let y2 = ends[e].1;
        let dx = ((x2 - x1) / 2.0).max(12.0);
        let marker = if *kind == EdgeKind::Arrow {
            " marker-end=\"url(#koom-arrow)\""
        } else {
            ""
        };
        out.push_str(&format!(
            "<g class=\"{}\"><path d=\"M{} {}C{} {} {} {} {} {}\"{marker}/></g>\n",
            kind.class(),
            n(x1),
            n(y1),
            n(x1 + dx),
            n(y1),
            n(x2 - dx),
            n(y2),
            n(x2),
            n(y2)
        ));
    }
    out
}

fn box_svg(s: &BoxSpec, xy: Point, size: Point) -> String {
    let mut out = format!(
        "<g class=\"{}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\"/>",
        s.kind.class(),
        n(xy.x),
        n(xy.y),
        n(size.x),
        n(size.y)
    );
    for (k, line) in s.lines.iter().enumerate() {
        let class = match line.tone {
            Tone::Heading => " class=\"h\"",
            Tone::Label => " class=\"l\"",
            Tone::Muted => " class=\"m\"",
            Tone::Normal => "",
        };
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\"{class}>{}</text>",
            n(xy.x + PAD_X),
            n(xy.y + PAD_Y + LINE * k as f64 + FONT_SIZE),
            human::escape(&line.text)
        ));
    }
    out.push_str("</g>\n");
    out
}
