//! Declarations in columns, as in the spec's example: in a run of unit
//! declarations the keywords, names and leads are aligned one space apart (a
//! worker's `under …` follows its name); in a run of metric declarations the
//! attributes are aligned two spaces apart.

use super::layout::Decl;

/// The lines of one run, from each declaration's cells.
pub(super) fn columns(kind: Decl, rows: &[(usize, Vec<String>)]) -> Vec<String> {
    let sep = match kind {
        Decl::Unit => 1,
        Decl::Metric => 2,
    };
    let is_worker = |cells: &[String]| kind == Decl::Unit && cells[0] == "worker";
    let count = rows.first().map_or(0, |(_, cells)| cells.len());
    let widths: Vec<usize> = (0..count)
        .map(|c| {
            rows.iter()
                // A worker's name is not a column: its `under …` follows it.
                .filter(|(_, cells)| c != 1 || !is_worker(cells))
                .map(|(_, cells)| width(&cells[c]))
                .max()
                .unwrap_or(0)
        })
        .collect();
    rows.iter()
        .map(|(_, cells)| {
            let last = cells.iter().rposition(|c| !c.is_empty()).unwrap_or(0);
            let mut body = String::new();
            for (c, cell) in cells.iter().enumerate().take(last + 1) {
                if widths[c] == 0 && cell.is_empty() {
                    continue;
                }
                if !body.is_empty() {
                    // The keyword is one space from the name.
                    body.extend(std::iter::repeat_n(' ', if c == 1 { 1 } else { sep }));
                }
                body.push_str(cell);
                if c < last && !(c == 1 && is_worker(cells)) {
                    body.extend(std::iter::repeat_n(' ', widths[c] - width(cell)));
                }
            }
            body
        })
        .collect()
}

/// How wide a cell is written: its characters.
pub(super) fn width(text: &str) -> usize {
    text.chars().count()
}
