//! Formatting: the canonical layout of `koomc fmt`, as one edit of the whole
//! document (none where it is laid out already, or does not parse).

use lsp_types::{Range, TextEdit};
use serde_json::Value;

use super::server::{uri, Failure};
use super::text::position;
use super::workspace::Workspace;
use crate::source::{FileId, SourceFile};

pub fn formatting(ws: &Workspace, params: &Value) -> Result<Option<Vec<TextEdit>>, Failure> {
    let uri = uri(params)?;
    let Some(doc) = ws.docs.get(uri) else {
        return Ok(None);
    };
    let Ok(formatted) = crate::format::format(FileId(0), &doc.text) else {
        return Ok(None);
    };
    if formatted == doc.text {
        return Ok(Some(Vec::new()));
    }
    let file = SourceFile::new(String::new(), doc.text.clone());
    let end = position(&file, doc.text.len());
    Ok(Some(vec![TextEdit {
        range: Range::new(lsp_types::Position::new(0, 0), end),
        new_text: formatted,
    }]))
}
