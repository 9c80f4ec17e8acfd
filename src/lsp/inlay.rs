//! Inlay hints: at the end of each goal's and constraint's line, the exact
//! bound koomc computed for the metric's value at the end of the cycle
//! (`≤ 422400`, from the model's `bound`), and the bounds its `keep` puts on
//! other metrics (`, throughput ≥ 1150`).

use lsp_types::{InlayHint, InlayHintLabel, InlayHintTooltip, Position};
use serde_json::Value;

use super::server::{range, uri, Failure};
use super::text::position;
use super::workspace::Workspace;
use crate::human::op_symbol;
use crate::model::{Bound, Directive};

pub fn inlay_hints(ws: &Workspace, params: &Value) -> Result<Option<Vec<InlayHint>>, Failure> {
    let uri = uri(params)?;
    let want = range(params)?;
    let Some(check) = ws.checks.get(uri) else {
        return Ok(None);
    };
    let (Some(file), Some(model)) = (check.doc, check.compilation.model.as_ref()) else {
        return Ok(Some(Vec::new()));
    };
    let source = check.compilation.sources.get(file);
    let mut out = Vec::new();
    for cycle in &model.cycles {
        for d in cycle.directives.iter().filter(|d| d.span.file == file) {
            let Some(label) = label(model, d) else {
                continue;
            };
            let line = source.line_index(d.span.start().min(source.text.len()));
            if (line as u32) < want.start.line || (line as u32) > want.end.line {
                continue;
            }
            let end = source.line_range(line).map_or(source.text.len(), |r| {
                r.start + source.text[r].trim_end_matches(['\n', '\r']).len()
            });
            out.push(hint(position(source, end), label));
        }
    }
    Ok(Some(out))
}

fn bound(b: &Bound) -> String {
    format!("{} {}", op_symbol(b.op.as_str()), b.value.normalize())
}

/// `≤ 422400, throughput ≥ 1150`; `None` for a directive with no bound.
fn label(model: &crate::model::Model, d: &Directive) -> Option<String> {
    let mut label = bound(d.bound.as_ref()?);
    for (metric, b) in &d.keep_bounds {
        label.push_str(&format!(
            ", {} {}",
            model.metric(metric.node).name.node,
            bound(b)
        ));
    }
    Some(label)
}

fn hint(at: Position, label: String) -> InlayHint {
    InlayHint {
        position: at,
        label: InlayHintLabel::String(label),
        kind: None,
        text_edits: None,
        tooltip: Some(InlayHintTooltip::String(
            "the exact bound on the metric's value at the end of the cycle, as koomc computes it"
                .to_owned(),
        )),
        padding_left: Some(true),
        padding_right: None,
        data: None,
    }
}
