//! The typed syntax tree of one `.koom` file. Every node carries its span;
//! equality ignores spans ([`Spanned`]).

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::source::{Span, Spanned};

pub type Name = Spanned<String>;
pub type Text = Spanned<String>;

#[derive(Clone, Debug, PartialEq, Default, Hash)]
pub struct File {
    pub items: Vec<Item>,
}

/// A file-level statement.
pub type Item = Spanned<ItemKind>;

#[derive(Clone, Debug, PartialEq, Hash)]
pub enum ItemKind {
    Use(Text),
    Org(Text),
    Revision(Spanned<Date>),
    Executive(Text),
    Unit(UnitDecl),
    Metric(MetricDecl),
    Cycle(Cycle),
    Refused(Refused),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layer {
    Manager,
    Coe,
    Worker,
}

impl Layer {
    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Manager => "manager",
            Layer::Coe => "coe",
            Layer::Worker => "worker",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Hash)]
pub struct UnitDecl {
    pub layer: Spanned<Layer>,
    pub name: Name,
    pub lead: Option<Text>,
    pub under: Option<Name>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Better {
    Higher,
    Lower,
}

impl Better {
    pub fn as_str(self) -> &'static str {
        match self {
            Better::Higher => "higher",
            Better::Lower => "lower",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Hash)]
pub struct MetricDecl {
    pub name: Name,
    pub unit: Option<Spanned<Measure>>,
    pub better: Option<Spanned<Better>>,
    pub baseline: Option<Quantity>,
    /// Where `per unit` was written (equality ignores it, as every span).
    pub per_unit: Option<Spanned<()>>,
}

/// A unit of measure as written: `%`, `USD`, `people`, `crates/week`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Measure(pub String);

/// A number with an optional unit of measure.
#[derive(Clone, Debug)]
pub struct Quantity {
    pub value: Decimal,
    pub unit: Option<Spanned<Measure>>,
    pub span: Span,
}

/// Like every node, equal when it says the same, wherever it was written.
impl PartialEq for Quantity {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value && self.unit == other.unit
    }
}

/// As its equality: the span is not hashed.
impl std::hash::Hash for Quantity {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.value.hash(state);
        self.unit.hash(state);
    }
}

/// A named cycle's `from` and `to`.
pub type CycleDates = Option<(Spanned<Date>, Spanned<Date>)>;

#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Cycle {
    pub id: Spanned<CycleId>,
    pub dates: CycleDates,
    pub items: Vec<CycleItem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CycleId {
    /// `2026`, `2026-Q1`, `2026-H2`: the text and the dates it implies.
    Calendar { text: String, from: Date, to: Date },
    /// An identifier; its dates come from `from`/`to`.
    Named(String),
}

impl CycleId {
    pub fn text(&self) -> &str {
        match self {
            CycleId::Calendar { text, .. } | CycleId::Named(text) => text,
        }
    }
}

/// A statement inside a cycle.
pub type CycleItem = Spanned<CycleItemKind>;

/// Variants differ in size; the AST is built once and never copied in bulk,
/// so boxing the large ones would only add allocations.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum CycleItemKind {
    Window {
        from: Spanned<Date>,
        to: Spanned<Date>,
        notes: Annotations,
    },
    Budget {
        amount: Quantity,
        notes: Annotations,
    },
    Direction {
        text: Text,
        notes: Annotations,
    },
    Priority {
        rank: Spanned<u32>,
        target: Name,
        notes: Annotations,
    },
    Align {
        units: Vec<Name>,
        metric: Name,
        notes: Annotations,
    },
    Resolve {
        escalation: Text,
        units: Vec<Name>,
        text: Text,
    },
    /// `to a, b { … }`: only directives and refused forms inside.
    To {
        units: Vec<Name>,
        items: Vec<CycleItem>,
    },
    Directive(Directive),
    Refused(Refused),
}

/// `because` and `ai`, each at most once. Most statements have neither, so
/// both are held in one box, allocated only when one is written: 8 bytes in
/// every node of the trees and of the model instead of 80.
#[derive(Clone, Debug, PartialEq, Default, Hash)]
pub struct Annotations(Option<Box<Notes>>);

#[derive(Clone, Debug, PartialEq, Default, Hash)]
struct Notes {
    because: Option<Text>,
    ai: Option<Name>,
}

impl Annotations {
    pub fn because(&self) -> Option<&Text> {
        self.0.as_ref()?.because.as_ref()
    }

    pub fn ai(&self) -> Option<&Name> {
        self.0.as_ref()?.ai.as_ref()
    }

    pub fn set_because(&mut self, because: Text) {
        self.0.get_or_insert_default().because = Some(because);
    }

    pub fn set_ai(&mut self, ai: Name) {
        self.0.get_or_insert_default().ai = Some(ai);
    }
}

#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Directive {
    pub kind: DirectiveKind,
    pub urgent: Option<Spanned<()>>,
    pub notes: Annotations,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cmp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
}

impl Cmp {
    pub fn as_str(self) -> &'static str {
        match self {
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
            Cmp::Eq => "=",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Hash)]
pub enum DirectiveKind {
    Goal {
        id: Option<Name>,
        metric: Name,
        op: Spanned<Cmp>,
        value: Quantity,
        by: Option<Spanned<Date>>,
    },
    Constraint {
        metric: Name,
        bound: ConstraintBound,
        by: Option<Spanned<Date>>,
        keep: Vec<Name>,
    },
    Outcome {
        text: Text,
        by: Option<Spanned<Date>>,
    },
    Allocate {
        amount: Quantity,
        to: Name,
        target: Option<Name>,
    },
    AllocateTech {
        tech: Text,
        to: Name,
        target: Option<Name>,
    },
}

#[derive(Clone, Debug, PartialEq, Hash)]
pub enum ConstraintBound {
    /// `-12%`, `+2pp`, `-40k USD/month`.
    Change(Spanned<Change>),
    /// `<= 400k USD/month`.
    Compare { op: Spanned<Cmp>, value: Quantity },
}

#[derive(Clone, Debug, PartialEq, Hash)]
pub enum Change {
    /// Percent of the baseline: `-12%` is `-12`.
    Relative(Decimal),
    /// Percentage points: `+2pp` is `2`.
    Points(Decimal),
    /// An amount in the metric's unit (the unit may be omitted).
    Absolute(Decimal, Option<Spanned<Measure>>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RefusedKind {
    Task,
    Step,
    Workflow,
    Procedure,
    Process,
    Standard,
    Training,
    Assign,
}

impl RefusedKind {
    pub fn from_keyword(word: &str) -> Option<Self> {
        Some(match word {
            "task" => RefusedKind::Task,
            "step" => RefusedKind::Step,
            "workflow" => RefusedKind::Workflow,
            "procedure" => RefusedKind::Procedure,
            "process" => RefusedKind::Process,
            "standard" => RefusedKind::Standard,
            "training" => RefusedKind::Training,
            "assign" => RefusedKind::Assign,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RefusedKind::Task => "task",
            RefusedKind::Step => "step",
            RefusedKind::Workflow => "workflow",
            RefusedKind::Procedure => "procedure",
            RefusedKind::Process => "process",
            RefusedKind::Standard => "standard",
            RefusedKind::Training => "training",
            RefusedKind::Assign => "assign",
        }
    }
}

/// A form the executive layer does not own, kept so it can be refused with a reason.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Refused {
    pub keyword: Spanned<RefusedKind>,
}

/// Every span of a node, mutably, in the order written: what moving a node
/// to another place in its file (or to another file) changes. The language
/// server's reader keeps the statements an edit did not touch and moves them
/// (`incremental.rs`).
pub trait Spans {
    fn spans(&mut self, f: &mut dyn FnMut(&mut Span));
}

impl<T: Spans> Spans for Spanned<T> {
    fn spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        f(&mut self.span);
        self.node.spans(f);
    }
}

impl<T: Spans> Spans for Option<T> {
    fn spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        if let Some(node) = self {
            node.spans(f);
        }
    }
}

impl<T: Spans> Spans for Vec<T> {
    fn spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        for node in self {
            node.spans(f);
        }
    }
}

/// Nodes without spans inside them.
macro_rules! no_inner_spans {
    ($($t:ty),*) => {
        $(impl Spans for $t {
            fn spans(&mut self, _: &mut dyn FnMut(&mut Span)) {}
        })*
    };
}

no_inner_spans!(
    String,
    (),
    u32,
    Date,
    Layer,
    Better,
    Measure,
    CycleId,
    Cmp,
    RefusedKind
);

impl Spans for Change {
    fn spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        if let Change::Absolute(_, unit) = self {
            unit.spans(f);
        }
    }
}

impl Spans for File {
    fn spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        self.items.spans(f);
    }
}

impl Spans for ItemKind {
    fn spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            ItemKind::Use(t) | ItemKind::Org(t) | ItemKind::Executive(t) => t.spans(f),
            ItemKind::Revision(d) => d.spans(f),
            ItemKind::Unit(u) => {
                u.layer.spans(f);
                u.name.spans(f);
                u.lead.spans(f);
                u.under.spans(f);
            }
            ItemKind::Metric(m) => {
                m.name.spans(f);
                m.unit.spans(f);
                m.better.spans(f);
                m.baseline.spans(f);
                m.per_unit.spans(f);
            }
            ItemKind::Cycle(c) => {
                c.id.spans(f);
                if let Some((from, to)) = &mut c.dates {
                    from.spans(f);
                    to.spans(f);
                }
                c.items.spans(f);
            }
            ItemKind::Refused(r) => r.keyword.spans(f),
        }
    }
}

impl Spans for Quantity {
    fn spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        self.unit.spans(f);
        f(&mut self.span);
    }
}

impl Spans for Annotations {
    fn spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        if let Some(notes) = &mut self.0 {
            notes.because.spans(f);
            notes.ai.spans(f);
        }
    }
}

impl Spans for CycleItemKind {
    fn spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            CycleItemKind::Window { from, to, notes } => {
                from.spans(f);
                to.spans(f);
                notes.spans(f);
            }
            CycleItemKind::Budget { amount, notes } => {
                amount.spans(f);
                notes.spans(f);
            }
            CycleItemKind::Direction { text, notes } => {
                text.spans(f);
                notes.spans(f);
            }
            CycleItemKind::Priority {
                rank,
                target,
                notes,
            } => {
                rank.spans(f);
                target.spans(f);
                notes.spans(f);
            }
            CycleItemKind::Align {
                units,
                metric,
                notes,
            } => {
                units.spans(f);
                metric.spans(f);
                notes.spans(f);
            }
            CycleItemKind::Resolve {
                escalation,
                units,
                text,
            } => {
                escalation.spans(f);
                units.spans(f);
                text.spans(f);
            }
            CycleItemKind::To { units, items } => {
                units.spans(f);
                items.spans(f);
            }
            CycleItemKind::Directive(d) => d.spans(f),
            CycleItemKind::Refused(r) => r.keyword.spans(f),
        }
    }
}

impl Spans for Directive {
    fn spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        self.urgent.spans(f);
        self.notes.spans(f);
        self.kind.spans(f);
    }
}

impl Spans for DirectiveKind {
    fn spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            DirectiveKind::Goal {
                id,
                metric,
                op,
                value,
                by,
            } => {
                id.spans(f);
                metric.spans(f);
                op.spans(f);
                value.spans(f);
                by.spans(f);
            }
            DirectiveKind::Constraint {
                metric,
                bound,
                by,
                keep,
            } => {
                metric.spans(f);
                match bound {
                    ConstraintBound::Change(c) => c.spans(f),
                    ConstraintBound::Compare { op, value } => {
                        op.spans(f);
                        value.spans(f);
                    }
                }
                by.spans(f);
                keep.spans(f);
            }
            DirectiveKind::Outcome { text, by } => {
                text.spans(f);
                by.spans(f);
            }
            DirectiveKind::Allocate { amount, to, target } => {
                amount.spans(f);
                to.spans(f);
                target.spans(f);
            }
            DirectiveKind::AllocateTech { tech, to, target } => {
                tech.spans(f);
                to.spans(f);
                target.spans(f);
            }
        }
    }
}
