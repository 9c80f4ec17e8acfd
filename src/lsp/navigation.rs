//! Definition and references of units, metrics and goal ids, across the
//! files of every open document's check.

use std::collections::BTreeSet;
use std::str::FromStr;

use lsp_types::{Location, Range, Uri};
use serde_json::Value;

use super::names::Declared;
use super::server::{at, Failure};
use super::text::{occurrences, position};
use super::workspace::Workspace;
use crate::load::PROJECT_FILE;
use crate::source::FileId;

/// The declared name under the cursor.
pub fn declared_at<'a>(
    ws: &'a Workspace,
    params: &'a Value,
) -> Result<Option<&'a Declared>, Failure> {
    let Some(at) = at(ws, params)? else {
        return Ok(None);
    };
    let Some((s, e)) = super::text::word_at(at.text, at.offset) else {
        return Ok(None);
    };
    Ok(at.check.names().get(&at.text[s..e]))
}

fn location(uri: &str, range: Range) -> Option<Location> {
    Some(Location {
        uri: Uri::from_str(uri).ok()?,
        range,
    })
}

pub fn definition(ws: &Workspace, params: &Value) -> Result<Option<Location>, Failure> {
    Ok(declared_at(ws, params)?.and_then(|d| location(&d.uri, d.range)))
}

pub fn references(ws: &Workspace, params: &Value) -> Result<Option<Vec<Location>>, Failure> {
    let Some(declared) = declared_at(ws, params)? else {
        return Ok(None);
    };
    let with_declaration = params["context"]["includeDeclaration"]
        .as_bool()
        .unwrap_or(true);
    let places = places(ws, declared)
        .into_iter()
        .filter(|(uri, range)| {
            with_declaration || (uri.as_str() != &*declared.uri || *range != declared.range)
        })
        .filter_map(|(uri, range)| location(&uri, range))
        .collect();
    Ok(Some(places))
}

/// Every place a declared name stands in code: in each file of every check
/// that reads the file where it is declared (`koom.toml` aside), each place
/// once, in URI and position order.
pub fn places(ws: &Workspace, declared: &Declared) -> Vec<(String, Range)> {
    let mut seen: BTreeSet<(String, u32, u32)> = BTreeSet::new();
    let mut out = Vec::new();
    for check in ws.checks.values().filter(|c| c.reads(&declared.path)) {
        let sources = &check.compilation.sources;
        for i in 0..sources.len() as u32 {
            let file = sources.get(FileId(i));
            if file.name.ends_with(PROJECT_FILE) {
                continue;
            }
            let uri = check.uri(FileId(i));
            for (s, e) in occurrences(&file.text, &declared.name) {
                let range = Range::new(position(file, s), position(file, e));
                if seen.insert((uri.to_owned(), range.start.line, range.start.character)) {
                    out.push((uri.to_owned(), range));
                }
            }
        }
    }
    out.sort_by(|a, b| (&a.0, a.1.start).cmp(&(&b.0, b.1.start)));
    out
}
