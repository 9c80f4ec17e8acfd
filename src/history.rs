//! Change control (seed §4 rule 5, §8 failure modes 1 and 3; spec §7): a
//! revision compared with its baseline. Entry point: [`compare`].
//!
//! What counts as "the same" priority, goal or constraint, and whether it
//! changed, is `crate::identity`'s, shared with `koomc diff`.
//!
//! A change made while a cycle runs, outside its window, needs `because` on the
//! new line (E0701); a removal has no line to carry one, so it is E0701 too.
//! Changing the org model (units added, removed, or moved between layers) while
//! a cycle runs, outside its window, is E0702. A revision dated before its
//! baseline is E0703.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::diagnostic::{Code, Diagnostic, Diagnostics, Label};
pub use crate::identity::Revision;
use crate::identity::{self, Keyed, Kind};
use crate::model::units::short_with_unit;
use crate::model::*;
use crate::score::Stability;
use crate::source::{SourceMap, Span, Spanned};

/// What it says, as written (the note "was …").
fn written(sources: &SourceMap, span: Span) -> String {
    sources
        .text(span)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The kinds change control compares: everything the executive layer sets
/// for a running cycle (spec §7). A `resolve` is how escalations are
/// answered while a cycle runs, so it is not a change to the plan.
fn controlled(kind: Kind) -> bool {
    kind != Kind::Resolution
}

/// Whether `date` falls in the cycle and outside its window (always the
/// baseline's cycle: a revision cannot move its own changes into a window).
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
    let Some((old_rev, new_rev)) = revisions(old, new, &mut out) else {
        return (out, stability);
    };
    let context = Context {
        old,
        new,
        date: new_rev.node,
        baseline: old_rev.node,
    };
    let new_cycles: BTreeMap<&str, &Cycle> = new
        .model
        .cycles
        .iter()
        .map(|c| (c.id.node.as_str(), c))
        .collect();
    let mut running_outside_window: Option<&Cycle> = None;
    for before in &old.model.cycles {
        if !mid_cycle(before, context.date) {
            continue;
        }
        running_outside_window.get_or_insert(before);
        match new_cycles.get(before.id.node.as_str()) {
            Some(cycle) => context.cycle(before, cycle, &mut stability, &mut out),
            None => {
                stability.without_cause += 1;
                out.push(context.cycle_removed(before, new_rev.span));
            }
        }
    }
    if let Some(cycle) = running_outside_window {
        stability.without_cause += context.org_model(cycle, &mut out);
    }
    (out, stability)
}

/// Both revision dates, or E0703 when one is missing or the new one is earlier.
fn revisions<'a>(
    old: &'a Revision,
    new: &'a Revision,
    out: &mut Diagnostics,
) -> Option<(&'a Spanned<Date>, &'a Spanned<Date>)> {
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
        return None;
    };
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
        return None;
    }
    Some((old_rev, new_rev))
}

/// The two revisions and their dates.
struct Context<'a> {
    old: &'a Revision<'a>,
    new: &'a Revision<'a>,
    /// The new revision's date.
    date: Date,
    /// The baseline's date.
    baseline: Date,
}

impl Context<'_> {
    fn was(&self, what: &str) -> String {
        format!("was `{what}` in the revision of {}", self.baseline)
    }

    /// E0701: a running cycle that the new revision no longer has.
    fn cycle_removed(&self, before: &Cycle, revision: Span) -> Diagnostic {
        Diagnostic::new(
            Code::E0701,
            format!("cycle `{}` removed while it runs", before.id.node),
            Label::new(revision, "this revision has no such cycle"),
        )
        .with_note(self.was(&written(self.old.sources, before.span)))
        .with_note(self.running(before))
        .with_help("keep the cycle until it ends, and change it in its window; a removal has no line to carry a `because`")
    }

    fn running(&self, cycle: &Cycle) -> String {
        format!(
            "cycle `{}` is running on {} and its window is {}",
            cycle.id.node,
            self.date,
            window_text(cycle)
        )
    }

    /// E0701 for each change of a running cycle outside its window.
    fn cycle(
        &self,
        before: &Cycle,
        cycle: &Cycle,
        stability: &mut Stability,
        out: &mut Diagnostics,
    ) {
        let mut old_items = identity::items(self.old.model, before);
        let mut new_items = identity::items(self.new.model, cycle);
        old_items.retain(|k| controlled(k.key.kind));
        new_items.retain(|k| controlled(k.key.kind));
        for p in identity::pair(&old_items, &new_items) {
            match (p.old, p.new) {
                (Some(o), Some(n)) if p.changed() => {
                    self.changed(before, Some(o), n, stability, out)
                }
                (None, Some(n)) => self.changed(before, None, n, stability, out),
                (Some(o), None) => {
                    stability.without_cause += 1;
                    out.push(self.removed(before, cycle, o));
                }
                _ => {}
            }
        }
    }

    /// E0701 for a change without a new cause; `before` is the baseline's
    /// running cycle.
    fn changed(
        &self,
        before: &Cycle,
        old: Option<&Keyed>,
        new: &Keyed,
        stability: &mut Stability,
        out: &mut Diagnostics,
    ) {
        // A `because` carried over unchanged from the baseline is the old
        // change's cause, not this one's.
        let same_cause = old.is_some_and(|o| o.because().is_some() && o.because() == new.because());
        if new.because().is_some() && !same_cause {
            stability.with_cause += 1;
            return;
        }
        stability.without_cause += 1;
        let verb = if old.is_some() { "changed" } else { "added" };
        let mut d = Diagnostic::new(
            Code::E0701,
            format!("`{}` {verb} mid-cycle without `because`", new.key),
            Label::new(new.span(), "changed outside the window"),
        )
        .with_note(self.running(before));
        if let Some(o) = old {
            d = d.with_note(self.was(&written(self.old.sources, o.span())));
        }
        let help = format!(
            "state the cause on this line, with the data behind it: `… because \"{}\"`, or make the change in the next window",
            self.cause_example(new)
        );
        out.push(d.with_help(help));
    }

    /// A cause written for this change: the metric it is about, from its
    /// baseline, with the baseline's date.
    fn cause_example(&self, changed: &Keyed) -> String {
        let model = self.new.model;
        let metric = identity::metric_of(model, changed).or_else(|| model.metrics.first());
        match metric {
            Some(m) => {
                let from = m.baseline.as_ref().map_or("…".to_owned(), |b| {
                    short_with_unit(b.value, m.unit.as_ref().map(|u| u.node.0.as_str()))
                });
                format!(
                    "{} moved from {from} to … since {}.",
                    m.name.node, self.baseline
                )
            }
            None => format!("<what moved, with its numbers> since {}.", self.baseline),
        }
    }

    /// E0701: a statement of the running cycle `before` gone from `cycle`.
    fn removed(&self, before: &Cycle, cycle: &Cycle, old: &Keyed) -> Diagnostic {
        Diagnostic::new(
            Code::E0701,
            format!("`{}` removed mid-cycle", old.key),
            Label::new(cycle.span, "removed from this cycle"),
        )
        .with_note(self.was(&written(self.old.sources, old.span())))
        .with_note(self.running(before))
        .with_help("keep it until the next window: a removal has no line to carry a `because`")
    }
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

impl Context<'_> {
    /// E0702: units added, removed or moved between layers mid-cycle;
    /// `cycle` is the baseline's running cycle.
    fn org_model(&self, cycle: &Cycle, out: &mut Diagnostics) -> u64 {
        let (old, new, date) = (self.old, self.new, self.date);
        let was = |what: &str| self.was(what);
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
        // A removal has no line in the new revision: point at the running
        // cycle there, or at its `revision`.
        let here = new
            .model
            .cycles
            .iter()
            .find(|c| c.id.node == cycle.id.node)
            .map(|c| (c.span, "while this cycle runs"))
            .or_else(|| {
                new.model
                    .revision
                    .as_ref()
                    .map(|r| (r.span, "this revision"))
            })
            .unwrap_or((first_span(new), "this revision"));
        for (name, o) in &old_units {
            if !new_units.contains_key(name) {
                out.push(
                    Diagnostic::new(
                        Code::E0702,
                        format!("unit `{name}` removed mid-cycle"),
                        Label::new(here.0, here.1),
                    )
                    .with_note(was(&written(old.sources, o.span)))
                    .with_note(running.clone())
                    .with_help(help),
                );
            }
        }
        (out.len() - before) as u64
    }
}
