//! Stage 2, resolve: the ASTs of all files to one [`Model`], every name bound to
//! its declaration.
//!
//! Reports: names declared twice (E0104), undeclared units (E0102) and metrics
//! or goal ids (E0103) with a did-you-mean, worker units addressed (E0101), and
//! the forms the executive layer does not own (E0202–E0204), which are sorted
//! out here because they are statements with no place in the model.
//!
//! Entry point: [`resolve`].

use std::collections::HashMap;

use crate::diagnostic::{name_fix, Applicability, Code, Diagnostic, Diagnostics, Fix, Label};
use crate::model::*;
use crate::source::{FileId, Span, Spanned};
use crate::syntax::ast::{self, CycleItemKind, ItemKind, RefusedKind};

/// Build the model of a whole compilation. The trees are taken by value:
/// names, texts and notes move into the model instead of being copied, and
/// each cycle's statements are freed as soon as they are resolved, so that
/// the trees and the model are never both whole in memory.
pub fn resolve(files: Vec<(FileId, ast::File)>) -> (Model, Diagnostics) {
    let mut r = Resolver::default();
    // The model's units and metrics sized once: grown by doubling, the
    // copy at the last doubling was the peak of `check`.
    let count = |f: fn(&ItemKind) -> bool| -> usize {
        let items = files.iter().flat_map(|(_, file)| &file.items);
        items.filter(|item| f(&item.node)).count()
    };
    r.model
        .units
        .reserve_exact(count(|i| matches!(i, ItemKind::Unit(_))));
    r.model
        .metrics
        .reserve_exact(count(|i| matches!(i, ItemKind::Metric(_))));
    // Pass 1: declarations, so that order across files and `use` never matters.
    let mut parents = Vec::new();
    let mut rest = Vec::new();
    for (_, file) in files {
        for item in file.items {
            match item.node {
                ItemKind::Cycle(_) | ItemKind::Refused(_) => rest.push(item),
                _ => r.declare(item, &mut parents),
            }
        }
    }
    for (id, under) in parents {
        if let Some(parent) = r.unit_name(&under) {
            r.model.units[id.0 as usize].under = Some(parent);
        }
    }
    // Pass 2: cycles, directives first (goal ids), then what names goals.
    let mut cycles = Vec::new();
    for item in rest {
        match item.node {
            ItemKind::Cycle(cycle) => cycles.push((r.cycle_shell(&cycle, item.span), cycle)),
            ItemKind::Refused(refused) => r.refused(&refused, None),
            _ => {}
        }
    }
    let mut built = Vec::with_capacity(cycles.len());
    for (index, (shell, ast_cycle)) in cycles.into_iter().enumerate() {
        if let Some(mut cycle) = shell {
            let (directives, allocations) = directive_counts(&ast_cycle.items);
            cycle.directives.reserve_exact(directives);
            cycle.allocations.reserve_exact(allocations);
            let targets = r.cycle_directives(index, &mut cycle, ast_cycle.items, &Scope::Cycle);
            built.push((index, cycle, targets));
        }
    }
    for (index, cycle, targets) in &mut built {
        r.cycle_targets(*index, cycle, std::mem::take(targets));
    }
    r.model.cycles = built.into_iter().map(|(_, c, _)| c).collect();
    (r.model, r.diagnostics)
}

#[derive(Default)]
struct Resolver {
    model: Model,
    diagnostics: Diagnostics,
    units: HashMap<String, UnitId>,
    metrics: HashMap<String, MetricId>,
    /// Goal id to (cycle index in declaration order, directive index, span).
    goals: HashMap<String, (usize, usize, Span)>,
    cycle_ids: HashMap<String, (usize, Span)>,
    cycle_names: Vec<String>,
    /// Goal ids of goals dropped for a name that did not resolve.
    dropped_goals: std::collections::HashSet<String>,
}

impl Resolver {
    /// A file-level declaration, moved into the model; a unit's `under` is
    /// kept in `parents` to be bound once every unit is declared.
    fn declare(&mut self, item: ast::Item, parents: &mut Vec<(UnitId, ast::Name)>) {
        match item.node {
            ItemKind::Org(name) => match &self.model.org {
                Some(first) => self.twice("`org`", name.span, first.span),
                None => self.model.org = Some(name),
            },
            ItemKind::Revision(date) => match &self.model.revision {
                Some(first) => self.twice("`revision`", date.span, first.span),
                None => self.model.revision = Some(date),
            },
            ItemKind::Executive(name) => self.model.executives.push(name),
            ItemKind::Unit(decl) => {
                if let Some(&first) = self.units.get(&decl.name.node) {
                    let first = self.model.unit(first).name.span;
                    return self.twice(
                        &format!("unit `{}`", decl.name.node),
                        decl.name.span,
                        first,
                    );
                }
                let id = UnitId(self.model.units.len() as u32);
                self.units.insert(decl.name.node.clone(), id);
                if let Some(under) = decl.under {
                    parents.push((id, under));
                }
                self.model.units.push(Unit {
                    name: decl.name,
                    layer: decl.layer.node,
                    lead: decl.lead,
                    under: None,
                    span: item.span,
                });
            }
            ItemKind::Metric(decl) => {
                if let Some(&first) = self.metrics.get(&decl.name.node) {
                    let first = self.model.metric(first).name.span;
                    return self.twice(
                        &format!("metric `{}`", decl.name.node),
                        decl.name.span,
                        first,
                    );
                }
                let id = MetricId(self.model.metrics.len() as u32);
                self.metrics.insert(decl.name.node.clone(), id);
                self.model.metrics.push(Metric {
                    name: decl.name,
                    unit: decl.unit,
                    better: decl.better,
                    baseline: decl.baseline,
                    per_unit: decl.per_unit.is_some(),
                    span: item.span,
                });
            }
            ItemKind::Use(_) | ItemKind::Cycle(_) | ItemKind::Refused(_) => {}
        }
    }

    fn twice(&mut self, what: &str, again: Span, first: Span) {
        self.diagnostics.push(
            Diagnostic::new(
                Code::E0104,
                format!("{what} is declared twice"),
                Label::new(again, "declared again here"),
            )
            .with_label(first, "first declared here")
            .with_help("every name is declared once: remove one declaration or rename it"),
        );
    }

    /// A unit by name, or E0102.
    fn unit_name(&mut self, name: &ast::Name) -> Option<UnitId> {
        if let Some(&id) = self.units.get(&name.node) {
            return Some(id);
        }
        let mut d = Diagnostic::new(
            Code::E0102,
            format!("unknown unit `{}`", name.node),
            Label::new(name.span, "not declared as a `manager`, `coe` or `worker`"),
        );
        let candidates = self.model.units.iter().map(|u| u.name.node.as_str());
        if let Some(fix) = name_fix(name.span, &name.node, candidates) {
            d = d.with_fix(fix);
        } else if self.metrics.contains_key(&name.node) {
            d = d.with_help(format!(
                "`{}` is a metric; name a unit here, or declare one: `manager {} \"Lead Name\"`",
                name.node, name.node
            ));
        } else {
            d = d.with_help(format!(
                "declare it at file level: `manager {} \"Lead Name\"` or `coe {} \"Lead Name\"`",
                name.node, name.node
            ));
        }
        self.diagnostics.push(d);
        None
    }

    /// A unit the executive layer may address: a manager or CoE unit.
    fn addressee(&mut self, name: &ast::Name, what: &str) -> Option<Spanned<UnitId>> {
        let id = self.unit_name(name)?;
        let unit = self.model.unit(id);
        if unit.layer != Layer::Worker {
            return Some(Spanned::new(id, name.span));
        }
        let mut d = Diagnostic::new(
            Code::E0101,
            format!("{what} addresses the worker unit `{}`: this bypasses the spine", name.node),
            Label::new(name.span, "a worker unit"),
        )
        .with_label(unit.span, "declared as a worker here")
        .with_note("executives address managers and the CoE; work reaches workers through their managers (seed §4 rule 1, §8 failure mode 2)");
        d = match unit.under {
            Some(parent) => {
                let manager = &self.model.unit(parent).name.node;
                d.with_fix(Fix::replace(
                    format!("address its manager instead: `{manager}`"),
                    name.span,
                    manager.clone(),
                    Applicability::Unsafe,
                ))
            }
            None => d.with_help("address the manager responsible for this work instead"),
        };
        self.diagnostics.push(d);
        None
    }

    fn metric_name(&mut self, name: &ast::Name) -> Option<Spanned<MetricId>> {
        if let Some(&id) = self.metrics.get(&name.node) {
            return Some(Spanned::new(id, name.span));
        }
        let d = self.unknown_metric(name, "not a declared metric");
        self.diagnostics.push(d);
        None
    }

    fn unknown_metric(&self, name: &ast::Name, label: &str) -> Diagnostic {
        let mut d = Diagnostic::new(
            Code::E0103,
            format!("unknown metric `{}`", name.node),
            Label::new(name.span, label),
        );
        let candidates = self
            .model
            .metrics
            .iter()
            .map(|m| m.name.node.as_str())
            .chain(self.goals.keys().map(String::as_str));
        if let Some(fix) = name_fix(name.span, &name.node, candidates) {
            d = d.with_fix(fix);
        } else if self.units.contains_key(&name.node) {
            d = d.with_help(format!("`{}` is a unit, not a metric", name.node));
        } else {
            d = d.with_help(format!(
                "declare it at file level: `metric {} unit … better higher|lower baseline …`",
                name.node
            ));
        }
        d
    }

    /// A priority's or allocation's target: a metric, or a goal id of this cycle.
    fn target(&mut self, cycle: usize, name: &ast::Name) -> Option<Spanned<Target>> {
        if let Some(&id) = self.metrics.get(&name.node) {
            return Some(Spanned::new(Target::Metric(id), name.span));
        }
        if let Some(&(goal_cycle, index, declared)) = self.goals.get(&name.node) {
            if goal_cycle == cycle {
                return Some(Spanned::new(
                    Target::Goal(name.node.clone(), index),
                    name.span,
                ));
            }
            self.diagnostics.push(
                Diagnostic::new(
                    Code::E0103,
                    format!(
                        "goal `{}` belongs to cycle `{}`, not to this one",
                        name.node, self.cycle_names[goal_cycle]
                    ),
                    Label::new(name.span, "a goal of another cycle"),
                )
                .with_label(declared, "set here")
                .with_help("name a metric or a goal id set in this cycle"),
            );
            return None;
        }
        if self.dropped_goals.contains(&name.node) {
            return None; // its goal has an error of its own
        }
        let mut d = self.unknown_metric(name, "neither a metric nor a goal id");
        d.message = format!("unknown metric or goal id `{}`", name.node);
        self.diagnostics.push(d);
        None
    }

    /// The first declared unit of a layer, to write help with the file's
    /// own names (`operations` when it declares none).
    fn first_unit(&self, layer: Layer) -> &str {
        self.model
            .units
            .iter()
            .find(|u| u.layer == layer)
            .or_else(|| self.model.units.iter().find(|u| u.layer != Layer::Worker))
            .map_or("operations", |u| u.name.node.as_str())
    }

    /// E0202–E0204; `by` is the last day of the cycle the form is in.
    fn refused(&mut self, refused: &ast::Refused, by: Option<jiff::civil::Date>) {
        let kw = refused.keyword.node.as_str();
        let by = by.map_or("<date>".to_owned(), |d| d.to_string());
        let (manager, coe) = (self.first_unit(Layer::Manager), self.first_unit(Layer::Coe));
        let (code, message, help) = match refused.keyword.node {
            RefusedKind::Task | RefusedKind::Step => (
                Code::E0202,
                format!("a `{kw}` is the managers' to write, not the executive layer's"),
                format!("state what must be true and let the manager turn it into tasks: `to {manager} {{ goal … by {by} }}` or `outcome \"… must … by {by}\"`"),
            ),
            RefusedKind::Workflow | RefusedKind::Procedure | RefusedKind::Process => (
                Code::E0202,
                format!("designing a `{kw}` is the CoE's job, not the executive layer's"),
                format!("tell the CoE what the {kw} must achieve: `to {coe} {{ outcome \"<measure> must stay below <threshold> by {by}.\" }}`"),
            ),
            RefusedKind::Standard | RefusedKind::Training => (
                Code::E0203,
                format!("defining a `{kw}` is the CoE's job, not the executive layer's"),
                format!("state the outcome the {kw} must reach: `to {coe} {{ outcome \"<measure> must reach <threshold> by {by}.\" }}`"),
            ),
            RefusedKind::Assign => (
                Code::E0204,
                "`assign` hands work toward workers directly".to_owned(),
                format!("give the responsible manager a goal instead: `to {manager} {{ goal … by {by} }}`"),
            ),
        };
        self.diagnostics.push(
            Diagnostic::new(
                code,
                message,
                Label::new(refused.keyword.span, "not the executive layer's"),
            )
            .with_note(
                "executives speak in goals, constraints and priorities (seed §3, §4 rule 1, §5)",
            )
            .with_help(help),
        );
    }

    /// A cycle with its dates but no content yet; `None` for a duplicate id.
    fn cycle_shell(&mut self, cycle: &ast::Cycle, span: Span) -> Option<Cycle> {
        let id = cycle.id.node.text().to_owned();
        let index = self.cycle_names.len();
        self.cycle_names.push(id.clone());
        if let Some(&(_, first)) = self.cycle_ids.get(&id) {
            self.twice(&format!("cycle `{id}`"), cycle.id.span, first);
            return None;
        }
        self.cycle_ids.insert(id.clone(), (index, cycle.id.span));
        let (period, period_span) = self.period(cycle);
        let header_end = cycle.items.first().map_or(span.end(), |i| i.span.start());
        let header = Span::new(span.file, span.start(), header_end.min(span.end()));
        let mut built = Cycle {
            id: Spanned::new(id, cycle.id.span),
            period,
            period_span,
            span: trim_header(header, cycle),
            window: None,
            budgets: Vec::new(),
            directions: Vec::new(),
            priorities: Vec::new(),
            aligns: Vec::new(),
            resolutions: Vec::new(),
            directives: Vec::new(),
            allocations: Vec::new(),
            dropped: Dropped::default(),
        };
        for item in &cycle.items {
            match &item.node {
                CycleItemKind::Window { from, to, notes } => {
                    if let Some(first) = &built.window {
                        self.twice("the `window` of this cycle", item.span, first.span);
                    } else {
                        built.window = Some(Window {
                            from: from.clone(),
                            to: to.clone(),
                            notes: notes.clone(),
                            span: item.span,
                        });
                    }
                }
                CycleItemKind::Budget { amount, notes } => built.budgets.push(Budget {
                    amount: amount.clone(),
                    notes: notes.clone(),
                    span: item.span,
                }),
                CycleItemKind::Direction { text, notes } => built.directions.push(Direction {
                    text: text.clone(),
                    notes: notes.clone(),
                    span: item.span,
                }),
                _ => {}
            }
        }
        Some(built)
    }

    /// The cycle's dates: implied by a calendar id or written with `from`/`to`.
    fn period(&mut self, cycle: &ast::Cycle) -> (Option<Period>, Span) {
        match (&cycle.id.node, &cycle.dates) {
            (ast::CycleId::Calendar { from, to, .. }, None) => (
                Some(Period {
                    from: *from,
                    to: *to,
                }),
                cycle.id.span,
            ),
            (ast::CycleId::Calendar { from, to, text }, Some((f, t))) => {
                let span = f.span.to(t.span);
                if f.node != *from || t.node != *to {
                    self.diagnostics.push(
                        Diagnostic::new(
                            Code::E0403,
                            format!("cycle `{text}` runs from {from} to {to}, but its `from`/`to` say otherwise"),
                            Label::new(span, format!("`{text}` implies {from} to {to}")),
                        )
                        .with_label(cycle.id.span, "a calendar cycle")
                        .with_help(format!(
                            "drop `from … to …`, or give the cycle a name of its own: `cycle launch from {} to {} {{`",
                            f.node, t.node
                        )),
                    );
                    return (None, span);
                }
                (
                    Some(Period {
                        from: *from,
                        to: *to,
                    }),
                    cycle.id.span,
                )
            }
            (ast::CycleId::Named(name), Some((f, t))) => {
                let span = f.span.to(t.span);
                if f.node > t.node {
                    self.diagnostics.push(
                        Diagnostic::new(
                            Code::E0403,
                            format!("cycle `{name}` ends before it starts"),
                            Label::new(
                                t.span,
                                format!("`to` {} is before `from` {}", t.node, f.node),
                            ),
                        )
                        .with_label(f.span, "starts here")
                        .with_help(
                            "swap the dates: `from` is the first day of the cycle, `to` the last",
                        ),
                    );
                    return (None, span);
                }
                (
                    Some(Period {
                        from: f.node,
                        to: t.node,
                    }),
                    span,
                )
            }
            (ast::CycleId::Named(name), None) => {
                // A malformed calendar id was already reported as E0003.
                if !name.starts_with(|c: char| c.is_ascii_digit()) {
                    self.diagnostics.push(
                        Diagnostic::new(
                            Code::E0403,
                            format!("cycle `{name}` has no dates"),
                            Label::new(cycle.id.span, "a named cycle needs `from DATE to DATE`"),
                        )
                        .with_help(format!(
                            "write `cycle {name} from 2026-01-01 to 2026-03-31 {{`, or use a calendar id such as `2026-Q1`"
                        )),
                    );
                }
                (None, cycle.id.span)
            }
        }
    }

    /// Goals, constraints, outcomes, alignments and resolutions of a cycle,
    /// moved into the model. Returns what the second pass reads (priorities,
    /// allocations and the `to` blocks around them, in order); the rest of
    /// the statements are freed here.
    fn cycle_directives(
        &mut self,
        index: usize,
        cycle: &mut Cycle,
        items: Vec<ast::CycleItem>,
        scope: &Scope,
    ) -> Vec<ast::CycleItem> {
        let mut later = Vec::new();
        for item in items {
            let span = item.span;
            match item.node {
                CycleItemKind::Directive(d) if is_allocation(&d) => {
                    later.push(Spanned::new(CycleItemKind::Directive(d), span))
                }
                CycleItemKind::Directive(d) => self.directive(index, cycle, d, span, scope),
                CycleItemKind::To { units, items } => {
                    // The units that resolve; an unknown or worker unit has
                    // its own error, and the directives are still checked.
                    let resolved: Vec<_> = units
                        .iter()
                        .filter_map(|u| self.addressee(u, "`to`"))
                        .collect();
                    cycle.dropped.any |= resolved.len() < units.len();
                    let items = self.cycle_directives(index, cycle, items, &Scope::Units(resolved));
                    if !items.is_empty() {
                        later.push(Spanned::new(CycleItemKind::To { units, items }, span));
                    }
                }
                CycleItemKind::Align {
                    units,
                    metric,
                    notes,
                } => self.align(cycle, &units, &metric, notes, span),
                CycleItemKind::Resolve {
                    escalation,
                    units,
                    text,
                } => {
                    let units: Vec<_> = units
                        .iter()
                        .map(|u| self.addressee(u, "`resolve`"))
                        .collect();
                    if units.iter().all(Option::is_some) {
                        cycle.resolutions.push(Resolution {
                            escalation,
                            units: units.into_iter().flatten().collect(),
                            text,
                            span,
                        });
                    } else {
                        cycle.dropped.any = true;
                    }
                }
                CycleItemKind::Refused(r) => {
                    // Refused, so left out: the cycle is not also incomplete.
                    cycle.dropped.any = true;
                    self.refused(&r, cycle.period.map(|p| p.to));
                }
                node @ CycleItemKind::Priority { .. } => later.push(Spanned::new(node, span)),
                CycleItemKind::Window { .. }
                | CycleItemKind::Budget { .. }
                | CycleItemKind::Direction { .. } => {}
            }
        }
        later
    }

    fn align(
        &mut self,
        cycle: &mut Cycle,
        units: &[ast::Name],
        metric: &ast::Name,
        notes: Annotations,
        span: Span,
    ) {
        let units: Vec<_> = units.iter().map(|u| self.addressee(u, "`align`")).collect();
        let metric = self.metric_name(metric);
        if let (Some(metric), true) = (metric, units.iter().all(Option::is_some)) {
            cycle.aligns.push(Align {
                units: units.into_iter().flatten().collect(),
                metric,
                notes,
                span,
            });
        } else {
            cycle.dropped.any = true;
        }
    }

    fn directive(
        &mut self,
        cycle_index: usize,
        cycle: &mut Cycle,
        d: ast::Directive,
        span: Span,
        scope: &Scope,
    ) {
        use ast::DirectiveKind as K;
        let kind = match d.kind {
            K::Goal {
                id,
                metric,
                op,
                value,
                by,
            } => {
                let Some(metric) = self.metric_name(&metric) else {
                    // The goal is dropped; its id stays known, so that a
                    // priority or allocation naming it is not an error too.
                    if let Some(id) = id {
                        self.dropped_goals.insert(id.node);
                    }
                    cycle.dropped.any = true;
                    return;
                };
                if let Some(id) = &id {
                    self.goal_id(cycle_index, cycle, id);
                }
                DirectiveKind::Goal {
                    id,
                    metric,
                    op,
                    value,
                    by,
                }
            }
            K::Constraint {
                metric,
                bound,
                by,
                keep,
            } => {
                let metric = self.metric_name(&metric);
                let keep: Vec<_> = keep.iter().map(|k| self.metric_name(k)).collect();
                let (Some(metric), true) = (metric, keep.iter().all(Option::is_some)) else {
                    cycle.dropped.any = true;
                    return;
                };
                DirectiveKind::Constraint {
                    metric,
                    bound,
                    by,
                    keep: keep.into_iter().flatten().collect(),
                }
            }
            K::Outcome { text, by } => DirectiveKind::Outcome { text, by },
            // Allocations name goals: `cycle_directives` keeps them for the
            // second pass.
            K::Allocate { .. } | K::AllocateTech { .. } => return,
        };
        cycle.directives.push(Directive {
            scope: scope.clone(),
            kind,
            urgent: d.urgent.map(|u| u.span),
            notes: d.notes,
            span,
            bound: None,
            keep_bounds: Vec::new(),
        });
    }

    /// Declare a goal id (E0104 when a metric or another goal has the name).
    fn goal_id(&mut self, cycle_index: usize, cycle: &Cycle, id: &ast::Name) {
        if let Some(&metric_id) = self.metrics.get(&id.node) {
            let first = self.model.metric(metric_id).name.span;
            self.diagnostics.push(
                Diagnostic::new(
                    Code::E0104,
                    format!("goal id `{}` is already the name of a metric", id.node),
                    Label::new(id.span, "declared again here"),
                )
                .with_label(first, "the metric")
                .with_help(format!(
                    "goal ids and metrics share one namespace: rename the goal, e.g. `{}-goal`",
                    id.node
                )),
            );
        } else if let Some(&(first_cycle, _, first)) = self.goals.get(&id.node) {
            let suggestion = format!("{}-{}", id.node, cycle.id.node.to_lowercase());
            let help = if first_cycle == cycle_index {
                "goal ids are unique: give this goal an id of its own".to_owned()
            } else {
                format!("goal ids are unique across all cycles: give this one its own, e.g. `{suggestion}`")
            };
            self.diagnostics.push(
                Diagnostic::new(
                    Code::E0104,
                    format!("goal id `{}` is declared twice", id.node),
                    Label::new(id.span, "declared again here"),
                )
                .with_label(first, "first declared here")
                .with_help(help),
            );
        } else {
            self.goals.insert(
                id.node.clone(),
                (cycle_index, cycle.directives.len(), id.span),
            );
        }
    }

    /// Priorities and allocations, which may name goal ids of the cycle.
    fn cycle_targets(&mut self, index: usize, cycle: &mut Cycle, items: Vec<ast::CycleItem>) {
        for item in items {
            let span = item.span;
            match item.node {
                CycleItemKind::Priority {
                    rank,
                    target,
                    notes,
                } => match self.target(index, &target) {
                    Some(target) => cycle.priorities.push(Priority {
                        rank,
                        target,
                        notes,
                        span,
                    }),
                    None => {
                        cycle.dropped.any = true;
                        cycle.dropped.ranks.push(rank.node);
                    }
                },
                CycleItemKind::To { items, .. } => self.cycle_targets(index, cycle, items),
                CycleItemKind::Directive(d) => self.allocation(index, cycle, d, span),
                _ => {}
            }
        }
    }

    fn allocation(&mut self, index: usize, cycle: &mut Cycle, d: ast::Directive, span: Span) {
        let (what, to, target) = match d.kind {
            ast::DirectiveKind::Allocate { amount, to, target } => {
                (Allocated::Amount(amount), to, target)
            }
            ast::DirectiveKind::AllocateTech { tech, to, target } => {
                (Allocated::Tech(tech), to, target)
            }
            _ => return,
        };
        let to = self.addressee(&to, "`allocate`");
        let target = target.as_ref().map(|t| self.target(index, t));
        let (Some(to), false) = (to, matches!(target, Some(None))) else {
            cycle.dropped.any = true;
            return;
        };
        cycle.allocations.push(Allocation {
            what,
            to,
            target: target.flatten(),
            notes: d.notes,
            span,
        });
    }
}

/// An `allocate`, which names goals and so is resolved in the second pass.
fn is_allocation(d: &ast::Directive) -> bool {
    matches!(
        d.kind,
        ast::DirectiveKind::Allocate { .. } | ast::DirectiveKind::AllocateTech { .. }
    )
}

/// How many directives (goals, constraints, outcomes) and allocations a
/// cycle's statements hold, so that the model's vectors are allocated once
/// at their size: grown by doubling, the largest would hold up to twice
/// the room they need and be copied on the way.
fn directive_counts(items: &[ast::CycleItem]) -> (usize, usize) {
    let mut counts = (0, 0);
    for item in items {
        match &item.node {
            CycleItemKind::Directive(d) if is_allocation(d) => counts.1 += 1,
            CycleItemKind::Directive(_) => counts.0 += 1,
            CycleItemKind::To { items, .. } => {
                let (d, a) = directive_counts(items);
                counts = (counts.0 + d, counts.1 + a);
            }
            _ => {}
        }
    }
    counts
}

/// The `cycle … {` part of a cycle statement.
fn trim_header(header: Span, cycle: &ast::Cycle) -> Span {
    let end = cycle
        .dates
        .as_ref()
        .map_or(cycle.id.span.end(), |(_, to)| to.span.end());
    Span::new(header.file, header.start(), end.max(header.start()))
}
