//! Folding ranges: every `{ … }` block (cycles, `to` blocks, refused forms'
//! blocks) from its opening line to the line before its `}`, and every run
//! of two or more comment lines. Read from the text: braces in strings and
//! comments do not count.

use lsp_types::{FoldingRange, FoldingRangeKind};
use serde_json::Value;

use super::server::{uri, Failure};
use super::workspace::Workspace;
use crate::syntax::regions::{regions, Region};

pub fn folding_ranges(
    ws: &Workspace,
    params: &Value,
) -> Result<Option<Vec<FoldingRange>>, Failure> {
    let uri = uri(params)?;
    let Some(doc) = ws.docs.get(uri) else {
        return Ok(None);
    };
    let mut out = blocks(&doc.text);
    out.extend(comments(&doc.text));
    out.sort_by_key(|r| (r.start_line, r.end_line));
    Ok(Some(out))
}

fn fold(start_line: u32, end_line: u32, kind: FoldingRangeKind) -> FoldingRange {
    FoldingRange {
        start_line,
        start_character: None,
        end_line,
        end_character: None,
        kind: Some(kind),
        collapsed_text: None,
    }
}

fn blocks(text: &str) -> Vec<FoldingRange> {
    let bytes = text.as_bytes();
    let (mut line, mut counted) = (0u32, 0usize);
    let mut open: Vec<u32> = Vec::new();
    let mut out = Vec::new();
    for (kind, start, end) in regions(text) {
        if kind != Region::Code {
            continue;
        }
        for i in start..end {
            match bytes[i] {
                b'{' | b'}' => {
                    line += bytes[counted..i].iter().filter(|&&b| b == b'\n').count() as u32;
                    counted = i;
                    if bytes[i] == b'{' {
                        open.push(line);
                    } else if let Some(from) = open.pop() {
                        if line > from + 1 {
                            out.push(fold(from, line - 1, FoldingRangeKind::Region));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out
}

fn comments(text: &str) -> Vec<FoldingRange> {
    let mut out = Vec::new();
    let mut run: Option<(u32, u32)> = None;
    for (i, line) in text.lines().enumerate() {
        let i = i as u32;
        if line.trim_start().starts_with('#') {
            run = Some(run.map_or((i, i), |(from, _)| (from, i)));
            continue;
        }
        if let Some((from, to)) = run.take().filter(|(from, to)| to > from) {
            out.push(fold(from, to, FoldingRangeKind::Comment));
        }
    }
    if let Some((from, to)) = run.filter(|(from, to)| to > from) {
        out.push(fold(from, to, FoldingRangeKind::Comment));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_comment_runs_fold() {
        let text = "koom 1.0\n# a\n# b\ncycle 2026 {\n  to x {\n    goal y >= 1 # }\n  }\n  direction \"{\"\n}\n";
        let got: Vec<(u32, u32)> = blocks(text)
            .iter()
            .map(|r| (r.start_line, r.end_line))
            .collect();
        assert_eq!(got, [(4, 5), (3, 7)]);
        let got: Vec<(u32, u32)> = comments(text)
            .iter()
            .map(|r| (r.start_line, r.end_line))
            .collect();
        assert_eq!(got, [(1, 2)]);
    }
}
