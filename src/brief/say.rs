//! Work-order items as sentences a manager reads: "Overhead at most 422,400
//! USD/month by 31 March 2026, while throughput stays at least 1,150
//! crates/week", and resource pools for the budget charts.

use rust_decimal::Decimal;

use crate::emit::*;
use crate::human;

pub fn op(o: Op) -> &'static str {
    human::op(match o {
        Op::Lt => "<",
        Op::Le => "<=",
        Op::Gt => ">",
        Op::Ge => ">=",
        Op::Eq => "=",
    })
}

pub fn source(s: &Source) -> String {
    format!("{}:{}:{}", s.file, s.line, s.column)
}

pub fn bound(metric: &str, o: Op, value: &Number, unit: Option<&str>) -> String {
    format!(
        "{} {} {}",
        human::capital(&human::metric(metric)),
        op(o),
        human::quantity(value.0, unit)
    )
}

pub fn goal(g: &GoalItem) -> String {
    format!(
        "{} by {}",
        bound(&g.metric, g.op, &g.value, g.unit.as_deref()),
        human::date(&g.by)
    )
}

pub fn constraint(c: &ConstraintItem) -> String {
    let main = format!(
        "{} by {}",
        bound(
            &c.metric,
            c.bound.op,
            &c.bound.value,
            c.bound.unit.as_deref()
        ),
        human::date(&c.by)
    );
    if c.keep.is_empty() {
        return main;
    }
    let keeps: Vec<String> = c
        .keep
        .iter()
        .map(|k| {
            format!(
                "{} stays {} {}",
                human::metric(&k.metric),
                op(k.op),
                human::quantity(k.value.0, k.unit.as_deref())
            )
        })
        .collect();
    format!("{main}, while {}", keeps.join(" and "))
}

/// How a relative constraint was written: `set as -12% on the baseline of 480,000 USD/month`.
pub fn change(c: &ConstraintItem, baseline: Option<(Decimal, Option<&str>)>) -> Option<String> {
    let written = match c.change.as_ref()? {
        ChangeInfo::Relative(s) | ChangeInfo::Points(s) | ChangeInfo::Absolute(s) => s.clone(),
    };
    Some(match baseline {
        Some((b, unit)) => format!(
            "set as {written} on the baseline of {}",
            human::quantity(b, unit)
        ),
        None => format!("set as {written}"),
    })
}

pub fn outcome(o: &OutcomeItem) -> String {
    o.text.clone()
}

pub fn allocation(a: &AllocationItem) -> String {
    let what = match (&a.amount, &a.tech) {
        (Some(n), _) => human::quantity(n.0, a.unit.as_deref()),
        (None, Some(t)) => format!("Technology: {t}"),
        (None, None) => String::new(),
    };
    match &a.target {
        Some(t) => format!("{what} for {}", human::metric(t)),
        None => what,
    }
}

pub use crate::model::units::Pool;

/// How a briefing names a pool and writes its amounts.
pub trait Spoken {
    fn name(&self) -> String;
    fn amount(&self, v: Decimal) -> String;
}

impl Spoken for Pool {
    fn name(&self) -> String {
        match self {
            Pool::Money(_) => "Money".to_owned(),
            Pool::People => "People".to_owned(),
            Pool::Time => "Time".to_owned(),
        }
    }

    fn amount(&self, v: Decimal) -> String {
        match self {
            Pool::Money(c) => format!("{} {c}", human::number(v)),
            Pool::People => human::quantity(v, Some("people")),
            Pool::Time => human::quantity(v.round_dp(1), Some("days")),
        }
    }
}

/// `part` as a share of `whole`, in percent with one decimal (exact decimal
/// arithmetic, rounded half away from zero).
pub fn percent(part: Decimal, whole: Decimal) -> Decimal {
    if whole.is_zero() {
        return Decimal::ZERO;
    }
    (part * Decimal::from(100) / whole).round_dp(1)
}
