//! The phrasing analyzer against the labelled evaluation set
//! (`tests/phrasing/`, described in its NOTES.md): accuracy per label on the
//! tuning part and on the held-out part, which the lexicon was not tuned on.
//! Run with `--nocapture` to see the report and every miss.

use std::collections::BTreeMap;

use koomc::phrasing::{analyze, Lexicon};

#[derive(Clone)]
struct Score {
    per_label: BTreeMap<String, (usize, usize)>,
    outcome_false_alarms: usize,
    outcomes: usize,
    misses: Vec<String>,
}

impl Score {
    fn exact(&self) -> f64 {
        let (ok, all) = self
            .per_label
            .values()
            .fold((0, 0), |(a, b), (ok, all)| (a + ok, b + all));
        ok as f64 / all as f64
    }

    fn false_alarm_rate(&self) -> f64 {
        self.outcome_false_alarms as f64 / self.outcomes.max(1) as f64
    }

    fn merged(mut self, other: Score) -> Score {
        for (label, (ok, all)) in other.per_label {
            let e = self.per_label.entry(label).or_default();
            e.0 += ok;
            e.1 += all;
        }
        self.outcome_false_alarms += other.outcome_false_alarms;
        self.outcomes += other.outcomes;
        self.misses.extend(other.misses);
        self
    }

    /// Figures per label; the misses only where asked (never for the held-out
    /// part, so that reading a test run cannot tune the lexicon on it).
    fn report(&self, name: &str, show_misses: bool) {
        println!(
            "{name}: {:.1}% exact, {:.1}% false alarms on outcomes",
            100.0 * self.exact(),
            100.0 * self.false_alarm_rate()
        );
        for (label, (ok, all)) in &self.per_label {
            println!(
                "  {label:<15} {ok:>3}/{all:<3} {:.1}%",
                100.0 * *ok as f64 / *all as f64
            );
        }
        if show_misses {
            for m in &self.misses {
                println!("  miss: {m}");
            }
        }
    }
}

fn score(file: &str) -> Score {
    let text = std::fs::read_to_string(file).expect("the evaluation set");
    let lex = Lexicon::builtin();
    let mut s = Score {
        per_label: BTreeMap::new(),
        outcome_false_alarms: 0,
        outcomes: 0,
        misses: Vec::new(),
    };
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let mut cols = line.split('\t');
        let (label, sentence) = (cols.next().expect("label"), cols.next().expect("text"));
        let got = analyze(sentence, &lex).label();
        let entry = s.per_label.entry(label.to_owned()).or_default();
        entry.1 += 1;
        if got == label {
            entry.0 += 1;
        } else {
            s.misses.push(format!("{label} judged {got}: {sentence}"));
        }
        if label == "outcome" {
            s.outcomes += 1;
            if got != "outcome" {
                s.outcome_false_alarms += 1;
            }
        }
    }
    s
}

/// Both parts scored and reported, and the whole set; the held-out score.
fn scored() -> Score {
    let tune = score("tests/phrasing/tune.tsv");
    let held = score("tests/phrasing/holdout.tsv");
    tune.report("tuning part", true);
    held.report("held-out part", false);
    assert!(tune.per_label.values().map(|(_, all)| all).sum::<usize>() >= 100);
    assert!(held.per_label.values().map(|(_, all)| all).sum::<usize>() >= 150);
    tune.merged(held.clone()).report("whole set", false);
    held
}

/// What the analyzer has reached on the held-out part, which nobody tuned
/// on, and may not fall below: 89.5% exact and at most 1% of its outcomes
/// refused (measured 89.7% and 1.0% on 232 sentences, 2026-12-01; 89.2%
/// and 2.0% before). A change that costs a held-out verdict fails here.
#[test]
fn evaluation_set_accuracy() {
    let held = scored();
    assert!(
        held.exact() >= 0.895,
        "held-out accuracy {:.1}% fell below the 89.5% reached",
        100.0 * held.exact()
    );
    assert!(
        held.false_alarm_rate() <= 0.01,
        "held-out false alarms on outcomes {:.1}% rose above the 1% reached",
        100.0 * held.false_alarm_rate()
    );
}

/// The bar of issue 9: 95% exact on the held-out part and at most 1% of its
/// outcomes refused (a false alarm costs an author more than a miss). Not
/// met yet (89.7% exact; the 1% is met): run with `cargo test -- --ignored`
/// to see how far; when it passes, remove the `ignore` and raise the floor
/// above.
#[test]
#[ignore = "issue 9 is open: the held-out part is at 89.7% exact (1.0% false alarms)"]
fn evaluation_set_meets_the_bar() {
    let held = scored();
    assert!(
        held.exact() >= 0.95,
        "held-out accuracy {:.1}% is below 95%",
        100.0 * held.exact()
    );
    assert!(
        held.false_alarm_rate() <= 0.01,
        "held-out false alarms on outcomes {:.1}% above 1%",
        100.0 * held.false_alarm_rate()
    );
}
