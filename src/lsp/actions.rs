//! Code actions: one quick fix for every fix the diagnostics in the range
//! carry. The fixes are data on the diagnostics, built where each problem
//! is found (`Diagnostic::fixes`); the server only turns them into edits.
use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit};
use serde_json::Value;

use super::diagnostics::to_lsp;
use super::server::{range, uri, Failure};
use super::text::{offset_clamped, range as lsp_range, workspace_edit};
use super::workspace::{Check, Workspace};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Location};

pub fn code_actions(
    ws: &Workspace,
    params: &Value,
) -> Result<Option<Vec<CodeActionOrCommand>>, Failure> {
    let uri = uri(params)?;
    let want = range(params)?;
    let Some(check) = ws.checks.get(uri) else {
        return Ok(None);
    };
    let Some(file) = check.doc else {
        return Ok(Some(Vec::new()));
    };
    let text = &check.compilation.sources.get(file).text;
    let (from, to) = (
        offset_clamped(text, want.start),
        offset_clamped(text, want.end),
    );
    let mut actions = Vec::new();
    for d in check
        .compilation
        .diagnostics
        .iter()
        .filter(|d| !d.suppressed)
    {
        let Location::Source(l) = &d.location else {
            continue;
        };
        if l.span.file != file || l.span.end() < from || l.span.start() > to {
            continue;
        }
        for fix in &d.fixes {
            actions.push(CodeActionOrCommand::CodeAction(action(check, uri, d, fix)));
        }
    }
    Ok(Some(actions))
}

fn action(check: &Check, uri: &str, d: &Diagnostic, fix: &Fix) -> CodeAction {
    let c = &check.compilation;
    let edits = fix.edits.iter().map(|e| {
        let edit = TextEdit {
            range: lsp_range(&c.sources, e.span),
            new_text: e.replacement.clone(),
        };
        (check.uri(e.span.file).to_owned(), edit)
    });
    let (_, diagnostic) = to_lsp(c, &check.uris, uri, d);
    CodeAction {
        title: fix.title.clone(),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic]),
        edit: Some(workspace_edit(edits)),
        is_preferred: Some(fix.applicability == Applicability::Safe),
        ..CodeAction::default()
    }
}
