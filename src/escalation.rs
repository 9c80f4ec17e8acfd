//! Escalations (seed §4 rule 4, spec §7): structured questions managers bring
//! as JSON files (`koomc schema escalation`), checked against the `resolve`
//! statements of the directives: a `resolve` must name a known escalation and
//! address the units that raised it (E0704); an open escalation of a cycle
//! with no `resolve` is a warning (E0705); an escalation with no options or no
//! data is refused, pointing into its file (E0706).
//!
//! Entry point: [`check`], run after the pipeline by `koomc check --escalations DIR`.

use std::collections::BTreeMap;
use std::path::Path;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostic::{name_fix, Code, Diagnostic, Label};
use crate::source::{FileId, Span};
use crate::Compilation;

/// The value of `schema` in an escalation file.
pub const SCHEMA: &str = "koom.escalation/1";

/// A structured escalation: a question a manager cannot settle alone, the
/// options considered and the data behind them.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "KOOM escalation",
    description = "A structured escalation brought by managers (seed §4 rule 4). Read by `koomc check --escalations DIR`."
)]
pub struct Escalation {
    /// Always `koom.escalation/1`.
    pub schema: String,
    /// The escalation's id, as `resolve` names it: `ESC-7`.
    pub id: String,
    /// The cycle it belongs to: `2026-Q1`.
    pub cycle: String,
    /// The manager and CoE units that raise it.
    pub raised_by: Vec<String>,
    /// The decision asked for.
    pub question: String,
    /// The options considered; at least one.
    #[serde(default)]
    pub options: Vec<EscalationOption>,
    /// The data behind them; at least one item.
    #[serde(default)]
    pub data: Vec<Datum>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EscalationOption {
    /// The option, in a sentence.
    pub option: String,
    /// What it would do to the metrics.
    #[serde(default)]
    pub impact: Option<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Datum {
    /// The metric the figure measures, if it is one of the organization's.
    #[serde(default)]
    pub metric: Option<String>,
    /// The figure.
    pub value: serde_json::Value,
    /// Where it comes from, what period.
    #[serde(default)]
    pub note: Option<String>,
}

/// An escalation file that was read, with where it is.
struct Loaded {
    escalation: Escalation,
    file: FileId,
}

/// The byte offset of a JSON key in a file, for pointing at it.
fn key_span(text: &str, file: FileId, key: &str) -> Span {
    let quoted = format!("\"{key}\"");
    match text.find(&quoted) {
        Some(at) => Span::new(file, at, at + quoted.len()),
        None => Span::new(file, 0, text.find('{').map_or(0, |b| b + 1)),
    }
}

/// The byte offset of a 1-based line and column.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

/// Read the escalations in `dir` and check them against the compilation's
/// `resolve` statements. The files join the compilation's sources so that
/// diagnostics can point into them.
pub fn check(c: &mut Compilation, dir: &Path) {
    let mut found = Vec::new();
    let mut refused: Vec<Diagnostic> = Vec::new();
    // Escalations refused with E0706 still exist: a `resolve` naming one is
    // not also "unknown".
    let mut refused_ids: Vec<String> = Vec::new();
    let mut entries: Vec<_> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => {
            let mut out = crate::diagnostic::Diagnostics::new();
            out.push(
                Diagnostic::at_path(
                    Code::E0004,
                    format!("cannot read the escalations folder `{}`", dir.display()),
                    dir.display().to_string(),
                )
                .with_help("name a folder that holds the escalation files (`*.json`)"),
            );
            c.add(out);
            return;
        }
    };
    entries.retain(|p| p.extension().is_some_and(|e| e == "json"));
    entries.sort();
    for path in entries {
        let shown = path.display().to_string();
        let Ok(text) = std::fs::read_to_string(&path) else {
            refused.push(Diagnostic::at_path(
                Code::E0004,
                format!("cannot read `{shown}`"),
                shown.clone(),
            ));
            continue;
        };
        let file = c.sources.add(shown, text);
        let text = &c.sources.get(file).text;
        let escalation: Escalation = match serde_json::from_str(text) {
            Ok(e) => e,
            Err(e) => {
                let at = offset(text, e.line(), e.column());
                refused.push(
                    Diagnostic::new(
                        Code::E0706,
                        format!("this is not an escalation koomc can read: {e}"),
                        Label::new(Span::new(file, at, (at + 1).min(text.len())), "here"),
                    )
                    .with_help("write it in the shape `koomc schema escalation` prints"),
                );
                continue;
            }
        };
        let mut bad = false;
        for (key, empty, what) in [
            ("options", escalation.options.is_empty(), "no options"),
            ("data", escalation.data.is_empty(), "no data"),
        ] {
            if empty {
                bad = true;
                refused.push(
                    Diagnostic::new(
                        Code::E0706,
                        format!("escalation `{}` brings {what}: an excuse, not an escalation", escalation.id),
                        Label::new(key_span(text, file, key), what.to_string()),
                    )
                    .with_note("managers bring structured escalation; executives resolve it (seed §4 rule 4)")
                    .with_help(match key {
                        "options" => "list the options considered: `\"options\": [{ \"option\": \"…\", \"impact\": \"…\" }]`",
                        _ => "give the figures behind the question: `\"data\": [{ \"metric\": \"…\", \"value\": 89, \"note\": \"…\" }]`",
                    }),
                );
            }
        }
        if escalation.schema != SCHEMA {
            refused.push(
                Diagnostic::new(
                    Code::E0706,
                    format!("`{}` is not a schema koomc reads", escalation.schema),
                    Label::new(key_span(text, file, "schema"), "here"),
                )
                .with_help(format!("write `\"schema\": \"{SCHEMA}\"`")),
            );
            bad = true;
        }
        if bad {
            refused_ids.push(escalation.id);
        } else {
            found.push(Loaded { escalation, file });
        }
    }
    let mut out = crate::diagnostic::Diagnostics::new();
    out.extend(std::mem::take(&mut refused));
    resolutions(c, &found, &refused_ids, &mut out);
    c.add(out);
}

/// E0704 and E0705.
fn resolutions(
    c: &Compilation,
    found: &[Loaded],
    refused: &[String],
    out: &mut crate::diagnostic::Diagnostics,
) {
    let Some(model) = &c.model else { return };
    let by_id: BTreeMap<&str, &Loaded> = found
        .iter()
        .map(|l| (l.escalation.id.as_str(), l))
        .collect();
    let mut resolved: std::collections::BTreeSet<&str> = Default::default();
    for cycle in &model.cycles {
        for r in &cycle.resolutions {
            let id = r.escalation.node.as_str();
            let Some(loaded) = by_id.get(id) else {
                if refused.iter().any(|r| r == id) {
                    continue;
                }
                let mut d = Diagnostic::new(
                    Code::E0704,
                    format!("`resolve {id}` names an escalation that no escalation file holds"),
                    Label::new(r.escalation.span, "unknown escalation"),
                );
                d = match name_fix(r.escalation.span, id, by_id.keys().copied()) {
                    Some(fix) => d.with_fix(fix),
                    None => d.with_help("resolve the escalations the managers brought: check the id, or add the escalation file"),
                };
                out.push(d);
                continue;
            };
            resolved.insert(id);
            let e = &loaded.escalation;
            if e.cycle != cycle.id.node {
                out.push(
                    Diagnostic::new(
                        Code::E0704,
                        format!(
                            "`{id}` was raised for cycle `{}`, not `{}`",
                            e.cycle, cycle.id.node
                        ),
                        Label::new(r.escalation.span, "resolved in the wrong cycle"),
                    )
                    .with_label(
                        key_span(&c.sources.get(loaded.file).text, loaded.file, "cycle"),
                        "its cycle",
                    )
                    .with_help(format!("move the `resolve` into `cycle {}`", e.cycle)),
                );
            }
            let addressed: Vec<&str> = r
                .units
                .iter()
                .map(|u| model.unit(u.node).name.node.as_str())
                .collect();
            let missing: Vec<&str> = e
                .raised_by
                .iter()
                .map(String::as_str)
                .filter(|u| !addressed.contains(u))
                .collect();
            if !missing.is_empty() {
                let listed = missing
                    .iter()
                    .map(|u| format!("`{u}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                out.push(
                    Diagnostic::new(
                        Code::E0704,
                        format!("`resolve {id}` does not address {listed}, who raised it"),
                        Label::new(r.span, "the resolution"),
                    )
                    .with_label(
                        key_span(&c.sources.get(loaded.file).text, loaded.file, "raised_by"),
                        "raised by",
                    )
                    .with_help(format!(
                        "address every unit that raised it: `resolve {id} for {}: \"…\"`",
                        e.raised_by.join(", ")
                    )),
                );
            }
        }
    }
    for l in found {
        let e = &l.escalation;
        let open = !resolved.contains(e.id.as_str());
        let cycle_exists = model.cycles.iter().any(|c| c.id.node == e.cycle);
        if open && cycle_exists {
            out.push(
                Diagnostic::new(
                    Code::E0705,
                    format!(
                        "escalation `{}` of cycle `{}` is still open: no `resolve` answers it",
                        e.id, e.cycle
                    ),
                    Label::new(key_span(&c.sources.get(l.file).text, l.file, "id"), "open"),
                )
                .with_note(format!("the question: {}", e.question))
                .with_help(format!(
                    "decide it in the cycle: `resolve {} for {}: \"…\"`",
                    e.id,
                    e.raised_by.join(", ")
                )),
            );
        }
    }
}
