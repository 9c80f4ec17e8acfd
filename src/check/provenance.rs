//! AI provenance (seed §6): `ai USE` names a use the seed permits (E0801).

use crate::diagnostic::{did_you_mean, Applicability, Code, Diagnostic, Diagnostics, Fix, Label};
use crate::model::{Annotations, Model};

/// The uses seed §6 permits, in its order.
pub const PERMITTED: &[(&str, &str)] = &[
    ("summarize", "summarize reports"),
    ("draft", "draft communications"),
    ("scenario", "generate scenario comparisons"),
    ("explore", "explore options"),
    ("expand", "expand thoughts into structured formats"),
    ("interpret", "assist with data interpretation"),
];

pub fn is_permitted(word: &str) -> bool {
    PERMITTED.iter().any(|(w, _)| *w == word)
}

pub fn check(model: &Model, out: &mut Diagnostics) {
    for item in model.cycles.iter().flat_map(|c| c.annotated()) {
        annotation(item.notes, out);
    }
}

fn annotation(notes: &Annotations, out: &mut Diagnostics) {
    let Some(ai) = notes.ai() else { return };
    if is_permitted(&ai.node) {
        return;
    }
    let list = PERMITTED
        .iter()
        .map(|(w, _)| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut d = Diagnostic::new(
        Code::E0801,
        format!("`ai {}` is not a use of AI the executive layer may make", ai.node),
        Label::new(ai.span, "not a permitted use"),
    )
    .with_note(format!("permitted uses (seed §6): {list}"))
    .with_note("AI may not advise outside the executive's expertise, decide, direct workers, or write workflows");
    d = match did_you_mean(&ai.node, PERMITTED.iter().map(|(w, _)| *w)) {
        Some(close) => d.with_fix(Fix::replace(
            format!("did you mean `ai {close}`?"),
            ai.span,
            close,
            Applicability::Unsafe,
        )),
        None => d.with_help("record what the AI actually did, e.g. `ai draft` or `ai scenario`; the decision stays the executive's"),
    };
    out.push(d);
}
