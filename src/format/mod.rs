//! `koomc fmt`: the canonical layout. Entry points: [`format`], and
//! [`formatted`] with what `--check`'s diff needs.
//!
//! One statement per line; blocks indented two spaces; declaration columns
//! aligned in runs of consecutive declarations, as in the spec's example;
//! metric attributes in the order `unit`, `better`, `baseline`, `per unit`;
//! single spaces between words, `, ` after commas, `: ` after a goal id; at most
//! one blank line where the source had some. Comments stay where they were:
//! on their own line before the statement that follows them, or at the end of
//! the line they ended, where trailing comments that the author aligned stay
//! aligned. A comment inside a multi-line statement has no such place: the
//! formatter then refuses, and writes nothing, rather than move or drop it.
//!
//! The file is parsed once, by the statement reader: the AST says where each
//! statement is (`layout.rs`), and each statement's words are read from the
//! text (`words.rs`), so that numbers, dates, units and strings stay as
//! written. Every result that differs from its input is verified before it is
//! returned: it must parse to the same AST (spans aside; compared by hash, so
//! that the two ASTs are never in memory together) and hold the same comments
//! in the same order. A file already in the layout is not parsed again. A lone
//! carriage return is a line break, as `load::source_text` reads it.

mod columns;
mod diff;
mod layout;
mod print;
mod words;

use std::borrow::Cow;

use crate::diagnostic::{Code, Diagnostic, Label};
use crate::source::{FileId, Span};
use crate::syntax::{self, regions};

/// A formatted file, with what the diff needs.
#[derive(Debug)]
pub struct Formatted {
    text: String,
    /// For each statement and comment, the source line and output line
    /// where it starts, in order.
    sync: Vec<(u32, u32)>,
}

impl Formatted {
    /// The formatted text.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn into_text(self) -> String {
        self.text
    }

    /// A unified diff from `before` (the text that was formatted) to the
    /// formatted text, with `name` in its header; empty when nothing changes.
    /// Linear in the file, however much changes.
    pub fn diff(&self, name: &str, before: &str) -> String {
        if self.text == before {
            return String::new();
        }
        diff::unified(name, &line_breaks(before), &self.text, &self.sync)
    }
}

/// Format a file. Errors are diagnostics: the file does not parse, or a
/// comment has no place in the canonical layout.
pub fn format(file: FileId, text: &str) -> Result<String, Vec<Diagnostic>> {
    formatted(file, text).map(Formatted::into_text)
}

/// Format a file, keeping what `--check`'s diff needs.
pub fn formatted(file: FileId, text: &str) -> Result<Formatted, Vec<Diagnostic>> {
    let text = line_breaks(text);
    let ast = syntax::parse(file, &text)?;
    let lines = layout::layout(&text, &ast).map_err(|why| match why {
        layout::Refusal::Comment(at) => vec![comment_inside(file, &text, at)],
        layout::Refusal::Unaccounted(at) => vec![not_kept(file, &text, at)],
    })?;
    let before = fingerprint(&ast);
    drop(ast);
    let (out, sync) = print::print(&text, lines);
    // A file already in the layout needs no second parse: it is its own proof.
    let unchanged = out == *text;
    if !unchanged && !verified(file, &text, &out, before) {
        let at = regions::regions(&text)
            .find(|(k, _, _)| *k == regions::Region::Comment)
            .map_or(0, |(_, start, _)| start);
        return Err(vec![not_kept(file, &text, at)]);
    }
    Ok(Formatted { text: out, sync })
}

/// A lone carriage return read as a line break, as `load::source_text` reads
/// it; anything else as it is.
fn line_breaks(text: &str) -> Cow<'_, str> {
    let lone = text
        .bytes()
        .enumerate()
        .any(|(i, b)| b == b'\r' && text.as_bytes().get(i + 1) != Some(&b'\n'));
    if lone {
        Cow::Owned(crate::load::line_endings(text.to_owned()))
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether `out` parses to an AST that says what `text`'s said (`before` is
/// its fingerprint) and holds the same comments.
fn verified(file: FileId, text: &str, out: &str, before: u64) -> bool {
    syntax::parse(file, out).is_ok_and(|after| fingerprint(&after) == before)
        && same_comments(text, out)
}

/// A hash of what an AST says, spans aside.
fn fingerprint(ast: &syntax::ast::File) -> u64 {
    use std::hash::BuildHasher;
    // Compared within one run only: a fast hasher with a fixed seed.
    foldhash::fast::FixedState::default().hash_one(ast)
}

/// Whether two texts hold the same comments, in the same order.
fn same_comments(before: &str, after: &str) -> bool {
    fn comments(text: &str) -> impl Iterator<Item = &str> {
        regions::regions(text)
            .filter(|(k, _, _)| *k == regions::Region::Comment)
            .map(move |(_, s, e)| text[s..e].trim_end())
    }
    comments(before).eq(comments(after))
}

/// From `at` to the end of its line.
fn rest_of_line(file: FileId, text: &str, at: usize) -> Span {
    let end = text[at..].find(['\n', '\r']).map_or(text.len(), |n| at + n);
    Span::new(file, at, end)
}

fn comment_inside(file: FileId, text: &str, at: usize) -> Diagnostic {
    Diagnostic::new(
        Code::E0001,
        "a comment inside a statement: the formatter cannot place it without moving it",
        Label::new(rest_of_line(file, text, at), "this comment"),
    )
    .with_help("move the comment to a line of its own, or to the end of the statement; nothing was written")
}

fn not_kept(file: FileId, text: &str, at: usize) -> Diagnostic {
    Diagnostic::new(
        Code::E0001,
        "the formatter could not keep this file's meaning and comments exactly; nothing was written",
        Label::new(rest_of_line(file, text, at), "here"),
    )
    .with_help("please report this file to koomc's maintainers; the file was left as it was")
}

#[cfg(test)]
mod tests;
