//! A driver that prints everything the phrasing analyzer returns for every
//! sentence of a file of the evaluation set (the second column of each row
//! after the header), so that an optimisation can be shown to change no
//! verdict: dump before and after, and compare (for the held-out part, by
//! hash only).
//!
//! ```text
//! cargo build --release --example phrasing-dump
//! target/release/examples/phrasing-dump tests/phrasing/tune.tsv > /tmp/tune.dump
//! target/release/examples/phrasing-dump tests/phrasing/holdout.tsv | sha256sum
//! ```

use koomc::phrasing::{analyze_in, explain_in, has_number, words, Lexicon, Place};

fn main() {
    let file = std::env::args()
        .nth(1)
        .expect("a .tsv file of the evaluation set");
    let text = std::fs::read_to_string(&file).expect("the evaluation set");
    let lexicon = Lexicon::builtin();
    for (n, sentence) in text
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(1))
        .enumerate()
    {
        println!("#{n}");
        for place in [
            Place::Outcome,
            Place::Direction,
            Place::Tech,
            Place::Resolution,
        ] {
            let explained = explain_in(sentence, &lexicon, place);
            println!("{place:?}: {explained:?}");
            assert_eq!(
                analyze_in(sentence, &lexicon, place).label(),
                explained.label()
            );
        }
        println!("number: {}", has_number(sentence, &lexicon));
        println!("words: {:?}", words(sentence));
    }
}
