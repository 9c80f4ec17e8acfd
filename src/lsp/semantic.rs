//! Semantic tokens for the whole document: units (`namespace`), metrics
//! (`variable`), goal ids (`label`) and keywords (`keyword`), a name's
//! declaration marked `declaration`. Read from the text's code (not strings
//! or comments) with the names of the document's check, so that a name is
//! coloured by what it is, not by where it stands.

use lsp_types::{SemanticToken, SemanticTokens, SemanticTokensResult};
use serde_json::{json, Value};

use super::names::{Kind, Names};
use super::server::{uri, Failure};
use super::text::{is_name_char, position};
use super::workspace::Workspace;
use crate::source::SourceFile;
use crate::syntax::regions::{regions, Region};

/// The token types, in the order of the legend.
const TYPES: [&str; 4] = ["namespace", "variable", "label", "keyword"];
const KEYWORD: u32 = 3;
/// The modifiers, as bits.
const MODIFIERS: [&str; 1] = ["declaration"];
const DECLARATION: u32 = 1;

pub fn legend() -> Value {
    json!({ "tokenTypes": TYPES, "tokenModifiers": MODIFIERS })
}

pub fn full(ws: &Workspace, params: &Value) -> Result<Option<SemanticTokensResult>, Failure> {
    let uri = uri(params)?;
    let Some(check) = ws.checks.get(uri) else {
        return Ok(None);
    };
    let Some(file) = check.doc else {
        return Ok(None);
    };
    let source = check.compilation.sources.get(file);
    let data = tokens(source, check.names(), uri);
    Ok(Some(SemanticTokensResult::Tokens(SemanticTokens {
        result_id: None,
        data,
    })))
}

/// The type and modifiers of a word; `None` for one that is no token.
fn classify(word: &str, names: &Names, uri: &str, line: u32, character: u32) -> Option<(u32, u32)> {
    if crate::syntax::is_keyword(word) {
        return Some((KEYWORD, 0));
    }
    let declared = names.get(word)?;
    let kind = match declared.kind {
        Kind::Unit(_) => 0,
        Kind::Metric => 1,
        Kind::Goal => 2,
    };
    let here = &*declared.uri == uri
        && declared.range.start.line == line
        && declared.range.start.character == character;
    Some((kind, if here { DECLARATION } else { 0 }))
}

/// The tokens of a file, delta-encoded as the protocol asks.
fn tokens(source: &SourceFile, names: &Names, uri: &str) -> Vec<SemanticToken> {
    let text = source.text.as_str();
    let mut out = Vec::new();
    let (mut last_line, mut last_start) = (0u32, 0u32);
    for (_, start, end) in regions(text).filter(|(k, _, _)| *k == Region::Code) {
        for (s, e) in words(&text[start..end]) {
            let word = &text[start + s..start + e];
            let at = position(source, start + s);
            let Some((kind, modifiers)) = classify(word, names, uri, at.line, at.character) else {
                continue;
            };
            let delta_line = at.line - last_line;
            let delta_start = if delta_line == 0 {
                at.character - last_start
            } else {
                at.character
            };
            out.push(SemanticToken {
                delta_line,
                delta_start,
                length: word.len() as u32, // names and keywords are ASCII
                token_type: kind,
                token_modifiers_bitset: modifiers,
            });
            (last_line, last_start) = (at.line, at.character);
        }
    }
    out
}

/// The words of a piece of code that can be names or keywords: runs of
/// name characters that start with a letter and are not part of a longer
/// run (`crates/week`, `2026-Q1`, `1.2m` are not).
fn words(code: &str) -> Vec<(usize, usize)> {
    let part = |c: char| is_name_char(c) || matches!(c, '/' | '.' | '%' | '+');
    let mut out = Vec::new();
    let mut chars = code.char_indices().peekable();
    while let Some((s, c)) = chars.next() {
        if !part(c) {
            continue;
        }
        let mut e = s + c.len_utf8();
        let mut plain = c.is_ascii_alphabetic();
        while let Some(&(i, c)) = chars.peek() {
            if !part(c) {
                break;
            }
            plain &= is_name_char(c);
            e = i + c.len_utf8();
            chars.next();
        }
        if plain {
            out.push((s, e));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_whole_names() {
        let code = "metric t unit crates/week baseline 1.2m\ncycle 2026-Q1 { goal ship: t >= 5 }";
        let got: Vec<&str> = words(code).into_iter().map(|(s, e)| &code[s..e]).collect();
        assert_eq!(
            got,
            ["metric", "t", "unit", "baseline", "cycle", "goal", "ship", "t"]
        );
    }
}
