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
pub mod diagnostic;
pub mod emit;
pub mod explain;
pub mod load;
pub mod model;
pub mod output;
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

    /// Whether a file could not be read at all (exit status 2).
    pub fn has_unreadable_file(&self) -> bool {
        self.diagnostics.iter().any(|d| d.code == Code::E0004)
    }

    /// The work orders, if there is no error.
    pub fn work_orders(&self) -> Option<Vec<emit::WorkOrder>> {
        match (&self.model, self.has_errors()) {
            (Some(model), false) => Some(emit::emit(model, &self.sources)),
            _ => None,
        }
    }
}

/// Compile the files named on the command line (and all they `use`).
pub fn compile(paths: &[PathBuf]) -> Compilation {
    let (loaded, diagnostics) = load::load(paths);
    finish(loaded, diagnostics)
}

/// Compile text held in memory as if it were the file at `path`.
pub fn compile_text(path: &Path, text: String) -> Compilation {
    let (loaded, diagnostics) = load::load_text(path, text);
    finish(loaded, diagnostics)
}

fn finish(loaded: load::Loaded, mut diagnostics: Diagnostics) -> Compilation {
    let model = if loaded.failed {
        None
    } else {
        let (mut model, resolved) = resolve::resolve(&loaded.files);
        diagnostics.extend(resolved);
        diagnostics.extend(check::check(&mut model));
        Some(model)
    };
    Compilation {
        diagnostics: diagnostics.sorted(&loaded.sources),
        sources: loaded.sources,
        model,
    }
}
