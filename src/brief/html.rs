//! A page as one self-contained HTML document: the style sheet embedded, the
//! picture inline, no script, no web font, nothing fetched. Every piece of
//! text goes through `human::escape`.

use super::doc::*;
use crate::human::escape;

/// The one style sheet, with print styles.
pub const CSS: &str = include_str!("style.css");

pub fn page(doc: &Doc) -> String {
    let title = if doc.kicker.is_empty() {
        doc.title.clone()
    } else {
        format!("{} · {}", doc.title, doc.kicker)
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<main{}>\n",
        escape(&title),
        if doc.wide { " class=\"wide\"" } else { "" }
    );
    if let Some(back) = &doc.back {
        out.push_str(&format!(
            "<nav><a href=\"{}.html\">← Executive overview</a></nav>\n",
            escape(back)
        ));
    }
    out.push_str(&header(doc));
    for s in &doc.sections {
        out.push_str(&format!(
            "<section id=\"{}\">\n<h2>{}</h2>\n",
            escape(&s.id),
            escape(&s.heading)
        ));
        for b in &s.blocks {
            out.push_str(&block(b));
        }
        out.push_str("</section>\n");
    }
    out.push_str("<footer>\n");
    for line in &doc.footer {
        out.push_str(&format!("<p>{}</p>\n", escape(line)));
    }
    out.push_str("</footer>\n</main>\n</body>\n</html>\n");
    out
}

fn header(doc: &Doc) -> String {
    let mut out = String::from("<header>\n");
    if !doc.kicker.is_empty() {
        out.push_str(&format!(
            "<p class=\"kicker\">{}</p>\n",
            escape(&doc.kicker)
        ));
    }
    out.push_str(&format!(
        "<h1>{}</h1>\n<ul class=\"meta\">\n",
        escape(&doc.title)
    ));
    for m in &doc.meta {
        out.push_str(&format!("<li>{}</li>\n", escape(m)));
    }
    out.push_str("</ul>\n</header>\n");
    out
}

fn block(b: &Block) -> String {
    match b {
        Block::Quote(t) => format!("<blockquote>{}</blockquote>\n", escape(t)),
        Block::Note(t) => format!("<p class=\"note\">{}</p>\n", escape(t)),
        Block::Subheading(t) => format!("<h3>{}</h3>\n", escape(t)),
        Block::Items { ordered, items } => list(*ordered, items),
        Block::Bars(charts) => charts.iter().map(chart).collect(),
        Block::Meters(meters) => meters_html(meters),
        // The SVG is koomc's own output, escaped where it was written.
        Block::Picture { svg, file, alt } => format!(
            "<figure role=\"group\" aria-label=\"{}\">\n{svg}<figcaption>The spine for this cycle. <a href=\"{}\">Open the picture on its own</a>.</figcaption>\n</figure>\n",
            escape(alt),
            escape(file)
        ),
        Block::Links(links) => {
            let mut out = String::from("<ul class=\"links\">\n");
            for l in links {
                out.push_str(&format!(
                    "<li><a href=\"{}\">{}</a> <span class=\"note\">{}</span></li>\n",
                    escape(&l.href),
                    escape(&l.text),
                    escape(&l.note)
                ));
            }
            out.push_str("</ul>\n");
            out
        }
    }
}

fn list(ordered: bool, items: &[Item]) -> String {
    let tag = if ordered { "ol" } else { "ul" };
    let mut out = format!("<{tag} class=\"items\">\n");
    for item in items {
        let tags: String = item
            .tags
            .iter()
            .map(|t| {
                format!(
                    "<span class=\"tag {}\">{}</span>",
                    t.class(),
                    escape(&t.text())
                )
            })
            .collect();
        out.push_str(&format!(
            "<li><span class=\"text\">{}{tags}</span>",
            escape(&item.text)
        ));
        out.push_str(&format!(
            "<span class=\"src\">{}</span>",
            escape(item.source.as_deref().unwrap_or(""))
        ));
        if let Some(note) = &item.note {
            out.push_str(&format!("<span class=\"sub\">{}</span>", escape(note)));
        }
        out.push_str("</li>\n");
    }
    out.push_str(&format!("</{tag}>\n"));
    out
}

fn colour(i: usize) -> String {
    if i == usize::MAX {
        "cx".to_owned()
    } else {
        format!("c{}", i % 8)
    }
}

fn chart(c: &Chart) -> String {
    let all: Vec<&Segment> = c.segments.iter().chain(c.rest.as_ref()).collect();
    let mut out = format!(
        "<div class=\"chart\">\n<div class=\"title\">{}</div>\n<div class=\"bar\" role=\"img\" aria-label=\"{}\">",
        escape(&c.title),
        escape(&all.iter().map(|s| format!("{} {}", s.label, s.amount)).collect::<Vec<_>>().join(", "))
    );
    for s in &all {
        out.push_str(&format!(
            "<span class=\"{}\" style=\"width:{}%\"></span>",
            colour(s.colour),
            escape(&s.width)
        ));
    }
    out.push_str("</div>\n<ul class=\"legend\">");
    for s in &all {
        out.push_str(&format!(
            "<li><i class=\"{}\"></i>{} {}</li>",
            colour(s.colour),
            escape(&s.label),
            escape(&s.amount)
        ));
    }
    out.push_str("</ul>\n</div>\n");
    out
}

fn meters_html(meters: &[Meter]) -> String {
    let mut out = String::from("<ul class=\"meters\">\n");
    for m in meters {
        let (width, shown) = match m.score {
            Some(s) => (s, s.to_string()),
            None => (0, "–".to_owned()),
        };
        out.push_str(&format!(
            "<li><span class=\"label\">{}<small>{}</small></span><span class=\"meter\"><span style=\"width:{width}%\"></span></span><span class=\"score\">{shown}</span></li>\n",
            escape(&m.label),
            escape(&m.note)
        ));
    }
    out.push_str("</ul>\n");
    out
}
