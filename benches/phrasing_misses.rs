//! The phrasing analyzer's misses on a labelled file, for the analyzer's
//! author: `cargo run --release --example phrasing-misses [FILE]` prints
//! every row of FILE (default `tests/phrasing/tune.tsv`; a file in the
//! format of `tests/phrasing/NOTES.md`) whose verdict differs from its label,
//! with the deciding words and the reason of a refusal, then the exact share and the outcomes refused. It will not read the
//! held-out part, whose misses nobody may see.

use koomc::phrasing::Verdict;

/// The deciding words and the reason, after a refusal.
fn why(verdict: &Verdict, sentence: &str) -> String {
    let (Verdict::Method(f) | Verdict::UrgentUnclear(f) | Verdict::Vague(f)) = verdict else {
        return String::new();
    };
    format!("\n    `{}` {:?}", &sentence[f.start..f.end], f.reason)
}

fn main() {
    let file = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/phrasing/tune.tsv".to_owned());
    if file.ends_with("holdout.tsv") {
        eprintln!("the held-out part's misses are not shown to anyone");
        std::process::exit(2);
    }
    let text = std::fs::read_to_string(&file).expect("a labelled file");
    let lexicon = koomc::phrasing::Lexicon::builtin();
    let (mut rows, mut exact, mut outcomes, mut refused) = (0, 0, 0, 0);
    for line in text.lines().filter(|l| !l.starts_with("label\t")) {
        let mut cols = line.split('\t');
        let (Some(label), Some(sentence)) = (cols.next(), cols.next()) else {
            continue;
        };
        let verdict = koomc::phrasing::analyze(sentence, &lexicon);
        let got = verdict.label();
        rows += 1;
        if got == label {
            exact += 1;
        } else {
            println!(
                "{label} judged {got}: {sentence}{}",
                why(&verdict, sentence)
            );
        }
        if label == "outcome" {
            outcomes += 1;
            refused += usize::from(got != "outcome");
        }
    }
    let share = |n: usize, of: usize| 100.0 * n as f64 / of.max(1) as f64;
    println!(
        "{rows} rows: {:.1}% exact, {refused} of {outcomes} outcomes refused ({:.1}%)",
        share(exact, rows),
        share(refused, outcomes)
    );
}
