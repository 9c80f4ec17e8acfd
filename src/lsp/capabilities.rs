//! What the server tells the client it offers, in its `initialize` answer.
//! Editors enable their features from this: nothing more is configured on
//! the client side.

use serde_json::{json, Value};

use super::semantic;

pub fn initialize_result() -> Value {
    json!({
        "capabilities": {
            "positionEncoding": "utf-16",
            // Open and close, and changes as ranges (incremental).
            "textDocumentSync": { "openClose": true, "change": 2 },
            "hoverProvider": true,
            "definitionProvider": true,
            "referencesProvider": true,
            "renameProvider": { "prepareProvider": true },
            "completionProvider": { "triggerCharacters": [" ", ","] },
            "codeActionProvider": { "codeActionKinds": ["quickfix"] },
            "documentFormattingProvider": true,
            "documentSymbolProvider": true,
            "workspaceSymbolProvider": true,
            "foldingRangeProvider": true,
            "semanticTokensProvider": {
                "legend": semantic::legend(),
                "full": true,
                "range": false
            },
            "inlayHintProvider": true
        },
        "serverInfo": { "name": "koomc", "version": env!("CARGO_PKG_VERSION") }
    })
}
