//! Word classes from Princeton WordNet 3.0, reduced to `wordnet.txt` by
//! `scripts/wordnet/reduce.py` (format described there; licence in
//! `WORDNET-LICENSE`). `build.rs` runs `morphy` over every form the table
//! can inflect to and embeds the answers: a word is one lookup, and nothing
//! is parsed at start-up.
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
//! regular rules of WordNet's own `morphy` (in `build.rs`).

use super::word_hash::word_hash;

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

/// The table `build.rs` generates from `wordnet.txt` (its layout is
/// described there): every form `morphy` maps to a lemma, with the answers.
mod generated {
    macro_rules! out_file {
        ($name:literal) => {
            concat!(env!("OUT_DIR"), "/wordnet/", $name)
        };
    }
    pub static TEXT: &str = include_str!(out_file!("words.txt"));
    pub static WORDS: &[u8] = include_bytes!(out_file!("words.bin"));
    pub static ENTRIES: &[u8] = include_bytes!(out_file!("entries.bin"));
    pub static SLOTS: &[u8] = include_bytes!(out_file!("slots.bin"));
}

use generated::{ENTRIES, SLOTS, TEXT, WORDS};

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four bytes"))
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes(bytes[at..at + 2].try_into().expect("two bytes"))
}

/// One word of the table, by its index.
#[derive(Clone, Copy)]
struct Word(usize);

impl Word {
    /// The word of the table that `word` is, if any: one hash, and a probe
    /// or two (the table is at most half full).
    fn find(word: &str) -> Option<Word> {
        let slots = SLOTS.len() / 4;
        let bits = slots.trailing_zeros();
        let mut s = (word_hash(word.as_bytes()) >> (64 - bits)) as usize;
        loop {
            let k = (u32_at(SLOTS, s * 4) as usize).checked_sub(1)?;
            // The length first, then the bytes (no character boundaries to
            // check, as slicing the text would).
            let at = k * 16;
            if usize::from(WORDS[at + 4]) == word.len() {
                let start = u32_at(WORDS, at) as usize;
                if TEXT.as_bytes()[start..start + word.len()] == *word.as_bytes() {
                    return Some(Word(k));
                }
            }
            s = (s + 1) & (slots - 1);
        }
    }

    fn text(self) -> &'static str {
        let at = self.0 * 16;
        let start = u32_at(WORDS, at) as usize;
        &TEXT[start..start + usize::from(WORDS[at + 4])]
    }

    /// The word's entry as a lemma.
    fn entry(self) -> Option<Entry> {
        let k = usize::from(u16_at(WORDS, self.0 * 16 + 6));
        let at = k.checked_sub(1)? * 16;
        let e = &ENTRIES[at..at + 16];
        Some(Entry {
            noun: e[0],
            verb: e[1],
            adj: e[2],
            noun_files: u32_at(e, 4),
            noun_first: u32_at(e, 8),
            verb_files: u16_at(e, 12),
            verb_first: u16_at(e, 14),
        })
    }

    /// The word's verb lemma (`lemma` 0) or noun lemma (1).
    fn lemma(self, lemma: usize) -> Option<Word> {
        let k = u32_at(WORDS, self.0 * 16 + 8 + 4 * lemma) as usize;
        k.checked_sub(1).map(Word)
    }
}

const VERB: usize = 0;
const NOUN: usize = 1;

/// The entry of a lemma as written (no inflection removed).
pub fn entry(lemma: &str) -> Option<Entry> {
    Word::find(lemma)?.entry()
}

/// The word as the table holds it, a `'static` string, if the table has it.
pub fn interned(word: &str) -> Option<&'static str> {
    Some(Word::find(word)?.text())
}

/// The verb lemma of a form (`hiring` → `hire`), if it can be a verb.
pub fn verb_lemma(word: &str) -> Option<&'static str> {
    Some(Word::find(word)?.lemma(VERB)?.text())
}

/// The noun lemma of a form (`meetings` → `meeting`), if it can be a noun.
pub fn noun_lemma(word: &str) -> Option<&'static str> {
    Some(Word::find(word)?.lemma(NOUN)?.text())
}

/// The verb entry of a form.
pub fn as_verb(word: &str) -> Option<Entry> {
    Word::find(word)?.lemma(VERB)?.entry()
}

/// The noun entry of a form.
pub fn as_noun(word: &str) -> Option<Entry> {
    Word::find(word)?.lemma(NOUN)?.entry()
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
