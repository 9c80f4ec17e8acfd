//! Generates the phrasing analyzer's WordNet table (`src/phrasing/wordnet.rs`
//! reads it): every word form that WordNet's `morphy` maps to a lemma, with
//! its verb lemma, noun lemma and entry already found, in an open-addressing
//! hash table. The analyzer then asks one lookup of a word where `morphy`
//! took up to a dozen, and parses nothing at start-up.
//!
//! Files written to `OUT_DIR/wordnet/` (little-endian):
//!
//! - `words.txt`: the words, one after the other;
//! - `words.bin`: 16 bytes a word: its start in `words.txt` (u32), its
//!   length (u8), a spare byte, its entry (u16, 0 for none, else 1 + index
//!   in `entries.bin`), its verb lemma and its noun lemma (u32 each, 0 for
//!   none, else 1 + index of the lemma's word);
//! - `entries.bin`: 16 bytes an entry: noun, verb and adjective frequencies
//!   (u8 each), a spare byte, noun files and first noun file (u32 each), verb
//!   files and first verb file (u16 each);
//! - `slots.bin`: a power of two of u32 slots, 0 for empty, else 1 + index of
//!   a word, placed by `word_hash` (high bits) with linear probing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[path = "src/phrasing/word_hash.rs"]
mod word_hash;

const TABLE: &str = "src/phrasing/wordnet.txt";

/// What WordNet says of one lemma (as `wordnet::Entry`).
#[derive(Clone, Copy, Default)]
struct Entry {
    noun: u8,
    noun_files: u32,
    noun_first: u32,
    verb: u8,
    verb_files: u16,
    verb_first: u16,
    adj: u8,
}

/// A word of `wordnet.txt`: its entry as a lemma, and the lemma it is an
/// irregular form of.
#[derive(Default)]
struct Word {
    entry: Option<Entry>,
    irregular: Option<String>,
}

type Table = BTreeMap<String, Word>;

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

fn parse(text: &str) -> Table {
    let mut words = Table::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let word = cols.next().unwrap_or("").to_owned();
        let n = cols.next().unwrap_or("");
        if let Some(lemma) = n.strip_prefix('>') {
            words.entry(word).or_default().irregular = Some(lemma.to_owned());
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
    words
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

/// WordNet's `morphy` for one part of speech: the word itself, its
/// irregular lemma, then the regular rules in order (with a doubled final
/// consonant: `stopped` → `stop`). The first lemma found is the answer.
fn lemma_in<'t>(
    wn: &'t Table,
    word: &str,
    rules: &[(&str, &str)],
    has: impl Fn(&Entry) -> bool,
) -> Option<&'t str> {
    let lemma = |w: &str| -> Option<&'t str> {
        let (k, v) = wn.get_key_value(w)?;
        v.entry.as_ref().is_some_and(&has).then_some(k.as_str())
    };
    if let Some(w) = wn.get(word) {
        if let Some(k) = lemma(word) {
            return Some(k);
        }
        if let Some(k) = w.irregular.as_deref().and_then(lemma) {
            return Some(k);
        }
    }
    for (suffix, with) in rules {
        let Some(stem) = word.strip_suffix(suffix) else {
            continue;
        };
        if stem.len() < 2 {
            continue;
        }
        if let Some(k) = lemma(&format!("{stem}{with}")) {
            return Some(k);
        }
        let b = stem.as_bytes();
        let doubled = with.is_empty()
            && b.len() >= 3
            && b[b.len() - 1].is_ascii_alphabetic()
            && b[b.len() - 1] == b[b.len() - 2];
        if doubled && matches!(*suffix, "ed" | "ing") {
            if let Some(k) = lemma(&stem[..stem.len() - 1]) {
                return Some(k);
            }
        }
    }
    None
}

/// Every word `lemma_in` can answer for: the table's words, and each
/// lemma's regular forms (a rule run backwards, and the doubled consonant).
fn forms(wn: &Table) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = wn.keys().cloned().collect();
    for (lemma, w) in wn {
        if w.entry.is_none() {
            continue;
        }
        for (suffix, with) in VERB_RULES.iter().chain(NOUN_RULES) {
            if let Some(stem) = lemma.strip_suffix(with) {
                out.insert(format!("{stem}{suffix}"));
            }
            let last = lemma.as_bytes().last().copied().unwrap_or(b'.');
            if with.is_empty() && matches!(*suffix, "ed" | "ing") && last.is_ascii_alphabetic() {
                out.insert(format!("{lemma}{}{suffix}", char::from(last)));
            }
        }
    }
    out
}

/// One word of the generated table.
struct Row<'t> {
    word: String,
    entry: Option<Entry>,
    verb: Option<&'t str>,
    noun: Option<&'t str>,
}

fn rows(wn: &Table) -> Vec<Row<'_>> {
    forms(wn)
        .into_iter()
        .map(|word| Row {
            entry: wn.get(&word).and_then(|w| w.entry),
            verb: lemma_in(wn, &word, VERB_RULES, |e| e.verb > 0),
            noun: lemma_in(wn, &word, NOUN_RULES, |e| e.noun > 0),
            word,
        })
        .filter(|r| r.entry.is_some() || r.verb.is_some() || r.noun.is_some())
        .collect()
}

fn write_table(rows: &[Row], dir: &Path) {
    let index: BTreeMap<&str, u32> = rows
        .iter()
        .enumerate()
        .map(|(k, r)| (r.word.as_str(), k as u32 + 1))
        .collect();
    let (mut text, mut words, mut entries) = (String::new(), Vec::new(), Vec::new());
    for r in rows {
        let len = u8::try_from(r.word.len()).expect("a word of at most 255 bytes");
        words.extend((text.len() as u32).to_le_bytes());
        words.extend([len, 0]);
        text.push_str(&r.word);
        let entry = r.entry.map_or(0, |e| {
            entries.extend([e.noun, e.verb, e.adj, 0]);
            entries.extend(e.noun_files.to_le_bytes());
            entries.extend(e.noun_first.to_le_bytes());
            entries.extend(e.verb_files.to_le_bytes());
            entries.extend(e.verb_first.to_le_bytes());
            entries.len() / 16
        });
        words.extend(u16::try_from(entry).expect("fewer entries").to_le_bytes());
        for lemma in [r.verb, r.noun] {
            words.extend(lemma.map_or(0, |l| index[l]).to_le_bytes());
        }
    }
    let bits = (rows.len() * 2).next_power_of_two().trailing_zeros();
    let mut slots = vec![0u32; 1 << bits];
    for (k, r) in rows.iter().enumerate() {
        let mut s = (word_hash::word_hash(r.word.as_bytes()) >> (64 - bits)) as usize;
        while slots[s] != 0 {
            s = (s + 1) & (slots.len() - 1);
        }
        slots[s] = k as u32 + 1;
    }
    let slots: Vec<u8> = slots.iter().flat_map(|s| s.to_le_bytes()).collect();
    std::fs::create_dir_all(dir).expect("OUT_DIR is writable");
    for (name, bytes) in [
        ("words.txt", text.as_bytes()),
        ("words.bin", &words),
        ("entries.bin", &entries),
        ("slots.bin", &slots),
    ] {
        std::fs::write(dir.join(name), bytes).expect("OUT_DIR is writable");
    }
}

fn main() {
    println!("cargo::rerun-if-changed={TABLE}");
    println!("cargo::rerun-if-changed=src/phrasing/word_hash.rs");
    let text = std::fs::read_to_string(TABLE).expect("the WordNet table");
    let wn = parse(&text);
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    write_table(&rows(&wn), &Path::new(&out).join("wordnet"));
}
