//! The resolved program: what the files say, with every name bound to its
//! declaration. Built by `resolve`, given its exact bounds by `bounds`, read
//! by `check`, `emit` and the stages after the pipeline.
//!
//! Statements whose names did not resolve are left out (their diagnostics
//! already say why), so later stages never report a second error for them.
//! `units` holds what every stage knows about units of measure.

pub mod units;

pub use units::ResourceKind;

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::source::{Span, Spanned};
pub use crate::syntax::ast::{
    Annotations, Better, Change, Cmp, Layer, Measure, Name, Quantity, Text,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnitId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MetricId(pub u32);

#[derive(Debug, Default)]
pub struct Model {
    pub org: Option<Text>,
    pub revision: Option<Spanned<Date>>,
    pub executives: Vec<Text>,
    pub units: Vec<Unit>,
    pub metrics: Vec<Metric>,
    pub cycles: Vec<Cycle>,
}

impl Model {
    pub fn unit(&self, id: UnitId) -> &Unit {
        &self.units[id.0 as usize]
    }

    pub fn metric(&self, id: MetricId) -> &Metric {
        &self.metrics[id.0 as usize]
    }

    /// The name of a priority's or allocation's target: a metric's name or a
    /// goal id.
    pub fn target_name<'a>(&'a self, target: &'a Target) -> &'a str {
        match target {
            Target::Metric(m) => &self.metric(*m).name.node,
            Target::Goal(g, _) => g,
        }
    }

    /// Manager and CoE units: the ones the executive layer addresses.
    pub fn addressable_units(&self) -> impl Iterator<Item = (UnitId, &Unit)> {
        self.units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.layer != Layer::Worker)
            .map(|(i, u)| (UnitId(i as u32), u))
    }
}

#[derive(Debug)]
pub struct Unit {
    pub name: Name,
    pub layer: Layer,
    pub lead: Option<Text>,
    pub under: Option<UnitId>,
    /// The whole declaration.
    pub span: Span,
}

#[derive(Debug)]
pub struct Metric {
    pub name: Name,
    pub unit: Option<Spanned<Measure>>,
    pub better: Option<Spanned<Better>>,
    pub baseline: Option<Quantity>,
    pub per_unit: bool,
    pub span: Span,
}

/// The dates a cycle runs, inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

impl Period {
    pub fn contains(&self, date: Date) -> bool {
        self.from <= date && date <= self.to
    }
}

#[derive(Debug)]
pub struct Cycle {
    pub id: Spanned<String>,
    /// The dates, where they are known and well-formed (E0403 otherwise).
    pub period: Option<Period>,
    /// Where the dates were written: the calendar id, or `from … to …`.
    pub period_span: Span,
    /// The whole `cycle … {` header line.
    pub span: Span,
    pub window: Option<Window>,
    pub budgets: Vec<Budget>,
    pub directions: Vec<Direction>,
    pub priorities: Vec<Priority>,
    pub aligns: Vec<Align>,
    pub resolutions: Vec<Resolution>,
    pub directives: Vec<Directive>,
    pub allocations: Vec<Allocation>,
    /// What resolve left out for a name that did not resolve (its error is
    /// reported): checks that would read it as missing stay quiet.
    pub dropped: Dropped,
}

/// The statements of a cycle that resolve left out.
#[derive(Debug, Default)]
pub struct Dropped {
    /// Whether any statement was left out (or reaches fewer units than it
    /// names): a check of what the cycle lacks would only repeat the error.
    pub any: bool,
    /// The ranks of the priorities left out: the rank is taken, not missing.
    pub ranks: Vec<u32>,
}

impl Cycle {
    /// Every statement of the cycle that can carry `because` and `ai`, with
    /// what it is and whom it reaches: the window, budgets, directions,
    /// priorities, directives, allocations and alignments, each kind in
    /// source order. The one walk that provenance, causes and work orders
    /// share.
    pub fn annotated(&self) -> impl Iterator<Item = Annotated<'_>> {
        let window = self.window.iter().map(|w| Annotated {
            item: "window",
            notes: &w.notes,
            span: w.span,
            audience: Audience::Everyone,
        });
        let budgets = self.budgets.iter().map(|b| Annotated {
            item: "budget",
            notes: &b.notes,
            span: b.span,
            audience: Audience::Everyone,
        });
        let directions = self.directions.iter().map(|d| Annotated {
            item: "direction",
            notes: &d.notes,
            span: d.span,
            audience: Audience::Everyone,
        });
        let priorities = self.priorities.iter().map(|p| Annotated {
            item: "priority",
            notes: &p.notes,
            span: p.span,
            audience: Audience::Everyone,
        });
        let directives = self.directives.iter().map(|d| Annotated {
            item: d.kind.word(),
            notes: &d.notes,
            span: d.span,
            audience: Audience::Scope(&d.scope),
        });
        let allocations = self.allocations.iter().map(|a| Annotated {
            item: "allocation",
            notes: &a.notes,
            span: a.span,
            audience: Audience::Unit(a.to.node),
        });
        let aligns = self.aligns.iter().map(|a| Annotated {
            item: "alignment",
            notes: &a.notes,
            span: a.span,
            audience: Audience::Units(&a.units),
        });
        window
            .chain(budgets)
            .chain(directions)
            .chain(priorities)
            .chain(directives)
            .chain(allocations)
            .chain(aligns)
    }

    /// The organization-wide metrics that goals in two or more units' own
    /// `to` blocks share (spec §7, alignment): what `align` is expected for.
    /// Cycle-level goals are everyone's and per-unit metrics never meet.
    pub fn shared_metrics(&self, model: &Model) -> Vec<(MetricId, SharedMetric)> {
        let mut all: Vec<Option<SharedMetric>> = Vec::new();
        all.resize_with(model.metrics.len(), || None);
        for d in &self.directives {
            let (DirectiveKind::Goal { metric, .. }, Scope::Units(us)) = (&d.kind, &d.scope) else {
                continue;
            };
            if model.metric(metric.node).per_unit {
                continue;
            }
            let mut block: Vec<UnitId> = us.iter().map(|u| u.node).collect();
            block.sort_unstable();
            block.dedup();
            let entry = all[metric.node.0 as usize].get_or_insert_with(SharedMetric::default);
            entry.units.extend(block.iter().copied());
            entry.goals.push(metric.span);
            entry.blocks.insert(block);
        }
        // One block, even to several units, is one shared directive.
        let shared = |s: &SharedMetric| s.units.len() >= 2 && s.blocks.len() >= 2;
        let ids = (0..).map(MetricId);
        ids.zip(all)
            .filter_map(|(id, s)| s.filter(shared).map(|s| (id, s)))
            .collect()
    }

    /// The units each metric's `align` statements cover, in one pass.
    pub fn aligned_units(&self) -> BTreeMap<MetricId, BTreeSet<UnitId>> {
        let mut out: BTreeMap<MetricId, BTreeSet<UnitId>> = BTreeMap::new();
        for a in &self.aligns {
            out.entry(a.metric.node)
                .or_default()
                .extend(a.units.iter().map(|u| u.node));
        }
        out
    }
}

/// A statement that can carry annotations (see [`Cycle::annotated`]).
pub struct Annotated<'a> {
    /// `window`, `budget`, `direction`, `priority`, `goal`, `constraint`,
    /// `outcome`, `allocation` or `alignment`.
    pub item: &'static str,
    pub notes: &'a Annotations,
    pub span: Span,
    pub audience: Audience<'a>,
}

/// Whom an annotated statement reaches.
pub enum Audience<'a> {
    /// Every manager and CoE unit (directions, priorities).
    Everyone,
    /// A directive's scope.
    Scope(&'a Scope),
    /// The unit an allocation goes to.
    Unit(UnitId),
    /// The units of an `align`.
    Units(&'a [Spanned<UnitId>]),
}

impl Annotated<'_> {
    pub fn reaches(&self, unit: UnitId) -> bool {
        match &self.audience {
            Audience::Everyone => true,
            Audience::Scope(scope) => scope.reaches(unit),
            Audience::Unit(u) => *u == unit,
            Audience::Units(us) => us.iter().any(|u| u.node == unit),
        }
    }
}

/// An organization-wide metric that several units' goals share.
#[derive(Debug, Default)]
pub struct SharedMetric {
    /// Every unit with a goal on it in its own block.
    pub units: BTreeSet<UnitId>,
    /// Where each goal names the metric, in source order.
    pub goals: Vec<Span>,
    /// The distinct sets of units addressed together.
    pub blocks: BTreeSet<Vec<UnitId>>,
}

#[derive(Debug)]
pub struct Window {
    pub from: Spanned<Date>,
    pub to: Spanned<Date>,
    pub notes: Annotations,
    pub span: Span,
}

/// `budget 300k USD`: a pool of one resource kind for the cycle.
#[derive(Debug)]
pub struct Budget {
    pub amount: Quantity,
    pub notes: Annotations,
    pub span: Span,
}

#[derive(Debug)]
pub struct Direction {
    pub text: Text,
    pub notes: Annotations,
    pub span: Span,
}

/// What a priority or an allocation's `for` names.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    Metric(MetricId),
    /// A goal id, and the index of that goal in its cycle's directives.
    Goal(String, usize),
}

#[derive(Debug)]
pub struct Priority {
    pub rank: Spanned<u32>,
    pub target: Spanned<Target>,
    pub notes: Annotations,
    pub span: Span,
}

#[derive(Debug)]
pub struct Align {
    pub units: Vec<Spanned<UnitId>>,
    pub metric: Spanned<MetricId>,
    pub notes: Annotations,
    pub span: Span,
}

#[derive(Debug)]
pub struct Resolution {
    pub escalation: Text,
    pub units: Vec<Spanned<UnitId>>,
    pub text: Text,
    pub span: Span,
}

/// Who a directive reaches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Written at the cycle level: every manager and CoE unit.
    Cycle,
    /// Written in `to a, b { … }`.
    Units(Vec<Spanned<UnitId>>),
}

impl Scope {
    pub fn reaches(&self, unit: UnitId) -> bool {
        match self {
            Scope::Cycle => true,
            Scope::Units(units) => units.iter().any(|u| u.node == unit),
        }
    }
}

#[derive(Debug)]
pub struct Directive {
    pub scope: Scope,
    pub kind: DirectiveKind,
    pub urgent: Option<Span>,
    pub notes: Annotations,
    pub span: Span,
    /// The exact bound on the metric's end-of-cycle value, for goals and
    /// constraints; computed by the bounds stage (`crate::bounds`).
    pub bound: Option<Bound>,
    /// The bounds `keep` puts on other metrics, in `keep` order.
    pub keep_bounds: Vec<(Spanned<MetricId>, Bound)>,
}

#[derive(Debug)]
pub enum DirectiveKind {
    Goal {
        id: Option<Name>,
        metric: Spanned<MetricId>,
        op: Spanned<Cmp>,
        value: Quantity,
        by: Option<Spanned<Date>>,
    },
    Constraint {
        metric: Spanned<MetricId>,
        bound: crate::syntax::ast::ConstraintBound,
        by: Option<Spanned<Date>>,
        keep: Vec<Spanned<MetricId>>,
    },
    Outcome {
        text: Text,
        by: Option<Spanned<Date>>,
    },
}

impl DirectiveKind {
    /// `goal`, `constraint` or `outcome`.
    pub fn word(&self) -> &'static str {
        match self {
            DirectiveKind::Goal { .. } => "goal",
            DirectiveKind::Constraint { .. } => "constraint",
            DirectiveKind::Outcome { .. } => "outcome",
        }
    }

    /// The `by` date, for the kinds that take one.
    pub fn by(&self) -> Option<&Spanned<Date>> {
        match self {
            DirectiveKind::Goal { by, .. }
            | DirectiveKind::Constraint { by, .. }
            | DirectiveKind::Outcome { by, .. } => by.as_ref(),
        }
    }

    pub fn metric(&self) -> Option<&Spanned<MetricId>> {
        match self {
            DirectiveKind::Goal { metric, .. } | DirectiveKind::Constraint { metric, .. } => {
                Some(metric)
            }
            DirectiveKind::Outcome { .. } => None,
        }
    }
}

/// A bound on a metric's value: `value op amount`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bound {
    pub op: Cmp,
    pub value: Decimal,
}

#[derive(Debug)]
pub struct Allocation {
    pub what: Allocated,
    pub to: Spanned<UnitId>,
    pub target: Option<Spanned<Target>>,
    pub notes: Annotations,
    pub span: Span,
}

#[derive(Debug)]
pub enum Allocated {
    Amount(Quantity),
    Tech(Text),
}
