//! The command line's arguments (clap derive): every command, its flags and
//! their help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "koomc",
    version,
    about = "The compiler for the KOOM directive language",
    long_about = "Checks executive directives written in .koom files against the KOOM rules and emits JSON work orders for managers and the CoE."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
        /// Read the escalation files (`*.json`) in DIR: escalations answered, and open ones
        #[arg(long, value_name = "DIR")]
        escalations: Option<PathBuf>,
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
pub enum DiffFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT
    Dot,
    /// SVG, laid out
    Svg,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphLayout {
    /// In-process, with layout-rs
    Builtin,
    /// Graphviz's `dot -Tsvg`, when it is installed
    Dot,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BriefFormat {
    /// Self-contained HTML pages that print well
    Html,
    /// Markdown for wikis and trackers
    Md,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    Table,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum SchemaName {
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
pub struct Report {
    /// How to report diagnostics: for people on standard error, or one JSON object per line on standard output
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,
    /// When to color human diagnostics (`auto`: when standard error is a terminal and NO_COLOR is unset)
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// Treat warnings as errors (`--deny warnings`), or one lint (`--deny vague-term`); repeatable
    #[arg(long, value_name = "LINT", value_parser = deny_values())]
    pub deny: Vec<String>,
}

impl Report {
    /// Human diagnostics with the default color choice: for commands without
    /// reporting options of their own (`diff`, `score`).
    pub fn plain() -> Report {
        Report {
            message_format: MessageFormat::Human,
            color: ColorWhen::Auto,
            deny: Vec::new(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MessageFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// `warnings` and every lint name.
fn deny_values() -> clap::builder::PossibleValuesParser {
    let names = std::iter::once("warnings").chain(koomc::config::lint_names().map(|(n, _)| n));
    clap::builder::PossibleValuesParser::new(names)
}
