//! The executive overview: per cycle the picture, the budget split and the
//! unit pages; the scorecard; the open warnings; and, with a baseline, what
//! changed for whom since the last revision.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::say::{self, Pool, Spoken};
use super::*;
use crate::diagnostic::Severity;
use crate::emit::*;
use crate::human;
use crate::model::Cycle;

/// The overview; `pictures` holds each cycle's SVG, by cycle id.
pub fn overview(
    c: &Compilation,
    facts: &Facts,
    orders: &[WorkOrder],
    pictures: &BTreeMap<String, String>,
    options: Options,
) -> Doc {
    let model = c.model.as_ref().expect("briefs need a model");
    let mut sections: Vec<Section> = crate::graph::dated_cycles(model)
        .into_iter()
        .map(|cycle| {
            let svg = pictures.get(&cycle.id.node).cloned().unwrap_or_default();
            cycle_section(model, cycle, (facts, orders), svg, options.format)
        })
        .collect();
    sections.push(scorecard(c, options));
    sections.push(warnings(c));
    if let Some((old, _)) = options.baseline {
        sections.push(changes(old, c));
    }
    let first = orders.first();
    let mut meta = Vec::new();
    if let Some(o) = first {
        meta.push(super::unit::issued(o));
    }
    let cycles: Vec<String> = crate::graph::dated_cycles(model)
        .iter()
        .map(|c| c.id.node.clone())
        .collect();
    meta.push(format!(
        "{}: {}",
        human::count(cycles.len(), "cycle", "cycles"),
        cycles.join(", ")
    ));
    Doc {
        kicker: model.org.as_ref().map(|o| o.node.clone()).unwrap_or_default(),
        title: "Executive overview".to_owned(),
        meta,
        wide: true,
        back: None,
        sections,
        footer: vec![format!(
            "Written by koomc {} from the checked directives; each unit's page is its work order in words.",
            env!("CARGO_PKG_VERSION")
        )],
    }
}

fn cycle_section(
    model: &crate::model::Model,
    cycle: &Cycle,
    (facts, orders): (&Facts, &[WorkOrder]),
    svg: String,
    format: Format,
) -> Section {
    let id = &cycle.id.node;
    let picture = crate::graph::graph(model, cycle);
    let mut blocks: Vec<Block> = cycle
        .directions
        .iter()
        .map(|d| Block::Quote(d.text.node.clone()))
        .collect();
    blocks.push(Block::Picture {
        svg,
        file: format!("{id}/graph.svg"),
        alt: format!("The spine of {}", picture.title),
    });
    let mine: Vec<&WorkOrder> = orders.iter().filter(|o| &o.cycle.id == id).collect();
    let charts = budget_charts(cycle, facts, &mine);
    if !charts.is_empty() {
        blocks.push(Block::Subheading("Budget split".to_owned()));
        blocks.push(Block::Bars(charts));
    }
    blocks.push(Block::Subheading("Unit briefings".to_owned()));
    blocks.push(Block::Links(
        mine.iter()
            .map(|o| Link {
                text: o.to.unit.clone(),
                href: super::unit_path(o, format),
                note: summary(o),
            })
            .collect(),
    ));
    Section {
        id: format!("cycle-{id}"),
        heading: format!("Cycle {id} · {}", picture.subtitle),
        blocks,
    }
}

/// `2 goals · 1 outcome · 180,000 USD`.
fn summary(o: &WorkOrder) -> String {
    let mut parts = Vec::new();
    let mut count = |n: usize, one: &str, many: &str| {
        if n > 0 {
            parts.push(human::count(n, one, many));
        }
    };
    count(o.goals.len(), "goal", "goals");
    count(o.constraints.len(), "constraint", "constraints");
    count(o.outcomes.len(), "outcome", "outcomes");
    count(o.alignments.len(), "alignment", "alignments");
    count(o.resolutions.len(), "resolution", "resolutions");
    parts.extend(
        o.allocations
            .iter()
            .map(say::allocation)
            .filter(|a| !a.is_empty()),
    );
    if parts.is_empty() {
        "nothing addressed this cycle".to_owned()
    } else {
        parts.join(" · ")
    }
}

/// One chart per budget pool: each unit's allocations, and what is left.
fn budget_charts(cycle: &Cycle, facts: &Facts, orders: &[&WorkOrder]) -> Vec<Chart> {
    let mut totals: BTreeMap<Pool, Decimal> = BTreeMap::new();
    for (v, u) in facts.budgets.get(&cycle.id.node).into_iter().flatten() {
        if let Some((p, amount)) = Pool::of(*v, u) {
            *totals.entry(p).or_insert(Decimal::ZERO) += amount;
        }
    }
    totals
        .into_iter()
        .map(|(pool, total)| {
            let mut segments = Vec::new();
            let mut used = Decimal::ZERO;
            for o in orders {
                let amount: Decimal = o
                    .allocations
                    .iter()
                    .filter_map(|a| Pool::of(a.amount.as_ref()?.0, a.unit.as_deref()?))
                    .filter(|(p, _)| *p == pool)
                    .map(|(_, v)| v)
                    .sum();
                if amount.is_zero() {
                    continue;
                }
                used += amount;
                segments.push(segment(&o.to.unit, &pool, amount, total, facts));
            }
            let left = total - used;
            let rest = (left > Decimal::ZERO).then(|| Segment {
                colour: usize::MAX,
                ..segment("not allocated", &pool, left, total, facts)
            });
            Chart {
                title: format!("{}: {}", pool.name(), pool.amount(total)),
                segments,
                rest,
            }
        })
        .collect()
}

fn segment(label: &str, pool: &Pool, amount: Decimal, total: Decimal, facts: &Facts) -> Segment {
    let share = say::percent(amount, total);
    Segment {
        label: label.to_owned(),
        amount: format!("{} ({}%)", pool.amount(amount), human::number(share)),
        width: format!("{share:.1}"),
        colour: facts.colours.get(label).copied().unwrap_or(usize::MAX),
        own: false,
    }
}

fn scorecard(c: &Compilation, options: Options) -> Section {
    let model = c.model.as_ref().expect("briefs need a model");
    let baseline = options.baseline.map(|(old, s)| {
        let date = old
            .model
            .as_ref()
            .and_then(|m| m.revision.as_ref())
            .map(|r| r.node.to_string())
            .unwrap_or_default();
        (date, s)
    });
    let card = crate::score::score(
        model,
        &c.sources,
        &c.diagnostics,
        crate::score::Context {
            baseline: baseline.as_ref().map(|(d, s)| (d.as_str(), *s)),
            escalations: None,
        },
    );
    let meters = card
        .figures
        .iter()
        .map(|f| Meter {
            label: f.title.to_owned(),
            score: f.score,
            note: match f.score {
                Some(_) if f.costs.is_empty() => "nothing cost points".to_owned(),
                Some(_) => human::count(f.costs.len(), "line costs points", "lines cost points"),
                None => match f.name {
                    "stability-of-priorities" => {
                        "needs a baseline: koomc brief NEW --baseline OLD".to_owned()
                    }
                    _ => format!("not measured: {}", f.reason.as_deref().unwrap_or_default()),
                },
            },
        })
        .collect();
    Section {
        id: "scorecard".to_owned(),
        heading: "Scorecard".to_owned(),
        blocks: vec![Block::Meters(meters)],
    }
}

fn warnings(c: &Compilation) -> Section {
    let items: Vec<Item> = c
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .map(|d| Item {
            text: human::capital(&d.message.replace('`', "")),
            tags: vec![Tag::Code(d.code.to_string())],
            note: d.help.clone(),
            source: d.primary_span().map(|s| {
                let at = c.sources.get(s.file).line_col(s.start());
                format!(
                    "{}:{}:{}",
                    c.sources.portable_name(s.file),
                    at.line,
                    at.column
                )
            }),
        })
        .collect();
    let blocks = if items.is_empty() {
        vec![Block::Note(
            "None: the plan compiles without a warning.".to_owned(),
        )]
    } else {
        vec![Block::Items {
            ordered: false,
            items,
        }]
    };
    Section {
        id: "warnings".to_owned(),
        heading: "Open warnings".to_owned(),
        blocks,
    }
}

/// What changed for whom since the baseline (`diff::changes`, the notion of
/// "the same directive" that change control uses).
fn changes(old: &Compilation, new: &Compilation) -> Section {
    let (Some(before), Some(after)) = (old.revision(), new.revision()) else {
        return Section {
            id: "changes".to_owned(),
            heading: "What changed".to_owned(),
            blocks: Vec::new(),
        };
    };
    let mut blocks = Vec::new();
    for r in crate::diff::changes(&before, &after, None) {
        let note = if r.new_work_order {
            " (new work order)"
        } else if r.removed_work_order {
            " (work order removed)"
        } else {
            ""
        };
        blocks.push(Block::Subheading(format!("{} · {}{note}", r.unit, r.cycle)));
        let items = r.changes.iter().map(change_item).collect();
        blocks.push(Block::Items {
            ordered: false,
            items,
        });
    }
    if blocks.is_empty() {
        blocks.push(Block::Note("No work order changes.".to_owned()));
    }
    let from = before
        .model
        .revision
        .as_ref()
        .map(|d| human::date(&d.node.to_string()))
        .unwrap_or_else(|| "the baseline".to_owned());
    Section {
        id: "changes".to_owned(),
        heading: format!("What changed since the revision of {from}"),
        blocks,
    }
}

fn change_item(c: &crate::diff::Changed) -> Item {
    let tag = match (&c.old, &c.new) {
        (None, _) => Tag::Gain,
        (_, None) => Tag::Loss,
        _ => Tag::Change,
    };
    let now = c.new.as_ref().or(c.old.as_ref()).map(describe);
    let kind = c.kind.as_str();
    let text = format!(
        "{}: {}",
        human::capital(kind),
        now.clone().unwrap_or_else(|| c.key.clone())
    );
    let note = c
        .old
        .as_ref()
        .filter(|_| c.new.is_some())
        .map(describe)
        .filter(|was| Some(was) != now.as_ref())
        .map(|was| format!("Was: {was}"));
    Item {
        text,
        tags: vec![tag],
        note,
        source: None,
    }
}

/// An item of a work order in words.
fn describe(item: &crate::diff::Shown) -> String {
    use crate::diff::Shown;
    match item {
        Shown::Cycle(c) => human::period(&c.from, &c.to),
        Shown::Direction(d) => d.clone(),
        Shown::Priority(p) => format!("rank {} {}", p.rank, human::metric(&p.target)),
        Shown::Goal(g) => say::goal(g),
        Shown::Constraint(c) => say::constraint(c),
        Shown::Outcome(o) => say::outcome(o),
        Shown::Budget { amount, unit } => {
            format!(
                "{} {}",
                human::number(amount.0),
                unit.as_deref().unwrap_or_default()
            )
        }
        Shown::Allocation(a) => say::allocation(a),
        Shown::Alignment(a) => format!("{} with {}", human::metric(&a.on), a.with.join(", ")),
        Shown::Resolution(r) => format!("{}: {}", r.escalation, r.text),
    }
}
