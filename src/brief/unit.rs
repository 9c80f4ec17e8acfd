//! The page of one manager or CoE unit for one cycle: the direction, the
//! priorities in rank, each goal and constraint with its exact bound and
//! deadline in words, outcomes, resources against the cycle's budget, who to
//! align with, resolutions, and where each line was written.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::say::{self, Pool, Spoken};
use super::*;
use crate::emit::*;
use crate::human;

pub fn page(o: &WorkOrder, facts: &Facts) -> Doc {
    let role = match o.to.layer {
        RecipientLayer::Manager => "manager",
        RecipientLayer::Coe => "CoE",
    };
    let lead =
        o.to.lead
            .as_deref()
            .map(|l| format!(", {l}"))
            .unwrap_or_default();
    let mut meta = vec![format!(
        "Cycle {}: {}",
        o.cycle.id,
        human::period(&o.cycle.from, &o.cycle.to)
    )];
    if let Some(w) = &o.cycle.window {
        meta.push(format!(
            "Change window {}: the only dates on which these directives may change without a stated cause",
            human::period(&w.from, &w.to)
        ));
    }
    meta.push(issued(o));
    let mut sections = vec![direction(o), priorities(o), targets_with_changes(o, facts)];
    sections.push(outcomes(o));
    sections.push(resources(o, facts));
    sections.push(alignments(o));
    sections.push(resolutions(o));
    sections.retain(|s| !s.blocks.is_empty());
    Doc {
        kicker: o.org.clone().unwrap_or_default(),
        title: format!("{} · {}", o.to.unit, o.cycle.id),
        meta: std::iter::once(format!("Work order for the {role} of {}{lead}", o.to.unit))
            .chain(meta)
            .collect(),
        wide: false,
        back: Some("../index".to_owned()),
        sections,
        footer: footer(o),
    }
}

pub(super) fn issued(o: &WorkOrder) -> String {
    let revision = o
        .revision
        .as_deref()
        .map(|r| format!("Revision of {}", human::date(r)))
        .unwrap_or_else(|| "Undated revision".to_owned());
    if o.issued_by.is_empty() {
        revision
    } else {
        format!("{revision}, issued by {}", o.issued_by.join(", "))
    }
}

fn section(id: &str, heading: &str, blocks: Vec<Block>) -> Section {
    Section {
        id: id.to_owned(),
        heading: heading.to_owned(),
        blocks,
    }
}

fn direction(o: &WorkOrder) -> Section {
    let blocks = o
        .direction
        .iter()
        .map(|d| Block::Quote(d.clone()))
        .collect();
    section("direction", "Direction", blocks)
}

/// The metric and goal ids this unit carries a goal or constraint on.
fn own_targets(o: &WorkOrder) -> Vec<&str> {
    let mut own: Vec<&str> = o
        .goals
        .iter()
        .flat_map(|g| [g.id.as_str(), g.metric.as_str()])
        .chain(o.constraints.iter().map(|c| c.metric.as_str()))
        .collect();
    own.sort();
    own.dedup();
    own
}

fn priorities(o: &WorkOrder) -> Section {
    let own = own_targets(o);
    let items: Vec<Item> = o
        .priorities
        .iter()
        .map(|p| Item {
            text: human::capital(&human::metric(&p.target)),
            tags: if own.contains(&p.target.as_str()) {
                vec![Tag::Yours]
            } else {
                Vec::new()
            },
            note: p.because.as_ref().map(|b| format!("Because: {b}")),
            source: Some(say::source(&p.source)),
        })
        .collect();
    let blocks = if items.is_empty() {
        Vec::new()
    } else {
        vec![Block::Items {
            ordered: true,
            items,
        }]
    };
    section("priorities", "Priorities, in rank", blocks)
}

fn rank_of(o: &WorkOrder, names: &[&str]) -> Option<u32> {
    o.priorities
        .iter()
        .find(|p| names.contains(&p.target.as_str()))
        .map(|p| p.rank)
}

fn tags(rank: Option<u32>, urgent: bool, scope: &ItemScope) -> Vec<Tag> {
    let mut tags: Vec<Tag> = rank.map(Tag::Rank).into_iter().collect();
    if urgent {
        tags.push(Tag::Urgent);
    }
    if matches!(scope, ItemScope::Cycle) {
        tags.push(Tag::Everyone);
    }
    tags
}

fn targets(o: &WorkOrder) -> Section {
    let goals = o.goals.iter().map(|g| Item {
        text: say::goal(g),
        tags: tags(rank_of(o, &[&g.id, &g.metric]), g.urgent, &g.scope),
        note: g.because.as_ref().map(|b| format!("Because: {b}")),
        source: Some(say::source(&g.source)),
    });
    let constraints = o.constraints.iter().map(|c| Item {
        text: say::constraint(c),
        tags: tags(rank_of(o, &[&c.metric]), c.urgent, &c.scope),
        note: None,
        source: Some(say::source(&c.source)),
    });
    let items: Vec<Item> = goals.chain(constraints).collect();
    let blocks = if items.is_empty() {
        vec![Block::Note(
            "No goal or constraint this cycle: see the outcomes and the direction.".to_owned(),
        )]
    } else {
        vec![Block::Items {
            ordered: false,
            items,
        }]
    };
    section("targets", "Goals and constraints", blocks)
}

/// Notes on constraints written as a change (they need the baselines).
fn with_changes(mut doc_targets: Section, o: &WorkOrder, facts: &Facts) -> Section {
    if let Some(Block::Items { items, .. }) = doc_targets.blocks.first_mut() {
        let offset = o.goals.len();
        for (i, c) in o.constraints.iter().enumerate() {
            let baseline = facts
                .baselines
                .get(&c.metric)
                .and_then(|(b, u)| b.map(|b| (b, u.as_deref())));
            if let Some(item) = items.get_mut(offset + i) {
                item.note = say::change(c, baseline).map(|n| {
                    let because = c.because.as_ref().map(|b| format!("; because: {b}"));
                    format!("{}{}", human::capital(&n), because.unwrap_or_default())
                });
            }
        }
    }
    doc_targets
}

fn targets_with_changes(o: &WorkOrder, facts: &Facts) -> Section {
    with_changes(targets(o), o, facts)
}

fn outcomes(o: &WorkOrder) -> Section {
    let items: Vec<Item> = o
        .outcomes
        .iter()
        .map(|x| Item {
            text: say::outcome(x),
            tags: tags(None, x.urgent, &x.scope),
            note: x.by.as_deref().map(|b| format!("By {}", human::date(b))),
            source: Some(say::source(&x.source)),
        })
        .collect();
    let blocks = if items.is_empty() {
        Vec::new()
    } else {
        vec![Block::Items {
            ordered: false,
            items,
        }]
    };
    section("outcomes", "Outcomes", blocks)
}

/// This unit's allocations, each against the cycle's budget of its kind.
fn resources(o: &WorkOrder, facts: &Facts) -> Section {
    let budgets: BTreeMap<Pool, Decimal> = facts
        .budgets
        .get(&o.cycle.id)
        .into_iter()
        .flatten()
        .filter_map(|(v, u)| Pool::of(*v, u))
        .fold(BTreeMap::new(), |mut m, (p, v)| {
            *m.entry(p).or_insert(Decimal::ZERO) += v;
            m
        });
    let items: Vec<Item> = o
        .allocations
        .iter()
        .map(|a| {
            let pool = a
                .amount
                .as_ref()
                .zip(a.unit.as_deref())
                .and_then(|(n, u)| Pool::of(n.0, u));
            let note = pool.and_then(|(p, v)| {
                let total = budgets.get(&p)?;
                Some(format!(
                    "{}% of the cycle's budget of {}",
                    human::number(say::percent(v, *total)),
                    p.amount(*total)
                ))
            });
            Item {
                text: human::capital(&say::allocation(a)),
                tags: Vec::new(),
                note: note.or_else(|| a.because.as_ref().map(|b| format!("Because: {b}"))),
                source: Some(say::source(&a.source)),
            }
        })
        .collect();
    if items.is_empty() {
        return section("resources", "Resources", Vec::new());
    }
    section(
        "resources",
        "Resources",
        vec![Block::Items {
            ordered: false,
            items,
        }],
    )
}

fn alignments(o: &WorkOrder) -> Section {
    let items: Vec<Item> = o
        .alignments
        .iter()
        .map(|a| Item {
            text: format!(
                "{}: with {}",
                human::capital(&human::metric(&a.on)),
                a.with.join(", ")
            ),
            tags: Vec::new(),
            note: Some("You share this organization-wide number: agree your plans.".to_owned()),
            source: Some(say::source(&a.source)),
        })
        .collect();
    let blocks = if items.is_empty() {
        Vec::new()
    } else {
        vec![Block::Items {
            ordered: false,
            items,
        }]
    };
    section("align", "Align with", blocks)
}

fn resolutions(o: &WorkOrder) -> Section {
    let items: Vec<Item> = o
        .resolutions
        .iter()
        .map(|r| Item {
            text: format!("{}: {}", r.escalation, r.text),
            tags: Vec::new(),
            note: Some(format!("For {}", r.units.join(", "))),
            source: Some(say::source(&r.source)),
        })
        .collect();
    let blocks = if items.is_empty() {
        Vec::new()
    } else {
        vec![Block::Items {
            ordered: false,
            items,
        }]
    };
    section("resolutions", "Resolutions of escalations", blocks)
}

fn footer(o: &WorkOrder) -> Vec<String> {
    let mut lines = vec![
        "Every line ends with where it is written (file:line:column). These are goals, constraints and priorities, not tasks: how to reach them is yours to decide.".to_owned(),
    ];
    if !o.provenance.ai.is_empty() {
        let uses: Vec<String> = o
            .provenance
            .ai
            .iter()
            .map(|a| format!("{} ({}, {})", a.item, a.use_, say::source(&a.source)))
            .collect();
        lines.push(format!("AI helped with: {}.", uses.join("; ")));
    }
    lines.push(format!("Written by {}.", o.provenance.compiler));
    lines
}
