//! Release-mode benchmark of the pipeline on synthetic organizations
//! (`gen_org.rs`): `check` (load → syntax → resolve → check) and `build`
//! (the same plus emit and serialization), at three sizes, so that the
//! throughput figures also show whether the pipeline stays linear.
//!
//! Run: `cargo bench --bench pipeline`. Whole-process figures with peak memory:
//! `benches/measure.sh`.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use divan::counter::BytesCount;
use divan::Bencher;

#[allow(dead_code)]
#[path = "gen_org.rs"]
mod gen_org;

#[path = "lsp_typing.rs"]
mod lsp_typing;
use lsp_typing::{five_thousand_lines, message, organization};

fn main() {
    divan::main();
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

/// Every sentence of the evaluation set (`tests/phrasing/`).
fn evaluation_sentences() -> Vec<String> {
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
    sentences
}

/// Time per sentence of the evaluation set for one way of judging it.
fn judge_each(bencher: Bencher, refused: fn(&str, &koomc::phrasing::Lexicon) -> bool) {
    let sentences = evaluation_sentences();
    let lexicon = koomc::phrasing::Lexicon::builtin();
    bencher
        .counter(divan::counter::ItemsCount::new(sentences.len()))
        .bench(|| sentences.iter().filter(|s| refused(s, &lexicon)).count());
}

/// The phrasing analyzer's verdict on every sentence of the evaluation set:
/// time per directive text, what every text of a plan pays.
#[divan::bench(sample_count = 50)]
fn phrasing(bencher: Bencher) {
    use koomc::phrasing::{analyze, Verdict};
    judge_each(bencher, |s, lex| analyze(s, lex) != Verdict::Outcome);
}

/// The same with the rewrite each refused text's help shows (built and held
/// to the analyzer; 60% of these sentences are refused, where a plan that
/// builds has none).
#[divan::bench(sample_count = 50)]
fn phrasing_explained(bencher: Bencher) {
    use koomc::phrasing::{explain_in, Place, Verdict};
    judge_each(bencher, |s, lex| {
        explain_in(s, lex, Place::Outcome) != Verdict::Outcome
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

/// A whole check of a 5,000-line file, read from nothing: what the
/// language server did after every edit before it kept what an edit did
/// not touch (`lsp_recheck_after_edit`).
#[divan::bench(sample_count = 20)]
fn lsp_recheck_5000_lines(bencher: Bencher) {
    let text = five_thousand_lines();
    bencher.bench(|| {
        koomc::compile_text(Path::new("plan.koom"), text.clone())
            .diagnostics
            .len()
    });
}

/// What the language server does after an edit to an open 5,000-line file:
/// a character typed into a direction in the middle of it (and taken out
/// again, by turns), then the file checked again and its diagnostics
/// published.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn lsp_recheck_after_edit(bencher: Bencher) {
    let typing = RefCell::new(lsp_typing::Typing::new());
    bencher
        .with_inputs(|| typing.borrow_mut().next_edit())
        .bench_local_values(|bytes| {
            let out = typing.borrow_mut().session.feed(&bytes);
            assert!(!out.is_empty(), "diagnostics published");
            out.len()
        });
}

/// A 5,000-line project of three files: `org.koom` (the declarations of the
/// generated organization) and two plans that `use` it, each with half of its
/// cycles, all open in a language-server session.
struct Project {
    _dir: tempfile::TempDir,
    uris: [String; 3],
    session: koomc::lsp::Session,
    next_id: u64,
}

impl Project {
    fn new() -> Project {
        let text = organization(4);
        let first = text.find("\ncycle ").expect("a cycle") + 1;
        let (declarations, cycles) = text.split_at(first);
        let mut ends: Vec<usize> = cycles.match_indices("\n}\n").map(|(i, _)| i + 3).collect();
        let budget = 5000 - declarations.lines().count() - 4;
        ends.retain(|&i| cycles[..i].lines().count() <= budget);
        let all = &cycles[..*ends.last().expect("a cycle fits")];
        let half = ends[ends.len() / 2 - 1];
        let head = "koom 1.0\nuse \"org.koom\"\n";
        let mut files = [
            ("org.koom", declarations.to_owned()),
            ("plan-a.koom", format!("{head}{}", &all[..half])),
            ("plan-b.koom", format!("{head}{}", &all[half..])),
        ];
        // Whole cycles come in hundreds of lines: notes make up the rest.
        let lines: usize = files.iter().map(|(_, t)| t.lines().count()).sum();
        for n in lines..5000 {
            files[2].1.push_str(&format!(
                "# note {n}: the plan's reasons are in the briefing\n"
            ));
        }
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root: PathBuf = std::fs::canonicalize(dir.path()).expect("canonical");
        let mut session = koomc::lsp::Session::new();
        let init = serde_json::json!({ "jsonrpc": "2.0", "id": 0, "method": "initialize", "params": { "capabilities": {} } });
        session.feed(&message(init));
        let uris = files.clone().map(|(name, text)| {
            std::fs::write(root.join(name), &text).expect("write");
            let uri = koomc::lsp::path_to_uri(&root.join(name));
            session.feed(&message(serde_json::json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": { "textDocument": { "uri": uri, "languageId": "koom", "version": 1, "text": text } } })));
            uri
        });
        Project {
            _dir: dir,
            uris,
            session,
            next_id: 1,
        }
    }

    /// An edit that leaves the text as it is (it is checked again all the
    /// same), then a request: the bytes to feed.
    fn edit_then(&mut self, file: usize, method: &str, params: serde_json::Value) -> Vec<u8> {
        let uri = &self.uris[file];
        let mut bytes = message(
            serde_json::json!({ "jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": { "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [
                { "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 4 } }, "text": "koom" } ] } }),
        );
        self.next_id += 1;
        bytes.extend(message(serde_json::json!({ "jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params })));
        bytes
    }
}

/// The requests of an editor, on `plan-a.koom` unless said.
fn request(uri: &str, method: &str) -> serde_json::Value {
    let doc = serde_json::json!({ "uri": uri });
    let at = serde_json::json!({ "line": 5, "character": 14 });
    let whole = serde_json::json!({ "start": { "line": 0, "character": 0 }, "end": { "line": 9999, "character": 0 } });
    match method {
        "textDocument/codeAction" => {
            serde_json::json!({ "textDocument": doc, "range": whole, "context": { "diagnostics": [] } })
        }
        "textDocument/inlayHint" => serde_json::json!({ "textDocument": doc, "range": whole }),
        "textDocument/rename" => {
            serde_json::json!({ "textDocument": doc, "position": at, "newName": "renamed-name" })
        }
        "textDocument/references" => {
            serde_json::json!({ "textDocument": doc, "position": at, "context": { "includeDeclaration": true } })
        }
        "workspace/symbol" => serde_json::json!({ "query": "ops" }),
        "textDocument/hover"
        | "textDocument/definition"
        | "textDocument/completion"
        | "textDocument/prepareRename" => {
            serde_json::json!({ "textDocument": doc, "position": at })
        }
        _ => serde_json::json!({ "textDocument": doc }),
    }
}

const LSP_REQUESTS: [&str; 13] = [
    "textDocument/hover",
    "textDocument/definition",
    "textDocument/references",
    "textDocument/completion",
    "textDocument/prepareRename",
    "textDocument/rename",
    "textDocument/codeAction",
    "textDocument/formatting",
    "textDocument/documentSymbol",
    "workspace/symbol",
    "textDocument/foldingRange",
    "textDocument/semanticTokens/full",
    "textDocument/inlayHint",
];

/// An edit to `plan-a.koom`, then one request on it, answered: the time an
/// editor waits for the answer (the other documents' checks and the
/// diagnostics come after the answer, outside the measure:
/// `lsp_idle_after_org_edit` measures them).
#[divan::bench(args = LSP_REQUESTS, sample_count = 20, sample_size = 1)]
fn lsp_request_after_edit(bencher: Bencher, method: &str) {
    let project = RefCell::new(Project::new());
    let uri = project.borrow().uris[1].clone();
    bencher
        .with_inputs(|| {
            let mut p = project.borrow_mut();
            p.session.idle();
            p.edit_then(1, method, request(&uri, method))
        })
        .bench_local_values(|bytes| {
            let mut p = project.borrow_mut();
            p.session.receive(&bytes);
            let out = p.session.answer();
            assert!(!out.is_empty(), "{method} answered");
            out.len()
        });
}

/// An unsaved edit to `org.koom`, which both plans `use`, then a hover on
/// `plan-a.koom`: the plan is checked against the edited buffer first.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn lsp_hover_after_org_edit(bencher: Bencher) {
    let project = RefCell::new(Project::new());
    let uri = project.borrow().uris[1].clone();
    bencher
        .with_inputs(|| {
            let mut p = project.borrow_mut();
            p.session.idle();
            p.edit_then(0, "textDocument/hover", request(&uri, "textDocument/hover"))
        })
        .bench_local_values(|bytes| {
            let mut p = project.borrow_mut();
            p.session.receive(&bytes);
            p.session.answer().len()
        });
}

/// What follows the answer when nothing more is waiting, after an edit to
/// `org.koom`: all three documents checked again and their diagnostics
/// published.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn lsp_idle_after_org_edit(bencher: Bencher) {
    let project = RefCell::new(Project::new());
    let uri = project.borrow().uris[1].clone();
    bencher
        .with_inputs(|| {
            let mut p = project.borrow_mut();
            let bytes = p.edit_then(0, "textDocument/hover", request(&uri, "textDocument/hover"));
            p.session.receive(&bytes);
            p.session.answer();
        })
        .bench_local_values(|()| project.borrow_mut().session.idle().len());
}
