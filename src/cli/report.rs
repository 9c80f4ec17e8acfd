//! Diagnostics to the user, and the exit status they mean
//! (`../shared/spec/diagnostics.md`).

use std::io::{IsTerminal, Write};

use koomc::diagnostic::{render, Diagnostic, Severity};
use koomc::Compilation;

use super::args::{ColorWhen, MessageFormat, Report};

/// The exit statuses of `../shared/spec/diagnostics.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// No error.
    Clean = 0,
    /// An error in the input (or a warning under `--deny warnings`).
    Failed = 1,
    /// The command was misused, a file could not be read, or the output could
    /// not be written.
    Trouble = 2,
}

impl From<Status> for std::process::ExitCode {
    fn from(s: Status) -> Self {
        std::process::ExitCode::from(s as u8)
    }
}

/// What the diagnostics are reported for: it decides the summary line and
/// where diagnostics for programs (JSON, SARIF, GitHub) go.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Checking: JSON diagnostics on standard output.
    Check,
    /// Building into a folder: the summary says no work orders were written.
    Build,
    /// Building to standard output, which holds the one JSON document: JSON
    /// diagnostics go to standard error.
    BuildToStdout,
    /// A picture on standard output: JSON diagnostics go to standard error.
    Picture,
}

/// Apply `--deny`, render the diagnostics and decide the exit status.
pub fn diagnostics(c: &mut Compilation, report: &Report, purpose: Purpose) -> Status {
    deny(&mut c.diagnostics, &report.deny);
    let diagnostics: &[Diagnostic] = &c.diagnostics;
    let for_programs = match report.message_format {
        MessageFormat::Json => Some(render::json_lines(&c.sources, diagnostics)),
        MessageFormat::Github => Some(render::github(&c.sources, diagnostics)),
        MessageFormat::Sarif => Some(koomc::sarif::to_string(&koomc::sarif::log(
            &c.sources,
            diagnostics,
        ))),
        MessageFormat::Human => None,
    };
    match for_programs {
        Some(text) => {
            let _ = if program_output_on_stderr(purpose) {
                std::io::stderr().write_all(text.as_bytes())
            } else {
                std::io::stdout().write_all(text.as_bytes())
            };
        }
        None => {
            // Buffered: a diagnostic is dozens of small writes, and ten
            // thousand of them unbuffered took seconds of system calls.
            let mut stream = render::BufferedStandardStream::stderr(color(report.color));
            let _ = render::human(&mut stream, &c.sources, diagnostics);
            if diagnostics.iter().any(|d| !d.suppressed) {
                let _ = writeln!(stream, "{}", summary(diagnostics, purpose));
            }
            let _ = stream.flush();
        }
    }
    status(c)
}

/// Whether diagnostics for programs go to standard error: when standard
/// output holds the command's own document.
pub fn program_output_on_stderr(purpose: Purpose) -> bool {
    matches!(purpose, Purpose::BuildToStdout | Purpose::Picture)
}

/// The exit status a compilation's diagnostics mean.
pub fn status(c: &Compilation) -> Status {
    if c.has_unreadable_file() {
        Status::Trouble
    } else if c.has_errors() {
        Status::Failed
    } else {
        Status::Clean
    }
}

/// `--deny warnings` or `--deny LINT`: those warnings become errors.
fn deny(diagnostics: &mut [Diagnostic], denied: &[String]) {
    for denied in denied {
        let all = denied == "warnings";
        for d in diagnostics
            .iter_mut()
            .filter(|d| d.severity == Severity::Warning && !d.suppressed)
        {
            if all || d.code.lint_name() == Some(denied.as_str()) {
                d.severity = Severity::Error;
                d.notes
                    .push(format!("`--deny {denied}` makes this warning an error"));
            }
        }
    }
}

/// Color when asked, or when standard error is a terminal and `NO_COLOR` is unset.
pub fn color(when: ColorWhen) -> render::ColorChoice {
    use render::ColorChoice;
    match when {
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
        ColorWhen::Auto => {
            if std::io::stderr().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            {
                ColorChoice::Always
            } else {
                ColorChoice::Never
            }
        }
    }
}

fn summary(diagnostics: &[Diagnostic], purpose: Purpose) -> String {
    let shown = diagnostics.iter().filter(|d| !d.suppressed);
    let errors = shown.clone().filter(|d| d.is_error()).count();
    let warnings = shown.count() - errors;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let counts = match (errors, warnings) {
        (0, w) => plural(w, "warning"),
        (e, 0) => plural(e, "error"),
        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    };
    if matches!(purpose, Purpose::Build | Purpose::BuildToStdout) && errors > 0 {
        format!("koomc: {counts}; no work orders written")
    } else {
        format!("koomc: {counts}")
    }
}

/// Report diagnostics that arose outside a compilation of the input (an
/// output that cannot be written, a file the formatter refuses).
pub fn problems(
    sources: koomc::source::SourceMap,
    diagnostics: Vec<Diagnostic>,
    report: &Report,
    purpose: Purpose,
) -> Status {
    let mut c = Compilation {
        sources,
        model: None,
        diagnostics,
        config: Default::default(),
    };
    self::diagnostics(&mut c, report, purpose)
}
