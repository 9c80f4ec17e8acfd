//! Positions and text: LSP positions (UTF-16 code units, as the protocol
//! says) to byte offsets and back, edits to a document's text, and the names
//! that stand in code.

use std::collections::HashMap;
use std::str::FromStr;

use lsp_types::{Position, Range, TextEdit, Uri, WorkspaceEdit};

use crate::source::{SourceFile, SourceMap, Span};
use crate::syntax::regions::{regions, Region};

/// A byte offset as an LSP position in a file of a compilation.
pub fn position(file: &SourceFile, offset: usize) -> Position {
    let offset = floor_boundary(&file.text, offset.min(file.text.len()));
    let line = file.line_index(offset);
    let start = file.line_start(line).unwrap_or(0);
    Position::new(line as u32, utf16_len(&file.text[start..offset]))
}

pub fn range(sources: &SourceMap, span: Span) -> Range {
    let file = sources.get(span.file);
    Range::new(position(file, span.start()), position(file, span.end()))
}

pub fn utf16_len(text: &str) -> u32 {
    text.chars().map(|c| c.len_utf16() as u32).sum()
}

/// The byte offset of an LSP position in `text`; `None` when the line is
/// past the end or the character past the line's end (a request there
/// answers nothing).
pub fn offset(text: &str, pos: Position) -> Option<usize> {
    let start = line_start(text, pos.line as usize)?;
    let end = line_end(text, start);
    let mut units = 0u32;
    for (i, c) in text[start..end].char_indices() {
        if units >= pos.character {
            return Some(start + i);
        }
        units += c.len_utf16() as u32;
    }
    (units >= pos.character).then_some(end)
}

/// [`offset`], with a position past the end of its line taken as the line's
/// end and a line past the end of the text as the text's end (what the
/// protocol asks of an edit's range).
pub fn offset_clamped(text: &str, pos: Position) -> usize {
    let Some(start) = line_start(text, pos.line as usize) else {
        return text.len();
    };
    let end = line_end(text, start);
    let mut units = 0u32;
    for (i, c) in text[start..end].char_indices() {
        if units >= pos.character {
            return start + i;
        }
        units += c.len_utf16() as u32;
    }
    end
}

/// Where line `line` starts (0-based), if the text has it.
fn line_start(text: &str, line: usize) -> Option<usize> {
    if line == 0 {
        return Some(0);
    }
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .nth(line - 1)
        .map(|(i, _)| i + 1)
}

/// Where the line starting at `start` ends, before its line break.
fn line_end(text: &str, start: usize) -> usize {
    let end = text[start..].find('\n').map_or(text.len(), |n| start + n);
    if text[start..end].ends_with('\r') {
        end - 1
    } else {
        end
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Apply one change of `textDocument/didChange`: the whole text, or a range
/// (clamped to the text) replaced.
pub fn apply_change(text: &mut String, range: Option<Range>, new_text: &str) {
    let Some(range) = range else {
        new_text.clone_into(text);
        return;
    };
    let start = offset_clamped(text, range.start);
    let end = offset_clamped(text, range.end).max(start);
    text.replace_range(start..end, new_text);
}

pub fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// The name (kebab-case word) around a byte offset.
pub fn word_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let at = floor_boundary(text, at.min(text.len()));
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_name_char(*c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = text[at..]
        .find(|c: char| !is_name_char(c))
        .map_or(text.len(), |n| at + n);
    (start < end).then_some((start, end))
}

/// Every place a name stands in code (not in strings or comments).
pub fn occurrences(text: &str, name: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if name.is_empty() {
        return out;
    }
    for (_, start, end) in regions(text).filter(|(k, _, _)| *k == Region::Code) {
        let code = &text[start..end];
        for (i, _) in code.match_indices(name) {
            let before = code[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !is_name_char(c));
            let after = code[i + name.len()..]
                .chars()
                .next()
                .is_none_or(|c| !is_name_char(c));
            if before && after {
                out.push((start + i, start + i + name.len()));
            }
        }
    }
    out
}

/// Whether a byte offset is inside a string or a comment.
pub fn in_string_or_comment(text: &str, at: usize) -> bool {
    regions(text)
        .take_while(|(_, start, _)| *start < at)
        .any(|(kind, start, end)| match kind {
            Region::Code => false,
            Region::Comment => at > start && at <= end,
            Region::String => {
                at > start
                    && (at < end || !crate::syntax::regions::closed_string(&text[start..end]))
            }
        })
}

/// Edits by URI as a workspace edit (a URI that is not one is left out).
// lsp-types' `Uri` caches its parts inside, which clippy takes for a
// mutable key; its hash and equality read only the text.
#[allow(clippy::mutable_key_type)]
pub fn workspace_edit(edits: impl IntoIterator<Item = (String, TextEdit)>) -> WorkspaceEdit {
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for (uri, edit) in edits {
        if let Ok(uri) = Uri::from_str(&uri) {
            changes.entry(uri).or_default().push(edit);
        }
    }
    WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn positions_are_utf16() {
        let text = "a \"é😀\" b\nx";
        // `b` is after a two-byte é (one UTF-16 unit) and a four-byte emoji (two).
        let b = text.find(" b").expect("b") + 1;
        let f = SourceFile::new("t".into(), text.into());
        assert_eq!(position(&f, b), pos(0, 8));
        assert_eq!(offset(text, pos(0, 8)), Some(b));
        assert_eq!(offset(text, pos(1, 0)), Some(text.len() - 1));
        // Inside the emoji's surrogate pair: a character boundary, never a panic.
        assert!(text.is_char_boundary(offset(text, pos(0, 5)).expect("in range")));
        // Past the end of a line or of the text: nothing.
        assert_eq!(offset(text, pos(0, 99)), None);
        assert_eq!(offset(text, pos(7, 0)), None);
        assert_eq!(
            offset_clamped(text, pos(0, 99)),
            text.find('\n').expect("nl")
        );
        assert_eq!(offset_clamped(text, pos(7, 0)), text.len());
        // A position inside a multi-byte character, from a span: its start.
        assert_eq!(position(&f, 4), pos(0, 3));
    }

    #[test]
    fn ranged_changes_apply_in_utf16() {
        let mut text = "koom 1.0\norg \"😀\"\n".to_owned();
        apply_change(&mut text, Some(Range::new(pos(1, 5), pos(1, 7))), "ab");
        assert_eq!(text, "koom 1.0\norg \"ab\"\n");
        apply_change(&mut text, Some(Range::new(pos(9, 0), pos(3, 0))), "x");
        assert_eq!(text, "koom 1.0\norg \"ab\"\nx");
        apply_change(&mut text, None, "new");
        assert_eq!(text, "new");
    }

    #[test]
    fn occurrences_skip_strings_and_comments() {
        let text = "to ops { goal ops-x >= 1 } # ops\noutcome \"ops\" ops";
        assert_eq!(
            occurrences(text, "ops"),
            [(3, 6), (text.len() - 3, text.len())]
        );
        assert!(in_string_or_comment(
            text,
            text.find("# ops").expect("#") + 3
        ));
        assert!(in_string_or_comment(
            text,
            text.find("\"ops\"").expect("\"") + 2
        ));
        assert!(!in_string_or_comment(text, 4));
    }
}
