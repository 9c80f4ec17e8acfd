//! Rename that cannot break a file: only units, metrics and goal ids can
//! be renamed (`prepareRename` says so), and a new name that is not
//! kebab-case, is a keyword or is declared already is refused with a
//! message. The edits are every place the name stands, across the files of
//! every open document's check.

use lsp_types::{PrepareRenameResponse, TextEdit, WorkspaceEdit};
use serde_json::Value;

use super::jsonrpc::code;
use super::names::Declared;
use super::navigation::places;
use super::server::{at, Failure};
use super::text::{range, word_at, workspace_edit};
use super::workspace::Workspace;
use crate::source::Span;
use crate::syntax::{is_keyword, literal::check_name};

fn refuse(message: String) -> Failure {
    Failure::new(code::REQUEST_FAILED, message)
}

/// The declared name under the cursor and its range, or why it cannot be
/// renamed; `None` where there is no word.
fn renamable<'a>(
    ws: &'a Workspace,
    params: &'a Value,
) -> Result<Option<(&'a Declared, lsp_types::Range)>, Failure> {
    let Some(at) = at(ws, params)? else {
        return Ok(None);
    };
    let Some((s, e)) = word_at(at.text, at.offset) else {
        return Ok(None);
    };
    let word = &at.text[s..e];
    let Some(declared) = at.check.names().get(word) else {
        let what = if is_keyword(word) {
            format!("`{word}` is a keyword")
        } else {
            format!("`{word}` is not a declared name")
        };
        return Err(refuse(format!(
            "{what}: only units, metrics and goal ids can be renamed"
        )));
    };
    if !at.check.names().current {
        return Err(refuse(format!(
            "`{word}` cannot be renamed while the project has errors that stop the check (a syntax error, a file that cannot be read): fix them first"
        )));
    }
    let sources = &at.check.compilation.sources;
    Ok(Some((declared, range(sources, Span::new(at.file, s, e)))))
}

pub fn prepare(ws: &Workspace, params: &Value) -> Result<Option<PrepareRenameResponse>, Failure> {
    Ok(renamable(ws, params)?.map(|(declared, range)| {
        PrepareRenameResponse::RangeWithPlaceholder {
            range,
            placeholder: declared.name.clone(),
        }
    }))
}

pub fn rename(ws: &Workspace, params: &Value) -> Result<Option<WorkspaceEdit>, Failure> {
    let new_name = params["newName"]
        .as_str()
        .ok_or_else(|| Failure::new(code::INVALID_PARAMS, "the params have no `newName`"))?;
    let Some((declared, _)) = renamable(ws, params)? else {
        return Ok(None);
    };
    if new_name != declared.name {
        check_new_name(ws, declared, new_name)?;
    }
    let edits = places(ws, declared).into_iter().map(|(uri, range)| {
        let edit = TextEdit {
            range,
            new_text: new_name.to_owned(),
        };
        (uri, edit)
    });
    Ok(Some(workspace_edit(edits)))
}

/// A new name must be kebab-case, no keyword, and not declared in any file
/// that the renamed name's file is checked with.
fn check_new_name(ws: &Workspace, declared: &Declared, new: &str) -> Result<(), Failure> {
    if new.trim().is_empty() {
        return Err(refuse("a new name cannot be empty".to_owned()));
    }
    if is_keyword(new) {
        return Err(refuse(format!("`{new}` is a keyword and cannot be a name")));
    }
    if let Err(kebab) = check_name(new) {
        let such_as = match check_name(&kebab) {
            Ok(()) if !is_keyword(&kebab) => format!(", such as `{kebab}`"),
            _ => String::new(),
        };
        return Err(refuse(format!(
            "`{new}` is not a valid name: a name is kebab-case (a lowercase letter, then lowercase letters, digits and single hyphens){such_as}"
        )));
    }
    let taken = ws
        .checks
        .values()
        .filter(|c| c.reads(&declared.path))
        .find_map(|c| c.names().get(new));
    if let Some(other) = taken {
        let file = super::uri::uri_to_path(&other.uri);
        let file = file.file_name().map_or_else(
            || other.uri.to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        return Err(refuse(format!(
            "`{new}` is already declared: {} at {file}:{}",
            other.kind.words(),
            other.range.start.line + 1
        )));
    }
    Ok(())
}
