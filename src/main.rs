//! The `koomc` command line: parse arguments, call the library, render
//! diagnostics, map the outcome to an exit status.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use koomc::diagnostic::{render, Diagnostic, Severity};
use koomc::Compilation;

/// The exit statuses of `../shared/spec/diagnostics.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    /// No error.
    Clean = 0,
    /// An error in the input (or a warning under `--deny warnings`).
    Failed = 1,
    /// The command was misused, a file could not be read, or the output could
    /// not be written.
    Trouble = 2,
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> Self {
        ExitCode::from(s as u8)
    }
}

#[derive(Parser)]
#[command(
    name = "koomc",
    version,
    about = "The compiler for the KOOM directive language",
    long_about = "Checks executive directives written in .koom files against the KOOM rules and emits JSON work orders for managers and the CoE."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check files and report diagnostics; writes nothing
    Check {
        /// The .koom files to check (with every file they `use`), or folders of them
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Compare with an earlier revision (a file or a folder): change control
        #[arg(long, value_name = "OLD")]
        baseline: Option<PathBuf>,
        /// Check the escalation files (`*.json`) in DIR against the `resolve` statements
        #[arg(long, value_name = "DIR")]
        escalations: Option<PathBuf>,
        #[command(flatten)]
        report: Report,
    },
    /// What each manager's and CoE unit's work orders gain, lose or change between two revisions
    Diff {
        /// The earlier revision (a file or a folder)
        old: PathBuf,
        /// The later revision (a file or a folder)
        new: PathBuf,
        /// Only this unit's work orders
        #[arg(long = "for", value_name = "UNIT")]
        unit: Option<String>,
        #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
        format: DiffFormat,
    },
    /// The executive scorecard (seed §7), measured from the directives
    Score {
        /// The .koom files (or folders) of the revision to score
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Compare with an earlier revision to measure the stability of priorities
        #[arg(long, value_name = "OLD")]
        baseline: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = ScoreFormat::Table)]
        format: ScoreFormat,
    },
    /// Check files and write one work order per manager and CoE unit per cycle
    Build {
        /// The .koom files to compile (with every file they `use`)
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Write DIR/<cycle>/<unit>.json
        #[arg(
            long,
            value_name = "DIR",
            required_unless_present = "stdout",
            conflicts_with = "stdout"
        )]
        out_dir: Option<PathBuf>,
        /// Write one JSON document holding every work order to standard output
        #[arg(long)]
        stdout: bool,
        #[command(flatten)]
        report: Report,
    },
    /// A picture of the spine for one cycle: the executive layer, the units, what each receives
    Graph {
        /// The .koom files (or folders) of the plan
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The cycle to draw (default: the one the revision date falls in, else the next, else the last)
        #[arg(long, value_name = "ID")]
        cycle: Option<String>,
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
        /// Who lays out the SVG: koomc itself (layout-rs, the same bytes everywhere) or Graphviz's `dot` from PATH
        #[arg(long, value_enum, default_value_t = GraphLayout::Builtin)]
        layout: GraphLayout,
        /// Draw the picture even when the plan has errors (a cross-department conflict is drawn in red); the exit status is still 1
        #[arg(long)]
        with_errors: bool,
        #[command(flatten)]
        report: Report,
    },
    /// One page per manager and CoE unit per cycle, and an executive overview (HTML or Markdown)
    Brief {
        /// The .koom files (or folders) of the plan
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Write DIR/index.html (or .md), DIR/<cycle>/<unit>.html and DIR/<cycle>/graph.svg
        #[arg(long, value_name = "DIR")]
        out_dir: PathBuf,
        #[arg(long, value_enum, default_value_t = BriefFormat::Html)]
        format: BriefFormat,
        /// The last revision (a file or a folder): what changed for whom, and change control
        #[arg(long, value_name = "OLD")]
        baseline: Option<PathBuf>,
        #[command(flatten)]
        report: Report,
    },
    /// Rewrite files in the canonical layout (or, with --check, only report the ones that differ)
    Fmt {
        /// The .koom files to format
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Write nothing; exit 1 if a file is not in the canonical layout
        #[arg(long)]
        check: bool,
        #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
        color: ColorWhen,
    },
    /// Run the language server over standard input and output
    Lsp,
    /// Print a JSON Schema (draft 2020-12)
    Schema {
        #[arg(value_enum)]
        name: SchemaName,
    },
    /// Explain a diagnostic code: the rule, its source in the KOOM model, a wrong and a right example
    Explain {
        /// A code such as E0101
        #[arg(required_unless_present = "list")]
        code: Option<String>,
        /// List every code with its default severity
        #[arg(long)]
        list: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum GraphFormat {
    /// Graphviz DOT
    Dot,
    /// SVG, laid out
    Svg,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum GraphLayout {
    /// In-process, with layout-rs
    Builtin,
    /// Graphviz's `dot -Tsvg`, when it is installed
    Dot,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum BriefFormat {
    /// Self-contained HTML pages that print well
    Html,
    /// Markdown for wikis and trackers
    Md,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ScoreFormat {
    Table,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaName {
    /// One work order (`DIR/<cycle>/<unit>.json`)
    WorkOrder,
    /// The document `build --stdout` writes
    WorkOrders,
    /// One line of `--message-format json`
    Diagnostics,
    /// An escalation file (`check --escalations DIR`)
    Escalation,
    /// The document `score --format json` writes
    Scorecard,
    /// The document `diff --format json` writes
    Diff,
}

#[derive(Args)]
struct Report {
    /// How to report diagnostics: for people on standard error, or one JSON object per line on standard output
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    message_format: MessageFormat,
    /// When to color human diagnostics (`auto`: when standard error is a terminal and NO_COLOR is unset)
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    color: ColorWhen,
    /// Treat warnings as errors (`--deny warnings`), or one lint (`--deny vague-term`); repeatable
    #[arg(long, value_name = "LINT", value_parser = deny_values())]
    deny: Vec<String>,
}

impl Report {
    /// Human diagnostics with the default color choice: for commands without
    /// reporting options of their own (`diff`, `score`).
    fn plain() -> Report {
        Report {
            message_format: MessageFormat::Human,
            color: ColorWhen::Auto,
            deny: Vec::new(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MessageFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// `warnings` and every lint name.
fn deny_values() -> clap::builder::PossibleValuesParser {
    let names = std::iter::once("warnings").chain(koomc::config::lint_names().map(|(n, _)| n));
    clap::builder::PossibleValuesParser::new(names)
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                Status::Trouble
            } else {
                Status::Clean
            }
            .into();
        }
    };
    match cli.command {
        Command::Check {
            files,
            baseline,
            escalations,
            report,
        } => {
            let mut compilation = koomc::compile(&koomc::inputs(&files));
            if let Some(old) = baseline {
                let Some(old) = baseline_of(&old) else {
                    return Status::Trouble.into();
                };
                koomc::compare_with(&mut compilation, &old);
            }
            if let Some(dir) = escalations {
                koomc::escalation::check(&mut compilation, &dir);
            }
            report_diagnostics(&mut compilation, &report, false, false).into()
        }
        Command::Diff {
            old,
            new,
            unit,
            format,
        } => {
            let (Some(before), Some(after)) = (baseline_of(&old), baseline_of(&new)) else {
                return Status::Trouble.into();
            };
            let (Some(a), Some(b)) = (before.work_orders(), after.work_orders()) else {
                return Status::Failed.into();
            };
            let report = koomc::diff::diff(&a, &b, unit.as_deref());
            match format {
                DiffFormat::Human => print!("{}", koomc::diff::human(&report)),
                DiffFormat::Json => {
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&report).expect("diff serializes")
                    )
                }
            }
            Status::Clean.into()
        }
        Command::Score {
            files,
            baseline,
            format,
        } => {
            let mut compilation = koomc::compile(&koomc::inputs(&files));
            let mut stability = None;
            if let Some(old) = baseline {
                let Some(old) = baseline_of(&old) else {
                    return Status::Trouble.into();
                };
                let date = old
                    .model
                    .as_ref()
                    .and_then(|m| m.revision.as_ref())
                    .map(|r| r.node.to_string())
                    .unwrap_or_default();
                stability = koomc::compare_with(&mut compilation, &old).map(|s| (date, s));
            }
            let Some(model) = &compilation.model else {
                return report_diagnostics(&mut compilation, &Report::plain(), false, false).into();
            };
            let card = koomc::score::score(
                model,
                &compilation.sources,
                &compilation.diagnostics,
                stability.as_ref().map(|(d, s)| (d.as_str(), *s)),
            );
            match format {
                ScoreFormat::Table => print!("{}", koomc::score::table(&card)),
                ScoreFormat::Json => {
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&card).expect("scorecards serialize")
                    )
                }
            }
            Status::Clean.into()
        }
        Command::Build {
            files,
            out_dir,
            stdout,
            report,
        } => build(&files, out_dir, stdout, &report).into(),
        Command::Graph {
            files,
            cycle,
            format,
            layout,
            with_errors,
            report,
        } => graph(
            &files,
            cycle.as_deref(),
            (format, layout),
            with_errors,
            &report,
        )
        .into(),
        Command::Brief {
            files,
            out_dir,
            format,
            baseline,
            report,
        } => brief(&files, &out_dir, format, baseline.as_deref(), &report).into(),
        Command::Lsp => match koomc::lsp::run() {
            Ok(()) => Status::Clean.into(),
            Err(e) => {
                eprintln!("error: the language server stopped: {e}");
                Status::Trouble.into()
            }
        },
        Command::Fmt {
            files,
            check,
            color,
        } => fmt(&koomc::inputs(&files), check, color).into(),
        Command::Schema { name } => {
            let name = match name {
                SchemaName::WorkOrder => "work-order",
                SchemaName::WorkOrders => "work-orders",
                SchemaName::Diagnostics => "diagnostics",
                SchemaName::Escalation => "escalation",
                SchemaName::Scorecard => "scorecard",
                SchemaName::Diff => "diff",
            };
            print!(
                "{}",
                koomc::schema::get(name).expect("every listed schema exists")
            );
            Status::Clean.into()
        }
        Command::Explain { code, list } => {
            if list {
                print!("{}", koomc::explain::list());
                return Status::Clean.into();
            }
            match koomc::explain::explain(code.as_deref().unwrap_or_default()) {
                Ok(text) => {
                    print!("{text}");
                    Status::Clean.into()
                }
                Err(message) => {
                    eprintln!("error: {message}");
                    Status::Trouble.into()
                }
            }
        }
    }
}

/// `koomc fmt`: each file formatted on its own; a file is replaced
/// atomically, and only when its layout changes.
fn fmt(files: &[PathBuf], check: bool, color: ColorWhen) -> Status {
    let report = Report {
        color,
        ..Report::plain()
    };
    let mut status = Status::Clean;
    for path in files {
        let Ok(Ok(text)) = std::fs::read(path).map(String::from_utf8) else {
            // The loader says why the file cannot be read (E0004).
            let mut c = koomc::compile(std::slice::from_ref(path));
            status = status.max(report_diagnostics(&mut c, &report, false, false));
            continue;
        };
        let shown = path.display().to_string();
        let mut sources = koomc::source::SourceMap::new();
        let file = sources.add(shown.clone(), text);
        let text = &sources.get(file).text;
        let problems = match koomc::format::format(file, text) {
            Ok(formatted) if formatted == *text => continue,
            Ok(_) if check => {
                eprintln!("{shown} is not in the canonical layout (run `koomc fmt {shown}`)");
                status = status.max(Status::Failed);
                continue;
            }
            Ok(formatted) => match koomc::output::replace_file(path, &formatted) {
                Ok(()) => continue,
                Err(d) => vec![*d],
            },
            Err(diagnostics) => diagnostics,
        };
        let mut c = Compilation {
            sources,
            model: None,
            diagnostics: problems,
            config: Default::default(),
        };
        status = status.max(report_diagnostics(&mut c, &report, false, false));
    }
    status
}

/// `koomc graph`: the picture on standard output. With errors in the plan
/// nothing is written (exit 1) unless `--with-errors` asks for it.
fn graph(
    files: &[PathBuf],
    cycle: Option<&str>,
    (format, layout): (GraphFormat, GraphLayout),
    with_errors: bool,
    report: &Report,
) -> Status {
    let mut compilation = koomc::compile(&koomc::inputs(files));
    let status = report_diagnostics(&mut compilation, report, true, false);
    let drawable = status == Status::Clean || (status == Status::Failed && with_errors);
    let Some(model) = compilation.model.as_ref().filter(|_| drawable) else {
        return status;
    };
    let chosen = match koomc::graph::pick_cycle(model, cycle) {
        Ok(c) => c,
        Err(message) => {
            eprintln!("error: {message}");
            return Status::Trouble;
        }
    };
    let picture = koomc::graph::graph(model, chosen);
    let text = match (format, layout) {
        (GraphFormat::Dot, _) => koomc::graph::dot(&picture),
        (GraphFormat::Svg, GraphLayout::Builtin) => koomc::graph::svg(&picture),
        (GraphFormat::Svg, GraphLayout::Dot) => match koomc::graph::graphviz_svg(&picture) {
            Ok(svg) => svg,
            Err(message) => {
                eprintln!("error: {message}");
                return Status::Trouble;
            }
        },
    };
    let mut out = std::io::stdout().lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .is_err()
    {
        return Status::Trouble;
    }
    status
}

/// `koomc brief`: every page written atomically, or nothing when the plan
/// (with change control against `--baseline`) has errors.
fn brief(
    files: &[PathBuf],
    out_dir: &std::path::Path,
    format: BriefFormat,
    baseline: Option<&std::path::Path>,
    report: &Report,
) -> Status {
    let mut compilation = koomc::compile(&koomc::inputs(files));
    let mut old = None;
    if let Some(path) = baseline {
        let Some(before) = baseline_of(path) else {
            return Status::Trouble;
        };
        let stability = koomc::compare_with(&mut compilation, &before).unwrap_or_default();
        old = Some((before, stability));
    }
    let status = report_diagnostics(&mut compilation, report, false, false);
    if status != Status::Clean {
        return status;
    }
    let options = koomc::brief::Options {
        format: match format {
            BriefFormat::Html => koomc::brief::Format::Html,
            BriefFormat::Md => koomc::brief::Format::Markdown,
        },
        baseline: old.as_ref().map(|(c, s)| (c, *s)),
    };
    let Some(pages) = koomc::brief::brief(&compilation, options) else {
        return Status::Failed;
    };
    let files: Vec<(String, Vec<u8>)> = pages.into_iter().map(|p| (p.path, p.bytes)).collect();
    match koomc::output::write_files(out_dir, &files, "briefings") {
        Ok(written) => {
            if report.message_format == MessageFormat::Human {
                eprintln!("wrote {} files to {}", written.len(), out_dir.display());
            }
            Status::Clean
        }
        Err(d) => {
            let mut failed = Compilation {
                sources: compilation.sources,
                model: None,
                diagnostics: vec![*d],
                config: Default::default(),
            };
            report_diagnostics(&mut failed, report, false, true);
            Status::Trouble
        }
    }
}

/// Compile a revision named on the command line (a file or a folder) for
/// comparison; a revision that does not compile is reported and refused.
fn baseline_of(path: &std::path::Path) -> Option<Compilation> {
    let mut c = koomc::compile(&koomc::inputs(&[path.to_path_buf()]));
    if c.has_errors() {
        eprintln!(
            "error: the revision `{}` does not compile; fix it first (`koomc check {}`):",
            path.display(),
            path.display()
        );
        report_diagnostics(&mut c, &Report::plain(), false, false);
        return None;
    }
    Some(c)
}

fn build(files: &[PathBuf], out_dir: Option<PathBuf>, stdout: bool, report: &Report) -> Status {
    let mut compilation = koomc::compile(&koomc::inputs(files));
    let status = report_diagnostics(&mut compilation, report, stdout, true);
    if status != Status::Clean {
        return status;
    }
    let Some(orders) = compilation.work_orders() else {
        return Status::Failed;
    };
    if stdout {
        let text = koomc::emit::bundle_json(orders);
        let mut out = std::io::stdout().lock();
        if out
            .write_all(text.as_bytes())
            .and_then(|_| out.flush())
            .is_err()
        {
            return Status::Trouble;
        }
        return Status::Clean;
    }
    let dir = out_dir.expect("clap requires --out-dir or --stdout");
    match koomc::output::write_dir(&dir, &orders) {
        Ok(written) => {
            if report.message_format == MessageFormat::Human {
                eprintln!(
                    "wrote {} work order{} to {}",
                    written.len(),
                    if written.len() == 1 { "" } else { "s" },
                    dir.display()
                );
            }
            Status::Clean
        }
        Err(d) => {
            let mut failed = Compilation {
                sources: compilation.sources,
                model: None,
                diagnostics: vec![*d],
                config: Default::default(),
            };
            report_diagnostics(&mut failed, report, stdout, true);
            Status::Trouble
        }
    }
}

/// Render the diagnostics and decide the exit status. With `build --stdout`,
/// JSON diagnostics go to standard error so that standard output stays one
/// JSON document.
fn report_diagnostics(
    c: &mut Compilation,
    report: &Report,
    stdout_taken: bool,
    building: bool,
) -> Status {
    for denied in &report.deny {
        let all = denied == "warnings";
        for d in c
            .diagnostics
            .iter_mut()
            .filter(|d| d.severity == Severity::Warning)
        {
            if all || d.code.lint_name() == Some(denied.as_str()) {
                d.severity = Severity::Error;
                d.notes
                    .push(format!("`--deny {denied}` makes this warning an error"));
            }
        }
    }
    let diagnostics: &[Diagnostic] = &c.diagnostics;
    match report.message_format {
        MessageFormat::Json => {
            let text = render::json_lines(&c.sources, diagnostics);
            if stdout_taken {
                let _ = std::io::stderr().write_all(text.as_bytes());
            } else {
                let _ = std::io::stdout().write_all(text.as_bytes());
            }
        }
        MessageFormat::Human => {
            use koomc::diagnostic::render::ColorChoice;
            let color = match report.color {
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
            };
            let mut stream = render::StandardStream::stderr(color);
            let _ = render::human(&mut stream, &c.sources, diagnostics);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            let warnings = diagnostics.len() - errors;
            if !diagnostics.is_empty() {
                let _ = writeln!(stream, "{}", summary(errors, warnings, building));
            }
        }
    }
    if c.has_unreadable_file() {
        Status::Trouble
    } else if c.has_errors() {
        Status::Failed
    } else {
        Status::Clean
    }
}

fn summary(errors: usize, warnings: usize, building: bool) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let counts = match (errors, warnings) {
        (0, w) => plural(w, "warning"),
        (e, 0) => plural(e, "error"),
        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    };
    if building && errors > 0 {
        format!("koomc: {counts}; no work orders written")
    } else {
        format!("koomc: {counts}")
    }
}
