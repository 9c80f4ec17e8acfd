//! Hover: the diagnostics under the cursor with their rule, what a declared
//! name is (units, metrics, goal ids, across files), what a keyword means.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};
use serde_json::Value;

use super::server::{at, Failure};
use super::text::{range, word_at};
use super::workspace::Workspace;
use crate::diagnostic::Location;
use crate::source::Span;

pub fn hover(ws: &Workspace, params: &Value) -> Result<Option<Hover>, Failure> {
    let Some(at) = at(ws, params)? else {
        return Ok(None);
    };
    let c = &at.check.compilation;
    let doc = at.file;
    let mut parts = Vec::new();
    for d in c.diagnostics.iter().filter(|d| !d.suppressed) {
        let Location::Source(l) = &d.location else {
            continue;
        };
        if l.span.file == doc && l.span.start() <= at.offset && at.offset <= l.span.end() {
            let explanation = d.code.explanation();
            let rule = explanation
                .lines()
                .find(|l| l.starts_with("Rule:"))
                .unwrap_or_default();
            parts.push(format!(
                "**{}** {}\n\n{}",
                d.code.as_str(),
                d.message,
                rule.trim_start_matches("Rule:").trim()
            ));
        }
    }
    let word = word_at(at.text, at.offset);
    if let Some((s, e)) = word {
        let name = &at.text[s..e];
        if let Some(declared) = at.check.names().get(name) {
            parts.push(declared.hover.clone());
        } else if let Some(meaning) = super::keywords::meaning(name) {
            parts.push(format!("**{name}** — {meaning}"));
        }
    }
    if parts.is_empty() {
        return Ok(None);
    }
    Ok(Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range: word.map(|(s, e)| range(&c.sources, Span::new(doc, s, e))),
    }))
}
