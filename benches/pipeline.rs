//! Release-mode benchmark of the pipeline on synthetic organizations
//! (`gen_org.rs`): `check` (load → syntax → resolve → check) and `build`
//! (the same plus emit and serialization), at three sizes, so that the
//! throughput figures also show whether the pipeline stays linear.
//!
//! Run: `cargo bench --bench pipeline`. Whole-process figures with peak memory:
//! `benches/measure.sh`.

use std::path::Path;

use divan::counter::BytesCount;
use divan::Bencher;

#[allow(dead_code)]
#[path = "gen_org.rs"]
mod gen_org;

fn main() {
    divan::main();
}

fn organization(scale: u64) -> String {
    let mut out = Vec::new();
    gen_org::generate(scale, &mut out).expect("generate in memory");
    String::from_utf8(out).expect("the generator writes UTF-8")
}

const SCALES: [u64; 3] = [1, 8, 64];

#[divan::bench(args = SCALES, sample_count = 10)]
fn check(bencher: Bencher, scale: u64) {
    let text = organization(scale);
    let c = koomc::compile_text(Path::new("synthetic.koom"), text.clone());
    assert!(
        c.diagnostics.is_empty(),
        "the synthetic organization is not clean"
    );
    bencher
        .counter(BytesCount::of_str(&text))
        .with_inputs(|| text.clone())
        .bench_values(|text| {
            koomc::compile_text(Path::new("synthetic.koom"), text)
                .diagnostics
                .len()
        });
}

#[divan::bench(args = SCALES, sample_count = 10)]
fn build(bencher: Bencher, scale: u64) {
    let text = organization(scale);
    bencher
        .counter(BytesCount::of_str(&text))
        .with_inputs(|| text.clone())
        .bench_values(|text| {
            let c = koomc::compile_text(Path::new("synthetic.koom"), text);
            koomc::emit::bundle_json(c.work_orders().expect("clean")).len()
        });
}

/// The phrasing analyzer on every sentence of the evaluation set
/// (`tests/phrasing/`): time per directive text.
#[divan::bench(sample_count = 50)]
fn phrasing(bencher: Bencher) {
    let mut sentences = Vec::new();
    for file in ["tests/phrasing/tune.tsv", "tests/phrasing/holdout.tsv"] {
        let text = std::fs::read_to_string(file).expect("the evaluation set");
        sentences.extend(
            text.lines()
                .skip(1)
                .filter_map(|l| l.split('\t').nth(1))
                .map(str::to_owned),
        );
    }
    let lexicon = koomc::phrasing::Lexicon::builtin();
    bencher
        .counter(divan::counter::ItemsCount::new(sentences.len()))
        .bench(|| {
            sentences
                .iter()
                .filter(|s| {
                    koomc::phrasing::analyze(s, &lexicon) != koomc::phrasing::Verdict::Outcome
                })
                .count()
        });
}

/// `koomc fmt` on generated organizations: equal MB/s across sizes is the
/// evidence that the formatter is linear.
#[divan::bench(args = SCALES, sample_count = 10)]
fn format(bencher: Bencher, scale: u64) {
    let text = organization(scale);
    bencher.counter(BytesCount::of_str(&text)).bench(|| {
        koomc::format::format(koomc::source::FileId(0), &text)
            .map(|s| s.len())
            .unwrap_or_default()
    });
}

/// What the language server does after an edit: re-check a 5,000-line file
/// (the generated organization cut at its first 5,000 lines' worth of cycles).
#[divan::bench(sample_count = 20)]
fn lsp_recheck_5000_lines(bencher: Bencher) {
    let mut text = organization(3);
    // Keep whole statements: cut at the last cycle that ends within 5,000 lines.
    let cut = text
        .match_indices("\n}\n")
        .map(|(i, _)| i + 3)
        .take_while(|&i| text[..i].lines().count() <= 5000)
        .last()
        .unwrap_or(text.len());
    text.truncate(cut);
    let lines = text.lines().count();
    assert!((4000..=5000).contains(&lines), "{lines} lines");
    bencher.bench(|| {
        koomc::compile_text(Path::new("plan.koom"), text.clone())
            .diagnostics
            .len()
    });
}
