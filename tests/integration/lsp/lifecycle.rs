//! The server's life: `initialize` (in [`Session::start`]), `shutdown`,
//! `exit` and the exit status (0 after `shutdown`, 1 without), and what
//! requests get before `initialize` and after `shutdown`.

use serde_json::{json, Value};

use super::{fixed, Client, Session};

#[test]
fn shutdown_and_exit_end_the_server_with_success() {
    let mut s = Session::with_plan(&fixed());
    s.client.request("shutdown", Value::Null);
    s.client.notify("exit", Value::Null);
    drop(s.client.stdin.take()); // an editor closes the pipe after `exit`
    let status = s.client.child.wait().expect("exits");
    assert!(status.success());
}

#[test]
fn exit_without_shutdown_is_status_1() {
    let mut s = Session::with_plan(&fixed());
    s.client.notify("exit", Value::Null);
    let status = s.client.child.wait().expect("exits");
    assert_eq!(status.code(), Some(1));
}

#[test]
fn requests_after_shutdown_are_invalid() {
    let mut s = Session::with_plan(&fixed());
    s.client.request("shutdown", Value::Null);
    let uri = s.plan_uri.clone();
    let error = s.client.refused(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 5, "character": 14 } }),
    );
    assert_eq!(error["code"], -32600, "{error}");
    assert_eq!(s.client.refused("shutdown", Value::Null)["code"], -32600);
    s.client.notify("exit", Value::Null);
    assert_eq!(s.client.child.wait().expect("exits").code(), Some(0));
}

#[test]
fn before_initialize_only_initialize_is_answered() {
    let mut client = Client::start();
    let error = client.refused("workspace/symbol", json!({ "query": "" }));
    assert_eq!(error["code"], -32002, "{error}");
    client.request(
        "initialize",
        json!({ "processId": null, "capabilities": {} }),
    );
    let again = client.refused(
        "initialize",
        json!({ "processId": null, "capabilities": {} }),
    );
    assert_eq!(again["code"], -32600, "{again}");
    assert_eq!(
        client.refused("koom/unknown", json!({}))["code"],
        -32601,
        "a method the server does not know"
    );
}
