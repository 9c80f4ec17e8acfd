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
//! | bounds | [`bounds`] | [`bounds::bounds`] | model → model with exact bounds |
//! | check | [`check`] | [`check::check`] | model → diagnostics |
//! | emit | [`emit`] | [`emit::emit`] | model → work orders |
//!
//! [`compile`] chains them. Diagnostics are data ([`diagnostic::Diagnostic`]),
//! rendered at the edge ([`diagnostic::render`]).

pub mod bounds;
pub mod brief;
pub mod check;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod emit;
pub mod escalation;
pub mod explain;
pub mod fix;
pub mod format;
pub mod graph;
pub mod history;
pub mod human;
pub mod identity;
pub mod init;
pub mod load;
pub mod lsp;
pub mod model;
pub mod output;
pub mod phrasing;
pub mod resolve;
pub mod sarif;
pub mod schema;
pub mod score;
pub mod source;
pub mod stages;
pub mod suppress;
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
    /// The project's `koom.toml`, for stages that run after the pipeline.
    pub config: config::Config,
}

impl Compilation {
    /// Add the diagnostics of a later stage (change control, escalations):
    /// the project's lint levels apply, and the order stays sorted.
    pub fn add(&mut self, more: Diagnostics) {
        let mut all = Diagnostics::new();
        all.extend(std::mem::take(&mut self.diagnostics));
        all.extend(more);
        let all = suppress::apply(&self.sources, self.config.apply(all));
        self.diagnostics = all.sorted(&self.sources);
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Whether a file could not be read or written, or the project file is
    /// invalid: the command's trouble, not the input's (exit status 2).
    pub fn has_unreadable_file(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| matches!(d.code, Code::E0004 | Code::E0007 | Code::E0008))
    }

    /// The checked model with its sources, for the stages that compare
    /// revisions; `None` when a file could not be read or parsed.
    pub fn revision(&self) -> Option<identity::Revision<'_>> {
        Some(identity::Revision {
            model: self.model.as_ref()?,
            sources: &self.sources,
        })
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
    compile_with(paths, &load::disk)
}

/// [`compile`], with the overlay's text instead of the disk's where it has
/// one, for the files and for `koom.toml`: the language server's open
/// buffers.
pub fn compile_with(paths: &[PathBuf], overlay: load::Overlay<'_>) -> Compilation {
    let (loaded, diagnostics) = load::load_with(paths, overlay);
    let root = paths.first().map(|p| project(p));
    check_loaded(loaded, diagnostics, root, overlay, None).0
}

/// What one compilation keeps for the next (the language server's, across
/// edits): what each file's statements read as (`syntax::Reparse`), and
/// what the phrasing analyzer read of each text (`phrasing::Memo`).
#[derive(Default)]
pub struct Reuse {
    pub syntax: syntax::Reparse,
    pub phrasing: phrasing::Memo,
}

/// The syntax trees of a compilation's files (the statements that parsed,
/// also in a file with syntax errors), for the language server's outline.
pub enum Trees {
    /// The trees, where resolve did not take them: a file could not be
    /// read or parsed, or `koom.toml` is wrong.
    Kept(Vec<(source::FileId, syntax::ast::File)>),
    /// The files whose trees resolve took: `syntax::Reparse::kept` gives
    /// them back without reading (the check's own reads left them there).
    Taken(Vec<source::FileId>),
}

/// [`compile_with`], and each file's syntax tree ([`Trees`]). Each file is
/// read again only where it changed since `reuse` last read it, and each
/// text judged again only where it changed; the result is the same.
pub fn compile_keeping_syntax<'o>(
    paths: &[PathBuf],
    overlay: load::Overlay<'o>,
    reuse: &'o mut Reuse,
) -> (Compilation, Trees) {
    let (loaded, diagnostics) = load::load_reusing(paths, overlay, Some(&mut reuse.syntax));
    let root = paths.first().map(|p| project(p));
    let ids: Vec<source::FileId> = loaded.files.iter().map(|(id, _)| *id).collect();
    let (compilation, files) =
        check_loaded(loaded, diagnostics, root, overlay, Some(&reuse.phrasing));
    let trees = match compilation.model {
        Some(_) => Trees::Taken(ids),
        None => Trees::Kept(files),
    };
    (compilation, trees)
}

/// The project root of a file and how to show it (relative, as the file was given).
fn project(file: &Path) -> (PathBuf, String) {
    let root = load::project_root(file);
    if file.is_absolute() {
        let shown = format!("{}/", root.display());
        return (root, shown);
    }
    let folder = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let shown = load::root_display(folder, &root, file.parent().unwrap_or(Path::new("")));
    (root, shown)
}

/// The files a command-line argument names: a `.koom` file, or every `.koom`
/// file directly in a folder (in name order), compiled together.
pub fn inputs(args: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for arg in args {
        if arg.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(arg)
                .map(|entries| {
                    entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.extension().is_some_and(|x| x == "koom") && p.is_file())
                        .collect()
                })
                .unwrap_or_default();
            files.sort();
            if files.is_empty() {
                out.push(arg.clone()); // reported as a folder that cannot be read
            }
            out.extend(files);
        } else {
            out.push(arg.clone());
        }
    }
    out
}

/// Compare a compilation with its baseline (change control) and add the
/// diagnostics; returns the counts the scorecard needs.
pub fn compare_with(new: &mut Compilation, old: &Compilation) -> Option<score::Stability> {
    let (found, stability) = history::compare(&old.revision()?, &new.revision()?);
    new.add(found);
    Some(stability)
}

/// Compile text held in memory as if it were the file at `path`.
pub fn compile_text(path: &Path, text: String) -> Compilation {
    let (loaded, diagnostics) = load::load_text(path, text);
    check_loaded(loaded, diagnostics, Some(project(path)), &load::disk, None).0
}

/// The stages after load: the project's `koom.toml`, then resolve, bounds
/// and check, unless a file could not be read or parsed. Resolve takes the
/// syntax trees by value and frees each cycle's statements once it has moved
/// them into the model, so that the trees and the model are never both
/// whole; the trees come back only where there is no model. `memo` keeps
/// phrasing readings for the next compilation (the language server's).
fn check_loaded(
    mut loaded: load::Loaded,
    mut diagnostics: Diagnostics,
    root: Option<(PathBuf, String)>,
    overlay: load::Overlay<'_>,
    memo: Option<&phrasing::Memo>,
) -> (Compilation, Vec<(source::FileId, syntax::ast::File)>) {
    let (config, problems) = match &root {
        Some((root, shown)) => config::load_with(root, shown, &mut loaded.sources, overlay),
        None => (config::Config::default(), Diagnostics::new()),
    };
    let model = if loaded.failed || !problems.is_empty() {
        diagnostics.extend(problems);
        None
    } else {
        let files = std::mem::take(&mut loaded.files);
        let (mut model, resolved) = resolve::resolve(files);
        diagnostics.extend(resolved);
        diagnostics.extend(bounds::bounds(&mut model));
        let lexicon = phrasing::Lexicon::with(&config.phrasing);
        let context = check::Context {
            sources: &loaded.sources,
            lexicon: &lexicon,
            memo: memo.map(|m| (m, &config.phrasing)),
        };
        diagnostics.extend(check::check(&model, &context));
        Some(model)
    };
    let diagnostics = suppress::apply(&loaded.sources, config.apply(diagnostics));
    let compilation = Compilation {
        diagnostics: diagnostics.sorted(&loaded.sources),
        sources: loaded.sources,
        model,
        config,
    };
    (compilation, loaded.files)
}
