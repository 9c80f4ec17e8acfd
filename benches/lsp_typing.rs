//! An open 5,000-line file in a language-server session, and a character
//! typed into a direction in its middle (and taken out again, by turns):
//! what `lsp_recheck_after_edit` (`pipeline.rs`) and the `lsp-edits`
//! example measure. Included by both with `#[path]`; each declares
//! `gen_org` beside it.

use std::path::PathBuf;

/// The generated organization at `scale`.
pub fn organization(scale: u64) -> String {
    let mut out = Vec::new();
    super::gen_org::generate(scale, &mut out).expect("generate in memory");
    String::from_utf8(out).expect("the generator writes UTF-8")
}

/// The generated organization cut at its first 5,000 lines' worth of
/// cycles (whole statements: at the last cycle that ends within them).
pub fn five_thousand_lines() -> String {
    let mut text = organization(3);
    let cut = text
        .match_indices("\n}\n")
        .map(|(i, _)| i + 3)
        .take_while(|&i| text[..i].lines().count() <= 5000)
        .last()
        .unwrap_or(text.len());
    text.truncate(cut);
    let lines = text.lines().count();
    assert!((4000..=5000).contains(&lines), "{lines} lines");
    text
}

/// A message as the client frames it.
pub fn message(value: serde_json::Value) -> Vec<u8> {
    let body = value.to_string();
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend(body.as_bytes());
    out
}

/// A session with the 5,000-line file open, and where the typing goes.
pub struct Typing {
    pub session: koomc::lsp::Session,
    uri: String,
    line: usize,
    character: usize,
    version: i64,
    _dir: tempfile::TempDir,
}

impl Typing {
    pub fn new() -> Typing {
        let text = five_thousand_lines();
        let middle = text.len() / 2;
        let at = middle + text[middle..].find("direction \"").expect("a direction") + 11;
        let line = text[..at].matches('\n').count();
        let character = at - text[..at].rfind('\n').map_or(0, |i| i + 1);
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root: PathBuf = std::fs::canonicalize(dir.path()).expect("canonical");
        std::fs::write(root.join("plan.koom"), &text).expect("write");
        let uri = koomc::lsp::path_to_uri(&root.join("plan.koom"));
        let mut session = koomc::lsp::Session::new();
        let init = serde_json::json!({ "jsonrpc": "2.0", "id": 0, "method": "initialize", "params": { "capabilities": {} } });
        session.feed(&message(init));
        session.feed(&message(serde_json::json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": { "textDocument": { "uri": uri, "languageId": "koom", "version": 1, "text": text } } })));
        Typing {
            session,
            uri,
            line,
            character,
            version: 1,
            _dir: dir,
        }
    }

    /// The next `didChange`: a character typed, or the one typed taken out.
    pub fn next_edit(&mut self) -> Vec<u8> {
        self.version += 1;
        let (line, character) = (self.line, self.character);
        let (end, typed) = match self.version % 2 {
            0 => (character, "x"),
            _ => (character + 1, ""),
        };
        message(
            serde_json::json!({ "jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": { "textDocument": { "uri": self.uri, "version": self.version }, "contentChanges": [
                { "range": { "start": { "line": line, "character": character }, "end": { "line": line, "character": end } }, "text": typed } ] } }),
        )
    }
}
