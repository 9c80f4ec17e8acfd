//! `koomc brief`: one page per manager and CoE unit per cycle that a manager
//! can read in two minutes, and an executive overview. Entry point:
//! [`brief`] → pages (a relative path and its bytes); the command line writes
//! them atomically (`output::write_files`). See `docs/pictures.md`.
//!
//! The pages are built from the work orders (the same contract managers'
//! tools read) and the checked model (baselines, budgets, the picture), first
//! as plain data (`doc.rs`), then written as HTML (`html.rs`: self-contained,
//! one embedded style sheet with print styles, no script, no font, no
//! request) or Markdown (`markdown.rs`). No clock is read: the same input
//! gives the same bytes.

mod doc;
mod html;
mod markdown;
mod overview;
mod say;
mod unit;

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::emit::WorkOrder;
use crate::model::Model;
use crate::score::Stability;
use crate::Compilation;

pub use doc::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
        }
    }
}

/// What to brief, and how.
#[derive(Clone, Copy)]
pub struct Options<'a> {
    pub format: Format,
    /// The last revision, for "what changed for whom", and the counts of
    /// change control against it (for the scorecard).
    pub baseline: Option<(&'a Compilation, Stability)>,
}

/// One file to write: a path relative to the output folder, `/`-separated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The pages of a compilation without errors; `None` when it has errors
/// (nothing is written then, as with `build`).
pub fn brief(c: &Compilation, options: Options) -> Option<Vec<Page>> {
    let model = c.model.as_ref()?;
    let orders = c.work_orders()?;
    let facts = Facts::of(model, &orders);
    let mut pages = Vec::new();
    let render = |doc: &Doc| match options.format {
        Format::Html => html::page(doc),
        Format::Markdown => markdown::page(doc),
    };
    let pictures: BTreeMap<String, String> = crate::graph::dated_cycles(model)
        .into_iter()
        .map(|cycle| {
            let svg = crate::graph::svg(&crate::graph::graph(model, cycle));
            (cycle.id.node.clone(), svg)
        })
        .collect();
    let overview = overview::overview(c, &facts, &orders, &pictures, options);
    pages.push(Page {
        path: format!("index.{}", options.format.extension()),
        bytes: render(&overview).into_bytes(),
    });
    for cycle in crate::graph::dated_cycles(model) {
        pages.push(Page {
            path: format!("{}/graph.svg", cycle.id.node),
            bytes: pictures[&cycle.id.node].clone().into_bytes(),
        });
    }
    for order in &orders {
        pages.push(Page {
            path: unit_path(order, options.format),
            bytes: render(&unit::page(order, &facts)).into_bytes(),
        });
    }
    Some(pages)
}

/// `2026-Q1/operations.html`.
fn unit_path(order: &WorkOrder, format: Format) -> String {
    format!(
        "{}/{}.{}",
        order.cycle.id,
        order.to.unit,
        format.extension()
    )
}

/// What the pages need from the model beyond the work orders.
pub(crate) struct Facts {
    /// Metric name → (baseline, unit).
    baselines: BTreeMap<String, (Option<Decimal>, Option<String>)>,
    /// Cycle id → budgets (amount, unit).
    budgets: BTreeMap<String, Vec<(Decimal, String)>>,
    /// Unit name → its colour in charts (its place among the units).
    colours: BTreeMap<String, usize>,
}

impl Facts {
    fn of(model: &Model, orders: &[WorkOrder]) -> Facts {
        let baselines = model
            .metrics
            .iter()
            .map(|m| {
                let unit = m.unit.as_ref().map(|u| u.node.0.clone());
                (
                    m.name.node.clone(),
                    (m.baseline.as_ref().map(|b| b.value), unit),
                )
            })
            .collect();
        let budgets = model
            .cycles
            .iter()
            .map(|c| {
                let list = c
                    .budgets
                    .iter()
                    .filter_map(|b| Some((b.amount.value, b.amount.unit.as_ref()?.node.0.clone())))
                    .collect();
                (c.id.node.clone(), list)
            })
            .collect();
        let mut names: Vec<&str> = orders.iter().map(|o| o.to.unit.as_str()).collect();
        names.sort();
        names.dedup();
        let colours = names
            .into_iter()
            .enumerate()
            .map(|(i, n)| (n.to_owned(), i))
            .collect();
        Facts {
            baselines,
            budgets,
            colours,
        }
    }
}
