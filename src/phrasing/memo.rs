//! Readings kept from one check to the next.
//!
//! The language server checks a document again after every keystroke, and
//! a keystroke changes one text of thousands. A [`Memo`] keeps the
//! [`Reading`] of every text the last check judged, by place and text, so
//! that the next check reads only the texts that changed. A reading depends
//! on the text, its place, the lexicon (the project's `koom.toml`
//! adjustments and the organization's name) and the worker units' names:
//! the [`Stamp`]. A check with another stamp starts from nothing.
//!
//! Only what the last check used is kept (the readings it took from the
//! memo and those it made), so a memo holds about one reading per text of
//! the project however long the session: the texts an edit left behind are
//! dropped at the next check.
//!
//! A check with no memo (the command line) makes [`Readings::fresh`], which
//! keeps nothing: each text is read where it stands, as before. Either way
//! the readings are the analyzer's, so the diagnostics are the same (tested
//! in `tests/integration/lsp/diagnostics.rs`).

use std::collections::HashMap;
use std::sync::Mutex;

use super::{read, Adjustments, Lexicon, Place, Reading, Units};

/// What a reading depends on besides its text and place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    pub adjustments: Adjustments,
    /// The organization's name, a subject to the analyzer.
    pub organization: Option<String>,
    /// The worker units' names, in the model's order.
    pub workers: Vec<String>,
}

/// Readings by place, then text.
type ByText = [HashMap<Box<str>, Reading>; 4];

fn slot(place: Place) -> usize {
    match place {
        Place::Outcome => 0,
        Place::Direction => 1,
        Place::Tech => 2,
        Place::Resolution => 3,
    }
}

/// The readings of the last check, for the next one.
#[derive(Default)]
pub struct Memo {
    kept: Mutex<(Stamp, ByText)>,
}

impl Memo {
    /// The readings for a check with `stamp`: the last check's where its
    /// stamp was the same. Give them back with [`Memo::keep`].
    pub fn begin(&self, stamp: Stamp) -> Readings {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        let last = match kept.0 == stamp {
            true => std::mem::take(&mut kept.1),
            false => ByText::default(),
        };
        Readings {
            stamp,
            last,
            used: Some(ByText::default()),
        }
    }

    /// Keep what a check used, for the next one.
    pub fn keep(&self, readings: Readings) {
        let Some(used) = readings.used else { return };
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        *kept = (readings.stamp, used);
    }
}

/// The readings one check makes or takes.
pub struct Readings {
    stamp: Stamp,
    /// The last check's readings not yet asked for.
    last: ByText,
    /// What this check read, where it keeps it.
    used: Option<ByText>,
}

impl Readings {
    /// Readings that keep nothing: each text is read when asked for.
    pub fn fresh() -> Readings {
        Readings {
            stamp: Stamp::default(),
            last: ByText::default(),
            used: None,
        }
    }

    /// The reading of `text` in `place`: kept, or read now.
    pub fn read(&mut self, text: &str, lex: &Lexicon, place: Place, units: &Units) -> Reading {
        let Some(used) = &mut self.used else {
            return read(text, lex, place, units);
        };
        let at = slot(place);
        if let Some(reading) = used[at].get(text) {
            return reading.clone();
        }
        let reading = match self.last[at].remove(text) {
            Some(reading) => reading,
            None => read(text, lex, place, units),
        };
        used[at].insert(text.into(), reading.clone());
        reading
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units() -> Units<'static> {
        Units::new(["night-shift"])
    }

    #[test]
    fn a_kept_reading_is_the_analyzer_s() {
        let lex = Lexicon::builtin();
        let memo = Memo::default();
        let text = "Hire two inspectors by March 31.";
        let mut first = memo.begin(Stamp::default());
        let read_now = first.read(text, &lex, Place::Outcome, &units());
        memo.keep(first);
        let mut second = memo.begin(Stamp::default());
        assert_eq!(second.last[0].len(), 1, "the reading was kept");
        let kept = second.read(text, &lex, Place::Outcome, &units());
        assert_eq!(kept, read_now);
        assert_eq!(kept, read(text, &lex, Place::Outcome, &units()));
        assert_eq!(kept.verdict.label(), "method");
    }

    #[test]
    fn only_what_the_last_check_used_is_kept() {
        let lex = Lexicon::builtin();
        let memo = Memo::default();
        let mut first = memo.begin(Stamp::default());
        first.read("Improve quality.", &lex, Place::Outcome, &units());
        first.read("Improve quality.", &lex, Place::Direction, &units());
        memo.keep(first);
        let mut second = memo.begin(Stamp::default());
        second.read("Improve quality!", &lex, Place::Outcome, &units());
        memo.keep(second);
        let third = memo.begin(Stamp::default());
        let kept: Vec<&str> = third
            .last
            .iter()
            .flat_map(|m| m.keys())
            .map(|k| &**k)
            .collect();
        assert_eq!(kept, ["Improve quality!"]);
    }

    #[test]
    fn another_stamp_starts_from_nothing() {
        let lex = Lexicon::builtin();
        let memo = Memo::default();
        let mut first = memo.begin(Stamp::default());
        first.read("Improve quality.", &lex, Place::Outcome, &units());
        memo.keep(first);
        let other = Stamp {
            workers: vec!["night-shift".to_owned()],
            ..Stamp::default()
        };
        assert!(memo.begin(other).last.iter().all(HashMap::is_empty));
    }

    #[test]
    fn fresh_readings_keep_nothing() {
        let lex = Lexicon::builtin();
        let memo = Memo::default();
        let mut fresh = Readings::fresh();
        let r = fresh.read("Improve quality.", &lex, Place::Outcome, &units());
        assert_eq!(r.verdict.label(), "vague");
        memo.keep(fresh);
        assert!(memo
            .begin(Stamp::default())
            .last
            .iter()
            .all(HashMap::is_empty));
    }
}
