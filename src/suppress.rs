//! Suppressing one verdict in place (spec §6): a comment
//! `# koom: allow LINT-OR-CODE[, …]` at the end of a directive's line, or
//! alone on the line before it, silences those codes for that directive
//! only. Entry point: [`apply`].
//!
//! A suppressed diagnostic is kept, marked `suppressed`: the JSON output
//! still shows it, people and the exit status no longer count it, and a
//! suppressed error no longer stops `build`. A comment that names neither a
//! code nor a lint is itself a warning (E0009), so that a misspelt escape is
//! never silently without effect. Text after ` -- ` is the author's reason.

use std::collections::HashMap;

use crate::diagnostic::{did_you_mean, Applicability, Code, Diagnostic, Diagnostics, Fix, Label};
use crate::source::{FileId, SourceMap, Span};
use crate::syntax::regions::{regions, Region};

/// The marker that starts a suppression inside a comment.
const MARKER: &str = "koom: allow";

/// One suppression comment: the line it covers and what it silences.
struct Allow {
    line: usize,
    codes: Vec<Code>,
}

/// Mark the diagnostics the files' suppression comments silence, and add a
/// warning for each name such a comment gets wrong.
pub fn apply(sources: &SourceMap, diagnostics: Diagnostics) -> Diagnostics {
    let mut out = Diagnostics::new();
    let mut allows: HashMap<FileId, Vec<Allow>> = HashMap::new();
    for id in (0..sources.len() as u32).map(FileId) {
        let name = sources.name(id);
        if name.ends_with(".toml") || name.ends_with(".json") {
            continue; // not KOOM text
        }
        let text = &sources.get(id).text;
        if text.contains(MARKER) {
            allows.insert(id, comments(sources, id, &mut out));
        }
    }
    for mut d in diagnostics {
        if let Some(span) = d.primary_span() {
            let line = sources.get(span.file).line_index(span.start());
            let silenced = allows.get(&span.file).is_some_and(|list| {
                list.iter()
                    .any(|a| a.line == line && a.codes.contains(&d.code))
            });
            d.suppressed |= silenced;
        }
        out.push(d);
    }
    out
}

/// The suppression comments of one file, and E0009 for the names they get
/// wrong.
fn comments(sources: &SourceMap, file: FileId, out: &mut Diagnostics) -> Vec<Allow> {
    let source = sources.get(file);
    let text = &source.text;
    let mut found = Vec::new();
    for (_, start, end) in regions(text).filter(|(k, _, _)| *k == Region::Comment) {
        let body = &text[start + 1..end];
        let Some(at) = body.find(MARKER) else {
            continue;
        };
        if !body[..at].trim().is_empty() {
            continue; // the marker must open the comment
        }
        let list_start = start + 1 + at + MARKER.len();
        let list = text[list_start..end]
            .split(" -- ")
            .next()
            .unwrap_or_default();
        let line = covered_line(sources, file, start);
        let codes = names(file, list_start, list, out);
        found.push(Allow { line, codes });
    }
    found
}

/// The line a comment at `start` covers: its own, after code; else the next
/// line that holds code.
fn covered_line(sources: &SourceMap, file: FileId, start: usize) -> usize {
    let source = sources.get(file);
    let text = &source.text;
    let line = source.line_index(start);
    let line_start = source.line_start(line).unwrap_or(0);
    if !text[line_start..start].trim().is_empty() {
        return line;
    }
    let next = crate::syntax::skip_trivia(text, start);
    source.line_index(next.min(text.len()))
}

/// The codes a comma-separated list names (a code, `E0301`, or a lint name,
/// `vague-term`), with E0009 for any other name.
fn names(file: FileId, at: usize, list: &str, out: &mut Diagnostics) -> Vec<Code> {
    let mut codes = Vec::new();
    let mut offset = at;
    for part in list.split(',') {
        let word = part.trim();
        let start = offset + part.len() - part.trim_start().len();
        offset += part.len() + 1;
        if word.is_empty() {
            continue;
        }
        match lookup(word) {
            Some(code) => codes.push(code),
            None => out.push(unknown(Span::new(file, start, start + word.len()), word)),
        }
    }
    codes
}

fn lookup(word: &str) -> Option<Code> {
    Code::ALL
        .iter()
        .copied()
        .find(|c| c.lint_name() == Some(word))
        .or_else(|| {
            (word.len() == 5 && word.starts_with(['E', 'e']))
                .then(|| Code::parse(word))
                .flatten()
        })
}

/// E0009: a suppression that names no code or lint.
fn unknown(span: Span, word: &str) -> Diagnostic {
    let lints = Code::ALL.iter().filter_map(|c| c.lint_name());
    let d = Diagnostic::new(
        Code::E0009,
        format!("`{word}` in `# koom: allow` is neither a code nor a lint, so it silences nothing"),
        Label::new(span, "no such code or lint"),
    )
    .with_note("name a code such as `E0301` or a lint such as `vague-term` (`koomc explain --list` lists them)");
    match did_you_mean(word, lints) {
        Some(close) => d.with_fix(Fix::replace(
            format!("did you mean `{close}`?"),
            span,
            close,
            Applicability::Unsafe,
        )),
        None => d.with_help("write `# koom: allow CODE-OR-LINT`, e.g. `# koom: allow vague-term`"),
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Code;

    const HEAD: &str = "koom 1.0\nmanager operations \"Rita\"\nmetric throughput unit crates/week better higher baseline 1150\ncycle 2026-Q1 {\n  priority 1 throughput\n  to operations { goal throughput >= 1300 by 2026-03-31 }\n";

    fn compile(body: &str) -> crate::Compilation {
        crate::compile_text(std::path::Path::new("s.koom"), format!("{HEAD}{body}}}\n"))
    }

    /// (code, suppressed) of every diagnostic.
    fn found(body: &str) -> Vec<(Code, bool)> {
        compile(body)
            .diagnostics
            .iter()
            .map(|d| (d.code, d.suppressed))
            .collect()
    }

    #[test]
    fn a_comment_at_the_end_of_the_line_silences_that_directive() {
        let vague = "  direction \"Raccoons become world-class.\"";
        assert_eq!(found(&format!("{vague}\n")), [(Code::E0301, false)]);
        assert_eq!(
            found(&format!("{vague} # koom: allow vague-term\n")),
            [(Code::E0301, true)]
        );
        assert_eq!(
            found(&format!(
                "{vague} # koom: allow E0301 -- the board's words\n"
            )),
            [(Code::E0301, true)]
        );
        // Another code is not silenced.
        assert_eq!(
            found(&format!("{vague} # koom: allow E0201\n")),
            [(Code::E0301, false)]
        );
    }

    #[test]
    fn a_comment_alone_silences_the_next_directive_only() {
        let body = "  # koom: allow vague-term\n\n  direction \"Raccoons become world-class.\"\n  outcome \"Quality must improve a lot by 2026-03-31.\"\n";
        assert_eq!(found(body), [(Code::E0301, true), (Code::E0301, false)]);
    }

    #[test]
    fn a_silenced_error_no_longer_stops_the_build_but_stays_in_json() {
        let body = "  direction \"Throughput leads.\"\n  outcome \"Hire two inspectors by 2026-03-31.\" # koom: allow E0201\n";
        let c = compile(body);
        assert_eq!(
            c.diagnostics
                .iter()
                .map(|d| (d.code, d.suppressed))
                .collect::<Vec<_>>(),
            [(Code::E0201, true)]
        );
        assert!(!c.has_errors());
        assert!(c.work_orders().is_some());
        let json = crate::diagnostic::render::json_lines(&c.sources, &c.diagnostics);
        assert!(json.contains("\"suppressed\":true"), "{json}");
        assert_eq!(
            crate::diagnostic::render::human_string(&c.sources, &c.diagnostics),
            ""
        );
    }

    #[test]
    fn a_name_that_is_no_code_or_lint_is_e0009_with_a_did_you_mean() {
        let c = compile("  direction \"Throughput leads.\" # koom: allow vague-terms\n");
        let d = &c.diagnostics[0];
        assert_eq!(d.code, Code::E0009);
        assert_eq!(d.fixes[0].title, "did you mean `vague-term`?");
    }
}
