//! The lines to text: indentation, blank lines, and the column of each
//! trailing comment.
//!
//! Trailing comments that the author aligned stay aligned. A run is a
//! sequence of trailing comments, each the next one after the one before it
//! in the file, that started in the same column of the source (however many
//! lines apart). A run's comments are written in one column: the column
//! they started in, when every line they end stops before it (at least one
//! space short of it), else two spaces after the longest of those lines. A
//! comment alone in its run is written two spaces after its line. Either way
//! the next run of the formatter finds the same runs and keeps their columns,
//! so the layout is idempotent.

use super::columns::width;
use super::layout::{Comment, Line, Lines};

/// The output text, and for each line that starts a statement or a comment,
/// the source line it came from and its line in the output (for the diff).
pub(super) fn print(text: &str, lines: Lines) -> (String, Vec<(u32, u32)>) {
    let Lines { lines, comments } = lines;
    let columns = comment_columns(&lines, &comments);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut sync = Vec::with_capacity(lines.len());
    let mut out_line = 0u32;
    let mut next_column = columns.iter();
    for line in lines {
        if line.blank_before {
            out.push('\n');
            out_line += 1;
        }
        sync.push((line.source_line, out_line));
        let indent = usize::from(line.depth) * 2;
        out.extend(std::iter::repeat_n(' ', indent));
        out.push_str(&line.body);
        if let Some(index) = line.trailing {
            let column = *next_column
                .next()
                .expect("a column for each trailing comment");
            let written = indent + last_line_width(&line.body);
            out.extend(std::iter::repeat_n(
                ' ',
                column.saturating_sub(written).max(1),
            ));
            let c = comments[index as usize];
            out.push_str(&text[c.start as usize..c.end as usize]);
        }
        out.push('\n');
        out_line += 1 + line.body.bytes().filter(|&b| b == b'\n').count() as u32;
    }
    (out, sync)
}

/// How wide the last line of a body is (a refused form's block may span lines).
fn last_line_width(body: &str) -> usize {
    width(body.rsplit('\n').next().unwrap_or(body))
}

/// The output column of each trailing comment, in order.
fn comment_columns(lines: &[Line], comments: &[Comment]) -> Vec<usize> {
    let trailing: Vec<(usize, u32)> = lines
        .iter()
        .filter_map(|line| {
            let index = line.trailing?;
            let written = usize::from(line.depth) * 2 + last_line_width(&line.body);
            Some((written, comments[index as usize].column))
        })
        .collect();
    let mut columns = Vec::with_capacity(trailing.len());
    let mut start = 0;
    while start < trailing.len() {
        let source_column = trailing[start].1;
        let end = trailing[start..]
            .iter()
            .position(|&(_, c)| c != source_column)
            .map_or(trailing.len(), |n| start + n);
        let longest = trailing[start..end]
            .iter()
            .map(|&(w, _)| w)
            .max()
            .unwrap_or(0);
        let source_column = source_column as usize;
        let column = if end - start > 1 && source_column > longest {
            source_column
        } else {
            longest + 2
        };
        columns.extend(std::iter::repeat_n(column, end - start));
        start = end;
    }
    columns
}
