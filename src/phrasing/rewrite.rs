//! Rewrites in the outcome form, built from the author's own words:
//! `<measure> must <rise|fall|reach|stay> <threshold> by <date>`.
//!
//! - A direction verb on a measure becomes the measure as subject: "Improve
//!   customer satisfaction." → `Customer satisfaction must reach <target> by
//!   <date>`; "Lower MTTR quickly" → `MTTR must fall below <target> by
//!   <date>` (a trailing adverb is dropped).
//! - A means clause is dropped: "Cut returns to 2% using Jira." → `Returns
//!   must fall to 2% by <date>`; "Customer satisfaction must reach 85% by year
//!   end through a new callback program" → `Customer satisfaction must reach
//!   85% by year end`.
//! - Urgency that stands in for a date is replaced by one: "Defect rate must
//!   drop below 2% immediately." → `Defect rate must drop below 2% by <date>`.
//!
//! `<target>` and `<date>` stand only where the sentence has none. An action
//! verb on a means ("Hire two inspectors") has no measure to build from: no
//! rewrite.

use super::rules::Found;
use super::structure::{Class, Clause, Form, Text, Verb};
use super::token::Kind;
use super::Reason;

/// Attach a rewrite to the findings that decide the verdict.
pub fn attach(t: &Text, clauses: &[Clause], found: &mut Found) {
    let source = t.source;
    let slot = if found.method.is_some() {
        &mut found.method
    } else if found.urgent.is_some() {
        &mut found.urgent
    } else {
        &mut found.vague
    };
    let Some(f) = slot else { return };
    let Some(c) = clauses.iter().find(|c| {
        c.from < t.len() && t.tokens[c.from].start <= f.start && f.start <= t.tokens[c.to - 1].end
    }) else {
        return;
    };
    if c.to <= c.from {
        return;
    }
    let last = (c.from..c.to)
        .rev()
        .find(|&i| t.tokens[i].kind != Kind::Punct)
        .unwrap_or(c.to - 1);
    f.rewrites = (t.tokens[c.from].start, t.tokens[last].end);
    f.rewrite = match &f.reason {
        Reason::Means(_) => {
            let cut = t
                .tokens
                .iter()
                .position(|tok| tok.start == f.start)
                .unwrap_or(c.to);
            outcome_form(t, c, cut, source, None)
        }
        Reason::Urgency(_) => {
            let cut = t
                .tokens
                .iter()
                .position(|tok| tok.start == f.start)
                .unwrap_or(c.to);
            let direction = c.verb.as_ref().is_some_and(|v| v.class == Class::Direction);
            if c.threshold || direction {
                outcome_form(t, c, cut, source, None)
            } else {
                None
            }
        }
        Reason::NoThreshold(_) | Reason::VagueTerm(_) | Reason::NoMeasure(_) => {
            let vague_at = t.tokens.iter().position(|tok| tok.start == f.start);
            // A vague verb ("streamline") cannot be left out: the clause
            // would have no verb.
            let vague_verb = matches!(f.reason, Reason::VagueTerm(_))
                && c.verb.as_ref().is_some_and(|v| Some(v.at) == vague_at);
            outcome_form(t, c, c.to, source, vague_at).filter(|_| !vague_verb)
        }
        _ => None,
    }
    .filter(|r| holds(r, t));
    if f.rewrite.is_none() {
        f.rewrites = (0, 0);
    }
}

/// Whether a rewrite, its blanks filled in, is itself an outcome: a rewrite
/// that drops the vague verb ("We'll streamline our operations" → "We'll our
/// operations") or keeps a direction without its threshold would send the
/// author to a sentence the analyzer refuses too.
fn holds(rewrite: &str, t: &Text) -> bool {
    if !rewrite.contains('<') {
        return super::rules::is_outcome(&Text::new(rewrite, t.lex));
    }
    let filled = rewrite
        .replace("<target>", "90%")
        .replace("<date>", "2026-12-31");
    super::rules::is_outcome(&Text::new(&filled, t.lex))
}

fn slice<'s>(t: &Text, source: &'s str, from: usize, to: usize) -> &'s str {
    if from >= to {
        return "";
    }
    source[t.tokens[from].start..t.tokens[to - 1].end].trim_end_matches([',', ' ', '-'])
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "Lower MTTR quickly" → "MTTR must fall below <target>": the object of
/// an imperative direction or result verb becomes the subject.
fn measure_first(t: &Text, c: &Clause, v: &Verb, cut: usize, source: &str) -> Option<String> {
    let mut end = c.object.1.min(cut);
    while end > c.object.0
        && (t.word(end - 1).ends_with("ly") || t.tokens[end - 1].kind == Kind::Punct)
    {
        end -= 1;
    }
    let measure = slice(t, source, c.object.0, end);
    if measure.is_empty() {
        return None;
    }
    let up = t.lex.increase.contains(v.lemma.as_ref());
    let keep = matches!(
        v.lemma.as_ref(),
        "keep" | "hold" | "maintain" | "sustain" | "stay" | "remain"
    );
    let verb = if keep {
        "stay"
    } else if v.class == Class::Result {
        "reach"
    } else if up {
        "rise"
    } else {
        "fall"
    };
    let mut s = format!("{} must {verb}", capitalized(measure));
    if !c.threshold {
        s.push_str(if keep || v.class == Class::Result || up {
            if keep {
                " within <target>"
            } else {
                " to <target>"
            }
        } else {
            " below <target>"
        });
        if up && !keep && v.class != Class::Result {
            s = s.replace("must rise to", "must reach");
        }
    }
    Some(s)
}

/// The outcome form of clause `c`, ending before token `cut` (a means or an
/// urgency word), without the vague word at `skip`.
fn outcome_form(
    t: &Text,
    c: &Clause,
    cut: usize,
    source: &str,
    skip: Option<usize>,
) -> Option<String> {
    let v = c.verb.as_ref()?;
    let cut = cut.min(c.to);
    let mut rest_from = c.object.1;
    let mut out = match c.form {
        Form::Imperative if matches!(v.class, Class::Direction | Class::Result | Class::Change) => {
            measure_first(t, c, v, cut, source)?
        }
        Form::Modal | Form::Declarative if v.class == Class::Direction && !c.threshold => {
            // "Quality variance must go down." → "… must fall below <target>"
            let subject = slice(t, source, c.head, c.subject_end);
            if subject.is_empty() {
                return None;
            }
            rest_from = v.end + 1;
            let up = t.lex.increase.contains(v.lemma.as_ref());
            let target = if up {
                "reach <target>"
            } else {
                "fall below <target>"
            };
            format!("{} must {target}", capitalized(subject))
        }
        Form::Modal | Form::Declarative => {
            rest_from = c.head;
            String::new()
        }
        _ => return None,
    };
    let mut rest_to = cut.min(c.to);
    // A threshold in words that sets none ("at a healthy level", "to a
    // minimum") gives way to the placeholder.
    if let Some(mut p) = (rest_from..rest_to).find(|&i| t.pseudo(i)) {
        if p > rest_from && matches!(t.word(p - 1), "at" | "to" | "within" | "around") {
            p -= 1;
        }
        rest_to = p;
        if !out.contains("<target>") {
            out = if out.is_empty() {
                format!("{} <target>", slice(t, source, rest_from, p))
            } else {
                format!("{out} <target>")
            };
            rest_from = p;
        }
    }
    let rest = words_between(t, source, rest_from, rest_to, skip);
    if !rest.is_empty() {
        if out.is_empty() {
            out = capitalized(&rest);
        } else {
            out.push(' ');
            out.push_str(&rest);
        }
    }
    if !(c.from..c.to).any(|i| t.date(i) && i < cut) {
        out.push_str(" by <date>");
    }
    // Each wordy form has " to " in it: most rewrites are asked once.
    let wordy_forms = [
        (" to below ", " below "),
        (" to under ", " under "),
        (" to above ", " above "),
    ];
    if out.contains(" to ") {
        for (wordy, plain) in wordy_forms {
            if out.contains(wordy) {
                out = out.replace(wordy, plain);
            }
        }
    }
    Some(out)
}

/// The author's words from token `from` to `to`, without the vague word at
/// `skip` (and an adverb just after it).
fn words_between(t: &Text, source: &str, from: usize, to: usize, skip: Option<usize>) -> String {
    let mut rest = String::new();
    let mut i = from;
    while i < to {
        if Some(i) == skip || (t.word(i).ends_with("ly") && Some(i) == skip.map(|s| s + 1)) {
            i += 1;
            continue;
        }
        let j = (i..to).find(|&k| Some(k) == skip).unwrap_or(to);
        let piece = slice(t, source, i, j);
        if !piece.is_empty() {
            if !rest.is_empty() {
                rest.push(' ');
            }
            rest.push_str(piece);
        }
        i = j;
    }
    rest
}
