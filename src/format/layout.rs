//! From the AST and the text to the lines of the canonical layout, with
//! every comment in its place.
//!
//! The AST says where each statement, block header and `}` is (its anchors,
//! in source order); [`super::words`] reads each anchor's words from the
//! text. Comments are placed here, and only here ([`Layout::comments_before`]):
//! a comment with code before it on its line ends the line of the anchor
//! before it; a comment alone on its line is a line of its own before the
//! anchor after it; a comment inside an anchor (a statement that spans
//! lines) has no place, and the formatter refuses; a comment inside a refused
//! form's block is part of the block, which is kept as written.

use super::words::{self, CommentInside};
use crate::syntax::ast::{CycleItem, CycleItemKind, File, ItemKind};
use crate::syntax::regions::{self, Region};

/// A comment of the source.
#[derive(Clone, Copy, Debug)]
pub(super) struct Comment {
    pub start: u32,
    /// The end of its text, without the blank space before the line break.
    pub end: u32,
    /// Whether only blank space stands before it on its line.
    pub alone: bool,
    /// The column it starts in, in characters from the start of its line.
    pub column: u32,
}

/// One line of the output, before the trailing comments' column is known.
#[derive(Debug)]
pub(super) struct Line {
    /// Nesting depth: two spaces of indentation a level.
    pub depth: u16,
    /// A blank line comes before it.
    pub blank_before: bool,
    /// What is written: a statement, a block's header or `}`, a comment
    /// alone on its line (its text), or a refused form (several lines when
    /// its block spans lines).
    pub body: String,
    /// The comment at the end of the line: an index into the comments.
    pub trailing: Option<u32>,
    /// The source line where what this line writes starts (for the diff).
    pub source_line: u32,
}

/// Every line of the output and the comments they refer to.
pub(super) struct Lines {
    pub lines: Vec<Line>,
    pub comments: Vec<Comment>,
}

/// Unit and metric declarations are laid out in columns, per run.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Decl {
    Unit,
    Metric,
}

/// A run of consecutive declarations of one kind: the lines they are on and
/// their cells, laid out in columns when the run ends.
struct Run {
    kind: Decl,
    lines: Vec<(usize, Vec<String>)>,
    /// The source line its last declaration ends on.
    end_line: u32,
}

/// Why the layout cannot be made: a comment inside a statement (where it
/// starts), or text the AST does not account for (where it is).
#[derive(Debug)]
pub(super) enum Refusal {
    Comment(usize),
    Unaccounted(usize),
}

impl From<CommentInside> for Refusal {
    fn from(c: CommentInside) -> Self {
        Refusal::Comment(c.0)
    }
}

/// The lines of `text`, whose AST is `ast`.
pub(super) fn layout(text: &str, ast: &File) -> Result<Lines, Refusal> {
    let mut l = Layout {
        text,
        comments: comments(text),
        next: 0,
        done: 0,
        cursor: (0, 0),
        lines: Vec::with_capacity(text.len() / 40),
        last_line: None,
        opened: false,
        run: None,
    };
    l.header()?;
    for item in &ast.items {
        let (start, end) = (item.span.start(), item.span.end());
        match &item.node {
            ItemKind::Cycle(cycle) => l.block(0, start, end, &cycle.items)?,
            ItemKind::Unit(_) => l.decl(Decl::Unit, start, end)?,
            ItemKind::Metric(_) => l.decl(Decl::Metric, start, end)?,
            ItemKind::Refused(_) => l.refused(0, start, end)?,
            _ => l.plain(0, start, end)?,
        }
    }
    l.comments_before(text.len(), 0)?;
    l.end_run();
    Ok(Lines {
        lines: l.lines,
        comments: l.comments,
    })
}

/// Every comment of a text, outside strings.
fn comments(text: &str) -> Vec<Comment> {
    regions::regions(text)
        .filter(|(k, _, _)| *k == Region::Comment)
        .map(|(_, start, end)| {
            let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
            let before = &text[line_start..start];
            Comment {
                start: start as u32,
                end: (start + text[start..end].trim_end().len()) as u32,
                alone: before.trim().is_empty(),
                column: before.chars().count() as u32,
            }
        })
        .collect()
}

struct Layout<'t> {
    text: &'t str,
    comments: Vec<Comment>,
    /// The next comment to place.
    next: usize,
    /// Where the text accounted for so far ends.
    done: usize,
    /// A known offset and its line, for line numbers in one pass.
    cursor: (usize, u32),
    lines: Vec<Line>,
    /// The source line where the last line written ends.
    last_line: Option<u32>,
    /// Whether the last line written opens a block.
    opened: bool,
    run: Option<Run>,
}

impl Layout<'_> {
    /// The line of an offset. Offsets come in nearly increasing order, so
    /// counting from the last one is linear over a file.
    fn line_of(&mut self, offset: usize) -> u32 {
        let (at, line) = self.cursor;
        let count = |a: usize, b: usize| {
            self.text.as_bytes()[a..b]
                .iter()
                .filter(|&&c| c == b'\n')
                .count() as u32
        };
        let line = if offset >= at {
            line + count(at, offset)
        } else {
            line - count(offset, at)
        };
        self.cursor = (offset, line);
        line
    }

    /// Place the comments before `offset` (where the next anchor starts, or
    /// the end of the text): a comment with code before it on its line ends
    /// the line written last; one alone on its line is a line of its own at
    /// `depth`. The text between anchors must be blank space and comments.
    fn comments_before(&mut self, offset: usize, depth: u16) -> Result<(), Refusal> {
        let gap = crate::syntax::skip_trivia(self.text, self.done);
        if gap < offset {
            return Err(Refusal::Unaccounted(gap));
        }
        while let Some(&c) = self.comments.get(self.next) {
            if c.start as usize >= offset {
                break;
            }
            match self.lines.last_mut() {
                Some(last) if !c.alone && last.trailing.is_none() => {
                    last.trailing = Some(self.next as u32);
                }
                _ => {
                    let line = self.line_of(c.start as usize);
                    self.end_run();
                    let body = self.text[c.start as usize..c.end as usize].to_owned();
                    self.push(depth, line, body);
                    self.last_line = Some(line);
                }
            }
            self.next += 1;
        }
        self.done = offset;
        Ok(())
    }

    /// Comments inside an anchor that ends at `end`: refused, but in a
    /// refused form's block (from `verbatim`), which is written as it is.
    fn comments_inside(&mut self, end: usize, verbatim: Option<usize>) -> Result<(), Refusal> {
        while let Some(c) = self.comments.get(self.next) {
            let start = c.start as usize;
            if start >= end {
                break;
            }
            if verbatim.is_none_or(|open| start < open) {
                return Err(Refusal::Comment(start));
            }
            self.next += 1;
        }
        self.done = end;
        Ok(())
    }

    /// Write a line that starts at source line `line`, with a blank line
    /// before it where the source had one.
    fn push(&mut self, depth: u16, line: u32, body: String) {
        let blank_before = !self.opened && self.last_line.is_some_and(|last| line > last + 1);
        self.lines.push(Line {
            depth,
            blank_before,
            body,
            trailing: None,
            source_line: line,
        });
        self.opened = false;
    }

    /// An anchor from `start` to `end` written as `body`.
    fn anchor(&mut self, depth: u16, start: usize, end: usize, body: String) {
        let line = self.line_of(start);
        self.push(depth, line, body);
        self.last_line = Some(self.line_of(end));
    }

    /// `koom 1.0`, which the AST does not hold: the first two words.
    fn header(&mut self) -> Result<(), Refusal> {
        let text = self.text;
        let start = crate::syntax::skip_trivia(text, 0);
        let word_end = |at: usize| {
            text[at..]
                .find(|c: char| c.is_whitespace())
                .map_or(text.len(), |n| at + n)
        };
        let koom = word_end(start);
        let version = crate::syntax::skip_trivia(text, koom);
        let end = word_end(version);
        self.comments_before(start, 0)?;
        self.comments_inside(end, None)?;
        let body = format!("{} {}", &text[start..koom], &text[version..end]);
        self.anchor(0, start, end, body);
        Ok(())
    }

    /// A statement written as its words.
    fn plain(&mut self, depth: u16, start: usize, end: usize) -> Result<(), Refusal> {
        self.comments_before(start, depth)?;
        self.end_run();
        let body = words::statement(self.text, start, end)?;
        self.anchor(depth, start, end, body);
        self.comments_inside(end, None)
    }

    /// A refused form, as written but for blank space on its first line.
    fn refused(&mut self, depth: u16, start: usize, end: usize) -> Result<(), Refusal> {
        self.comments_before(start, depth)?;
        self.end_run();
        let body = words::refused(self.text, start, end);
        self.anchor(depth, start, end, body);
        let block = words::refused_block(self.text, start, end);
        self.comments_inside(end, block)
    }

    /// A block: its header, its statements a level deeper, and its `}`.
    fn block(
        &mut self,
        depth: u16,
        start: usize,
        end: usize,
        items: &[CycleItem],
    ) -> Result<(), Refusal> {
        self.comments_before(start, depth)?;
        self.end_run();
        let open = self.text[start..end]
            .find(['{', '#'])
            .map_or(end, |n| start + n);
        let header = words::statement(self.text, start, open + 1)?;
        self.anchor(depth, start, open + 1, header);
        self.done = open + 1;
        self.opened = true;
        for item in items {
            let (s, e) = (item.span.start(), item.span.end());
            match &item.node {
                CycleItemKind::To { items, .. } => self.block(depth + 1, s, e, items)?,
                CycleItemKind::Refused(_) => self.refused(depth + 1, s, e)?,
                _ => self.plain(depth + 1, s, e)?,
            }
        }
        let close = end - 1;
        self.comments_before(close, depth + 1)?;
        let line = self.line_of(close);
        self.lines.push(Line {
            depth,
            blank_before: false,
            body: "}".to_owned(),
            trailing: None,
            source_line: line,
        });
        self.opened = false;
        self.last_line = Some(line);
        self.done = end;
        Ok(())
    }

    /// A unit or metric declaration: its cells now, its columns when its run
    /// ends. A run is the declarations of one kind on consecutive lines.
    fn decl(&mut self, kind: Decl, start: usize, end: usize) -> Result<(), Refusal> {
        self.comments_before(start, 0)?;
        let cells = match kind {
            Decl::Unit => words::unit(self.text, start, end)?,
            Decl::Metric => words::metric(self.text, start, end)?,
        };
        let start_line = self.line_of(start);
        let goes_on = self
            .run
            .as_ref()
            .is_some_and(|run| run.kind == kind && start_line <= run.end_line + 1);
        if !goes_on {
            self.end_run();
        }
        self.anchor(0, start, end, String::new());
        let end_line = self.last_line.unwrap_or(start_line);
        let index = self.lines.len() - 1;
        let run = self.run.get_or_insert_with(|| Run {
            kind,
            lines: Vec::new(),
            end_line,
        });
        run.lines.push((index, cells));
        run.end_line = end_line;
        self.comments_inside(end, None)
    }

    /// Lay out the pending run of declarations in columns.
    fn end_run(&mut self) {
        if let Some(run) = self.run.take() {
            let bodies = super::columns::columns(run.kind, &run.lines);
            for ((index, _), body) in run.lines.iter().zip(bodies) {
                self.lines[*index].body = body;
            }
        }
    }
}
