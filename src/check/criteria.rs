//! Success criteria (seed §2, §4 rule 3; spec §6): targets that ask for
//! something (E0307, `slack-target`) and cycles that set them (E0308,
//! `incomplete-cycle`).

use std::collections::HashSet;

use rust_decimal::Decimal;

use crate::diagnostic::{Code, Diagnostic, Diagnostics, Label};
use crate::model::units::with_unit;
use crate::model::*;
use crate::source::Span;
use crate::syntax::ast::ConstraintBound;

pub fn check(model: &Model, metrics: &super::phrasing::Metrics, out: &mut Diagnostics) {
    for cycle in &model.cycles {
        for d in &cycle.directives {
            slack(model, d, out);
        }
        incomplete(model, cycle, metrics, out);
    }
}

/// Whether `value` satisfies `op bound`.
fn holds(value: Decimal, op: Cmp, bound: Decimal) -> bool {
    match op {
        Cmp::Lt => value < bound,
        Cmp::Le => value <= bound,
        Cmp::Gt => value > bound,
        Cmp::Ge => value >= bound,
        Cmp::Eq => value == bound,
    }
}

/// The bound a goal or an absolute constraint states, and its words; a
/// relative constraint states a tolerance and is exempt.
fn stated(d: &Directive) -> Option<(&Bound, MetricId, Span)> {
    let bound = d.bound.as_ref()?;
    match &d.kind {
        DirectiveKind::Goal { metric, value, .. } => {
            Some((bound, metric.node, metric.span.to(value.span)))
        }
        DirectiveKind::Constraint {
            metric,
            bound: ConstraintBound::Compare { value, .. },
            ..
        } => Some((bound, metric.node, metric.span.to(value.span))),
        _ => None,
    }
}

/// E0307: a target the baseline already meets, or one that lets the metric
/// end worse than its baseline.
fn slack(model: &Model, d: &Directive, out: &mut Diagnostics) {
    let Some((bound, id, words)) = stated(d) else {
        return;
    };
    let m = model.metric(id);
    let Some(base) = &m.baseline else { return };
    let unit = m.unit.as_ref().map(|u| u.node.0.as_str());
    let show = |v: Decimal| unit.map_or(v.normalize().to_string(), |u| with_unit(v, u));
    let (op, v, b) = (bound.op, bound.value, base.value);
    let what = d.kind.word();
    let is_goal = matches!(d.kind, DirectiveKind::Goal { .. });
    // Which way the bound points: toward better (a floor on a `better
    // higher` metric), toward worse (a cap on it: a limit, not a target), or
    // both (`=`); unknown without `better`.
    let (toward_better, toward_worse) = match m.better.as_ref().map(|b| b.node) {
        Some(Better::Higher) => (
            matches!(op, Cmp::Ge | Cmp::Gt | Cmp::Eq),
            matches!(op, Cmp::Le | Cmp::Lt | Cmp::Eq),
        ),
        Some(Better::Lower) => (
            matches!(op, Cmp::Le | Cmp::Lt | Cmp::Eq),
            matches!(op, Cmp::Ge | Cmp::Gt | Cmp::Eq),
        ),
        None => (true, false),
    };
    // A goal that caps a metric against its better direction lets it end
    // worse than today; a constraint that does is a limit (capacity, a
    // ceiling) and says so openly.
    let worse = is_goal
        && toward_worse
        && match op {
            Cmp::Eq => m
                .better
                .as_ref()
                .is_some_and(|bt| (bt.node == Better::Higher) == (v < b)),
            _ => true,
        };
    let (message, label, help) = if toward_better && holds(b, op, v) {
        (
            format!(
                "this {what} asks for nothing: `{}` is {} today, which already meets `{} {}`",
                m.name.node,
                show(b),
                op.as_str(),
                show(v)
            ),
            "already met by the baseline".to_owned(),
            better_than(m, b, &show),
        )
    } else if worse {
        (
            format!(
                "this {what} asks for decline: `{}` is {} today, and `{} {}` lets it end worse",
                m.name.node,
                show(b),
                op.as_str(),
                show(v)
            ),
            "worse than the baseline".to_owned(),
            better_than(m, b, &show),
        )
    } else {
        return;
    };
    out.push(
        Diagnostic::new(Code::E0307, message, Label::new(words, label))
            .with_label(base.span, format!("the baseline: {}", show(b)))
            .with_note("a success criterion says what must change (seed §2); metrics over vibes (seed §4 rule 3)")
            .with_help(help),
    );
}

/// Help for a slack target: a bound beyond the baseline, in the better
/// direction, or a tolerance stated as a relative change.
fn better_than(m: &Metric, base: Decimal, show: &dyn Fn(Decimal) -> String) -> String {
    let name = &m.name.node;
    match m.better.as_ref().map(|b| b.node) {
        Some(Better::Higher) => format!("ask for more than today: `{name} > {}`, or, to hold the line with a stated tolerance, `constraint {name} -0%`", show(base)),
        Some(Better::Lower) => format!("ask for less than today: `{name} < {}`, or, to hold the line with a stated tolerance, `constraint {name} +0%`", show(base)),
        None => format!("set a target beyond today's {}, and declare which way is better: `metric {name} … better higher|lower`", show(base)),
    }
}

/// E0308: a cycle that sets no success criterion or no direction, and
/// priorities that nothing in the cycle bounds.
fn incomplete(
    model: &Model,
    cycle: &Cycle,
    metrics: &super::phrasing::Metrics,
    out: &mut Diagnostics,
) {
    let id = &cycle.id.node;
    let warn = |span: Span, message: String, label: &str, help: String| {
        Diagnostic::new(Code::E0308, message, Label::new(span, label))
            .with_note("the executive layer owns the direction and the success criteria of each cycle (seed §2)")
            .with_help(help)
    };
    let by = cycle
        .period
        .map_or("<date>".to_owned(), |p| p.to.to_string());
    if cycle.directions.is_empty() {
        out.push(warn(cycle.span, format!("cycle `{id}` has no direction"), "no `direction`", format!("say where the cycle is going: `direction \"<what must be true of the organization by {by}>\"`")));
    }
    if cycle.dropped.any {
        return; // a statement left out for its error may be what is missing
    }
    if cycle.directives.is_empty() {
        out.push(warn(
            cycle.span,
            format!("cycle `{id}` sets no success criterion"),
            "no goal, constraint or outcome",
            format!("say what must be true by its end: `goal <metric> >= <threshold> by {by}`"),
        ));
    }
    let mut bounded = None; // gathered at the first priority on a metric
    for p in &cycle.priorities {
        let Target::Metric(m) = p.target.node else {
            continue;
        };
        let bounded = bounded.get_or_insert_with(|| Bounded::of(cycle));
        if !bounded.bounds(m, &model.metric(m).name.node, metrics) {
            let name = &model.metric(m).name.node;
            out.push(warn(
                p.target.span,
                format!("priority `{name}` has no target in cycle `{id}`: nothing bounds it"),
                "ranked, but nothing says how far",
                format!("say what it must reach: `goal {name} >= <threshold> by {by}`, or a constraint on it"),
            ));
        }
    }
}

/// What a cycle's directives bound, gathered once per cycle so that each
/// priority is a lookup: the metrics of its goals, constraints and `keep`s,
/// then, at the first priority none of them bounds, the declared metrics
/// its outcomes name in words (reading every outcome once).
struct Bounded<'a> {
    cycle: &'a Cycle,
    metrics: HashSet<MetricId>,
    named: Option<HashSet<&'a str>>,
}

impl<'a> Bounded<'a> {
    fn of(cycle: &'a Cycle) -> Bounded<'a> {
        let mut metrics = HashSet::new();
        for d in &cycle.directives {
            if !matches!(d.kind, DirectiveKind::Outcome { .. }) {
                metrics.extend(d.kind.metric().map(|m| m.node));
                metrics.extend(d.keep_bounds.iter().map(|(k, _)| k.node));
            }
        }
        Bounded {
            cycle,
            metrics,
            named: None,
        }
    }

    /// Whether a goal, constraint, `keep` or outcome of the cycle bounds
    /// the metric `id` (called `name`).
    fn bounds(&mut self, id: MetricId, name: &str, metrics: &'a super::phrasing::Metrics) -> bool {
        if self.metrics.contains(&id) {
            return true;
        }
        let cycle = self.cycle;
        let named = self.named.get_or_insert_with(|| {
            let outcomes = cycle.directives.iter().filter_map(|d| match &d.kind {
                DirectiveKind::Outcome { text, .. } => Some(metrics.named(&text.node)),
                _ => None,
            });
            outcomes.flatten().collect()
        });
        named.contains(name.replace('-', " ").as_str())
    }
}
