//! Consistency and alignment (seed §2, §4 rule 5, §8 failure mode 1):
//! priority ranks (E0601), bounds that cannot all hold for one addressee or the
//! cycle level (E0602) or across departments (E0603), and goals of several
//! units on one organization-wide metric without `align` (E0604).
//!
//! The bound analysis is an interval intersection per metric, exact in
//! decimal: the strongest lower bound must not exceed the strongest upper bound.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rust_decimal::Decimal;

use crate::diagnostic::{Code, Diagnostic, Diagnostics, Label};
use crate::model::*;
use crate::source::Span;
use crate::syntax::ast::ConstraintBound;

use crate::model::units::with_unit;

pub fn check(model: &Model, out: &mut Diagnostics) {
    for cycle in &model.cycles {
        ranks(model, cycle, out);
        bounds(model, cycle, out);
        alignment(model, cycle, out);
    }
}

/// E0601: ranks 1, 2, 3… without gaps or repeats; each target ranked once.
fn ranks(model: &Model, cycle: &Cycle, out: &mut Diagnostics) {
    let mut by_rank: BTreeMap<u32, &Priority> = BTreeMap::new();
    let mut by_target: HashMap<String, &Priority> = HashMap::new();
    for p in &cycle.priorities {
        if let Some(first) = by_rank.get(&p.rank.node) {
            out.push(
                Diagnostic::new(
                    Code::E0601,
                    format!(
                        "priority rank {} is given twice in cycle `{}`",
                        p.rank.node, cycle.id.node
                    ),
                    Label::new(p.rank.span, "given again here"),
                )
                .with_label(
                    first.rank.span,
                    format!(
                        "rank {} is `{}` here",
                        p.rank.node,
                        model.target_name(&first.target.node)
                    ),
                )
                .with_help("ranks order the priorities: give each its own rank, 1 for the highest"),
            );
        } else {
            by_rank.insert(p.rank.node, p);
        }
        let name = model.target_name(&p.target.node).to_owned();
        if let Some(first) = by_target.get(&name) {
            out.push(
                Diagnostic::new(
                    Code::E0601,
                    format!("`{name}` is ranked twice in cycle `{}`", cycle.id.node),
                    Label::new(p.target.span, format!("ranked {} here", p.rank.node)),
                )
                .with_label(
                    first.target.span,
                    format!("ranked {} here", first.rank.node),
                )
                .with_help("a target has one rank: remove one of these priorities"),
            );
        } else {
            by_target.insert(name, p);
        }
    }
    gaps(cycle, &by_rank, out);
}

/// E0601 for missing ranks: every rank below the highest given must be
/// there (a priority left out for an unknown target still holds its rank).
fn gaps(cycle: &Cycle, by_rank: &BTreeMap<u32, &Priority>, out: &mut Diagnostics) {
    let taken: BTreeSet<u32> = by_rank
        .keys()
        .copied()
        .chain(cycle.dropped.ranks.iter().copied())
        .collect();
    let mut expected = 1;
    for &rank in &taken {
        let Some(p) = by_rank.get(&rank) else {
            expected = rank + 1;
            continue;
        };
        if rank > expected {
            let missing = if rank == expected + 1 {
                format!("rank {expected} is missing")
            } else {
                format!("ranks {expected} to {} are missing", rank - 1)
            };
            let given: Vec<String> = taken.iter().map(u32::to_string).collect();
            out.push(
                Diagnostic::new(
                    Code::E0601,
                    format!("{missing} in cycle `{}`", cycle.id.node),
                    Label::new(
                        p.rank.span,
                        format!("rank {rank} follows rank {}", expected - 1),
                    ),
                )
                .with_note(format!("the ranks given are {}", given.join(", ")))
                .with_help(format!(
                    "number the priorities 1, 2, 3… without gaps: this one is rank {expected}"
                )),
            );
        }
        expected = rank + 1;
    }
}

/// One bound taking part in the interval analysis.
#[derive(Clone)]
struct Limit {
    op: Cmp,
    value: Decimal,
    /// The words that set it.
    span: Span,
    /// `None`: the cycle level; otherwise the units of its `to` block.
    units: Option<Vec<UnitId>>,
}

impl Limit {
    fn is_lower(&self) -> bool {
        matches!(self.op, Cmp::Gt | Cmp::Ge | Cmp::Eq)
    }

    fn is_upper(&self) -> bool {
        matches!(self.op, Cmp::Lt | Cmp::Le | Cmp::Eq)
    }

    fn strict(&self) -> bool {
        matches!(self.op, Cmp::Gt | Cmp::Lt)
    }
}

/// Whether lower bound `lo` and upper bound `up` leave no value between them.
fn clash(lo: &Limit, up: &Limit) -> bool {
    lo.value > up.value || (lo.value == up.value && (lo.strict() || up.strict()))
}

/// The strongest lower and upper bound of a set.
fn strongest<'a>(
    limits: impl Iterator<Item = &'a Limit> + Clone,
) -> (Option<&'a Limit>, Option<&'a Limit>) {
    let lower = limits
        .clone()
        .filter(|l| l.is_lower())
        .max_by(|a, b| a.value.cmp(&b.value).then(a.strict().cmp(&b.strict())));
    let upper = limits
        .filter(|l| l.is_upper())
        .min_by(|a, b| a.value.cmp(&b.value).then(b.strict().cmp(&a.strict())));
    (lower, upper)
}

/// The bounds that take part in a contradiction: every lower bound that clashes
/// with the strongest upper, every upper bound that clashes with the strongest
/// lower. Empty when the set can hold.
fn contradiction<'a>(limits: &[&'a Limit]) -> Vec<&'a Limit> {
    let (Some(lo), Some(up)) = strongest(limits.iter().copied()) else {
        return Vec::new();
    };
    if !clash(lo, up) {
        return Vec::new();
    }
    let mut parts: Vec<&Limit> = limits
        .iter()
        .copied()
        .filter(|l| (l.is_lower() && clash(l, up)) || (l.is_upper() && clash(lo, l)))
        .collect();
    parts.sort_by_key(|l| (l.span.file, l.span.start()));
    parts.dedup_by_key(|l| (l.span.file, l.span.start(), l.span.end()));
    parts
}

fn allows(l: &Limit, unit: Option<&str>) -> String {
    let amount = match unit {
        Some(u) => with_unit(l.value, u),
        None => l.value.normalize().to_string(),
    };
    format!("allows `{} {amount}`", l.op.as_str())
}

/// The limits every goal and constraint of the cycle puts on each metric,
/// by metric in id order, each metric's in source order (a vector indexed
/// by metric: a map's lookups, one per directive, grew with the model).
fn limits(model: &Model, cycle: &Cycle) -> Vec<(MetricId, Vec<Limit>)> {
    let mut by_metric: Vec<Vec<Limit>> = Vec::new();
    by_metric.resize_with(model.metrics.len(), Vec::new);
    for d in &cycle.directives {
        let units: Option<Vec<UnitId>> = match &d.scope {
            Scope::Cycle => None,
            Scope::Units(us) => Some(us.iter().map(|u| u.node).collect()),
        };
        let words = match &d.kind {
            DirectiveKind::Goal { metric, value, .. } => Some((metric, metric.span.to(value.span))),
            DirectiveKind::Constraint { metric, bound, .. } => {
                let end = match bound {
                    ConstraintBound::Change(c) => c.span,
                    ConstraintBound::Compare { value, .. } => value.span,
                };
                Some((metric, metric.span.to(end)))
            }
            DirectiveKind::Outcome { .. } => None,
        };
        let bounds = words
            .zip(d.bound.as_ref())
            .map(|((m, span), b)| (m.node, span, b));
        let kept = d.keep_bounds.iter().map(|(k, b)| (k.node, k.span, b));
        for (metric, span, b) in bounds.into_iter().chain(kept) {
            by_metric[metric.0 as usize].push(Limit {
                op: b.op,
                value: b.value,
                span,
                units: units.clone(),
            });
        }
    }
    let ids = (0..).map(MetricId);
    ids.zip(by_metric).filter(|(_, l)| !l.is_empty()).collect()
}

/// E0602 and E0603.
fn bounds(model: &Model, cycle: &Cycle, out: &mut Diagnostics) {
    let aligned = cycle.aligned_units();
    for (metric_id, limits) in limits(model, cycle) {
        let on = On {
            model,
            cycle,
            metric: model.metric(metric_id),
            id: metric_id,
            aligned: &aligned,
        };
        let contradicted = on.contradictions(&limits, out);
        // Per-unit metrics never meet across units; a contradiction within
        // one addressee is reported once, not again as a conflict.
        if !on.metric.per_unit && !contradicted {
            on.conflict(&limits, out);
        }
    }
}

/// The bounds on one metric in one cycle.
struct On<'a> {
    model: &'a Model,
    cycle: &'a Cycle,
    metric: &'a Metric,
    id: MetricId,
    /// The units each metric's `align` statements cover, once per cycle.
    aligned: &'a BTreeMap<MetricId, BTreeSet<UnitId>>,
}

impl On<'_> {
    fn unit(&self) -> Option<&str> {
        self.metric.unit.as_ref().map(|u| u.node.0.as_str())
    }

    /// E0602, one addressee at a time: the cycle level, then each unit with
    /// the cycle level (what that unit's work order asks of it). Returns
    /// whether any was found.
    fn contradictions(&self, limits: &[Limit], out: &mut Diagnostics) -> bool {
        let shared: Vec<&Limit> = limits.iter().filter(|l| l.units.is_none()).collect();
        let mut per_unit: BTreeMap<UnitId, Vec<&Limit>> = BTreeMap::new();
        for l in limits {
            for u in l.units.iter().flatten() {
                per_unit.entry(*u).or_default().push(l);
            }
        }
        let mut reported: BTreeSet<Vec<(u32, usize)>> = BTreeSet::new();
        let mut groups: Vec<(Option<UnitId>, Vec<&Limit>)> = vec![(None, shared.clone())];
        for (u, own) in per_unit {
            let mut all = shared.clone();
            all.extend(own);
            groups.push((Some(u), all));
        }
        for (addressee, group) in groups {
            let parts = contradiction(&group);
            let key: Vec<(u32, usize)> = parts
                .iter()
                .map(|l| (l.span.file.0, l.span.start()))
                .collect();
            if !parts.is_empty() && reported.insert(key) {
                out.push(self.contradiction(addressee, &parts));
            }
        }
        !reported.is_empty()
    }

    fn contradiction(&self, addressee: Option<UnitId>, parts: &[&Limit]) -> Diagnostic {
        let cycle = &self.cycle.id.node;
        let whom = match addressee {
            None => format!("at the cycle level of `{cycle}`"),
            Some(u) => format!("for `{}` in cycle `{cycle}`", self.model.unit(u).name.node),
        };
        let (last, others) = parts.split_last().expect("a contradiction has parts");
        let mut d = Diagnostic::new(
            Code::E0602,
            format!(
                "the bounds on `{}` {whom} cannot all hold",
                self.metric.name.node
            ),
            Label::new(last.span, allows(last, self.unit())),
        );
        for l in others {
            d = d.with_label(l.span, allows(l, self.unit()));
        }
        d.with_note("no value satisfies every bound at once (seed §2: constraints must be accurate)")
            .with_help("change one target so that some value meets them all, or drop the one that no longer holds")
    }

    /// Who set a bound: the cycle level or the units of its `to` block.
    fn owner(&self, l: &Limit) -> String {
        match &l.units {
            None => "the cycle level".to_owned(),
            Some(us) => us
                .iter()
                .map(|u| format!("`{}`", self.model.unit(*u).name.node))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// E0603: every unit's bounds on the one shared value.
    fn conflict(&self, limits: &[Limit], out: &mut Diagnostics) {
        let all: Vec<&Limit> = limits.iter().collect();
        let parts = contradiction(&all);
        let Some((last, others)) = parts.split_last() else {
            return;
        };
        let units: BTreeSet<&str> = parts
            .iter()
            .flat_map(|l| l.units.iter().flatten())
            .map(|u| self.model.unit(*u).name.node.as_str())
            .collect();
        let names: Vec<&str> = units.into_iter().collect();
        let listed = names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(" and ");
        let name = &self.metric.name.node;
        let label = |l: &Limit| format!("{}: {}", self.owner(l), allows(l, self.unit()));
        let mut d = Diagnostic::new(
            Code::E0603,
            format!(
                "cross-department conflict on `{name}` in cycle `{}`: {listed} are held to bounds that cannot all hold",
                self.cycle.id.node
            ),
            Label::new(last.span, label(last)),
        );
        for l in others {
            d = d.with_label(l.span, label(l));
        }
        let help = if aligned(self.aligned, self.id, &parts) {
            "they are aligned on it already: change one unit's target so that both can hold, or mark the metric `per unit` if each unit has its own value".to_owned()
        } else {
            format!(
                "agree one target: `align {} on {name}` with a goal they share, change one unit's target, or mark the metric `per unit` if each unit has its own value",
                names.join(", ")
            )
        };
        out.push(
            d.with_note(format!(
                "`{name}` is organization-wide: every unit's target is on the same value"
            ))
            .with_help(help),
        );
    }
}

/// Whether an `align` on the metric covers every unit in the conflict.
fn aligned(
    aligned: &BTreeMap<MetricId, BTreeSet<UnitId>>,
    metric: MetricId,
    parts: &[&Limit],
) -> bool {
    let covered = aligned.get(&metric);
    parts
        .iter()
        .flat_map(|l| l.units.iter().flatten())
        .all(|u| covered.is_some_and(|c| c.contains(u)))
}

/// E0604: goals of two or more units on one organization-wide metric, in
/// their own `to` blocks, with no `align` covering them.
fn alignment(model: &Model, cycle: &Cycle, out: &mut Diagnostics) {
    if cycle.dropped.any {
        return; // an `align` or a goal left out would make this a second error
    }
    let aligned = cycle.aligned_units();
    let none = BTreeSet::new();
    for (metric_id, shared) in cycle.shared_metrics(model) {
        if shared
            .units
            .is_subset(aligned.get(&metric_id).unwrap_or(&none))
        {
            continue;
        }
        let (units, spans) = (&shared.units, &shared.goals);
        let name = &model.metric(metric_id).name.node;
        let all: Vec<&str> = units
            .iter()
            .map(|u| model.unit(*u).name.node.as_str())
            .collect();
        let mut d = Diagnostic::new(
            Code::E0604,
            format!(
                "{} units have goals on `{name}` in cycle `{}` without an `align`",
                all.len(),
                cycle.id.node
            ),
            Label::new(spans[spans.len() - 1], format!("another goal on `{name}`")),
        );
        for s in &spans[..spans.len() - 1] {
            d = d.with_label(*s, format!("a goal on `{name}`"));
        }
        out.push(
            d.with_note(format!(
                "`{name}` is organization-wide, so these units share one value (seed §2: cross-department alignment)"
            ))
            .with_help(format!("record the shared ownership: `align {} on {name}`", all.join(", "))),
        );
    }
}
