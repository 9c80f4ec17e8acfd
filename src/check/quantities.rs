//! Units of measure (E0401), what a bound needs (E0304, E0305), and the exact
//! bound of every goal and constraint (spec §4, "What a bound means"), in
//! decimal arithmetic: `-12%` of `480k` is `422400`.

use rust_decimal::Decimal;

use crate::diagnostic::{Code, Diagnostic, Diagnostics, Label};
use crate::model::*;
use crate::source::Spanned;
use crate::syntax::ast::ConstraintBound;

/// A unit of measure in canonical form: time words and `person`/`people` in
/// one spelling each (spec §2), everything else exactly as written.
pub fn canonical(unit: &str) -> String {
    unit.split('/')
        .map(|word| match word {
            "day" | "days" => "day",
            "week" | "weeks" => "week",
            "month" | "months" => "month",
            "quarter" | "quarters" => "quarter",
            "year" | "years" => "year",
            "hour" | "hours" => "hour",
            "person" | "people" => "people",
            other => other,
        })
        .collect::<Vec<_>>()
        .join("/")
}

pub fn same_unit(a: &str, b: &str) -> bool {
    a == b || canonical(a) == canonical(b)
}

/// The resource a budget or allocation unit is: money (a currency code),
/// people, or time.
pub fn resource_kind(unit: &str) -> Option<ResourceKind> {
    let is_currency = unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase());
    match canonical(unit).as_str() {
        _ if is_currency => Some(ResourceKind::Money),
        "people" => Some(ResourceKind::People),
        "day" | "week" | "month" | "quarter" | "year" | "hour" => Some(ResourceKind::Time),
        _ => None,
    }
}

pub fn check(model: &mut Model, out: &mut Diagnostics) {
    for metric in &model.metrics {
        if let Some(baseline) = &metric.baseline {
            unit_matches(metric, baseline, "baseline", out);
        }
    }
    for c in 0..model.cycles.len() {
        resources(&model.cycles[c], out);
        for d in 0..model.cycles[c].directives.len() {
            let (bound, keeps) = directive(model, &model.cycles[c].directives[d], out);
            let directive = &mut model.cycles[c].directives[d];
            directive.bound = bound;
            directive.keep_bounds = keeps;
        }
    }
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

/// Budgets and allocations must be money, people or time.
fn resources(cycle: &Cycle, out: &mut Diagnostics) {
    let amounts =
        cycle
            .budgets
            .iter()
            .map(|q| ("budget", q))
            .chain(cycle.allocations.iter().filter_map(|a| match &a.what {
                Allocated::Amount(q) => Some(("allocation", q)),
                Allocated::Tech(_) => None,
            }));
    for (what, q) in amounts {
        let problem = match &q.unit {
            None => Some((q.span, format!("this {what} has no unit"))),
            Some(u) if resource_kind(&u.node.0).is_none() => Some((
                u.span,
                format!("`{}` is not a resource a {what} can hold", u.node.0),
            )),
            Some(_) => None,
        };
        if let Some((span, message)) = problem {
            out.push(
                Diagnostic::new(Code::E0401, message, Label::new(span, "money, people or time expected"))
                    .with_help(format!(
                        "a {what} is money (`300k USD`), people (`6 people`) or time (`40 days`); a technology is `allocate tech \"…\" to …`"
                    )),
            );
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
            .with_help(format!(
                "declare the direction: `metric {} … better higher` or `better lower`",
                metric.name.node
            )),
        );
    }
    metric.better.as_ref().map(|b| b.node)
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
        Change::Relative(pct) => {
            let factor = Decimal::ONE.checked_add(pct.checked_div(Decimal::ONE_HUNDRED)?)?;
            base.checked_mul(factor)?
        }
        Change::Points(points) => base.checked_add(*points)?,
        Change::Absolute(amount, _) => base.checked_add(*amount)?,
    };
    Some(toward(dir, value))
}

/// A quantity as it is written: `96%`, `1300 crates/week`.
pub fn with_unit(value: Decimal, unit: &str) -> String {
    if unit == "%" {
        format!("{}%", value.normalize())
    } else {
        format!("{} {unit}", value.normalize())
    }
}

/// `+5`, `-12`, `0.5` with its sign.
pub fn signed(v: Decimal) -> String {
    let v = v.normalize();
    if v.is_sign_negative() {
        v.to_string()
    } else {
        format!("+{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_and_person_words_match_singular_and_plural() {
        assert!(same_unit("crates/week", "crates/weeks"));
        assert!(same_unit("person", "people"));
        assert!(same_unit("days", "day"));
        assert!(!same_unit("crate/week", "crates/week"));
        assert!(!same_unit("USD", "EUR"));
    }

    #[test]
    fn resource_kinds() {
        assert_eq!(resource_kind("USD"), Some(ResourceKind::Money));
        assert_eq!(resource_kind("person"), Some(ResourceKind::People));
        assert_eq!(resource_kind("weeks"), Some(ResourceKind::Time));
        assert_eq!(resource_kind("crates"), None);
        assert_eq!(resource_kind("usd"), None);
    }
}
