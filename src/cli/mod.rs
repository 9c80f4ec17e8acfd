//! The commands: each parses nothing itself (clap did, in `args`), calls the
//! library, reports through `report`, and returns the exit status.

pub mod args;
mod fixing;
mod pictures;
pub mod report;
mod setup;
mod watch;

use std::io::Write;
use std::path::{Path, PathBuf};

use koomc::Compilation;

use args::{Command, DiffFormat, MessageFormat, Report, SchemaName, ScoreFormat};
use report::{Purpose, Status};

/// Run one command.
pub fn run(command: Command) -> Status {
    match command {
        Command::Check {
            files,
            baseline,
            escalations,
            fix,
            report,
            watch,
        } => {
            let inputs = CheckInputs {
                files,
                baseline,
                escalations,
            };
            check_command(&inputs, &fix, &report, watch)
        }
        Command::Diff {
            old,
            new,
            unit,
            format,
            exit_code,
        } => diff(&old, &new, unit.as_deref(), format, exit_code),
        Command::Score {
            files,
            baseline,
            escalations,
            format,
        } => score(&files, baseline.as_deref(), escalations.as_deref(), format),
        Command::Build {
            files,
            out_dir,
            stdout,
            report,
            watch,
        } => build_command(&files, (out_dir.as_deref(), stdout), &report, watch),
        Command::Graph {
            files,
            cycle,
            format,
            layout,
            with_errors,
            report,
        } => pictures::graph(
            &files,
            cycle.as_deref(),
            (format, layout),
            with_errors,
            &report,
        ),
        Command::Brief {
            files,
            out_dir,
            format,
            baseline,
            report,
        } => pictures::brief(&files, &out_dir, format, baseline.as_deref(), &report),
        Command::Fmt {
            files,
            check,
            color,
        } => fmt(&koomc::inputs(&files), check, color),
        Command::Lsp => lsp(),
        Command::Schema { name } => schema(name),
        Command::Explain { code, list } => explain(code.as_deref(), list),
        Command::Init { dir } => setup::init(&dir),
        Command::Completions { shell } => setup::completions(shell),
        Command::Man { out_dir } => setup::man(out_dir.as_deref()),
    }
}

/// `koomc check`: once, with fixes (`--fix`, `--fix-unsafe`, `--diff`), or
/// on every change (`--watch`).
fn check_command(
    inputs: &CheckInputs,
    fix: &args::FixArgs,
    report: &Report,
    watch: bool,
) -> Status {
    if fix.fix || fix.fix_unsafe || fix.diff {
        return fixing::check_fix(inputs, fix, report);
    }
    if !watch {
        return check(inputs, report);
    }
    let watched = watch::Watched {
        paths: inputs
            .files
            .iter()
            .chain(&inputs.baseline)
            .map(|p| p.as_path())
            .collect(),
        json_folders: inputs.escalations.iter().map(|p| p.as_path()).collect(),
    };
    watch::watch(&watched, report, |r| check(inputs, r))
}

/// `koomc build`: once, or on every change (`--watch`).
fn build_command(
    files: &[PathBuf],
    (out_dir, stdout): (Option<&Path>, bool),
    report: &Report,
    watch: bool,
) -> Status {
    if !watch {
        return build(files, out_dir, stdout, report);
    }
    let watched = watch::Watched {
        paths: files.iter().map(|p| p.as_path()).collect(),
        json_folders: Vec::new(),
    };
    watch::watch(&watched, report, |r| build(files, out_dir, stdout, r))
}

/// What `koomc check` reads: the files, and what it compares them with.
pub(crate) struct CheckInputs {
    pub files: Vec<PathBuf>,
    pub baseline: Option<PathBuf>,
    pub escalations: Option<PathBuf>,
}

impl CheckInputs {
    /// The baseline's compilation, if one is named; `Err` when it does not
    /// compile (reported).
    fn baseline(&self) -> Result<Option<Compilation>, Status> {
        match &self.baseline {
            Some(old) => revision(old).map(Some).ok_or(Status::Trouble),
            None => Ok(None),
        }
    }

    /// Compile the files (with `overlay`'s texts in place of theirs), then
    /// change control against `old` and the escalations.
    fn compile(&self, old: Option<&Compilation>, overlay: koomc::load::Overlay<'_>) -> Compilation {
        let mut compilation = koomc::compile_with(&koomc::inputs(&self.files), overlay);
        if let Some(old) = old {
            koomc::compare_with(&mut compilation, old);
        }
        if let Some(dir) = &self.escalations {
            koomc::escalation::check(&mut compilation, dir);
        }
        compilation
    }
}

/// `koomc check`: diagnostics only, with change control and escalations.
fn check(inputs: &CheckInputs, report: &Report) -> Status {
    let old = match inputs.baseline() {
        Ok(old) => old,
        Err(status) => return status,
    };
    let mut compilation = inputs.compile(old.as_ref(), &koomc::load::disk);
    report::diagnostics(&mut compilation, report, Purpose::Check)
}

/// Compile a revision named on the command line (a file or a folder) for
/// comparison; a revision that does not compile is reported and refused.
pub(crate) fn revision(path: &Path) -> Option<Compilation> {
    let mut c = koomc::compile(&koomc::inputs(&[path.to_path_buf()]));
    if c.has_errors() {
        eprintln!(
            "error: the revision `{}` does not compile; fix it first (`koomc check {}`):",
            path.display(),
            path.display()
        );
        report::diagnostics(&mut c, &Report::plain(), Purpose::Check);
        return None;
    }
    Some(c)
}

/// Print a document as pretty JSON on standard output.
fn print_json(value: &impl serde::Serialize) -> Status {
    let mut text = serde_json::to_string_pretty(value).expect("reports serialize");
    text.push('\n');
    print(&text)
}

/// Write to standard output. A reader that stops reading (`| head`) ends
/// the command quietly; any other failure to write is exit status 2.
pub(crate) fn print(text: &str) -> Status {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Status::Clean,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Status::Clean,
        Err(_) => Status::Trouble,
    }
}

/// `koomc diff OLD NEW`: what each recipient gains, loses or changes. A
/// `--for` unit that is no recipient of either revision is E0102 (exit 2);
/// with `--exit-code`, a change is exit status 1.
fn diff(old: &Path, new: &Path, unit: Option<&str>, format: DiffFormat, exit_code: bool) -> Status {
    let (Some(before), Some(after)) = (revision(old), revision(new)) else {
        return Status::Trouble;
    };
    let (Some(a), Some(b)) = (before.revision(), after.revision()) else {
        return Status::Failed;
    };
    if let Some(d) = unit.and_then(|u| koomc::diff::unknown_recipient(&a, &b, u, new)) {
        let sources = koomc::source::SourceMap::new();
        report::problems(sources, vec![d], &Report::plain(), Purpose::Check);
        return Status::Trouble;
    }
    let report = koomc::diff::diff(&a, &b, unit);
    let printed = match format {
        DiffFormat::Human => print(&koomc::diff::human(&report)),
        DiffFormat::Json => print_json(&report),
    };
    if exit_code && printed == Status::Clean && !report.recipients.is_empty() {
        return Status::Failed;
    }
    printed
}

/// `koomc score`: the executive scorecard, of a plan without errors (like
/// `build`: a plan with errors gets its diagnostics and exit status 1).
fn score(
    files: &[PathBuf],
    baseline: Option<&Path>,
    escalations: Option<&Path>,
    format: ScoreFormat,
) -> Status {
    let mut compilation = koomc::compile(&koomc::inputs(files));
    let mut stability = None;
    if let Some(old) = baseline {
        let Some(old) = revision(old) else {
            return Status::Trouble;
        };
        let date = old
            .model
            .as_ref()
            .and_then(|m| m.revision.as_ref())
            .map(|r| r.node.to_string())
            .unwrap_or_default();
        stability = koomc::compare_with(&mut compilation, &old).map(|s| (date, s));
    }
    let filed = escalations.map(|dir| koomc::escalation::check(&mut compilation, dir));
    let status = report::diagnostics(&mut compilation, &Report::plain(), Purpose::Check);
    let Some(model) = compilation
        .model
        .as_ref()
        .filter(|_| status == Status::Clean)
    else {
        if status == Status::Clean {
            return Status::Failed;
        }
        return status;
    };
    let context = koomc::score::Context {
        baseline: stability.as_ref().map(|(d, s)| (d.as_str(), *s)),
        escalations: filed,
    };
    let card = koomc::score::score(
        model,
        &compilation.sources,
        &compilation.diagnostics,
        context,
    );
    match format {
        ScoreFormat::Table => print(&koomc::score::table(&card)),
        ScoreFormat::Json => print_json(&card),
    }
}

/// `koomc build`: work orders to a folder or to standard output, only when
/// there is no error.
fn build(files: &[PathBuf], out_dir: Option<&Path>, stdout: bool, report: &Report) -> Status {
    let mut compilation = koomc::compile(&koomc::inputs(files));
    let purpose = if stdout {
        Purpose::BuildToStdout
    } else {
        Purpose::Build
    };
    let status = report::diagnostics(&mut compilation, report, purpose);
    if status != Status::Clean {
        return status;
    }
    let (Some(model), false) = (&compilation.model, compilation.has_errors()) else {
        return Status::Failed;
    };
    if stdout {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let written = koomc::emit::stream_bundle(model, &compilation.sources, &mut out)
            .and_then(|()| out.flush());
        return match written {
            Ok(()) => Status::Clean,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Status::Clean,
            Err(_) => Status::Trouble,
        };
    }
    let dir = out_dir.expect("clap requires --out-dir or --stdout");
    match koomc::output::write_work_orders(dir, model, &compilation.sources) {
        Ok(written) => {
            if report.message_format == MessageFormat::Human {
                let n = written.len();
                let s = if n == 1 { "" } else { "s" };
                eprintln!("wrote {n} work order{s} to {}", dir.display());
            }
            Status::Clean
        }
        Err(d) => {
            report::problems(compilation.sources, vec![*d], report, purpose);
            Status::Trouble
        }
    }
}

/// `koomc fmt`: each file formatted on its own; a file is replaced
/// atomically, and only when its layout changes. `-` is standard input,
/// formatted to standard output. With `--check` nothing is written: the
/// unified diff of what would change goes to standard output.
fn fmt(files: &[PathBuf], check: bool, color: args::ColorWhen) -> Status {
    let report = Report {
        color,
        ..Report::plain()
    };
    files
        .iter()
        .map(|path| fmt_one(path, check, &report))
        .max()
        .unwrap_or(Status::Clean)
}

/// The name standard input is shown by.
const STDIN_NAME: &str = "<stdin>";

fn fmt_one(path: &Path, check: bool, report: &Report) -> Status {
    let stdin = path == Path::new("-");
    let shown = if stdin {
        STDIN_NAME.to_owned()
    } else {
        path.display().to_string()
    };
    let mut sources = koomc::source::SourceMap::new();
    let read = if stdin {
        koomc::load::read_stdin(&shown)
    } else {
        koomc::load::read_source(path, &shown)
    };
    let text = match read {
        Ok(text) => text,
        Err(why) => {
            let d = koomc::diagnostic::Diagnostic::at_path(
                koomc::diagnostic::Code::E0004,
                why.message,
                shown,
            )
            .with_help(why.help);
            return report::problems(sources, vec![d], report, Purpose::Check);
        }
    };
    let file = sources.add(shown.clone(), text);
    let text = &sources.get(file).text;
    let problems = match koomc::format::formatted(file, text) {
        Ok(formatted) if check => {
            let diff = formatted.diff(&shown, text);
            if diff.is_empty() {
                return Status::Clean;
            }
            let status = print(&diff);
            if stdin {
                eprintln!("{shown} is not in the canonical layout");
            } else {
                eprintln!("{shown} is not in the canonical layout (run `koomc fmt {shown}`)");
            }
            return status.max(Status::Failed);
        }
        Ok(formatted) if stdin => return print(formatted.text()),
        Ok(formatted) if formatted.text() == text => return Status::Clean,
        Ok(formatted) => match koomc::output::replace_file(path, formatted.text()) {
            Ok(()) => return Status::Clean,
            Err(d) => vec![*d],
        },
        Err(diagnostics) => diagnostics,
    };
    report::problems(sources, problems, report, Purpose::Check)
}

fn lsp() -> Status {
    match koomc::lsp::run() {
        Ok(()) => Status::Clean,
        Err(e) => {
            eprintln!("error: the language server stopped: {e}");
            Status::Trouble
        }
    }
}

fn schema(name: SchemaName) -> Status {
    let name = match name {
        SchemaName::WorkOrder => "work-order",
        SchemaName::WorkOrders => "work-orders",
        SchemaName::Diagnostics => "diagnostics",
        SchemaName::Escalation => "escalation",
        SchemaName::Scorecard => "scorecard",
        SchemaName::Diff => "diff",
    };
    print(&koomc::schema::get(name).expect("every listed schema exists"))
}

fn explain(code: Option<&str>, list: bool) -> Status {
    if list {
        return print(&koomc::explain::list());
    }
    match koomc::explain::explain(code.unwrap_or_default()) {
        Ok(text) => print(text),
        Err(message) => {
            eprintln!("error: {message}");
            Status::Trouble
        }
    }
}
