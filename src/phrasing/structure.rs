//! The chunker: a text's clauses and, in each, the slots a verdict is read
//! from.
//!
//! ```text
//! [opener] [lead-in,] SUBJECT  VERB-GROUP                 OBJECT       THRESHOLD   DEADLINE   ADJUNCT
//! Please                        hire                       two inspectors
//!                               Reduce                     call wait time  to 2 minutes
//! By 2030,                      halve                      the number of deaths                  by 2030
//!          Quality variance     must go down
//!          Overtime hours       must be reduced            by 12%      by the end of Q2
//!          Customer satisfaction must reach                85%         by year end  through a new callback program
//! ```
//!
//! The verb group is a modal or auxiliary chain (`must`, `has to`, `needs to`,
//! `is to`, `will be`), the main verb (its lemma from WordNet), whether it is
//! passive (`be` + participle) and its particle (`go down`, `roll out`). A
//! clause without one is an imperative when its first word is a verb's base
//! form (or a gerund: "Reducing the bank overdraft…"), a declarative when a
//! finite verb follows a subject ("Readership increases by 30%"), and verbless
//! otherwise ("Top decile patient experience scores"). A word that can be a
//! noun and a verb ("call", "review", "process", "ship") is a verb only in a
//! verb's slot: "Reduce call wait time" has its verb first, so `call` is part
//! of the object.

use std::borrow::Cow;
use std::cell::OnceCell;

use super::lexicon::{self, flag, participle_stem_of, Lexicon};
use super::token::{is_date_number, tokenize, Kind, Token};
use super::wordnet;

/// The tokens of a text outside parentheses, with per-token facts.
pub struct Text<'a> {
    pub source: &'a str,
    pub tokens: Vec<Token<'a>>,
    pub lex: &'a Lexicon,
    /// What is known of each token: one vector, one allocation.
    facts: Vec<Facts>,
}

/// What [`Text`] knows of one token.
struct Facts {
    /// The lexicon's [`flag`]s of the word.
    flags: u32,
    /// What the token is in its sentence ([`mark`]).
    marks: u8,
    /// The word's verb lemma, looked up on first use ([`Text::lemma`]).
    lemma: OnceCell<Lemma>,
}

/// The bits of [`Facts::marks`].
mod mark {
    /// A threshold word or number.
    pub const THRESHOLD: u8 = 1;
    /// A date or deadline word.
    pub const DATE: u8 = 1 << 1;
    /// Inside a comparator phrase ("at least", "or higher").
    pub const COMPARATOR: u8 = 1 << 2;
    /// Where a pseudo-threshold begins ("to a minimum").
    pub const PSEUDO: u8 = 1 << 3;
}

/// A word's verb lemma: none, a prefix of the word ("hire", "stopp[ed]"
/// cut to its stem), or a WordNet lemma ("undertook" → "undertake").
#[derive(Clone, Copy)]
enum Lemma {
    None,
    Prefix(usize),
    WordNet(&'static str),
}

/// What kind of verb heads a clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Changes a measure: `reduce`, `halve`, `go down`.
    Direction,
    /// Names a result: `reach`, `keep`, `achieve`.
    Result,
    /// Being: `be`, `become`, `remain`.
    State,
    /// Prescribes an action: a listed method verb or phrasal (`roll out`).
    Method,
    /// An action verb found only in WordNet (creation, social,
    /// communication, motion, contact, possession, competition, cognition).
    Action,
    /// A verb of change found only in WordNet (`bolster`, `decarbonise`).
    Change,
    /// Any other verb.
    Other,
}

/// How a clause is built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// "Hire two inspectors", "Reducing the bank overdraft…".
    Imperative,
    /// A subject and a modal or auxiliary chain: "Churn must fall…".
    Modal,
    /// A subject and a finite verb: "Readership increases by 30%".
    Declarative,
    /// A participle first: "Increased access to providers".
    Participle,
    /// No verb: "Top decile patient experience scores".
    Verbless,
}

/// The verb group.
#[derive(Clone, Debug)]
pub struct Verb {
    /// First and last token of the main verb (with its particle).
    pub at: usize,
    pub end: usize,
    /// The lemma, with the particle: `go down`; borrowed from the WordNet
    /// table where it is a word of it (most are), so that a verb costs no
    /// allocation.
    pub lemma: Cow<'static, str>,
    pub class: Class,
    pub passive: bool,
    /// Where the modal or auxiliary chain begins, if there is one.
    pub modal: Option<usize>,
}

/// One clause and its slots (token indices into [`Text::tokens`]).
#[derive(Clone, Debug)]
pub struct Clause {
    pub from: usize,
    pub to: usize,
    /// The first word after openers and a lead-in phrase.
    pub head: usize,
    pub form: Form,
    pub verb: Option<Verb>,
    /// Further verbs coordinated with the first ("Agree and document").
    pub also: Vec<Verb>,
    /// `head..subject_end` is the subject (empty for an imperative).
    pub subject_end: usize,
    /// The object: after the verb up to the first preposition or stop.
    pub object: (usize, usize),
    pub threshold: bool,
    /// "Please", "we", "let's": a polite or first-person imperative.
    pub polite: bool,
    /// "Ensure", "Make sure": the clause states a condition to bring about.
    pub ensure: bool,
}

/// Words that begin a clause without being its verb.
pub const SUBORDINATORS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "how", "where", "when", "so", "because", "while",
    "if", "whether", "in", "to", "so that", "as", "than", "until", "unless",
];

/// Modals and auxiliaries that open a verb group.
pub const AUX: &[&str] = &[
    "must", "should", "will", "shall", "can", "may", "might", "would", "could", "ought", "need",
    "needs", "needed", "has", "have", "had", "is", "are", "was", "were", "be", "been", "want",
    "wants", "aim", "aims", "plan", "plans", "intend", "intends", "expect", "expects", "going",
    "being", "we'll", "i'll", "you'll", "they'll", "we're", "i'm", "we've", "we'd", "it'll",
    "don't", "doesn't", "cannot", "can't", "won't", "mustn't",
];

/// Auxiliaries only before `to` ("plans to", "aims to"); elsewhere nouns
/// or verbs ("a contingency plan").
pub const SEMI_MODALS: &[&str] = &[
    "want", "wants", "aim", "aims", "plan", "plans", "intend", "intends", "expect", "expects",
    "going", "being",
];

/// A person and an auxiliary contracted into one word: the one who acts
/// and the start of the verb group ("We'll hire two inspectors").
pub const PERSON_AUX: &[&str] = &[
    "we'll", "i'll", "you'll", "they'll", "we're", "i'm", "we've", "we'd",
];

pub const COPULAS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Prepositions and conjunctions that end an object.
pub const OBJECT_STOPS: &[&str] = &[
    "by", "to", "from", "under", "below", "above", "over", "at", "in", "within", "for", "on",
    "across", "while", "without", "with", "using", "via", "through", "and", "or", "so", "than",
    "into", "per", "during", "before", "after", "back", "that", "which", "who", "where", "each",
    "every", "up", "down", "between", "among", "against", "around", "beyond", "now", "today",
    "again", "as",
];

/// Verbs of effort before `to` + verb or `on` + gerund: the frame, not the
/// verb of the clause ([`Text::framed`]).
pub const FRAME_VERBS: &[&str] = &[
    "continue",
    "begin",
    "start",
    "resume",
    "strive",
    "seek",
    "work",
    "try",
    "endeavour",
    "endeavor",
    "aspire",
    "commit",
    "focus",
    "dedicate",
    "aim",
];

/// The words [`Text::is_threshold`] asks of by name (a fraction's
/// denominator, a counted `one`/`every`/`all`/`none`/`no`, a baseline):
/// flagged [`flag::THRESHOLD_WORD`] so that other words are passed over by
/// one test. Keep in step with `is_fraction` and `Text::baseline_at`.
pub const THRESHOLD_WORDS: &[&str] = &[
    "third",
    "thirds",
    "fifth",
    "fifths",
    "tenth",
    "tenths",
    "one",
    "every",
    "all",
    "none",
    "no",
    "current",
    "present",
    "existing",
    "today's",
    "average",
    "median",
    "benchmark",
];

pub const LEAD_INS: &[&str] = &[
    "by",
    "over",
    "in",
    "within",
    "during",
    "each",
    "every",
    "from",
    "for",
    "before",
    "after",
    "at",
    "on",
    "through",
    "across",
    "starting",
    "beginning",
    "until",
    "this",
    "next",
    "as",
];

impl<'a> Text<'a> {
    pub fn new(text: &'a str, lex: &'a Lexicon) -> Text<'a> {
        let mut tokens = tokenize(text);
        tokens.retain(|t| !t.aside);
        let n = tokens.len();
        let facts = tokens
            .iter()
            .map(|tok| Facts {
                flags: lex
                    .flags
                    .get(tok.text.as_ref())
                    .unwrap_or_else(|| hyphenated_number(&tok.text, lex)),
                marks: 0,
                lemma: OnceCell::new(),
            })
            .collect();
        let mut t = Text {
            source: text,
            tokens,
            lex,
            facts,
        };
        // One pass: the marks of a token depend on the comparators that
        // begin at or before it and on words and flags, never on a later
        // token's marks.
        for i in 0..n {
            if let Some(c) = t.phrase_at(i, &lex.comparators) {
                let len = c.len();
                for f in &mut t.facts[i..(i + len).min(n)] {
                    f.marks |= mark::COMPARATOR;
                }
            }
            t.mark(i);
        }
        t
    }

    /// The threshold, date and pseudo-threshold marks of the token at `i`.
    fn mark(&mut self, i: usize) {
        let mut threshold = self.is_threshold(i);
        let mut date = self.is_date(i);
        let pseudo = self.pseudo_threshold_at(i);
        // A rating band ("Good or Outstanding", "good or very good") is a
        // threshold: the share of answers in it is what is measured.
        let vague = |k: usize| self.has(k, flag::VAGUE);
        if i + 2 < self.len()
            && vague(i)
            && self.word(i + 1) == "or"
            && (vague(i + 2) || (self.word(i + 2) == "very" && vague(i + 3)))
        {
            threshold = true;
        }
        if self.grade_at(i) {
            threshold = true;
        }
        if self.period_ahead_at(i) || self.day_of_month_at(i) {
            threshold = false;
            date = true;
        }
        self.set(i, mark::THRESHOLD, threshold);
        self.set(i, mark::DATE, date);
        self.set(i, mark::PSEUDO, pseudo);
    }

    fn set(&mut self, i: usize, bit: u8, on: bool) {
        if on {
            self.facts[i].marks |= bit;
        } else {
            self.facts[i].marks &= !bit;
        }
    }

    /// A threshold word or number at `i` (a token of the text).
    pub fn threshold(&self, i: usize) -> bool {
        self.facts[i].marks & mark::THRESHOLD != 0
    }

    /// A date or deadline word at `i` (a token of the text).
    pub fn date(&self, i: usize) -> bool {
        self.facts[i].marks & mark::DATE != 0
    }

    /// A date or deadline word at `i`, if there is a token at `i`.
    pub fn date_at(&self, i: usize) -> bool {
        self.facts.get(i).is_some_and(|f| f.marks & mark::DATE != 0)
    }

    /// Inside a comparator phrase ("at least", "or higher") at `i`.
    pub fn comparator(&self, i: usize) -> bool {
        self.facts[i].marks & mark::COMPARATOR != 0
    }

    /// Where a pseudo-threshold begins ("to a minimum") at `i`.
    pub fn pseudo(&self, i: usize) -> bool {
        self.facts[i].marks & mark::PSEUDO != 0
    }

    /// "in the next 4 weeks", "over the next five years": a number of
    /// periods from now is a deadline, not a threshold.
    fn period_ahead_at(&self, i: usize) -> bool {
        i > 0
            && self.word(i - 1) == "next"
            && (self.tokens[i].kind == Kind::Number || self.has(i, flag::NUMBER))
            && matches!(
                self.word(i + 1),
                "days" | "weeks" | "months" | "quarters" | "years" | "decades"
            )
    }

    /// A threshold in words that sets none ("reduced to a minimum", "a
    /// healthy level"). "a minimum of 10%" bounds, and so does "a minimum
    /// static pressure of 35 psi", where `minimum` qualifies a noun.
    fn pseudo_threshold_at(&self, i: usize) -> bool {
        let Some(p) = self.phrase_at(i, &self.lex.pseudo_thresholds) else {
            return false;
        };
        let next = i + p.len();
        let qualifies = matches!(p.last().map(String::as_str), Some("minimum" | "maximum"))
            && self.is_word(next)
            && !self.has(next, flag::OBJECT_STOP);
        !self.comparator(i) && !qualifies
    }

    /// "March 31", "31 March", "Dec. 31, 2027": a day beside a month's name
    /// is part of a date, not an amount.
    fn day_of_month_at(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let day = t.kind == Kind::Number
            && t.text.len() <= 2
            && t.text.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d));
        if !day {
            return false;
        }
        let month = |k: usize| lexicon::is_month(self.word(k));
        let before = month(i.wrapping_sub(1))
            || (self.word(i.wrapping_sub(1)) == "." && month(i.wrapping_sub(2)));
        before || month(i + 1)
    }

    /// A named grade on a rating is a threshold: "a Gold EcoVadis rating",
    /// "a CDP Climate score of A-", "AAA credit rating".
    fn grade_at(&self, i: usize) -> bool {
        const RATINGS: &[&str] = &[
            "rating",
            "ratings",
            "score",
            "grade",
            "status",
            "level",
            "certification",
            "award",
            "accreditation",
            "medal",
        ];
        let t = &self.tokens[i];
        // A medal and a letter grade are words (a word with a digit is a
        // number): most tokens are asked nothing more.
        if t.kind != Kind::Word {
            return false;
        }
        let medal = matches!(t.text.as_ref(), "gold" | "silver" | "bronze" | "platinum")
            && (i + 1..self.len().min(i + 4)).any(|k| RATINGS.contains(&self.word(k)));
        let letter = t.end - t.start <= 3
            && self.source.as_bytes()[t.start..t.end]
                .iter()
                .all(|b| matches!(b, b'A'..=b'F'))
            && i >= 2
            && self.word(i - 1) == "of"
            && RATINGS.contains(&self.word(i - 2));
        medal || letter
    }

    /// The lexicon's [`flag`]s of the word at `i` (a token of the text).
    pub fn flags(&self, i: usize) -> u32 {
        self.facts[i].flags
    }

    /// Whether the word at `i` has a lexicon [`flag`].
    pub fn has(&self, i: usize, bit: u32) -> bool {
        self.facts.get(i).is_some_and(|f| f.flags & bit != 0)
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text.as_ref())
    }

    /// The verb lemma of the word at `i` ([`Lexicon::verb_lemma`]), computed
    /// once per word: the clause rules ask for it many times.
    pub fn lemma(&self, i: usize) -> Option<&str> {
        let w = self.word(i);
        let cell = &self.facts.get(i)?.lemma;
        let l = *cell.get_or_init(|| self.find_lemma(i, w));
        match l {
            Lemma::None => None,
            Lemma::Prefix(n) => Some(&w[..n]),
            Lemma::WordNet(l) => Some(l),
        }
    }

    /// The lemma of the word at `i` where it is a `'static` string of the
    /// WordNet table (a [`Verb`] holds it without a copy).
    fn static_lemma(&self, i: usize) -> Option<&'static str> {
        self.lemma(i)?;
        match self.facts[i].lemma.get() {
            Some(Lemma::WordNet(l)) => Some(l),
            _ => None,
        }
    }

    /// [`Lexicon::verb_lemma`] of the word `w` at `i`, with WordNet's lemma
    /// kept as a `'static` string, so that WordNet is asked once per word,
    /// not twice, and the lists by the word's flags.
    fn find_lemma(&self, i: usize, w: &str) -> Lemma {
        if self.has(i, flag::METHOD_BASE | flag::DIRECTION_BASE) {
            // The word itself, as the WordNet table holds it where it does.
            return wordnet::interned(w).map_or(Lemma::Prefix(w.len()), Lemma::WordNet);
        }
        if let Some(l) = wordnet::verb_lemma(w) {
            return Lemma::WordNet(l);
        }
        if self.has(i, flag::LISTED_PARTICIPLE) {
            Lemma::Prefix(participle_stem_of(w).len())
        } else {
            Lemma::None
        }
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    fn is_threshold(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let w = t.text.as_ref();
        match t.kind {
            Kind::Number => !is_date_number(w) && !self.is_identifier(i),
            Kind::Word => {
                // A word that is no number or multiplier is a threshold only
                // if it is one of THRESHOLD_WORDS: most are asked nothing.
                let f = self.facts[i].flags;
                if f & (flag::MULTIPLIER | flag::NUMBER | flag::THRESHOLD_WORD) == 0 {
                    return false;
                }
                // "by a third", "two thirds of": a fraction.
                let fraction = is_fraction(w)
                    && matches!(self.word(i.wrapping_sub(1)), "a" | "one" | "two" | "three");
                if fraction {
                    return true;
                }
                let counted = matches!(w, "one" | "every" | "all" | "none" | "no")
                    && (self.word(i.wrapping_sub(1)) == "number"
                        || (i > 0 && self.comparator(i - 1)));
                // "within one working day", "below one minute": a measure.
                let unit = w == "one"
                    && matches!(
                        self.word(i.wrapping_sub(1)),
                        "within" | "under" | "below" | "than" | "to" | "at"
                    )
                    && (matches!(self.word(i + 1), "working" | "business" | "calendar")
                        || wordnet::as_noun(self.word(i + 1)).is_some_and(|e| {
                            e.noun_first & (wordnet::noun::TIME | wordnet::noun::QUANTITY) != 0
                        }));
                f & flag::MULTIPLIER != 0
                    || counted
                    || unit
                    || self.baseline_at(i)
                    || (f & flag::NUMBER != 0
                        && !matches!(w, "every" | "all" | "no" | "none" | "one" | "double"))
            }
            Kind::Punct => false,
        }
    }

    /// The baseline as the bound: "maintain satisfaction levels at current
    /// level", "hold headcount at the present levels" (no worse than now),
    /// or a published average.
    fn baseline_at(&self, i: usize) -> bool {
        let before = if self.word(i.wrapping_sub(1)) == "the" {
            i.wrapping_sub(2)
        } else {
            i.wrapping_sub(1)
        };
        let current = matches!(self.word(i), "current" | "present" | "existing" | "today's")
            && matches!(self.word(i + 1), "level" | "levels")
            && self.word(before) == "at";
        // "Meet and exceed the State average", "above the national median":
        // a published average as the bound.
        let average = matches!(self.word(i), "average" | "median" | "benchmark")
            && (i.saturating_sub(4)..i).any(|k| {
                matches!(
                    self.word(k),
                    "meet" | "exceed" | "beat" | "match" | "surpass" | "above" | "below"
                )
            });
        current || average
    }

    /// A number that names rather than counts: a code of digits and capitals
    /// ("5S", "B2B", "A320"), or a bare number after a naming word or a
    /// proper name (not an acronym) and before no noun ("Line 2", "Scope 3",
    /// "version 3.0", "PostgreSQL 16").
    fn is_identifier(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let raw = &self.source[t.start..t.end];
        let code = raw.bytes().any(|b| b.is_ascii_digit())
            && raw
                .bytes()
                .any(|b| b.is_ascii_uppercase() && !matches!(b, b'K' | b'M' | b'B' | b'X' | b'H'))
            && raw.bytes().all(|b| b.is_ascii_alphanumeric());
        if code {
            return true;
        }
        let bare = raw.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        if !bare || i == 0 || self.has(i + 1, flag::DATE) {
            return false;
        }
        let prev = &self.tokens[i - 1];
        let naming = matches!(
            prev.text.as_ref(),
            "version"
                | "v"
                | "release"
                | "phase"
                | "line"
                | "scope"
                | "gen"
                | "generation"
                | "series"
                | "model"
                | "route"
                | "ward"
                | "building"
                | "plant"
                | "gate"
                | "wave"
                | "cohort"
                | "sprint"
                | "pillar"
                | "goal"
                | "objective"
                | "sdg"
                | "kr"
        );
        let proper = prev.kind == Kind::Word
            && i >= 2
            && self.source[prev.start..].starts_with(|c: char| c.is_ascii_uppercase())
            // an acronym is a measure's name: "EBITDA 2.5x", "NPS 40"
            && self.source[prev.start..prev.end].bytes().any(|b| b.is_ascii_lowercase())
            && wordnet::entry(&prev.text).is_none()
            && prev.text.len() > 4;
        let noun_after = self.is_word(i + 1)
            && !self.has(i + 1, flag::OBJECT_STOP)
            && wordnet::as_noun(self.word(i + 1)).is_some();
        (naming || proper) && !noun_after
    }

    fn is_date(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        match t.kind {
            Kind::Number => is_date_number(&t.text),
            Kind::Word => {
                let w = t.text.as_ref();
                // A date word; "fall", "may" and "march" only where a date
                // stands (asked only of a date word).
                let dated = || {
                    matches!(
                        self.word(i.wrapping_sub(1)),
                        "in" | "by"
                            | "this"
                            | "next"
                            | "of"
                            | "early"
                            | "late"
                            | "mid"
                            | "until"
                            | "before"
                            | "after"
                            | "through"
                    ) || self
                        .tokens
                        .get(i + 1)
                        .is_some_and(|n| n.kind == Kind::Number)
                };
                let ambiguous = || matches!(w, "fall" | "may" | "march");
                (self.facts[i].flags & flag::DATE != 0 && (!ambiguous() || dated()))
                    || (w == "end" && matches!(self.word(i + 1), "of" | "date"))
            }
            Kind::Punct => false,
        }
    }

    /// The first phrase of a set that the words from `i` match. Inlined:
    /// most words begin no phrase of the set, and its flag says so without
    /// a call.
    #[inline]
    pub fn phrase_at<'p>(
        &self,
        i: usize,
        set: &'p super::lexicon::Phrases,
    ) -> Option<&'p Vec<String>> {
        let bit = if set.flag == 0 {
            flag::PHRASE
        } else {
            set.flag
        };
        if self.facts.get(i).is_none_or(|f| f.flags & bit == 0) {
            return None;
        }
        self.phrase_starting(i, set)
    }

    /// [`Text::phrase_at`] for a word that begins some phrase.
    #[inline(never)]
    fn phrase_starting<'p>(
        &self,
        i: usize,
        set: &'p super::lexicon::Phrases,
    ) -> Option<&'p Vec<String>> {
        // A phrase of several words needs its second word next.
        if !set.single && !self.has(i + 1, flag::PHRASE_SECOND) {
            return None;
        }
        set.starting(self.word(i)).find(|p| self.matches(i, p))
    }

    /// Whether the words from `i` match `phrase`.
    pub fn matches(&self, i: usize, phrase: &[String]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(k, w)| self.tokens.get(i + k).is_some_and(|t| t.text == *w))
    }

    /// Clauses: token ranges split at sentence punctuation, at `, and`, and
    /// at `and` before a method verb ("…include questions and develop
    /// criteria").
    /// An iterator, not a vector: [`Text::clauses`] reads them once.
    pub fn clause_ranges(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let n = self.tokens.len();
        let (mut start, mut i) = (0, 0);
        std::iter::from_fn(move || {
            while i < n {
                let at = i;
                i += 1;
                if self.clause_boundary(at, start) {
                    let from = std::mem::replace(&mut start, at + 1);
                    if at > from {
                        return Some((from, at));
                    }
                }
            }
            (start < n).then(|| (std::mem::replace(&mut start, n), n))
        })
    }

    /// Whether the token at `i` ends the clause that began at `start`.
    fn clause_boundary(&self, i: usize, start: usize) -> bool {
        let t = &self.tokens[i];
        // A punctuation token is never `and` (`&` is a word).
        if t.kind == Kind::Punct {
            matches!(t.text.as_ref(), "." | ";" | ":" | "!" | "?" | "—")
                || (t.text == ","
                    && matches!(self.word(i + 1), "and" | "but" | "then" | "so" | "or")
                    && self.is_word(i + 2)
                    && self.is_word(i + 3)
                    && !self.in_adjective_series(i))
        } else {
            t.text == "and"
                && i > start + 2
                && self.has(i + 1, flag::METHOD_BASE)
                && self.is_word(i + 2)
                && !matches!(self.word(i + 2), "of" | "and" | "or")
        }
    }

    /// The base-form verb class of a word at a verb's slot.
    /// The lists are asked by the lemma's [`flag`]s, one lookup for all
    /// (the flags hold each list's words: `Lexicon::flagged`).
    pub fn class_of(&self, lemma: &str) -> Class {
        let lex = self.lex;
        let f = lex.flags.get(lemma).unwrap_or(0);
        if lex.allowed.contains(lemma) {
            Class::Other
        } else if f & (flag::DIRECTION_BASE | flag::PHRASAL_DIRECTION) != 0 {
            Class::Direction
        } else if f & (flag::METHOD_BASE | flag::PHRASAL_METHOD) != 0 {
            Class::Method
        } else if f & flag::STATE_VERB != 0 {
            Class::State
        } else if f & flag::RESULT_BASE != 0 {
            Class::Result
        } else {
            wordnet_class(lemma)
        }
    }

    /// The verb at `i` as a clause's main verb.
    pub fn verb_here(&self, i: usize) -> Verb {
        self.verb_at(i, None, false)
    }

    /// The main verb at `i` (a form of a verb), with a phrasal particle.
    fn verb_at(&self, i: usize, modal: Option<usize>, passive: bool) -> Verb {
        let w = self.word(i);
        let lemma = match self.static_lemma(i) {
            Some(l) => Cow::Borrowed(l),
            None => Cow::Owned(self.lemma(i).unwrap_or(w).to_owned()),
        };
        let particle = self.word(i + 1);
        if matches!(
            particle,
            "down" | "up" | "out" | "back" | "off" | "around" | "over" | "in" | "on"
        ) {
            let phrasal = format!("{lemma} {particle}");
            if self.lex.phrasal_direction.contains(&phrasal)
                || self.lex.phrasal_method.contains(&phrasal)
            {
                let class = self.class_of(&phrasal);
                return Verb {
                    at: i,
                    end: i + 1,
                    lemma: Cow::Owned(phrasal),
                    class,
                    passive,
                    modal,
                };
            }
        }
        // "get those waiting lists down", "drive costs down": the particle
        // after a short object.
        let split = (i + 2..self.len().min(i + 7))
            .take_while(|&k| self.is_word(k))
            .find(|&k| {
                matches!(self.word(k), "down" | "up")
                    || (self.has(k, flag::OBJECT_STOP) && !matches!(self.word(k), "each" | "every"))
            })
            .filter(|&k| matches!(self.word(k), "down" | "up"))
            .map(|k| format!("{lemma} {}", self.word(k)))
            .filter(|p| self.lex.phrasal_direction.contains(p) && !passive);
        if let Some(phrasal) = split {
            return Verb {
                at: i,
                end: i,
                class: self.class_of(&phrasal),
                lemma: Cow::Owned(phrasal),
                passive,
                modal,
            };
        }
        let class = self.class_of(&lemma);
        Verb {
            at: i,
            end: i,
            lemma,
            class,
            passive,
            modal,
        }
    }

    /// Chunk every clause.
    pub fn clauses(&self) -> Vec<Clause> {
        let mut out = Vec::new();
        for (from, to) in self.clause_ranges() {
            let mut start = from;
            loop {
                let c = self.clause(start, to);
                let Some((cut, next)) = self.next_phrase(&c) else {
                    out.push(c);
                    break;
                };
                out.push(self.clause(start, cut));
                start = next;
            }
        }
        out
    }

    /// "We are combining teams, reducing layers, eliminating non-core
    /// projects…", "Build X and provide Y": after a comma or `and`, a verb of
    /// the main verb's form with an object of its own begins the next verb
    /// phrase, judged as a clause of its own (the separator and its index).
    fn next_phrase(&self, c: &Clause) -> Option<(usize, usize)> {
        let v = c.verb.as_ref()?;
        if !matches!(c.form, Form::Imperative | Form::Modal) || v.passive {
            return None;
        }
        let gerund = self.word(v.at).ends_with("ing");
        (c.object.1.max(v.end + 1)..c.to)
            .take_while(|&i| !self.subordinates(i))
            .find_map(|i| {
                let sep = self.word(i);
                if !matches!(sep, "," | "and") {
                    return None;
                }
                let j = if sep == "," && self.word(i + 1) == "and" {
                    i + 2
                } else {
                    i + 1
                };
                let w = self.word(j);
                let verb = if gerund {
                    w.ends_with("ing") && self.lemma(j).is_some()
                } else {
                    // After a bare `and` only a listed verb or one taking a
                    // determiner: "undergraduate and graduate graduation
                    // rates" is one noun phrase.
                    !w.ends_with("ing")
                        && self.is_base_verb(j)
                        && self.prefers_verb(j)
                        && (sep == "," || self.starts_verb_phrase(j))
                };
                let object = self.is_word(j + 1)
                    && !self.has(j + 1, flag::OBJECT_STOP)
                    && self.word(j + 1) != "of";
                (verb && object).then_some((i, j))
            })
    }

    fn clause(&self, from: usize, to: usize) -> Clause {
        let (head, polite, ensure) = self.head(from, to);
        let mut c = Clause {
            from,
            to,
            head,
            form: Form::Verbless,
            verb: None,
            also: Vec::new(),
            subject_end: head,
            object: (head, head),
            threshold: (from..to).any(|i| self.threshold(i)),
            polite,
            ensure,
        };
        if head >= to {
            return c;
        }
        self.verb_group(&mut c);
        if matches!(c.form, Form::Modal | Form::Declarative) {
            c.threshold = (from..to).any(|i| self.threshold(i) && !self.qualifies(&c, i));
        }
        if let Some(v) = &c.verb {
            c.also = self.coordinated(v.end + 1, to);
            let mut start = c.also.last().map_or(v.end, |a| a.end) + 1;
            // "Specify, wherever possible, the use of…": an aside between
            // commas before the object.
            if self.word(start) == "," {
                if let Some(close) = (start + 1..to.min(start + 10)).find(|&k| self.word(k) == ",")
                {
                    if self.determined(close + 1) && !self.has(start + 1, flag::AUX) {
                        start = close + 1;
                    }
                }
            }
            let mut end = start;
            while end < to && !self.ends_object(end) {
                end += 1;
            }
            c.object = (start, end);
        }
        c
    }

    /// A verb at `j` after `and` that begins a verb phrase: a listed verb, a
    /// word that is only a verb ("infuse"), or a verb taking a determiner ("… and graduate programs" is a noun
    /// phrase, "… and develop the criteria" a verb phrase).
    fn starts_verb_phrase(&self, j: usize) -> bool {
        let w = self.word(j);
        self.is_base_verb(j)
            && (self.has(
                j,
                flag::METHOD_BASE | flag::DIRECTION_BASE | flag::RESULT_BASE,
            ) || wordnet::entry(w).is_some_and(|e| e.noun == 0 && e.adj == 0)
                || self.determined(j + 1))
    }

    fn ends_object(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        // "a talented and diverse workforce": `and` between qualifiers.
        if matches!(t.text.as_ref(), "and" | "or")
            && !self.starts_verb_phrase(i + 1)
            && !matches!(self.word(i + 1), "a" | "an" | "the" | "our" | "their")
            && self.tokens.get(i + 1).is_some_and(|n| n.kind == Kind::Word)
        {
            return false;
        }
        if t.text == "," && self.in_adjective_series(i) {
            return false;
        }
        // "decisions about key partners": a topic ends the object ("about
        // 50%" is an amount).
        if t.text == "about" && !self.amount_follows(i + 1) {
            return true;
        }
        t.kind == Kind::Punct
            || (self.has(i, flag::OBJECT_STOP) && !self.comparator(i))
            || (self.comparator(i) && !self.comparator(i.saturating_sub(1)))
    }

    /// A comma between two adjectives of one noun phrase ("quick, effective,
    /// and efficient support", "a safe, welcoming environment"): it ends
    /// neither the object nor the clause.
    pub fn in_adjective_series(&self, comma: usize) -> bool {
        let adjective = |k: usize| {
            self.is_word(k)
                && wordnet::entry(self.word(k))
                    .is_some_and(|e| e.adj > 0 && e.adj >= e.noun && e.adj >= e.verb)
        };
        let next = if matches!(self.word(comma + 1), "and" | "or") {
            comma + 2
        } else {
            comma + 1
        };
        comma > 0 && adjective(comma - 1) && adjective(next)
    }

    /// Verbs joined to the first by `and` or a comma: "Activate and train",
    /// "Plan, manage, monitor, and control".
    fn coordinated(&self, from: usize, to: usize) -> Vec<Verb> {
        let mut out = Vec::new();
        let mut i = from;
        while i + 1 < to && matches!(self.word(i), "and" | "," | "or") {
            let j = if self.word(i + 1) == "and" {
                i + 2
            } else {
                i + 1
            };
            // "… accountability and staff and physician engagement": a word
            // followed by `and` and a noun is a noun.
            let noun_pair = matches!(self.word(j + 1), "and" | "or") && !self.is_base_verb(j + 2);
            if j >= to || !self.is_base_verb(j) || noun_pair {
                break;
            }
            let v = self.verb_at(j, None, false);
            i = v.end + 1;
            out.push(v);
        }
        out
    }

    /// Skip openers ("Please", "We"), a lead-in phrase before a comma ("By
    /// 2030,"), the organization's name, and "Ensure (that)" / "Make sure".
    fn head(&self, from: usize, to: usize) -> (usize, bool, bool) {
        let lex = self.lex;
        let mut head = from;
        let mut polite = false;
        let mut ensure = false;
        loop {
            let start = head;
            while head < to && lex.openers.contains(self.word(head)) {
                polite |= matches!(self.word(head), "please" | "let's" | "lets" | "we" | "i");
                head += 1;
            }
            // "We'll hire…", "I'm going to…": a person and an auxiliary in
            // one word, the start of the verb group.
            polite |= PERSON_AUX.contains(&self.word(head));
            while head + 1 < to
                && (self.word(head) == "to"
                    || (self.word(head).ends_with("ly")
                        && self.lemma(head).is_none()
                        && self.is_base_verb(head + 1)))
            {
                head += 1;
            }
            if let Some(verb) = self.framed(head) {
                head = verb;
            }
            head = self.purpose_lead_in(head, to);
            if head < to && self.has(head, flag::LEAD_IN) {
                if let Some(comma) = (head + 1..to.min(head + 12)).find(|&i| self.word(i) == ",") {
                    head = comma + 1;
                }
            }
            if matches!(self.word(head), "ensure" | "assure")
                || (self.word(head) == "make" && self.word(head + 1) == "sure")
            {
                ensure = true;
                head += if self.word(head) == "make" { 2 } else { 1 };
                if self.word(head) == "that" {
                    head += 1;
                }
            }
            if head == start {
                break;
            }
        }
        (head, polite, ensure)
    }

    /// The verb an effort frame introduces: "continue to", "strive to",
    /// "work to", "seek to", "focus on reducing", "committed to using". The
    /// frame adds effort, not content: the verb after it is the clause's.
    pub fn framed(&self, i: usize) -> Option<usize> {
        let lemma = self.lemma(i)?;
        let gerund = |k: usize| self.word(k).ends_with("ing") && self.lemma(k).is_some();
        // "We have set a new target to reduce…", "set a target of reducing…":
        // the target is stated, its setting is not a method.
        if lemma == "set" {
            let goal = (i + 1..i + 5).find(|&k| {
                matches!(
                    self.word(k),
                    "target" | "targets" | "goal" | "goals" | "ambition"
                )
            })?;
            return match self.word(goal + 1) {
                "to" if self.is_base_verb(goal + 2) => Some(goal + 2),
                "of" if gerund(goal + 2) => Some(goal + 2),
                _ => None,
            };
        }
        if !FRAME_VERBS.contains(&lemma) {
            return None;
        }
        let next = self.word(i + 1);
        // "strive to continually improve": an adverb before the verb.
        let v = if self.word(i + 2).ends_with("ly") && self.lemma(i + 2).is_none() {
            i + 3
        } else {
            i + 2
        };
        match next {
            "to" if self.is_base_verb(v) || gerund(v) => Some(v),
            "on" | "upon" if gerund(i + 2) => Some(i + 2),
            _ => None,
        }
    }

    /// A fronted purpose before the main clause: "To reduce GHG emissions,
    /// the CAP aims to set…", "To reach this target we will need to invest…".
    fn purpose_lead_in(&self, head: usize, to: usize) -> usize {
        if head == 0 || self.word(head - 1) != "to" || !self.is_base_verb(head) {
            return head;
        }
        let subject_and_modal = |s: usize| {
            (s + 1..to.min(s + 6)).any(|m| self.has(m, flag::AUX) && !self.has(m, flag::SEMI_MODAL))
                && !self.has(s, flag::AUX)
        };
        let end = to.min(head + 16);
        if let Some(comma) = (head + 1..end).find(|&i| self.word(i) == ",") {
            if subject_and_modal(comma + 1) {
                return comma + 1;
            }
        }
        (head + 2..end)
            .find(|&i| matches!(self.word(i), "we" | "i" | "they") && self.has(i + 1, flag::AUX))
            .unwrap_or(head)
    }

    /// The end of the organization's name at `head` ("Open Harvest serves…"):
    /// a subject, whatever its words.
    fn name_end(&self, head: usize) -> Option<usize> {
        self.lex
            .subjects
            .iter()
            .find(|name| !name.is_empty() && self.matches(head, name))
            .map(|name| head + name.len())
    }

    /// A verb's base form at `i` (not a word that only looks like one).
    pub fn is_base_verb(&self, i: usize) -> bool {
        let w = self.word(i);
        const LISTED: u32 =
            flag::METHOD_BASE | flag::DIRECTION_BASE | flag::RESULT_BASE | flag::STATE_VERB;
        self.is_word(i)
            && (self.has(i, LISTED)
                || wordnet::entry(w).is_some_and(|e| {
                    // A verb use SemCor never saw, of a word it knows as a
                    // noun or adjective ("low", "traffic"), is not read.
                    e.verb > 1 || (e.verb == 1 && e.noun.max(e.adj) < 5)
                }))
    }

    /// Find the verb group and the form of the clause.
    fn verb_group(&self, c: &mut Clause) {
        let (head, to) = (c.head, c.to);
        if let Some(end) = self.name_end(head) {
            if let Some(m) = (end..to)
                .find(|&i| self.has(i, flag::AUX))
                .filter(|&m| m == end)
            {
                return self.modal_group(c, m);
            }
            if end < to && self.lemma(end).is_some() {
                c.form = Form::Declarative;
                c.subject_end = end;
                c.verb = Some(self.verb_at(end, None, false));
            } else {
                c.subject_end = to;
            }
            return;
        }
        // After "Ensure (that)" a condition follows: its first word is a
        // subject ("Ensure that planning efforts … manage…").
        let imperative_head = !c.ensure
            && self.is_base_verb(head)
            && self.word(head + 1) != "of"
            && !self.measure_before_comparator(head, to);
        // A modal or auxiliary before any subordinate clause.
        let aux = (head..to)
            .take_while(|&i| {
                let w = self.word(i);
                let subordinate = i > head && self.subordinates(i);
                !(subordinate || (imperative_head && w == ","))
            })
            .find(|&i| {
                // "Please have store managers run…": a causative, not `have`.
                let causative = self.word(i) == "have" && self.word(i.wrapping_sub(1)) == "please";
                self.has(i, flag::AUX)
                    && (i > head || (c.polite && !causative))
                    && (!self.has(i, flag::SEMI_MODAL) || self.word(i + 1) == "to")
            });
        if let Some(m) =
            aux.filter(|&m| !(imperative_head && m == head + 1 && self.word(m) == "need"))
        {
            // "Call wait time … must come down": a modal later makes the head
            // a subject, unless the head verb takes a determiner ("Review the
            // contracts that must be renewed").
            if !(imperative_head
                && self.prefers_verb(head)
                && m > head + 3
                && self.determined(head + 1))
            {
                return self.modal_group(c, m);
            }
        }
        let w = self.word(head);
        // "Machining keeps the second shift": a gerund before a finite verb
        // and its object names the subject (a unit, an activity that acts).
        let subject = head + 2 < to
            && self.finite_verb(head + 1, head + 2).is_some()
            && self.determined(head + 2);
        let gerund = !c.ensure && w.ends_with("ing") && self.lemma(head).is_some() && !subject;
        if (imperative_head && !self.finite_after(head + 1, to)) || gerund {
            c.form = Form::Imperative;
            c.verb = Some(self.verb_at(head, None, false));
        } else if w.ends_with("ed") && self.lemma(head).is_some() {
            c.form = Form::Participle;
            c.verb = Some(self.verb_at(head, None, true));
        } else if let Some(v) = self.finite_verb(head + 1, to) {
            c.form = Form::Declarative;
            c.subject_end = v;
            c.verb = Some(self.verb_at(v, None, false));
        } else {
            c.subject_end = to;
        }
    }

    /// "Change failure rate below 10%", "Call abandonment under 5%": a
    /// method verb that is also a noun, before a bare noun and a comparator,
    /// heads a measure; a method takes no comparator.
    fn measure_before_comparator(&self, head: usize, to: usize) -> bool {
        let w = self.word(head);
        self.has(head, flag::METHOD_BASE)
            && !self.has(head, flag::DIRECTION_BASE)
            && wordnet::entry(w).is_some_and(|e| e.noun > 0)
            && self.is_word(head + 1)
            && !self.determined(head + 1)
            && !self.has(head + 1, flag::OBJECT_STOP)
            && (head + 2..to)
                .take_while(|&i| self.tokens[i].kind != Kind::Punct || self.comparator(i))
                .any(|i| {
                    (self.comparator(i) || matches!(self.word(i), "below" | "under" | "above"))
                        && (i + 1..to.min(i + 4)).any(|k| self.threshold(k))
                })
    }

    /// A word that opens a subordinate clause; `in` only as "in order to"
    /// ("Staff turnover in the call centre is to be…" keeps its verb group);
    /// `than` before an amount compares inside a noun phrase ("findings older
    /// than 30 days must number zero" keeps its verb group).
    fn subordinates(&self, i: usize) -> bool {
        self.has(i, flag::SUBORDINATOR)
            && match self.word(i) {
                "in" => self.word(i + 1) == "order",
                "than" => !self.amount_follows(i + 1),
                _ => true,
            }
    }

    /// An amount that picks the measured population out in the subject
    /// ("Open findings older than 30 days must…", "Calls longer than 10
    /// minutes…"): a comparison that is no comparator, before the verb group.
    fn qualifies(&self, c: &Clause, i: usize) -> bool {
        i < c.subject_end
            && (i.saturating_sub(2)..i).any(|k| self.word(k) == "than" && !self.comparator(k))
    }

    /// A number or threshold at `i` or after one word ("30 days", "$5m",
    /// "the 2024 level").
    fn amount_follows(&self, i: usize) -> bool {
        (i..self.len().min(i + 2)).any(|k| self.threshold(k) || self.tokens[k].kind == Kind::Number)
    }

    /// A determiner, possessive or number at `i`: the start of an object.
    fn determined(&self, i: usize) -> bool {
        matches!(
            self.word(i),
            "the"
                | "a"
                | "an"
                | "our"
                | "their"
                | "its"
                | "your"
                | "my"
                | "all"
                | "every"
                | "each"
                | "this"
                | "these"
                | "those"
                | "any"
                | "more"
                | "new"
        ) || self.tokens.get(i).is_some_and(|t| t.kind == Kind::Number)
            || self.has(i, flag::NUMBER)
    }

    /// A word more used as a verb than as a noun ("undertake", "ensure").
    fn prefers_verb(&self, i: usize) -> bool {
        self.has(i, flag::METHOD_BASE | flag::DIRECTION_BASE)
            || wordnet::entry(self.word(i)).is_some_and(|e| e.verb > e.noun)
    }

    fn finite_after(&self, from: usize, to: usize) -> bool {
        // "Change failure rate rises": a noun-first head with a finite verb
        // later is a subject, unless the head is more used as a verb.
        // A head more used as a verb is a subject too when a bare noun
        // follows it and a listed verb of result or direction comes later:
        // "Test coverage of the billing service reaches 80%".
        let Some(v) = self.finite_verb(from, to) else {
            return false;
        };
        let lemma = self.lemma(v);
        let listed = self.word(v).ends_with('s')
            && lemma.is_some_and(|l| {
                self.lex
                    .flags
                    .get(l)
                    .is_some_and(|f| f & (flag::DIRECTION_BASE | flag::RESULT_BASE) != 0)
            });
        !self.prefers_verb(from - 1) || (listed && !self.determined(from) && self.is_word(from))
    }

    /// A finite verb after a subject: a listed verb, or a WordNet verb in an
    /// -s or -ed form that is more used as a verb.
    fn finite_verb(&self, from: usize, to: usize) -> Option<usize> {
        (from..to)
            .take_while(|&i| self.tokens[i].kind != Kind::Punct && !self.subordinates(i))
            .find(|&i| {
                let w = self.word(i);
                let prev = self.word(i - 1);
                if !self.is_word(i) || matches!(prev, "the" | "a" | "an" | "of" | "our" | "per") {
                    return false;
                }
                let Some(lemma) = self.lemma(i) else {
                    return false;
                };
                let inflected = lemma != w && (w.ends_with('s') || w.ends_with("ed"));
                if !inflected || !self.is_word(i - 1) {
                    return false;
                }
                // The lists by the lemma's flags: one lookup, not three.
                let listed = self.lex.flags.get(lemma).is_some_and(|f| {
                    f & (flag::DIRECTION_BASE | flag::RESULT_BASE | flag::METHOD_BASE) != 0
                });
                listed || wordnet::entry(lemma).is_some_and(|e| e.verb >= e.noun)
            })
    }

    /// The chain after a modal: adverbs, `to`, `be`; then the main verb,
    /// passive after a copula.
    fn modal_group(&self, c: &mut Clause, m: usize) {
        c.form = Form::Modal;
        c.subject_end = m;
        let mut i = m;
        let mut copula = false;
        while i < c.to {
            let w = self.word(i);
            if self.has(i, flag::AUX)
                || w == "being"
                || self.lex.adverbs.contains(w)
                || (w.ends_with("ly") && w.len() > 4 && self.lemma(i).is_none())
            {
                copula = self.has(i, flag::COPULA) || (copula && !matches!(w, "to"));
                if matches!(w, "to" | "have" | "has") && !self.has(i + 1, flag::COPULA) {
                    copula = false;
                }
                i += 1;
            } else {
                break;
            }
        }
        if i >= c.to {
            return;
        }
        if let Some(verb) = self.framed(i) {
            i = verb;
            copula = false;
        }
        let w = self.word(i);
        // "We are combining teams": a progressive, active.
        let progressive = copula && w.ends_with("ing") && w != "being";
        let participle = copula
            && !progressive
            && self.is_word(i)
            && self
                .lemma(i)
                .is_some_and(|l| l != w || self.lex.participle_like(w));
        if participle {
            c.verb = Some(self.verb_at(i, Some(m), true));
        } else if (copula && !progressive) || !self.is_word(i) || self.lemma(i).is_none() {
            // "must be 30 minutes or less", "is the most reliable…"
            c.verb = Some(Verb {
                at: i.saturating_sub(1).max(m),
                end: i.saturating_sub(1).max(m),
                lemma: Cow::Borrowed("be"),
                class: Class::State,
                passive: false,
                modal: Some(m),
            });
        } else {
            c.verb = Some(self.verb_at(i, Some(m), false));
        }
    }
}

/// A verb's class from its WordNet senses (the most frequent first).
/// "thirty-five", "one-third", "two-thirds": a number written in words
/// joined by hyphens is a number ([`flag::NUMBER`]); other words have no flag.
///
/// Inlined up to the hyphen test: most words have none, and are asked
/// nothing more.
#[inline]
fn hyphenated_number(word: &str, lex: &Lexicon) -> u32 {
    // A byte loop: most words are short, shorter than `memchr` pays for.
    if word.bytes().any(|b| b == b'-') {
        hyphenated_parts(word, lex)
    } else {
        0
    }
}

/// [`hyphenated_number`] of a word with a hyphen.
fn hyphenated_parts(word: &str, lex: &Lexicon) -> u32 {
    let part =
        |p: &str| lex.numbers.contains(p) || is_fraction(p) || matches!(p, "quarter" | "quarters");
    if word.split('-').all(part) {
        flag::NUMBER
    } else {
        0
    }
}

/// A fraction's denominator in words: "a third", "two fifths".
fn is_fraction(w: &str) -> bool {
    matches!(
        w,
        "third" | "thirds" | "fifth" | "fifths" | "tenth" | "tenths"
    )
}

fn wordnet_class(lemma: &str) -> Class {
    use wordnet::verb::*;
    let Some(e) = wordnet::entry(lemma) else {
        return Class::Other;
    };
    let action = CREATION
        | SOCIAL
        | COMMUNICATION
        | MOTION
        | CONTACT
        | POSSESSION
        | COMPETITION
        | COGNITION
        | CONSUMPTION;
    if e.verb == 0 {
        Class::Other
    } else if e.verb_first & action != 0 {
        Class::Action
    } else if e.verb_first & CHANGE != 0 {
        Class::Change
    } else {
        Class::Other
    }
}
