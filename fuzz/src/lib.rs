//! What the language server's fuzz targets share: the protocol's framing,
//! written and read back.

use serde_json::Value;

/// A message as a client writes it: a `Content-Length` header, then the body.
pub fn frame(body: &Value) -> Vec<u8> {
    let body = body.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

/// The server's output as its messages: it must be whole frames, each with a
/// `Content-Length` header and a JSON-RPC 2.0 body.
pub fn messages(mut out: &[u8]) -> Vec<Value> {
    let mut messages = Vec::new();
    while !out.is_empty() {
        let header_end = out
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a header")
            + 4;
        let header = std::str::from_utf8(&out[..header_end]).expect("an ASCII header");
        let len: usize = header
            .trim_end()
            .strip_prefix("Content-Length: ")
            .and_then(|n| n.parse().ok())
            .expect("a Content-Length");
        let value: Value =
            serde_json::from_slice(&out[header_end..header_end + len]).expect("a JSON body");
        assert_eq!(value["jsonrpc"], "2.0", "not JSON-RPC 2.0: {value}");
        messages.push(value);
        out = &out[header_end + len..];
    }
    messages
}
