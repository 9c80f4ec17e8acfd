//! A driver for counting the phrasing analyzer's instructions under valgrind:
//! analyzes every sentence of the tuning part (`tests/phrasing/tune.tsv`)
//! PASSES times (default 1) and prints how many it refused, so that
//!
//! ```text
//! cargo build --release --example phrasing-count
//! valgrind --tool=callgrind target/release/examples/phrasing-count 1
//! valgrind --tool=callgrind target/release/examples/phrasing-count 11
//! ```
//!
//! give the cost of ten passes as the difference (the WordNet table is parsed
//! in both runs, once).

fn main() {
    let passes: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("a number of passes"))
        .unwrap_or(1);
    let text = std::fs::read_to_string("tests/phrasing/tune.tsv").expect("the tuning part");
    let sentences: Vec<&str> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(1))
        .collect();
    let lexicon = koomc::phrasing::Lexicon::builtin();
    let mut refused = 0;
    for _ in 0..passes {
        refused += sentences
            .iter()
            .filter(|s| koomc::phrasing::analyze(s, &lexicon) != koomc::phrasing::Verdict::Outcome)
            .count();
    }
    println!(
        "{} sentences, {passes} passes, {refused} refused",
        sentences.len()
    );
}
