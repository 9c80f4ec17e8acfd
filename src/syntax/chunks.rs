//! Reading a file in parts, in parallel.
//!
//! A file is a header and file-level statements; a cycle is one of them,
//! with its block. The regions scan (strings and comments hide braces) finds
//! the lines that start a file-level statement outside any block, and the
//! file is cut there into parts of at least [`PART_BYTES`], each read by the
//! statement reader on its own (pest never sees more than one statement at a
//! time anyway) and on its own thread (rayon). The parts' statements, in
//! order, are the file's.
//!
//! Only a file without a mistake is read this way: if any part reports one,
//! the whole file is read again in one pass, so that recovery, and every
//! message, is exactly that of the sequential reader. Mistakes are the rare
//! case, and reading twice costs only the file that has them. A test holds
//! both readings to the same AST (`tests.rs`), and so does the fuzz target.

use rayon::prelude::*;

use super::ast::File;
use super::regions::{self, Region};
use super::statements;
use crate::diagnostic::Diagnostic;
use crate::source::FileId;

/// The smallest part worth a thread of its own.
pub const PART_BYTES: usize = 32 * 1024;

/// Read a file whose header has been checked, in parts when it is large.
pub(super) fn read(file: FileId, text: &str) -> (File, Vec<Diagnostic>) {
    read_in_parts(file, text, PART_BYTES)
}

/// [`read`] with parts of at least `size` bytes.
pub(super) fn read_in_parts(file: FileId, text: &str, size: usize) -> (File, Vec<Diagnostic>) {
    let cuts = cuts(text, size);
    if cuts.len() < 2 {
        return statements::read(file, text);
    }
    let parts: Vec<_> = (0..cuts.len())
        .into_par_iter()
        .map(|i| {
            let end = cuts.get(i + 1).copied().unwrap_or(text.len());
            statements::read_part(file, &text[..end], cuts[i])
        })
        .collect();
    if parts.iter().any(|(_, errors)| !errors.is_empty()) {
        return statements::read(file, text);
    }
    // Exactly the room the parts need, each part freed as it is moved: the
    // statements are never held twice, nor in a vector grown by doubling.
    let mut items = Vec::with_capacity(parts.iter().map(|(items, _)| items.len()).sum());
    for (part, _) in parts {
        items.extend(part);
    }
    (File { items }, Vec::new())
}

/// Where parts start: 0, then the first top-level statement line at least
/// `size` bytes after the previous cut.
pub(super) fn cuts(text: &str, size: usize) -> Vec<usize> {
    let mut cuts = vec![0];
    let mut depth = 0i64;
    for (kind, start, end) in regions::regions(text) {
        if kind != Region::Code {
            continue;
        }
        for (i, b) in text.as_bytes()[start..end].iter().enumerate() {
            match b {
                b'{' => depth += 1,
                b'}' => depth -= 1,
                b'\n' if depth == 0 => {
                    let line = start + i + 1;
                    let last = *cuts.last().expect("0 is a cut");
                    if line - last >= size && starts_file_statement(&text[line..]) {
                        cuts.push(line);
                    }
                }
                _ => {}
            }
        }
    }
    cuts
}

/// Whether a line starts with a file-level statement's word.
fn starts_file_statement(line: &str) -> bool {
    let word_end = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(line.len());
    super::FILE_STATEMENTS.contains(&&line[..word_end])
}
