//! Change control (seed §4 rule 5, §8 failure modes 1 and 3; spec §7): a
//! revision compared with its baseline. Entry point: [`compare`].
//!
//! Identity across revisions (what counts as "the same" directive):
//! - a **priority** is its cycle and its target (metric or goal id); a new rank
//!   is a change;
//! - a **goal** is its cycle and its id, or, without an id, its metric and the
//!   units it is addressed to. A goal with an id that moves to another `to`
//!   block is the same goal, changed (moved); a goal without an id that moves is
//!   one removed and one added;
//! - a **constraint** is its cycle, its metric and the units it is addressed to.
//!
//! A change made while a cycle runs, outside its window, needs `because` on the
//! new line (E0701); a removal has no line to carry one, so it is E0701 too.
//! Changing the org model (units added, removed, or moved between layers) while
//! a cycle runs, outside its window, is E0702. A revision dated before its
//! baseline is E0703.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::diagnostic::{Code, Diagnostic, Diagnostics, Label};
use crate::model::*;
use crate::score::Stability;
use crate::source::{SourceMap, Span};
use crate::syntax::ast::ConstraintBound;

/// One revision: its model and sources.
pub struct Revision<'a> {
    pub model: &'a Model,
    pub sources: &'a SourceMap,
}

/// A directive as change control sees it.
struct Item {
    key: String,
    /// What it says, for comparison: equal meaning, equal text.
    meaning: String,
    /// What it says, as written (the note "was …").
    written: String,
    span: Span,
    because: Option<String>,
}

fn written(sources: &SourceMap, span: Span) -> String {
    sources
        .text(span)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn units_of(model: &Model, scope: &Scope) -> String {
    match scope {
        Scope::Cycle => "*".to_owned(),
        Scope::Units(us) => {
            let mut names: Vec<&str> = us
                .iter()
                .map(|u| model.unit(u.node).name.node.as_str())
                .collect();
            names.sort_unstable();
            names.dedup();
            names.join(",")
        }
    }
}

fn bound_text(b: &Option<Bound>) -> String {
    b.as_ref().map_or("?".to_owned(), |b| {
        format!("{} {}", b.op.as_str(), b.value.normalize())
    })
}

/// The priorities, goals and constraints of a cycle, keyed by identity.
fn items(r: &Revision, cycle: &Cycle) -> BTreeMap<String, Item> {
    let m = r.model;
    let mut out = BTreeMap::new();
    for p in &cycle.priorities {
        let target = match &p.target.node {
            Target::Metric(id) => m.metric(*id).name.node.clone(),
            Target::Goal(g, _) => g.clone(),
        };
        out.insert(
            format!("priority {target}"),
            Item {
                key: format!("priority {target}"),
                meaning: format!("rank {}", p.rank.node),
                written: written(r.sources, p.span),
                span: p.span,
                because: p.notes.because.as_ref().map(|b| b.node.clone()),
            },
        );
    }
    for d in &cycle.directives {
        let (key, meaning) = match &d.kind {
            DirectiveKind::Goal { id, metric, by, .. } => {
                let name = &m.metric(metric.node).name.node;
                let key = match id {
                    Some(id) => format!("goal {}", id.node),
                    None => format!("goal {name} to {}", units_of(m, &d.scope)),
                };
                let meaning = format!(
                    "{name} {} by {} urgent {} to {}",
                    bound_text(&d.bound),
                    by.as_ref().map_or("-".to_owned(), |b| b.node.to_string()),
                    d.urgent.is_some(),
                    units_of(m, &d.scope)
                );
                (key, meaning)
            }
            DirectiveKind::Constraint {
                metric, bound, by, ..
            } => {
                let name = &m.metric(metric.node).name.node;
                let change = match bound {
                    ConstraintBound::Change(c) => format!("{:?}", c.node),
                    ConstraintBound::Compare { .. } => String::new(),
                };
                let keeps: Vec<String> = d
                    .keep_bounds
                    .iter()
                    .map(|(k, b)| format!("{} {}", m.metric(k.node).name.node, b.value))
                    .collect();
                let meaning = format!(
                    "{} {change} keep {} by {} urgent {}",
                    bound_text(&d.bound),
                    keeps.join(","),
                    by.as_ref().map_or("-".to_owned(), |b| b.node.to_string()),
                    d.urgent.is_some()
                );
                (
                    format!("constraint {name} to {}", units_of(m, &d.scope)),
                    meaning,
                )
            }
            DirectiveKind::Outcome { .. } => continue,
        };
        out.insert(
            key.clone(),
            Item {
                key,
                meaning,
                written: written(r.sources, d.span),
                span: d.span,
                because: d.notes.because.as_ref().map(|b| b.node.clone()),
            },
        );
    }
    out
}

/// Whether `date` falls in the cycle and outside its window.
fn mid_cycle(cycle: &Cycle, date: Date) -> bool {
    let Some(p) = cycle.period else { return false };
    let in_window = cycle
        .window
        .as_ref()
        .is_some_and(|w| w.from.node <= date && date <= w.to.node);
    p.contains(date) && !in_window
}

/// Compare a revision with its baseline.
pub fn compare(old: &Revision, new: &Revision) -> (Diagnostics, Stability) {
    let mut out = Diagnostics::new();
    let mut stability = Stability::default();
    let (Some(old_rev), Some(new_rev)) = (&old.model.revision, &new.model.revision) else {
        let which = if new.model.revision.is_none() {
            "this revision"
        } else {
            "the baseline"
        };
        let mut d = Diagnostic::new(
            Code::E0703,
            format!("change control needs a `revision` date, and {which} has none"),
            Label::new(first_span(new), "compared with the baseline"),
        )
        .with_help("date every revision: `revision 2026-02-16`");
        if let Some(r) = &old.model.revision {
            d = d.with_note(format!("the baseline is the revision of {}", r.node));
        }
        out.push(d);
        return (out, stability);
    };
    let was = |what: &str| format!("was `{what}` in the revision of {}", old_rev.node);
    if new_rev.node < old_rev.node {
        out.push(
            Diagnostic::new(
                Code::E0703,
                format!(
                    "this revision ({}) is dated before its baseline ({})",
                    new_rev.node, old_rev.node
                ),
                Label::new(new_rev.span, "earlier than the baseline"),
            )
            .with_help(format!(
                "date the new revision on or after {}",
                old_rev.node
            )),
        );
        return (out, stability);
    }
    let date = new_rev.node;
    let old_cycles: BTreeMap<&str, &Cycle> = old
        .model
        .cycles
        .iter()
        .map(|c| (c.id.node.as_str(), c))
        .collect();
    let mut running_outside_window: Option<&Cycle> = None;
    for cycle in &new.model.cycles {
        if !mid_cycle(cycle, date) {
            continue;
        }
        running_outside_window.get_or_insert(cycle);
        let Some(before) = old_cycles.get(cycle.id.node.as_str()) else {
            continue;
        };
        let old_items = items(old, before);
        let new_items = items(new, cycle);
        for (key, item) in &new_items {
            let changed = match old_items.get(key) {
                Some(o) => o.meaning != item.meaning,
                None => true,
            };
            // A `because` carried over unchanged from the baseline is the old
            // change's cause, not this one's.
            let same_cause = old_items
                .get(key)
                .is_some_and(|o| o.because.is_some() && o.because == item.because);
            if !changed {
                continue;
            }
            if item.because.is_some() && !same_cause {
                stability.with_cause += 1;
                continue;
            }
            stability.without_cause += 1;
            let message = match old_items.get(key) {
                Some(_) => format!("`{}` changed mid-cycle without `because`", item.key),
                None => format!("`{}` added mid-cycle without `because`", item.key),
            };
            let mut d = Diagnostic::new(
                Code::E0701,
                message,
                Label::new(item.span, "changed outside the window"),
            )
            .with_note(format!(
                "cycle `{}` is running on {date} and its window is {}",
                cycle.id.node,
                window_text(cycle)
            ));
            if let Some(o) = old_items.get(key) {
                d = d.with_note(was(&o.written));
            }
            out.push(d.with_help(
                "state the cause, with the data behind it: `… because \"On-time delivery fell from 94% to 88% in February.\"`, or wait for the next window",
            ));
        }
        for (key, o) in &old_items {
            if new_items.contains_key(key) {
                continue;
            }
            stability.without_cause += 1;
            out.push(
                Diagnostic::new(
                    Code::E0701,
                    format!("`{}` removed mid-cycle", o.key),
                    Label::new(cycle.span, "removed from this cycle"),
                )
                .with_note(was(&o.written))
                .with_note(format!(
                    "cycle `{}` is running on {date} and its window is {}",
                    cycle.id.node,
                    window_text(cycle)
                ))
                .with_help(
                    "keep it until the next window: a removal has no line to carry a `because`",
                ),
            );
        }
    }
    if let Some(cycle) = running_outside_window {
        stability.without_cause += org_model(old, new, cycle, date, &was, &mut out);
    }
    (out, stability)
}

fn window_text(cycle: &Cycle) -> String {
    match &cycle.window {
        Some(w) => format!("{} to {}", w.from.node, w.to.node),
        None => "not set".to_owned(),
    }
}

fn first_span(r: &Revision) -> Span {
    r.model
        .cycles
        .first()
        .map(|c| c.span)
        .or_else(|| r.model.units.first().map(|u| u.span))
        .unwrap_or(Span::new(crate::source::FileId(0), 0, 0))
}

/// E0702: units added, removed or moved between layers mid-cycle.
fn org_model(
    old: &Revision,
    new: &Revision,
    cycle: &Cycle,
    date: Date,
    was: &dyn Fn(&str) -> String,
    out: &mut Diagnostics,
) -> u64 {
    let before = out.len();
    let old_units: BTreeMap<&str, &Unit> = old
        .model
        .units
        .iter()
        .map(|u| (u.name.node.as_str(), u))
        .collect();
    let new_units: BTreeMap<&str, &Unit> = new
        .model
        .units
        .iter()
        .map(|u| (u.name.node.as_str(), u))
        .collect();
    let running = format!(
        "cycle `{}` is running on {date}, outside its window ({})",
        cycle.id.node,
        window_text(cycle)
    );
    let help = "change the org model in the window of the next cycle (seed §3: executives do not redesign systems mid-cycle)";
    for (name, unit) in &new_units {
        match old_units.get(name) {
            None => out.push(
                Diagnostic::new(
                    Code::E0702,
                    format!("unit `{name}` added mid-cycle"),
                    Label::new(unit.span, "a new unit"),
                )
                .with_note(running.clone())
                .with_help(help),
            ),
            Some(o) if o.layer != unit.layer => out.push(
                Diagnostic::new(
                    Code::E0702,
                    format!(
                        "unit `{name}` moved from the {} layer to the {} layer mid-cycle",
                        o.layer.as_str(),
                        unit.layer.as_str()
                    ),
                    Label::new(unit.span, "moved between layers"),
                )
                .with_note(was(&written(old.sources, o.span)))
                .with_note(running.clone())
                .with_help(help),
            ),
            Some(_) => {}
        }
    }
    for (name, o) in &old_units {
        if !new_units.contains_key(name) {
            out.push(
                Diagnostic::new(
                    Code::E0702,
                    format!("unit `{name}` removed mid-cycle"),
                    Label::new(cycle.span, "while this cycle runs"),
                )
                .with_note(was(&written(old.sources, o.span)))
                .with_note(running.clone())
                .with_help(help),
            );
        }
    }
    (out.len() - before) as u64
}
