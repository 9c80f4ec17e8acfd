//! The parse tree to the AST. Literals are validated here (E0003), names are
//! checked for kebab-case and annotations for repeats (E0001).

use pest::iterators::Pair;

use super::ast::*;
use super::literal::{self, Invalid};
use super::Rule;
use crate::diagnostic::{Applicability, Code, Diagnostic, Fix, Label};
use crate::source::{FileId, Span, Spanned};

/// Builds AST nodes from the parse trees of single statements; each
/// statement was parsed from the text at `base`.
pub(super) struct Builder {
    file: FileId,
    base: usize,
    /// Literal and name errors (E0003, E0001), in the order found.
    pub errors: Vec<Diagnostic>,
}

impl Builder {
    pub fn new(file: FileId) -> Self {
        Builder {
            file,
            base: 0,
            errors: Vec::new(),
        }
    }

    /// Where the next statements' text starts in the file.
    pub fn at(&mut self, base: usize) {
        self.base = base;
    }

    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.file, self.base + s.start(), self.base + s.end())
    }

    /// A statement's span, ending at its last token: pest counts the blank
    /// space and comments before an optional part that did not match, or
    /// before the look-ahead at the next statement, as part of the rule, and
    /// a label should stop at the statement's last word.
    pub fn statement_span(&self, pair: &Pair<'_, Rule>) -> Span {
        let text = pair.as_str();
        let mut end = 0;
        for (kind, start, stop) in super::regions::regions(text) {
            end = match kind {
                super::regions::Region::Comment => end,
                super::regions::Region::String => stop,
                super::regions::Region::Code => match text[start..stop].trim_end().len() {
                    0 => end,
                    n => start + n,
                },
            };
        }
        let start = self.base + pair.as_span().start();
        Span::new(self.file, start, start + end)
    }

    fn literal_error(&mut self, span: Span, e: Invalid) {
        self.errors.push(
            Diagnostic::new(Code::E0003, e.message, Label::new(span, e.label)).with_help(e.help),
        );
    }

    /// A file-level statement other than a cycle.
    pub fn item(&mut self, pair: Pair<'_, Rule>) -> Item {
        let span = self.statement_span(&pair);
        let rule = pair.as_rule();
        let pair_keyword_span = pair
            .clone()
            .into_inner()
            .next()
            .map_or(span, |kw| self.span(&kw));
        let mut inner = significant(pair);
        let kind = match rule {
            Rule::use_decl => ItemKind::Use(self.string(inner.next().expect("value"))),
            Rule::org_decl => ItemKind::Org(self.string(inner.next().expect("value"))),
            Rule::revision_decl => ItemKind::Revision(self.date(inner.next().expect("value"))),
            Rule::executive_decl => ItemKind::Executive(self.string(inner.next().expect("value"))),
            Rule::manager_decl | Rule::coe_decl | Rule::worker_decl => {
                let kw = pair_keyword_span;
                let layer = match rule {
                    Rule::manager_decl => Layer::Manager,
                    Rule::coe_decl => Layer::Coe,
                    _ => Layer::Worker,
                };
                let layer = Spanned::new(layer, kw);
                let name = self.name(inner.next().expect("unit name"));
                let mut lead = None;
                let mut under = None;
                for p in inner {
                    match p.as_rule() {
                        Rule::string => lead = Some(self.string(p)),
                        Rule::name => under = Some(self.name(p)),
                        _ => {}
                    }
                }
                ItemKind::Unit(UnitDecl {
                    layer,
                    name,
                    lead,
                    under,
                })
            }
            Rule::metric_decl => ItemKind::Metric(self.metric(inner)),
            Rule::refused_head => ItemKind::Refused(self.refused(inner)),
            other => unreachable!("unexpected file item {other:?}"),
        };
        Spanned::new(kind, span)
    }

    fn metric<'i>(&mut self, mut inner: impl Iterator<Item = Pair<'i, Rule>>) -> MetricDecl {
        let name = self.name(inner.next().expect("metric name"));
        let mut decl = MetricDecl {
            name,
            unit: None,
            better: None,
            baseline: None,
            per_unit: None,
        };
        for attr in inner {
            let span = self.span(&attr);
            let rule = attr.as_rule();
            let mut parts = significant(attr);
            let kw_text = match rule {
                Rule::metric_unit => "unit",
                Rule::metric_better => "better",
                Rule::metric_baseline => "baseline",
                _ => "per unit",
            };
            let repeated = match rule {
                Rule::metric_unit => decl.unit.is_some(),
                Rule::metric_better => decl.better.is_some(),
                Rule::metric_baseline => decl.baseline.is_some(),
                _ => decl.per_unit.is_some(),
            };
            if repeated {
                self.errors.push(
                    Diagnostic::new(
                        Code::E0001,
                        format!("`{kw_text}` given twice for metric `{}`", decl.name.node),
                        Label::new(span, "given again here"),
                    )
                    .with_help(format!("keep one `{kw_text}`")),
                );
                continue;
            }
            match rule {
                Rule::metric_unit => decl.unit = Some(self.measure(parts.next().expect("unit"))),
                Rule::metric_better => {
                    let p = parts.next().expect("direction");
                    let dir = if p.as_str() == "higher" {
                        Better::Higher
                    } else {
                        Better::Lower
                    };
                    decl.better = Some(Spanned::new(dir, self.span(&p)));
                }
                Rule::metric_baseline => {
                    decl.baseline = Some(self.quantity(parts.next().expect("quantity")))
                }
                _ => decl.per_unit = Some(Spanned::new((), span)),
            }
        }
        decl
    }

    /// `cycle 2026-Q1 {` or `cycle launch from … to … {`: the id and dates.
    pub fn cycle_head(&mut self, pair: Pair<'_, Rule>) -> (Spanned<CycleId>, CycleDates) {
        let mut inner = significant(pair);
        let id_pair = inner.next().expect("cycle id");
        let id_span = self.span(&id_pair);
        let id = match id_pair.as_rule() {
            Rule::calendar_id => {
                let text = id_pair.as_str().to_owned();
                match literal::calendar_cycle(&text) {
                    Ok((from, to)) => CycleId::Calendar { text, from, to },
                    Err(e) => {
                        self.literal_error(id_span, e);
                        CycleId::Named(text)
                    }
                }
            }
            _ => CycleId::Named(self.name(id_pair).node),
        };
        let dates = inner.find(|p| p.as_rule() == Rule::cycle_dates).map(|p| {
            let mut d = significant(p);
            let from = self.date(d.next().expect("from date"));
            let to = self.date(d.next().expect("to date"));
            (from, to)
        });
        (Spanned::new(id, id_span), dates)
    }

    /// `to a, b {`: the units.
    pub fn addressees(&mut self, pair: Pair<'_, Rule>) -> Vec<Name> {
        let list = significant(pair).next().expect("units");
        self.names(list)
    }

    /// A cycle statement other than a `to` block.
    pub fn cycle_item(&mut self, pair: Pair<'_, Rule>) -> CycleItem {
        let span = self.statement_span(&pair);
        let rule = pair.as_rule();
        let mut inner = significant(pair);
        let kind = match rule {
            Rule::window => {
                let from = self.date(inner.next().expect("from"));
                let to = self.date(inner.next().expect("to"));
                let notes = self.annotations(inner);
                CycleItemKind::Window { from, to, notes }
            }
            Rule::budget => {
                let amount = self.quantity(inner.next().expect("quantity"));
                let notes = self.annotations(inner);
                CycleItemKind::Budget { amount, notes }
            }
            Rule::direction => {
                let text = self.string(inner.next().expect("text"));
                let notes = self.annotations(inner);
                CycleItemKind::Direction { text, notes }
            }
            Rule::priority => {
                let rank_pair = inner.next().expect("rank");
                let rank_span = self.span(&rank_pair);
                let rank = match rank_pair.as_str().parse::<u32>() {
                    Ok(r) if r >= 1 => r,
                    _ => {
                        self.literal_error(
                            rank_span,
                            Invalid {
                                label: "not a rank",
                                message: format!("`{}` is not a priority rank", rank_pair.as_str()),
                                help: "ranks are whole numbers from 1 (highest) upward".into(),
                            },
                        );
                        1
                    }
                };
                let target = self.name(inner.next().expect("target"));
                let notes = self.annotations(inner);
                CycleItemKind::Priority {
                    rank: Spanned::new(rank, rank_span),
                    target,
                    notes,
                }
            }
            Rule::align => {
                let units = self.names(inner.next().expect("units"));
                let metric = self.name(inner.next().expect("metric"));
                let notes = self.annotations(inner);
                CycleItemKind::Align {
                    units,
                    metric,
                    notes,
                }
            }
            Rule::resolve => {
                let esc = inner.next().expect("escalation");
                let escalation = Spanned::new(esc.as_str().to_owned(), self.span(&esc));
                let units = self.names(inner.next().expect("units"));
                let text = self.string(inner.next().expect("text"));
                CycleItemKind::Resolve {
                    escalation,
                    units,
                    text,
                }
            }
            Rule::refused_head => CycleItemKind::Refused(self.refused(inner)),
            _ => CycleItemKind::Directive(self.directive(rule, inner)),
        };
        Spanned::new(kind, span)
    }

    fn directive<'i>(
        &mut self,
        rule: Rule,
        inner: impl Iterator<Item = Pair<'i, Rule>>,
    ) -> Directive {
        let mut inner = inner.peekable();
        let mut urgent = None;
        if inner.peek().map(|p| p.as_rule()) == Some(Rule::urgent) {
            urgent = Some(Spanned::new((), self.span(&inner.next().expect("urgent"))));
        }
        let kind = match rule {
            Rule::goal => {
                let mut id = None;
                if inner.peek().map(|p| p.as_rule()) == Some(Rule::goal_id) {
                    let p = inner.next().expect("goal id");
                    id = Some(self.name(significant(p).next().expect("goal id name")));
                }
                let metric = self.name(inner.next().expect("metric"));
                let op = self.cmp(inner.next().expect("comparison"));
                let value = self.quantity(inner.next().expect("quantity"));
                let by = self.by(&mut inner);
                DirectiveKind::Goal {
                    id,
                    metric,
                    op,
                    value,
                    by,
                }
            }
            Rule::constraint => {
                let metric = self.name(inner.next().expect("metric"));
                let p = inner.next().expect("bound");
                let bound = if p.as_rule() == Rule::change {
                    ConstraintBound::Change(self.change(p))
                } else {
                    let op = self.cmp(p);
                    let value = self.quantity(inner.next().expect("quantity"));
                    ConstraintBound::Compare { op, value }
                };
                let by = self.by(&mut inner);
                let mut keep = Vec::new();
                if inner.peek().map(|p| p.as_rule()) == Some(Rule::keep) {
                    let mut k = significant(inner.next().expect("keep"));
                    keep = self.names(k.next().expect("keep list"));
                }
                DirectiveKind::Constraint {
                    metric,
                    bound,
                    by,
                    keep,
                }
            }
            Rule::outcome => {
                let text = self.string(inner.next().expect("text"));
                let by = self.by(&mut inner);
                DirectiveKind::Outcome { text, by }
            }
            Rule::allocate => {
                let amount = self.quantity(inner.next().expect("quantity"));
                let to = self.name(inner.next().expect("unit"));
                let target = self.target(&mut inner);
                DirectiveKind::Allocate { amount, to, target }
            }
            Rule::allocate_tech => {
                let tech = self.string(inner.next().expect("tech"));
                let to = self.name(inner.next().expect("unit"));
                let target = self.target(&mut inner);
                DirectiveKind::AllocateTech { tech, to, target }
            }
            other => unreachable!("unexpected directive {other:?}"),
        };
        let notes = self.annotations(inner);
        Directive {
            kind,
            urgent,
            notes,
        }
    }

    fn by<'i>(
        &mut self,
        inner: &mut std::iter::Peekable<impl Iterator<Item = Pair<'i, Rule>>>,
    ) -> Option<Spanned<jiff::civil::Date>> {
        if inner.peek().map(|p| p.as_rule()) != Some(Rule::by_date) {
            return None;
        }
        let mut b = significant(inner.next().expect("by"));
        Some(self.date(b.next().expect("date")))
    }

    fn target<'i>(
        &mut self,
        inner: &mut std::iter::Peekable<impl Iterator<Item = Pair<'i, Rule>>>,
    ) -> Option<Name> {
        if inner.peek().map(|p| p.as_rule()) != Some(Rule::name) {
            return None;
        }
        Some(self.name(inner.next().expect("target")))
    }

    fn annotations<'i>(&mut self, pairs: impl Iterator<Item = Pair<'i, Rule>>) -> Annotations {
        let mut notes = Annotations::default();
        for p in pairs {
            let span = self.span(&p);
            let rule = p.as_rule();
            let mut inner = significant(p);
            let value = inner.next().expect("annotation value");
            let (slot_taken, word) = match rule {
                Rule::because => (notes.because().is_some(), "because"),
                _ => (notes.ai().is_some(), "ai"),
            };
            if slot_taken {
                self.errors.push(
                    Diagnostic::new(
                        Code::E0001,
                        format!("`{word}` given twice on one statement"),
                        Label::new(span, "given again here"),
                    )
                    .with_help(format!(
                        "each statement carries at most one `{word}`: merge them into one"
                    )),
                );
                continue;
            }
            match rule {
                Rule::because => notes.set_because(self.string(value)),
                _ => notes.set_ai(Spanned::new(value.as_str().to_owned(), self.span(&value))),
            }
        }
        notes
    }

    /// The keyword of a refused form (`refused_head`'s children).
    pub fn refused<'i>(&mut self, mut inner: impl Iterator<Item = Pair<'i, Rule>>) -> Refused {
        let kw = inner.next().expect("refused keyword");
        let kind = RefusedKind::from_keyword(kw.as_str()).expect("grammar lists refused words");
        Refused {
            keyword: Spanned::new(kind, self.span(&kw)),
        }
    }

    fn names(&mut self, list: Pair<'_, Rule>) -> Vec<Name> {
        significant(list).map(|p| self.name(p)).collect()
    }

    fn name(&mut self, pair: Pair<'_, Rule>) -> Name {
        let span = self.span(&pair);
        let text = pair.as_str();
        if super::is_keyword(text) {
            self.errors.push(
                Diagnostic::new(
                    Code::E0001,
                    format!("`{text}` is a keyword and cannot be used as a name"),
                    Label::new(span, "a keyword"),
                )
                .with_help(format!(
                    "choose another name, such as `{text}-team` or `{text}s`"
                )),
            );
        } else if let Err(kebab) = literal::check_name(text) {
            self.errors.push(
                Diagnostic::new(
                    Code::E0001,
                    format!("`{text}` is not a valid name"),
                    Label::new(span, "names are kebab-case"),
                )
                .with_fix(Fix::replace(
                    format!(
                        "write names in lowercase letters, digits and single hyphens: `{kebab}`"
                    ),
                    span,
                    kebab.clone(),
                    Applicability::Safe,
                )),
            );
        }
        Spanned::new(text.to_owned(), span)
    }

    fn string(&mut self, pair: Pair<'_, Rule>) -> Text {
        let span = self.span(&pair);
        let body = pair.into_inner().next().expect("string body");
        let body_start = self.base + body.as_span().start();
        match literal::unescape(body.as_str()) {
            Ok(text) => Spanned::new(text, span),
            Err((at, e)) => {
                let at = body_start + at;
                self.literal_error(Span::new(self.file, at, at + 2), e);
                Spanned::new(body.as_str().to_owned(), span)
            }
        }
    }

    fn date(&mut self, pair: Pair<'_, Rule>) -> Spanned<jiff::civil::Date> {
        let span = self.span(&pair);
        match literal::date(pair.as_str()) {
            Ok(d) => Spanned::new(d, span),
            Err(e) => {
                self.literal_error(span, e);
                Spanned::new(jiff::civil::Date::constant(2000, 1, 1), span)
            }
        }
    }

    fn measure(&mut self, pair: Pair<'_, Rule>) -> Spanned<Measure> {
        let span = self.span(&pair);
        let text = pair.as_str();
        if let Err(e) = literal::measure(text) {
            self.literal_error(span, e);
        }
        Spanned::new(Measure(text.to_owned()), span)
    }

    fn number(&mut self, pair: &Pair<'_, Rule>, allow_points: bool) -> literal::Number {
        match literal::number(pair.as_str(), allow_points) {
            Ok(n) => n,
            Err(e) => {
                self.literal_error(self.span(pair), e);
                literal::Number {
                    value: Default::default(),
                    points: false,
                }
            }
        }
    }

    /// A quantity, or a threshold, which may carry a sign.
    fn quantity(&mut self, pair: Pair<'_, Rule>) -> Quantity {
        let span = self.span(&pair);
        let mut inner = significant(pair).peekable();
        let negative = inner
            .next_if(|p| p.as_rule() == Rule::sign)
            .is_some_and(|s| s.as_str() == "-");
        let number = inner.next().expect("number");
        let value = self.number(&number, false).value;
        let value = if negative { -value } else { value };
        let unit = inner.next().map(|u| self.measure(u));
        Quantity { value, unit, span }
    }

    fn change(&mut self, pair: Pair<'_, Rule>) -> Spanned<Change> {
        let span = self.span(&pair);
        let written = pair.as_str().trim_end().to_owned();
        let mut inner = significant(pair);
        let negative = inner.next().expect("sign").as_str() == "-";
        let number_pair = inner.next().expect("number");
        let number = self.number(&number_pair, true);
        let value = if negative {
            -number.value
        } else {
            number.value
        };
        let unit = inner.next();
        let change = match unit {
            Some(u) if u.as_rule() == Rule::percent => {
                if number.points {
                    self.literal_error(
                        span,
                        Invalid {
                            label: "points and percent",
                            message: format!(
                                "`{}%` mixes points and percent",
                                number_pair.as_str()
                            ),
                            help:
                                "write `+2pp` for percentage points or `+2%` for a relative change"
                                    .into(),
                        },
                    );
                }
                if value < -rust_decimal::Decimal::ONE_HUNDRED {
                    self.literal_error(
                        span,
                        Invalid {
                            label: "below -100%",
                            message: format!(
                                "`{written}` takes more than all of the baseline away"
                            ),
                            help: "a relative change is at least `-100%` (down to zero); for a bound below zero write it absolutely, e.g. `constraint net-cash-flow <= -50k USD/month`".into(),
                        },
                    );
                }
                Change::Relative(value)
            }
            _ if number.points => Change::Points(value),
            Some(u) => Change::Absolute(value, Some(self.measure(u))),
            None => Change::Absolute(value, None),
        };
        Spanned::new(change, span)
    }

    fn cmp(&mut self, pair: Pair<'_, Rule>) -> Spanned<Cmp> {
        let op = match pair.as_str() {
            "<" => Cmp::Lt,
            "<=" => Cmp::Le,
            ">" => Cmp::Gt,
            ">=" => Cmp::Ge,
            _ => Cmp::Eq,
        };
        Spanned::new(op, self.span(&pair))
    }
}

/// The children of a pair without its keyword tokens (they are non-silent only
/// so that syntax errors can name them).
fn significant<'i>(pair: Pair<'i, Rule>) -> impl Iterator<Item = Pair<'i, Rule>> {
    pair.into_inner().filter(|p| !is_keyword_token(p.as_rule()))
}

/// Whether a rule is a keyword token (`kw_goal`), as opposed to
/// [`super::is_keyword`], which asks whether a word is reserved.
fn is_keyword_token(rule: Rule) -> bool {
    use Rule::*;
    matches!(
        rule,
        kw_koom
            | kw_org
            | kw_revision
            | kw_executive
            | kw_manager
            | kw_coe
            | kw_worker
            | kw_under
            | kw_metric
            | kw_unit
            | kw_better
            | kw_baseline
            | kw_per
            | kw_use
            | kw_cycle
            | kw_from
            | kw_to
            | kw_window
            | kw_budget
            | kw_direction
            | kw_priority
            | kw_because
            | kw_align
            | kw_on
            | kw_resolve
            | kw_for
            | kw_urgent
            | kw_goal
            | kw_constraint
            | kw_keep
            | kw_outcome
            | kw_allocate
            | kw_tech
            | kw_ai
            | kw_by
    )
}
