//! The command line's arguments (clap derive): every command, its flags,
//! their help and an example of each command (`after_help`).

use std::path::PathBuf;
use std::sync::LazyLock;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

/// `0.1.0 (koom 1.0)`: koomc's version and the language versions it accepts
/// (`koomc --version` prints it after the name).
pub static VERSION: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{} (koom {})",
        env!("CARGO_PKG_VERSION"),
        koomc::syntax::SUPPORTED_VERSIONS.join(", ")
    )
});

#[derive(Parser)]
#[command(
    name = "koomc",
    version = VERSION.as_str(),
    about = "The compiler for the KOOM directive language",
    long_about = "Checks executive directives written in .koom files against the KOOM rules and emits JSON work orders for managers and the CoE.",
    after_help = "Examples:\n  koomc init plans                      # a starter project in plans/\n  koomc check plans                     # check every .koom file in plans/\n  koomc build plans --out-dir orders    # write the work orders\n  koomc explain E0101                   # the rule behind a code"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// Parse the command line, with the checks clap cannot state: `build`
    /// needs somewhere to write.
    pub fn parse_checked() -> Result<Cli, clap::Error> {
        let cli = Cli::try_parse()?;
        if let Command::Build {
            out_dir: None,
            stdout: false,
            ..
        } = &cli.command
        {
            let mut cmd = Cli::command();
            cmd.build();
            let build = cmd.find_subcommand_mut("build").expect("build exists");
            return Err(build.error(
                clap::error::ErrorKind::MissingRequiredArgument,
                "`koomc build` needs to know where to write the work orders: give `--out-dir DIR` (one file per work order) or `--stdout` (one JSON document); either will do",
            ));
        }
        Ok(cli)
    }
}

#[derive(Subcommand)]
pub enum Command {
    /// Check files and report diagnostics; writes nothing unless asked to fix
    #[command(after_help = CHECK_EXAMPLES)]
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
        fix: FixArgs,
        #[command(flatten)]
        report: Report,
        /// Check again whenever a file of the project, a `use`d file or koom.toml changes (Ctrl-C stops)
        #[arg(long, conflicts_with_all = ["fix", "fix_unsafe", "diff"])]
        watch: bool,
    },
    /// What each manager's and CoE unit's work orders gain, lose or change between two revisions
    #[command(after_help = DIFF_EXAMPLES)]
    Diff {
        /// The earlier revision (a file or a folder)
        old: PathBuf,
        /// The later revision (a file or a folder)
        new: PathBuf,
        /// Only this unit's work orders (a manager or CoE unit of either revision)
        #[arg(long = "for", value_name = "UNIT")]
        unit: Option<String>,
        #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
        format: DiffFormat,
        /// Exit with status 1 when any work order changes, 0 when none does (as `git diff --exit-code`)
        #[arg(long)]
        exit_code: bool,
    },
    /// The executive scorecard (seed §7), measured from the directives
    #[command(after_help = SCORE_EXAMPLES)]
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
    #[command(after_help = BUILD_EXAMPLES)]
    Build {
        /// The .koom files to compile (with every file they `use`), or folders of them
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Write DIR/<cycle>/<unit>.json (this or --stdout)
        #[arg(long, value_name = "DIR", conflicts_with = "stdout")]
        out_dir: Option<PathBuf>,
        /// Write one JSON document holding every work order to standard output (this or --out-dir)
        #[arg(long)]
        stdout: bool,
        #[command(flatten)]
        report: Report,
        /// Build again whenever a file of the project, a `use`d file or koom.toml changes (Ctrl-C stops)
        #[arg(long)]
        watch: bool,
    },
    /// A picture of the spine for one cycle: the executive layer, the units, what each receives
    #[command(after_help = GRAPH_EXAMPLES)]
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
    #[command(after_help = BRIEF_EXAMPLES)]
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
    #[command(after_help = FMT_EXAMPLES)]
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
    #[command(after_help = LSP_EXAMPLES)]
    Lsp,
    /// Print a JSON Schema (draft 2020-12)
    #[command(after_help = SCHEMA_EXAMPLES)]
    Schema {
        #[arg(value_enum)]
        name: SchemaName,
    },
    /// Explain a diagnostic code: the rule, its source in the KOOM model, a wrong and a right example
    #[command(after_help = EXPLAIN_EXAMPLES)]
    Explain {
        /// A code such as E0101
        #[arg(required_unless_present = "list")]
        code: Option<String>,
        /// List every code with its default severity
        #[arg(long)]
        list: bool,
    },
    /// Write a small starter project: koom.toml, an org file and a plan with one cycle
    #[command(after_help = INIT_EXAMPLES)]
    Init {
        /// The folder to write into (created if missing); nothing in it is overwritten
        #[arg(value_name = "DIR", default_value = ".")]
        dir: PathBuf,
    },
    /// Print a shell completion script to standard output
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output, or write one per command to a folder
    #[command(after_help = MAN_EXAMPLES)]
    Man {
        /// Write koomc.1 and koomc-<command>.1 for every command into DIR
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
    },
}

/// `check --fix`, `--fix-unsafe` and `--diff`.
#[derive(Args)]
pub struct FixArgs {
    /// Apply every fix marked safe, in every file, then report what remains
    #[arg(long)]
    pub fix: bool,
    /// Apply the fixes that guess too (a close name, a default value): review the result
    #[arg(long)]
    pub fix_unsafe: bool,
    /// Print the fixes as a unified diff on standard output and write nothing
    #[arg(long)]
    pub diff: bool,
}

const CHECK_EXAMPLES: &str = "Examples:
  koomc check plan.koom                         # diagnostics on standard error
  koomc check plans --message-format sarif > koomc.sarif
  koomc check plans --fix                       # apply the safe fixes
  koomc check plans --diff                      # show them, write nothing
  koomc check new.koom --baseline old.koom      # change control
  koomc check plans --watch                     # again on every change";
const DIFF_EXAMPLES: &str = "Examples:
  koomc diff old.koom new.koom
  koomc diff old.koom new.koom --for operations --format json
  koomc diff old.koom new.koom --exit-code      # 1 when a work order changes";
const SCORE_EXAMPLES: &str = "Examples:
  koomc score plan.koom
  koomc score new.koom --baseline old.koom --format json";
const BUILD_EXAMPLES: &str = "Examples:
  koomc build plans --out-dir orders            # orders/<cycle>/<unit>.json
  koomc build plan.koom --stdout | jq .         # one JSON document
  koomc build plans --out-dir orders --watch    # again on every change";
const GRAPH_EXAMPLES: &str = "Examples:
  koomc graph plan.koom --format svg > spine.svg
  koomc graph plan.koom --cycle 2026-Q2 | dot -Tpng > spine.png";
const BRIEF_EXAMPLES: &str = "Examples:
  koomc brief plan.koom --out-dir briefs        # open briefs/index.html
  koomc brief plan.koom --out-dir briefs --format md --baseline old.koom";
const FMT_EXAMPLES: &str = "Examples:
  koomc fmt plan.koom
  koomc fmt --check plans/*.koom                # exit 1 if a file would change";
const LSP_EXAMPLES: &str = "Examples:
  koomc lsp                                     # started by an editor (see editors/)";
const SCHEMA_EXAMPLES: &str = "Examples:
  koomc schema work-order > work-order.schema.json
  koomc schema diagnostics";
const EXPLAIN_EXAMPLES: &str = "Examples:
  koomc explain E0101
  koomc explain --list";
const INIT_EXAMPLES: &str = "Examples:
  koomc init plans && koomc check plans         # a starter project that checks clean
  koomc init                                    # into the current folder";
const COMPLETIONS_EXAMPLES: &str = "Examples:
  koomc completions bash > ~/.local/share/bash-completion/completions/koomc
  koomc completions zsh > ~/.zfunc/_koomc
  koomc completions fish > ~/.config/fish/completions/koomc.fish";
const MAN_EXAMPLES: &str = "Examples:
  koomc man | man -l -
  koomc man --out-dir /usr/local/share/man/man1";

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
    /// How to report diagnostics: for people on standard error, or for programs on standard output
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
    /// For people, on standard error
    Human,
    /// One JSON object per line (`koomc schema diagnostics`)
    Json,
    /// One SARIF 2.1.0 document, for code-scanning services
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…`), shown as annotations
    Github,
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
