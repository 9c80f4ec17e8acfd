//! `koomc diff OLD NEW`: a semantic change report per recipient: what each
//! manager's and CoE unit's work order gains, loses or changes, item by item,
//! not a text diff. Entry point: [`diff`].
//!
//! Items are matched by identity within a work order: a priority by its
//! target, a goal by its id, a constraint by its metric and scope, an outcome or
//! a direction by its text, an allocation by its kind, unit, technology and
//! purpose, an alignment by its metric, a resolution by its escalation. Where an
//! item was written (`source`) is not part of what it says.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use crate::emit::WorkOrder;

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

const LISTS: &[(&str, &str)] = &[
    ("direction", "direction"),
    ("priorities", "priority"),
    ("goals", "goal"),
    ("constraints", "constraint"),
    ("outcomes", "outcome"),
    ("allocations", "allocation"),
    ("alignments", "alignment"),
    ("resolutions", "resolution"),
];

fn text(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn key_of(kind: &str, item: &Value) -> String {
    match kind {
        "direction" => item.as_str().unwrap_or_default().to_owned(),
        "priority" => text(item, "target"),
        "goal" => text(item, "id"),
        "constraint" => format!("{} ({})", text(item, "metric"), text(item, "scope")),
        "outcome" => text(item, "text"),
        "allocation" => [
            text(item, "kind"),
            text(item, "unit"),
            text(item, "tech"),
            text(item, "for"),
        ]
        .iter()
        .filter(|s| !s.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" "),
        "alignment" => text(item, "on"),
        "resolution" => text(item, "escalation"),
        _ => String::new(),
    }
}

fn without_source(mut v: Value) -> Value {
    if let Value::Object(map) = &mut v {
        map.remove("source");
    }
    v
}

fn keyed(order: &Value, list: &str, kind: &str) -> BTreeMap<String, Value> {
    order
        .get(list)
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .map(|i| (key_of(kind, i), without_source(i.clone())))
                .collect()
        })
        .unwrap_or_default()
}

fn order_key(o: &WorkOrder) -> (String, String, String) {
    (o.cycle.from.clone(), o.cycle.id.clone(), o.to.unit.clone())
}

/// Compare the work orders of two revisions, optionally for one unit.
pub fn diff(old: &[WorkOrder], new: &[WorkOrder], only: Option<&str>) -> Report {
    let to_value = |o: &WorkOrder| serde_json::to_value(o).expect("work orders serialize");
    let old_map: BTreeMap<_, _> = old
        .iter()
        .map(|o| ((o.cycle.id.clone(), o.to.unit.clone()), o))
        .collect();
    let new_map: BTreeMap<_, _> = new
        .iter()
        .map(|o| ((o.cycle.id.clone(), o.to.unit.clone()), o))
        .collect();
    let mut keys: Vec<(String, String, String)> =
        old.iter().chain(new.iter()).map(order_key).collect();
    keys.sort();
    keys.dedup_by(|a, b| a.1 == b.1 && a.2 == b.2);
    let mut recipients = Vec::new();
    for (_, cycle, unit) in keys {
        if only.is_some_and(|u| u != unit) {
            continue;
        }
        let id = (cycle.clone(), unit.clone());
        let (before, after) = (
            old_map.get(&id).map(|o| to_value(o)),
            new_map.get(&id).map(|o| to_value(o)),
        );
        let empty = Value::Object(Default::default());
        let (b, a) = (
            before.as_ref().unwrap_or(&empty),
            after.as_ref().unwrap_or(&empty),
        );
        let mut r = RecipientDiff {
            cycle,
            unit,
            new_work_order: before.is_none(),
            removed_work_order: after.is_none(),
            gains: Vec::new(),
            loses: Vec::new(),
            changes: Vec::new(),
        };
        if before.is_some() && after.is_some() && b.get("cycle") != a.get("cycle") {
            r.changes.push(Change {
                kind: "cycle".into(),
                key: r.cycle.clone(),
                from: b.get("cycle").cloned().unwrap_or(Value::Null),
                to: a.get("cycle").cloned().unwrap_or(Value::Null),
            });
        }
        for (list, kind) in LISTS {
            let (was, is) = (keyed(b, list, kind), keyed(a, list, kind));
            for (key, item) in &is {
                match was.get(key) {
                    None => r.gains.push(Entry {
                        kind: (*kind).into(),
                        key: key.clone(),
                        item: item.clone(),
                    }),
                    Some(old_item) if old_item != item => r.changes.push(Change {
                        kind: (*kind).into(),
                        key: key.clone(),
                        from: old_item.clone(),
                        to: item.clone(),
                    }),
                    Some(_) => {}
                }
            }
            for (key, item) in &was {
                if !is.contains_key(key) {
                    r.loses.push(Entry {
                        kind: (*kind).into(),
                        key: key.clone(),
                        item: item.clone(),
                    });
                }
            }
        }
        if !(r.gains.is_empty() && r.loses.is_empty() && r.changes.is_empty())
            || r.new_work_order
            || r.removed_work_order
        {
            recipients.push(r);
        }
    }
    Report {
        schema: SCHEMA,
        from: old.first().and_then(|o| o.revision.clone()),
        to: new.first().and_then(|o| o.revision.clone()),
        recipients,
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
