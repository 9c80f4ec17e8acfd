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

pub mod lexicon;

pub use lexicon::{Adjustments, Lexicon};

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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Debug)]
struct Token {
    text: String,
    start: usize,
    end: usize,
    kind: Kind,
}

fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().expect("in bounds");
        let len = c.len_utf8();
        if c.is_alphanumeric() || c == '$' || c == '€' || c == '£' {
            let start = i;
            let mut j = i + len;
            while j < text.len() {
                let d = text[j..].chars().next().expect("in bounds");
                let inner = d.is_alphanumeric()
                    || matches!(d, '-' | '\'' | '’' | '/' | '%' | '$')
                    || (matches!(d, '.' | ',')
                        && j > 0
                        && bytes[j - 1].is_ascii_digit()
                        && bytes.get(j + 1).is_some_and(u8::is_ascii_digit));
                if !inner {
                    break;
                }
                j += d.len_utf8();
            }
            let raw = text[start..j].trim_end_matches(['-', '\'', '’', '/']);
            let end = start + raw.len();
            let mut lower = raw.to_lowercase();
            if lower.contains('’') {
                lower = lower.replace('’', "'");
            }
            let kind = if lower.bytes().any(|b| b.is_ascii_digit()) {
                Kind::Number
            } else {
                Kind::Word
            };
            tokens.push(Token {
                text: lower,
                start,
                end,
                kind,
            });
            i = j.max(end).max(start + len);
        } else {
            if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '—' | '–') {
                tokens.push(Token {
                    text: c.to_string(),
                    start: i,
                    end: i + len,
                    kind: Kind::Punct,
                });
            }
            i += len;
        }
    }
    tokens
}

/// A number that is a date or a period label, not a threshold.
fn is_date_number(t: &str) -> bool {
    let year = t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && (t.starts_with("19") || t.starts_with("20"));
    let label = matches!(t, "q1" | "q2" | "q3" | "q4" | "h1" | "h2")
        || (t.starts_with("fy") && t[2..].bytes().all(|b| b.is_ascii_digit() || b == b'-'))
        || (t.starts_with("q")
            && t.len() <= 8
            && t[1..2].bytes().all(|b| (b'1'..=b'4').contains(&b))
            && t.contains('-'));
    let iso = t.len() == 10 && t.as_bytes()[4] == b'-' && t.as_bytes()[7] == b'-';
    year || label || iso
}

struct Text<'a> {
    tokens: Vec<Token>,
    lex: &'a Lexicon,
}

impl Text<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text.as_str())
    }

    fn is_threshold(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        match t.kind {
            Kind::Number => !is_date_number(&t.text),
            Kind::Word => {
                self.lex.numbers.contains(&t.text)
                    && !matches!(
                        t.text.as_str(),
                        "every" | "all" | "no" | "none" | "double" | "one"
                    )
            }
            Kind::Punct => false,
        }
    }

    fn is_date(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        match t.kind {
            Kind::Number => is_date_number(&t.text),
            Kind::Word => self.lex.dates.contains(&t.text),
            Kind::Punct => false,
        }
    }

    /// The first phrase of a set that the words from `i` match.
    fn phrase_at<'p>(&self, i: usize, set: &'p lexicon::Phrases) -> Option<&'p Vec<String>> {
        if !set.firsts.contains(self.word(i)) {
            return None;
        }
        set.list.iter().find(|p| self.matches(i, p))
    }

    /// Whether the words from `i` match `phrase`.
    fn matches(&self, i: usize, phrase: &[String]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(k, w)| self.tokens.get(i + k).is_some_and(|t| t.text == *w))
    }

    fn finding(&self, from: usize, to: usize, reason: Reason) -> Finding {
        Finding {
            start: self.tokens[from].start,
            end: self.tokens[to.min(self.tokens.len() - 1)].end,
            reason,
        }
    }

    /// Clauses: token ranges split at sentence punctuation and at `, and`.
    fn clauses(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, t) in self.tokens.iter().enumerate() {
            let boundary = t.kind == Kind::Punct
                && (matches!(
                    t.text.as_str(),
                    "." | ";" | ":" | "!" | "?" | "(" | ")" | "—" | "–"
                ) || (t.text == ","
                    && matches!(self.word(i + 1), "and" | "but" | "then" | "so")));
            if boundary {
                if i > start {
                    out.push((start, i));
                }
                start = i + 1;
            }
        }
        if start < self.tokens.len() {
            out.push((start, self.tokens.len()));
        }
        out
    }
}

/// Classify one text.
pub fn analyze(text: &str, lex: &Lexicon) -> Verdict {
    let t = Text {
        tokens: tokenize(text),
        lex,
    };
    if t.tokens.is_empty() {
        return Verdict::Outcome;
    }
    let n = t.tokens.len();
    let has_threshold = (0..n).any(|i| t.is_threshold(i));
    let has_date = (0..n).any(|i| t.is_date(i) || (t.word(i) == "end" && t.word(i + 1) == "of"));

    // Comparator spans: words inside them are never vague.
    let mut in_comparator = vec![false; n];
    for i in 0..n {
        if let Some(c) = t.phrase_at(i, &lex.comparators) {
            for flag in in_comparator.iter_mut().skip(i).take(c.len()) {
                *flag = true;
            }
        }
    }

    let mut method: Option<Finding> = None;
    let mut vague: Option<Finding> = None;
    let mut urgent: Option<Finding> = None;

    for (from, to) in t.clauses() {
        clause(&t, from, to, &mut method, &mut vague);
    }

    // Urgency.
    for i in 0..n {
        if urgent.is_some() {
            break;
        }
        if lex.urgency.contains(&t.tokens[i].text) {
            urgent = Some(t.finding(i, i, Reason::Urgency(t.tokens[i].text.clone())));
        }
        if let Some(p) = t.phrase_at(i, &lex.urgency_phrases) {
            urgent = Some(t.finding(i, i + p.len() - 1, Reason::Urgency(p.join(" "))));
        }
        if urgent.is_none() && !(has_threshold && has_date) {
            if lex.emphasis.contains(&t.tokens[i].text) {
                urgent = Some(t.finding(
                    i,
                    i,
                    Reason::UrgencyWithoutClarity(t.tokens[i].text.clone()),
                ));
            }
            if let Some(p) = t.phrase_at(i, &lex.priority_phrases) {
                urgent = Some(t.finding(
                    i,
                    i + p.len() - 1,
                    Reason::UrgencyWithoutClarity(p.join(" ")),
                ));
            }
        }
    }

    // Vague terms and phrases outside comparators.
    if vague.is_none() {
        'scan: for (i, &inside) in in_comparator.iter().enumerate() {
            if inside || t.tokens[i].kind != Kind::Word {
                continue;
            }
            let w = &t.tokens[i].text;
            if lex.vague.contains(w) {
                let comparative =
                    matches!(w.as_str(), "more" | "less" | "fewer" | "better" | "faster");
                let counted = i > 0 && t.is_threshold(i - 1);
                if comparative && (counted || t.word(i + 1) == "than") {
                    continue;
                }
                vague = Some(t.finding(i, i, Reason::VagueTerm(w.clone())));
                break 'scan;
            }
            if let Some(p) = t.phrase_at(i, &lex.vague_phrases) {
                vague = Some(t.finding(i, i + p.len() - 1, Reason::VagueTerm(p.join(" "))));
                break 'scan;
            }
        }
    }

    if let Some(f) = method {
        Verdict::Method(f)
    } else if let Some(f) = urgent {
        Verdict::UrgentUnclear(f)
    } else if let Some(f) = vague {
        Verdict::Vague(f)
    } else {
        Verdict::Outcome
    }
}

const PRONOUNS: &[&str] = &[
    "us",
    "it",
    "them",
    "this",
    "that",
    "things",
    "everything",
    "everyone",
    "people",
];
const OBJECT_STOPS: &[&str] = &[
    "by", "to", "from", "under", "below", "above", "over", "at", "in", "within", "for", "on",
    "across", "while", "without", "with", "using", "via", "through", "and", "or", "so", "than",
    "into", "per", "during", "before", "after", "back",
];

/// The rules that look at one clause's verb: imperatives, modals, passives,
/// direction verbs, and means clauses after the verb.
fn clause(
    t: &Text,
    from: usize,
    to: usize,
    method: &mut Option<Finding>,
    vague: &mut Option<Finding>,
) {
    let lex = t.lex;
    let mut head = from;
    let mut polite = false;
    while head < to && lex.openers.contains(&t.tokens[head].text) {
        polite |= matches!(
            t.tokens[head].text.as_str(),
            "please" | "let's" | "lets" | "we"
        );
        head += 1;
    }
    // The organization's own name is a subject, whatever its words
    // ("Open Harvest serves…").
    for name in &lex.subjects {
        if !name.is_empty() && t.matches(head, name) {
            head += name.len();
            break;
        }
    }
    if head >= to {
        return;
    }
    let modal_at = (head + 1..to).find(|&i| lex.modals.contains(&t.tokens[i].text));
    let clause_threshold = (from..to).any(|i| t.is_threshold(i));
    let w = t.tokens[head].text.as_str();
    // Where the clause's verb stands: means clauses are looked for after it.
    let mut verb_at = from;

    // An imperative at the head: no modal later makes the head a subject.
    if modal_at.is_none() && t.tokens[head].kind == Kind::Word {
        if lex.method_base.contains(w) {
            let end = if t.word(head + 1) == "out" || t.word(head + 1) == "up" {
                head + 1
            } else {
                head
            };
            set(
                method,
                t.finding(head, end, Reason::ActionVerb(w.to_owned())),
            );
            return;
        }
        if lex.direction_base.contains(w) || lex.result_base.contains(w) {
            verb_at = head;
            let object: Vec<usize> = (head + 1..to)
                .take_while(|&i| {
                    let tok = &t.tokens[i];
                    tok.kind != Kind::Punct
                        && !OBJECT_STOPS.contains(&tok.text.as_str())
                        && t.phrase_at(i, &lex.comparators).is_none()
                })
                .collect();
            if let Some(&first) = object.first() {
                if PRONOUNS.contains(&t.word(first)) && object.len() == 1 {
                    set(
                        vague,
                        t.finding(head, first, Reason::NoMeasure(w.to_owned())),
                    );
                }
            }
            if let Some(&m) = object
                .iter()
                .find(|&&i| lex.means.contains(&t.tokens[i].text))
            {
                set(
                    method,
                    t.finding(head, m, Reason::DirectionOnMeans(w.to_owned())),
                );
                return;
            }
            if !clause_threshold {
                let end = object.last().copied().unwrap_or(head);
                set(
                    vague,
                    t.finding(head, end, Reason::NoThreshold(w.to_owned())),
                );
            }
        }
    }
    if polite {
        if let Some(i) = (head..to).find(|&i| lex.method_base.contains(&t.tokens[i].text)) {
            set(
                method,
                t.finding(i, i, Reason::ActionVerb(t.tokens[i].text.clone())),
            );
            return;
        }
    }

    // After a modal: the verb, skipping adverbs, `to` and `be`.
    if let Some(m) = modal_at.or_else(|| lex.modals.contains(&t.tokens[head].text).then_some(head))
    {
        let mut i = m + 1;
        // After a copula only a passive counts: "beds are open" is a state,
        // "a CRM is implemented" a method.
        let mut passive = matches!(
            t.tokens[m].text.as_str(),
            "is" | "are" | "was" | "were" | "be"
        );
        while i < to && lex.adverbs.contains(&t.tokens[i].text) {
            passive |= t.tokens[i].text == "be";
            i += 1;
        }
        if i < to {
            verb_at = i;
            let v = t.tokens[i].text.as_str();
            // "rolled out" prescribes; "rolled back" is a capability.
            let particle_ok = v != "rolled" || t.word(i + 1) == "out";
            if (!passive && lex.method_base.contains(v))
                || (passive && particle_ok && lex.method_participle.contains(v))
            {
                set(method, t.finding(i, i, Reason::ActionVerb(v.to_owned())));
                return;
            }
            if lex.direction_any.contains(v) && !clause_threshold {
                set(vague, t.finding(i, i, Reason::NoThreshold(v.to_owned())));
            }
        }
    } else {
        // A declarative verb with no threshold: "Costs fall."
        for i in head..to {
            let v = t.tokens[i].text.as_str();
            if lex.direction_any.contains(v)
                && !lex.direction_base.contains(v)
                && !clause_threshold
                && i > head
            {
                set(vague, t.finding(i, i, Reason::NoThreshold(v.to_owned())));
                break;
            }
        }
    }

    // Means clauses after the verb.
    for i in verb_at + 1..to {
        let w = t.tokens[i].text.as_str();
        let next = |k: usize| t.word(i + k);
        let skip_article = |k: usize| {
            if matches!(next(k), "a" | "an" | "the" | "our" | "new" | "their") {
                k + 1
            } else {
                k
            }
        };
        let means = match w {
            "by" => {
                let g = next(1);
                g.ends_with("ing") && g.len() > 4 && !lex.dates.contains(g)
            }
            "via" | "using" | "leveraging" | "utilizing" | "utilising" => true,
            "through" => {
                let k = skip_article(1);
                let word = next(k);
                !word.is_empty()
                    && !lex.dates.contains(word)
                    && !t
                        .tokens
                        .get(i + k)
                        .is_some_and(|tok| tok.kind == Kind::Number)
                    && word != "end"
            }
            "with" => {
                let k = skip_article(1);
                (k..k + 3).any(|k| lex.means.contains(next(k)))
            }
            _ => false,
        };
        if means {
            let end = (i + 1).min(to - 1);
            set(method, t.finding(i, end, Reason::Means(w.to_owned())));
            return;
        }
    }
}

fn set(slot: &mut Option<Finding>, f: Finding) {
    if slot.is_none() {
        *slot = Some(f);
    }
}

/// Whether a text names a number (digits or a number word).
pub fn has_number(text: &str, lex: &Lexicon) -> bool {
    let t = Text {
        tokens: tokenize(text),
        lex,
    };
    (0..t.tokens.len()).any(|i| t.is_threshold(i) || t.tokens[i].kind == Kind::Number)
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
