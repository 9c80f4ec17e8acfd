//! A page as Markdown for wikis and trackers (CommonMark with tables-free
//! lists). Every piece of text goes through `human::markdown`, so nothing in
//! it is read as markup or raw HTML.

use super::doc::*;
use crate::human::markdown as md;

pub fn page(doc: &Doc) -> String {
    let mut out = String::new();
    if let Some(back) = &doc.back {
        out.push_str(&format!("[← Executive overview]({}.md)\n\n", link(back)));
    }
    if !doc.kicker.is_empty() {
        out.push_str(&format!("**{}**\n\n", md(&doc.kicker)));
    }
    out.push_str(&format!("# {}\n\n", md(&doc.title)));
    for m in &doc.meta {
        out.push_str(&format!("- {}\n", md(m)));
    }
    for s in &doc.sections {
        out.push_str(&format!("\n## {}\n\n", md(&s.heading)));
        for b in &s.blocks {
            out.push_str(&block(b));
        }
    }
    out.push_str("\n---\n\n");
    for line in &doc.footer {
        out.push_str(&format!("{}\n\n", md(line)));
    }
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// A relative link target: Markdown angle brackets would take `<`, so paths
/// are koomc's own (cycle ids and unit names, kebab-case) and kept as they are.
fn link(path: &str) -> String {
    path.replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
}

fn block(b: &Block) -> String {
    match b {
        Block::Quote(t) => format!("> {}\n\n", md(t)),
        Block::Note(t) => format!("_{}_\n\n", md(t)),
        Block::Subheading(t) => format!("### {}\n\n", md(t)),
        Block::Items { ordered, items } => {
            let mut out = String::new();
            for (i, item) in items.iter().enumerate() {
                let mark = if *ordered {
                    format!("{}.", i + 1)
                } else {
                    "-".to_owned()
                };
                let tags: String = item
                    .tags
                    .iter()
                    .map(|t| format!(" `{}`", t.text().replace('`', "")))
                    .collect();
                out.push_str(&format!("{mark} **{}**{tags}", md(&item.text)));
                if let Some(note) = &item.note {
                    out.push_str(&format!("  \n   {}", md(note)));
                }
                if let Some(src) = &item.source {
                    out.push_str(&format!("  \n   `{}`", src.replace('`', "")));
                }
                out.push('\n');
            }
            out.push('\n');
            out
        }
        Block::Bars(charts) => charts.iter().map(chart).collect(),
        Block::Meters(meters) => {
            let mut out = String::new();
            for m in meters {
                let shown = m.score.map_or("–".to_owned(), |s| format!("{s}/100"));
                out.push_str(&format!(
                    "- **{}**: {shown} {}  \n  {}\n",
                    md(&m.label),
                    bar(m.score.unwrap_or(0)),
                    md(&m.note)
                ));
            }
            out.push('\n');
            out
        }
        Block::Picture { file, alt, .. } => format!("![{}]({})\n\n", md(alt), link(file)),
        Block::Links(links) => {
            let mut out = String::new();
            for l in links {
                out.push_str(&format!(
                    "- [{}]({}): {}\n",
                    md(&l.text),
                    link(&l.href),
                    md(&l.note)
                ));
            }
            out.push('\n');
            out
        }
    }
}

/// Ten blocks, one per ten points.
fn bar(score: u32) -> String {
    let filled = ((score + 5) / 10).min(10) as usize;
    format!("`{}{}`", "█".repeat(filled), "·".repeat(10 - filled))
}

fn chart(c: &Chart) -> String {
    let mut out = format!("**{}**\n\n", md(&c.title));
    for s in c.segments.iter().chain(c.rest.as_ref()) {
        out.push_str(&format!("- {}: {}\n", md(&s.label), md(&s.amount)));
    }
    out.push('\n');
    out
}
