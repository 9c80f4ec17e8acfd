//! The documents the client has open, and the check of each.
//!
//! Every check reads open buffers before the disk (`load::Overlay`), so an
//! unsaved edit to a file that a plan `use`s re-checks the plan at once. A
//! change marks dirty the document itself and every open document whose
//! last check read that file; a change to `koom.toml` or a file event from
//! the client marks every document of that project. Dirty documents are
//! checked when a request needs them, and all of them when no message is
//! waiting; the diagnostics published are the union over all checks, so a
//! file no check reports on any more has its diagnostics cleared.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use serde_json::json;

use super::names::Names;
use super::{diagnostics, uri};
use crate::load::PROJECT_FILE;
use crate::source::FileId;
use crate::syntax::{ast, Reparse};
use crate::Compilation;

/// An open document.
pub struct Doc {
    pub text: String,
    pub version: i32,
    /// Canonical where the file exists (the key of the overlay).
    pub path: PathBuf,
    /// A `.koom` document (checked), not `koom.toml` (read by the checks).
    pub koom: bool,
}

/// The last check of an open document.
pub struct Check {
    pub compilation: Compilation,
    /// Each file's syntax tree: what parsed, also where a file has errors;
    /// made when a request first asks for them ([`Check::syntax`]) where
    /// resolve took the trees.
    syntax: OnceLock<Vec<(FileId, ast::File)>>,
    /// The files whose trees resolve took.
    taken: Vec<FileId>,
    /// Each file's canonical path and URI, by `FileId`.
    pub paths: Vec<PathBuf>,
    pub uris: Vec<String>,
    /// The document's own file, where it could be read.
    pub doc: Option<FileId>,
    /// The diagnostics, as published, by URI.
    pub diagnostics: BTreeMap<String, Vec<String>>,
    /// Its names (of this check, or of the last one that had a model),
    /// made when a request first asks for them ([`Check::names`]): after an
    /// edit, publishing diagnostics does not wait for them.
    names: OnceLock<Names>,
}

impl Check {
    /// The names a request reads: those of this check's model, made now
    /// if no request asked for them before.
    pub fn names(&self) -> &Names {
        self.names.get_or_init(|| {
            let Some(model) = &self.compilation.model else {
                return Names::default();
            };
            let shared: Vec<(Arc<Path>, Arc<str>)> = (self.paths.iter())
                .zip(&self.uris)
                .map(|(p, u)| (Arc::from(p.as_path()), Arc::from(u.as_str())))
                .collect();
            let place = |span: crate::source::Span| shared[span.file.0 as usize].clone();
            Names::of(model, &self.compilation.sources, &place)
        })
    }

    /// Its names, to keep while a later check has no model.
    fn into_names(self) -> Names {
        self.names();
        self.names.into_inner().unwrap_or_default()
    }

    pub fn uri(&self, file: FileId) -> &str {
        &self.uris[file.0 as usize]
    }

    /// Each file's syntax tree, as the reads of `reparse` left them, or
    /// read again where they did not keep it.
    pub fn syntax(&self, reparse: &Reparse) -> &[(FileId, ast::File)] {
        self.syntax.get_or_init(|| {
            let read = |&id: &FileId| {
                let text = &self.compilation.sources.get(id).text;
                let tree = reparse.kept(&self.paths[id.0 as usize], id, text);
                (
                    id,
                    tree.unwrap_or_else(|| crate::syntax::parse_recovering(id, text).0),
                )
            };
            self.taken.iter().map(read).collect()
        })
    }

    /// The syntax tree of a file.
    pub fn syntax_of(&self, reparse: &Reparse, file: FileId) -> Option<&ast::File> {
        self.syntax(reparse)
            .iter()
            .find(|(f, _)| *f == file)
            .map(|(_, a)| a)
    }

    /// Whether the check read the file at `path`.
    pub fn reads(&self, path: &Path) -> bool {
        self.paths.iter().any(|p| p == path)
    }
}

#[derive(Default)]
pub struct Workspace {
    pub docs: HashMap<String, Doc>,
    /// Canonical path to the URI of the open document there.
    by_path: HashMap<PathBuf, String>,
    pub checks: HashMap<String, Check>,
    dirty: BTreeSet<String>,
    /// Documents checked since diagnostics were last published.
    rechecked: BTreeSet<String>,
    /// What was last published, by URI.
    published: HashMap<String, Vec<String>>,
    /// What the checks read of each file and text: an edit is read again
    /// only where it changed the text.
    reuse: crate::Reuse,
}

impl Workspace {
    /// What the checks read of each file.
    pub fn reparse(&self) -> &Reparse {
        &self.reuse.syntax
    }

    pub fn open(&mut self, uri: &str, text: String, version: i32) {
        let path = crate::load::canonical(&uri::uri_to_path(uri));
        let koom = path.file_name().is_none_or(|n| n != PROJECT_FILE);
        self.by_path.insert(path.clone(), uri.to_owned());
        self.docs.insert(
            uri.to_owned(),
            Doc {
                text,
                version,
                path: path.clone(),
                koom,
            },
        );
        self.touch(&path);
    }

    /// A document's text after `didChange`; `None` for one not open.
    pub fn doc_mut(&mut self, uri: &str) -> Option<&mut Doc> {
        self.docs.get_mut(uri)
    }

    pub fn changed(&mut self, uri: &str) {
        if let Some(path) = self.docs.get(uri).map(|d| d.path.clone()) {
            self.touch(&path);
        }
    }

    /// The client closed a document: its checks now read the disk.
    pub fn close(&mut self, uri: &str) {
        let Some(doc) = self.docs.remove(uri) else {
            return;
        };
        self.by_path.remove(&doc.path);
        self.checks.remove(uri);
        self.dirty.remove(uri);
        self.rechecked.remove(uri);
        self.touch(&doc.path);
    }

    /// A file changed on disk (`workspace/didChangeWatchedFiles`): every
    /// document of its project is checked again (a file that appeared can
    /// answer a `use` that failed).
    pub fn file_event(&mut self, path: &Path) {
        let root = crate::load::project_root(path);
        let hit: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, d)| d.koom && d.path.starts_with(&root))
            .map(|(u, _)| u.clone())
            .collect();
        self.dirty.extend(hit);
        self.touch(&crate::load::canonical(path));
    }

    /// Mark dirty every document that the file at `path` can change.
    fn touch(&mut self, path: &Path) {
        let config = path.file_name().is_some_and(|n| n == PROJECT_FILE);
        let folder = path.parent().unwrap_or(Path::new(""));
        for (uri, doc) in &self.docs {
            let hit = doc.path == path
                || self.checks.get(uri).is_some_and(|c| c.reads(path))
                || (config && doc.path.starts_with(folder));
            if hit && doc.koom {
                self.dirty.insert(uri.clone());
            }
        }
    }

    /// Check `uri` again if something it reads changed.
    pub fn fresh(&mut self, uri: &str) {
        if self.dirty.remove(uri) {
            self.recheck(uri);
        }
    }

    /// Check every dirty document.
    pub fn fresh_all(&mut self) {
        for uri in std::mem::take(&mut self.dirty) {
            self.recheck(&uri);
        }
    }

    fn recheck(&mut self, uri: &str) {
        let Some(path) = self
            .docs
            .get(uri)
            .filter(|d| d.koom)
            .map(|d| d.path.clone())
        else {
            self.checks.remove(uri);
            return;
        };
        let (docs, by_path) = (&self.docs, &self.by_path);
        let overlay = |p: &Path| {
            let uri = by_path.get(p)?;
            docs.get(uri).map(|d| d.text.clone())
        };
        let (compilation, trees) =
            crate::compile_keeping_syntax(std::slice::from_ref(&path), &overlay, &mut self.reuse);
        let previous = self.checks.remove(uri);
        let check = self.check(uri, &path, compilation, trees, previous);
        self.checks.insert(uri.to_owned(), check);
        self.rechecked.insert(uri.to_owned());
    }

    fn check(
        &self,
        uri: &str,
        path: &Path,
        compilation: Compilation,
        trees: crate::Trees,
        previous: Option<Check>,
    ) -> Check {
        let sources = &compilation.sources;
        let paths: Vec<PathBuf> = (0..sources.len() as u32)
            .map(|i| crate::load::canonical(Path::new(sources.name(FileId(i)))))
            .collect();
        let uris: Vec<String> = paths
            .iter()
            .map(|p| {
                self.by_path
                    .get(p)
                    .cloned()
                    .unwrap_or_else(|| uri::from_path(p))
            })
            .collect();
        let doc = paths
            .first()
            .filter(|p| p.as_path() == path)
            .map(|_| FileId(0));
        let names = OnceLock::new();
        if compilation.model.is_none() {
            let kept = previous.map(|c| c.into_names().kept()).unwrap_or_default();
            let _ = names.set(kept);
        }
        let diagnostics = diagnostics::by_uri(&compilation, &uris, uri);
        let syntax = OnceLock::new();
        let taken = match trees {
            crate::Trees::Kept(trees) => {
                let _ = syntax.set(trees);
                Vec::new()
            }
            crate::Trees::Taken(ids) => ids,
        };
        Check {
            compilation,
            syntax,
            taken,
            paths,
            uris,
            doc,
            diagnostics,
            names,
        }
    }

    /// The names a check of `uri` would see with `text` as its text (for
    /// completion, when no check of the document ever had a model).
    pub fn names_with_text(&self, uri: &str, text: String) -> Names {
        let Some(doc) = self.docs.get(uri) else {
            return Names::default();
        };
        let overlay = |p: &Path| {
            if p == doc.path {
                return Some(text.clone());
            }
            let uri = self.by_path.get(p)?;
            self.docs.get(uri).map(|d| d.text.clone())
        };
        // A reading of its own: this text is not the document's.
        let mut reuse = crate::Reuse::default();
        let (compilation, trees) =
            crate::compile_keeping_syntax(std::slice::from_ref(&doc.path), &overlay, &mut reuse);
        self.check(uri, &doc.path, compilation, trees, None)
            .into_names()
    }

    /// Every diagnostic of every check, by URI, each once.
    fn wanted(&self) -> BTreeMap<&str, Vec<&str>> {
        let mut wanted: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for check in self.checks.values() {
            for (uri, list) in &check.diagnostics {
                let entry = wanted.entry(uri.as_str()).or_default();
                if entry.is_empty() {
                    entry.extend(list.iter().map(String::as_str));
                    continue;
                }
                let seen: HashSet<&str> = entry.iter().copied().collect();
                let new: Vec<&str> = list
                    .iter()
                    .map(String::as_str)
                    .filter(|d| !seen.contains(d))
                    .collect();
                entry.extend(new);
            }
        }
        wanted
    }

    /// The `publishDiagnostics` params (JSON text) that bring the client up
    /// to date: every URI whose diagnostics changed, and every document
    /// checked since the last time.
    pub fn publish(&mut self) -> Vec<String> {
        let checked = std::mem::take(&mut self.rechecked);
        let wanted = self.wanted();
        let mut uris: BTreeSet<&str> = self.published.keys().map(String::as_str).collect();
        uris.extend(wanted.keys());
        let mut out = Vec::new();
        let mut published = HashMap::new();
        for u in uris {
            let list: Vec<String> = wanted
                .get(u)
                .map_or_else(Vec::new, |l| l.iter().map(|d| (*d).to_owned()).collect());
            let same = self
                .published
                .get(u)
                .map_or(list.is_empty(), |before| *before == list);
            if !same || checked.contains(u) {
                let version = self
                    .docs
                    .get(u)
                    .map(|d| format!(r#","version":{}"#, d.version))
                    .unwrap_or_default();
                out.push(format!(
                    r#"{{"uri":{},"diagnostics":[{}]{version}}}"#,
                    json!(u),
                    list.join(",")
                ));
            }
            if !list.is_empty() {
                published.insert(u.to_owned(), list);
            }
        }
        self.published = published;
        out
    }
}
