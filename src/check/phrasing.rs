//! Outcome, not method; clarity (seed §4 rules 1–3, §5, §8 failure modes
//! 2, 4, 5): every text the executive layer writes, judged by the phrasing
//! analyzer (`crate::phrasing`) where it stands — outcomes, directions,
//! `allocate tech` and `resolve` texts: method phrasing (E0201), vague terms
//! and thresholdless direction verbs (E0301: an error in an outcome, a
//! warning in a direction), urgency written into a text without clarity
//! (E0303), a worker unit made to act (E0101), and outcomes with neither a
//! number nor a metric (E0302). Also `urgent` without clarity (E0303) and
//! causes that cite no data (E0306).

use std::cell::RefCell;
use std::collections::HashSet;

use crate::diagnostic::{Applicability, Code, Diagnostic, Diagnostics, Fix, Label, Severity};
use crate::model::units::short_with_unit;
use crate::model::*;
use crate::phrasing::{self, Finding, Lexicon, Reading, Readings, Reason, Verdict};
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

    /// The declared metrics the text names (as `quality-variance` or
    /// "quality variance"), each as its words joined by spaces.
    pub(super) fn named(&self, text: &str) -> Vec<&str> {
        let mut found = Vec::new();
        self.scan(text, &mut |p| {
            found.push(p);
            false
        });
        found
    }

    /// Whether the text names a declared metric.
    fn named_in(&self, text: &str) -> bool {
        self.scan(text, &mut |_| true)
    }

    /// Offer each declared metric's phrase the text contains to `found`,
    /// until it returns true; returns whether it did.
    fn scan<'a>(&'a self, text: &str, found: &mut dyn FnMut(&'a str) -> bool) -> bool {
        let words = phrasing::words(text);
        let mut phrase = String::new();
        (0..words.len()).any(|i| {
            phrase.clear();
            words[i..].iter().take(self.longest).any(|w| {
                if !phrase.is_empty() {
                    phrase.push(' ');
                }
                phrase.push_str(w);
                self.phrases.get(&phrase).is_some_and(|p| found(p.as_str()))
            })
        })
    }
}

/// What judging a text needs.
struct Judge<'a> {
    model: &'a Model,
    sources: &'a SourceMap,
    lex: &'a Lexicon,
    metrics: Metrics,
    /// The declared worker units: a text may not make one act (E0101).
    workers: Vec<(&'a str, &'a Unit)>,
    /// Their names, indexed for the analyzer.
    worker_names: phrasing::Units<'a>,
    /// What the analyzer read of each text (kept from the last check where
    /// a [`phrasing::Memo`] keeps it).
    readings: RefCell<Readings>,
}

pub fn check(model: &Model, context: &super::Context, out: &mut Diagnostics) {
    let (sources, lex) = (context.sources, context.lexicon);
    let mut named;
    let lex = match &model.org {
        Some(org) => {
            named = lex.clone();
            named.add_subject(&org.node);
            &named
        }
        None => lex,
    };
    let workers: Vec<(&str, &Unit)> = model
        .units
        .iter()
        .filter(|u| u.layer == Layer::Worker)
        .map(|u| (u.name.node.as_str(), u))
        .collect();
    let readings = match context.memo {
        Some((memo, adjustments)) => memo.begin(phrasing::Stamp {
            adjustments: adjustments.clone(),
            organization: model.org.as_ref().map(|o| o.node.clone()),
            workers: workers.iter().map(|(n, _)| (*n).to_owned()).collect(),
        }),
        None => Readings::fresh(),
    };
    let judge = Judge {
        model,
        sources,
        lex,
        metrics: Metrics::of(model),
        worker_names: phrasing::Units::new(workers.iter().map(|(n, _)| *n)),
        workers,
        readings: RefCell::new(readings),
    };
    for cycle in &model.cycles {
        judge.cycle(cycle, out);
    }
    if let Some((memo, _)) = context.memo {
        memo.keep(judge.readings.into_inner());
    }
}

impl Judge<'_> {
    fn cycle(&self, cycle: &Cycle, out: &mut Diagnostics) {
        for item in cycle.annotated() {
            cause(self.model, self.lex, &self.metrics, item.notes, out);
        }
        for d in &cycle.directions {
            self.text(&d.text, Place::Direction, None, out);
        }
        for a in &cycle.allocations {
            if let Allocated::Tech(tech) = &a.what {
                self.text(tech, Place::Tech, None, out);
            }
        }
        for r in &cycle.resolutions {
            self.text(&r.text, Place::Resolution, None, out);
        }
        for d in &cycle.directives {
            let measurable = match &d.kind {
                DirectiveKind::Outcome { text, .. } => self.outcome(cycle, d, text, out),
                DirectiveKind::Goal { .. } | DirectiveKind::Constraint { .. } => true,
            };
            urgency(cycle, d, measurable, out);
        }
    }

    /// An outcome's text (E0201, E0301, E0303, E0101) and E0302; returns
    /// whether it is measurable.
    fn outcome(&self, cycle: &Cycle, d: &Directive, text: &Text, out: &mut Diagnostics) -> bool {
        let dated = d
            .kind
            .by()
            .is_some_and(|b| cycle.period.is_some_and(|p| p.contains(b.node)));
        let (clean, reading) = self.judged(text, Place::Outcome, Some(dated), out);
        let measurable = reading.number || self.metrics.named_in(&text.node);
        // An urgent one gets E0303, which says the same and more.
        if clean && !measurable && d.urgent.is_none() {
            out.push(
                Diagnostic::new(
                    Code::E0302,
                    "this outcome names neither a number nor a metric: nobody can tell when it is true",
                    Label::new(text.span, "no number, no metric"),
                )
                .with_note("metrics over vibes (seed §4 rule 3)")
                .with_note(escape("unmeasurable-outcome"))
                .with_help(format!(
                    "{OUTCOME_FORM}, or make it a goal on a declared metric: `goal <metric> >= <threshold> by <date>`"
                )),
            );
        }
        measurable
    }

    /// Judge one text where it stands; `dated` is whether its directive has
    /// a `by` date inside the cycle (for urgency written into an outcome).
    /// Returns whether it is clean.
    fn text(&self, text: &Text, place: Place, dated: Option<bool>, out: &mut Diagnostics) -> bool {
        self.judged(text, place, dated, out).0
    }

    /// [`Judge::text`], and what the analyzer read of it.
    fn judged(
        &self,
        text: &Text,
        place: Place,
        dated: Option<bool>,
        out: &mut Diagnostics,
    ) -> (bool, Reading) {
        let units = &self.worker_names;
        let reading =
            (self.readings.borrow_mut()).read(&text.node, self.lex, place.analyzer(), units);
        let clean = self.verdict(text, place, dated, &reading, out);
        (clean, reading)
    }

    /// The diagnostics of one reading; whether there were none.
    fn verdict(
        &self,
        text: &Text,
        place: Place,
        dated: Option<bool>,
        reading: &Reading,
        out: &mut Diagnostics,
    ) -> bool {
        let clean_actors = self.actors(text, place, &reading.actors, out);
        let (code, finding) = match &reading.verdict {
            Verdict::Outcome => return clean_actors,
            Verdict::Method(f) if place == Place::Tech && !instruction(&text.node, f) => {
                return clean_actors
            }
            Verdict::Method(f) => (Code::E0201, f),
            Verdict::Vague(f) => (Code::E0301, f),
            Verdict::UrgentUnclear(f) => {
                // Emphasis on a text with a threshold and a `by` date in the
                // cycle is clear enough; urgency that stands in for a date is not.
                let emphasis = matches!(f.reason, Reason::UrgencyWithoutClarity(_));
                if emphasis && dated == Some(true) && reading.number {
                    return clean_actors;
                }
                (Code::E0303, f)
            }
        };
        out.push(self.finding(text, place, code, finding));
        false
    }

    /// The diagnostic for what the analyzer found.
    fn finding(&self, text: &Text, place: Place, code: Code, finding: &Finding) -> Diagnostic {
        let span = span_in(self.sources, text, finding.start, finding.end);
        let words = &text.node[finding.start..finding.end];
        let (message, label, note) = explain(&finding.reason, words, place.word());
        let severity = match (code, place) {
            (Code::E0301, Place::Direction) => Severity::Warning,
            _ => Severity::Error,
        };
        let help = match (&finding.rewrite, place) {
            (_, Place::Tech) => "name the technology the unit gets, and leave how it is used to them: `allocate tech \"<the tool or system>\" to <unit> for <target>`".to_owned(),
            (_, Place::Resolution) => "state the decision, and leave the procedure to the managers: `resolve <ESC> for <units>: \"<who gets what, or which option holds>\"`".to_owned(),
            (Some(rewrite), _) => format!("state it as: `{rewrite}`"),
            (None, _) => match &finding.reason {
                Reason::Urgency(_) | Reason::UrgencyWithoutClarity(_) => format!(
                    "{OUTCOME_FORM}; mark the directive `urgent` and give it a `by` date if it is"
                ),
                _ => OUTCOME_FORM.to_owned(),
            },
        };
        let lint = code.lint_name().unwrap_or(code.as_str());
        let d = Diagnostic::new(code, message, Label::new(span, label))
            .with_severity(severity)
            .with_note(note)
            .with_note(escape(lint));
        match self.rewrite_fix(text, place, finding, &help) {
            Some(fix) => d.with_help(help).with_fix(fix),
            None => d.with_help(help),
        }
    }

    /// The rewrite as a fix, where it is whole: written in the author's
    /// words, with no `<target>` or `<date>` left for a person to fill in,
    /// and the text written without escapes (so that its words stand where
    /// the finding says). A guess at what was meant, to review: unsafe.
    fn rewrite_fix(&self, text: &Text, place: Place, f: &Finding, title: &str) -> Option<Fix> {
        let rewrite = f.rewrite.as_deref()?;
        if matches!(place, Place::Tech | Place::Resolution) || rewrite.contains('<') {
            return None;
        }
        let (start, end) = f.rewrites;
        let span = span_in(self.sources, text, start, end);
        (span != text.span && start < end)
            .then(|| Fix::replace(title, span, rewrite, Applicability::Unsafe))
    }

    /// E0101: a declared worker unit made the one who acts in a text.
    fn actors(
        &self,
        text: &Text,
        place: Place,
        found: &[(usize, usize)],
        out: &mut Diagnostics,
    ) -> bool {
        for &(start, end) in found {
            let words = &text.node[start..end];
            let Some((name, unit)) = self
                .workers
                .iter()
                .find(|(n, _)| words.to_lowercase().replace(' ', "-").contains(n))
            else {
                continue;
            };
            let mut d = Diagnostic::new(
                Code::E0101,
                format!("this {} makes the worker unit `{name}` the one who must act: this bypasses the spine", place.word()),
                Label::new(span_in(self.sources, text, start, end), "a worker unit, acting"),
            )
            .with_label(unit.span, "declared as a worker here")
            .with_note("executives address managers and the CoE; work reaches workers through their managers (seed §4 rule 1, §8 failure mode 2)");
            d = match unit.under {
                Some(parent) => d.with_help(format!(
                    "say what must be true and address it to its manager: `to {} {{ outcome \"…\" }}`; a measure may still name the unit (\"{} injuries must fall below 2 a month\")",
                    self.model.unit(parent).name.node,
                    name
                )),
                None => d.with_help("say what must be true and address it to the manager responsible; a measure may still name the unit"),
            };
            out.push(d);
        }
        found.is_empty()
    }
}

/// Whether a technology's text is an instruction, not a name: the deciding
/// verb is followed by a determiner, a number or a possessive ("Rewrite the
/// QA workflow…", "Add two review steps"), or the finding is a means clause.
/// A name such as "Forecasting platform" or "Contract archive" is a noun
/// phrase whose first word only looks like a verb.
fn instruction(text: &str, f: &Finding) -> bool {
    if matches!(f.reason, Reason::Means(_)) {
        return true;
    }
    let next = text[f.end.min(text.len())..]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or_default()
        .to_lowercase();
    const OPENS_AN_OBJECT: &[&str] = &[
        "the", "a", "an", "our", "their", "its", "this", "that", "these", "those", "all", "every",
        "each", "two", "three", "four", "five", "more", "new", "up", "out",
    ];
    OPENS_AN_OBJECT.contains(&next.as_str())
        || next.chars().all(|c| c.is_ascii_digit()) && !next.is_empty()
}

/// Where a text stands, for messages and for the analyzer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Outcome,
    Direction,
    Tech,
    Resolution,
}

impl Place {
    fn word(self) -> &'static str {
        match self {
            Place::Outcome => "outcome",
            Place::Direction => "direction",
            Place::Tech => "technology",
            Place::Resolution => "resolution",
        }
    }

    fn analyzer(self) -> phrasing::Place {
        match self {
            Place::Outcome => phrasing::Place::Outcome,
            Place::Direction => phrasing::Place::Direction,
            Place::Tech => phrasing::Place::Tech,
            Place::Resolution => phrasing::Place::Resolution,
        }
    }
}

/// What every phrasing diagnostic says of the escapes an author has when
/// koomc misreads a sentence.
fn escape(lint: &str) -> String {
    format!(
        "if koomc misreads this sentence, end its line with `# koom: allow {lint}` (this directive only), or teach the project in `koom.toml`: `[phrasing] allow = [\"<word>\"]`"
    )
}

/// The source span of bytes `start..end` of a string literal's text. Text
/// with escapes cannot be mapped byte for byte, so the whole string is
/// labelled then.
fn span_in(sources: &SourceMap, text: &Text, start: usize, end: usize) -> Span {
    let literal = sources.text(text.span);
    let inner = literal
        .get(1..literal.len().saturating_sub(1))
        .unwrap_or("");
    if inner == text.node {
        Span::new(
            text.span.file,
            text.span.start() + 1 + start,
            text.span.start() + 1 + end,
        )
    } else {
        text.span
    }
}

/// The message, the label and the note for a finding.
fn explain(reason: &Reason, words: &str, what: &str) -> (String, String, &'static str) {
    match reason {
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
    }
}

/// E0306: a `because` that cites no metric or number.
fn cause(
    model: &Model,
    lex: &Lexicon,
    metrics: &Metrics,
    notes: &Annotations,
    out: &mut Diagnostics,
) {
    let Some(because) = notes.because() else {
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
