//! The declared names of a check: units, metrics and goal ids, with where
//! each is declared and what it is. Hover, definition, rename, completion
//! and the semantic tokens read them; a document whose last check has no
//! model (a syntax error while typing) keeps the names of its last check
//! that had one.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use lsp_types::Range;

use crate::model::{DirectiveKind, Layer, Model};
use crate::source::{SourceMap, Span};

/// What a name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Unit(Layer),
    Metric,
    Goal,
}

impl Kind {
    /// In words, for messages: "a manager unit", "a metric", "a goal id".
    pub fn words(self) -> String {
        match self {
            Kind::Unit(layer) => format!("a {} unit", layer.as_str()),
            Kind::Metric => "a metric".to_owned(),
            Kind::Goal => "a goal id".to_owned(),
        }
    }
}

/// One declared name.
#[derive(Clone, Debug)]
pub struct Declared {
    pub name: String,
    pub kind: Kind,
    /// The declaration as written, on one line (a completion's detail).
    pub detail: String,
    /// What hover shows (markdown).
    pub hover: String,
    /// Where the name is declared: the file's canonical path and URI
    /// (shared by every name of the file).
    pub path: Arc<Path>,
    pub uri: Arc<str>,
    pub range: Range,
    /// A metric's unit of measure.
    pub measure: Option<String>,
}

/// A span's file: its canonical path and its URI.
pub type Place<'a> = dyn Fn(Span) -> (Arc<Path>, Arc<str>) + 'a;

/// Every declared name of one check.
#[derive(Clone, Debug, Default)]
pub struct Names {
    pub all: Vec<Declared>,
    by_name: HashMap<String, usize>,
    /// Whether they are the names of the check that holds them (not kept
    /// from an earlier one, while a file has a syntax error).
    pub current: bool,
}

impl Names {
    /// The names of a checked model; `place` gives the canonical path and
    /// the URI of a span's file.
    pub fn of(model: &Model, sources: &SourceMap, place: &Place) -> Names {
        let mut names = Names {
            current: true,
            ..Names::default()
        };
        let one_line = |span: Span| {
            sources
                .text(span)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        for u in &model.units {
            let lead = u
                .lead
                .as_ref()
                .map(|l| format!(", lead {}", l.node))
                .unwrap_or_default();
            let under = u
                .under
                .map(|p| format!(", under `{}`", model.unit(p).name.node))
                .unwrap_or_default();
            let (path, uri) = place(u.name.span);
            names.add(Declared {
                name: u.name.node.clone(),
                kind: Kind::Unit(u.layer),
                detail: one_line(u.span),
                hover: format!(
                    "**unit** `{}`: {} layer{lead}{under}",
                    u.name.node,
                    u.layer.as_str()
                ),
                path,
                uri,
                range: super::text::range(sources, u.name.span),
                measure: None,
            });
        }
        for m in &model.metrics {
            let (path, uri) = place(m.name.span);
            names.add(Declared {
                name: m.name.node.clone(),
                kind: Kind::Metric,
                detail: one_line(m.span),
                hover: metric_hover(m),
                path,
                uri,
                range: super::text::range(sources, m.name.span),
                measure: m.unit.as_ref().map(|u| u.node.0.clone()),
            });
        }
        for cycle in &model.cycles {
            for d in &cycle.directives {
                if let DirectiveKind::Goal { id: Some(id), .. } = &d.kind {
                    let text = one_line(d.span);
                    let (path, uri) = place(id.span);
                    names.add(Declared {
                        name: id.node.clone(),
                        kind: Kind::Goal,
                        hover: format!("**goal** in cycle `{}`: `{text}`", cycle.id.node),
                        detail: text,
                        path,
                        uri,
                        range: super::text::range(sources, id.span),
                        measure: None,
                    });
                }
            }
        }
        names
    }

    /// These names, kept for a later check that has no model.
    pub fn kept(self) -> Names {
        Names {
            current: false,
            ..self
        }
    }

    fn add(&mut self, d: Declared) {
        self.by_name.entry(d.name.clone()).or_insert(self.all.len());
        self.all.push(d);
    }

    pub fn get(&self, name: &str) -> Option<&Declared> {
        self.by_name.get(name).map(|&i| &self.all[i])
    }

    pub fn of_kind(&self, want: impl Fn(Kind) -> bool) -> impl Iterator<Item = &Declared> {
        self.all.iter().filter(move |d| want(d.kind))
    }
}

fn metric_hover(m: &crate::model::Metric) -> String {
    let unit = m
        .unit
        .as_ref()
        .map_or("no unit".to_owned(), |u| format!("unit `{}`", u.node.0));
    let better = m.better.as_ref().map_or("no `better`".to_owned(), |b| {
        format!("better {}", b.node.as_str())
    });
    let baseline = m.baseline.as_ref().map_or("no baseline".to_owned(), |b| {
        format!("baseline {}", b.value.normalize())
    });
    let scope = if m.per_unit {
        ", per unit"
    } else {
        ", organization-wide"
    };
    format!(
        "**metric** `{}`: {unit}, {better}, {baseline}{scope}",
        m.name.node
    )
}
