//! `check --watch` and `build --watch`: run the command, then again whenever
//! a file it read changes: a file named on the command line or reached by
//! `use`, a `.koom` file added to a folder named on the command line, the
//! project's `koom.toml`, an escalation file. Folders are watched rather
//! than files, so that an editor that saves by renaming a new file into
//! place is seen too. The screen is cleared before each run when the report
//! goes to a terminal. Ctrl-C ends it (the default signal action: koomc
//! holds nothing that needs undoing between runs).

use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{new_debouncer, DebounceEventResult};

use super::args::{MessageFormat, Report};
use super::report::Status;

/// How long the files must be still before a run: an editor's save is
/// several events.
const SETTLE: Duration = Duration::from_millis(150);

/// What to watch: the paths named on the command line (files and folders)
/// and the folders whose `*.json` files count (escalations).
pub struct Watched<'a> {
    pub paths: Vec<&'a Path>,
    pub json_folders: Vec<&'a Path>,
}

/// Run `run` now and after every change, until interrupted; returns only
/// when watching fails (exit status 2).
pub fn watch(what: &Watched, report: &Report, mut run: impl FnMut(&Report) -> Status) -> Status {
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = match new_debouncer(SETTLE, tx) {
        Ok(d) => d,
        Err(e) => return failed(&e),
    };
    let mut folders: BTreeSet<PathBuf> = BTreeSet::new();
    loop {
        clear_screen(report);
        run(report);
        let (files, wanted) = targets(what);
        for gone in folders.difference(&wanted) {
            let _ = debouncer.watcher().unwatch(gone);
        }
        for added in wanted.difference(&folders) {
            if let Err(e) = debouncer
                .watcher()
                .watch(added, RecursiveMode::NonRecursive)
            {
                return failed(&e);
            }
        }
        folders = wanted;
        let n = files.iter().filter(|f| f.is_file()).count();
        eprintln!(
            "koomc: watching {n} file{} for changes; Ctrl-C stops",
            if n == 1 { "" } else { "s" }
        );
        loop {
            match rx.recv() {
                Ok(Ok(events)) if events.iter().any(|e| relevant(what, &files, &e.path)) => break,
                Ok(Ok(_)) => continue,
                Ok(Err(e)) => return failed(&e),
                Err(_) => return Status::Trouble,
            }
        }
    }
}

fn failed(e: &dyn std::fmt::Display) -> Status {
    eprintln!("error: cannot watch the files for changes: {e}");
    Status::Trouble
}

/// The files a run reads (canonical) and the folders that hold them.
fn targets(what: &Watched) -> (BTreeSet<PathBuf>, BTreeSet<PathBuf>) {
    let named: Vec<PathBuf> = what.paths.iter().map(|p| p.to_path_buf()).collect();
    let inputs = koomc::inputs(&named);
    let (loaded, _) = koomc::load::load(&inputs);
    let mut files: BTreeSet<PathBuf> = (0..loaded.sources.len() as u32)
        .map(|i| canonical(Path::new(loaded.sources.name(koomc::source::FileId(i)))))
        .collect();
    files.extend(inputs.iter().map(|p| canonical(p)));
    if let Some(first) = inputs.first() {
        let root = koomc::load::project_root(first);
        files.insert(canonical(&root).join(koomc::load::PROJECT_FILE));
    }
    let mut folders: BTreeSet<PathBuf> = files
        .iter()
        .filter_map(|f| f.parent().map(Path::to_path_buf))
        .collect();
    folders.extend(
        what.paths
            .iter()
            .chain(&what.json_folders)
            .filter(|p| p.is_dir())
            .map(|p| canonical(p)),
    );
    folders.retain(|f| f.is_dir());
    (files, folders)
}

/// Whether a changed path is one the run reads, or a file that would join
/// it (a new `.koom` file in a named folder, an escalation file).
fn relevant(what: &Watched, files: &BTreeSet<PathBuf>, path: &Path) -> bool {
    if files.contains(path) || files.contains(&canonical(path)) {
        return true;
    }
    let (Some(parent), Some(ext)) = (path.parent(), path.extension()) else {
        return false;
    };
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    let in_any = |folders: &[&Path]| folders.iter().any(|f| canonical(f) == canonical(parent));
    !hidden
        && ((ext == "koom" && in_any(&what.paths)) || (ext == "json" && in_any(&what.json_folders)))
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Clear the terminal the report goes to (standard error for people,
/// standard output for programs), and nothing when it is not a terminal.
fn clear_screen(report: &Report) {
    const CLEAR: &[u8] = b"\x1b[2J\x1b[3J\x1b[H";
    if report.message_format == MessageFormat::Human {
        if std::io::stderr().is_terminal() {
            let _ = std::io::stderr().write_all(CLEAR);
        }
    } else if std::io::stdout().is_terminal() {
        let mut out = std::io::stdout();
        let _ = out.write_all(CLEAR).and_then(|()| out.flush());
    }
}
