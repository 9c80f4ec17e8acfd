//! The server's life: `initialize` (in [`Session::start`]), `shutdown`,
//! `exit`, and a successful exit status.

use serde_json::Value;

use super::{fixed, Session};

#[test]
fn shutdown_and_exit_end_the_server_with_success() {
    let mut s = Session::with_plan(&fixed());
    s.client.request("shutdown", Value::Null);
    s.client.notify("exit", Value::Null);
    drop(s.client.stdin.take()); // an editor closes the pipe after `exit`
    let status = s.client.child.wait().expect("exits");
    assert!(status.success());
}
