//! Each stage of the pipeline timed on its own, at two sizes of the synthetic
//! organization (`gen_org.rs`), with the ratio of their times: a stage whose
//! ratio is well above the ratio of the input sizes grows faster than its
//! input. The linearity test (`tests/integration/linearity.rs`) runs the same
//! table at small sizes.
//!
//! Run: `cargo run --release --example stages -- 8 64` (scales; best of 3,
//! `--runs N` to change); `--file PATH` times one file instead (what
//! `benches/cedar.sh` reads pest's parse-only time from). One scale, once,
//! for callgrind:
//! `valgrind --tool=callgrind target/release/examples/stages 4 --runs 1`.

use std::time::{Duration, Instant};

use koomc::stages::{self, Timing};

#[allow(dead_code)]
#[path = "gen_org.rs"]
mod gen_org;

fn organization(scale: u64) -> String {
    let mut out = Vec::new();
    gen_org::generate(scale, &mut out).expect("generate in memory");
    String::from_utf8(out).expect("the generator writes UTF-8")
}

fn best(text: &str, runs: usize) -> Vec<Timing> {
    let mut best: Vec<Timing> = stages::time(text);
    for _ in 1..runs {
        for (b, t) in best.iter_mut().zip(stages::time(text)) {
            b.elapsed = b.elapsed.min(t.elapsed);
        }
    }
    best
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let mut runs = 3;
    let mut scales = Vec::new();
    let mut file = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).expect("--runs N"),
            "--file" => file = Some(args.next().expect("--file PATH")),
            scale => scales.push(scale.parse::<u64>().expect("a scale is a whole number")),
        }
    }
    if let Some(path) = file {
        let text = std::fs::read_to_string(&path).expect("a readable UTF-8 file");
        return print(&text, runs);
    }
    match scales.as_slice() {
        [one] => single(*one, runs),
        [a, b] => compare(*a, *b, runs),
        _ => compare(8, 64, runs),
    }
}

/// One size (for `valgrind --tool=callgrind`, which counts instructions).
fn single(scale: u64, runs: usize) {
    print(&organization(scale), runs);
}

fn print(text: &str, runs: usize) {
    println!("input: {} bytes", text.len());
    for t in best(text, runs) {
        println!("{:<22} {:>10.2} ms", t.stage, ms(t.elapsed));
    }
}

fn compare(small: u64, large: u64, runs: usize) {
    let (a, b) = (organization(small), organization(large));
    let started = Instant::now();
    let (ta, tb) = (best(&a, runs), best(&b, runs));
    println!(
        "input: {} → {} bytes ({:.1}×), measured in {:.1} s",
        a.len(),
        b.len(),
        b.len() as f64 / a.len() as f64,
        started.elapsed().as_secs_f64()
    );
    println!(
        "{:<22} {:>10} {:>10} {:>7} {:>8}",
        "stage", "small ms", "large ms", "ratio", "MB/s"
    );
    for (x, y) in ta.iter().zip(&tb) {
        println!(
            "{:<22} {:>10.2} {:>10.2} {:>6.1}× {:>8.1}",
            x.stage,
            ms(x.elapsed),
            ms(y.elapsed),
            y.elapsed.as_secs_f64() / x.elapsed.as_secs_f64().max(1e-9),
            b.len() as f64 / 1e6 / y.elapsed.as_secs_f64().max(1e-9)
        );
    }
}
