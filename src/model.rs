//! The resolved program: what the files say, with every name bound to its
//! declaration. Built by `resolve`, read by `check` and `emit`.
//!
//! Statements whose names did not resolve are left out (their diagnostics
//! already say why), so later stages never report a second error for them.

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
    pub budgets: Vec<Quantity>,
    pub directions: Vec<Direction>,
    pub priorities: Vec<Priority>,
    pub aligns: Vec<Align>,
    pub resolutions: Vec<Resolution>,
    pub directives: Vec<Directive>,
    pub allocations: Vec<Allocation>,
}

#[derive(Debug)]
pub struct Window {
    pub from: Spanned<Date>,
    pub to: Spanned<Date>,
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
    /// constraints; computed by `check::bounds`.
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ResourceKind {
    Money,
    People,
    Time,
    Tech,
}

impl ResourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ResourceKind::Money => "money",
            ResourceKind::People => "people",
            ResourceKind::Time => "time",
            ResourceKind::Tech => "tech",
        }
    }
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
