//! `--message-format sarif`: the diagnostics as one SARIF 2.1.0 log, for
//! code-scanning services (GitHub code scanning and others).
//!
//! Typed structs of our own, serialized with serde: only the part of SARIF
//! koomc fills, validated in `tests/integration/ci.rs` against the published
//! OASIS schema (`tests/schemas/sarif-schema-2.1.0.json`).
//!
//! - one run; the driver `koomc` lists one rule per code of the table, with
//!   its title, the first paragraph of its explanation (the `Rule:` line),
//!   the whole explanation as help, and `urn:koomc:explain:EXXXX` as
//!   `helpUri` (`docs/ci.md` says why a URN);
//! - one result per diagnostic, at its code's rule, with its region (1-based
//!   lines and columns counted in Unicode code points, `columnKind`) in the
//!   file named relative to the project root (`%PROJECTROOT%`), the secondary
//!   labels as related locations, every fix as a SARIF fix
//!   (`artifactChanges`/`replacements`, with its applicability as a
//!   property), and a suppressed diagnostic with an `inSource` suppression.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostic::{render, Code, Diagnostic, Edit, Label, Location, Severity};
use crate::source::{SourceMap, Span};

/// The schema a log names (OASIS, SARIF 2.1.0 with its errata).
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The base every file name is relative to: the project root.
pub const PROJECT_ROOT: &str = "PROJECTROOT";

#[derive(Serialize)]
pub struct Log {
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    pub version: &'static str,
    pub runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    pub tool: Tool,
    pub original_uri_base_ids: BTreeMap<&'static str, ArtifactLocation>,
    pub column_kind: &'static str,
    pub results: Vec<SarifResult>,
}

#[derive(Serialize)]
pub struct Tool {
    pub driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Driver {
    pub name: &'static str,
    pub version: &'static str,
    pub semantic_version: &'static str,
    pub rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    pub id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'static str>,
    pub short_description: Message,
    pub full_description: Message,
    pub help: Help,
    pub help_uri: String,
    pub default_configuration: Configuration,
}

#[derive(Serialize)]
pub struct Message {
    pub text: String,
}

#[derive(Serialize)]
pub struct Help {
    pub text: String,
    pub markdown: String,
}

#[derive(Serialize)]
pub struct Configuration {
    pub level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult {
    pub rule_id: &'static str,
    pub rule_index: usize,
    pub level: &'static str,
    pub message: Message,
    pub locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related_locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<SarifFix>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suppressions: Vec<Suppression>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<usize>,
    pub physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Message>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhysicalLocation {
    pub artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri_base_id: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Message>,
}

/// 1-based; the end column is that of the character after the region.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub start_line: usize,
    pub start_column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifFix {
    pub description: Message,
    pub artifact_changes: Vec<ArtifactChange>,
    pub properties: FixProperties,
}

#[derive(Serialize)]
pub struct FixProperties {
    /// `safe` (applied by `check --fix`) or `unsafe` (`--fix-unsafe`).
    pub applicability: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactChange {
    pub artifact_location: ArtifactLocation,
    pub replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Replacement {
    pub deleted_region: Region,
    pub inserted_content: Content,
}

#[derive(Serialize)]
pub struct Content {
    pub text: String,
}

#[derive(Serialize)]
pub struct Suppression {
    pub kind: &'static str,
    pub justification: &'static str,
}

/// The SARIF log of a compilation's diagnostics.
pub fn log(sources: &SourceMap, diagnostics: &[Diagnostic]) -> Log {
    let root = ArtifactLocation {
        uri: None,
        uri_base_id: None,
        description: Some(Message {
            text: "the project root: the folder of koom.toml, else of the first file named on the command line".to_owned(),
        }),
    };
    Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "koomc",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: Code::ALL.iter().map(|c| rule(*c)).collect(),
                },
            },
            original_uri_base_ids: BTreeMap::from([(PROJECT_ROOT, root)]),
            column_kind: "unicodeCodePoints",
            results: diagnostics.iter().map(|d| result(sources, d)).collect(),
        }],
    }
}

/// The log as pretty JSON, with a final line break.
pub fn to_string(log: &Log) -> String {
    let mut text = serde_json::to_string_pretty(log).expect("SARIF serializes");
    text.push('\n');
    text
}

/// The first paragraph of a code's explanation, without its `Rule:` label.
pub fn rule_text(code: Code) -> String {
    let explanation = code.explanation();
    let paragraph: Vec<&str> = explanation
        .lines()
        .skip_while(|l| !l.starts_with("Rule:"))
        .take_while(|l| !l.trim().is_empty())
        .collect();
    match paragraph.join(" ").strip_prefix("Rule:") {
        Some(rule) => rule.trim().to_owned(),
        None => code.title().to_owned(),
    }
}

fn rule(code: Code) -> Rule {
    let text = rule_text(code);
    Rule {
        id: code.as_str(),
        name: code.lint_name(),
        short_description: Message {
            text: code.title().to_owned(),
        },
        help: Help {
            text: format!("{text}\n\nRun `koomc explain {code}` for a wrong and a right example."),
            markdown: code.explanation().to_owned(),
        },
        full_description: Message { text },
        help_uri: format!("urn:koomc:explain:{code}"),
        default_configuration: Configuration {
            level: level(code.default_severity()),
        },
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn result(sources: &SourceMap, d: &Diagnostic) -> SarifResult {
    let primary = match &d.location {
        Location::Source(label) => located(sources, label, None),
        Location::Path(path) => SarifLocation {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: path_location(path),
                region: None,
            },
            message: None,
        },
    };
    SarifResult {
        rule_id: d.code.as_str(),
        rule_index: Code::ALL
            .iter()
            .position(|c| *c == d.code)
            .expect("every code is in the table"),
        level: level(d.severity),
        message: Message {
            text: render::plain_message(d),
        },
        locations: vec![primary],
        related_locations: d
            .secondary
            .iter()
            .enumerate()
            .map(|(i, l)| located(sources, l, Some(i + 1)))
            .collect(),
        fixes: d
            .fixes
            .iter()
            .map(|f| SarifFix {
                description: Message {
                    text: f.title.clone(),
                },
                artifact_changes: changes(sources, &f.edits),
                properties: FixProperties {
                    applicability: f.applicability.as_str(),
                },
            })
            .collect(),
        suppressions: if d.suppressed {
            vec![Suppression {
                kind: "inSource",
                justification: "a `# koom: allow` comment on the directive",
            }]
        } else {
            Vec::new()
        },
    }
}

fn located(sources: &SourceMap, label: &Label, id: Option<usize>) -> SarifLocation {
    SarifLocation {
        id,
        physical_location: PhysicalLocation {
            artifact_location: file_location(sources, label.span),
            region: Some(region(sources, label.span)),
        },
        message: Some(Message {
            text: label.message.clone(),
        }),
    }
}

fn region(sources: &SourceMap, span: Span) -> Region {
    let (start, end) = sources.line_col(span);
    Region {
        start_line: start.line,
        start_column: start.column,
        end_line: end.line,
        end_column: end.column,
    }
}

/// A source file, relative to the project root.
fn file_location(sources: &SourceMap, span: Span) -> ArtifactLocation {
    let name = sources.portable_name(span.file);
    if name.starts_with('/') {
        return path_location(name);
    }
    ArtifactLocation {
        uri: Some(uri_path(name)),
        uri_base_id: Some(PROJECT_ROOT),
        description: None,
    }
}

/// A path as given on the command line (a file that could not be read, a
/// folder that could not be written): absolute as a `file:` URI, else
/// relative to where koomc ran.
fn path_location(path: &str) -> ArtifactLocation {
    let uri = if path.starts_with('/') {
        format!("file://{}", uri_path(path))
    } else {
        uri_path(path)
    };
    ArtifactLocation {
        uri: Some(uri),
        uri_base_id: None,
        description: None,
    }
}

/// The edits of one fix, grouped by file in the order they come.
fn changes(sources: &SourceMap, edits: &[Edit]) -> Vec<ArtifactChange> {
    let mut out: Vec<(crate::source::FileId, ArtifactChange)> = Vec::new();
    for e in edits {
        let replacement = Replacement {
            deleted_region: region(sources, e.span),
            inserted_content: Content {
                text: e.replacement.clone(),
            },
        };
        match out.iter_mut().find(|(f, _)| *f == e.span.file) {
            Some((_, change)) => change.replacements.push(replacement),
            None => out.push((
                e.span.file,
                ArtifactChange {
                    artifact_location: file_location(sources, e.span),
                    replacements: vec![replacement],
                },
            )),
        }
    }
    out.into_iter().map(|(_, c)| c).collect()
}

/// A `/`-separated path as a URI path: every byte that is not unreserved
/// (RFC 3986) or `/` percent-encoded.
fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uris() {
        assert_eq!(uri_path("examples/raccoons.koom"), "examples/raccoons.koom");
        assert_eq!(uri_path("my plans/é#1.koom"), "my%20plans/%C3%A9%231.koom");
        assert_eq!(
            path_location("/tmp/a b.koom").uri.as_deref(),
            Some("file:///tmp/a%20b.koom")
        );
    }

    #[test]
    fn every_rule_has_its_rule_paragraph() {
        for code in Code::ALL {
            let text = rule_text(*code);
            assert!(!text.is_empty() && !text.starts_with("Rule"), "{code}");
        }
        assert!(rule_text(Code::E0101).starts_with("Directives, allocations"));
    }
}
