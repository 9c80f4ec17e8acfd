//! Resources (seed §2, §7 "resource allocation discipline"): budgets and
//! allocations in money, people or time (E0401), allocations
//! within the cycle's budget of their kind (E0501), a budget for every kind
//! allocated (E0502), every allocation serving what the cycle prioritizes or
//! sets (E0503), and no time allocation longer than the cycle (E0504).
//!
//! Money is compared per currency (there is no conversion). Time is compared
//! in days: a week is 7 days, an hour 1/24 of a day, and, where units are mixed,
//! a month 30, a quarter 91 and a year 365 days.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use crate::diagnostic::{Code, Diagnostic, Diagnostics, Label};
use crate::model::*;
use crate::source::Span;

use crate::model::units::{resource_kind, short, with_unit, Pool};

/// How this check writes pools and amounts.
trait Written {
    fn of_quantity(q: &Quantity) -> Option<(Pool, Decimal)>;
    fn amount(&self, v: Decimal) -> String;
    fn name(&self) -> String;
    fn budget_example(&self, v: Decimal) -> String;
}

impl Written for Pool {
    fn of_quantity(q: &Quantity) -> Option<(Pool, Decimal)> {
        Pool::of(q.value, &q.unit.as_ref()?.node.0)
    }

    /// How to write an amount of this pool.
    fn amount(&self, v: Decimal) -> String {
        match self {
            Pool::Money(c) => format!("{} {c}", short(v)),
            Pool::People => with_unit(v, "people"),
            Pool::Time => with_unit(v.round_dp(2), "days"),
        }
    }

    fn name(&self) -> String {
        match self {
            Pool::Money(c) => format!("money in {c}"),
            Pool::People => "people".to_owned(),
            Pool::Time => "time".to_owned(),
        }
    }

    /// A budget line to suggest.
    fn budget_example(&self, v: Decimal) -> String {
        format!("budget {}", self.amount(v))
    }
}

pub fn check(model: &Model, out: &mut Diagnostics) {
    for cycle in &model.cycles {
        units(cycle, out);
        budgets(model, cycle, out);
        discipline(model, cycle, out);
    }
}

/// Budgets and allocations must be money, people or time.
fn units(cycle: &Cycle, out: &mut Diagnostics) {
    let amounts = cycle.budgets.iter().map(|b| ("budget", &b.amount)).chain(
        cycle.allocations.iter().filter_map(|a| match &a.what {
            Allocated::Amount(q) => Some(("allocation", q)),
            Allocated::Tech(_) => None,
        }),
    );
    for (what, q) in amounts {
        let problem = match &q.unit {
            None => Some((q.span, format!("this {what} has no unit"))),
            Some(u) if resource_kind(&u.node.0).is_none() => Some((
                u.span,
                format!(
                    "`{}` is not a resource {} {what} can hold",
                    u.node.0,
                    if what == "allocation" { "an" } else { "a" }
                ),
            )),
            Some(_) => None,
        };
        if let Some((span, message)) = problem {
            let tech = if what == "allocation" {
                "; a technology is `allocate tech \"…\" to UNIT`"
            } else {
                ""
            };
            out.push(
                Diagnostic::new(Code::E0401, message, Label::new(span, "money, people or time expected"))
                    .with_help(format!(
                        "{} {what} is money (`300k USD`), people (`6 people`) or time (`40 days`){tech}",
                        if what == "allocation" { "an" } else { "a" }
                    )),
            );
        }
    }
}

/// The budget of each pool: the sum and where it was written.
type Budgets = BTreeMap<Pool, (Decimal, Vec<Span>)>;

fn budgets(model: &Model, cycle: &Cycle, out: &mut Diagnostics) {
    let mut budget: Budgets = BTreeMap::new();
    for q in cycle.budgets.iter().map(|b| &b.amount) {
        if let Some((pool, v)) = Pool::of_quantity(q) {
            let entry = budget.entry(pool).or_default();
            entry.1.push(q.span);
            match entry.0.checked_add(v) {
                Some(sum) => entry.0 = sum,
                None => return out.push(beyond_exact(cycle, "budgets", q.span)),
            }
        }
    }
    let mut allocated: BTreeMap<Pool, Vec<(&Allocation, Decimal)>> = BTreeMap::new();
    for a in &cycle.allocations {
        let Allocated::Amount(q) = &a.what else {
            continue;
        };
        let Some((pool, v)) = Pool::of_quantity(q) else {
            continue;
        };
        too_long(cycle, q, &pool, v, out);
        if !budget.contains_key(&pool) {
            out.push(unbudgeted(cycle, q, &pool, &budget));
        }
        allocated.entry(pool).or_default().push((a, v));
    }
    for (pool, allocations) in allocated {
        if let Some(limit) = budget.get(&pool) {
            over_budget(model, cycle, &pool, limit, &allocations, out);
        }
    }
}

/// E0003: a sum of budgets or allocations that leaves exact arithmetic.
fn beyond_exact(cycle: &Cycle, what: &str, at: Span) -> Diagnostic {
    Diagnostic::new(
        Code::E0003,
        format!(
            "the {what} of cycle `{}` add up to more than exact arithmetic holds",
            cycle.id.node
        ),
        Label::new(at, "the sum leaves the exact range here"),
    )
    .with_note("koomc computes with at most 28 significant digits, and never rounds")
    .with_help("write the amounts in a larger unit or with a suffix (`250k`, `1.2m`), at a scale a plan needs")
}

/// E0504: a time allocation longer than the cycle.
fn too_long(
    cycle: &Cycle,
    q: &Quantity,
    pool: &Pool,
    days_allocated: Decimal,
    out: &mut Diagnostics,
) {
    let Some(p) = cycle.period else { return };
    let days = Decimal::from(p.from.until(p.to).map_or(0, |s| s.get_days()) + 1);
    if *pool != Pool::Time || days_allocated <= days {
        return;
    }
    out.push(
        Diagnostic::new(
            Code::E0504,
            format!(
                "this allocation of {} is longer than cycle `{}`, which has {days} days",
                with_unit(q.value, &q.unit.as_ref().expect("time has a unit").node.0),
                cycle.id.node
            ),
            Label::new(
                q.span,
                format!("{} days", days_allocated.round_dp(2).normalize()),
            ),
        )
        .with_label(cycle.period_span, format!("{days} days"))
        .with_help(format!(
            "allocate at most {days} days in this cycle, and the rest in the next one"
        )),
    );
}

/// E0502: an allocation from a pool the cycle has no budget of.
fn unbudgeted(cycle: &Cycle, q: &Quantity, pool: &Pool, budget: &Budgets) -> Diagnostic {
    let kind_budgets: Vec<String> = budget.keys().map(Pool::name).collect();
    let mut d = Diagnostic::new(
        Code::E0502,
        format!(
            "cycle `{}` has no budget of {} for this allocation",
            cycle.id.node,
            pool.name()
        ),
        Label::new(q.span, "no budget of this kind"),
    )
    .with_help(format!(
        "add the pool it draws on to the cycle: `{}`",
        pool.budget_example(q.value)
    ));
    if !kind_budgets.is_empty() {
        d = d.with_note(format!(
            "the cycle budgets {}; koomc converts no currencies",
            kind_budgets.join(", ")
        ));
    }
    d
}

/// E0501: the allocations of one pool exceed its budget. The allocation that
/// takes the sum over the budget is the primary label.
fn over_budget(
    model: &Model,
    cycle: &Cycle,
    pool: &Pool,
    (limit, budget_spans): &(Decimal, Vec<Span>),
    allocations: &[(&Allocation, Decimal)],
    out: &mut Diagnostics,
) {
    let mut sum = Decimal::ZERO;
    let mut tipping = None;
    for (i, (a, v)) in allocations.iter().enumerate() {
        let Some(next) = sum.checked_add(*v) else {
            return out.push(beyond_exact(cycle, "allocations", a.span));
        };
        sum = next;
        if sum > *limit && tipping.is_none() {
            tipping = Some(i);
        }
    }
    let Some(tipping) = tipping else { return };
    let label = |a: &Allocation, v: Decimal| {
        format!(
            "{} to `{}`",
            pool.amount(v),
            model.unit(a.to.node).name.node
        )
    };
    let (tip, tip_v) = allocations[tipping];
    let mut d = Diagnostic::new(
        Code::E0501,
        format!(
            "allocations of {} in cycle `{}` exceed its budget: {} allocated against {}",
            pool.name(),
            cycle.id.node,
            pool.amount(sum),
            pool.amount(*limit)
        ),
        Label::new(
            tip.span,
            format!("{}: this one goes over", label(tip, tip_v)),
        ),
    );
    for (i, (a, v)) in allocations.iter().enumerate() {
        if i != tipping {
            d = d.with_label(a.span, label(a, *v));
        }
    }
    for s in budget_spans {
        d = d.with_label(*s, "the budget");
    }
    let parts: Vec<String> = allocations.iter().map(|(_, v)| pool.amount(*v)).collect();
    let over = pool.amount(sum - limit);
    out.push(
        d.with_note(format!(
            "{} = {}, over the budget of {} by {over}",
            parts.join(" + "),
            pool.amount(sum),
            pool.amount(*limit),
        ))
        .with_help(format!(
            "lower the allocations by {over} in all, or raise the budget to `{}`",
            pool.budget_example(sum)
        )),
    );
}

/// E0503: every allocation serves a priority target, or a metric or goal the
/// cycle sets.
fn discipline(model: &Model, cycle: &Cycle, out: &mut Diagnostics) {
    let prioritized: BTreeSet<&Target> = cycle.priorities.iter().map(|p| &p.target.node).collect();
    let set: BTreeSet<MetricId> = cycle
        .directives
        .iter()
        .flat_map(|d| {
            d.kind
                .metric()
                .map(|m| m.node)
                .into_iter()
                .chain(d.keep_bounds.iter().map(|(k, _)| k.node))
        })
        .collect();
    let priority_list = || {
        let names: Vec<String> = cycle
            .priorities
            .iter()
            .map(|p| model.target_name(&p.target.node).to_owned())
            .collect();
        names
    };
    for a in &cycle.allocations {
        let problem = match &a.target {
            None => Some((a.span, "it names no `for`".to_owned())),
            Some(t) => {
                let serves = prioritized.contains(&t.node)
                    || matches!(&t.node, Target::Goal(..))
                    || matches!(&t.node, Target::Metric(m) if set.contains(m));
                (!serves).then(|| {
                    let name = model.target_name(&t.node);
                    (t.span, format!("`{name}` is neither a priority nor set by any goal or constraint of the cycle"))
                })
            }
        };
        let Some((span, why)) = problem else { continue };
        let targets = priority_list();
        let help = match targets.first() {
            Some(first) => format!(
                "say what it serves: `for {first}` (the priorities are {})",
                targets.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", ")
            ),
            None => "say what it serves with `for TARGET`, naming a priority or a metric the cycle sets a goal on".to_owned(),
        };
        out.push(
            Diagnostic::new(
                Code::E0503,
                format!(
                    "an allocation to `{}` in cycle `{}` serves no stated target: {why}",
                    model.unit(a.to.node).name.node,
                    cycle.id.node
                ),
                Label::new(span, "serves no priority or goal of the cycle"),
            )
            .with_help(help),
        );
    }
}
