//! Stage 4, emit: the checked model to work orders
//! (`../shared/spec/work-orders.md`), one per manager and CoE unit per cycle.
//!
//! Entry point: [`emit`]. Order is stable and documented: work orders by cycle
//! start date (then id), then unit name; inside a work order, items in source
//! order. Numbers are exact decimals written as JSON numbers.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Serialize, Serializer};

use crate::model::units::{resource_kind, signed};
use crate::model::*;
use crate::source::{SourceMap, Span, Spanned};
use crate::syntax::ast::ConstraintBound;

mod json;

pub use json::{bundle_json, stream_bundle, to_json, write_bundle, write_json};

/// The value of `schema` in every work order.
pub const WORK_ORDER_SCHEMA: &str = "koom.work-order/1";
/// The value of `schema` in the `--stdout` bundle.
pub const BUNDLE_SCHEMA: &str = "koom.work-orders/1";

/// An exact decimal, written as a JSON number with no exponent and no
/// trailing zeros (`422400`, `4.2`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, JsonSchema)]
#[schemars(transparent)]
pub struct Number(#[schemars(with = "f64")] pub Decimal);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let text = self.0.normalize().to_string();
        serde_json::value::RawValue::from_string(text)
            .map_err(serde::ser::Error::custom)?
            .serialize(s)
    }
}

/// The document `koomc build --stdout` writes: every work order at once.
#[derive(Serialize, JsonSchema)]
#[schemars(
    title = "KOOM work orders",
    description = "All work orders of one `koomc build --stdout`."
)]
pub struct Bundle<'a> {
    /// Always `koom.work-orders/1`.
    pub schema: &'static str,
    pub work_orders: &'a [WorkOrder],
}

/// Everything the executive layer asks of one manager or CoE unit for one cycle.
#[derive(Serialize, JsonSchema)]
#[schemars(
    title = "KOOM work order",
    description = "What the executive layer asks of one manager or CoE unit for one cycle: goals, constraints and priorities, never tasks."
)]
pub struct WorkOrder {
    /// Always `koom.work-order/1`.
    pub schema: &'static str,
    /// The organization's name, from `org`.
    pub org: Option<String>,
    /// The revision date of the directives (`YYYY-MM-DD`), from `revision`.
    pub revision: Option<String>,
    /// The issuing executives, in declaration order.
    pub issued_by: Vec<String>,
    pub cycle: CycleInfo,
    pub to: Recipient,
    /// The strategic direction for the cycle.
    pub direction: Vec<String>,
    /// The cycle's priorities, highest (rank 1) first.
    pub priorities: Vec<PriorityItem>,
    pub goals: Vec<GoalItem>,
    pub constraints: Vec<ConstraintItem>,
    pub outcomes: Vec<OutcomeItem>,
    /// Resources allocated to this unit.
    pub allocations: Vec<AllocationItem>,
    /// Metrics this unit shares with others.
    pub alignments: Vec<AlignmentItem>,
    /// Decisions on escalations this unit brought.
    pub resolutions: Vec<ResolutionItem>,
    pub provenance: Provenance,
}

#[derive(Serialize, JsonSchema)]
pub struct CycleInfo {
    pub id: String,
    /// First day, `YYYY-MM-DD`.
    pub from: String,
    /// Last day, `YYYY-MM-DD`.
    pub to: String,
    /// The change window, if the cycle has one.
    pub window: Option<WindowInfo>,
}

#[derive(Serialize, JsonSchema)]
pub struct WindowInfo {
    pub from: String,
    pub to: String,
}

#[derive(Serialize, JsonSchema)]
pub struct Recipient {
    pub unit: String,
    pub layer: RecipientLayer,
    /// The unit's lead, as declared.
    pub lead: Option<String>,
}

#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RecipientLayer {
    Manager,
    Coe,
}

/// Where an item was written.
#[derive(Serialize, JsonSchema, Clone)]
pub struct Source {
    /// The file, relative to the project root (the folder of `koom.toml`, or
    /// else of the first file named), `/`-separated: the same from anywhere.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in Unicode scalar values.
    pub column: usize,
}

/// Whether an item came from the cycle level or a `to` block.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ItemScope {
    Cycle,
    Unit,
}

#[derive(Serialize, JsonSchema)]
pub struct PriorityItem {
    pub rank: u32,
    /// A metric name or a goal id.
    pub target: String,
    pub kind: TargetKind,
    pub because: Option<String>,
    pub source: Source,
}

#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TargetKind {
    Metric,
    Goal,
}

#[derive(Serialize, JsonSchema)]
pub struct GoalItem {
    /// The goal id, or the metric's name for a goal written without one.
    pub id: String,
    pub metric: String,
    pub op: Op,
    pub value: Number,
    /// The metric's unit, or null for a metric without one.
    pub unit: Option<String>,
    /// The deadline: the `by` date, or the cycle's last day.
    pub by: String,
    pub urgent: bool,
    pub scope: ItemScope,
    pub because: Option<String>,
    pub source: Source,
}

#[derive(Clone, Copy, Serialize, JsonSchema)]
pub enum Op {
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = "=")]
    Eq,
}

impl From<Cmp> for Op {
    fn from(c: Cmp) -> Self {
        match c {
            Cmp::Lt => Op::Lt,
            Cmp::Le => Op::Le,
            Cmp::Gt => Op::Gt,
            Cmp::Ge => Op::Ge,
            Cmp::Eq => Op::Eq,
        }
    }
}

#[derive(Serialize, JsonSchema)]
pub struct ConstraintItem {
    pub metric: String,
    /// The change as written, relative to the baseline; null for an absolute bound.
    pub change: Option<ChangeInfo>,
    /// The exact bound on the metric's value at the end of the cycle.
    pub bound: BoundInfo,
    /// Metrics that must get no worse than their baseline.
    pub keep: Vec<KeepInfo>,
    /// When the bound must hold: the `by` date, or the cycle's last day.
    pub by: String,
    pub urgent: bool,
    pub scope: ItemScope,
    pub because: Option<String>,
    pub source: Source,
}

/// Exactly one of the three keys.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ChangeInfo {
    /// Relative to the baseline: `-12%`.
    Relative(String),
    /// Percentage points: `+2pp`.
    Points(String),
    /// In the metric's unit: `-40000 USD/month`.
    Absolute(String),
}

#[derive(Serialize, JsonSchema)]
pub struct BoundInfo {
    pub op: Op,
    pub value: Number,
    pub unit: Option<String>,
}

#[derive(Serialize, JsonSchema)]
pub struct KeepInfo {
    pub metric: String,
    pub op: Op,
    pub value: Number,
    pub unit: Option<String>,
}

#[derive(Serialize, JsonSchema)]
pub struct OutcomeItem {
    pub text: String,
    /// The `by` date, or null.
    pub by: Option<String>,
    pub urgent: bool,
    pub scope: ItemScope,
    pub because: Option<String>,
    pub source: Source,
}

#[derive(Serialize, JsonSchema)]
pub struct AllocationItem {
    pub kind: AllocationKind,
    /// The amount; null for a technology.
    pub amount: Option<Number>,
    /// The amount's unit; null for a technology.
    pub unit: Option<String>,
    /// The technology; null for an amount.
    pub tech: Option<String>,
    /// The priority target, metric or goal id it serves.
    #[serde(rename = "for")]
    pub target: Option<String>,
    pub because: Option<String>,
    pub source: Source,
}

#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum AllocationKind {
    Money,
    People,
    Time,
    Tech,
}

#[derive(Serialize, JsonSchema)]
pub struct AlignmentItem {
    /// The shared metric.
    pub on: String,
    /// The other units that share it.
    pub with: Vec<String>,
    pub source: Source,
}

#[derive(Serialize, JsonSchema)]
pub struct ResolutionItem {
    pub escalation: String,
    /// Every unit the resolution addresses.
    #[serde(rename = "for")]
    pub units: Vec<String>,
    pub text: String,
    pub source: Source,
}

#[derive(Serialize, JsonSchema)]
pub struct Provenance {
    /// `koomc` and its version.
    pub compiler: String,
    /// Every item of this work order that AI helped with, and how.
    pub ai: Vec<AiUse>,
}

#[derive(Serialize, JsonSchema, Clone)]
pub struct AiUse {
    /// One of `summarize`, `draft`, `scenario`, `explore`, `expand`, `interpret`.
    #[serde(rename = "use")]
    pub use_: String,
    /// `window`, `budget`, `direction`, `priority`, `goal`, `constraint`, `outcome`, `allocation` or `alignment`.
    pub item: String,
    pub source: Source,
}

/// The work orders of a checked model.
pub fn emit(model: &Model, sources: &SourceMap) -> Vec<WorkOrder> {
    let mut orders = Vec::new();
    let built: Result<(), std::convert::Infallible> = each(
        model,
        sources,
        |order| order,
        |order| {
            orders.push(order);
            Ok(())
        },
    );
    match built {
        Ok(()) => orders,
        Err(never) => match never {},
    }
}

/// How many work orders are built at once, on rayon's threads, before they
/// are handed on in order.
const BATCH: usize = 64;

/// Every work order, in [`emit`]'s order, turned into a `T` by `make` on
/// rayon's threads a batch at a time and handed to `take` in order: what
/// writing them needs (their text), never every order at once. Stops at
/// `take`'s first error.
pub fn each<T: Send, E>(
    model: &Model,
    sources: &SourceMap,
    make: impl Fn(WorkOrder) -> T + Sync,
    mut take: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    use rayon::prelude::*;
    let mut cycles: Vec<&Cycle> = model.cycles.iter().filter(|c| c.period.is_some()).collect();
    cycles.sort_by(|a, b| {
        let (pa, pb) = (a.period.expect("dated"), b.period.expect("dated"));
        (pa.from, &a.id.node).cmp(&(pb.from, &b.id.node))
    });
    let mut units: Vec<(UnitId, &Unit)> = model.addressable_units().collect();
    units.sort_by(|a, b| a.1.name.node.cmp(&b.1.name.node));
    for cycle in cycles {
        let items = Items {
            model,
            sources,
            cycle,
        };
        let reach = Reach::of(&items, model.units.len());
        for batch in units.chunks(BATCH) {
            let made: Vec<T> = batch
                .par_iter()
                .map(|&(id, unit)| make(work_order(&items, &reach, id, unit)))
                .collect();
            made.into_iter().try_for_each(&mut take)?;
        }
    }
    Ok(())
}

/// What reaches each unit in one cycle, as indexes in source order, built in
/// one pass over the cycle so that a work order never scans what is not its own.
#[derive(Default, Clone)]
struct Reached {
    directives: Vec<usize>,
    allocations: Vec<usize>,
    aligns: Vec<usize>,
    resolutions: Vec<usize>,
    /// Indexes in [`Reach::ai`].
    ai: Vec<usize>,
}

struct Reach {
    units: Vec<Reached>,
    /// The cycle's statements annotated `ai …`, in [`Cycle::annotated`] order.
    ai: Vec<AiUse>,
}

/// Add `i` to a unit's list once (`to a, a { … }` reaches `a` once).
fn reached_once(list: &mut Vec<usize>, i: usize) {
    if list.last() != Some(&i) {
        list.push(i);
    }
}

impl Reach {
    fn of(items: &Items, unit_count: usize) -> Reach {
        let cycle = items.cycle;
        let mut units = vec![Reached::default(); unit_count];
        for (i, d) in cycle.directives.iter().enumerate() {
            match &d.scope {
                Scope::Cycle => units.iter_mut().for_each(|u| u.directives.push(i)),
                Scope::Units(to) => {
                    for u in to {
                        let list = &mut units[u.node.0 as usize].directives;
                        if list.last() != Some(&i) {
                            list.push(i); // `to a, a { … }` reaches `a` once
                        }
                    }
                }
            }
        }
        for (i, a) in cycle.allocations.iter().enumerate() {
            units[a.to.node.0 as usize].allocations.push(i);
        }
        for (i, a) in cycle.aligns.iter().enumerate() {
            for u in &a.units {
                let list = &mut units[u.node.0 as usize].aligns;
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        for (i, r) in cycle.resolutions.iter().enumerate() {
            for u in &r.units {
                reached_once(&mut units[u.node.0 as usize].resolutions, i);
            }
        }
        let mut ai = Vec::new();
        for a in cycle.annotated() {
            let Some(used) = a.notes.ai() else { continue };
            let i = ai.len();
            ai.push(AiUse {
                use_: used.node.clone(),
                item: a.item.to_owned(),
                source: items.source(a.span),
            });
            match a.audience {
                Audience::Everyone | Audience::Scope(Scope::Cycle) => {
                    units.iter_mut().for_each(|u| u.ai.push(i))
                }
                Audience::Scope(Scope::Units(to)) => {
                    for u in to {
                        reached_once(&mut units[u.node.0 as usize].ai, i);
                    }
                }
                Audience::Units(to) => {
                    for u in to {
                        reached_once(&mut units[u.node.0 as usize].ai, i);
                    }
                }
                Audience::Unit(u) => units[u.0 as usize].ai.push(i),
            }
        }
        Reach { units, ai }
    }
}

fn source(sources: &SourceMap, span: Span) -> Source {
    let at = sources.get(span.file).line_col(span.start());
    Source {
        file: sources.portable_name(span.file).to_owned(),
        line: at.line,
        column: at.column,
    }
}

fn text(t: Option<&Text>) -> Option<String> {
    t.map(|t| t.node.clone())
}

fn scope(s: &Scope) -> ItemScope {
    match s {
        Scope::Cycle => ItemScope::Cycle,
        Scope::Units(_) => ItemScope::Unit,
    }
}

fn unit_of(metric: &Metric) -> Option<String> {
    metric.unit.as_ref().map(|u| u.node.0.clone())
}

/// The work-order items of one cycle: each statement of the model as a
/// manager's tools read it. `koomc diff` shows items through these too.
pub struct Items<'a> {
    pub model: &'a Model,
    pub sources: &'a SourceMap,
    pub cycle: &'a Cycle,
}

impl Items<'_> {
    fn period(&self) -> Period {
        self.cycle.period.expect("work orders are of dated cycles")
    }

    fn source(&self, span: Span) -> Source {
        source(self.sources, span)
    }

    /// The deadline of a directive: its `by` date, or the cycle's last day.
    fn deadline(&self, by: &Option<Spanned<jiff::civil::Date>>) -> String {
        by.as_ref().map_or(self.period().to, |b| b.node).to_string()
    }

    pub fn priority(&self, p: &Priority) -> PriorityItem {
        let kind = match &p.target.node {
            Target::Metric(_) => TargetKind::Metric,
            Target::Goal(..) => TargetKind::Goal,
        };
        PriorityItem {
            rank: p.rank.node,
            target: self.model.target_name(&p.target.node).to_owned(),
            kind,
            because: text(p.notes.because()),
            source: self.source(p.span),
        }
    }

    /// A goal directive's item; `None` for another kind.
    pub fn goal(&self, d: &Directive) -> Option<GoalItem> {
        let DirectiveKind::Goal {
            id,
            metric,
            op,
            value,
            by,
        } = &d.kind
        else {
            return None;
        };
        let m = self.model.metric(metric.node);
        Some(GoalItem {
            id: id.as_ref().unwrap_or(&m.name).node.clone(),
            metric: m.name.node.clone(),
            op: op.node.into(),
            value: Number(value.value),
            unit: unit_of(m).or_else(|| value.unit.as_ref().map(|u| u.node.0.clone())),
            by: self.deadline(by),
            urgent: d.urgent.is_some(),
            scope: scope(&d.scope),
            because: text(d.notes.because()),
            source: self.source(d.span),
        })
    }

    /// A constraint directive's item; `None` for another kind, or for a
    /// constraint whose bound could not be computed.
    pub fn constraint(&self, d: &Directive) -> Option<ConstraintItem> {
        let DirectiveKind::Constraint {
            metric, bound, by, ..
        } = &d.kind
        else {
            return None;
        };
        let b = d.bound.as_ref()?;
        let m = self.model.metric(metric.node);
        let change = match bound {
            ConstraintBound::Compare { .. } => None,
            ConstraintBound::Change(c) => Some(change_info(&c.node, m)),
        };
        Some(ConstraintItem {
            metric: m.name.node.clone(),
            change,
            bound: BoundInfo {
                op: b.op.into(),
                value: Number(b.value),
                unit: unit_of(m),
            },
            keep: d
                .keep_bounds
                .iter()
                .map(|(k, kb)| self.keep(k.node, kb))
                .collect(),
            by: self.deadline(by),
            urgent: d.urgent.is_some(),
            scope: scope(&d.scope),
            because: text(d.notes.because()),
            source: self.source(d.span),
        })
    }

    fn keep(&self, metric: MetricId, bound: &Bound) -> KeepInfo {
        let m = self.model.metric(metric);
        KeepInfo {
            metric: m.name.node.clone(),
            op: bound.op.into(),
            value: Number(bound.value),
            unit: unit_of(m),
        }
    }

    /// An outcome directive's item; `None` for another kind.
    pub fn outcome(&self, d: &Directive) -> Option<OutcomeItem> {
        let DirectiveKind::Outcome { text: t, by } = &d.kind else {
            return None;
        };
        Some(OutcomeItem {
            text: t.node.clone(),
            by: by.as_ref().map(|b| b.node.to_string()),
            urgent: d.urgent.is_some(),
            scope: scope(&d.scope),
            because: text(d.notes.because()),
            source: self.source(d.span),
        })
    }

    pub fn allocation(&self, a: &Allocation) -> AllocationItem {
        let (kind, amount, unit, tech) = match &a.what {
            Allocated::Amount(q) => {
                let u = q.unit.as_ref().map(|u| u.node.0.clone());
                let kind = match u.as_deref().and_then(resource_kind) {
                    Some(ResourceKind::People) => AllocationKind::People,
                    Some(ResourceKind::Time) => AllocationKind::Time,
                    _ => AllocationKind::Money,
                };
                (kind, Some(Number(q.value)), u, None)
            }
            Allocated::Tech(t) => (AllocationKind::Tech, None, None, Some(t.node.clone())),
        };
        AllocationItem {
            kind,
            amount,
            unit,
            tech,
            target: a
                .target
                .as_ref()
                .map(|t| self.model.target_name(&t.node).to_owned()),
            because: text(a.notes.because()),
            source: self.source(a.span),
        }
    }

    /// An alignment as one of its units sees it: the others it shares with.
    pub fn alignment(&self, a: &Align, unit: UnitId) -> AlignmentItem {
        AlignmentItem {
            on: self.model.metric(a.metric.node).name.node.clone(),
            with: a
                .units
                .iter()
                .filter(|u| u.node != unit)
                .map(|u| self.model.unit(u.node).name.node.clone())
                .collect(),
            source: self.source(a.span),
        }
    }

    pub fn resolution(&self, r: &Resolution) -> ResolutionItem {
        ResolutionItem {
            escalation: r.escalation.node.clone(),
            units: r
                .units
                .iter()
                .map(|u| self.model.unit(u.node).name.node.clone())
                .collect(),
            text: r.text.node.clone(),
            source: self.source(r.span),
        }
    }

    pub fn cycle_info(&self) -> CycleInfo {
        let period = self.period();
        CycleInfo {
            id: self.cycle.id.node.clone(),
            from: period.from.to_string(),
            to: period.to.to_string(),
            window: self.cycle.window.as_ref().map(|w| WindowInfo {
                from: w.from.node.to_string(),
                to: w.to.node.to_string(),
            }),
        }
    }
}

/// A constraint's change as written, in the metric's unit.
fn change_info(change: &Change, m: &Metric) -> ChangeInfo {
    match change {
        Change::Relative(v) => ChangeInfo::Relative(format!("{}%", signed(*v))),
        Change::Points(v) => ChangeInfo::Points(format!("{}pp", signed(*v))),
        Change::Absolute(v, _) => ChangeInfo::Absolute(match unit_of(m) {
            Some(u) => format!("{} {u}", signed(*v)),
            None => signed(*v),
        }),
    }
}

fn recipient(unit: &Unit) -> Recipient {
    Recipient {
        unit: unit.name.node.clone(),
        layer: match unit.layer {
            Layer::Coe => RecipientLayer::Coe,
            _ => RecipientLayer::Manager,
        },
        lead: text(unit.lead.as_ref()),
    }
}

fn work_order(items: &Items, reach: &Reach, id: UnitId, unit: &Unit) -> WorkOrder {
    let (model, cycle) = (items.model, items.cycle);
    let reached = &reach.units[id.0 as usize];
    let mut priorities: Vec<&Priority> = cycle.priorities.iter().collect();
    priorities.sort_by_key(|p| (p.rank.node, p.span.start()));
    let directives: Vec<&Directive> = reached
        .directives
        .iter()
        .map(|&i| &cycle.directives[i])
        .collect();
    WorkOrder {
        schema: WORK_ORDER_SCHEMA,
        org: text(model.org.as_ref()),
        revision: model.revision.as_ref().map(|r| r.node.to_string()),
        issued_by: model.executives.iter().map(|e| e.node.clone()).collect(),
        cycle: items.cycle_info(),
        to: recipient(unit),
        direction: cycle
            .directions
            .iter()
            .map(|d| d.text.node.clone())
            .collect(),
        priorities: priorities.into_iter().map(|p| items.priority(p)).collect(),
        goals: directives.iter().filter_map(|d| items.goal(d)).collect(),
        constraints: directives
            .iter()
            .filter_map(|d| items.constraint(d))
            .collect(),
        outcomes: directives.iter().filter_map(|d| items.outcome(d)).collect(),
        allocations: reached
            .allocations
            .iter()
            .map(|&i| items.allocation(&cycle.allocations[i]))
            .collect(),
        alignments: reached
            .aligns
            .iter()
            .map(|&i| items.alignment(&cycle.aligns[i], id))
            .collect(),
        resolutions: reached
            .resolutions
            .iter()
            .map(|&i| items.resolution(&cycle.resolutions[i]))
            .collect(),
        provenance: Provenance {
            compiler: concat!("koomc ", env!("CARGO_PKG_VERSION")).to_owned(),
            ai: reached.ai.iter().map(|&i| reach.ai[i].clone()).collect(),
        },
    }
}
