//! Nothing a user (or a broken client) sends crashes or hangs the server:
//! text that is not JSON, JSON that is not JSON-RPC, a header without a
//! length, a wrong `Content-Length`, a body over the limit, a URI that is
//! not one, edits to unbalanced, huge or binary-looking text, requests on a
//! document the server has not seen or at positions out of range. After
//! each, a normal request still answers.
//!
//! The answers to every request on a 5,000-line file come within 100 ms in
//! a release build (the `lsp_*` benchmarks in `benches/pipeline.rs`); these
//! tests run in a debug build, so they hold the server to a looser bound
//! that only a hang would break.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::{fixed, Session};

/// A hover on `throughput` in the plan still answers with its metric.
fn still_answers(s: &mut Session) {
    let hover = s.at("textDocument/hover", &s.plan_uri.clone(), 5, 14);
    assert!(
        hover["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.contains("**metric** `throughput`")),
        "{hover}"
    );
}

fn framed(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

#[test]
fn malformed_messages_are_answered_or_skipped_and_the_server_goes_on() {
    let mut s = Session::with_plan(&fixed());
    // Not JSON: a parse error, with a null id.
    s.client
        .send_bytes(&framed("{\"jsonrpc\": \"2.0\", \"id\": 1, "));
    let answer = s.client.response(&Value::Null);
    assert_eq!(answer["error"]["code"], -32700, "{answer}");
    // JSON, not JSON-RPC: an invalid request, with its id where it has one.
    for (body, id) in [
        ("[1, 2, 3]", Value::Null),
        (
            "{\"id\": 70, \"method\": \"textDocument/hover\"}",
            json!(70),
        ),
        ("{\"jsonrpc\": \"2.0\", \"id\": 71}", json!(71)),
        (
            "{\"jsonrpc\": \"2.0\", \"id\": 72, \"method\": 5}",
            json!(72),
        ),
        (
            "{\"jsonrpc\": \"2.0\", \"id\": {}, \"method\": \"x\"}",
            Value::Null,
        ),
    ] {
        s.client.send_bytes(&framed(body));
        let answer = s.client.response(&id);
        assert_eq!(answer["error"]["code"], -32600, "{body}: {answer}");
    }
    // A notification that is not one is skipped, and logged.
    s.client.send_bytes(&framed(
        "{\"jsonrpc\": \"2.0\", \"method\": \"textDocument/didOpen\", \"params\": 3}",
    ));
    // No length, a length that is no number: skipped.
    s.client.send_bytes(b"Content-Type: x\r\n\r\n");
    s.client.send_bytes(b"Content-Length: twelve\r\n\r\n");
    still_answers(&mut s);
    // Wrong lengths, too short and too long: the next message is read.
    let hover = json!({ "jsonrpc": "2.0", "id": 80, "method": "textDocument/hover",
        "params": { "textDocument": { "uri": s.plan_uri }, "position": { "line": 5, "character": 14 } } })
    .to_string();
    s.client
        .send_bytes(format!("Content-Length: 5\r\n\r\n{hover}").as_bytes());
    s.client.send_bytes(b"Content-Length: 100000\r\n\r\n{}");
    s.client.send_bytes(&framed(&hover.replace("80", "81")));
    assert!(s.client.response(&json!(81))["result"]["contents"].is_object());
    still_answers(&mut s);
    let logged = s
        .client
        .notifications
        .iter()
        .any(|n| n["method"] == "window/logMessage");
    assert!(logged, "what was skipped is logged");
}

#[test]
fn unseen_documents_and_positions_out_of_range_answer_null() {
    let mut s = Session::with_plan(&fixed());
    let plan = s.plan_uri.clone();
    let unseen = koomc::lsp::path_to_uri(&s.root.join("unseen.koom"));
    for method in [
        "textDocument/hover",
        "textDocument/definition",
        "textDocument/references",
        "textDocument/completion",
        "textDocument/prepareRename",
    ] {
        assert_eq!(s.at(method, &unseen, 0, 0), Value::Null, "{method}");
        assert_eq!(
            s.at(method, &plan, 99, 0),
            Value::Null,
            "{method}: a line past the end"
        );
        assert_eq!(
            s.at(method, &plan, 5, 999),
            Value::Null,
            "{method}: a column past the end"
        );
    }
    for method in [
        "textDocument/documentSymbol",
        "textDocument/semanticTokens/full",
        "textDocument/foldingRange",
        "textDocument/formatting",
    ] {
        let answer = s
            .client
            .request(method, json!({ "textDocument": { "uri": unseen } }));
        assert_eq!(answer, Value::Null, "{method}");
    }
    // A parameter of the wrong shape is an error, not a crash.
    let error = s.client.refused(
        "textDocument/hover",
        json!({ "textDocument": { "uri": plan } }),
    );
    assert_eq!(error["code"], -32602);
    still_answers(&mut s);
}

#[test]
fn a_uri_with_a_percent_before_a_multibyte_character_is_no_crash() {
    let mut s = Session::with_plan(&fixed());
    // Was a panic in the hand-written percent-decoding.
    let odd = "file:///tmp/%é%.koom";
    s.open(odd, &fixed());
    s.at("textDocument/hover", odd, 5, 14);
    s.client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": "file:///%E9%", "type": 2 }, { "uri": "%", "type": 1 }] }),
    );
    still_answers(&mut s);
}

/// A 5,000-line plan, using the org file: the plan, then named cycles.
fn long_plan() -> String {
    let mut text = fixed();
    let mut n = 0;
    while text.lines().count() < 4996 {
        n += 1;
        text.push_str(&format!(
            "cycle c{n} from 2027-01-01 to 2027-03-31 {{\n  direction \"Crates ship within {n} hours.\"\n  to logistics {{ goal throughput >= {} }}\n}}\n",
            1200 + n
        ));
    }
    text
}

#[test]
fn any_edit_to_a_long_file_leaves_the_server_answering() {
    let mut s = Session::with_plan(&long_plan());
    let plan = s.plan_uri.clone();
    let bound = if cfg!(debug_assertions) {
        Duration::from_secs(10)
    } else {
        Duration::from_millis(100)
    };
    let unbalanced = long_plan().replace('}', "");
    let huge_line = format!("{}  direction \"{}\"\n", long_plan(), "x".repeat(200_000));
    let binary: String = (0u32..60_000).filter_map(char::from_u32).collect();
    let nul = long_plan().replace("crates", "\0\u{1}\u{FFFD}");
    for (version, text) in [unbalanced, huge_line, binary, nul, long_plan()]
        .into_iter()
        .enumerate()
    {
        s.change(&plan, version as i64 + 2, &text);
        let started = Instant::now();
        s.at("textDocument/documentSymbol", &plan, 0, 0);
        s.at("textDocument/hover", &plan, 3, 2);
        assert!(
            started.elapsed() < bound,
            "edit {version}: {:?}",
            started.elapsed()
        );
    }
    still_answers(&mut s);
}

/// The in-process session, as the fuzz targets drive it.
fn messages(out: &[u8]) -> Vec<Value> {
    let mut framer = koomc::lsp::framing::Framer::new();
    framer.push(out);
    std::iter::from_fn(|| framer.next_frame())
        .map(|f| match f {
            koomc::lsp::framing::Frame::Body(b) => serde_json::from_slice(&b).expect("JSON"),
            other => panic!("the server wrote {other:?}"),
        })
        .collect()
}

#[test]
fn a_body_over_64_mib_is_refused_and_skipped() {
    let mut session = koomc::lsp::Session::new();
    let init =
        json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {} }).to_string();
    session.feed(&framed(&init));
    let size = 65 * 1024 * 1024;
    let mut out = session.feed(format!("Content-Length: {size}\r\n\r\n").as_bytes());
    let chunk = vec![b' '; 1024 * 1024];
    for _ in 0..65 {
        out.extend(session.feed(&chunk));
    }
    let got = messages(&out);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0]["id"], Value::Null);
    assert!(got[0]["error"]["message"]
        .as_str()
        .expect("message")
        .contains("64 MiB"));
    let symbols = json!({ "jsonrpc": "2.0", "id": 2, "method": "workspace/symbol", "params": { "query": "" } });
    let got = messages(&session.feed(&framed(&symbols.to_string())));
    assert_eq!(got[0]["id"], 2);
    assert_eq!(got[0]["result"], json!([]));
}
