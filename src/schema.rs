//! The published JSON Schemas (draft 2020-12): `koomc schema NAME`.

use schemars::schema_for;

/// The schema called `name`, as pretty JSON with a final newline.
pub fn get(name: &str) -> Option<String> {
    let schema = match name {
        "work-order" => schema_for!(crate::emit::WorkOrder),
        "work-orders" => schema_for!(crate::emit::Bundle<'static>),
        "diagnostics" => schema_for!(crate::diagnostic::render::JsonDiagnostic),
        "escalation" => schema_for!(crate::escalation::Escalation),
        "scorecard" => schema_for!(crate::score::Scorecard),
        "diff" => schema_for!(crate::diff::Report),
        _ => return None,
    };
    let mut s = serde_json::to_string_pretty(&schema).expect("schemas serialize");
    s.push('\n');
    Some(s)
}
