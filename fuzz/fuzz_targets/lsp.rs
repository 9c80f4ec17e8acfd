//! The language server on arbitrary byte streams, after a real client's
//! `initialize`: its framing and message handling never panic, and what it
//! writes back is whole frames of JSON-RPC.
#![no_main]

use koomc_fuzz::{frame, messages};
use libfuzzer_sys::fuzz_target;
use serde_json::json;

fuzz_target!(|data: &[u8]| {
    let mut session = koomc::lsp::Session::new();
    let mut out = session.feed(&frame(
        &json!({ "jsonrpc": "2.0", "id": 0, "method": "initialize", "params": { "capabilities": {} } }),
    ));
    out.extend(session.feed(&frame(
        &json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }),
    )));
    // The stream in two pieces, cut where its first byte says.
    let cut = data
        .first()
        .map_or(0, |b| usize::from(*b) % (data.len() + 1));
    out.extend(session.feed(&data[..cut]));
    out.extend(session.feed(&data[cut..]));
    messages(&out);
});
