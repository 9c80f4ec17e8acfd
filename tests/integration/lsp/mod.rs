//! `koomc lsp` driven over stdio as an editor drives it, one test per
//! feature: diagnostics, code actions, hover, definition, references,
//! rename, completion, formatting, document symbols, shutdown. Positions are
//! UTF-16. Each test starts its own server on its own project folder
//! ([`Session`]), so one failure does not hide the others.

mod code_actions;
mod completion;
mod diagnostics;
mod formatting;
mod hover;
mod lifecycle;
mod navigation;
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
        let stdin = self.stdin.as_mut().expect("open");
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
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
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let message = self.receive();
            if message.get("id") == Some(&json!(id)) {
                assert!(message.get("error").is_none(), "{method}: {message}");
                return message["result"].clone();
            }
            self.notifications.push(message);
        }
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
