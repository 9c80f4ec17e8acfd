//! JSON-RPC 2.0 messages: what a body is (a request, a notification, a
//! response, or something the server must refuse), and what the server
//! writes back.

use serde_json::value::RawValue;
use serde_json::{json, Value};

/// The error codes the server answers with.
pub mod code {
    pub const PARSE_ERROR: i32 = -32700;
    pub const INVALID_REQUEST: i32 = -32600;
    pub const METHOD_NOT_FOUND: i32 = -32601;
    pub const INVALID_PARAMS: i32 = -32602;
    pub const SERVER_NOT_INITIALIZED: i32 = -32002;
    pub const REQUEST_FAILED: i32 = -32803;
}

/// A request's id: a number or a string.
pub type Id = Value;

/// One message from the client.
#[derive(Debug)]
pub enum Incoming {
    Request {
        id: Id,
        method: String,
        params: Value,
    },
    Notification {
        method: String,
        params: Value,
    },
    /// A response to something the server asked (it asks nothing that it
    /// waits for): ignored.
    Response,
    /// Not a message the server can take: answered with this error, with
    /// the request's id where it has one (else `null`), or skipped where it
    /// was a notification.
    Invalid {
        id: Option<Id>,
        code: i32,
        message: String,
    },
}

/// What a body says.
pub fn parse(body: &[u8]) -> Incoming {
    let value: Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(e) => {
            return Incoming::Invalid {
                id: Some(Value::Null),
                code: code::PARSE_ERROR,
                message: format!("the message is not JSON: {e}"),
            }
        }
    };
    classify(value)
}

fn invalid(id: Option<Id>, message: impl Into<String>) -> Incoming {
    Incoming::Invalid {
        id,
        code: code::INVALID_REQUEST,
        message: message.into(),
    }
}

fn classify(value: Value) -> Incoming {
    let Value::Object(mut object) = value else {
        return invalid(Some(Value::Null), "a message is a JSON object");
    };
    let id = match object.remove("id") {
        None => None,
        Some(id @ (Value::String(_) | Value::Number(_))) if is_id(&id) => Some(id),
        Some(_) => return invalid(Some(Value::Null), "an id is an integer or a string"),
    };
    if object.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return invalid(
            id.or(Some(Value::Null)),
            "a message says `\"jsonrpc\": \"2.0\"`",
        );
    }
    let params = object.remove("params").unwrap_or(Value::Null);
    let method = match object.remove("method") {
        Some(Value::String(method)) => method,
        Some(_) => return invalid(id.or(Some(Value::Null)), "a method is a string"),
        None if id.is_some() && (object.contains_key("result") || object.contains_key("error")) => {
            return Incoming::Response
        }
        None => return invalid(id.or(Some(Value::Null)), "a request names its method"),
    };
    if !matches!(params, Value::Null | Value::Object(_) | Value::Array(_)) {
        // A notification is never answered, not even with an error.
        return invalid(id, "params are an object or an array");
    }
    match id {
        Some(id) => Incoming::Request { id, method, params },
        None => Incoming::Notification { method, params },
    }
}

/// Integers only: a fractional id cannot be matched by the client.
fn is_id(id: &Value) -> bool {
    match id {
        Value::Number(n) => n.is_i64() || n.is_u64(),
        _ => true,
    }
}

/// A successful response, its result already JSON text.
pub fn ok(id: &Id, result: &RawValue) -> String {
    format!(r#"{{"jsonrpc":"2.0","id":{id},"result":{}}}"#, result.get())
}

/// An error response.
pub fn error(id: &Id, code: i32, message: &str) -> String {
    json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } }).to_string()
}

/// A notification from the server, its params already JSON text.
pub fn notification(method: &str, params: &str) -> String {
    format!(
        r#"{{"jsonrpc":"2.0","method":{},"params":{params}}}"#,
        json!(method)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(body: &str) -> String {
        match parse(body.as_bytes()) {
            Incoming::Request { method, .. } => format!("request {method}"),
            Incoming::Notification { method, .. } => format!("notification {method}"),
            Incoming::Response => "response".into(),
            Incoming::Invalid { id, code, .. } => format!("invalid {code} {id:?}"),
        }
    }

    #[test]
    fn messages_are_told_apart() {
        let r = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        assert_eq!(kind(r), "request shutdown");
        assert_eq!(
            kind(r#"{"jsonrpc":"2.0","method":"exit"}"#),
            "notification exit"
        );
        assert_eq!(
            kind(r#"{"jsonrpc":"2.0","id":"a","result":null}"#),
            "response"
        );
        assert_eq!(kind("{"), "invalid -32700 Some(Null)");
        assert_eq!(kind("[1]"), "invalid -32600 Some(Null)");
        assert_eq!(
            kind(r#"{"id":3,"method":"x"}"#),
            "invalid -32600 Some(Number(3))"
        );
        assert_eq!(
            kind(r#"{"jsonrpc":"2.0","id":{},"method":"x"}"#),
            "invalid -32600 Some(Null)"
        );
        assert_eq!(
            kind(r#"{"jsonrpc":"2.0","method":"x","params":3}"#),
            "invalid -32600 None"
        );
        assert_eq!(
            kind(r#"{"jsonrpc":"2.0","id":1.5,"method":"x"}"#),
            "invalid -32600 Some(Null)"
        );
    }
}
