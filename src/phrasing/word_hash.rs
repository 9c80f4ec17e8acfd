//! The hash of the generated WordNet table (`build.rs` writes the table,
//! `wordnet.rs` reads it): one function in one file, included by both, so
//! that a word is looked for in the slot it was put in.

/// A word's hash: eight bytes at a time, one multiplication each (as
/// rustc's FxHash), the length mixed in first so that the
/// tail's reads, which are every byte of it for one length, tell words apart. The table
/// indexes by the high bits, the product's best.
pub fn word_hash(word: &[u8]) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let mut h = (word.len() as u64).wrapping_mul(K);
    let mut rest = word;
    while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
        h = (h ^ u64::from_le_bytes(*chunk)).wrapping_mul(K);
        rest = tail;
    }
    // The last one to seven bytes without a copy (a copy of a length not
    // known until run time is a call): two overlapping reads, or the first,
    // middle and last byte, which together are every byte of the tail.
    let n = rest.len();
    let tail = if n >= 4 {
        let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
        let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
        u64::from(lo) | (u64::from(hi) << 32)
    } else if n > 0 {
        u64::from(rest[0]) | (u64::from(rest[n / 2]) << 8) | (u64::from(rest[n - 1]) << 16)
    } else {
        return h;
    };
    (h ^ tail).wrapping_mul(K)
}
