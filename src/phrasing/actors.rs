//! Bypassing the spine in words (spec §6): where a declared worker unit
//! stands as the one who must act.
//!
//! A unit is an **actor** when it is
//!
//! - the head of a clause's subject before its verb group: "The night-shift
//!   must load 1300 crates", "Night shift should clean the docks daily", "The
//!   night-shift team will…";
//! - the object of an imperative action verb: "Train the night shift on the
//!   new scanners";
//! - the source of one: "Move two pickers from night-shift to day-shift".
//!
//! It is **not** an actor when it only qualifies a measure: "Night-shift
//! injuries must fall below 2 a month" (a modifier of `injuries`), "Overtime
//! on the night shift must stay below 5%" (inside a prepositional phrase),
//! "Cut night-shift overtime by half" (the object of a direction verb).

use std::collections::HashMap;

use super::structure::{Class, Clause, Form, Text};
use super::Lexicon;

/// Words that may follow a unit's name and still name the unit.
const GROUP_WORDS: &[&str] = &[
    "team", "teams", "crew", "crews", "staff", "unit", "workers", "group",
];

const PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "of", "for", "from", "across", "among", "within", "by", "during", "per",
    "with", "to",
];

/// Worker units' kebab-case names, indexed by their first word, so that a
/// text is read once whatever the number of units (one lookup per token).
pub struct Units<'a> {
    by_first: HashMap<&'a str, Vec<UnitName<'a>>>,
}

struct UnitName<'a> {
    whole: &'a str,
    parts: Vec<&'a str>,
}

impl<'a> Units<'a> {
    pub fn new(names: impl IntoIterator<Item = &'a str>) -> Units<'a> {
        let mut by_first: HashMap<&str, Vec<UnitName>> = HashMap::new();
        for whole in names {
            let parts: Vec<&str> = whole.split('-').filter(|p| !p.is_empty()).collect();
            if parts.len() > 1 {
                by_first.entry(parts[0]).or_default().push(UnitName {
                    whole,
                    parts: parts.clone(),
                });
            }
            by_first
                .entry(whole)
                .or_default()
                .push(UnitName { whole, parts });
        }
        Units { by_first }
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

/// The byte ranges where one of `units` stands in an actor position.
pub fn actors(text: &str, lex: &Lexicon, units: &Units) -> Vec<(usize, usize)> {
    actors_in(&Text::new(text, lex), units)
}

/// [`actors`] of a text already read.
pub(super) fn actors_in(t: &Text, units: &Units) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if t.len() == 0 || units.is_empty() {
        return out;
    }
    let clauses = t.clauses();
    for (at, end) in occurrences(t, units) {
        if clauses
            .iter()
            .any(|c| c.from <= at && end <= c.to && acts(t, c, at, end))
        {
            out.push((t.tokens[at].start, t.tokens[end - 1].end));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Token ranges where a unit's name is written: `night-shift`, `night
/// shift`, `Night Shift`, with a trailing `team`/`crew`.
fn occurrences(t: &Text, units: &Units) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 0..t.len() {
        let Some(names) = units.by_first.get(t.word(i)) else {
            continue;
        };
        for name in names {
            let end = if t.word(i) == name.whole {
                i + 1
            } else if name.parts.len() > 1
                && name
                    .parts
                    .iter()
                    .enumerate()
                    .all(|(k, p)| t.word(i + k) == *p)
            {
                i + name.parts.len()
            } else {
                continue;
            };
            let end = if GROUP_WORDS.contains(&t.word(end)) {
                end + 1
            } else {
                end
            };
            out.push((i, end));
        }
    }
    out
}

fn acts(t: &Text, c: &Clause, at: usize, end: usize) -> bool {
    let Some(v) = &c.verb else { return false };
    match c.form {
        Form::Modal | Form::Declarative => {
            end == c.subject_end
                && at >= c.head
                && !(c.head..at).any(|i| PREPOSITIONS.contains(&t.word(i)))
        }
        Form::Imperative => {
            let directs = !matches!(v.class, Class::Direction | Class::Result | Class::State);
            let in_object = c.object.0 <= at && end <= c.object.1;
            let source = at > 0
                && (t.word(at - 1) == "from"
                    || (t.word(at - 1) == "the" && at > 1 && t.word(at - 2) == "from"));
            directs && (in_object || source)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acting(text: &str) -> Vec<&str> {
        actors(text, &Lexicon::builtin(), &Units::new(["night-shift"]))
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn a_unit_that_must_act_is_an_actor() {
        assert_eq!(
            acting("The night-shift must load 1300 crates a week."),
            ["night-shift"]
        );
        assert_eq!(
            acting("Night shift should clean the docks daily."),
            ["Night shift"]
        );
        assert_eq!(
            acting("The Night Shift team will run two extra loads."),
            ["Night Shift team"]
        );
        assert_eq!(
            acting("Move two pickers from night-shift to day-shift."),
            ["night-shift"]
        );
        assert_eq!(
            acting("Train the night shift on the new scanners."),
            ["night shift"]
        );
    }

    #[test]
    fn a_unit_in_a_measure_is_not() {
        assert!(acting("Night-shift injuries must fall below 2 a month.").is_empty());
        assert!(acting("Overtime on the night shift must stay below 5%.").is_empty());
        assert!(acting("Cut night-shift overtime by half.").is_empty());
        assert!(acting("Hire three more quality inspectors for the night shift.").is_empty());
        assert!(acting("Logistics gets the second truck through March.").is_empty());
    }
}
