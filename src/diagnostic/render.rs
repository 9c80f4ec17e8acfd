//! Rendering diagnostics at the edge: for people (codespan-reporting) and for
//! programs (one JSON object per line, `--message-format json`; GitHub
//! Actions annotations, `--message-format github`). SARIF is `crate::sarif`.

use codespan_reporting::diagnostic as cs;
use codespan_reporting::term::{self, termcolor::WriteColor};
use schemars::JsonSchema;
use serde::Serialize;

use super::{Applicability, Diagnostic, Fix, Location, Severity};
use crate::source::{SourceMap, Span};
pub use codespan_reporting::term::termcolor::{BufferedStandardStream, ColorChoice};

fn to_codespan(d: &Diagnostic) -> cs::Diagnostic<crate::source::FileId> {
    let severity = match d.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
    };
    let mut labels = Vec::new();
    let mut notes = Vec::new();
    match &d.location {
        Location::Source(primary) => labels.push(
            cs::Label::primary(primary.span.file, primary.span.range())
                .with_message(&primary.message),
        ),
        Location::Path(path) => notes.push(format!("in `{path}`")),
    }
    labels.extend(
        d.secondary
            .iter()
            .map(|l| cs::Label::secondary(l.span.file, l.span.range()).with_message(&l.message)),
    );
    notes.extend(d.notes.iter().map(|n| format!("note: {n}")));
    notes.extend(d.help_lines().map(|h| format!("help: {h}")));
    cs::Diagnostic::new(severity)
        .with_code(d.code.as_str())
        .with_message(&d.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// Render for a person, in color if the writer supports it.
pub fn human(
    out: &mut dyn WriteColor,
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
) -> std::io::Result<()> {
    let config = term::Config::default();
    for d in diagnostics.iter().filter(|d| !d.suppressed) {
        term::emit_to_write_style(out, &config, sources, &to_codespan(d))
            .map_err(std::io::Error::other)?;
    }
    Ok(())
}

/// Render for a person without color, as a string (snapshots, tests).
pub fn human_string(sources: &SourceMap, diagnostics: &[Diagnostic]) -> String {
    let mut buffer = term::termcolor::Buffer::no_color();
    human(&mut buffer, sources, diagnostics).expect("writing to memory cannot fail");
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

/// A position in a file: 1-based line and column (in Unicode scalar values) and
/// the 0-based byte offset.
#[derive(Serialize, JsonSchema)]
pub struct JsonPosition {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

/// A place in a file with a short message.
#[derive(Serialize, JsonSchema)]
pub struct JsonLabel {
    pub file: String,
    pub start: JsonPosition,
    pub end: JsonPosition,
    pub message: String,
}

/// One diagnostic, as one line of `--message-format json`.
#[derive(Serialize, JsonSchema)]
#[schemars(
    title = "koomc diagnostic",
    description = "One line of `koomc check --message-format json`."
)]
pub struct JsonDiagnostic {
    /// The stable code, e.g. `E0101`; `koomc explain CODE` prints its long form.
    pub code: &'static str,
    pub severity: JsonSeverity,
    pub message: String,
    /// The file, relative to the project root (`/`-separated); for a file that
    /// cannot be read, the path as given.
    pub file: String,
    /// Where the primary label starts; null for a file that could not be read.
    pub start: Option<JsonPosition>,
    /// Where the primary label ends; null for a file that could not be read.
    pub end: Option<JsonPosition>,
    /// The primary label's message.
    pub label: Option<String>,
    /// Other places that take part.
    pub labels: Vec<JsonLabel>,
    pub notes: Vec<String>,
    /// What to write instead, in words.
    pub help: Option<String>,
    /// Edits that put it right; apply all the edits of one fix together.
    pub fixes: Vec<JsonFix>,
    /// Silenced by a `# koom: allow` comment on the directive: shown here,
    /// not to people, and never counted (exit status, `build`).
    pub suppressed: bool,
}

/// A suggested change: its title (shown as a help line) and its edits.
#[derive(Serialize, JsonSchema)]
pub struct JsonFix {
    pub title: String,
    /// `safe`: keeps what the author meant; `unsafe`: a guess to review.
    pub applicability: JsonApplicability,
    pub edits: Vec<JsonEdit>,
}

#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum JsonApplicability {
    Safe,
    Unsafe,
}

/// Replace the text from `start` to `end` (an insertion when they are equal).
#[derive(Serialize, JsonSchema)]
pub struct JsonEdit {
    pub file: String,
    pub start: JsonPosition,
    pub end: JsonPosition,
    pub replacement: String,
}

#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum JsonSeverity {
    Error,
    Warning,
}

fn position(sources: &SourceMap, span: Span) -> (JsonPosition, JsonPosition) {
    let (start, end) = sources.line_col(span);
    (
        JsonPosition {
            line: start.line,
            column: start.column,
            offset: span.start(),
        },
        JsonPosition {
            line: end.line,
            column: end.column,
            offset: span.end(),
        },
    )
}

pub fn to_json(sources: &SourceMap, d: &Diagnostic) -> JsonDiagnostic {
    let (file, start, end, label) = match &d.location {
        Location::Source(l) => {
            let (s, e) = position(sources, l.span);
            (
                sources.portable_name(l.span.file).to_owned(),
                Some(s),
                Some(e),
                Some(l.message.clone()),
            )
        }
        Location::Path(p) => (p.clone(), None, None, None),
    };
    JsonDiagnostic {
        code: d.code.as_str(),
        severity: match d.severity {
            Severity::Error => JsonSeverity::Error,
            Severity::Warning => JsonSeverity::Warning,
        },
        message: d.message.clone(),
        file,
        start,
        end,
        label,
        labels: d
            .secondary
            .iter()
            .map(|l| {
                let (start, end) = position(sources, l.span);
                JsonLabel {
                    file: sources.portable_name(l.span.file).to_owned(),
                    start,
                    end,
                    message: l.message.clone(),
                }
            })
            .collect(),
        notes: d.notes.clone(),
        help: d
            .help
            .clone()
            .or_else(|| d.fixes.first().map(|f| f.title.clone())),
        fixes: d.fixes.iter().map(|f| json_fix(sources, f)).collect(),
        suppressed: d.suppressed,
    }
}

fn json_fix(sources: &SourceMap, f: &Fix) -> JsonFix {
    JsonFix {
        title: f.title.clone(),
        applicability: match f.applicability {
            Applicability::Safe => JsonApplicability::Safe,
            Applicability::Unsafe => JsonApplicability::Unsafe,
        },
        edits: f
            .edits
            .iter()
            .map(|e| {
                let (start, end) = position(sources, e.span);
                JsonEdit {
                    file: sources.portable_name(e.span.file).to_owned(),
                    start,
                    end,
                    replacement: e.replacement.clone(),
                }
            })
            .collect(),
    }
}

/// One JSON object per line.
pub fn json_lines(sources: &SourceMap, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&serde_json::to_string(&to_json(sources, d)).expect("diagnostics serialize"));
        out.push('\n');
    }
    out
}

/// GitHub Actions workflow commands, one per diagnostic that is not
/// suppressed: `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=E0101::message`,
/// shown as annotations on the pull request and the run. The message keeps
/// the notes and help lines below it. File names are relative to the project
/// root, as in the JSON lines.
pub fn github(sources: &SourceMap, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics.iter().filter(|d| !d.suppressed) {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut properties = Vec::new();
        match &d.location {
            Location::Source(l) => {
                let (start, end) = sources.line_col(l.span);
                properties.push(("file", sources.portable_name(l.span.file).to_owned()));
                properties.push(("line", start.line.to_string()));
                properties.push(("col", start.column.to_string()));
                properties.push(("endLine", end.line.to_string()));
                properties.push(("endColumn", end.column.to_string()));
            }
            Location::Path(p) => properties.push(("file", p.clone())),
        }
        properties.push(("title", d.code.as_str().to_owned()));
        let properties: Vec<String> = properties
            .into_iter()
            .map(|(k, v)| format!("{k}={}", github_property(&v)))
            .collect();
        out.push_str(&format!(
            "::{command} {}::{}\n",
            properties.join(","),
            github_data(&plain_message(d))
        ));
    }
    out
}

/// The message with its notes and help lines below it (`note: …`,
/// `help: …`): for formats that carry one text (GitHub annotations, SARIF).
pub fn plain_message(d: &Diagnostic) -> String {
    let mut message = d.message.clone();
    for note in &d.notes {
        message.push_str(&format!("\nnote: {note}"));
    }
    for help in d.help_lines() {
        message.push_str(&format!("\nhelp: {help}"));
    }
    message
}

/// A workflow command's message: `%`, `\r` and `\n` escaped, as the runner
/// expects.
fn github_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: as a message, and `:` and `,` too.
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Code, Label};

    #[test]
    fn github_annotations_escape_messages_and_properties() {
        let mut sources = SourceMap::new();
        let file = sources.add("a,b:c.koom".into(), "koom 1.0\nto ops {\n".into());
        let d = Diagnostic::new(
            Code::E0102,
            "unknown unit `ops`: 100% sure\r\nreally",
            Label::new(Span::new(file, 12, 15), "not declared"),
        )
        .with_help("did you mean `operations`?");
        assert_eq!(
            github(&sources, &[d]),
            "::error file=a%2Cb%3Ac.koom,line=2,col=4,endLine=2,endColumn=7,title=E0102::unknown unit `ops`: 100%25 sure%0D%0Areally%0Ahelp: did you mean `operations`?\n"
        );
        let unreadable = Diagnostic::at_path(Code::E0004, "cannot read `x.koom`", "x.koom");
        assert_eq!(
            github(&sources, &[unreadable]),
            "::error file=x.koom,title=E0004::cannot read `x.koom`\n"
        );
    }
}
