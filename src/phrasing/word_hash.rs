//! The hash of the generated WordNet table (`build.rs` writes the table,
//! `wordnet.rs` reads it): one function in one file, included by both, so
//! that a word is looked for in the slot it was put in.

/// A word's hash: eight bytes at a time, one multiplication each (as
/// `WordHasher` in `lexicon.rs`), the length mixed in first so that a
/// word and its zero-padded tail cannot collide by construction. The table
/// indexes by the high bits, the product's best.
pub fn word_hash(word: &[u8]) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let mut h = (word.len() as u64).wrapping_mul(K);
    let mut rest = word;
    while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
        h = (h ^ u64::from_le_bytes(*chunk)).wrapping_mul(K);
        rest = tail;
    }
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(last)).wrapping_mul(K);
    }
    h
}
