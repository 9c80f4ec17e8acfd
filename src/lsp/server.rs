//! What the server does with each method, and the parameters it reads.
//!
//! Parameters are read leniently from the JSON (a document the server has
//! not seen, or a position out of range, answers `null` or an empty list);
//! only a parameter of the wrong shape is an error (`InvalidParams`).
//! Before a request is answered, the documents it reads are checked again
//! if something they read changed (all of them for a request that reads
//! across files); formatting, folding and completion answer from the text
//! at once.

use lsp_types::{Position, Range};
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::Value;

use super::jsonrpc::code;
use super::workspace::{Check, Workspace};
use super::{
    actions, completion, documents, folding, formatting, hover, inlay, navigation, rename,
    semantic, symbols,
};
use crate::source::FileId;

/// A request that cannot be answered: the JSON-RPC error.
#[derive(Debug)]
pub struct Failure {
    pub code: i32,
    pub message: String,
}

impl Failure {
    pub fn new(code: i32, message: impl Into<String>) -> Failure {
        Failure {
            code,
            message: message.into(),
        }
    }

    fn params(what: &str) -> Failure {
        Failure::new(
            code::INVALID_PARAMS,
            format!("the params have no valid {what}"),
        )
    }
}

/// A result, as JSON text: serialized once, with no tree of values between.
pub type Answer = Result<Box<RawValue>, Failure>;

#[derive(Default)]
pub struct Server {
    pub ws: Workspace,
}

/// Methods whose answer reads every open document's check.
const CROSS_FILE: &[&str] = &[
    "textDocument/references",
    "textDocument/rename",
    "textDocument/prepareRename",
    "workspace/symbol",
];

/// Methods that read only the document's text (and completion, the names
/// of its last check): they answer at once, without checking it again.
const TEXT_ONLY: &[&str] = &[
    "textDocument/formatting",
    "textDocument/foldingRange",
    "textDocument/completion",
];

impl Server {
    pub fn notification(&mut self, method: &str, params: Value) {
        match method {
            "textDocument/didOpen" => documents::did_open(&mut self.ws, &params),
            "textDocument/didChange" => documents::did_change(&mut self.ws, &params),
            "textDocument/didClose" => documents::did_close(&mut self.ws, &params),
            "workspace/didChangeWatchedFiles" => {
                documents::did_change_watched(&mut self.ws, &params)
            }
            _ => {}
        }
    }

    pub fn request(&mut self, method: &str, params: Value) -> Answer {
        if TEXT_ONLY.contains(&method) {
            // Answered from the text; the check follows when nothing waits.
        } else if CROSS_FILE.contains(&method) {
            self.ws.fresh_all();
        } else if let Some(uri) = params["textDocument"]["uri"].as_str() {
            self.ws.fresh(uri);
        }
        let ws = &self.ws;
        let p = &params;
        match method {
            "textDocument/hover" => to_json(hover::hover(ws, p)?),
            "textDocument/definition" => to_json(navigation::definition(ws, p)?),
            "textDocument/references" => to_json(navigation::references(ws, p)?),
            "textDocument/prepareRename" => to_json(rename::prepare(ws, p)?),
            "textDocument/rename" => to_json(rename::rename(ws, p)?),
            "textDocument/completion" => to_json(completion::completion(ws, p)?),
            "textDocument/codeAction" => to_json(actions::code_actions(ws, p)?),
            "textDocument/formatting" => to_json(formatting::formatting(ws, p)?),
            "textDocument/documentSymbol" => to_json(symbols::document(ws, p)?),
            "workspace/symbol" => to_json(symbols::workspace(ws, p)?),
            "textDocument/foldingRange" => to_json(folding::folding_ranges(ws, p)?),
            "textDocument/semanticTokens/full" => to_json(semantic::full(ws, p)?),
            "textDocument/inlayHint" => to_json(inlay::inlay_hints(ws, p)?),
            _ => Err(Failure::new(
                code::METHOD_NOT_FOUND,
                format!("koomc does not answer `{method}`"),
            )),
        }
    }

    /// Nothing is waiting: check every document that changed, and the
    /// `publishDiagnostics` params that bring the client up to date.
    pub fn idle(&mut self) -> Vec<String> {
        self.ws.fresh_all();
        self.ws.publish()
    }
}

fn to_json(result: impl Serialize) -> Answer {
    serde_json::value::to_raw_value(&result)
        .map_err(|e| Failure::new(code::REQUEST_FAILED, e.to_string()))
}

/// `textDocument.uri`.
pub fn uri(params: &Value) -> Result<&str, Failure> {
    params["textDocument"]["uri"]
        .as_str()
        .ok_or_else(|| Failure::params("`textDocument.uri`"))
}

fn number(value: &Value) -> Option<u32> {
    value.as_u64().and_then(|n| u32::try_from(n).ok())
}

pub fn position_of(value: &Value) -> Option<Position> {
    Some(Position::new(
        number(&value["line"])?,
        number(&value["character"])?,
    ))
}

pub fn range_of(value: &Value) -> Option<Range> {
    Some(Range::new(
        position_of(&value["start"])?,
        position_of(&value["end"])?,
    ))
}

/// `position`.
pub fn position(params: &Value) -> Result<Position, Failure> {
    position_of(&params["position"]).ok_or_else(|| Failure::params("`position`"))
}

/// `range`.
pub fn range(params: &Value) -> Result<Range, Failure> {
    range_of(&params["range"]).ok_or_else(|| Failure::params("`range`"))
}

/// What a positional request is about: the document's check, its text as
/// checked, and the byte offset of the position. `None` for a document the
/// server has not seen (or could not read) and a position out of range.
pub struct At<'a> {
    pub check: &'a Check,
    /// The document's file in the check.
    pub file: FileId,
    pub text: &'a str,
    pub offset: usize,
}

pub fn at<'a>(ws: &'a Workspace, params: &'a Value) -> Result<Option<At<'a>>, Failure> {
    let uri = uri(params)?;
    let pos = position(params)?;
    let Some(check) = ws.checks.get(uri) else {
        return Ok(None);
    };
    let Some(file) = check.doc else {
        return Ok(None);
    };
    let text = check.compilation.sources.get(file).text.as_str();
    Ok(super::text::offset(text, pos).map(|offset| At {
        check,
        file,
        text,
        offset,
    }))
}
