//! koomc: the compiler for the KOOM directive language.
//!
//! The pipeline, one module and one entry function per stage
//! (see `ARCHITECTURE.md`):
//!
//! | stage | module | entry | in → out |
//! | --- | --- | --- | --- |
//! | load | [`load`] | [`load::load`] | paths → source map + ASTs (calls syntax per file, follows `use`) |
//! | syntax | [`syntax`] | [`syntax::parse`] | text → AST |
//! | resolve | [`resolve`] | [`resolve::resolve`] | ASTs → [`model::Model`] |
//! | check | [`check`] | [`check::check`] | model → diagnostics (+ bounds) |
//! | emit | [`emit`] | [`emit::emit`] | model → work orders |
//!
//! [`compile`] chains them. Diagnostics are data ([`diagnostic::Diagnostic`]),
//! rendered at the edge ([`diagnostic::render`]).

pub mod check;
pub mod config;
pub mod diagnostic;
pub mod emit;
pub mod explain;
pub mod load;
pub mod model;
pub mod output;
pub mod phrasing;
pub mod resolve;
pub mod schema;
pub mod source;
pub mod syntax;

use std::path::{Path, PathBuf};

use diagnostic::{Code, Diagnostic, Diagnostics};
use model::Model;
use source::SourceMap;

/// The result of compiling a set of files.
pub struct Compilation {
    pub sources: SourceMap,
    /// The checked model; `None` when a file could not be read or parsed.
    pub model: Option<Model>,
    /// Every diagnostic, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Compilation {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Whether a file could not be read at all, or the project file is
    /// invalid (exit status 2).
    pub fn has_unreadable_file(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| matches!(d.code, Code::E0004 | Code::E0008))
    }

    /// The work orders, if there is no error.
    pub fn work_orders(&self) -> Option<Vec<emit::WorkOrder>> {
        match (&self.model, self.has_errors()) {
            (Some(model), false) => Some(emit::emit(model, &self.sources)),
            _ => None,
        }
    }
}

/// Compile the files named on the command line (and all they `use`), with
/// the `koom.toml` of the first file's project.
pub fn compile(paths: &[PathBuf]) -> Compilation {
    let (loaded, diagnostics) = load::load(paths);
    let root = paths.first().map(|p| project(p));
    finish(loaded, diagnostics, root)
}

/// The project root of a file and how to show it (relative, as the file was given).
fn project(file: &Path) -> (PathBuf, String) {
    let root = load::project_root(file);
    if file.is_absolute() {
        return (root, String::new()); // files are then shown relative to the root
    }
    let folder = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let shown = load::root_display(folder, &root, file.parent().unwrap_or(Path::new("")));
    (root, shown)
}

/// Compile text held in memory as if it were the file at `path`.
pub fn compile_text(path: &Path, text: String) -> Compilation {
    let (loaded, diagnostics) = load::load_text(path, text);
    finish(loaded, diagnostics, Some(project(path)))
}

fn finish(
    mut loaded: load::Loaded,
    mut diagnostics: Diagnostics,
    root: Option<(PathBuf, String)>,
) -> Compilation {
    let (config, problems) = match &root {
        Some((root, shown)) => config::load(root, shown, &mut loaded.sources),
        None => (config::Config::default(), Diagnostics::new()),
    };
    let model = if loaded.failed || !problems.is_empty() {
        diagnostics.extend(problems);
        None
    } else {
        let (mut model, resolved) = resolve::resolve(&loaded.files);
        diagnostics.extend(resolved);
        let lexicon = phrasing::Lexicon::with(&config.phrasing);
        diagnostics.extend(check::check(&mut model, &loaded.sources, &lexicon));
        Some(model)
    };
    Compilation {
        diagnostics: config.apply(diagnostics).sorted(&loaded.sources),
        sources: loaded.sources,
        model,
    }
}
