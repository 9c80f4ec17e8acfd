//! Word classes from Princeton WordNet 3.0, reduced to `wordnet.txt` by
//! `scripts/wordnet/reduce.py` (format described there; licence in
//! `WORDNET-LICENSE`). The table is embedded and parsed once, on first use.
//!
//! What the analyzer asks of it:
//!
//! - can a word be a verb, a noun, an adjective (so that a word of an open
//!   class is recognised without a hand list: "Undertake", "Seek", "Embed");
//! - which lexicographer files its senses are in, the most frequent sense
//!   first: a verb of creation, social life, communication, motion, contact
//!   or possession is an *action* ("hire", "ship", "build"); a stative verb
//!   is not ("be", "remain"); a noun of the act, event, artifact or
//!   communication files names an activity or a means ("review", "call",
//!   "tool"), one of attribute, quantity, state, time or possession a measure
//!   ("rate", "time", "revenue");
//! - how often each part of speech is used (SemCor counts), so that "call",
//!   "review", "process" and "ship" are decided by position and, when
//!   position does not decide, by which use is more common.
//!
//! Inflections: the exception lists (`ran`, `written`, `stopped`) and the
//! regular rules of WordNet's own `morphy`.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use super::lexicon::WordHasher;

static TABLE: &str = include_str!("wordnet.txt");

/// Noun lexicographer files (bits of [`Entry::noun_files`]).
pub mod noun {
    pub const ACT: u32 = 1 << 1;
    pub const ARTIFACT: u32 = 1 << 3;
    pub const ATTRIBUTE: u32 = 1 << 4;
    pub const COGNITION: u32 = 1 << 6;
    pub const COMMUNICATION: u32 = 1 << 7;
    pub const EVENT: u32 = 1 << 8;
    pub const FEELING: u32 = 1 << 9;
    pub const GROUP: u32 = 1 << 11;
    pub const LOCATION: u32 = 1 << 12;
    pub const PERSON: u32 = 1 << 15;
    pub const POSSESSION: u32 = 1 << 18;
    pub const PROCESS: u32 = 1 << 19;
    pub const QUANTITY: u32 = 1 << 20;
    pub const STATE: u32 = 1 << 23;
    pub const TIME: u32 = 1 << 25;
}

/// Verb lexicographer files (bits of [`Entry::verb_files`]).
pub mod verb {
    pub const CHANGE: u16 = 1 << 1;
    pub const COGNITION: u16 = 1 << 2;
    pub const COMMUNICATION: u16 = 1 << 3;
    pub const COMPETITION: u16 = 1 << 4;
    pub const CONSUMPTION: u16 = 1 << 5;
    pub const CONTACT: u16 = 1 << 6;
    pub const CREATION: u16 = 1 << 7;
    pub const MOTION: u16 = 1 << 9;
    pub const POSSESSION: u16 = 1 << 11;
    pub const SOCIAL: u16 = 1 << 12;
    pub const STATIVE: u16 = 1 << 13;
}

/// What WordNet says of one lemma. Frequencies are 0 (not that part of
/// speech) or 1 + log2 of its SemCor count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    pub noun: u8,
    pub noun_files: u32,
    /// The file of the most frequent noun sense (a bit of `noun_files`).
    pub noun_first: u32,
    pub verb: u8,
    pub verb_files: u16,
    pub verb_first: u16,
    pub adj: u8,
}

type Map<V> = HashMap<&'static str, V, BuildHasherDefault<WordHasher>>;

/// A word of the table: its entry as a lemma and the lemma it is an
/// exception for, so that `morphy` asks of a word once for both.
#[derive(Clone, Copy, Default)]
struct Word {
    entry: Option<Entry>,
    irregular: Option<&'static str>,
}

struct WordNet {
    words: Map<Word>,
}

impl WordNet {
    /// The entry of a lemma with its key, as the table holds it.
    fn lemma(&self, word: &str) -> Option<(&'static str, Entry)> {
        let (&k, w) = self.words.get_key_value(word)?;
        Some((k, w.entry?))
    }
}

fn field(text: &str, base: u8) -> (u8, u32, u32) {
    let mut chars = text.bytes();
    let Some(d) = chars.next() else {
        return (0, 0, 0);
    };
    let freq = d - b'0' + 1;
    let mut files = 0u32;
    let mut first = 0u32;
    for c in chars {
        let bit = 1u32 << (c - base);
        if first == 0 {
            first = bit;
        }
        files |= bit;
    }
    (freq, files, first)
}

fn parse() -> WordNet {
    let mut words: Map<Word> = Map::default();
    for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let word = cols.next().unwrap_or("");
        let n = cols.next().unwrap_or("");
        if let Some(lemma) = n.strip_prefix('>') {
            words.entry(word).or_default().irregular = Some(lemma);
            continue;
        }
        let (noun, noun_files, noun_first) = field(n, b'a');
        let (verb, verb_files, verb_first) = field(cols.next().unwrap_or(""), b'A');
        let adj = cols.next().map_or(0, |a| field(a, b'0').0);
        words.entry(word).or_default().entry = Some(Entry {
            noun,
            noun_files,
            noun_first,
            verb,
            verb_files: verb_files as u16,
            verb_first: verb_first as u16,
            adj,
        });
    }
    WordNet { words }
}

fn table() -> &'static WordNet {
    static WN: OnceLock<WordNet> = OnceLock::new();
    WN.get_or_init(parse)
}

/// The entry of a lemma as written (no inflection removed).
pub fn entry(lemma: &str) -> Option<Entry> {
    table().words.get(lemma).and_then(|w| w.entry)
}

const NOUN_RULES: &[(&str, &str)] = &[
    ("ies", "y"),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("s", ""),
];
const VERB_RULES: &[(&str, &str)] = &[
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("s", ""),
    ("ied", "y"),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
];

/// The lemma of `word` in a part of speech, by the exception list and the
/// regular rules (with a doubled final consonant: `stopped` → `stop`).
fn lemma_in(
    word: &str,
    rules: &[(&str, &str)],
    has: impl Fn(&Entry) -> bool,
) -> Option<&'static str> {
    let wn = table();
    if let Some((&k, w)) = wn.words.get_key_value(word) {
        if w.entry.as_ref().is_some_and(&has) {
            return Some(k);
        }
        if let Some(lemma) = w.irregular {
            if wn.lemma(lemma).is_some_and(|(_, e)| has(&e)) {
                return Some(lemma);
            }
        }
    }
    // The candidate stem + ending, built on the stack: no allocation per
    // lookup (a longer word than the buffer gets a string of its own).
    let mut stack = [0u8; 48];
    let mut long = String::new();
    for (suffix, with) in rules {
        let Some(stem) = word.strip_suffix(suffix) else {
            continue;
        };
        if stem.len() < 2 {
            continue;
        }
        let n = stem.len() + with.len();
        let candidate = if n <= stack.len() {
            stack[..stem.len()].copy_from_slice(stem.as_bytes());
            stack[stem.len()..n].copy_from_slice(with.as_bytes());
            std::str::from_utf8(&stack[..n]).unwrap_or_default()
        } else {
            long.clear();
            long.push_str(stem);
            long.push_str(with);
            long.as_str()
        };
        if let Some((k, e)) = wn.lemma(candidate) {
            if has(&e) {
                return Some(k);
            }
        }
        let b = stem.as_bytes();
        // "planned" -> "plan": a doubled ASCII consonant (bytes of one
        // multi-byte character may repeat too, and cannot be cut apart).
        let doubled = with.is_empty()
            && b.len() >= 3
            && b[b.len() - 1].is_ascii_alphabetic()
            && b[b.len() - 1] == b[b.len() - 2];
        if doubled && matches!(*suffix, "ed" | "ing") {
            if let Some((k, e)) = wn.lemma(&stem[..stem.len() - 1]) {
                if has(&e) {
                    return Some(k);
                }
            }
        }
    }
    None
}

/// The verb lemma of a form (`hiring` → `hire`), if it can be a verb.
pub fn verb_lemma(word: &str) -> Option<&'static str> {
    lemma_in(word, VERB_RULES, |e| e.verb > 0)
}

/// The noun lemma of a form (`meetings` → `meeting`), if it can be a noun.
pub fn noun_lemma(word: &str) -> Option<&'static str> {
    lemma_in(word, NOUN_RULES, |e| e.noun > 0)
}

/// The verb entry of a form.
pub fn as_verb(word: &str) -> Option<Entry> {
    verb_lemma(word).and_then(entry)
}

/// The noun entry of a form.
pub fn as_noun(word: &str) -> Option<Entry> {
    noun_lemma(word).and_then(entry)
}

/// Whether a word as written can be an adjective (or adverb).
pub fn is_adjective(word: &str) -> bool {
    entry(word).is_some_and(|e| e.adj > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_speech_and_inflections() {
        assert_eq!(verb_lemma("undertook"), Some("undertake"));
        assert_eq!(verb_lemma("hiring"), Some("hire"));
        assert_eq!(verb_lemma("stopped"), Some("stop"));
        assert_eq!(verb_lemma("embeds"), Some("embed"));
        assert_eq!(noun_lemma("meetings"), Some("meeting"));
        assert_eq!(noun_lemma("processes"), Some("process"));
        assert!(verb_lemma("revenue").is_none());
        assert!(is_adjective("healthy"));
    }

    #[test]
    fn lexicographer_files_tell_action_from_state() {
        let hire = as_verb("hire").unwrap();
        assert!(hire.verb_files & verb::SOCIAL != 0);
        let revenue = as_noun("revenue").unwrap();
        assert_eq!(revenue.noun_first, noun::POSSESSION);
        let meeting = as_noun("meeting").unwrap();
        assert!(meeting.noun_files & (noun::EVENT | noun::ACT) != 0);
        let call = entry("call").unwrap();
        assert!(call.noun > 0 && call.verb > 0);
    }
}
