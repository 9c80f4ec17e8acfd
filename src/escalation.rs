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
struct Filed {
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
pub fn check(c: &mut Compilation, dir: &Path) -> crate::score::Escalations {
    let mut out = crate::diagnostic::Diagnostics::new();
    let Some(paths) = folder(dir, &mut out) else {
        c.add(out);
        return Default::default();
    };
    let mut found = Vec::new();
    // Escalations refused with E0706 still exist: a `resolve` naming one is
    // not also "unknown".
    let mut refused: Vec<String> = Vec::new();
    for path in paths {
        match read(c, &path, &mut out) {
            Read::Valid(loaded) => found.push(loaded),
            Read::Refused(Some(id)) => refused.push(id),
            Read::Refused(None) => {}
        }
    }
    let counts = resolutions(c, &found, &refused, &mut out);
    c.add(out);
    counts
}

/// The `*.json` files of the folder, in name order; E0004 when it cannot be read.
fn folder(dir: &Path, out: &mut crate::diagnostic::Diagnostics) -> Option<Vec<std::path::PathBuf>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        out.push(
            Diagnostic::at_path(
                Code::E0004,
                format!("cannot read the escalations folder `{}`", dir.display()),
                dir.display().to_string(),
            )
            .with_help("name a folder that holds the escalation files (`*.json`)"),
        );
        return None;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.retain(|p| p.extension().is_some_and(|e| e == "json"));
    paths.sort();
    Some(paths)
}

/// The largest escalation file koomc reads: 1 MiB (an escalation is one
/// question, its options and its data).
pub const MAX_ESCALATION_BYTES: u64 = 1024 * 1024;

/// What reading one escalation file gave.
enum Read {
    Valid(Filed),
    /// Refused (E0004 or E0706), with its id when it has one.
    Refused(Option<String>),
}

fn read(c: &mut Compilation, path: &Path, out: &mut crate::diagnostic::Diagnostics) -> Read {
    let shown = path.display().to_string();
    let size = match crate::load::regular_file(path, &shown) {
        Ok(meta) => meta.len(),
        Err(e) => {
            out.push(
                Diagnostic::at_path(Code::E0004, e.message, shown)
                    .with_help("an escalation is a `*.json` file the managers wrote"),
            );
            return Read::Refused(None);
        }
    };
    if size > MAX_ESCALATION_BYTES {
        out.push(
            Diagnostic::at_path(
                Code::E0004,
                format!(
                    "`{shown}` is {} KiB, and an escalation file is at most {} KiB",
                    size / 1024,
                    MAX_ESCALATION_BYTES / 1024
                ),
                shown,
            )
            .with_help("an escalation is one question with its options and data: keep the data behind it in the managers' reports"),
        );
        return Read::Refused(None);
    }
    let mut text = String::new();
    let read = std::fs::File::open(path).and_then(|f| {
        std::io::Read::read_to_string(&mut std::io::Read::take(f, MAX_ESCALATION_BYTES), &mut text)
    });
    let Ok(_) = read else {
        out.push(Diagnostic::at_path(
            Code::E0004,
            format!("cannot read `{shown}`"),
            shown,
        ));
        return Read::Refused(None);
    };
    let file = c.sources.add(shown, text);
    let text = &c.sources.get(file).text;
    let escalation: Escalation = match serde_json::from_str(text) {
        Ok(e) => e,
        Err(e) => {
            let at = offset(text, e.line(), e.column());
            out.push(
                Diagnostic::new(
                    Code::E0706,
                    format!("this is not an escalation koomc can read: {e}"),
                    Label::new(Span::new(file, at, (at + 1).min(text.len())), "here"),
                )
                .with_help("write it in the shape `koomc schema escalation` prints"),
            );
            return Read::Refused(None);
        }
    };
    let problems = refusals(&escalation, text, file);
    if problems.is_empty() {
        return Read::Valid(Filed { escalation, file });
    }
    out.extend(problems);
    Read::Refused(Some(escalation.id))
}

/// E0706: an escalation with no options, no data, or another schema.
fn refusals(escalation: &Escalation, text: &str, file: crate::source::FileId) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (key, empty, what) in [
        ("options", escalation.options.is_empty(), "no options"),
        ("data", escalation.data.is_empty(), "no data"),
    ] {
        if !empty {
            continue;
        }
        out.push(
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
    if escalation.schema != SCHEMA {
        out.push(
            Diagnostic::new(
                Code::E0706,
                format!("`{}` is not a schema koomc reads", escalation.schema),
                Label::new(key_span(text, file, "schema"), "here"),
            )
            .with_help(format!("write `\"schema\": \"{SCHEMA}\"`")),
        );
    }
    out
}

/// E0704 and E0705; the counts of escalations of the plan's cycles and of
/// those answered, for the scorecard.
fn resolutions(
    c: &Compilation,
    found: &[Filed],
    refused: &[String],
    out: &mut crate::diagnostic::Diagnostics,
) -> crate::score::Escalations {
    let Some(model) = &c.model else {
        return Default::default();
    };
    let by_id: BTreeMap<&str, &Filed> = found
        .iter()
        .map(|l| (l.escalation.id.as_str(), l))
        .collect();
    let mut resolved: std::collections::BTreeSet<&str> = Default::default();
    for cycle in &model.cycles {
        for r in &cycle.resolutions {
            let id = r.escalation.node.as_str();
            match by_id.get(id) {
                Some(loaded) => {
                    resolved.insert(id);
                    resolution(c, model, cycle, r, loaded, out);
                }
                None if refused.iter().any(|r| r == id) => {}
                None => out.push(unknown(r, &by_id)),
            }
        }
    }
    let mut counts = crate::score::Escalations::default();
    for l in found {
        if !model.cycles.iter().any(|c| c.id.node == l.escalation.cycle) {
            continue;
        }
        counts.filed += 1;
        if resolved.contains(l.escalation.id.as_str()) {
            counts.answered += 1;
        } else {
            out.push(open(c, l));
        }
    }
    counts
}

/// E0704: a `resolve` of an escalation no file holds.
fn unknown(r: &crate::model::Resolution, by_id: &BTreeMap<&str, &Filed>) -> Diagnostic {
    let id = r.escalation.node.as_str();
    let d = Diagnostic::new(
        Code::E0704,
        format!("`resolve {id}` names an escalation that no escalation file holds"),
        Label::new(r.escalation.span, "unknown escalation"),
    );
    match name_fix(r.escalation.span, id, by_id.keys().copied()) {
        Some(fix) => d.with_fix(fix),
        None => d.with_help("resolve the escalations the managers brought: check the id, or add the escalation file"),
    }
}

/// E0704: a known escalation resolved in another cycle, or not for all the
/// units that raised it.
fn resolution(
    c: &Compilation,
    model: &crate::model::Model,
    cycle: &crate::model::Cycle,
    r: &crate::model::Resolution,
    loaded: &Filed,
    out: &mut crate::diagnostic::Diagnostics,
) {
    let (id, e) = (r.escalation.node.as_str(), &loaded.escalation);
    let in_file = |key: &str| key_span(&c.sources.get(loaded.file).text, loaded.file, key);
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
            .with_label(in_file("cycle"), "its cycle")
            .with_help(format!("move the `resolve` into `cycle {}`", e.cycle)),
        );
    }
    let addressed: Vec<&str> = r
        .units
        .iter()
        .map(|u| model.unit(u.node).name.node.as_str())
        .collect();
    let missing: Vec<String> = e
        .raised_by
        .iter()
        .filter(|u| !addressed.contains(&u.as_str()))
        .map(|u| format!("`{u}`"))
        .collect();
    if missing.is_empty() {
        return;
    }
    out.push(
        Diagnostic::new(
            Code::E0704,
            format!(
                "`resolve {id}` does not address {}, who raised it",
                missing.join(", ")
            ),
            Label::new(r.span, "the resolution"),
        )
        .with_label(in_file("raised_by"), "raised by")
        .with_help(format!(
            "address every unit that raised it: `resolve {id} for {}: \"…\"`",
            e.raised_by.join(", ")
        )),
    );
}

/// E0705: an escalation of a cycle of the plan that no `resolve` answers.
fn open(c: &Compilation, l: &Filed) -> Diagnostic {
    let e = &l.escalation;
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
    ))
}
