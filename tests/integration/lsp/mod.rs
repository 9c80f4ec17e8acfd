//! `koomc lsp` driven over stdio as an editor drives it: initialize, didOpen,
//! didChange, hover, definition, references, completion, rename, code action,
//! formatting, document symbols, shutdown. Positions are UTF-16.

use std::io::{BufRead, BufReader, Read, Write};
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

const ORG: &str = "koom 1.0\norg \"Café Raccoon\"\nmanager operations \"Rita\"\nmanager logistics \"Bo\"\nworker night-shift under operations\nmetric throughput unit crates/week better higher baseline 1150\n";

#[test]
fn an_editor_session() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = std::fs::canonicalize(dir.path()).expect("canonical");
    std::fs::write(root.join("org.koom"), ORG).expect("write");
    let plan_path = root.join("plan.koom");
    let plan_uri = koomc::lsp::path_to_uri(&plan_path);
    let org_uri = koomc::lsp::path_to_uri(&root.join("org.koom"));
    // `é` and `😀` before the typo: UTF-16 columns differ from byte columns.
    let broken = "koom 1.0\nuse \"org.koom\"\nrevision 2026-01-02\ncycle 2026-Q1 {\n  direction \"Café 😀 crates ship within 24 hours.\"\n  priority 1 throughput\n  to logistcs { goal throughput >= 1300 by 2026-03-31 }\n}\n";
    std::fs::write(&plan_path, broken).expect("write");

    let mut client = Client::start();
    let init = client.request(
        "initialize",
        json!({ "processId": null, "rootUri": koomc::lsp::path_to_uri(&root), "capabilities": {} }),
    );
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    client.notify("initialized", json!({}));

    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": plan_uri, "languageId": "koom", "version": 1, "text": broken } }));
    let diagnostics = client.diagnostics(&plan_uri);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "E0102");
    assert_eq!(
        diagnostics[0]["range"]["start"],
        json!({ "line": 6, "character": 5 })
    );

    // A quick fix applies the did-you-mean.
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": plan_uri },
            "range": diagnostics[0]["range"],
            "context": { "diagnostics": diagnostics }
        }),
    );
    assert_eq!(actions[0]["title"], "Replace with `logistics`");

    let fixed = broken.replace("logistcs", "logistics");
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": plan_uri, "version": 2 },
            "contentChanges": [{ "text": fixed }]
        }),
    );
    assert_eq!(client.diagnostics(&plan_uri), Vec::<Value>::new());

    // Hover on `throughput` (line 5, after `priority 1 `).
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": plan_uri }, "position": { "line": 5, "character": 14 } }),
    );
    let shown = hover["contents"]["value"].as_str().expect("markdown");
    assert!(
        shown.contains("**metric** `throughput`") && shown.contains("crates/week"),
        "{shown}"
    );
    // Hover on a keyword.
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": plan_uri }, "position": { "line": 5, "character": 3 } }),
    );
    assert!(hover["contents"]["value"]
        .as_str()
        .expect("markdown")
        .contains("rank"));

    // Definition of `logistics` is in org.koom.
    let definition = client.request(
        "textDocument/definition",
        json!({ "textDocument": { "uri": plan_uri }, "position": { "line": 6, "character": 7 } }),
    );
    assert_eq!(definition["uri"], org_uri);
    assert_eq!(
        definition["range"]["start"],
        json!({ "line": 3, "character": 8 })
    );

    let references = client.request("textDocument/references", json!({ "textDocument": { "uri": plan_uri }, "position": { "line": 5, "character": 14 }, "context": { "includeDeclaration": true } }));
    assert_eq!(references.as_array().expect("array").len(), 3);

    // Completion after `to ` offers the units the executive layer may address.
    let with_to = fixed.replace("}\n}\n", "}\n  to \n}\n");
    client.notify("textDocument/didChange", json!({ "textDocument": { "uri": plan_uri, "version": 3 }, "contentChanges": [{ "text": with_to }] }));
    let completion = client.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": plan_uri }, "position": { "line": 7, "character": 5 } }),
    );
    let labels: Vec<&str> = completion
        .as_array()
        .expect("array")
        .iter()
        .map(|i| i["label"].as_str().expect("label"))
        .collect();
    assert!(
        labels.contains(&"logistics") && labels.contains(&"operations"),
        "{labels:?}"
    );
    assert!(
        !labels.contains(&"night-shift"),
        "a worker offered: {labels:?}"
    );
    client.notify("textDocument/didChange", json!({ "textDocument": { "uri": plan_uri, "version": 4 }, "contentChanges": [{ "text": fixed }] }));

    // Rename a metric across both files.
    let rename = client.request("textDocument/rename", json!({ "textDocument": { "uri": plan_uri }, "position": { "line": 5, "character": 14 }, "newName": "output" }));
    let changes = rename["changes"].as_object().expect("changes");
    assert_eq!(changes[&plan_uri].as_array().expect("edits").len(), 2);
    assert_eq!(changes[&org_uri].as_array().expect("edits").len(), 1);

    // Formatting returns the canonical layout.
    let messy = fixed.replace("  priority 1 throughput", "      priority   1   throughput");
    client.notify("textDocument/didChange", json!({ "textDocument": { "uri": plan_uri, "version": 5 }, "contentChanges": [{ "text": messy }] }));
    let edits = client.request("textDocument/formatting", json!({ "textDocument": { "uri": plan_uri }, "options": { "tabSize": 2, "insertSpaces": true } }));
    let canonical = koomc::format::format(koomc::source::FileId(0), &fixed).expect("formats");
    assert_eq!(edits[0]["newText"], canonical.as_str());
    assert!(canonical.contains("  priority 1 throughput\n"));

    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": plan_uri } }),
    );
    assert!(symbols
        .as_array()
        .expect("array")
        .iter()
        .any(|s| s["name"] == "2026-Q1"));

    // Quick fixes: a worker address becomes its manager's; a missing `better`.
    let other_uri = koomc::lsp::path_to_uri(&root.join("other.koom"));
    let other = "koom 1.0\nuse \"org.koom\"\nmetric rating unit points baseline 3\ncycle 2026-Q1 {\n  constraint throughput +5% keep rating\n  to night-shift { goal throughput >= 1200 }\n}\n";
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": other_uri, "languageId": "koom", "version": 1, "text": other } }));
    let found = client.diagnostics(&other_uri);
    let codes: Vec<&str> = found
        .iter()
        .map(|d| d["code"].as_str().expect("code"))
        .collect();
    assert_eq!(codes, ["E0304", "E0101"]);
    let actions = client.request("textDocument/codeAction", json!({
        "textDocument": { "uri": other_uri },
        "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 7, "character": 0 } },
        "context": { "diagnostics": found }
    }));
    let titles: Vec<&str> = actions
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["title"].as_str().expect("title"))
        .collect();
    assert_eq!(
        titles,
        [
            "Add `better higher` to the metric",
            "Address the manager `operations` instead"
        ]
    );
    let fix = &actions[1]["edit"]["changes"][&other_uri][0];
    assert_eq!(fix["newText"], "operations");
    assert_eq!(fix["range"]["start"], json!({ "line": 5, "character": 5 }));

    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    drop(client.stdin.take()); // an editor closes the pipe after `exit`
    let status = client.child.wait().expect("exits");
    assert!(status.success());
}
