//! Every stage linear in its input: each stage of the pipeline
//! (`koomc::stages::time`) timed at two sizes of the synthetic organization
//! (`benches/gen_org.rs`), the larger twice the smaller; a stage whose time
//! grows more than about three times fails. Times are the best of several
//! runs, compared with each other, never with a fixed number; stages under
//! a millisecond are too short to tell and are skipped. A stage that grows
//! with the square of its input quadruples here, whatever the machine.

use std::time::Duration;

// `format.rs` includes it too; each module keeps its own copy.
#[allow(dead_code, clippy::duplicate_mod)]
#[path = "../../benches/gen_org.rs"]
mod gen_org;

/// How much slower the doubled input may be.
const MARGIN: f64 = 3.0;
/// Runs per size; each stage keeps its best.
const RUNS: usize = 5;
/// Shorter stages are noise.
const SHORTEST: Duration = Duration::from_millis(1);

fn organization(scale: u64) -> String {
    let mut out = Vec::new();
    gen_org::generate(scale, &mut out).expect("generate in memory");
    String::from_utf8(out).expect("the generator writes UTF-8")
}

/// Each stage's best time over `RUNS` runs.
fn best(text: &str) -> Vec<(&'static str, Duration)> {
    let mut best: Vec<(&'static str, Duration)> = koomc::stages::time(text)
        .into_iter()
        .map(|t| (t.stage, t.elapsed))
        .collect();
    for _ in 1..RUNS {
        for (b, t) in best.iter_mut().zip(koomc::stages::time(text)) {
            b.1 = b.1.min(t.elapsed);
        }
    }
    best
}

/// The stages whose time grew more than [`MARGIN`] times: name and ratio.
fn too_slow(small: &str, large: &str) -> Vec<(&'static str, f64)> {
    let (a, b) = (best(small), best(large));
    assert_eq!(a.len(), b.len(), "both sizes run the same stages");
    a.iter()
        .zip(&b)
        .filter(|(x, _)| x.1 >= SHORTEST)
        .map(|(x, y)| (x.0, y.1.as_secs_f64() / x.1.as_secs_f64()))
        .filter(|(_, ratio)| *ratio > MARGIN)
        .collect()
}

#[test]
fn doubling_the_input_at_most_about_doubles_every_stage() {
    let (small, large) = (organization(2), organization(4));
    let growth = large.len() as f64 / small.len() as f64;
    assert!(
        (1.9..2.1).contains(&growth),
        "the input doubles: {growth:.2}×"
    );
    // A machine shared with other work can slow one measurement down: a
    // stage fails only if it grows too fast in every one of three tries.
    let mut slow = too_slow(&small, &large);
    for _ in 1..3 {
        if slow.is_empty() {
            break;
        }
        let again = too_slow(&small, &large);
        slow.retain(|(stage, _)| again.iter().any(|(s, _)| s == stage));
    }
    assert!(
        slow.is_empty(),
        "stages that grow faster than their input (time ratio for 2× the input): {slow:?}"
    );
}
