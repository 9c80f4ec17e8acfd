//! `koomc graph`: a picture of the spine for one cycle, as data first
//! ([`graph`] → [`Graph`]), then as Graphviz DOT ([`dot`]) or as SVG laid
//! out in-process by layout-rs ([`svg`]). See `docs/pictures.md`.
//!
//! What the picture holds:
//!
//! - the executive layer, with the cycle's ranked priorities, budgets and the
//!   directives written at the cycle level (they reach every unit, so they are
//!   drawn once here rather than on every arrow);
//! - each manager and CoE unit, with an arrow from the executive layer
//!   labelled with what that unit receives in its own `to` blocks (goals and
//!   constraints with their exact bounds, outcomes shortened, allocations);
//! - worker units under their manager, greyed, joined by a plain line: never
//!   reached by an arrow;
//! - each `align`, and each cross-department conflict (bounds of different
//!   units on one organization-wide metric that cannot all hold, as E0603
//!   reports them), as a small labelled junction joined to its units.

mod dot;
mod svg;

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use crate::diagnostic::did_you_mean;
use crate::human;
use crate::model::*;

pub use dot::dot;
pub use svg::svg;

/// The most items an arrow's label lists; the rest are counted.
pub const MAX_ITEMS: usize = 6;
/// The most priorities the executive layer's box lists.
pub const MAX_PRIORITIES: usize = 8;
/// The longest an outcome's text is shown in a picture.
pub const OUTCOME_CHARS: usize = 60;

/// A picture of the spine for one cycle, before any layout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Graph {
    /// `Raccoons Inc. · 2026-Q1`.
    pub title: String,
    /// `1 January – 31 March 2026`.
    pub subtitle: String,
    /// The executive layer's box: a heading and lines.
    pub executive: Vec<Line>,
    /// Manager and CoE units, by name.
    pub units: Vec<UnitBox>,
    /// Worker units, by name.
    pub workers: Vec<WorkerBox>,
    /// One per manager and CoE unit, in the order of `units`.
    pub arrows: Vec<Arrow>,
    /// Alignments, then conflicts.
    pub links: Vec<Link>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// A heading.
    Heading,
    /// A label before a list (`Priorities`).
    Label,
    Normal,
    /// Secondary text.
    Muted,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub tone: Tone,
}

impl Line {
    fn new(tone: Tone, text: impl Into<String>) -> Line {
        Line {
            text: text.into(),
            tone,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitBox {
    pub name: String,
    pub coe: bool,
    pub lead: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkerBox {
    pub name: String,
    /// The index in `units` of its manager.
    pub under: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arrow {
    /// The index in `units`.
    pub to: usize,
    /// Whether any directive, allocation, alignment or resolution of the
    /// cycle reaches the unit.
    pub addressed: bool,
    /// What the unit receives in its own `to` blocks, one line each.
    pub items: Vec<String>,
    /// Items not listed (past [`MAX_ITEMS`]).
    pub more: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LinkKind {
    Align,
    Conflict,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub kind: LinkKind,
    pub metric: String,
    /// Indexes in `units`, ascending.
    pub units: Vec<usize>,
}

impl Link {
    /// `align · throughput`, `conflict · throughput`.
    pub fn label(&self) -> String {
        let word = match self.kind {
            LinkKind::Align => "align",
            LinkKind::Conflict => "conflict",
        };
        format!("{word} · {}", human::metric(&self.metric))
    }
}

/// The cycle a picture or a briefing is of: the one named, or else the one
/// the revision date falls in, else the first after it, else the last.
/// An unknown name is refused with the cycles there are.
pub fn pick_cycle<'m>(model: &'m Model, name: Option<&str>) -> Result<&'m Cycle, String> {
    let cycles = dated_cycles(model);
    if let Some(name) = name {
        if let Some(c) = cycles.iter().find(|c| c.id.node == name) {
            return Ok(c);
        }
        let names: Vec<&str> = cycles.iter().map(|c| c.id.node.as_str()).collect();
        let hint = did_you_mean(name, names.iter().copied())
            .map(|n| format!("; did you mean `{n}`?"))
            .unwrap_or_default();
        let listed = names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ");
        return Err(if names.is_empty() {
            format!("there is no cycle `{name}`: the plan has no dated cycle")
        } else {
            format!("there is no cycle `{name}`{hint} (the cycles are {listed})")
        });
    }
    let today = model.revision.as_ref().map(|r| r.node);
    let current = today.and_then(|d| {
        cycles
            .iter()
            .find(|c| c.period.is_some_and(|p| p.contains(d)))
            .or_else(|| cycles.iter().find(|c| c.period.is_some_and(|p| p.from > d)))
    });
    current
        .or(cycles.last())
        .copied()
        .ok_or_else(|| "the plan has no dated cycle to draw".to_owned())
}

/// The cycles with known dates, by start date then id (as work orders are).
pub fn dated_cycles(model: &Model) -> Vec<&Cycle> {
    let mut cycles: Vec<&Cycle> = model.cycles.iter().filter(|c| c.period.is_some()).collect();
    cycles.sort_by_key(|c| (c.period.map(|p| p.from), c.id.node.clone()));
    cycles
}

/// The picture of one cycle of a checked model.
pub fn graph(model: &Model, cycle: &Cycle) -> Graph {
    let mut ids: Vec<(UnitId, &Unit)> = model.addressable_units().collect();
    ids.sort_by(|a, b| a.1.name.node.cmp(&b.1.name.node));
    let index: BTreeMap<UnitId, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (*id, i))
        .collect();
    let units = ids
        .iter()
        .map(|(_, u)| UnitBox {
            name: u.name.node.clone(),
            coe: u.layer == Layer::Coe,
            lead: u.lead.as_ref().map(|l| l.node.clone()),
        })
        .collect();
    let mut workers: Vec<WorkerBox> = model
        .units
        .iter()
        .filter(|u| u.layer == Layer::Worker)
        .map(|u| WorkerBox {
            name: u.name.node.clone(),
            under: u.under.and_then(|m| index.get(&m).copied()),
        })
        .collect();
    workers.sort_by(|a, b| a.name.cmp(&b.name));
    let ranks = priority_ranks(model, cycle);
    let arrows = ids
        .iter()
        .enumerate()
        .map(|(i, (id, _))| arrow(model, cycle, &ranks, i, *id))
        .collect();
    let mut links = aligns(model, cycle, &index);
    links.extend(conflicts(model, cycle, &index));
    Graph {
        title: format!(
            "{} · {}",
            model.org.as_ref().map_or("(no org)", |o| o.node.as_str()),
            cycle.id.node
        ),
        subtitle: cycle
            .period
            .map(|p| human::period(&p.from.to_string(), &p.to.to_string()))
            .unwrap_or_default(),
        executive: executive(model, cycle, &ranks),
        units,
        workers,
        arrows,
        links,
    }
}

/// The rank of each priority target (a metric's name or a goal id).
fn priority_ranks(model: &Model, cycle: &Cycle) -> BTreeMap<String, u32> {
    cycle
        .priorities
        .iter()
        .map(|p| (target_name(model, &p.target.node), p.rank.node))
        .collect()
}

fn target_name(model: &Model, t: &Target) -> String {
    match t {
        Target::Metric(m) => model.metric(*m).name.node.clone(),
        Target::Goal(g, _) => g.clone(),
    }
}

fn executive(model: &Model, cycle: &Cycle, ranks: &BTreeMap<String, u32>) -> Vec<Line> {
    let mut lines = vec![Line::new(Tone::Heading, "Executive layer")];
    if !model.executives.is_empty() {
        let names: Vec<&str> = model.executives.iter().map(|e| e.node.as_str()).collect();
        lines.push(Line::new(Tone::Muted, names.join(", ")));
    }
    let mut priorities: Vec<(u32, String)> = ranks.iter().map(|(t, r)| (*r, t.clone())).collect();
    priorities.sort();
    if !priorities.is_empty() {
        lines.push(Line::new(Tone::Label, "Priorities"));
        let hidden = priorities.len().saturating_sub(MAX_PRIORITIES);
        for (rank, target) in priorities.into_iter().take(MAX_PRIORITIES) {
            lines.push(Line::new(
                Tone::Normal,
                format!("{rank}. {}", human::metric(&target)),
            ));
        }
        if hidden > 0 {
            lines.push(Line::new(Tone::Muted, format!("+ {hidden} more")));
        }
    }
    let everyone: Vec<String> = cycle
        .directives
        .iter()
        .filter(|d| d.scope == Scope::Cycle)
        .filter_map(|d| directive_label(model, d, ranks))
        .collect();
    if !everyone.is_empty() {
        lines.push(Line::new(Tone::Label, "For every unit"));
        let shown = everyone.len().min(MAX_ITEMS);
        lines.extend(
            everyone[..shown]
                .iter()
                .map(|t| Line::new(Tone::Normal, t.clone())),
        );
        if everyone.len() > shown {
            let more = human::count(everyone.len() - shown, "more", "more");
            lines.push(Line::new(Tone::Muted, format!("+ {more}")));
        }
    }
    if !cycle.budgets.is_empty() {
        let budgets: Vec<String> = cycle
            .budgets
            .iter()
            .map(|b| {
                human::quantity(
                    b.amount.value,
                    b.amount.unit.as_ref().map(|u| u.node.0.as_str()),
                )
            })
            .collect();
        lines.push(Line::new(
            Tone::Muted,
            format!("Budget {}", budgets.join(" · ")),
        ));
    }
    lines
}

fn arrow(
    model: &Model,
    cycle: &Cycle,
    ranks: &BTreeMap<String, u32>,
    to: usize,
    id: UnitId,
) -> Arrow {
    let own = |scope: &Scope| matches!(scope, Scope::Units(us) if us.iter().any(|u| u.node == id));
    let mut items: Vec<String> = cycle
        .directives
        .iter()
        .filter(|d| own(&d.scope))
        .filter_map(|d| directive_label(model, d, ranks))
        .collect();
    items.extend(
        cycle
            .allocations
            .iter()
            .filter(|a| a.to.node == id)
            .map(|a| allocation_label(model, a)),
    );
    let addressed = cycle.directives.iter().any(|d| d.scope.reaches(id))
        || cycle.allocations.iter().any(|a| a.to.node == id)
        || cycle
            .aligns
            .iter()
            .any(|a| a.units.iter().any(|u| u.node == id))
        || cycle
            .resolutions
            .iter()
            .any(|r| r.units.iter().any(|u| u.node == id));
    let more = items.len().saturating_sub(MAX_ITEMS);
    items.truncate(MAX_ITEMS);
    Arrow {
        to,
        addressed,
        items,
        more,
    }
}

fn bound_label(m: &Metric, op: Cmp, value: Decimal) -> String {
    format!(
        "{} {} {}",
        human::metric(&m.name.node),
        human::op_symbol(op.as_str()),
        human::quantity(value, m.unit.as_ref().map(|u| u.node.0.as_str()))
    )
}

/// One line for a goal, constraint or outcome: `#1 throughput ≥ 1,300 crates/week · 31 Mar`.
fn directive_label(model: &Model, d: &Directive, ranks: &BTreeMap<String, u32>) -> Option<String> {
    let urgent = if d.urgent.is_some() { "URGENT " } else { "" };
    let by = d
        .kind
        .by()
        .map(|b| format!("\u{a0}·\u{a0}{}", human::short_date(&b.node.to_string())))
        .unwrap_or_default();
    let text = match &d.kind {
        DirectiveKind::Goal { id, metric, .. } => {
            let m = model.metric(metric.node);
            let b = d.bound.as_ref()?;
            let rank = id
                .as_ref()
                .and_then(|i| ranks.get(&i.node))
                .or_else(|| ranks.get(&m.name.node))
                .map(|r| format!("#{r} "))
                .unwrap_or_default();
            format!("{rank}{urgent}{}{by}", bound_label(m, b.op, b.value))
        }
        DirectiveKind::Constraint { metric, .. } => {
            let m = model.metric(metric.node);
            let b = d.bound.as_ref()?;
            let rank = ranks
                .get(&m.name.node)
                .map(|r| format!("#{r} "))
                .unwrap_or_default();
            let keep: Vec<String> = d
                .keep_bounds
                .iter()
                .map(|(k, kb)| bound_label(model.metric(k.node), kb.op, kb.value))
                .collect();
            let keep = if keep.is_empty() {
                String::new()
            } else {
                format!(", keep {}", keep.join(", "))
            };
            format!("{rank}{urgent}{}{keep}{by}", bound_label(m, b.op, b.value))
        }
        DirectiveKind::Outcome { text, .. } => {
            format!(
                "{urgent}“{}”{by}",
                human::shorten(&text.node, OUTCOME_CHARS)
            )
        }
    };
    Some(text)
}

fn allocation_label(model: &Model, a: &Allocation) -> String {
    let what = match &a.what {
        Allocated::Amount(q) => {
            human::quantity(q.value, q.unit.as_ref().map(|u| u.node.0.as_str()))
        }
        Allocated::Tech(t) => format!("tech “{}”", human::shorten(&t.node, 40)),
    };
    match &a.target {
        Some(t) => format!("{what} for {}", human::metric(&target_name(model, &t.node))),
        None => what,
    }
}

fn aligns(model: &Model, cycle: &Cycle, index: &BTreeMap<UnitId, usize>) -> Vec<Link> {
    cycle
        .aligns
        .iter()
        .map(|a| {
            let units: BTreeSet<usize> = a
                .units
                .iter()
                .filter_map(|u| index.get(&u.node).copied())
                .collect();
            Link {
                kind: LinkKind::Align,
                metric: model.metric(a.metric.node).name.node.clone(),
                units: units.into_iter().collect(),
            }
        })
        .collect()
}

/// Cross-department conflicts: for each organization-wide metric, the units
/// whose own bounds (goals, constraints, `keep`) clash with another unit's.
fn conflicts(model: &Model, cycle: &Cycle, index: &BTreeMap<UnitId, usize>) -> Vec<Link> {
    let mut by_metric: BTreeMap<MetricId, Vec<(UnitId, Bound)>> = BTreeMap::new();
    for d in &cycle.directives {
        let Scope::Units(us) = &d.scope else { continue };
        let mut bounds: Vec<(MetricId, &Bound)> = Vec::new();
        if let (Some(m), Some(b)) = (d.kind.metric(), &d.bound) {
            bounds.push((m.node, b));
        }
        bounds.extend(d.keep_bounds.iter().map(|(k, b)| (k.node, b)));
        for (m, b) in bounds {
            for u in us {
                by_metric.entry(m).or_default().push((u.node, b.clone()));
            }
        }
    }
    let mut links = Vec::new();
    for (metric, bounds) in by_metric {
        if model.metric(metric).per_unit {
            continue;
        }
        let mut units = BTreeSet::new();
        for (a, lo) in bounds.iter().filter(|(_, b)| is_lower(b.op)) {
            for (b, up) in bounds.iter().filter(|(_, b)| is_upper(b.op)) {
                if let (true, Some(&x), Some(&y)) =
                    (a != b && clash(lo, up), index.get(a), index.get(b))
                {
                    units.extend([x, y]);
                }
            }
        }
        if !units.is_empty() {
            links.push(Link {
                kind: LinkKind::Conflict,
                metric: model.metric(metric).name.node.clone(),
                units: units.into_iter().collect(),
            });
        }
    }
    links
}

fn is_lower(op: Cmp) -> bool {
    matches!(op, Cmp::Gt | Cmp::Ge | Cmp::Eq)
}

fn is_upper(op: Cmp) -> bool {
    matches!(op, Cmp::Lt | Cmp::Le | Cmp::Eq)
}

fn clash(lo: &Bound, up: &Bound) -> bool {
    let strict = |op: Cmp| matches!(op, Cmp::Gt | Cmp::Lt);
    lo.value > up.value || (lo.value == up.value && (strict(lo.op) || strict(up.op)))
}

/// The picture laid out by Graphviz: `dot -Tsvg` from PATH, fed the DOT.
/// An error says why when `dot` is missing or fails.
pub fn graphviz_svg(g: &Graph) -> Result<String, String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run Graphviz's `dot` ({e}): install graphviz, or leave out `--layout dot` to lay the picture out in koomc"))?;
    let text = dot(g);
    let mut stdin = child.stdin.take().expect("piped");
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let output = child
        .wait_with_output()
        .map_err(|e| format!("`dot` failed: {e}"))?;
    let _ = writer.join();
    if !output.status.success() {
        return Err(format!(
            "`dot -Tsvg` failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    String::from_utf8(output.stdout)
        .map_err(|_| "`dot -Tsvg` wrote text that is not UTF-8".to_owned())
}
