//! Stage 0, load: read the files named on the command line and every file they
//! reach by `use`, parse each once (stage 1, `syntax::parse`), and report files
//! that cannot be read (E0004), `use` paths that leave the project root or do
//! not exist (E0005) and `use` cycles (E0006).
//!
//! Entry point: [`load`].

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{did_you_mean, Applicability, Code, Diagnostic, Diagnostics, Fix, Label};
use crate::source::{FileId, SourceMap, Span};
use crate::syntax::{self, ast};

/// The largest file koomc reads: 256 MiB. Larger input is refused with E0004
/// before it is read, so memory stays bounded (koomc needs about ten times a
/// file's size while compiling it).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The longest line koomc reads: 64 KiB. Statements are one line each; a
/// longer line is refused with E0004 before it is parsed, so that no message
/// quotes a megabyte of text.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// The name of the project file whose folder is the project root.
pub const PROJECT_FILE: &str = "koom.toml";

/// Every file of one compilation, parsed.
pub struct Loaded {
    pub sources: SourceMap,
    /// The files that parsed, in the order they were reached.
    pub files: Vec<(FileId, ast::File)>,
    /// Whether any file failed to read or parse: later stages then do not run,
    /// so that a missing file never cascades into unknown-name errors.
    pub failed: bool,
}

/// Text that stands in for files on disk: the language server's open,
/// unsaved buffers. The loader asks it first, by the file's canonical path
/// (for a file that does not exist on disk, its folder's canonical path and
/// its name), and reads the disk when it answers `None`. The command line
/// has none ([`load`]).
pub type Overlay<'a> = &'a dyn Fn(&Path) -> Option<String>;

/// No overlay: every file is read from disk.
pub fn disk(_: &Path) -> Option<String> {
    None
}

struct Loader<'o> {
    overlay: Overlay<'o>,
    /// What was read before, to read again only what changed (the language
    /// server's); `None` reads every file whole.
    reparse: Option<&'o mut syntax::Reparse>,
    sources: SourceMap,
    files: Vec<(FileId, ast::File)>,
    diagnostics: Diagnostics,
    /// Canonical path to the file loaded from it (`None` while it is read).
    seen: HashMap<PathBuf, Option<FileId>>,
    /// The chain of `use` being followed: canonical path and the `use` span.
    stack: Vec<(PathBuf, Option<Span>)>,
    failed: bool,
}

/// Load the named files and everything they `use`.
pub fn load(paths: &[PathBuf]) -> (Loaded, Diagnostics) {
    load_with(paths, &disk)
}

/// [`load`], with `overlay`'s text instead of the disk's where it has one:
/// the same checks (E0004–E0006) apply to both.
pub fn load_with(paths: &[PathBuf], overlay: Overlay<'_>) -> (Loaded, Diagnostics) {
    load_reusing(paths, overlay, None)
}

/// [`load_with`], reading again only the parts of each file that changed
/// since `reparse` last read it (the language server, after an edit). The
/// result is the same as [`load_with`]'s.
pub fn load_reusing<'o>(
    paths: &[PathBuf],
    overlay: Overlay<'o>,
    reparse: Option<&'o mut syntax::Reparse>,
) -> (Loaded, Diagnostics) {
    let mut loader = Loader::new(overlay);
    loader.reparse = reparse;
    for path in paths {
        let root = project_root(path);
        loader.file(path, path.to_string_lossy().into_owned(), &root, None);
    }
    loader.finish()
}

/// Load a file from text already in memory (tests, benchmarks, the language
/// server), with `use` resolved against `path`'s folder.
pub fn load_text(path: &Path, text: String) -> (Loaded, Diagnostics) {
    let mut loader = Loader::new(&disk);
    let root = project_root(path);
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    loader.seen.insert(canonical.clone(), None);
    loader.stack.push((canonical.clone(), None));
    let text = line_endings(text);
    let id = loader.add(path, path.to_string_lossy().into_owned(), &root, text);
    loader.parse(id, path, &root);
    loader.stack.pop();
    loader.seen.insert(canonical, Some(id));
    loader.finish()
}

/// Why a file cannot be read as KOOM source (E0004): the message and what to do.
#[derive(Debug)]
pub struct Unreadable {
    pub message: String,
    pub help: &'static str,
}

/// The metadata of a file koomc is to read, refusing what is missing, a
/// folder, or not a regular file (a pipe, a device, a socket: reading one
/// could wait forever or never end), before anything is read.
pub fn regular_file(path: &Path, display: &str) -> Result<std::fs::Metadata, Unreadable> {
    let fail = |message: String, help: &'static str| Err(Unreadable { message, help });
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => {
            return fail(
                format!("cannot read `{display}`: {}", io_reason(&e)),
                "check the path: it is taken relative to the folder koomc runs in",
            )
        }
    };
    if meta.is_dir() {
        return fail(
            format!("`{display}` is a folder, not a file"),
            "name the `.koom` files inside it",
        );
    }
    if !meta.is_file() {
        return fail(
            format!("`{display}` is not a regular file (a pipe, a device or a socket)"),
            "name a `.koom` file: koomc reads regular files only",
        );
    }
    Ok(meta)
}

/// Read a `.koom` file, refusing before reading what is not a regular file
/// or is larger than [`MAX_FILE_BYTES`], then what is not UTF-8 text.
/// `display` is the name to show.
pub fn read_source(path: &Path, display: &str) -> Result<String, Unreadable> {
    let fail = |message: String, help: &'static str| Err(Unreadable { message, help });
    let meta = regular_file(path, display)?;
    if meta.len() > MAX_FILE_BYTES {
        return fail(
            too_large(display, meta.len()),
            "split the directives into several files joined with `use`",
        );
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    let read = std::fs::File::open(path).and_then(|f| {
        std::io::Read::read_to_end(&mut std::io::Read::take(f, MAX_FILE_BYTES + 1), &mut bytes)
    });
    if let Err(e) = read {
        return fail(
            format!("cannot read `{display}`: {}", io_reason(&e)),
            "check the file's permissions",
        );
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        // It grew while being read.
        return fail(
            too_large(display, bytes.len() as u64),
            "split the directives into several files joined with `use`",
        );
    }
    source_text(bytes, display)
}

/// Read standard input as a `.koom` file (`koomc fmt -`), with the limits of
/// [`read_source`]: at most [`MAX_FILE_BYTES`], then UTF-8 text.
pub fn read_stdin(display: &str) -> Result<String, Unreadable> {
    let mut bytes = Vec::new();
    let stdin = std::io::stdin().lock();
    if let Err(e) = std::io::Read::read_to_end(
        &mut std::io::Read::take(stdin, MAX_FILE_BYTES + 1),
        &mut bytes,
    ) {
        return Err(Unreadable {
            message: format!("cannot read `{display}`: {}", io_reason(&e)),
            help: "pipe a `.koom` text file to `koomc fmt -`",
        });
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Unreadable {
            message: too_large(display, bytes.len() as u64),
            help: "split the directives into several files joined with `use`",
        });
    }
    source_text(bytes, display)
}

fn too_large(display: &str, bytes: u64) -> String {
    format!(
        "`{display}` is too large: {} MiB, and koomc reads files of at most {} MiB",
        bytes / (1024 * 1024),
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// Bytes read from a file or standard input as KOOM text: UTF-8, no NUL, no
/// line longer than [`MAX_LINE_BYTES`]; see [`line_endings`].
pub fn source_text(mut bytes: Vec<u8>, display: &str) -> Result<String, Unreadable> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3); // a byte-order mark says nothing to a UTF-8 reader
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(Unreadable {
                message: format!(
                    "`{display}` is not UTF-8 text: byte {valid} (line {line}) is `0x{:02X}`",
                    bytes[valid]
                ),
                help: "save the file as UTF-8 (most editors offer it under \"encoding\")",
            });
        }
    };
    if let Some(at) = text.find('\0') {
        return Err(Unreadable {
            message: format!(
                "`{display}` is a binary file, not KOOM text: it holds a NUL byte at byte {at}"
            ),
            help: "name a `.koom` text file",
        });
    }
    // Lines as the reader sees them: a lone carriage return ends one too.
    let text = line_endings(text);
    if let Some((line, len)) = text
        .split('\n')
        .map(str::len)
        .enumerate()
        .find(|&(_, len)| len > MAX_LINE_BYTES)
    {
        return Err(Unreadable {
            message: format!(
                "line {} of `{display}` is {} KiB long, and koomc reads lines of at most {} KiB",
                line + 1,
                len / 1024,
                MAX_LINE_BYTES / 1024
            ),
            help: "write one statement per line; a text that long belongs in a document the directive points to",
        });
    }
    Ok(text)
}

/// A carriage return not followed by a line feed (an old Mac line ending)
/// becomes a line feed, byte for byte, so that every stage sees one kind of
/// line break; `\r\n` stays as it is.
pub fn line_endings(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    String::from_utf8(bytes).expect("one ASCII byte for another")
}

/// The nearest folder upward from the file's folder that holds `koom.toml`,
/// else the file's own folder.
pub fn project_root(file: &Path) -> PathBuf {
    let folder = std::fs::canonicalize(file)
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .or_else(|| file.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from("."));
    folder
        .ancestors()
        // Whatever stands there marks the root: a `koom.toml` that is a
        // folder or not text is refused (E0008), never silently passed over.
        .find(|dir| dir.join(PROJECT_FILE).exists())
        .map_or(folder.clone(), Path::to_path_buf)
}

/// A file's name relative to the project root, `/`-separated, for what
/// programs read: no absolute path and no working directory reaches a work
/// order. (People read names as they gave them.) A file outside the root
/// keeps its file name.
pub fn root_relative(path: &Path, root: &Path) -> String {
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| normalize(path));
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| normalize(root));
    let relative = match canonical.strip_prefix(&root) {
        Ok(rest) => rest.to_path_buf(),
        Err(_) if path.is_relative() && !path.starts_with("..") => normalize(path),
        Err(_) => PathBuf::from(path.file_name().unwrap_or(path.as_os_str())),
    };
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// `a/b/../c` to `a/c`, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// A file's canonical path; for one that does not exist, its folder's
/// canonical path joined with its name (an unsaved buffer can stand there);
/// else the path as given.
pub fn canonical(path: &Path) -> PathBuf {
    if let Ok(canonical) = std::fs::canonicalize(path) {
        return canonical;
    }
    match (path.parent(), path.file_name()) {
        (Some(folder), Some(name)) => std::fs::canonicalize(folder)
            .map(|f| f.join(name))
            .unwrap_or_else(|_| path.to_path_buf()),
        _ => path.to_path_buf(),
    }
}

impl<'o> Loader<'o> {
    fn new(overlay: Overlay<'o>) -> Self {
        Loader {
            overlay,
            reparse: None,
            sources: SourceMap::new(),
            files: Vec::new(),
            diagnostics: Diagnostics::new(),
            seen: HashMap::new(),
            stack: Vec::new(),
            failed: false,
        }
    }

    fn finish(self) -> (Loaded, Diagnostics) {
        let loaded = Loaded {
            sources: self.sources,
            files: self.files,
            failed: self.failed,
        };
        (loaded, self.diagnostics)
    }

    /// Add a file to the sources, with its name relative to the project
    /// root for what programs read (work orders, JSON diagnostics): the same
    /// bytes from any working directory.
    fn add(&mut self, path: &Path, display: String, root: &Path, text: String) -> FileId {
        let id = self.sources.add(display, text);
        self.sources
            .set_portable_name(id, root_relative(path, root));
        id
    }

    fn error(&mut self, d: Diagnostic) {
        self.failed = true;
        self.diagnostics.push(d);
    }

    /// Read, parse and follow one file. `via` is the `use` that named it.
    fn file(&mut self, path: &Path, display: String, root: &Path, via: Option<Span>) {
        let canonical = canonical(path);
        if let Some(existing) = self.seen.get(&canonical) {
            if existing.is_none() {
                // Still being read higher up the chain: a cycle.
                return self.use_cycle(&canonical, via);
            }
            return; // already loaded through another `use`
        }
        let read = match (self.overlay)(&canonical) {
            Some(text) => source_text(text.into_bytes(), &display),
            None => read_source(path, &display),
        };
        let text = match read {
            Ok(text) => text,
            Err(why) => {
                let d = match via {
                    Some(span) => {
                        Diagnostic::new(Code::E0004, why.message, Label::new(span, "named here"))
                    }
                    None => Diagnostic::at_path(Code::E0004, why.message, display),
                };
                return self.error(d.with_help(why.help));
            }
        };
        self.seen.insert(canonical.clone(), None);
        self.stack.push((canonical.clone(), via));
        let id = self.add(path, display, root, text);
        self.parse(id, path, root);
        self.stack.pop();
        self.seen.insert(canonical, Some(id));
    }

    fn parse(&mut self, id: FileId, path: &Path, root: &Path) {
        // A file with syntax errors still has its `use`s followed, so that
        // the mistakes of every file are reported in one run.
        let text = &self.sources.get(id).text;
        let (file, errors) = match self.reparse.as_deref_mut() {
            Some(reparse) => reparse.read(&canonical(path), id, text),
            None => syntax::parse_recovering(id, text),
        };
        if !errors.is_empty() {
            self.failed = true;
            self.diagnostics.extend(errors);
        }
        let uses: Vec<ast::Text> = file
            .items
            .iter()
            .filter_map(|item| match &item.node {
                ast::ItemKind::Use(path) => Some(path.clone()),
                _ => None,
            })
            .collect();
        self.files.push((id, file));
        let folder = path.parent().unwrap_or(Path::new(""));
        let display_folder = Path::new(self.sources.name(id))
            .parent()
            .unwrap_or(Path::new(""))
            .to_path_buf();
        for used in uses {
            self.follow(&used, folder, &display_folder, root);
        }
    }

    /// Check a `use` path against the project root, then load it.
    fn follow(&mut self, used: &ast::Text, folder: &Path, display_folder: &Path, root: &Path) {
        let target = folder.join(&used.node);
        let display = normalize(&display_folder.join(&used.node))
            .to_string_lossy()
            .into_owned();
        let canonical_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let open = |c: &PathBuf| c.exists() || (self.overlay)(c).is_some();
        let Some(canonical) = Some(canonical(&target)).filter(open) else {
            let mut d = Diagnostic::new(
                Code::E0005,
                format!("`use` names `{}`, which does not exist", used.node),
                Label::new(used.span, "no such file"),
            )
            .with_note(format!(
                "paths in `use` are relative to the file that names them: this one is `{display}`"
            ));
            if let Some(close) = sibling_suggestion(&target) {
                let path = Path::new(&used.node).with_file_name(&close);
                let path = path.to_string_lossy();
                d = d.with_fix(Fix::replace(
                    format!("did you mean `{close}`?"),
                    used.span,
                    format!("\"{path}\""),
                    Applicability::Unsafe,
                ));
            } else {
                d = d.with_help("name an existing `.koom` file inside the project");
            }
            return self.error(d);
        };
        if !canonical.starts_with(&canonical_root) {
            let d = Diagnostic::new(
                Code::E0005,
                format!("`use` of `{}` leaves the project root", used.node),
                Label::new(used.span, "outside the project"),
            )
            .with_note(format!(
                "the project root is the folder of `{PROJECT_FILE}`, or else of the file named on the command line: here `{}`",
                match root_display(folder, root, display_folder) {
                    shown if shown.is_empty() => "./".to_owned(),
                    shown => shown,
                }
            ))
            .with_help(format!(
                "move the shared file into the project, or put a `{PROJECT_FILE}` in a folder that holds both"
            ));
            return self.error(d);
        }
        self.file(&target, display, root, Some(used.span));
    }

    fn use_cycle(&mut self, canonical: &Path, via: Option<Span>) {
        let Some(via) = via else { return };
        let start = self
            .stack
            .iter()
            .position(|(p, _)| p == canonical)
            .unwrap_or(0);
        let chain: Vec<String> = self.stack[start..]
            .iter()
            .chain(std::iter::once(&self.stack[start]))
            .map(|(p, _)| {
                p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                )
            })
            .collect();
        let mut d = Diagnostic::new(
            Code::E0006,
            format!(
                "`use` cycle: {}",
                chain
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(" uses ")
            ),
            Label::new(via, "closes the cycle"),
        )
        .with_help("move what both files need into a third file that both `use`, and remove one of these `use` lines");
        for (_, span) in self.stack[start + 1..].iter() {
            if let Some(span) = span {
                d = d.with_label(*span, "on the way here");
            }
        }
        self.error(d);
    }
}

/// The project root as the user would write it: relative to where koomc runs,
/// like the file names it was given.
pub(crate) fn root_display(folder: &Path, root: &Path, display_folder: &Path) -> String {
    let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let levels = folder
        .strip_prefix(&root)
        .map_or(0, |rest| rest.components().count());
    let mut shown = display_folder.to_path_buf();
    for _ in 0..levels {
        shown.push("..");
    }
    let shown = normalize(&shown);
    if shown.as_os_str().is_empty() {
        String::new()
    } else {
        format!("{}/", shown.display())
    }
}

fn io_reason(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file",
        std::io::ErrorKind::PermissionDenied => "permission denied",
        _ => "the operating system refused",
    }
}

/// A `.koom` file in the same folder whose name is close to the missing one.
fn sibling_suggestion(target: &Path) -> Option<String> {
    let name = target.file_name()?.to_str()?;
    let folder = target.parent()?;
    let entries: Vec<String> = std::fs::read_dir(if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    })
    .ok()?
    .filter_map(|e| e.ok()?.file_name().into_string().ok())
    .filter(|n| n.ends_with(".koom"))
    .collect();
    did_you_mean(name, entries.iter().map(String::as_str)).map(str::to_owned)
}
