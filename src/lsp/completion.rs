//! Completion that fits the place: the statements a block allows on an
//! empty line (directive keywords only in a `to` block, never a file-level
//! keyword inside a cycle), units after `to`, `align`, a list's `,`,
//! `under` and `resolve … for`; metrics after `goal`, `constraint`, `keep`,
//! `on`; metrics and goal ids after `priority N` and `allocate … for`;
//! `higher`/`lower` after `better`; the permitted uses after `ai`; units of
//! measure after a number. A unit or metric carries its declaration as
//! `detail`.

use std::borrow::Cow;

use lsp_types::{CompletionItem, CompletionItemKind, Documentation};
use serde_json::Value;

use super::context::{Context, Place};
use super::names::{Declared, Kind, Names};
use super::server::{position, uri, Failure};
use super::text::{in_string_or_comment, offset};
use super::workspace::Workspace;
use crate::model::Layer;

/// The permitted `ai` uses (spec: provenance).
pub const AI_USES: &[&str] = &[
    "summarize",
    "draft",
    "scenario",
    "explore",
    "expand",
    "interpret",
];

const CYCLE_STATEMENTS: &[&str] = &[
    "window",
    "budget",
    "direction",
    "priority",
    "align",
    "resolve",
    "to",
    "goal",
    "constraint",
    "outcome",
    "allocate",
    "urgent",
];
const DIRECTIVES: &[&str] = &["goal", "constraint", "outcome", "allocate", "urgent"];
const MEASURES: &[&str] = &["%", "pp", "USD", "EUR", "people", "days", "weeks", "months"];

pub fn completion(ws: &Workspace, params: &Value) -> Result<Option<Vec<CompletionItem>>, Failure> {
    let uri = uri(params)?;
    let pos = position(params)?;
    let Some(doc) = ws.docs.get(uri) else {
        return Ok(None);
    };
    let Some(at) = offset(&doc.text, pos) else {
        return Ok(None);
    };
    if in_string_or_comment(&doc.text, at) {
        return Ok(Some(Vec::new()));
    }
    let context = Context::at(&doc.text, at);
    let names = names(ws, uri, &doc.text, at);
    Ok(Some(items(&context, &names)))
}

/// The names to offer: the document's last check's (or those it kept),
/// else those of a check of the text without the line being typed.
fn names<'a>(ws: &'a Workspace, uri: &str, text: &str, at: usize) -> Cow<'a, Names> {
    if let Some(check) = ws.checks.get(uri).filter(|c| !c.names().all.is_empty()) {
        return Cow::Borrowed(check.names());
    }
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n);
    let without = format!("{}{}", &text[..line_start], &text[line_end..]);
    Cow::Owned(ws.names_with_text(uri, without))
}

fn items(c: &Context<'_>, names: &Names) -> Vec<CompletionItem> {
    let Some(previous) = c.previous() else {
        return starters(c);
    };
    let first = c.first().unwrap_or_default();
    if previous == "," {
        return match c.list_head() {
            Some("align" | "to") => units(names, addressable),
            Some("for") if first == "resolve" => units(names, addressable),
            Some("keep") => metrics(names),
            _ => Vec::new(),
        };
    }
    match previous {
        "better" => values(&["higher", "lower"]),
        "ai" => values(AI_USES),
        "urgent" => keywords(&["goal", "constraint", "outcome"]),
        "to" if matches!(first, "window" | "cycle") => Vec::new(),
        "to" | "align" => units(names, addressable),
        "under" => units(names, |l| l == Layer::Manager),
        "for" if first == "resolve" => units(names, addressable),
        "for" => targets(names),
        "on" | "goal" | "constraint" | "keep" => metrics(names),
        p if p.ends_with(':') && c.has("goal") => metrics(names),
        p if first == "priority" && c.words.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
            targets(names)
        }
        "unit" if first == "metric" => measures(names),
        p if is_number(p) && !matches!(first, "priority" | "window" | "revision") => {
            measures(names)
        }
        _ => after_statement(c),
    }
}

fn addressable(layer: Layer) -> bool {
    layer != Layer::Worker
}

/// The keywords that may start a statement where the cursor is.
fn starters(c: &Context<'_>) -> Vec<CompletionItem> {
    match c.place {
        Place::File if c.first_statement => keywords(&["koom"]),
        Place::File => keywords(crate::syntax::FILE_STATEMENTS),
        Place::Cycle => keywords(CYCLE_STATEMENTS),
        Place::To => keywords(DIRECTIVES),
        Place::Other => Vec::new(),
    }
}

/// What may follow a statement's parts: a declaration's attributes, a
/// directive's `by`, `keep` and annotations.
fn after_statement(c: &Context<'_>) -> Vec<CompletionItem> {
    let first = c.first().unwrap_or_default();
    match (c.place, first) {
        (Place::File, "metric") if c.words.len() >= 2 => {
            keywords(&["unit", "better", "baseline", "per"])
        }
        (Place::File, "worker") if c.words.len() == 2 => keywords(&["under"]),
        (Place::Cycle | Place::To, "constraint") => keywords(&["by", "keep", "because", "ai"]),
        (Place::Cycle | Place::To, "goal" | "outcome" | "urgent") => {
            keywords(&["by", "because", "ai"])
        }
        (Place::Cycle, "window" | "budget" | "direction" | "priority" | "align")
        | (Place::Cycle | Place::To, "allocate") => keywords(&["because", "ai"]),
        _ => Vec::new(),
    }
}

/// A quantity's number: `1300`, `250k`, `4.2`, `-12`, `1_200` (not a date).
fn is_number(word: &str) -> bool {
    let digits = word.trim_start_matches(['+', '-']);
    digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .trim_end_matches(['k', 'm'])
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'_')
}

fn item(label: &str, kind: CompletionItemKind, detail: Option<String>) -> CompletionItem {
    CompletionItem {
        label: label.to_owned(),
        kind: Some(kind),
        detail,
        ..CompletionItem::default()
    }
}

fn keywords(words: &[&str]) -> Vec<CompletionItem> {
    words
        .iter()
        .map(|w| CompletionItem {
            documentation: super::keywords::meaning(w).map(|m| Documentation::String(m.to_owned())),
            ..item(w, CompletionItemKind::KEYWORD, None)
        })
        .collect()
}

fn values(words: &[&str]) -> Vec<CompletionItem> {
    words
        .iter()
        .map(|w| item(w, CompletionItemKind::ENUM_MEMBER, None))
        .collect()
}

fn declared(d: &Declared, kind: CompletionItemKind) -> CompletionItem {
    CompletionItem {
        documentation: Some(Documentation::String(d.hover.replace(['*', '`'], ""))),
        ..item(&d.name, kind, Some(d.detail.clone()))
    }
}

fn units(names: &Names, layer: fn(Layer) -> bool) -> Vec<CompletionItem> {
    names
        .of_kind(|k| matches!(k, Kind::Unit(l) if layer(l)))
        .map(|d| declared(d, CompletionItemKind::MODULE))
        .collect()
}

fn metrics(names: &Names) -> Vec<CompletionItem> {
    names
        .of_kind(|k| k == Kind::Metric)
        .map(|d| declared(d, CompletionItemKind::VARIABLE))
        .collect()
}

/// What a priority or an allocation serves: metrics and goal ids.
fn targets(names: &Names) -> Vec<CompletionItem> {
    let mut out = metrics(names);
    out.extend(
        names
            .of_kind(|k| k == Kind::Goal)
            .map(|d| declared(d, CompletionItemKind::REFERENCE)),
    );
    out
}

fn measures(names: &Names) -> Vec<CompletionItem> {
    let mut list: Vec<&str> = names
        .of_kind(|k| k == Kind::Metric)
        .filter_map(|d| d.measure.as_deref())
        .collect();
    list.extend(MEASURES);
    list.sort_unstable();
    list.dedup();
    list.into_iter()
        .map(|m| item(m, CompletionItemKind::UNIT, None))
        .collect()
}
