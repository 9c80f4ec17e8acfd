//! `koomc diff OLD NEW`: a semantic change report per recipient: what each
//! manager's and CoE unit's work order gains, loses or changes, item by item,
//! not a text diff. Entry point: [`diff`].
//!
//! Items are matched, and judged changed, by `crate::identity`, the notion of
//! "the same directive" that change control uses too; they are shown as their
//! work orders hold them (`emit::Items`), without `source`.

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use crate::diagnostic::{did_you_mean, Code, Diagnostic};
use crate::emit;
use crate::identity::{self, Item, Keyed, Kind, Revision};
use crate::model::UnitId;

/// The value of `schema` in `koomc diff --format json`.
pub const SCHEMA: &str = "koom.diff/1";

#[derive(Serialize, JsonSchema)]
#[schemars(
    title = "KOOM diff",
    description = "What each recipient's work orders gain, lose or change between two revisions."
)]
pub struct Report {
    /// Always `koom.diff/1`.
    pub schema: &'static str,
    /// The baseline's revision date.
    pub from: Option<String>,
    /// The new revision's date.
    pub to: Option<String>,
    /// Only the work orders that change, by cycle then unit.
    pub recipients: Vec<RecipientDiff>,
}

#[derive(Serialize, JsonSchema)]
pub struct RecipientDiff {
    pub cycle: String,
    pub unit: String,
    /// The whole work order is new (a new unit or cycle).
    pub new_work_order: bool,
    /// The whole work order is gone.
    pub removed_work_order: bool,
    pub gains: Vec<Entry>,
    pub loses: Vec<Entry>,
    pub changes: Vec<Change>,
}

#[derive(Serialize, JsonSchema)]
pub struct Entry {
    /// `priority`, `goal`, `constraint`, `outcome`, `allocation`, `alignment`, `resolution`, `direction` or `cycle`.
    pub kind: String,
    /// What identifies the item.
    pub key: String,
    /// The item as the work order holds it (without `source`).
    pub item: Value,
}

#[derive(Serialize, JsonSchema)]
pub struct Change {
    pub kind: String,
    pub key: String,
    pub from: Value,
    pub to: Value,
}

/// What to call a kind in the report (the window is the cycle's dates).
fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Window => "cycle",
        other => other.as_str(),
    }
}

/// An item as its work order holds it (a budget, which work orders do not
/// hold, as its amount and unit).
#[derive(Serialize)]
#[serde(untagged)]
pub enum Shown {
    Cycle(emit::CycleInfo),
    Direction(String),
    Priority(emit::PriorityItem),
    Goal(emit::GoalItem),
    Constraint(emit::ConstraintItem),
    Outcome(emit::OutcomeItem),
    Budget {
        amount: emit::Number,
        unit: Option<String>,
    },
    Allocation(emit::AllocationItem),
    Alignment(emit::AlignmentItem),
    Resolution(emit::ResolutionItem),
}

/// The typed item of a keyed statement, as the unit's work order holds it.
fn shown(items: &emit::Items, k: &Keyed, unit: UnitId) -> Option<Shown> {
    Some(match k.item {
        Item::Window(_) => Shown::Cycle(items.cycle_info()),
        Item::Direction(d) => Shown::Direction(d.text.node.clone()),
        Item::Priority(p) => Shown::Priority(items.priority(p)),
        Item::Directive(d) => match (items.goal(d), items.constraint(d), items.outcome(d)) {
            (Some(g), _, _) => Shown::Goal(g),
            (_, Some(c), _) => Shown::Constraint(c),
            (_, _, Some(o)) => Shown::Outcome(o),
            _ => return None,
        },
        Item::Budget(b) => Shown::Budget {
            amount: emit::Number(b.amount.value),
            unit: b.amount.unit.as_ref().map(|u| u.node.0.clone()),
        },
        Item::Allocation(a) => Shown::Allocation(items.allocation(a)),
        Item::Alignment(a) => Shown::Alignment(items.alignment(a, unit)),
        Item::Resolution(r) => Shown::Resolution(items.resolution(r)),
    })
}

/// An item as JSON, without `source`.
fn value(item: &Option<Shown>) -> Value {
    without_source(item.as_ref().map_or(Value::Null, json))
}

fn json<T: Serialize>(item: &T) -> Value {
    serde_json::to_value(item).expect("items serialize")
}

fn text(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn without_source(mut v: Value) -> Value {
    if let Value::Object(map) = &mut v {
        map.remove("source");
    }
    v
}

/// One revision's side of a recipient: its cycle, the unit, what reaches it.
struct Side<'a> {
    items: emit::Items<'a>,
    unit: UnitId,
    keyed: Vec<Keyed<'a>>,
}

impl<'a> Side<'a> {
    fn of(r: &'a Revision, cycle: &str, unit: &str) -> Option<Side<'a>> {
        let cycle = r
            .model
            .cycles
            .iter()
            .find(|c| c.id.node == cycle && c.period.is_some())?;
        let (id, _) = r
            .model
            .addressable_units()
            .find(|(_, u)| u.name.node == unit)?;
        let mut keyed = identity::items(r.model, cycle);
        keyed.retain(|k| k.reaches(id));
        let items = emit::Items {
            model: r.model,
            sources: r.sources,
            cycle,
        };
        Some(Side {
            items,
            unit: id,
            keyed,
        })
    }

    fn shown(&self, k: &Keyed) -> Option<Shown> {
        shown(&self.items, k, self.unit)
    }
}

/// Every (cycle start, cycle, unit) of either revision, in report order.
fn recipients(old: &Revision, new: &Revision) -> Vec<(String, String)> {
    let mut keys: Vec<(String, String, String)> = Vec::new();
    for r in [old, new] {
        for cycle in r.model.cycles.iter().filter(|c| c.period.is_some()) {
            let from = cycle.period.expect("dated").from.to_string();
            for (_, unit) in r.model.addressable_units() {
                keys.push((from.clone(), cycle.id.node.clone(), unit.name.node.clone()));
            }
        }
    }
    keys.sort();
    keys.dedup_by(|a, b| a.1 == b.1 && a.2 == b.2);
    keys.into_iter().map(|(_, c, u)| (c, u)).collect()
}

/// What one recipient's work order gains, loses or changes, typed.
pub struct Recipient {
    pub cycle: String,
    pub unit: String,
    /// The whole work order is new (a new unit or cycle).
    pub new_work_order: bool,
    /// The whole work order is gone.
    pub removed_work_order: bool,
    /// In report order: kind, then key.
    pub changes: Vec<Changed>,
}

/// One item gained (no `old`), lost (no `new`) or changed (both).
pub struct Changed {
    pub kind: Kind,
    pub key: String,
    pub old: Option<Shown>,
    pub new: Option<Shown>,
}

/// What each recipient gains, loses or changes between two revisions,
/// optionally for one unit. Recipients without a change are left out.
pub fn changes(old: &Revision, new: &Revision, only: Option<&str>) -> Vec<Recipient> {
    let mut out = Vec::new();
    for (cycle, unit) in recipients(old, new) {
        if only.is_some_and(|u| u != unit) {
            continue;
        }
        let (before, after) = (Side::of(old, &cycle, &unit), Side::of(new, &cycle, &unit));
        let changes = recipient(&cycle, before.as_ref(), after.as_ref());
        if !changes.is_empty() || before.is_none() || after.is_none() {
            out.push(Recipient {
                new_work_order: before.is_none(),
                removed_work_order: after.is_none(),
                cycle,
                unit,
                changes,
            });
        }
    }
    out
}

/// `--for UNIT` that names no manager or CoE unit of either revision: E0102
/// with a did-you-mean, or E0101 for a worker (which receives no work
/// order). `new` is the later revision as named on the command line.
pub fn unknown_recipient(
    old: &Revision,
    new: &Revision,
    unit: &str,
    new_path: &std::path::Path,
) -> Option<Diagnostic> {
    let mut names: Vec<&str> = [old, new]
        .iter()
        .flat_map(|r| {
            r.model
                .addressable_units()
                .map(|(_, u)| u.name.node.as_str())
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    if names.contains(&unit) {
        return None;
    }
    let shown = new_path.display().to_string();
    let worker = [new, old].into_iter().find_map(|r| {
        let w = r.model.units.iter().find(|u| u.name.node == unit)?;
        Some((r.model, w))
    });
    if let Some((model, w)) = worker {
        let manager = w
            .under
            .and_then(|id| model.units.get(id.0 as usize))
            .map(|m| {
                format!(
                    "; its work order comes from its manager: `--for {}`",
                    m.name.node
                )
            })
            .unwrap_or_default();
        return Some(
            Diagnostic::at_path(
                Code::E0101,
                format!("`{unit}` in `--for` is a worker unit, which receives no work order"),
                shown,
            )
            .with_help(format!("name a manager or CoE unit{manager}")),
        );
    }
    let d = Diagnostic::at_path(
        Code::E0102,
        format!("unknown unit `{unit}` in `--for`: neither revision declares it"),
        shown,
    );
    let listed = names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    Some(match did_you_mean(unit, names.iter().copied()) {
        Some(close) => d
            .with_help(format!("did you mean `{close}`?"))
            .with_note(format!("the managers and CoE units are {listed}")),
        None if names.is_empty() => d.with_help("neither revision declares a manager or CoE unit"),
        None => d.with_help(format!("name one of the managers and CoE units: {listed}")),
    })
}

/// Compare two revisions' work orders, optionally for one unit.
pub fn diff(old: &Revision, new: &Revision, only: Option<&str>) -> Report {
    let date = |r: &Revision| r.model.revision.as_ref().map(|d| d.node.to_string());
    Report {
        schema: SCHEMA,
        from: date(old),
        to: date(new),
        recipients: changes(old, new, only).into_iter().map(report_of).collect(),
    }
}

fn report_of(r: Recipient) -> RecipientDiff {
    let mut out = RecipientDiff {
        cycle: r.cycle,
        unit: r.unit,
        new_work_order: r.new_work_order,
        removed_work_order: r.removed_work_order,
        gains: Vec::new(),
        loses: Vec::new(),
        changes: Vec::new(),
    };
    for c in r.changes {
        let kind = kind_word(c.kind).to_owned();
        match (c.old.is_some(), c.new.is_some()) {
            (true, true) => out.changes.push(Change {
                kind,
                key: c.key,
                from: value(&c.old),
                to: value(&c.new),
            }),
            (false, _) => out.gains.push(Entry {
                kind,
                key: c.key,
                item: value(&c.new),
            }),
            (_, false) => out.loses.push(Entry {
                kind,
                key: c.key,
                item: value(&c.old),
            }),
        }
    }
    out
}

fn recipient(cycle: &str, before: Option<&Side>, after: Option<&Side>) -> Vec<Changed> {
    let none: &[Keyed] = &[];
    let (was, is) = (
        before.map_or(none, |b| &b.keyed),
        after.map_or(none, |a| &a.keyed),
    );
    // A new or removed work order lists what it holds, not the cycle's
    // dates and pools, which are the cycle's context rather than its items.
    let whole = before.is_none() || after.is_none();
    let mut out = Vec::new();
    for p in identity::pair(was, is) {
        let k = p.new.or(p.old).expect("a pair has a side");
        if (whole && matches!(k.key.kind, Kind::Window | Kind::Budget))
            || (p.old.is_some() && p.new.is_some() && !p.changed())
        {
            continue;
        }
        out.push(Changed {
            kind: k.key.kind,
            key: key_text(k, cycle),
            old: p.old.and_then(|o| before.and_then(|b| b.shown(o))),
            new: p.new.and_then(|n| after.and_then(|a| a.shown(n))),
        });
    }
    out.sort_by(|a, b| (a.kind, &a.key).cmp(&(b.kind, &b.key)));
    out
}

fn key_text(k: &Keyed, cycle: &str) -> String {
    match k.key.kind {
        Kind::Window => cycle.to_owned(),
        _ => k.key.name.clone(),
    }
}

/// One line for an item, as a manager would read it.
fn summary(kind: &str, v: &Value) -> String {
    let num = |k: &str| v.get(k).map(|x| x.to_string()).unwrap_or_default();
    let unit = |k: &str| match v.get(k).and_then(Value::as_str) {
        Some("%") => "%".to_owned(),
        Some(u) => format!(" {u}"),
        None => String::new(),
    };
    match kind {
        "direction" => format!("\"{}\"", v.as_str().unwrap_or_default()),
        "priority" => format!("priority {} {}", num("rank"), text(v, "target")),
        "goal" => format!(
            "{}: {} {} {}{} by {}{}",
            text(v, "id"),
            text(v, "metric"),
            text(v, "op"),
            num("value"),
            unit("unit"),
            text(v, "by"),
            if v.get("urgent") == Some(&Value::Bool(true)) {
                " (urgent)"
            } else {
                ""
            }
        ),
        "constraint" => {
            let b = v.get("bound").cloned().unwrap_or(Value::Null);
            format!(
                "{} {} {}{}",
                text(v, "metric"),
                text(&b, "op"),
                b.get("value").map(|x| x.to_string()).unwrap_or_default(),
                match b.get("unit").and_then(Value::as_str) {
                    Some("%") => "%".to_owned(),
                    Some(u) => format!(" {u}"),
                    None => String::new(),
                }
            )
        }
        "outcome" => format!("\"{}\"", text(v, "text")),
        "allocation" => match text(v, "kind").as_str() {
            "tech" => format!("tech \"{}\" for {}", text(v, "tech"), text(v, "for")),
            _ => format!("{}{} for {}", num("amount"), unit("unit"), text(v, "for")),
        },
        "alignment" => format!(
            "aligned on {} with {}",
            text(v, "on"),
            v.get("with").map(|w| w.to_string()).unwrap_or_default()
        ),
        "resolution" => format!("{}: \"{}\"", text(v, "escalation"), text(v, "text")),
        "cycle" => format!("{} to {}", text(v, "from"), text(v, "to")),
        "budget" => format!("{}{}", num("amount"), unit("unit")),
        _ => v.to_string(),
    }
}

/// The report for a person: one block per recipient, `+` gains, `-` losses,
/// `~` changes.
pub fn human(report: &Report) -> String {
    let mut out = format!(
        "changes from the revision of {} to the revision of {}\n",
        report.from.as_deref().unwrap_or("(undated)"),
        report.to.as_deref().unwrap_or("(undated)")
    );
    if report.recipients.is_empty() {
        out.push_str("\nno work order changes\n");
    }
    for r in &report.recipients {
        let note = if r.new_work_order {
            " (new work order)"
        } else if r.removed_work_order {
            " (work order removed)"
        } else {
            ""
        };
        out.push_str(&format!("\n{} · {}{note}\n", r.cycle, r.unit));
        for e in &r.gains {
            out.push_str(&format!(
                "  + {:<10} {}\n",
                e.kind,
                summary(&e.kind, &e.item)
            ));
        }
        for e in &r.loses {
            out.push_str(&format!(
                "  - {:<10} {}\n",
                e.kind,
                summary(&e.kind, &e.item)
            ));
        }
        for c in &r.changes {
            out.push_str(&format!(
                "  ~ {:<10} {}\n               → {}\n",
                c.kind,
                summary(&c.kind, &c.from),
                summary(&c.kind, &c.to)
            ));
        }
    }
    out
}
