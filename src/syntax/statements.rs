//! Reading a file statement by statement.
//!
//! The first word of each statement says what it is, so the reader calls that
//! one statement's pest rule on the text from there (never a many-way
//! alternation), builds its AST node, and goes on after it. Blocks (`cycle …
//! {`, `to … {`) are opened and closed here, so pest never recurses into a
//! file, and a refused form's `{ … }` block is matched here too, by a linear
//! scan in which strings and comments hide braces.
//!
//! After a syntax error the reader recovers at the next line that starts with
//! a statement's first word or a `}`: every syntax error of a file is reported,
//! at most one per statement. A block whose head is broken is still read, so
//! that the mistakes inside it are reported as well.

use pest::error::InputLocation;
use pest::iterators::Pair;
use pest::Parser;

use super::ast::*;
use super::build::Builder;
use super::regions::{self, Region};
use super::{expected, KoomParser, Rule, MAX_NESTING};
use crate::diagnostic::{Code, Diagnostic, Label};
use crate::source::{FileId, Span, Spanned};

/// Where a statement stands: it decides which statements may come.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    File,
    Cycle,
    To,
}

/// Read a file whose header has been checked: its AST (without the statements
/// that did not parse) and every error found.
pub(super) fn read(file: FileId, text: &str) -> (File, Vec<Diagnostic>) {
    let (items, errors) = read_part(file, text, 0);
    (File { items }, errors)
}

/// Read the file-level statements from `start` to the end of `text` (which
/// may be a prefix of the file: positions stay the file's). At 0, the header
/// comes first.
pub(super) fn read_part(file: FileId, text: &str, start: usize) -> (Vec<Item>, Vec<Diagnostic>) {
    let mut r = Reader {
        file,
        text,
        pos: start,
        build: Builder::new(file),
        errors: Vec::new(),
        depth: 0,
    };
    r.skip_trivia();
    if start == 0 {
        r.statement(Rule::header); // checked already; this moves past it
    }
    let items = r.file_items();
    let mut errors = r.errors;
    errors.extend(r.build.errors);
    (items, errors)
}

struct Reader<'t> {
    file: FileId,
    text: &'t str,
    pos: usize,
    build: Builder,
    /// Syntax errors (E0001); the builder keeps the literal errors.
    errors: Vec<Diagnostic>,
    /// How many blocks are open.
    depth: usize,
}

/// What a statement's first word makes it.
enum Start {
    Statement(Rule),
    Cycle,
    To,
    Refused,
    Close,
    Unknown,
}

/// The rule of the statement that starts with `word` at `place`.
fn start(word: &str, next: &str, place: Place) -> Start {
    use Rule::*;
    let rule = match word {
        "}" => return Start::Close,
        "task" | "step" | "workflow" | "procedure" | "process" | "standard" | "training"
        | "assign" => return Start::Refused,
        "cycle" if place == Place::File => return Start::Cycle,
        "to" if place == Place::Cycle => return Start::To,
        "use" => use_decl,
        "org" => org_decl,
        "revision" => revision_decl,
        "executive" => executive_decl,
        "manager" => manager_decl,
        "coe" => coe_decl,
        "worker" => worker_decl,
        "metric" => metric_decl,
        "window" => window,
        "budget" => budget,
        "direction" => direction,
        "priority" => priority,
        "align" => align,
        "resolve" => resolve,
        "goal" => goal,
        "constraint" => constraint,
        "outcome" => outcome,
        "urgent" => match next {
            "constraint" => constraint,
            "outcome" => outcome,
            _ => goal,
        },
        "allocate" if next == "tech" => allocate_tech,
        "allocate" => allocate,
        _ => return Start::Unknown,
    };
    let allowed = match place {
        Place::File => matches!(
            rule,
            use_decl
                | org_decl
                | revision_decl
                | executive_decl
                | manager_decl
                | coe_decl
                | worker_decl
                | metric_decl
        ),
        Place::Cycle => !matches!(
            rule,
            use_decl
                | org_decl
                | revision_decl
                | executive_decl
                | manager_decl
                | coe_decl
                | worker_decl
                | metric_decl
        ),
        Place::To => matches!(rule, goal | constraint | outcome | allocate | allocate_tech),
    };
    if allowed {
        Start::Statement(rule)
    } else {
        Start::Unknown
    }
}

/// Whether a word can start a statement anywhere (where recovery stops).
fn starts_statement(word: &str) -> bool {
    word == "}"
        || word == "cycle"
        || word == "to"
        || !matches!(start(word, "", Place::Cycle), Start::Unknown)
        || !matches!(start(word, "", Place::File), Start::Unknown)
}

/// The statement rules a place allows, for "expected …" messages.
fn expected_at(place: Place) -> Vec<Rule> {
    use Rule::*;
    match place {
        Place::File => vec![
            metric_decl,
            manager_decl,
            coe_decl,
            worker_decl,
            cycle,
            use_decl,
            org_decl,
            revision_decl,
            executive_decl,
        ],
        Place::Cycle => vec![
            goal, constraint, outcome, priority, to_block, allocate, window, budget, direction,
            align, resolve,
        ],
        Place::To => vec![goal, constraint, outcome, allocate],
    }
}

impl<'t> Reader<'t> {
    /// Skip blank space and comments.
    fn skip_trivia(&mut self) {
        self.pos = super::skip_trivia(self.text, self.pos);
    }

    /// The word at the reader's position (a `}` is a word of its own).
    fn word(&self, at: usize) -> &'t str {
        let rest = &self.text[at..];
        if rest.starts_with('}') {
            return "}";
        }
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(rest.len());
        &rest[..end]
    }

    /// The word after the one at the reader's position.
    fn next_word(&self) -> &'t str {
        let first = self.word(self.pos).len();
        let at = super::skip_trivia(self.text, self.pos + first);
        self.word(at)
    }

    fn file_items(&mut self) -> Vec<Item> {
        let mut items = Vec::new();
        loop {
            self.skip_trivia();
            if self.pos >= self.text.len() {
                return items;
            }
            let word = self.word(self.pos);
            match start(word, self.next_word(), Place::File) {
                Start::Cycle => items.extend(self.cycle()),
                Start::Refused => items.extend(
                    self.refused()
                        .map(|(r, span)| Spanned::new(ItemKind::Refused(r), span)),
                ),
                Start::Statement(rule) => {
                    if let Some(pair) = self.statement(rule) {
                        items.push(self.build.item(pair));
                    }
                }
                Start::Close => self.stray_close(),
                Start::To | Start::Unknown => self.unknown(Place::File),
            }
        }
    }

    /// Parse one statement with its rule at the reader's position and move past
    /// it; on a syntax error, report it, recover, and return `None`.
    fn statement(&mut self, rule: Rule) -> Option<Pair<'t, Rule>> {
        let start = self.pos;
        let rest = &self.text[start..];
        let error = match KoomParser::parse(rule, rest) {
            Ok(mut pairs) => return Some(self.accept(start, pairs.next().expect("one statement"))),
            Err(e) => e,
        };
        let failed = start + position(&error);
        // A word left over at the start of a line is the next statement's
        // (mistyped, perhaps): this statement ended before it.
        if failed > start && self.at_line_start(failed) {
            if let Ok(mut pairs) = KoomParser::parse(rule, &self.text[start..failed]) {
                return Some(self.accept(start, pairs.next().expect("one statement")));
            }
        }
        let mut failure = super::failure(rule, rest, error, start);
        failure.in_block = self.depth > 0;
        self.errors
            .push(expected::syntax_error(self.file, self.text, failure));
        self.recover(start, failed);
        None
    }

    fn accept(&mut self, start: usize, pair: Pair<'t, Rule>) -> Pair<'t, Rule> {
        self.build.at(start);
        self.pos = start + pair.as_span().end();
        pair
    }

    /// Whether only blank space stands before `at` on its line.
    fn at_line_start(&self, at: usize) -> bool {
        let line_start = self.text[..at].rfind('\n').map_or(0, |n| n + 1);
        self.text[line_start..at].trim().is_empty()
    }

    /// Skip to the next line whose first word starts a statement (or is `}`):
    /// the line where the statement from `start` failed, when the failure is
    /// that line's first word, else the lines after it.
    fn recover(&mut self, start: usize, failed: usize) {
        // Inside a block, a `}` later on the failed line closes it: the
        // statement ends there, so the block's end is not lost with it.
        if self.depth > 0 {
            if let Some(close) = closing_brace_on_line(self.text, failed) {
                self.pos = close;
                return;
            }
        }
        let mut at = if failed > start && self.at_line_start(failed) {
            failed
        } else {
            self.text[failed..]
                .find('\n')
                .map_or(self.text.len(), |n| failed + n + 1)
        };
        while at < self.text.len() {
            let first = super::skip_trivia(self.text, at);
            let closes = self.depth > 0 && self.text[first..].starts_with('}');
            if first >= self.text.len()
                || (self.at_line_start(first) && (closes || starts_statement(self.word(first))))
            {
                self.pos = first;
                return;
            }
            at = self.text[first..]
                .find('\n')
                .map_or(self.text.len(), |n| first + n + 1);
        }
        self.pos = self.text.len();
    }

    /// E0001 for a word that starts no statement here.
    fn unknown(&mut self, place: Place) {
        let at = self.pos;
        let failure = super::Failure {
            pos: at,
            rules: expected_at(place),
            punctuation: if place == Place::File {
                Vec::new()
            } else {
                vec!["}".to_owned()]
            },
            statement: None,
            in_block: place != Place::File,
        };
        self.errors
            .push(expected::syntax_error(self.file, self.text, failure));
        self.recover(at, at);
    }

    /// E0001 for a `}` that closes no block.
    fn stray_close(&mut self) {
        let span = Span::new(self.file, self.pos, self.pos + 1);
        self.errors.push(
            Diagnostic::new(
                Code::E0001,
                "this `}` closes no block",
                Label::new(span, "no `{` is open here"),
            )
            .with_help("remove it, or open the block it closes with `cycle … {` or `to … {`"),
        );
        self.pos += 1;
    }

    /// A cycle: its head, then its statements up to the matching `}`.
    fn cycle(&mut self) -> Option<Item> {
        let start = self.pos;
        let head = self.block_head(Rule::cycle_head)?;
        let (id, dates) = match head {
            Some(pair) => self.build.cycle_head(pair),
            None => {
                self.block(Place::Cycle); // read for its errors, then dropped
                return None;
            }
        };
        let items = self.block(Place::Cycle);
        let span = Span::new(self.file, start, self.pos);
        Some(Spanned::new(
            ItemKind::Cycle(Cycle { id, dates, items }),
            span,
        ))
    }

    /// A block's head. `Some(None)` when it is broken but opens a block that
    /// should still be read; `None` when there is no block to read.
    fn block_head(&mut self, rule: Rule) -> Option<Option<Pair<'t, Rule>>> {
        let start = self.pos;
        if let Some(pair) = self.statement(rule) {
            return Some(Some(pair));
        }
        // Broken: does its line open a block? Read from after the `{`.
        let line_end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |n| start + n);
        let open = code_byte(self.text, start, line_end, b'{')?;
        self.pos = open + 1;
        Some(None)
    }

    /// The statements of a block up to its `}` (the reader is after the `{`).
    fn block(&mut self, place: Place) -> Vec<CycleItem> {
        self.depth += 1;
        let items = self.block_items(place);
        self.depth -= 1;
        items
    }

    fn block_items(&mut self, place: Place) -> Vec<CycleItem> {
        let open = self.text[..self.pos].rfind('{').unwrap_or(0);
        let mut items = Vec::new();
        loop {
            self.skip_trivia();
            if self.pos >= self.text.len() {
                self.unclosed(open);
                return items;
            }
            let word = self.word(self.pos);
            match start(word, self.next_word(), place) {
                Start::Close => {
                    self.pos += 1;
                    // The tree stays alive until resolve has read it: no room to spare.
                    items.shrink_to_fit();
                    return items;
                }
                Start::To => items.extend(self.addressed_block()),
                Start::Refused => items.extend(
                    self.refused()
                        .map(|(r, span)| Spanned::new(CycleItemKind::Refused(r), span)),
                ),
                Start::Statement(rule) => {
                    if let Some(pair) = self.statement(rule) {
                        items.push(self.build.cycle_item(pair));
                    }
                }
                Start::Cycle | Start::Unknown => self.unknown(place),
            }
        }
    }

    fn addressed_block(&mut self) -> Option<CycleItem> {
        let start = self.pos;
        let head = self.block_head(Rule::to_head)?;
        let Some(pair) = head else {
            self.block(Place::To);
            return None;
        };
        let units = self.build.addressees(pair);
        let items = self.block(Place::To);
        let span = Span::new(self.file, start, self.pos);
        Some(Spanned::new(CycleItemKind::To { units, items }, span))
    }

    /// E0001: the file ends inside a block.
    fn unclosed(&mut self, open: usize) {
        let end = self.text.len();
        self.errors.push(
            Diagnostic::new(
                Code::E0001,
                "the file ends before this block is closed",
                Label::new(
                    Span::new(self.file, open, open + 1),
                    "this `{` is never closed",
                ),
            )
            .with_label(Span::new(self.file, end, end), "the file ends here")
            .with_help("close the block with `}` after its last statement"),
        );
    }

    /// A refused form: its keyword and line, and a `{ … }` block after them.
    fn refused(&mut self) -> Option<(Refused, Span)> {
        let start = self.pos;
        let pair = self.statement(Rule::refused_head)?;
        let refused = self.build.refused(pair.into_inner());
        let mut end = start + self.text[start..self.pos].trim_end().len();
        if self.text[self.pos..].starts_with('{') {
            match matching_brace(self.text, self.pos) {
                Ok(close) => end = close + 1,
                Err(problem) => {
                    self.errors.push(problem.diagnostic(self.file));
                    self.pos = self.text.len();
                    return None;
                }
            }
        }
        self.pos = end;
        Some((refused, Span::new(self.file, start, end)))
    }
}

/// Where pest stopped.
fn position(e: &pest::error::Error<Rule>) -> usize {
    match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    }
}

/// The first `byte` in code (outside strings and comments) in `start..end`.
fn code_byte(text: &str, start: usize, end: usize, byte: u8) -> Option<usize> {
    regions::regions(&text[start..end])
        .filter(|(k, _, _)| *k == Region::Code)
        .find_map(|(_, s, e)| {
            text[start + s..start + e]
                .bytes()
                .position(|b| b == byte)
                .map(|i| start + s + i)
        })
}

/// Why a refused form's block could not be matched.
enum BlockProblem {
    Unclosed(usize),
    TooDeep(usize),
    UnclosedString(usize, usize),
}

impl BlockProblem {
    fn diagnostic(&self, file: FileId) -> Diagnostic {
        match *self {
            BlockProblem::Unclosed(open) => Diagnostic::new(
                Code::E0001,
                "this block is never closed",
                Label::new(Span::new(file, open, open + 1), "this `{` is never closed"),
            )
            .with_help("close the block with `}`"),
            BlockProblem::TooDeep(at) => Diagnostic::new(
                Code::E0001,
                format!("blocks nested more than {MAX_NESTING} deep"),
                Label::new(Span::new(file, at, at + 1), "this `{` is too deep"),
            )
            .with_help("a cycle holds `to` blocks and directives: close each block with `}` before opening the next"),
            BlockProblem::UnclosedString(start, end) => Diagnostic::new(
                Code::E0001,
                "this string is not closed",
                Label::new(Span::new(file, start, end), "the string starts here and runs to the end of the line"),
            )
            .with_help("strings are one line: end it with `\"` before the line ends"),
        }
    }
}

/// The `}` that closes the `{` at `open`, in one pass over the text: strings
/// and comments hide braces, and nesting is bounded by [`MAX_NESTING`].
fn matching_brace(text: &str, open: usize) -> Result<usize, BlockProblem> {
    let mut depth = 0usize;
    for (kind, s, e) in regions::regions(&text[open..]) {
        let (s, e) = (open + s, open + e);
        match kind {
            Region::Comment => continue,
            Region::String if !regions::closed_string(&text[s..e]) => {
                return Err(BlockProblem::UnclosedString(s, e));
            }
            Region::String => continue,
            Region::Code => {}
        }
        for (i, b) in text[s..e].bytes().enumerate() {
            match b {
                b'{' => {
                    depth += 1;
                    if depth > MAX_NESTING {
                        return Err(BlockProblem::TooDeep(s + i));
                    }
                }
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(s + i);
                    }
                }
                _ => {}
            }
        }
    }
    Err(BlockProblem::Unclosed(open))
}

/// The first `}` from `from` to the end of its line outside a string, before
/// a comment.
fn closing_brace_on_line(text: &str, from: usize) -> Option<usize> {
    let mut quoted = false;
    let mut escaped = false;
    for (i, c) in text[from..].char_indices() {
        match c {
            '\n' => return None,
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '#' if !quoted => return None,
            '}' if !quoted => return Some(from + i),
            _ => {}
        }
    }
    None
}
