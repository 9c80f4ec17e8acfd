//! A document in the language server under arbitrary edits: the input is a
//! text, then edits separated by NUL bytes (two bytes place the edit and
//! say how much it removes, the rest is inserted). After each edit the
//! client asks for hover, completion, symbols, definition and formatting
//! at a position the edit names; every request gets exactly one answer,
//! and nothing panics.
#![no_main]

use koomc_fuzz::{frame, messages};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

const URI: &str = "file:///koomc-fuzz/nowhere/plan.koom";

fuzz_target!(|data: &[u8]| {
    let mut pieces = data.split(|b| *b == 0);
    let mut text = String::from_utf8_lossy(pieces.next().unwrap_or_default()).into_owned();
    let mut session = koomc::lsp::Session::new();
    let mut out = Vec::new();
    out.extend(session.feed(&request(0, "initialize", json!({ "capabilities": {} }))));
    out.extend(session.feed(&notification(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": URI, "languageId": "koom", "version": 0, "text": text } }),
    )));
    let mut id = 0;
    for (version, edit) in pieces.take(16).enumerate() {
        let [at, remove, inserted @ ..] = edit else {
            continue;
        };
        let start = boundary(&text, usize::from(*at) * text.len() / 255);
        let end = boundary(&text, start + usize::from(*remove) % 16);
        text.replace_range(start..end, &String::from_utf8_lossy(inserted));
        out.extend(session.feed(&notification(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": URI, "version": version + 1 },
                "contentChanges": [{ "text": text }]
            }),
        )));
        let position = json!({ "line": at % 8, "character": remove });
        let at = json!({ "textDocument": { "uri": URI }, "position": position });
        for method in [
            "textDocument/hover",
            "textDocument/completion",
            "textDocument/definition",
            "textDocument/references",
        ] {
            id += 1;
            out.extend(session.feed(&request(id, method, at.clone())));
        }
        for method in ["textDocument/documentSymbol", "textDocument/formatting"] {
            id += 1;
            let params = json!({ "textDocument": { "uri": URI }, "options": { "tabSize": 2, "insertSpaces": true } });
            out.extend(session.feed(&request(id, method, params)));
        }
    }
    let answered = answers(&out);
    assert_eq!(
        answered,
        (0..=id).collect::<Vec<_>>(),
        "every request answered once, in order"
    );
});

/// The nearest character boundary at or before `at`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn request(id: u64, method: &str, params: Value) -> Vec<u8> {
    frame(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }))
}

fn notification(method: &str, params: Value) -> Vec<u8> {
    frame(&json!({ "jsonrpc": "2.0", "method": method, "params": params }))
}

/// The ids of the responses in the server's output, in order.
fn answers(out: &[u8]) -> Vec<u64> {
    let mut ids = Vec::new();
    for value in messages(out) {
        if value.get("method").is_none() {
            assert!(value.get("error").is_none(), "an error: {value}");
            ids.push(value["id"].as_u64().expect("a numeric id"));
        }
    }
    ids
}
