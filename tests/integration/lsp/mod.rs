//! `koomc lsp` driven over stdio as an editor drives it, one module per
//! feature: diagnostics, checks across files and open buffers, code
//! actions, hover, definition and references, rename, completion,
//! formatting, symbols, folding, semantic tokens, inlay hints, the
//! protocol's life, and what malformed input does (nothing). Positions are
//! UTF-16. Each test starts its own server on its own project folder
//! ([`Session`]), so one failure does not hide the others; `robustness`
//! also drives the in-process `koomc::lsp::Session`.

mod code_actions;
mod completion;
mod cross_file;
mod diagnostics;
mod folding;
mod formatting;
mod hover;
mod inlay_hints;
mod lifecycle;
mod navigation;
mod rename;
mod robustness;
mod semantic_tokens;
mod symbols;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{json, Value};

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
    next_id: i64,
    /// Notifications received while waiting for responses.
    notifications: Vec<Value>,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_koomc"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("koomc lsp starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = BufReader::new(child.stdout.take().expect("stdout"));
        Client {
            child,
            stdin: Some(stdin),
            stdout,
            next_id: 0,
            notifications: Vec::new(),
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        self.send_bytes(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    /// Bytes as they are, framed or not.
    fn send_bytes(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("open");
        stdin.write_all(bytes).expect("write");
        stdin.flush().expect("flush");
    }

    fn receive(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.stdout.read_line(&mut line).expect("read header");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse().expect("length");
            }
        }
        let mut body = vec![0; length];
        self.stdout.read_exact(&mut body).expect("read body");
        serde_json::from_slice(&body).expect("JSON")
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let message = self.respond(method, params);
        assert!(message.get("error").is_none(), "{method}: {message}");
        message["result"].clone()
    }

    /// A request's whole response (`result` or `error`).
    fn respond(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.response(&json!(id))
    }

    /// The response with this id; notifications are kept meanwhile.
    fn response(&mut self, id: &Value) -> Value {
        loop {
            let message = self.receive();
            if message.get("id") == Some(id) && message.get("method").is_none() {
                return message;
            }
            self.notifications.push(message);
        }
    }

    /// A request that must be refused: its error.
    fn refused(&mut self, method: &str, params: Value) -> Value {
        let message = self.respond(method, params);
        assert!(message.get("result").is_none(), "{method}: {message}");
        message["error"].clone()
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            if let Some(i) = self.notifications.iter().position(|n| {
                n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri
            }) {
                let n = self.notifications.remove(i);
                return n["params"]["diagnostics"]
                    .as_array()
                    .expect("array")
                    .clone();
            }
            let message = self.receive();
            self.notifications.push(message);
        }
    }
}

impl Drop for Client {
    /// A test that failed half-way leaves no server behind.
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const ORG: &str = "koom 1.0\norg \"Café Raccoon\"\nmanager operations \"Rita\"\nmanager logistics \"Bo\"\nworker night-shift under operations\nmetric throughput unit crates/week better higher baseline 1150\n";

/// `plan.koom` with a typo. `é` and `😀` before the typo: UTF-16 columns
/// differ from byte columns.
const BROKEN: &str = "koom 1.0\nuse \"org.koom\"\nrevision 2026-01-02\ncycle 2026-Q1 {\n  direction \"Café 😀 crates ship within 24 hours.\"\n  priority 1 throughput\n  to logistcs { goal throughput >= 1300 by 2026-03-31 }\n}\n";

/// `plan.koom` put right.
fn fixed() -> String {
    BROKEN.replace("logistcs", "logistics")
}

/// A project folder (`org.koom`, and `plan.koom` as [`BROKEN`] on disk) and
/// a server initialized on it.
struct Session {
    client: Client,
    root: PathBuf,
    plan_uri: String,
    org_uri: String,
    _dir: tempfile::TempDir,
}

impl Session {
    fn start() -> Session {
        let dir = tempfile::tempdir().expect("tmp");
        let root = std::fs::canonicalize(dir.path()).expect("canonical");
        std::fs::write(root.join("org.koom"), ORG).expect("write");
        let plan_path = root.join("plan.koom");
        std::fs::write(&plan_path, BROKEN).expect("write");
        let mut client = Client::start();
        let init = client.request(
            "initialize",
            json!({ "processId": null, "rootUri": koomc::lsp::path_to_uri(&root), "capabilities": {} }),
        );
        assert_eq!(init["capabilities"]["hoverProvider"], true);
        client.notify("initialized", json!({}));
        Session {
            client,
            plan_uri: koomc::lsp::path_to_uri(&plan_path),
            org_uri: koomc::lsp::path_to_uri(&root.join("org.koom")),
            root,
            _dir: dir,
        }
    }

    /// A session with `plan.koom` open in the editor as `text`.
    fn with_plan(text: &str) -> Session {
        let mut session = Session::start();
        let uri = session.plan_uri.clone();
        session.open(&uri, text);
        session
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.client.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "koom", "version": 1, "text": text } }),
        );
    }

    fn close(&mut self, uri: &str) {
        self.client.notify(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": uri } }),
        );
    }

    /// A request at a position of a document.
    fn at(&mut self, method: &str, uri: &str, line: u32, character: u32) -> Value {
        self.client.request(
            method,
            json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }),
        )
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "text": text }]
            }),
        );
    }
}

/// The labels of a list of completion items (or of anything with labels).
fn labels(items: &Value) -> Vec<String> {
    items
        .as_array()
        .expect("an array")
        .iter()
        .map(|i| i["label"].as_str().expect("label").to_owned())
        .collect()
}

/// The codes of a list of diagnostics.
fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().expect("code").to_owned())
        .collect()
}
