//! One conversation with a client, as a function of bytes: [`Session::feed`]
//! takes what the client wrote and returns what the server writes back,
//! framing included, with no threads and no standard input (the fuzz
//! targets and the tests drive it so; `run` drives it from stdio).
//!
//! The life of a server, as the protocol has it: requests before
//! `initialize` get `ServerNotInitialized`; after `shutdown` every request
//! gets `InvalidRequest`; `exit` ends the session, with status 0 after a
//! `shutdown` and 1 without one. Whatever arrives that is not a message —
//! a header without a length, a body over the limit, text that is not JSON,
//! JSON that is not JSON-RPC — is answered with the JSON-RPC error where it
//! has a request id (`null` where none can be read), or skipped with a
//! `window/logMessage` where it was a notification, and the session goes on.

use serde_json::{json, Value};

use super::framing::{frame, Frame, Framer, MAX_BODY};
use super::jsonrpc::{self, code, Id, Incoming};
use super::server::Server;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    Uninitialized,
    Running,
    ShutDown,
}

/// The server's side of one conversation.
pub struct Session {
    framer: Framer,
    server: Server,
    state: State,
    exit: Option<i32>,
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

impl Session {
    pub fn new() -> Session {
        Session {
            framer: Framer::new(),
            server: Server::default(),
            state: State::Uninitialized,
            exit: None,
        }
    }

    /// Take the client's bytes (any pieces) and return the server's.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<u8> {
        self.receive(bytes);
        self.process()
    }

    /// Take bytes without answering yet (`run` gathers what is waiting, so
    /// that changes that arrive together are checked once).
    pub fn receive(&mut self, bytes: &[u8]) {
        if self.exit.is_none() {
            self.framer.push(bytes);
        }
    }

    /// Answer every whole message received, then check what changed and
    /// publish its diagnostics.
    pub fn process(&mut self) -> Vec<u8> {
        let mut out = self.answer();
        out.extend(self.idle());
        out
    }

    /// Answer every whole message received.
    pub fn answer(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while self.exit.is_none() {
            let Some(next) = self.framer.next_frame() else {
                break;
            };
            self.frame(next, &mut out);
        }
        out
    }

    /// Check the documents that changed, and publish their diagnostics.
    pub fn idle(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        if self.exit.is_none() && self.state == State::Running {
            for params in self.server.idle() {
                write(
                    &mut out,
                    jsonrpc::notification("textDocument/publishDiagnostics", &params),
                );
            }
        }
        out
    }

    /// Whether the client asked for `shutdown`.
    pub fn is_shut_down(&self) -> bool {
        self.state == State::ShutDown
    }

    /// The exit status once the client said `exit`: 0 after `shutdown`, else 1.
    pub fn exit_code(&self) -> Option<i32> {
        self.exit
    }

    fn frame(&mut self, next: Frame, out: &mut Vec<u8>) {
        match next {
            Frame::Body(body) => self.message(jsonrpc::parse(&body), out),
            Frame::BadHeader(why) => log(out, &why),
            Frame::TooLarge(len) => {
                let message = format!(
                    "a message of {len} bytes is over the limit of {} MiB: skipped",
                    MAX_BODY / (1024 * 1024)
                );
                write(
                    out,
                    jsonrpc::error(&Value::Null, code::INVALID_REQUEST, &message),
                );
            }
        }
    }

    fn message(&mut self, incoming: Incoming, out: &mut Vec<u8>) {
        match incoming {
            Incoming::Request { id, method, params } => {
                let response = self.request(&id, &method, params);
                write(out, response);
            }
            Incoming::Notification { method, params } => self.notification(&method, params),
            Incoming::Response => {}
            Incoming::Invalid {
                id: Some(id),
                code,
                message,
            } => {
                write(out, jsonrpc::error(&id, code, &message));
            }
            Incoming::Invalid {
                id: None, message, ..
            } => {
                log(out, &format!("a notification was skipped: {message}"));
            }
        }
    }

    fn request(&mut self, id: &Id, method: &str, params: Value) -> String {
        match (self.state, method) {
            (State::Uninitialized, "initialize") => {
                self.state = State::Running;
                let result = super::capabilities::initialize_result();
                jsonrpc::ok(id, &raw(&result))
            }
            (State::Uninitialized, _) => jsonrpc::error(
                id,
                code::SERVER_NOT_INITIALIZED,
                "the server is not initialized: send `initialize` first",
            ),
            (State::Running, "initialize") => jsonrpc::error(
                id,
                code::INVALID_REQUEST,
                "the server is already initialized",
            ),
            (State::Running, "shutdown") => {
                self.state = State::ShutDown;
                jsonrpc::ok(id, &raw(&Value::Null))
            }
            (State::Running, _) => match self.server.request(method, params) {
                Ok(result) => jsonrpc::ok(id, &result),
                Err(failure) => jsonrpc::error(id, failure.code, &failure.message),
            },
            (State::ShutDown, _) => jsonrpc::error(
                id,
                code::INVALID_REQUEST,
                "the server is shut down: only `exit` is taken now",
            ),
        }
    }

    fn notification(&mut self, method: &str, params: Value) {
        match (self.state, method) {
            (_, "exit") => self.exit = Some(if self.state == State::ShutDown { 0 } else { 1 }),
            (State::Running, _) => self.server.notification(method, params),
            _ => {}
        }
    }
}

fn write(out: &mut Vec<u8>, message: String) {
    out.extend(frame(message.as_bytes()));
}

fn raw(value: &Value) -> Box<serde_json::value::RawValue> {
    serde_json::value::to_raw_value(value).expect("a JSON value is JSON")
}

/// A `window/logMessage` warning: what the server skipped and why.
fn log(out: &mut Vec<u8>, message: &str) {
    let params = json!({ "type": 2, "message": format!("koomc lsp: {message}") });
    write(
        out,
        jsonrpc::notification("window/logMessage", &params.to_string()),
    );
}
