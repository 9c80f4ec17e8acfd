//! Stage 1, syntax: the text of one file to its AST.
//!
//! Entry point: [`parse`]. The header is checked first (E0002, and nothing else
//! is reported for a file without a valid header); then pest parses the file
//! (E0001, with what was expected in words, see `expected.rs`); then the AST is
//! built from the parse tree, validating literals (E0003) and names.

pub mod ast;
mod build;
mod chunks;
mod expected;
mod incremental;
pub mod literal;
pub mod regions;
mod statements;

pub use incremental::{Reparse, Reread};

use pest::Parser;
use pest_derive::Parser;

use crate::diagnostic::{Code, Diagnostic, Label};
use crate::source::{FileId, Span};

#[derive(Parser)]
#[grammar = "../grammar/koom.pest"]
pub(crate) struct KoomParser;

/// The words that start a file-level statement, in the order a file usually
/// has them (the language server offers them so; the parallel reader cuts a
/// file before them).
pub const FILE_STATEMENTS: &[&str] = &[
    "use",
    "org",
    "revision",
    "executive",
    "manager",
    "coe",
    "worker",
    "metric",
    "cycle",
];

/// The reserved words: every keyword of the language (the bold words of the
/// spec). None may be used as a name.
pub const KEYWORDS: &[&str] = &[
    "koom",
    "org",
    "revision",
    "executive",
    "manager",
    "coe",
    "worker",
    "under",
    "metric",
    "unit",
    "better",
    "baseline",
    "per",
    "use",
    "cycle",
    "from",
    "to",
    "window",
    "budget",
    "direction",
    "priority",
    "because",
    "align",
    "on",
    "resolve",
    "for",
    "urgent",
    "goal",
    "constraint",
    "keep",
    "outcome",
    "allocate",
    "tech",
    "ai",
    "by",
    "task",
    "step",
    "workflow",
    "procedure",
    "process",
    "standard",
    "training",
    "assign",
];

pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

/// The language versions this koomc reads.
pub const SUPPORTED_VERSIONS: &[&str] = &["1.0"];

/// How deep the braces of a refused form's `{ … }` block may nest. Cycles
/// and `to` blocks nest two deep by the grammar; the blocks of refused forms
/// are matched by a linear scan, never by recursion, and deeper ones are
/// refused with E0001.
pub const MAX_NESTING: usize = 32;

/// Parse one file. On failure the diagnostics say why; no partial AST is
/// returned, so later stages never see a file that did not parse.
pub fn parse(file: FileId, text: &str) -> Result<ast::File, Vec<Diagnostic>> {
    let (ast, errors) = parse_recovering(file, text);
    if errors.is_empty() {
        Ok(ast)
    } else {
        Err(errors)
    }
}

/// pest alone on a whole file, by the `file` rule, building nothing: the
/// grammar's ceiling, which the benchmarks compare [`parse`] with. Returns
/// how many tokens pest produced, or `None` if the file does not parse.
pub fn parse_only(text: &str) -> Option<usize> {
    KoomParser::parse(Rule::file, text)
        .ok()
        .map(|pairs| pairs.flatten().count())
}

/// Parse one file, recovering after each syntax error at the next statement:
/// the statements that parsed (the loader follows their `use`s) and every
/// error. A file without a valid header gets only that error (E0002).
pub fn parse_recovering(file: FileId, text: &str) -> (ast::File, Vec<Diagnostic>) {
    match check_header(file, text) {
        Ok(()) => chunks::read(file, text),
        Err(errors) => (ast::File::default(), errors),
    }
}

/// For the fuzz target: whether reading `text` in parts cut at every
/// file-level statement (parts of at least one byte) gives the AST and the
/// errors of one sequential read, spans included. A file whose header does
/// not pass is read by neither, so it agrees.
#[doc(hidden)]
pub fn parts_agree_with_one_pass(text: &str) -> Result<(), String> {
    let file = FileId(0);
    if check_header(file, text).is_err() {
        return Ok(());
    }
    let whole = format!("{:?}", statements::read(file, text));
    let parts = format!("{:?}", chunks::read_in_parts(file, text, 1));
    if whole == parts {
        Ok(())
    } else {
        Err(format!("in one pass:\n{whole}\nin parts:\n{parts}"))
    }
}

/// Where a parse failed and what could have come there.
pub(crate) struct Failure {
    pub pos: usize,
    pub rules: Vec<Rule>,
    /// Punctuation that could have come there: `{`, `}`, `,`, `:`.
    pub punctuation: Vec<String>,
    /// The statement being parsed; `None` where no statement starts.
    pub statement: Option<Rule>,
    /// Whether the statement is inside a block (a `}` could come, the end of
    /// the file could not).
    pub in_block: bool,
}

/// pest's fast error names the rules it tried, but not punctuation, and its
/// position can stop short of a missing `,` or `{`. A second, detailed parse
/// of the one statement, run only on failure (detail costs about ten times
/// the parse), knows both. `text` is the statement's text onward, at `base`.
fn failure(rule: Rule, text: &str, error: pest::error::Error<Rule>, base: usize) -> Failure {
    let mut pos = match error.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let mut rules = match error.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => positives,
        pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
    };
    pest::set_error_detail(true);
    let detailed = KoomParser::parse(rule, text).err();
    pest::set_error_detail(false);
    let mut punctuation = Vec::new();
    if let Some(attempts) = detailed.and_then(|e| e.parse_attempts()) {
        if attempts.max_position >= pos {
            if attempts.max_position > pos {
                pos = attempts.max_position;
                rules = attempts
                    .call_stacks()
                    .into_iter()
                    .filter_map(|stack| stack.deepest.get_rule().copied())
                    // A list stopped at its `,`: the punctuation says it.
                    .filter(|rule| *rule != Rule::name_list)
                    .collect();
            }
            punctuation = attempts
                .expected_tokens()
                .into_iter()
                .map(|token| token.to_string())
                .filter(|token| matches!(token.as_str(), "{" | "}" | "," | ":"))
                .collect();
        }
    }
    Failure {
        pos: base + pos,
        rules,
        punctuation,
        statement: Some(rule),
        in_block: false,
    }
}

/// Skip blank space and comments from `at`.
pub(crate) fn skip_trivia(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while at < bytes.len() {
        match bytes[at] {
            b' ' | b'\t' | b'\r' | b'\n' => at += 1,
            b'#' => {
                while at < bytes.len() && bytes[at] != b'\n' {
                    at += 1;
                }
            }
            _ => break,
        }
    }
    at
}

/// The word (a run of non-space characters) at `at`.
fn word_at(text: &str, at: usize) -> Span {
    let end = text[at..]
        .find(|c: char| c.is_whitespace())
        .map_or(text.len(), |n| at + n);
    Span::new(FileId(0), at, end)
}

/// E0002: the first statement must be `koom 1.0`.
fn check_header(file: FileId, text: &str) -> Result<(), Vec<Diagnostic>> {
    let supported = SUPPORTED_VERSIONS
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let start = skip_trivia(text, 0);
    let first = word_at(text, start).in_file(file);
    let help = format!(
        "start the file with `koom {}`",
        SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.len() - 1]
    );
    if &text[first.range()] != "koom" {
        let (message, label) = if first.start() == first.end() {
            (
                "missing `koom` version header: the file is empty".to_owned(),
                "expected `koom 1.0` here",
            )
        } else {
            (
                format!(
                    "missing `koom` version header: the file starts with `{}`",
                    &text[first.range()]
                ),
                "expected `koom 1.0` before this",
            )
        };
        return Err(vec![Diagnostic::new(
            Code::E0002,
            message,
            Label::new(first, label),
        )
        .with_help(help)
        .with_note(format!("this koomc reads KOOM {supported}"))]);
    }
    let at = skip_trivia(text, first.end());
    let version = word_at(text, at).in_file(file);
    let written = &text[version.range()];
    if !SUPPORTED_VERSIONS.contains(&written) {
        let (message, span) = if version.start() == version.end() || written.starts_with('#') {
            ("the `koom` header names no version".to_owned(), first)
        } else {
            (format!("unsupported KOOM version `{written}`"), version)
        };
        return Err(vec![Diagnostic::new(
            Code::E0002,
            message,
            Label::new(span, format!("this koomc reads KOOM {supported}")),
        )
        .with_help(help)]);
    }
    Ok(())
}

#[cfg(test)]
mod tests;
