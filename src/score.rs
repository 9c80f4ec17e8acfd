//! `koomc score`: the executive scorecard (seed §7, and §8 failure mode 4:
//! "mandatory scorecards"), measured from the directives themselves. Entry
//! point: [`score`].
//!
//! Every item of seed §7 is a figure: a share from 0 to 100 with a
//! documented formula, the raw counts behind it, and the lines that cost
//! points; or, where the directives cannot measure it (or there is nothing
//! to measure), no score and the reason. Which codes cost which figure is a
//! column of the code table (`diagnostic::Code::figures`).
//!
//! | figure | formula |
//! | --- | --- |
//! | clarity of direction | (directives that are measurable and dated + cycles with a direction, a success criterion and every priority bounded) ÷ (directives + cycles); a constraint holds all cycle and counts as dated |
//! | stability of priorities | 1 − (changes outside a window without cause + ½ × with cause) ÷ priorities, goals and constraints (needs `--baseline`) |
//! | accuracy of constraints | goals and constraints with a sound bound (baseline, `better`, unit) that asks for something and that no other bound contradicts ÷ goals and constraints |
//! | cross-department alignment | shared metrics (goals of several units on one organization-wide metric) aligned and free of conflict ÷ shared metrics |
//! | resource allocation discipline | allocations within budget, budgeted, serving a priority or goal, not longer than the cycle ÷ allocations |
//! | reliability of communication | mean of: units reached by a directive in each cycle ÷ units × cycles, and texts free of method or vague phrasing ÷ outcome and direction texts |
//! | support for the manager and CoE layers | mean of: units given both a directive and resources in each cycle ÷ units × cycles, and escalations answered ÷ escalations filed (with `--escalations`) |
//! | ability to resolve conflicts cleanly | resolutions ÷ (resolutions + cross-department conflicts + open escalations) |
//! | maintenance of organizational health | not measured: the directives do not show it |

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic, Figure as Costs, Location};
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
    /// 0 to 100; null when it cannot be measured, with the reason.
    pub score: Option<u32>,
    /// Why there is no score (no baseline, nothing to measure, or nothing
    /// in the directives that shows it); null with a score.
    pub reason: Option<String>,
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

/// What the scorecard reads besides the model and its diagnostics.
#[derive(Default, Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The baseline's revision date, and the counts of change control.
    pub baseline: Option<(&'a str, Stability)>,
    /// The escalations read with `--escalations`.
    pub escalations: Option<Escalations>,
}

/// Escalations filed for the plan's cycles, and how many a `resolve` answers.
#[derive(Default, Clone, Copy, Debug)]
pub struct Escalations {
    pub filed: u64,
    pub answered: u64,
}

/// Counts of change control, from `history::compare`.
#[derive(Default, Clone, Copy, Debug)]
pub struct Stability {
    pub with_cause: u64,
    pub without_cause: u64,
}

fn cost(sources: &SourceMap, span: Span, reason: impl Into<String>) -> Cost {
    let at = sources.get(span.file).line_col(span.start());
    Cost {
        file: sources.name(span.file).to_owned(),
        line: at.line,
        column: at.column,
        reason: reason.into(),
    }
}

fn inside(inner: Span, outer: Span) -> bool {
    inner.file == outer.file && inner.start() >= outer.start() && inner.end() <= outer.end()
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

/// `good` of `all` as a share from 0 to 100; `None` with nothing to count.
fn share(good: u64, all: u64) -> Option<u32> {
    (all > 0).then(|| ((good as f64 / all as f64) * 100.0).round() as u32)
}

/// The mean of the parts that could be measured.
fn mean(parts: &[Option<u32>]) -> Option<u32> {
    let known: Vec<u32> = parts.iter().flatten().copied().collect();
    (!known.is_empty())
        .then(|| (known.iter().sum::<u32>() as f64 / known.len() as f64).round() as u32)
}

/// What every figure reads.
struct Input<'a> {
    model: &'a Model,
    sources: &'a SourceMap,
    diagnostics: &'a [Diagnostic],
    context: Context<'a>,
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

    fn count(&self, code: Code) -> u64 {
        self.diagnostics.iter().filter(|d| d.code == code).count() as u64
    }
}

/// A figure's parts before it is scored.
struct Measure {
    name: &'static str,
    title: &'static str,
    formula: &'static str,
    counts: Vec<(&'static str, u64)>,
    score: Option<u32>,
    /// Why there is no score, where there is none.
    unmeasured: &'static str,
    costs: Vec<Cost>,
}

impl Measure {
    fn figure(self) -> Figure {
        Figure {
            name: self.name,
            title: self.title,
            reason: self.score.is_none().then(|| self.unmeasured.to_owned()),
            score: self.score,
            formula: self.formula,
            counts: self.counts.into_iter().collect(),
            costs: self.costs,
        }
    }
}

/// The scorecard of a checked model, with its diagnostics.
pub fn score(
    model: &Model,
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
    context: Context,
) -> Scorecard {
    // What the author silenced in place costs no points.
    let counted: Vec<Diagnostic> = diagnostics
        .iter()
        .filter(|d| !d.suppressed)
        .cloned()
        .collect();
    let input = Input {
        model,
        sources,
        diagnostics: &counted,
        context,
    };
    let figures = [
        clarity(&input),
        stability(&input),
        accuracy(&input),
        alignment(&input),
        allocation(&input),
        communication(&input),
        support(&input),
        conflicts(&input),
        health(),
    ];
    Scorecard {
        schema: SCHEMA,
        org: model.org.as_ref().map(|o| o.node.clone()),
        revision: model.revision.as_ref().map(|r| r.node.to_string()),
        baseline: context.baseline.map(|(r, _)| r.to_owned()),
        figures: figures.into_iter().map(Measure::figure).collect(),
    }
}

/// Clarity of direction: measurable, dated directives, and complete cycles.
fn clarity(input: &Input) -> Measure {
    let (mut clear, mut all, mut costs) = (0, 0, Vec::new());
    for d in input.model.cycles.iter().flat_map(|c| &c.directives) {
        all += 1;
        let unclear = problems(input.diagnostics, d.span, Costs::Clarity).next();
        // A constraint holds for the whole cycle: its end is its date.
        let dated = d.kind.by().is_some() || matches!(d.kind, DirectiveKind::Constraint { .. });
        match (unclear, dated) {
            (None, true) => clear += 1,
            (Some(p), _) => {
                costs.push(input.cost(d.span, format!("not measurable: {}", p.message)))
            }
            (None, false) => costs.push(input.cost(d.span, "no `by` date")),
        }
    }
    let (mut complete, mut cycles) = (0, 0);
    for cycle in &input.model.cycles {
        cycles += 1;
        let spans = std::iter::once(cycle.span).chain(cycle.priorities.iter().map(|p| p.span));
        let gaps: Vec<&Diagnostic> = spans
            .flat_map(|s| {
                problems(input.diagnostics, s, Costs::Clarity).filter(|d| d.code == Code::E0308)
            })
            .collect();
        if gaps.is_empty() {
            complete += 1;
        }
        for d in gaps {
            costs.push(input.cost(d.primary_span().unwrap_or(cycle.span), d.message.clone()));
        }
    }
    Measure {
        name: "clarity-of-direction",
        title: "Clarity of direction",
        formula: "(measurable directives with a date + complete cycles) ÷ (goals, constraints and outcomes + cycles)",
        counts: vec![("measurable_with_deadline", clear), ("directives", all), ("complete_cycles", complete), ("cycles", cycles)],
        score: share(clear + complete, all + cycles),
        unmeasured: "the plan has no cycle",
        costs,
    }
}

/// Stability of priorities: changes outside a window, from change control.
fn stability(input: &Input) -> Measure {
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
    let Some((_, s)) = input.context.baseline else {
        return Measure {
            name: "stability-of-priorities",
            title: "Stability of priorities",
            formula: "1 − (changes outside a window without cause + ½ × with cause) ÷ priorities, goals and constraints",
            counts: vec![("priorities_goals_constraints", items)],
            score: None,
            unmeasured: "needs a baseline: `koomc score NEW --baseline OLD`",
            costs: Vec::new(),
        };
    };
    let penalty = s.without_cause as f64 + 0.5 * s.with_cause as f64;
    let score =
        (items > 0).then(|| ((1.0 - (penalty / items as f64).min(1.0)) * 100.0).round() as u32);
    Measure {
        name: "stability-of-priorities",
        title: "Stability of priorities",
        formula: "1 − (changes outside a window without cause + ½ × with cause) ÷ priorities, goals and constraints",
        counts: vec![
            ("changed_outside_window_without_cause", s.without_cause),
            ("changed_outside_window_with_cause", s.with_cause),
            ("priorities_goals_constraints", items),
        ],
        score,
        unmeasured: "the plan sets no priority, goal or constraint",
        costs: input.costs_of(Costs::Stability),
    }
}

/// Accuracy of constraints: sound bounds that ask for something and that no
/// other bound contradicts.
fn accuracy(input: &Input) -> Measure {
    let (mut sound, mut all, mut costs) = (0, 0, Vec::new());
    for d in input.model.cycles.iter().flat_map(|c| &c.directives) {
        if matches!(d.kind, DirectiveKind::Outcome { .. }) {
            continue;
        }
        all += 1;
        match problems(input.diagnostics, d.span, Costs::Accuracy).next() {
            None => sound += 1,
            Some(p) => costs.push(input.cost(d.span, p.message.clone())),
        }
    }
    Measure {
        name: "accuracy-of-constraints",
        title: "Accuracy of constraints",
        formula: "goals and constraints with a sound bound that asks for something and that no other bound contradicts ÷ goals and constraints",
        counts: vec![("sound", sound), ("goals_and_constraints", all)],
        score: share(sound, all),
        unmeasured: "the plan sets no goal or constraint",
        costs,
    }
}

/// Cross-department alignment: shared metrics aligned and free of conflict.
fn alignment(input: &Input) -> Measure {
    let model = input.model;
    let shared: u64 = model
        .cycles
        .iter()
        .map(|c| c.shared_metrics(model).len() as u64)
        .sum();
    let costs = input.costs_of(Costs::Alignment);
    let bad = (costs.len() as u64).min(shared);
    Measure {
        name: "cross-department-alignment",
        title: "Cross-department alignment",
        formula: "shared metrics aligned and free of conflict ÷ shared metrics",
        counts: vec![
            ("shared_metrics", shared),
            ("unaligned_or_conflicting", bad),
        ],
        score: share(shared - bad, shared),
        unmeasured: "no metric is shared by goals of two units",
        costs,
    }
}

/// Resource allocation discipline: allocations budgeted, within budget,
/// serving a target.
fn allocation(input: &Input) -> Measure {
    let (mut ok, mut all, mut costs) = (0, 0, Vec::new());
    for a in input.model.cycles.iter().flat_map(|c| &c.allocations) {
        all += 1;
        match problems(input.diagnostics, a.span, Costs::Allocation).next() {
            None => ok += 1,
            Some(p) => costs.push(input.cost(a.span, p.message.clone())),
        }
    }
    Measure {
        name: "resource-allocation-discipline",
        title: "Resource allocation discipline",
        formula: "allocations budgeted, within budget, serving a priority or goal ÷ allocations",
        counts: vec![("disciplined", ok), ("allocations", all)],
        score: share(ok, all),
        unmeasured: "the plan allocates nothing",
        costs,
    }
}

/// Reliability of communication: every unit reached, every text clear.
fn communication(input: &Input) -> Measure {
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
        for span in cycle
            .directions
            .iter()
            .map(|d| d.span)
            .chain(outcomes.map(|d| d.span))
        {
            texts += 1;
            match problems(input.diagnostics, span, Costs::Communication).next() {
                None => clean += 1,
                Some(p) => costs.push(input.cost(span, p.message.clone())),
            }
        }
    }
    Measure {
        name: "reliability-of-communication",
        title: "Reliability of communication",
        formula: "mean of (units reached in each cycle ÷ units × cycles) and (clear texts ÷ outcome and direction texts)",
        counts: vec![("units_reached", reached), ("units_times_cycles", pairs), ("clear_texts", clean), ("texts", texts)],
        score: mean(&[share(reached, pairs), share(clean, texts)]),
        unmeasured: "the plan addresses no unit and has no text",
        costs,
    }
}

/// Support for the manager and CoE layers: every unit given direction and
/// the resources to act on it, and escalations answered.
fn support(input: &Input) -> Measure {
    let model = input.model;
    let mut costs = Vec::new();
    let (mut supported, mut pairs) = (0u64, 0u64);
    for cycle in &model.cycles {
        for (u, unit) in model.addressable_units() {
            pairs += 1;
            let directed = cycle.directives.iter().any(|d| d.scope.reaches(u));
            let resourced = cycle.allocations.iter().any(|a| a.to.node == u);
            if directed && resourced {
                supported += 1;
            } else if directed {
                costs.push(input.cost(
                    cycle.span,
                    format!(
                        "`{}` gets directives but no resources in this cycle",
                        unit.name.node
                    ),
                ));
            }
        }
    }
    let mut counts = vec![
        ("units_directed_and_resourced", supported),
        ("units_times_cycles", pairs),
    ];
    let answered = input.context.escalations.map(|e| {
        counts.push(("escalations_answered", e.answered));
        counts.push(("escalations_filed", e.filed));
        share(e.answered, e.filed)
    });
    costs.extend(
        input
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::E0705)
            .filter_map(|d| d.primary_span().map(|s| input.cost(s, d.message.clone()))),
    );
    Measure {
        name: "support-for-managers-and-coe",
        title: "Support for managers and CoE",
        formula: "mean of (units given a directive and resources in each cycle ÷ units × cycles) and (escalations answered ÷ escalations filed, with `--escalations`)",
        counts,
        score: mean(&[share(supported, pairs), answered.flatten()]),
        unmeasured: "the plan addresses no unit",
        costs,
    }
}

/// Ability to resolve conflicts cleanly: conflicts and open escalations
/// against the resolutions that settle them.
fn conflicts(input: &Input) -> Measure {
    let resolutions: u64 = input
        .model
        .cycles
        .iter()
        .map(|c| c.resolutions.len() as u64)
        .sum();
    let (conflicts, open) = (input.count(Code::E0603), input.count(Code::E0705));
    let mut costs: Vec<Cost> = Vec::new();
    for d in input
        .diagnostics
        .iter()
        .filter(|d| matches!(d.code, Code::E0603 | Code::E0705))
    {
        if let Some(s) = d.primary_span() {
            costs.push(input.cost(s, d.message.clone()));
        }
    }
    let unmeasured = if input.context.escalations.is_none() {
        "no cross-department conflict and no resolution (read the open escalations with `--escalations`)"
    } else {
        "no cross-department conflict, escalation or resolution"
    };
    Measure {
        name: "resolving-conflicts",
        title: "Resolving conflicts cleanly",
        formula: "resolutions ÷ (resolutions + cross-department conflicts + open escalations)",
        counts: vec![
            ("resolutions", resolutions),
            ("conflicts", conflicts),
            ("open_escalations", open),
        ],
        score: share(resolutions, resolutions + conflicts + open),
        unmeasured,
        costs,
    }
}

/// Maintenance of organizational health: not in the directives.
fn health() -> Measure {
    Measure {
        name: "organizational-health",
        title: "Organizational health",
        formula: "not measured from directives",
        counts: Vec::new(),
        score: None,
        unmeasured: "the directives do not show it; the units' load, turnover and trust show in the managers' reports, and in this scorecard's trend over revisions",
        costs: Vec::new(),
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
        let detail = match &f.reason {
            Some(reason) => format!("not measured: {reason}"),
            None => counts.join(", "),
        };
        out.push_str(&format!(
            "{mark} {:<31} {bar} {shown}   {detail}\n",
            f.title
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
