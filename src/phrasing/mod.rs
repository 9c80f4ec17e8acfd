//! The phrasing analyzer: is a text an outcome, a method, vague, or urgent
//! without clarity? (spec §6; seed §4 rules 2–3, §5.)
//!
//! Deterministic, offline and small: a tokenizer, a few word lists with
//! inflections (`lexicon.rs`) and rules that judge a word by its place:
//!
//! - an action verb heading a clause in the imperative ("Hire two
//!   inspectors"), after a modal ("Managers should schedule…"), or in the
//!   passive ("must be implemented") is a **method**;
//! - so is a means clause after the verb: `by` + gerund ("by introducing peer
//!   review"), `via`, `using`, `through` + something that is not a period,
//!   `with` + an activity;
//! - a direction verb ("reduce", "raise") on a means ("Reduce meetings") is a
//!   method; on a measure with a threshold it is the key-result form, an
//!   **outcome** ("Lower average handle time to 6 minutes"); without a
//!   threshold it is **vague** ("Improve customer satisfaction");
//! - vague terms ("significantly", "world-class") are vague outside a
//!   comparator ("at least", "or higher");
//! - urgency that stands in for a date ("ASAP", "immediately") is **urgent
//!   without clarity**; urgency as emphasis ("Urgent:") only when the text
//!   lacks a threshold or a date.
//!
//! When several apply: method, then urgent, then vague. A word counts as a
//! verb only where a verb stands: "Time to hire must fall below 35 days" has
//! its verb after `must`, so `hire` is part of the measure.

mod actors;
pub mod lexicon;
mod memo;
mod rewrite;
mod rules;
mod structure;
mod token;
mod word_hash;
pub mod wordnet;

pub use actors::{actors, Units};
pub use lexicon::{Adjustments, Lexicon};
pub use memo::{Memo, Readings, Stamp};

use structure::Text;
use token::{tokenize, Kind};

/// What the analyzer decided, and the words that decided it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Outcome,
    Method(Finding),
    UrgentUnclear(Finding),
    Vague(Finding),
}

impl Verdict {
    /// The label used in the evaluation set.
    pub fn label(&self) -> &'static str {
        match self {
            Verdict::Outcome => "outcome",
            Verdict::Method(_) => "method",
            Verdict::UrgentUnclear(_) => "urgent-unclear",
            Verdict::Vague(_) => "vague",
        }
    }
}

/// The deciding words: a byte range of the text, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub start: usize,
    pub end: usize,
    pub reason: Reason,
    /// The text in the outcome form, built from the author's words, with
    /// `<target>` and `<date>` only where the text has none; `None` where no
    /// measure can be found to build it from ("Hire two inspectors"), and
    /// always `None` from [`analyze_in`] (only [`explain_in`] builds it).
    pub rewrite: Option<String>,
    /// The byte range of the text that the rewrite stands for: its clause,
    /// without the closing punctuation (empty where there is no rewrite).
    pub rewrites: (usize, usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// An action verb that prescribes how (`hire`, `implement`).
    ActionVerb(String),
    /// A means clause (`by introducing`, `via`, `using`, `through`).
    Means(String),
    /// A direction verb on a means (`reduce meetings`).
    DirectionOnMeans(String),
    /// A direction or result verb with no threshold (`improve`).
    NoThreshold(String),
    /// A direction or result verb on no measure at all (`get us to 50`).
    NoMeasure(String),
    /// A vague term (`significantly`).
    VagueTerm(String),
    /// Urgency that stands in for a date (`ASAP`).
    Urgency(String),
    /// Urgency as emphasis with no threshold or no date (`Urgent:`).
    UrgencyWithoutClarity(String),
}

/// Where a text stands: outcomes and directions are judged fully; a
/// technology (`allocate tech`) and a resolution (`resolve`) only for
/// prescribing a procedure (no vague, no unmeasurable).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Outcome,
    Direction,
    Tech,
    Resolution,
}

/// Classify one outcome text (the same as `analyze_in(text, lex, Place::Outcome)`).
pub fn analyze(text: &str, lex: &Lexicon) -> Verdict {
    analyze_in(text, lex, Place::Outcome)
}

/// Classify one text in its place: the verdict and its deciding words,
/// what every text pays for.
pub fn analyze_in(text: &str, lex: &Lexicon, place: Place) -> Verdict {
    judged(text, lex, place, false)
}

/// [`analyze_in`], and the deciding finding carries its rewrite: what a
/// diagnostic's help shows. Building a rewrite and holding it to the
/// analyzer costs about as much again, so only the checker asks for it.
pub fn explain_in(text: &str, lex: &Lexicon, place: Place) -> Verdict {
    judged(text, lex, place, true)
}

fn judged(text: &str, lex: &Lexicon, place: Place, rewrite: bool) -> Verdict {
    verdict_of(&Text::new(text, lex), place, rewrite)
}

fn verdict_of(t: &Text, place: Place, rewrite: bool) -> Verdict {
    if t.len() == 0 {
        return Verdict::Outcome;
    }
    let found = rules::judge(t, place, rewrite);
    if let Some(f) = found.method {
        Verdict::Method(f)
    } else if let Some(f) = found.urgent {
        Verdict::UrgentUnclear(f)
    } else if let Some(f) = found.vague {
        Verdict::Vague(f)
    } else {
        Verdict::Outcome
    }
}

/// Whether a text names a number (digits or a number word).
pub fn has_number(text: &str, lex: &Lexicon) -> bool {
    names_number(&Text::new(text, lex))
}

fn names_number(t: &Text) -> bool {
    (0..t.len()).any(|i| t.threshold(i) || t.tokens[i].kind == Kind::Number)
}

/// All that the checker asks of one text in one place, from one reading
/// of it: the verdict with its rewrite ([`explain_in`]), where the worker
/// units of `units` act in it ([`actors`]), and whether it names a number
/// ([`has_number`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    pub verdict: Verdict,
    pub actors: Vec<(usize, usize)>,
    pub number: bool,
}

pub fn read(text: &str, lex: &Lexicon, place: Place, units: &Units) -> Reading {
    let t = Text::new(text, lex);
    Reading {
        verdict: verdict_of(&t, place, true),
        actors: actors::actors_in(&t, units),
        number: names_number(&t),
    }
}

/// The words of a text, lowercased, for matching metric names.
pub fn words(text: &str) -> Vec<String> {
    tokenize(text)
        .into_iter()
        .filter(|t| t.kind != Kind::Punct)
        .flat_map(|t| t.text.split('-').map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

#[cfg(test)]
mod tests;
