//! Stage 3, bounds: the exact bound of every goal and constraint (spec §4,
//! "What a bound means"), in decimal arithmetic: `-12%` of `480k` is `422400`.
//!
//! Entry point: [`bounds`]. It writes each directive's `bound` and
//! `keep_bounds` into the model, so that the checks that read bounds
//! (consistency) and emit never depend on the order the checks run in.
//! Reports what a bound needs and lacks: a matching unit (E0401, also for a
//! metric's baseline), `better` for `keep` and changes (E0304), a baseline for
//! relative changes (E0305).

use rust_decimal::Decimal;

use crate::diagnostic::{Applicability, Code, Diagnostic, Diagnostics, Fix, Label};
use crate::model::units::{same_unit, signed, with_unit};
use crate::model::*;
use crate::source::Spanned;
use crate::syntax::ast::ConstraintBound;

/// Compute every bound of the model.
pub fn bounds(model: &mut Model) -> Diagnostics {
    let mut out = Diagnostics::new();
    for metric in &model.metrics {
        if let Some(baseline) = &metric.baseline {
            unit_matches(metric, baseline, "baseline", &mut out);
        }
    }
    for c in 0..model.cycles.len() {
        for d in 0..model.cycles[c].directives.len() {
            let (bound, keeps) = directive(model, &model.cycles[c].directives[d], &mut out);
            let directive = &mut model.cycles[c].directives[d];
            directive.bound = bound;
            directive.keep_bounds = keeps;
        }
    }
    out
}

/// E0401 for a quantity whose unit is not its metric's. A quantity without a
/// unit means the metric's unit.
fn unit_matches(metric: &Metric, q: &Quantity, what: &str, out: &mut Diagnostics) -> bool {
    let Some(written) = &q.unit else { return true };
    match &metric.unit {
        Some(unit) if same_unit(&written.node.0, &unit.node.0) => true,
        Some(unit) => {
            out.push(
                Diagnostic::new(
                    Code::E0401,
                    format!(
                        "this {what} is in `{}`, but `{}` is measured in `{}`",
                        written.node.0, metric.name.node, unit.node.0
                    ),
                    Label::new(written.span, format!("`{}`", written.node.0)),
                )
                .with_label(
                    unit.span,
                    format!("`{}` is in `{}`", metric.name.node, unit.node.0),
                )
                .with_help(format!(
                    "write the quantity in `{}` (koomc converts no units): `{}`",
                    unit.node.0,
                    with_unit(q.value, &unit.node.0)
                )),
            );
            false
        }
        None => {
            out.push(
                Diagnostic::new(
                    Code::E0401,
                    format!(
                        "this {what} is in `{}`, but metric `{}` declares no unit",
                        written.node.0, metric.name.node
                    ),
                    Label::new(written.span, "a unit"),
                )
                .with_label(metric.name.span, "declared without `unit`")
                .with_help(format!(
                    "declare the metric's unit: `metric {} unit {}`, or drop the unit here",
                    metric.name.node, written.node.0
                )),
            );
            false
        }
    }
}

/// The baseline, or E0305.
fn baseline<'m>(
    metric: &'m Metric,
    at: crate::source::Span,
    what: &str,
    out: &mut Diagnostics,
) -> Option<&'m Quantity> {
    if metric.baseline.is_none() {
        out.push(
            Diagnostic::new(
                Code::E0305,
                format!("{what} is relative to the baseline of `{}`, which has none", metric.name.node),
                Label::new(at, "relative to the baseline"),
            )
            .with_label(metric.name.span, "declared without `baseline`")
            .with_help(format!(
                "declare where it stands now: `metric {} … baseline <value>`, or state an absolute bound such as `constraint {} <= <value>`",
                metric.name.node, metric.name.node
            ))
            .with_fix(Fix::insert(
                format!("add `baseline 0` to `{}`, then write where it stands now", metric.name.node),
                metric.span,
                " baseline 0",
                Applicability::Unsafe,
            )),
        );
    }
    metric.baseline.as_ref()
}

/// `better`, or E0304.
fn better(
    metric: &Metric,
    at: crate::source::Span,
    what: &str,
    out: &mut Diagnostics,
) -> Option<Better> {
    if metric.better.is_none() {
        out.push(
            Diagnostic::new(
                Code::E0304,
                format!(
                    "{what} needs to know which way `{}` is better, and it does not say",
                    metric.name.node
                ),
                Label::new(at, "no worse than the baseline, in which direction?"),
            )
            .with_label(metric.name.span, "declared without `better`")
            .with_fix(better_fix(metric, Better::Higher))
            .with_fix(better_fix(metric, Better::Lower)),
        );
    }
    metric.better.as_ref().map(|b| b.node)
}

/// Declare which way a metric is better.
fn better_fix(metric: &Metric, better: Better) -> Fix {
    let way = better.as_str();
    Fix::insert(
        format!(
            "declare that {way} is better: `metric {} … better {way}`",
            metric.name.node
        ),
        metric.span,
        format!(" better {way}"),
        Applicability::Unsafe,
    )
}

/// The bound a change or `keep` sets: no worse than `value` in the metric's
/// better direction.
fn toward(better: Better, value: Decimal) -> Bound {
    Bound {
        op: match better {
            Better::Lower => Cmp::Le,
            Better::Higher => Cmp::Ge,
        },
        value: value.normalize(),
    }
}

fn directive(
    model: &Model,
    d: &Directive,
    out: &mut Diagnostics,
) -> (Option<Bound>, Vec<(Spanned<MetricId>, Bound)>) {
    match &d.kind {
        DirectiveKind::Goal {
            metric, op, value, ..
        } => {
            let m = model.metric(metric.node);
            let ok = unit_matches(m, value, "goal", out);
            let bound = ok.then_some(Bound {
                op: op.node,
                value: value.value,
            });
            (bound, Vec::new())
        }
        DirectiveKind::Constraint {
            metric,
            bound,
            keep,
            ..
        } => {
            let m = model.metric(metric.node);
            let bound = match bound {
                ConstraintBound::Compare { op, value } => unit_matches(m, value, "constraint", out)
                    .then_some(Bound {
                        op: op.node,
                        value: value.value,
                    }),
                ConstraintBound::Change(change) => change_bound(m, change, out),
            };
            let keeps = keep
                .iter()
                .filter_map(|k| {
                    let km = model.metric(k.node);
                    let what = format!("`keep {}`", km.name.node);
                    let dir = better(km, k.span, &what, out);
                    let base = baseline(km, k.span, &what, out);
                    Some((k.clone(), toward(dir?, base?.value)))
                })
                .collect();
            (bound, keeps)
        }
        DirectiveKind::Outcome { .. } => (None, Vec::new()),
    }
}

fn change_bound(m: &Metric, change: &Spanned<Change>, out: &mut Diagnostics) -> Option<Bound> {
    let written = match &change.node {
        Change::Relative(v) => format!("{}%", signed(*v)),
        Change::Points(v) => format!("{}pp", signed(*v)),
        Change::Absolute(v, unit) => match unit {
            Some(u) => format!("{} {}", signed(*v), u.node.0),
            None => signed(*v),
        },
    };
    let what = &format!("`{written}`");
    if let Change::Points(_) = change.node {
        let is_percent = m.unit.as_ref().is_some_and(|u| u.node.0 == "%");
        if !is_percent {
            let unit = m
                .unit
                .as_ref()
                .map_or("no unit".to_owned(), |u| format!("`{}`", u.node.0));
            let mut d = Diagnostic::new(
                Code::E0401,
                format!("percentage points (`pp`) only apply to `%` metrics, and `{}` is in {unit}", m.name.node),
                Label::new(change.span, "points"),
            )
            .with_help(match &change.node {
                Change::Points(v) => format!(
                    "write a relative change such as `{}%` of the baseline, or an absolute one in the metric's unit",
                    signed(*v)
                ),
                _ => "write a relative change or an absolute one in the metric's unit".to_owned(),
            });
            if let Some(u) = &m.unit {
                d = d.with_label(u.span, format!("`{}` is in `{}`", m.name.node, u.node.0));
            }
            out.push(d);
            return None;
        }
    }
    if let Change::Absolute(_, Some(unit)) = &change.node {
        let q = Quantity {
            value: Decimal::ZERO,
            unit: Some(unit.clone()),
            span: change.span,
        };
        if !unit_matches(m, &q, "change", out) {
            return None;
        }
    }
    let dir = better(m, change.span, what, out);
    let base = baseline(m, change.span, what, out);
    let (dir, base) = (dir?, base?.value);
    let value = match &change.node {
        Change::Relative(pct) => pct
            .checked_div(Decimal::ONE_HUNDRED)
            .and_then(|f| Decimal::ONE.checked_add(f))
            .and_then(|factor| base.checked_mul(factor)),
        Change::Points(points) => base.checked_add(*points),
        Change::Absolute(amount, _) => base.checked_add(*amount),
    };
    match value {
        Some(value) => Some(toward(dir, value)),
        None => {
            out.push(beyond_exact(m, base, change.span, what));
            None
        }
    }
}

/// E0003: a bound that leaves exact arithmetic (never a dropped bound).
fn beyond_exact(m: &Metric, base: Decimal, at: crate::source::Span, what: &str) -> Diagnostic {
    Diagnostic::new(
        Code::E0003,
        format!(
            "the bound {what} sets on `{}` (baseline {}) is beyond exact arithmetic",
            m.name.node,
            base.normalize()
        ),
        Label::new(at, "this bound cannot be computed exactly"),
    )
    .with_label(m.name.span, "the baseline")
    .with_note("koomc computes bounds with at most 28 significant digits, and never rounds")
    .with_help("write the baseline and the bound in a larger unit, at the scale the plan needs")
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Code;

    fn codes(text: &str) -> Vec<Code> {
        let c = crate::compile_text(std::path::Path::new("t.koom"), text.to_owned());
        c.diagnostics.iter().map(|d| d.code).collect()
    }

    #[test]
    fn a_bound_beyond_exact_arithmetic_is_an_error_not_a_dropped_bound() {
        let text = "koom 1.0\nmetric m unit USD better lower baseline 79228162514264337593543950335\ncycle 2026-Q1 {\n  direction \"Costs fall.\"\n  constraint m +12%\n}\n";
        assert_eq!(codes(text), [Code::E0003]);
        let fine = text.replace("+12%", "-12%");
        assert_eq!(codes(&fine), []);
    }

    #[test]
    fn a_relative_change_below_minus_100_percent_is_an_invalid_literal() {
        let text = "koom 1.0\nmetric m unit USD better lower baseline 100\ncycle 2026-Q1 {\n  direction \"Costs fall.\"\n  constraint m -120%\n}\n";
        assert_eq!(codes(text), [Code::E0003]);
        assert_eq!(codes(&text.replace("-120%", "-100%")), []);
    }

    #[test]
    fn per_count_units_and_negative_thresholds_are_quantities() {
        let text = "koom 1.0\nmetric complaints unit complaints/1000 better lower baseline 4\nmetric cash unit USD/month better higher baseline -300k\ncycle 2026-Q1 {\n  direction \"Costs fall.\"\n  constraint complaints <= 3 complaints/1000\n  constraint cash >= -200k USD/month\n}\n";
        assert_eq!(codes(text), []);
    }
}
