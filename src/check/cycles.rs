//! Cycles and dates: windows inside their cycle, cycles that do not overlap
//! (E0403), and `by` dates inside their cycle (E0402).

use crate::diagnostic::{Code, Diagnostic, Diagnostics, Label};
use crate::model::Model;

pub fn check(model: &Model, out: &mut Diagnostics) {
    for cycle in &model.cycles {
        let Some(period) = cycle.period else { continue };
        let id = &cycle.id.node;
        if let Some(w) = &cycle.window {
            if w.from.node > w.to.node {
                out.push(
                    Diagnostic::new(
                        Code::E0403,
                        format!("the window of cycle `{id}` ends before it starts"),
                        Label::new(
                            w.to.span,
                            format!("{} is before {}", w.to.node, w.from.node),
                        ),
                    )
                    .with_label(w.from.span, "the window starts here")
                    .with_help("write the window as `window FIRST-DAY to LAST-DAY`"),
                );
            } else {
                for date in [&w.from, &w.to] {
                    if !period.contains(date.node) {
                        out.push(
                            Diagnostic::new(
                                Code::E0403,
                                format!("the change window of cycle `{id}` reaches outside the cycle"),
                                Label::new(date.span, format!("{} is outside {} to {}", date.node, period.from, period.to)),
                            )
                            .with_label(cycle.period_span, format!("cycle `{id}` runs from {} to {}", period.from, period.to))
                            .with_help(format!(
                                "a window is the part of its cycle when priorities may change: keep it between {} and {}",
                                period.from, period.to
                            )),
                        );
                    }
                }
            }
        }
        for d in &cycle.directives {
            let Some(by) = d.kind.by() else { continue };
            if !period.contains(by.node) {
                out.push(
                    Diagnostic::new(
                        Code::E0402,
                        format!("`by {}` is outside cycle `{id}`", by.node),
                        Label::new(by.span, format!("outside {} to {}", period.from, period.to)),
                    )
                    .with_label(cycle.period_span, format!("cycle `{id}` runs from {} to {}", period.from, period.to))
                    .with_help(format!(
                        "a directive holds within its cycle: choose a date up to {}, or move it to the cycle that holds {}",
                        period.to, by.node
                    )),
                );
            }
        }
    }
    overlaps(model, out);
}

/// Cycles may not overlap: sort by start and compare neighbours (and the
/// latest end seen, so that a long cycle is compared with all it covers).
fn overlaps(model: &Model, out: &mut Diagnostics) {
    let mut dated: Vec<_> = model
        .cycles
        .iter()
        .filter_map(|c| c.period.map(|p| (p, c)))
        .collect();
    dated.sort_by_key(|(p, c)| (p.from, p.to, c.id.node.clone()));
    let mut reach: Option<(jiff::civil::Date, &crate::model::Cycle)> = None;
    for (period, cycle) in dated {
        if let Some((end, earlier)) = reach {
            if period.from <= end {
                let ep = earlier.period.expect("dated");
                out.push(
                    Diagnostic::new(
                        Code::E0403,
                        format!("cycles `{}` and `{}` overlap", earlier.id.node, cycle.id.node),
                        Label::new(cycle.id.span, format!("runs from {} to {}", period.from, period.to)),
                    )
                    .with_label(earlier.id.span, format!("runs from {} to {}", ep.from, ep.to))
                    .with_help("each day belongs to one cycle: use consecutive quarters (`2026-Q3`, `2026-Q4`) or named cycles whose dates do not meet"),
                );
            }
        }
        if reach.is_none_or(|(end, _)| period.to > end) {
            reach = Some((period.to, cycle));
        }
    }
}
