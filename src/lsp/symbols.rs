//! Symbols. A document's outline is hierarchical: its declarations grouped
//! (`units`, `metrics`), then each cycle with its statements, its `to`
//! blocks and their directives inside them. It is read from the syntax
//! tree, so a file with a syntax error still has an outline of what parsed.
//! Workspace symbols are the units, metrics, goal ids and cycles of every
//! open document's check.

#![allow(deprecated)] // `deprecated` is a field of the protocol's symbol types

use std::collections::BTreeSet;
use std::str::FromStr;

use lsp_types::{
    DocumentSymbol, Location, OneOf, SymbolKind, Uri, WorkspaceSymbol, WorkspaceSymbolResponse,
};
use serde_json::Value;

use super::names::Kind;
use super::server::{uri, Failure};
use super::text::range;
use super::workspace::{Check, Workspace};
use crate::source::{SourceMap, Span};
use crate::syntax::ast::{CycleItem, CycleItemKind, DirectiveKind, ItemKind};
use crate::syntax::Reparse;

fn symbol(
    sources: &SourceMap,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    span: Span,
    selection: Span,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    DocumentSymbol {
        name: if name.trim().is_empty() {
            "…".to_owned()
        } else {
            name
        },
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: range(sources, span),
        selection_range: range(sources, selection),
        children: (!children.is_empty()).then_some(children),
    }
}

/// A statement's text on one line, shortened.
fn one_line(sources: &SourceMap, span: Span) -> String {
    let text = sources
        .text(span)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    crate::human::shorten(&text, 60)
}

pub fn document(ws: &Workspace, params: &Value) -> Result<Option<Vec<DocumentSymbol>>, Failure> {
    let uri = uri(params)?;
    let Some(check) = ws.checks.get(uri) else {
        return Ok(None);
    };
    let Some(ast) = check.doc.and_then(|f| check.syntax_of(ws.reparse(), f)) else {
        return Ok(Some(Vec::new()));
    };
    let sources = &check.compilation.sources;
    let (mut units, mut metrics, mut cycles) = (Vec::new(), Vec::new(), Vec::new());
    for item in &ast.items {
        match &item.node {
            ItemKind::Unit(u) => units.push(symbol(
                sources,
                u.name.node.clone(),
                Some(u.layer.node.as_str().to_owned()),
                SymbolKind::CLASS,
                item.span,
                u.name.span,
                Vec::new(),
            )),
            ItemKind::Metric(m) => metrics.push(symbol(
                sources,
                m.name.node.clone(),
                Some(one_line(sources, item.span)),
                SymbolKind::PROPERTY,
                item.span,
                m.name.span,
                Vec::new(),
            )),
            ItemKind::Cycle(c) => {
                let children = c.items.iter().map(|i| cycle_item(sources, i)).collect();
                cycles.push(symbol(
                    sources,
                    c.id.node.text().to_owned(),
                    Some("cycle".to_owned()),
                    SymbolKind::NAMESPACE,
                    item.span,
                    c.id.span,
                    children,
                ));
            }
            _ => {}
        }
    }
    let mut out: Vec<DocumentSymbol> = [group("units", units), group("metrics", metrics)]
        .into_iter()
        .flatten()
        .collect();
    out.extend(cycles);
    Ok(Some(out))
}

/// Declarations of one kind under one symbol, from the first to the last.
fn group(name: &str, children: Vec<DocumentSymbol>) -> Option<DocumentSymbol> {
    let (first, last) = (children.first()?, children.last()?);
    Some(DocumentSymbol {
        name: name.to_owned(),
        detail: None,
        kind: SymbolKind::MODULE,
        tags: None,
        deprecated: None,
        range: lsp_types::Range::new(first.range.start, last.range.end),
        selection_range: first.selection_range,
        children: Some(children),
    })
}

fn cycle_item(sources: &SourceMap, item: &CycleItem) -> DocumentSymbol {
    let (kind, selection, children) = match &item.node {
        CycleItemKind::To { units, items } => {
            let children = items.iter().map(|i| cycle_item(sources, i)).collect();
            let selection = units.first().map_or(item.span, |u| u.span);
            (SymbolKind::OBJECT, selection, children)
        }
        CycleItemKind::Directive(d) => {
            let kind = match d.kind {
                DirectiveKind::Goal { .. } => SymbolKind::EVENT,
                DirectiveKind::Constraint { .. } => SymbolKind::OPERATOR,
                DirectiveKind::Outcome { .. } => SymbolKind::STRING,
                _ => SymbolKind::NUMBER,
            };
            (kind, item.span, Vec::new())
        }
        _ => (SymbolKind::FIELD, item.span, Vec::new()),
    };
    let name = match &item.node {
        CycleItemKind::To { units, .. } => format!(
            "to {}",
            units
                .iter()
                .map(|u| u.node.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => one_line(sources, item.span),
    };
    symbol(sources, name, None, kind, item.span, selection, children)
}

pub fn workspace(
    ws: &Workspace,
    params: &Value,
) -> Result<Option<WorkspaceSymbolResponse>, Failure> {
    let query = params["query"].as_str().unwrap_or_default().to_lowercase();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let mut checks: Vec<&Check> = ws.checks.values().collect();
    checks.sort_by_key(|c| c.uris.first().cloned());
    for check in checks {
        for (name, kind, uri, at) in everything(check, ws.reparse()) {
            if !matches(&name.to_lowercase(), &query)
                || !seen.insert((uri.clone(), at.start, name.clone()))
            {
                continue;
            }
            let Ok(uri) = Uri::from_str(&uri) else {
                continue;
            };
            out.push(WorkspaceSymbol {
                name,
                kind,
                tags: None,
                container_name: None,
                location: OneOf::Left(Location { uri, range: at }),
                data: None,
            });
        }
    }
    Ok(Some(WorkspaceSymbolResponse::Nested(out)))
}

/// The names and cycles of a check, with their kind, URI and range.
fn everything(
    check: &Check,
    reparse: &Reparse,
) -> Vec<(String, SymbolKind, String, lsp_types::Range)> {
    let mut out: Vec<_> = check
        .names()
        .all
        .iter()
        .filter(|_| check.names().current)
        .map(|d| {
            let kind = match d.kind {
                Kind::Unit(_) => SymbolKind::CLASS,
                Kind::Metric => SymbolKind::PROPERTY,
                Kind::Goal => SymbolKind::EVENT,
            };
            (d.name.clone(), kind, d.uri.to_string(), d.range)
        })
        .collect();
    let sources = &check.compilation.sources;
    for (file, ast) in check.syntax(reparse) {
        for item in &ast.items {
            if let ItemKind::Cycle(c) = &item.node {
                let name = c.id.node.text().to_owned();
                out.push((
                    name,
                    SymbolKind::NAMESPACE,
                    check.uri(*file).to_owned(),
                    range(sources, c.id.span),
                ));
            }
        }
    }
    out
}

/// Whether the query's characters appear in the name in order.
fn matches(name: &str, query: &str) -> bool {
    let mut chars = name.chars();
    query.chars().all(|q| chars.any(|c| c == q))
}
