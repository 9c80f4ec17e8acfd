//! Source files, spans and positions.
//!
//! Every file koomc reads gets a [`FileId`] in one [`SourceMap`]; every AST node
//! carries a [`Span`] into it. Line starts are computed once per file, so a
//! position lookup is a binary search, never a rescan.

use std::ops::Range;

/// Index of a file in the [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A byte range in one source file. The offsets are `u32` (a file is at
/// most [`crate::load::MAX_FILE_BYTES`]), so that a span is 12 bytes, not
/// 24: every node of the syntax trees and of the model carries one or more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    pub file: FileId,
    start: u32,
    end: u32,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Self {
        Span {
            file,
            start: offset(start),
            end: offset(end),
        }
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    /// The same span in another place: what moving a node changes.
    pub fn set(&mut self, file: FileId, start: usize, end: usize) {
        *self = Span::new(file, start, end);
    }

    /// The same offsets in another file.
    pub fn in_file(self, file: FileId) -> Span {
        Span { file, ..self }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn range(self) -> Range<usize> {
        self.start()..self.end()
    }
}

/// A byte offset as a span holds it.
fn offset(at: usize) -> u32 {
    u32::try_from(at).expect("a source text is at most 4 GiB")
}

/// A value with the place it was written. Equality ignores the span, so two
/// ASTs that say the same thing compare equal wherever they were written.
#[derive(Clone, Debug)]
pub struct Spanned<T> {
    pub node: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(node: T, span: Span) -> Self {
        Spanned { node, span }
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.node == other.node
    }
}

impl<T: Eq> Eq for Spanned<T> {}

/// As its equality: the span is not hashed, so that two nodes that say the
/// same hash the same wherever they were written (`koomc fmt` compares a
/// file's AST with its output's by hash).
impl<T: std::hash::Hash> std::hash::Hash for Spanned<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.node.hash(state);
    }
}

/// A 1-based line and column; the column counts Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// One file's name (as the user gave it, relative to where koomc runs), its text
/// and its line starts.
#[derive(Debug)]
pub struct SourceFile {
    pub name: String,
    /// The name relative to the project root: what work orders and JSON
    /// diagnostics carry, the same from any working directory.
    pub portable: Option<String>,
    pub text: String,
    /// Sized once, as `u32` (as [`Span`]'s offsets).
    line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(name: String, text: String) -> Self {
        let newlines = text.bytes().filter(|&b| b == b'\n').count();
        let mut line_starts = Vec::with_capacity(newlines + 1);
        line_starts.push(0);
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| offset(i + 1)),
        );
        SourceFile {
            name,
            portable: None,
            text,
            line_starts,
        }
    }

    /// 0-based line index of a byte offset.
    pub fn line_index(&self, offset: usize) -> usize {
        let offset = u32::try_from(offset).unwrap_or(u32::MAX);
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    pub fn line_start(&self, line_index: usize) -> Option<usize> {
        self.line_starts.get(line_index).map(|&at| at as usize)
    }

    pub fn line_range(&self, line_index: usize) -> Option<Range<usize>> {
        let start = self.line_start(line_index)?;
        let end = self.line_start(line_index + 1).unwrap_or(self.text.len());
        Some(start..end)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 1-based line and column of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let line = self.line_index(offset);
        let start = self.line_starts[line] as usize;
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }
}

/// All files of one compilation.
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, name: String, text: String) -> FileId {
        let id = FileId(self.files.len() as u32);
        self.files.push(SourceFile::new(name, text));
        id
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn name(&self, id: FileId) -> &str {
        &self.get(id).name
    }

    /// The name for programs (work orders, JSON): relative to the project
    /// root.
    pub fn portable_name(&self, id: FileId) -> &str {
        let f = self.get(id);
        f.portable.as_deref().unwrap_or(&f.name)
    }

    pub fn set_portable_name(&mut self, id: FileId, name: String) {
        self.files[id.0 as usize].portable = Some(name);
    }

    pub fn text(&self, span: Span) -> &str {
        &self.get(span.file).text[span.range()]
    }

    pub fn line_col(&self, span: Span) -> (LineCol, LineCol) {
        let file = self.get(span.file);
        (file.line_col(span.start()), file.line_col(span.end()))
    }

    /// How many files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

impl<'a> codespan_reporting::files::Files<'a> for SourceMap {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(&self.get(id).name)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(&self.get(id).text)
    }

    fn line_index(
        &'a self,
        id: FileId,
        byte_index: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self.get(id).line_index(byte_index))
    }

    fn line_range(
        &'a self,
        id: FileId,
        line_index: usize,
    ) -> Result<Range<usize>, codespan_reporting::files::Error> {
        let file = self.get(id);
        file.line_range(line_index)
            .ok_or(codespan_reporting::files::Error::LineTooLarge {
                given: line_index,
                max: file.line_count() - 1,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let f = SourceFile::new("t".into(), "ab\n\u{e9}x\n".into());
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(f.line_col(3), LineCol { line: 2, column: 1 });
        // `x` is after a two-byte `é`: byte 5, column 2.
        assert_eq!(f.line_col(5), LineCol { line: 2, column: 2 });
    }

    #[test]
    fn spanned_equality_ignores_span() {
        let a = Spanned::new(1, Span::new(FileId(0), 0, 1));
        let b = Spanned::new(1, Span::new(FileId(3), 9, 12));
        assert_eq!(a, b);
    }
}
