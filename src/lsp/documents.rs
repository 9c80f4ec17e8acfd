//! The notifications that change what the server knows: documents opened,
//! changed (the whole text or ranges of it, UTF-16) and closed, and files
//! changed on disk. A notification it cannot read is skipped.

use serde_json::Value;

use super::server::range_of;
use super::text::apply_change;
use super::workspace::Workspace;

fn version(value: &Value) -> i32 {
    value
        .as_i64()
        .map_or(0, |v| v.clamp(i32::MIN as i64, i32::MAX as i64) as i32)
}

pub fn did_open(ws: &mut Workspace, params: &Value) {
    let doc = &params["textDocument"];
    let (Some(uri), Some(text)) = (doc["uri"].as_str(), doc["text"].as_str()) else {
        return;
    };
    ws.open(uri, text.to_owned(), version(&doc["version"]));
}

pub fn did_change(ws: &mut Workspace, params: &Value) {
    let Some(uri) = params["textDocument"]["uri"].as_str() else {
        return;
    };
    let Some(changes) = params["contentChanges"].as_array() else {
        return;
    };
    let Some(doc) = ws.doc_mut(uri) else {
        return;
    };
    doc.version = version(&params["textDocument"]["version"]);
    for change in changes {
        let Some(text) = change["text"].as_str() else {
            continue;
        };
        match &change["range"] {
            Value::Null => apply_change(&mut doc.text, None, text),
            range => match range_of(range) {
                Some(range) => apply_change(&mut doc.text, Some(range), text),
                None => continue,
            },
        }
    }
    ws.changed(uri);
}

pub fn did_close(ws: &mut Workspace, params: &Value) {
    if let Some(uri) = params["textDocument"]["uri"].as_str() {
        ws.close(uri);
    }
}

/// `workspace/didChangeWatchedFiles`: a `.koom` file or `koom.toml`
/// created, changed or deleted on disk.
pub fn did_change_watched(ws: &mut Workspace, params: &Value) {
    let Some(changes) = params["changes"].as_array() else {
        return;
    };
    for change in changes {
        if let Some(path) = change["uri"].as_str().and_then(super::uri::to_path) {
            ws.file_event(&path);
        }
    }
}
