//! Every stage linear in its input: each stage of the pipeline
//! (`koomc::stages::time`) timed at two sizes of the synthetic organization
//! (`benches/gen_org.rs`), the larger twice the smaller; a stage whose time
//! grows more than about three times fails. Times are the best of several
//! runs, the two sizes taking turns, compared with each other, never with a
//! fixed number; stages under a millisecond are too short to tell and are
//! skipped. A stage that grows with the square of its input quadruples here,
//! whatever the machine.

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

/// A stage's name and its time.
type Stage = (&'static str, Duration);

/// Each stage's best time over `RUNS` runs at each size, the two sizes taking
/// turns so that a burst of other work on the machine slows both alike.
fn best(small: &str, large: &str) -> (Vec<Stage>, Vec<Stage>) {
    let stages = |text| -> Vec<Stage> {
        koomc::stages::time(text)
            .into_iter()
            .map(|t| (t.stage, t.elapsed))
            .collect()
    };
    let keep = |best: &mut Vec<Stage>, run: Vec<Stage>| {
        assert_eq!(best.len(), run.len(), "every run times the same stages");
        for (b, t) in best.iter_mut().zip(run) {
            b.1 = b.1.min(t.1);
        }
    };
    let (mut a, mut b) = (stages(small), stages(large));
    for _ in 1..RUNS {
        keep(&mut a, stages(small));
        keep(&mut b, stages(large));
    }
    (a, b)
}

/// The stages whose time grew more than [`MARGIN`] times: name and ratio.
fn too_slow(small: &str, large: &str) -> Vec<(&'static str, f64)> {
    let (a, b) = best(small, large);
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
    // stage fails only if it grows too fast in every one of five tries (a
    // quadratic stage does in all of them; an idle machine needs one).
    let mut slow = too_slow(&small, &large);
    for _ in 1..5 {
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
