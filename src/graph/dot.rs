//! The picture as Graphviz DOT, left to right: the executive layer, what
//! each unit receives (the arrow's label), the units, and their workers and
//! links. `dot -Tsvg` lays it out; `koomc graph --layout dot` calls it.

use super::*;

/// Wrap width of a label line, in characters.
const WIDTH: usize = 44;
const FONT: &str = "Helvetica,Arial,sans-serif";
const INK: &str = "#44515e";
const GREY: &str = "#a7b0b9";
const RED: &str = "#b42318";

/// A DOT quoted string: `"` and `\` escaped; line breaks are the caller's.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Lines as one left-justified DOT label (`\l` after each line).
fn left(lines: &[String]) -> String {
    let mut out = String::from("\"");
    for line in lines {
        let q = quote(line);
        out.push_str(&q[1..q.len() - 1]);
        out.push_str("\\l");
    }
    out.push('"');
    out
}

/// Lines as one centered DOT label (`\n` between lines).
fn centered(lines: &[&str]) -> String {
    let inner: Vec<String> = lines
        .iter()
        .map(|l| {
            let q = quote(l);
            q[1..q.len() - 1].to_owned()
        })
        .collect();
    format!("\"{}\"", inner.join("\\n"))
}

/// The lines of what an arrow carries, wrapped.
pub(super) fn arrow_lines(arrow: &Arrow, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    if !arrow.addressed {
        lines.push("no directive this cycle".to_owned());
    } else if arrow.items.is_empty() {
        lines.push("the cycle-level directives only".to_owned());
    }
    for item in &arrow.items {
        lines.extend(human::wrap(item, width, 2));
    }
    if arrow.more > 0 {
        lines.push(format!(
            "+ {} (see the briefing)",
            human::count(arrow.more, "more", "more")
        ));
    }
    lines
}

/// The picture as DOT.
pub fn dot(g: &Graph) -> String {
    let mut out = String::from("digraph spine {\n");
    out.push_str(&format!(
        "  graph [rankdir=LR, labelloc=t, labeljust=l, fontname={}, fontsize=16, nodesep=0.25, ranksep=0.45, label={}];\n",
        quote(FONT),
        quote(&format!("{} ({})", g.title, g.subtitle)),
    ));
    out.push_str(&format!(
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color={}, fontname={}, fontsize=10, margin=\"0.12,0.06\"];\n",
        quote(INK),
        quote(FONT)
    ));
    out.push_str(&format!(
        "  edge [color={}, fontname={}, fontsize=9, arrowsize=0.7];\n\n",
        quote(INK),
        quote(FONT)
    ));
    let exec: Vec<String> = g
        .executive
        .iter()
        .flat_map(|l| human::wrap(&l.text, 36, 3))
        .collect();
    out.push_str(&format!(
        "  executive [label={}, fillcolor=\"#eef2f7\", penwidth=1.5];\n",
        left(&exec)
    ));
    for (i, u) in g.units.iter().enumerate() {
        let role = if u.coe { "CoE" } else { "manager" };
        let lead = u
            .lead
            .as_deref()
            .map(|l| format!(" · {l}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "  u{i} [label={}, fillcolor={}];\n",
            centered(&[&u.name, &format!("{role}{lead}")]),
            if u.coe { "\"#f3effa\"" } else { "\"#eef6f1\"" }
        ));
    }
    for a in &g.arrows {
        let label = left(&arrow_lines(a, WIDTH));
        if a.addressed {
            out.push_str(&format!("  executive -> u{} [label={label}];\n", a.to));
        } else {
            out.push_str(&format!(
                "  executive -> u{} [label={label}, style=dotted, arrowhead=none, color={}, fontcolor={}];\n",
                a.to,
                quote(GREY),
                quote(GREY)
            ));
        }
    }
    out.push_str(&workers_and_links(g));
    out.push_str("}\n");
    out
}

/// The workers under their managers (plain lines) and the links' junctions.
fn workers_and_links(g: &Graph) -> String {
    let mut out = String::new();
    for (i, w) in g.workers.iter().enumerate() {
        out.push_str(&format!(
            "  w{i} [label={}, color={g_}, fontcolor={g_}, fillcolor=\"#f5f6f7\", style=\"rounded,filled,dashed\"];\n",
            centered(&[&w.name, "worker"]),
            g_ = quote(GREY)
        ));
        if let Some(m) = w.under {
            out.push_str(&format!(
                "  u{m} -> w{i} [arrowhead=none, style=dashed, color={}];\n",
                quote(GREY)
            ));
        }
    }
    for (i, l) in g.links.iter().enumerate() {
        let color = match l.kind {
            LinkKind::Align => INK,
            LinkKind::Conflict => RED,
        };
        out.push_str(&format!(
            "  l{i} [label={}, shape=box, style=\"rounded,dashed\", color={c}, fontcolor={c}, fontsize=9];\n",
            quote(&l.label()),
            c = quote(color)
        ));
        for u in &l.units {
            out.push_str(&format!(
                "  u{u} -> l{i} [dir=none, style=dashed, color={}];\n",
                quote(color)
            ));
        }
    }
    out
}
