//! What counts as "the same" statement of a cycle in two revisions, and
//! whether it says the same: the one notion that change control
//! (`history`) and `koomc diff` share.
//!
//! | kind | identity (the key) | what it says (the meaning) |
//! | --- | --- | --- |
//! | window | the cycle | its dates and its window |
//! | direction | its text; a changed text is paired with the old one in order | the text |
//! | priority | its target (metric or goal id) | the rank |
//! | goal | its id; without an id, its metric and the units it is addressed to | bound, unit, `by`, `urgent`, addressees |
//! | constraint | its metric and the units it is addressed to | bound, change, `keep` bounds, `by`, `urgent` |
//! | outcome | its text and addressees; a changed text is paired in order | text, `by`, `urgent` |
//! | budget | its pool: a currency, people, or time | the amount |
//! | allocation | the unit, the pool (or the technology) and what it is `for` | the amount |
//! | alignment | its metric | the units |
//! | resolution | its escalation id | the units and the decision |
//!
//! Where it was written (its span), its `because` and its `ai` are not part
//! of what it says. A goal with an id that moves to another `to` block is the
//! same goal, changed; a goal without an id that moves is one removed and one
//! added. Two statements with the same key in one cycle are told apart by
//! their order (`#2`).

use std::collections::BTreeMap;
use std::fmt;

use crate::model::units::canonical;
use crate::model::*;
use crate::source::Span;
use crate::syntax::ast::ConstraintBound;

/// One revision of a plan: its checked model and its sources.
pub struct Revision<'a> {
    pub model: &'a Model,
    pub sources: &'a crate::source::SourceMap,
}

/// The kinds of statement, in the order reports list them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Window,
    Direction,
    Priority,
    Goal,
    Constraint,
    Outcome,
    Budget,
    Allocation,
    Alignment,
    Resolution,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: &'static [Kind] = &[
        Kind::Window,
        Kind::Direction,
        Kind::Priority,
        Kind::Goal,
        Kind::Constraint,
        Kind::Outcome,
        Kind::Budget,
        Kind::Allocation,
        Kind::Alignment,
        Kind::Resolution,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Window => "window",
            Kind::Direction => "direction",
            Kind::Priority => "priority",
            Kind::Goal => "goal",
            Kind::Constraint => "constraint",
            Kind::Outcome => "outcome",
            Kind::Budget => "budget",
            Kind::Allocation => "allocation",
            Kind::Alignment => "alignment",
            Kind::Resolution => "resolution",
        }
    }

    /// Kinds whose identity is their text: a changed text is paired with an
    /// unmatched old one of the same scope, in order, as a change.
    fn paired_in_order(self) -> bool {
        matches!(self, Kind::Direction | Kind::Outcome)
    }
}

/// The identity of a statement within its cycle.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub kind: Kind,
    /// What identifies it within its kind: `throughput`, `ship-more`,
    /// `throughput to logistics,operations`.
    pub name: String,
    /// The part of the name that stays when a text changes (the addressees
    /// of an outcome); pairing in order happens within it.
    scope: String,
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            Kind::Window => f.write_str("window"),
            Kind::Direction | Kind::Outcome => {
                write!(f, "{} \"{}\"", self.kind.as_str(), self.name)
            }
            _ => write!(f, "{} {}", self.kind.as_str(), self.name),
        }
    }
}

/// The statement a key names, in the model.
#[derive(Clone, Copy)]
pub enum Item<'m> {
    Window(&'m Cycle),
    Direction(&'m Direction),
    Priority(&'m Priority),
    Directive(&'m Directive),
    Budget(&'m Budget),
    Allocation(&'m Allocation),
    Alignment(&'m Align),
    Resolution(&'m Resolution),
}

/// A statement with its identity and what it says.
pub struct Keyed<'m> {
    pub key: Key,
    pub item: Item<'m>,
    /// What it says, comparable across revisions: equal meaning, equal text.
    pub meaning: String,
}

impl Keyed<'_> {
    /// Where it is written (for a window: the `window` line, or the cycle's).
    pub fn span(&self) -> Span {
        match self.item {
            Item::Window(c) => c.window.as_ref().map_or(c.span, |w| w.span),
            Item::Direction(d) => d.span,
            Item::Priority(p) => p.span,
            Item::Directive(d) => d.span,
            Item::Budget(b) => b.span,
            Item::Allocation(a) => a.span,
            Item::Alignment(a) => a.span,
            Item::Resolution(r) => r.span,
        }
    }

    /// Its `because`, for the kinds that take one.
    pub fn because(&self) -> Option<&str> {
        let notes = match self.item {
            Item::Direction(d) => &d.notes,
            Item::Priority(p) => &p.notes,
            Item::Directive(d) => &d.notes,
            Item::Allocation(a) => &a.notes,
            _ => return None,
        };
        notes.because().map(|b| b.node.as_str())
    }

    /// Whether it is part of what a unit receives.
    pub fn reaches(&self, unit: UnitId) -> bool {
        match self.item {
            Item::Directive(d) => d.scope.reaches(unit),
            Item::Allocation(a) => a.to.node == unit,
            Item::Alignment(a) => a.units.iter().any(|u| u.node == unit),
            Item::Resolution(r) => r.units.iter().any(|u| u.node == unit),
            Item::Window(_) | Item::Direction(_) | Item::Priority(_) | Item::Budget(_) => true,
        }
    }
}

/// Every statement of a cycle the executive layer sets, keyed, in kind
/// order and then source order.
pub fn items<'m>(model: &'m Model, cycle: &'m Cycle) -> Vec<Keyed<'m>> {
    let mut out = vec![window(cycle)];
    out.extend(cycle.directions.iter().map(|d| {
        keyed(
            Kind::Direction,
            d.text.node.clone(),
            "",
            Item::Direction(d),
            d.text.node.clone(),
        )
    }));
    out.extend(cycle.priorities.iter().map(|p| priority(model, p)));
    out.extend(cycle.directives.iter().map(|d| directive(model, d)));
    out.extend(cycle.budgets.iter().map(budget));
    out.extend(cycle.allocations.iter().map(|a| allocation(model, a)));
    out.extend(cycle.aligns.iter().map(|a| alignment(model, a)));
    out.extend(cycle.resolutions.iter().map(|r| resolution(model, r)));
    out.sort_by_key(|k| k.key.kind);
    number_repeats(&mut out);
    out
}

fn keyed<'m>(kind: Kind, name: String, scope: &str, item: Item<'m>, meaning: String) -> Keyed<'m> {
    Keyed {
        key: Key {
            kind,
            name,
            scope: scope.to_owned(),
        },
        item,
        meaning,
    }
}

/// `#2`, `#3`… after the second and later statements with one key.
fn number_repeats(items: &mut [Keyed]) {
    let mut seen: BTreeMap<Key, usize> = BTreeMap::new();
    for k in items.iter_mut() {
        let n = seen.entry(k.key.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            k.key.name = format!("{} #{n}", k.key.name);
        }
    }
}

fn window(cycle: &Cycle) -> Keyed<'_> {
    let dates = cycle
        .period
        .map_or("-".to_owned(), |p| format!("{} to {}", p.from, p.to));
    let window = cycle.window.as_ref().map_or("none".to_owned(), |w| {
        format!("{} to {}", w.from.node, w.to.node)
    });
    keyed(
        Kind::Window,
        String::new(),
        "",
        Item::Window(cycle),
        format!("{dates} window {window}"),
    )
}

/// The addressees of a directive: `*` for the cycle level, else the unit names.
fn addressees(model: &Model, scope: &Scope) -> String {
    match scope {
        Scope::Cycle => "*".to_owned(),
        Scope::Units(us) => {
            let mut names: Vec<&str> = us
                .iter()
                .map(|u| model.unit(u.node).name.node.as_str())
                .collect();
            names.sort_unstable();
            names.dedup();
            names.join(",")
        }
    }
}

fn units(model: &Model, units: &[crate::source::Spanned<UnitId>]) -> String {
    let mut names: Vec<&str> = units
        .iter()
        .map(|u| model.unit(u.node).name.node.as_str())
        .collect();
    names.sort_unstable();
    names.dedup();
    names.join(",")
}

fn bound_text(b: &Option<Bound>) -> String {
    b.as_ref().map_or("?".to_owned(), |b| {
        format!("{} {}", b.op.as_str(), b.value.normalize())
    })
}

fn by_text(by: Option<&crate::source::Spanned<jiff::civil::Date>>) -> String {
    by.map_or("-".to_owned(), |b| b.node.to_string())
}

fn priority<'m>(model: &'m Model, p: &'m Priority) -> Keyed<'m> {
    let target = model.target_name(&p.target.node).to_owned();
    keyed(
        Kind::Priority,
        target,
        "",
        Item::Priority(p),
        format!("rank {}", p.rank.node),
    )
}

fn directive<'m>(model: &'m Model, d: &'m Directive) -> Keyed<'m> {
    let to = addressees(model, &d.scope);
    let item = Item::Directive(d);
    let flags = format!("by {} urgent {}", by_text(d.kind.by()), d.urgent.is_some());
    match &d.kind {
        DirectiveKind::Goal { id, metric, .. } => {
            let name = &model.metric(metric.node).name.node;
            let key = match id {
                Some(id) => id.node.clone(),
                None => format!("{name} to {to}"),
            };
            let meaning = format!("{name} {} {flags} to {to}", bound_text(&d.bound));
            keyed(Kind::Goal, key, "", item, meaning)
        }
        DirectiveKind::Constraint { metric, bound, .. } => {
            let name = &model.metric(metric.node).name.node;
            let change = match bound {
                ConstraintBound::Change(c) => format!("{:?}", c.node),
                ConstraintBound::Compare { .. } => String::new(),
            };
            let keeps: Vec<String> = d
                .keep_bounds
                .iter()
                .map(|(k, b)| format!("{} {}", model.metric(k.node).name.node, b.value))
                .collect();
            let meaning = format!(
                "{} {change} keep {} {flags}",
                bound_text(&d.bound),
                keeps.join(",")
            );
            keyed(
                Kind::Constraint,
                format!("{name} to {to}"),
                "",
                item,
                meaning,
            )
        }
        DirectiveKind::Outcome { text, .. } => keyed(
            Kind::Outcome,
            text.node.clone(),
            &to,
            item,
            format!("{} {flags}", text.node),
        ),
    }
}

/// The pool a quantity draws on: a currency, `people`, or a time unit.
fn pool(q: &Quantity) -> String {
    q.unit
        .as_ref()
        .map_or("-".to_owned(), |u| canonical(&u.node.0))
}

fn budget(b: &Budget) -> Keyed<'_> {
    let q = &b.amount;
    keyed(
        Kind::Budget,
        pool(q),
        "",
        Item::Budget(b),
        q.value.normalize().to_string(),
    )
}

fn allocation<'m>(model: &'m Model, a: &'m Allocation) -> Keyed<'m> {
    let what = match &a.what {
        Allocated::Amount(q) => pool(q),
        Allocated::Tech(t) => format!("tech \"{}\"", t.node),
    };
    let target = a
        .target
        .as_ref()
        .map_or("-", |t| model.target_name(&t.node));
    let name = format!("{what} to {} for {target}", model.unit(a.to.node).name.node);
    let meaning = match &a.what {
        Allocated::Amount(q) => q.value.normalize().to_string(),
        Allocated::Tech(t) => t.node.clone(),
    };
    keyed(Kind::Allocation, name, "", Item::Allocation(a), meaning)
}

fn alignment<'m>(model: &'m Model, a: &'m Align) -> Keyed<'m> {
    let on = model.metric(a.metric.node).name.node.clone();
    keyed(
        Kind::Alignment,
        on,
        "",
        Item::Alignment(a),
        units(model, &a.units),
    )
}

fn resolution<'m>(model: &'m Model, r: &'m Resolution) -> Keyed<'m> {
    let meaning = format!("{}: {}", units(model, &r.units), r.text.node);
    keyed(
        Kind::Resolution,
        r.escalation.node.clone(),
        "",
        Item::Resolution(r),
        meaning,
    )
}

/// The metric a statement is about, where it is about one: a priority's or
/// an allocation's target (a goal id's metric), a goal's or constraint's
/// metric, an alignment's.
pub fn metric_of<'m>(model: &'m Model, k: &Keyed) -> Option<&'m Metric> {
    let target = |t: &Target| match t {
        Target::Metric(m) => Some(*m),
        Target::Goal(..) => None,
    };
    let id = match k.item {
        Item::Priority(p) => target(&p.target.node)?,
        Item::Allocation(a) => target(&a.target.as_ref()?.node)?,
        Item::Directive(d) => d.kind.metric()?.node,
        Item::Alignment(a) => a.metric.node,
        _ => return None,
    };
    Some(model.metric(id))
}

/// A statement of the old revision, of the new one, or of both.
pub struct Pair<'a, 'm> {
    pub old: Option<&'a Keyed<'m>>,
    pub new: Option<&'a Keyed<'m>>,
}

impl Pair<'_, '_> {
    /// Both exist and say different things.
    pub fn changed(&self) -> bool {
        matches!((self.old, self.new), (Some(o), Some(n)) if o.meaning != n.meaning)
    }
}

/// Match the statements of two revisions of a cycle: by key, then, for the
/// kinds whose identity is their text, the unmatched ones of one scope in
/// order. New statements first (in order), then the removed ones.
pub fn pair<'a, 'm>(old: &'a [Keyed<'m>], new: &'a [Keyed<'m>]) -> Vec<Pair<'a, 'm>> {
    let by_key: BTreeMap<&Key, usize> = old.iter().enumerate().map(|(i, k)| (&k.key, i)).collect();
    let mut matched: Vec<Option<usize>> = new.iter().map(|n| by_key.get(&n.key).copied()).collect();
    let mut used = vec![false; old.len()];
    matched.iter().flatten().for_each(|&i| used[i] = true);
    // Unmatched texts, per kind and scope, waiting in order.
    let mut waiting: BTreeMap<(Kind, &str), std::collections::VecDeque<usize>> = BTreeMap::new();
    for (i, o) in old.iter().enumerate() {
        if !used[i] && o.key.kind.paired_in_order() {
            waiting
                .entry((o.key.kind, o.key.scope.as_str()))
                .or_default()
                .push_back(i);
        }
    }
    for (n, slot) in new.iter().zip(matched.iter_mut()) {
        if slot.is_some() || !n.key.kind.paired_in_order() {
            continue;
        }
        if let Some(i) = waiting
            .get_mut(&(n.key.kind, n.key.scope.as_str()))
            .and_then(|w| w.pop_front())
        {
            used[i] = true;
            *slot = Some(i);
        }
    }
    let mut out: Vec<Pair> = new
        .iter()
        .zip(matched)
        .map(|(n, o)| Pair {
            old: o.map(|i| &old[i]),
            new: Some(n),
        })
        .collect();
    out.extend(
        old.iter()
            .zip(used)
            .filter(|(_, used)| !used)
            .map(|(o, _)| Pair {
                old: Some(o),
                new: None,
            }),
    );
    out
}
