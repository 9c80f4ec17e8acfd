//! `koomc score`: the executive scorecard (seed §7, and §8 failure mode 4:
//! "mandatory scorecards"), measured from the directives themselves. Entry
//! point: [`score`].
//!
//! Every figure is a share from 0 to 100 with a documented formula, the raw
//! counts behind it, and the lines that cost points:
//!
//! | figure | formula |
//! | --- | --- |
//! | clarity of direction | directives that are measurable and carry a `by` date ÷ all goals, constraints and outcomes |
//! | stability of priorities | 1 − (changes outside a window without cause + ½ × with cause) ÷ priorities, goals and constraints (needs `--baseline`) |
//! | accuracy of constraints | constraints with a sound bound (baseline, `better`, unit) that no other bound contradicts ÷ all constraints |
//! | cross-department alignment | shared metrics (goals of several units on one organization-wide metric) aligned and free of conflict ÷ shared metrics |
//! | resource allocation discipline | allocations within budget, budgeted, serving a priority or goal, not longer than the cycle ÷ all allocations |
//! | reliability of communication | mean of: manager and CoE units reached by a directive in each cycle ÷ units × cycles, and outcome and direction texts free of method or vague phrasing ÷ all texts |

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Figure as Costs, Location};
use crate::model::*;
use crate::source::{SourceMap, Span};

pub const SCHEMA: &str = "koom.scorecard/1";

#[derive(Serialize, JsonSchema)]
#[schemars(
    title = "KOOM executive scorecard",
    description = "The executive layer measured from its directives (seed §7)."
)]
pub struct Scorecard {
    /// Always `koom.scorecard/1`.
    pub schema: &'static str,
    pub org: Option<String>,
    pub revision: Option<String>,
    /// The baseline's revision date, when one was given.
    pub baseline: Option<String>,
    pub figures: Vec<Figure>,
}

#[derive(Serialize, JsonSchema)]
pub struct Figure {
    /// A stable name: `clarity-of-direction`, `stability-of-priorities`, …
    pub name: &'static str,
    pub title: &'static str,
    /// 0 to 100; null when it cannot be measured (stability without a baseline).
    pub score: Option<u32>,
    pub formula: &'static str,
    /// The counts the score is computed from.
    pub counts: BTreeMap<&'static str, u64>,
    /// The lines that cost points.
    pub costs: Vec<Cost>,
}

#[derive(Serialize, JsonSchema)]
pub struct Cost {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub reason: String,
}

/// Counts of change control, from `history::compare`.
#[derive(Default, Clone, Copy, Debug)]
pub struct Stability {
    pub with_cause: u64,
    pub without_cause: u64,
}

fn cost(sources: &SourceMap, span: Span, reason: impl Into<String>) -> Cost {
    let at = sources.get(span.file).line_col(span.start);
    Cost {
        file: sources.name(span.file).to_owned(),
        line: at.line,
        column: at.column,
        reason: reason.into(),
    }
}

fn inside(inner: Span, outer: Span) -> bool {
    inner.file == outer.file && inner.start >= outer.start && inner.end <= outer.end
}

/// The diagnostics that cost `figure` (a column of the code table) and point
/// into `span`, by their primary or a secondary label.
fn problems<'a>(
    diagnostics: &'a [Diagnostic],
    span: Span,
    figure: Costs,
) -> impl Iterator<Item = &'a Diagnostic> + 'a {
    diagnostics.iter().filter(move |d| {
        costs(d, figure)
            && (matches!(&d.location, Location::Source(l) if inside(l.span, span))
                || d.secondary.iter().any(|l| inside(l.span, span)))
    })
}

fn costs(d: &Diagnostic, figure: Costs) -> bool {
    d.code.figures().contains(&figure)
}

fn share(good: u64, all: u64) -> u32 {
    if all == 0 {
        100
    } else {
        ((good as f64 / all as f64) * 100.0).round() as u32
    }
}

/// What every figure reads.
struct Input<'a> {
    model: &'a Model,
    sources: &'a SourceMap,
    diagnostics: &'a [Diagnostic],
}

impl Input<'_> {
    fn cost(&self, span: Span, reason: impl Into<String>) -> Cost {
        cost(self.sources, span, reason)
    }

    /// A cost at each diagnostic of the figure, for figures counted from
    /// diagnostics rather than from statements.
    fn costs_of(&self, figure: Costs) -> Vec<Cost> {
        self.diagnostics
            .iter()
            .filter(|d| costs(d, figure))
            .filter_map(|d| d.primary_span().map(|s| self.cost(s, d.message.clone())))
            .collect()
    }
}

/// The scorecard of a checked model, with its diagnostics; `stability` comes
/// from comparing with a baseline (`None` without one).
pub fn score(
    model: &Model,
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
    baseline: Option<(&str, Stability)>,
) -> Scorecard {
    let input = Input {
        model,
        sources,
        diagnostics,
    };
    Scorecard {
        schema: SCHEMA,
        org: model.org.as_ref().map(|o| o.node.clone()),
        revision: model.revision.as_ref().map(|r| r.node.to_string()),
        baseline: baseline.map(|(r, _)| r.to_owned()),
        figures: vec![
            clarity(&input),
            stability(&input, baseline.map(|(_, s)| s)),
            accuracy(&input),
            alignment(&input),
            allocation(&input),
            communication(&input),
        ],
    }
}

/// Clarity of direction: measurable directives with a `by` date.
fn clarity(input: &Input) -> Figure {
    let (mut clear, mut all, mut costs) = (0, 0, Vec::new());
    for d in input.model.cycles.iter().flat_map(|c| &c.directives) {
        all += 1;
        let unclear = problems(input.diagnostics, d.span, Costs::Clarity).next();
        match (unclear, d.kind.by()) {
            (None, Some(_)) => clear += 1,
            (Some(p), _) => {
                costs.push(input.cost(d.span, format!("not measurable: {}", p.message)))
            }
            (None, None) => costs.push(input.cost(d.span, "no `by` date")),
        }
    }
    Figure {
        name: "clarity-of-direction",
        title: "Clarity of direction",
        score: Some(share(clear, all)),
        formula: "measurable directives with a `by` date ÷ goals, constraints and outcomes",
        counts: BTreeMap::from([("measurable_with_deadline", clear), ("directives", all)]),
        costs,
    }
}

/// Stability of priorities: changes outside a window, from change control.
fn stability(input: &Input, counted: Option<Stability>) -> Figure {
    let items: u64 = input
        .model
        .cycles
        .iter()
        .map(|c| {
            (c.priorities.len()
                + c.directives
                    .iter()
                    .filter(|d| d.kind.metric().is_some())
                    .count()) as u64
        })
        .sum();
    let Some(s) = counted else {
        return Figure {
            name: "stability-of-priorities",
            title: "Stability of priorities",
            score: None,
            formula: "needs a baseline: `koomc score NEW --baseline OLD`",
            counts: BTreeMap::from([("priorities_goals_constraints", items)]),
            costs: Vec::new(),
        };
    };
    let penalty = s.without_cause as f64 + 0.5 * s.with_cause as f64;
    let score = if items == 0 {
        100
    } else {
        ((1.0 - (penalty / items as f64).min(1.0)) * 100.0).round() as u32
    };
    Figure {
        name: "stability-of-priorities",
        title: "Stability of priorities",
        score: Some(score),
        formula: "1 − (changes outside a window without cause + ½ × with cause) ÷ priorities, goals and constraints",
        counts: BTreeMap::from([
            ("changed_outside_window_without_cause", s.without_cause),
            ("changed_outside_window_with_cause", s.with_cause),
            ("priorities_goals_constraints", items),
        ]),
        costs: input.costs_of(Costs::Stability),
    }
}

/// Accuracy of constraints: sound bounds that no other bound contradicts.
fn accuracy(input: &Input) -> Figure {
    let (mut sound, mut all, mut costs) = (0, 0, Vec::new());
    for d in input.model.cycles.iter().flat_map(|c| &c.directives) {
        if !matches!(d.kind, DirectiveKind::Constraint { .. }) {
            continue;
        }
        all += 1;
        match problems(input.diagnostics, d.span, Costs::Accuracy).next() {
            None => sound += 1,
            Some(p) => costs.push(input.cost(d.span, p.message.clone())),
        }
    }
    Figure {
        name: "accuracy-of-constraints",
        title: "Accuracy of constraints",
        score: Some(share(sound, all)),
        formula: "constraints with a sound bound that no other bound contradicts ÷ constraints",
        counts: BTreeMap::from([("sound", sound), ("constraints", all)]),
        costs,
    }
}

/// Cross-department alignment: shared metrics aligned and free of conflict.
fn alignment(input: &Input) -> Figure {
    let model = input.model;
    let shared: u64 = model
        .cycles
        .iter()
        .map(|c| c.shared_metrics(model).len() as u64)
        .sum();
    let costs = input.costs_of(Costs::Alignment);
    let bad = (costs.len() as u64).min(shared);
    Figure {
        name: "cross-department-alignment",
        title: "Cross-department alignment",
        score: Some(share(shared - bad, shared)),
        formula: "shared metrics aligned and free of conflict ÷ shared metrics",
        counts: BTreeMap::from([
            ("shared_metrics", shared),
            ("unaligned_or_conflicting", bad),
        ]),
        costs,
    }
}

/// Resource allocation discipline: allocations budgeted, within budget,
/// serving a target.
fn allocation(input: &Input) -> Figure {
    let (mut ok, mut all, mut costs) = (0, 0, Vec::new());
    for a in input.model.cycles.iter().flat_map(|c| &c.allocations) {
        all += 1;
        match problems(input.diagnostics, a.span, Costs::Allocation).next() {
            None => ok += 1,
            Some(p) => costs.push(input.cost(a.span, p.message.clone())),
        }
    }
    Figure {
        name: "resource-allocation-discipline",
        title: "Resource allocation discipline",
        score: Some(share(ok, all)),
        formula: "allocations budgeted, within budget, serving a priority or goal ÷ allocations",
        counts: BTreeMap::from([("disciplined", ok), ("allocations", all)]),
        costs,
    }
}

/// Reliability of communication: every unit reached, every text clear.
fn communication(input: &Input) -> Figure {
    let model = input.model;
    let mut costs = Vec::new();
    let (mut reached, mut pairs) = (0u64, 0u64);
    for cycle in &model.cycles {
        for (u, unit) in model.addressable_units() {
            pairs += 1;
            if cycle.directives.iter().any(|d| d.scope.reaches(u)) {
                reached += 1;
            } else {
                costs.push(input.cost(
                    cycle.span,
                    format!(
                        "`{}` gets no goal, constraint or outcome in this cycle",
                        unit.name.node
                    ),
                ));
            }
        }
    }
    let (mut clean, mut texts) = (0u64, 0u64);
    for cycle in &model.cycles {
        let outcomes = cycle
            .directives
            .iter()
            .filter(|d| matches!(d.kind, DirectiveKind::Outcome { .. }));
        let spans = cycle
            .directions
            .iter()
            .map(|d| d.span)
            .chain(outcomes.map(|d| d.span));
        for span in spans {
            texts += 1;
            match problems(input.diagnostics, span, Costs::Communication).next() {
                None => clean += 1,
                Some(p) => costs.push(input.cost(span, p.message.clone())),
            }
        }
    }
    Figure {
        name: "reliability-of-communication",
        title: "Reliability of communication",
        score: Some((share(reached, pairs) + share(clean, texts)) / 2),
        formula: "mean of (units reached in each cycle ÷ units × cycles) and (clear texts ÷ outcome and direction texts)",
        counts: BTreeMap::from([
            ("units_reached", reached),
            ("units_times_cycles", pairs),
            ("clear_texts", clean),
            ("texts", texts),
        ]),
        costs,
    }
}

/// The scorecard as a table, readable at a glance.
pub fn table(card: &Scorecard) -> String {
    let mut out = format!(
        "Executive scorecard: {}, revision {}{}\n\n",
        card.org.as_deref().unwrap_or("(no org)"),
        card.revision.as_deref().unwrap_or("(undated)"),
        card.baseline
            .as_deref()
            .map(|b| format!(" against {b}"))
            .unwrap_or_default()
    );
    for f in &card.figures {
        let (bar, shown) = match f.score {
            Some(s) => {
                let filled = (s as usize + 5) / 10;
                (
                    format!("{}{}", "█".repeat(filled), "·".repeat(10 - filled)),
                    format!("{s:>3}"),
                )
            }
            None => ("··········".to_owned(), "  –".to_owned()),
        };
        let mark = match f.score {
            Some(s) if s >= 90 => "✓",
            Some(s) if s >= 70 => "~",
            Some(_) => "✗",
            None => " ",
        };
        let counts: Vec<String> = f.counts.iter().map(|(k, v)| format!("{k} {v}")).collect();
        out.push_str(&format!(
            "{mark} {:<31} {bar} {shown}   {}\n",
            f.title,
            counts.join(", ")
        ));
    }
    let costs: Vec<(&Figure, &Cost)> = card
        .figures
        .iter()
        .flat_map(|f| f.costs.iter().map(move |c| (f, c)))
        .collect();
    if !costs.is_empty() {
        out.push_str("\nWhat cost points:\n");
        for (f, c) in costs {
            out.push_str(&format!(
                "  {}:{}:{}  {}: {}\n",
                c.file, c.line, c.column, f.title, c.reason
            ));
        }
    }
    out
}
