//! Outcome, not method; clarity (seed §4 rules 2–3, §5, §8 failure modes 4–5):
//! the text of every `outcome` and `direction`, judged by the phrasing
//! analyzer (`crate::phrasing`): method phrasing (E0201), vague terms and
//! thresholdless direction verbs (E0301: an error in an outcome, a warning in a
//! direction), and outcomes with neither a number nor a metric (E0302).
//! Also `urgent` without clarity (E0303) and causes that cite no data (E0306).

use std::collections::HashSet;

use crate::diagnostic::{Code, Diagnostic, Diagnostics, Label, Severity};
use crate::model::units::short_with_unit;
use crate::model::*;
use crate::phrasing::{self, Finding, Lexicon, Reason, Verdict};
use crate::source::{SourceMap, Span};

const OUTCOME_FORM: &str =
    "state what must be true: `<measure> must <reach|stay below|fall below…> <threshold> by <date>`";

/// Metric names as words, for "names a declared metric".
pub(super) struct Metrics {
    phrases: HashSet<String>,
    longest: usize,
}

impl Metrics {
    pub(super) fn of(model: &Model) -> Metrics {
        let phrases: HashSet<String> = model
            .metrics
            .iter()
            .map(|m| m.name.node.split('-').collect::<Vec<_>>().join(" "))
            .collect();
        let longest = phrases
            .iter()
            .map(|p| p.split(' ').count())
            .max()
            .unwrap_or(0);
        Metrics { phrases, longest }
    }

    /// Whether the text names the metric `name` (as `quality-variance` or
    /// "quality variance").
    pub(super) fn names(&self, text: &str, name: &str) -> bool {
        let wanted: Vec<&str> = name.split('-').collect();
        let words = phrasing::words(text);
        words.windows(wanted.len()).any(|w| w == wanted.as_slice())
    }

    /// Whether the text names a declared metric (as `quality-variance` or
    /// "quality variance").
    fn named_in(&self, text: &str) -> bool {
        let words = phrasing::words(text);
        let mut phrase = String::new();
        (0..words.len()).any(|i| {
            phrase.clear();
            words[i..].iter().take(self.longest).any(|w| {
                if !phrase.is_empty() {
                    phrase.push(' ');
                }
                phrase.push_str(w);
                self.phrases.contains(&phrase)
            })
        })
    }
}

pub fn check(model: &Model, sources: &SourceMap, lex: &Lexicon, out: &mut Diagnostics) {
    let metrics = Metrics::of(model);
    let mut named;
    let lex = match &model.org {
        Some(org) => {
            named = lex.clone();
            named.add_subject(&org.node);
            &named
        }
        None => lex,
    };
    for cycle in &model.cycles {
        for item in cycle.annotated() {
            cause(model, lex, &metrics, item.notes, out);
        }
        for d in &cycle.directions {
            judge(sources, lex, &d.text, Place::Direction, out);
        }
        for d in &cycle.directives {
            let measurable = match &d.kind {
                DirectiveKind::Outcome { text, .. } => {
                    let clean = judge(sources, lex, text, Place::Outcome, out);
                    let measurable =
                        phrasing::has_number(&text.node, lex) || metrics.named_in(&text.node);
                    // An urgent one gets E0303, which says the same and more.
                    if clean && !measurable && d.urgent.is_none() {
                        out.push(
                            Diagnostic::new(
                                Code::E0302,
                                "this outcome names neither a number nor a metric: nobody can tell when it is true",
                                Label::new(text.span, "no number, no metric"),
                            )
                            .with_note("metrics over vibes (seed §4 rule 3)")
                            .with_help(format!(
                                "{OUTCOME_FORM}, or make it a goal on a declared metric: `goal <metric> >= <threshold> by <date>`"
                            )),
                        );
                    }
                    measurable
                }
                DirectiveKind::Goal { .. } | DirectiveKind::Constraint { .. } => true,
            };
            urgency(cycle, d, measurable, out);
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Outcome,
    Direction,
}

impl Place {
    fn word(self) -> &'static str {
        match self {
            Place::Outcome => "outcome",
            Place::Direction => "direction",
        }
    }
}

/// The source span of a finding inside a string literal. Text with escapes
/// cannot be mapped byte for byte, so the whole string is labelled then.
fn finding_span(sources: &SourceMap, text: &Text, f: &Finding) -> Span {
    let literal = sources.text(text.span);
    let inner = literal
        .get(1..literal.len().saturating_sub(1))
        .unwrap_or("");
    if inner == text.node {
        let start = text.span.start + 1 + f.start;
        Span::new(text.span.file, start, text.span.start + 1 + f.end)
    } else {
        text.span
    }
}

/// Judge one text; returns whether it is clean.
fn judge(
    sources: &SourceMap,
    lex: &Lexicon,
    text: &Text,
    place: Place,
    out: &mut Diagnostics,
) -> bool {
    let verdict = phrasing::analyze(&text.node, lex);
    let (code, finding) = match &verdict {
        Verdict::Outcome => return true,
        Verdict::Method(f) => (Code::E0201, f),
        Verdict::UrgentUnclear(f) | Verdict::Vague(f) => (Code::E0301, f),
    };
    let span = finding_span(sources, text, finding);
    let words = &text.node[finding.start..finding.end];
    let what = place.word();
    let (message, label, note) = match &finding.reason {
        Reason::ActionVerb(v) => (
            format!("this {what} prescribes how, not what must be true"),
            format!("`{v}` is an action for the managers or the CoE to choose"),
            "executives tell managers and the CoE what must be true, not how to achieve it (seed §5)",
        ),
        Reason::Means(_) => (
            format!("this {what} prescribes a means"),
            format!("`{words}` names how to get there"),
            "the tool, procedure or channel is the managers' and the CoE's to choose (seed §3, §5)",
        ),
        Reason::DirectionOnMeans(_) => (
            format!("this {what} directs a means, not a measure"),
            format!("`{words}` changes an activity, not a result"),
            "state the result the change should bring, and let the managers choose the means (seed §5)",
        ),
        Reason::NoThreshold(v) => (
            format!("`{v}` with no threshold leaves the target to guesswork"),
            format!("`{words}`: to what?"),
            "ambiguity offloaded downward is a failure mode (seed §8, failure mode 5)",
        ),
        Reason::NoMeasure(v) => (
            format!("`{v}` names no measure"),
            format!("`{words}`: of what?"),
            "a threshold means something only on a named measure (seed §4 rule 3)",
        ),
        Reason::VagueTerm(t) => (
            format!("vague term `{t}` in this {what}"),
            "vague: how much, by when?".to_owned(),
            "ambiguity offloaded downward is a failure mode (seed §8, failure mode 5)",
        ),
        Reason::Urgency(t) | Reason::UrgencyWithoutClarity(t) => (
            format!("urgency without clarity: `{t}` stands in for a threshold or a date"),
            "urgent, but by when and to what?".to_owned(),
            "clarity before urgency (seed §4 rule 2)",
        ),
    };
    let help = match &finding.reason {
        Reason::Urgency(_) | Reason::UrgencyWithoutClarity(_) => {
            format!("{OUTCOME_FORM}; mark the directive `urgent` and give it a `by` date if it is")
        }
        _ => format!("{OUTCOME_FORM}, e.g. `Quality variance must drop below 3% by 2026-03-31.`"),
    };
    let severity = match (code, place) {
        (Code::E0301, Place::Direction) => Severity::Warning,
        _ => Severity::Error,
    };
    out.push(
        Diagnostic::new(code, message, Label::new(span, label))
            .with_severity(severity)
            .with_note(note)
            .with_help(help),
    );
    false
}

/// E0306: a `because` that cites no metric or number.
fn cause(
    model: &Model,
    lex: &Lexicon,
    metrics: &Metrics,
    notes: &Annotations,
    out: &mut Diagnostics,
) {
    let Some(because) = &notes.because else {
        return;
    };
    if phrasing::has_number(&because.node, lex) || metrics.named_in(&because.node) {
        return;
    }
    out.push(
        Diagnostic::new(
            Code::E0306,
            "this cause cites no metric or number",
            Label::new(because.span, "a narrative, not data"),
        )
        .with_note("data over narrative (seed §4 rule 3)")
        .with_help(format!(
            "cite what moved, e.g. `because \"{}\"`",
            cited(model)
        )),
    );
}

/// A cause that cites data, written with the file's first metric that has
/// a baseline.
fn cited(model: &Model) -> String {
    match model.metrics.iter().find(|m| m.baseline.is_some()) {
        Some(m) => {
            let b = m.baseline.as_ref().expect("found with one");
            let from = short_with_unit(b.value, m.unit.as_ref().map(|u| u.node.0.as_str()));
            format!("{} moved from {from} to … last quarter.", m.name.node)
        }
        None => "<metric> moved from <value> to <value> last quarter.".to_owned(),
    }
}

/// E0303: `urgent` needs a measurable target and a `by` date.
fn urgency(cycle: &Cycle, d: &Directive, measurable: bool, out: &mut Diagnostics) {
    let Some(urgent) = d.urgent else { return };
    let missing = match (measurable, d.kind.by().is_some()) {
        (true, true) => return,
        (false, true) => "a measurable target",
        (true, false) => "a `by` date",
        (false, false) => "a measurable target and a `by` date",
    };
    let mut diagnostic = Diagnostic::new(
        Code::E0303,
        format!("urgent without clarity: this directive lacks {missing}"),
        Label::new(urgent, "urgent"),
    )
    .with_note(
        "clarity before urgency: ambiguous urgency destroys the manager layer (seed §4 rule 2)",
    );
    if let Some(p) = cycle.period {
        diagnostic = diagnostic.with_help(format!(
            "make it measurable and dated: `urgent goal <metric> >= <threshold> by <date up to {}>`",
            p.to
        ));
    }
    out.push(diagnostic);
}
