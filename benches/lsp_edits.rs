//! The language server's re-check after an edit, as `lsp_recheck_after_edit`
//! in `pipeline.rs` does it (a 5,000-line file, a character typed into a
//! direction in its middle and taken out again by turns), N times, for a
//! profiler: what one edit costs is the run with N+1 edits less the run
//! with 1.
//!
//! Run: `cargo build --release --example lsp-edits`, then
//! `valgrind --tool=callgrind target/release/examples/lsp-edits 11` and
//! `… lsp-edits 1`; without valgrind it prints the mean time per edit.

use std::time::Instant;

#[allow(dead_code)]
#[path = "gen_org.rs"]
mod gen_org;

#[allow(dead_code)]
#[path = "lsp_typing.rs"]
mod lsp_typing;

fn main() {
    let edits: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(11);
    let mut typing = lsp_typing::Typing::new();
    let start = Instant::now();
    for _ in 0..edits {
        let change = typing.next_edit();
        let out = typing.session.feed(&change);
        assert!(!out.is_empty(), "diagnostics published");
    }
    let per = start.elapsed().as_secs_f64() * 1e3 / edits as f64;
    eprintln!("{edits} edits, {per:.2} ms per edit");
}
