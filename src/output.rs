//! Writing work orders to `--out-dir`: `DIR/<cycle>/<unit>.json`.
//!
//! All files are first written beside their targets under temporary names;
//! only when every one is written are they renamed into place (a rename is
//! atomic on one file system), so a reader never sees a half-written work
//! order, and a failure part-way leaves the folder as it was.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic};
use crate::emit::{self, WorkOrder};

/// Write every work order under `dir`; returns the paths written, in order.
pub fn write_dir(dir: &Path, orders: &[WorkOrder]) -> Result<Vec<PathBuf>, Box<Diagnostic>> {
    let shown = dir.display().to_string();
    let fail = |what: String, e: &std::io::Error| {
        Box::new(Diagnostic::at_path(
            Code::E0007,
            format!("cannot write work orders: {what}: {}", reason(e)),
            shown.clone(),
        )
        .with_help("name a folder koomc may create and write, with `--out-dir DIR`, or print to standard output with `--stdout`"))
    };
    if dir.exists() && !dir.is_dir() {
        return Err(Box::new(
            Diagnostic::at_path(
                Code::E0007,
                format!("cannot write work orders: `{shown}` is a file, not a folder"),
                shown.clone(),
            )
            .with_help("name a folder with `--out-dir DIR`"),
        ));
    }
    if let Err(e) = std::fs::create_dir_all(dir) {
        return Err(fail(format!("cannot create `{shown}`"), &e));
    }
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::with_capacity(orders.len());
    let cleanup = |staged: &[(PathBuf, PathBuf)]| {
        for (tmp, _) in staged {
            let _ = std::fs::remove_file(tmp);
        }
    };
    for order in orders {
        let folder = dir.join(&order.cycle.id);
        if let Err(e) = std::fs::create_dir_all(&folder) {
            cleanup(&staged);
            return Err(fail(format!("cannot create `{}`", folder.display()), &e));
        }
        let target = folder.join(format!("{}.json", order.to.unit));
        let tmp = folder.join(format!(
            ".{}.json.koomc-{}.tmp",
            order.to.unit,
            std::process::id()
        ));
        if let Err(e) = std::fs::write(&tmp, emit::to_json(order)) {
            cleanup(&staged);
            return Err(fail(format!("cannot write `{}`", target.display()), &e));
        }
        staged.push((tmp, target));
    }
    let mut written = Vec::with_capacity(staged.len());
    for (i, (tmp, target)) in staged.iter().enumerate() {
        if let Err(e) = std::fs::rename(tmp, target) {
            cleanup(&staged[i..]);
            return Err(fail(format!("cannot replace `{}`", target.display()), &e));
        }
        written.push(target.clone());
    }
    Ok(written)
}

/// Replace one file atomically: write a temporary file beside it, then
/// rename it into place (`koomc fmt`).
pub fn replace_file(path: &Path, text: &str) -> Result<(), Box<Diagnostic>> {
    let shown = path.display().to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.koomc-{}.tmp", std::process::id()));
    let written = std::fs::write(&tmp, text).and_then(|()| std::fs::rename(&tmp, path));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Box::new(
            Diagnostic::at_path(
                Code::E0007,
                format!("cannot write `{shown}`: {}", reason(&e)),
                shown.clone(),
            )
            .with_help(
                "check the file's and its folder's permissions; the file was left as it was",
            ),
        )
    })
}

fn reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::NotFound => "no such folder".to_owned(),
        std::io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_owned(),
        _ => e.to_string(),
    }
}

/// Write files under `dir` (paths relative to it, `/`-separated) the way
/// [`write_dir`] writes work orders: every file first under a temporary
/// name beside its target, then all renamed into place, so a failure leaves
/// no partial output (`koomc brief`). `what` names the files in errors.
pub fn write_files(
    dir: &Path,
    files: &[(String, Vec<u8>)],
    what: &str,
) -> Result<Vec<PathBuf>, Box<Diagnostic>> {
    let shown = dir.display().to_string();
    let fail = |detail: String, e: &std::io::Error| {
        Box::new(
            Diagnostic::at_path(
                Code::E0007,
                format!("cannot write {what}: {detail}: {}", reason(e)),
                shown.clone(),
            )
            .with_help("name a folder koomc may create and write, with `--out-dir DIR`"),
        )
    };
    if dir.exists() && !dir.is_dir() {
        return Err(Box::new(
            Diagnostic::at_path(
                Code::E0007,
                format!("cannot write {what}: `{shown}` is a file, not a folder"),
                shown.clone(),
            )
            .with_help("name a folder with `--out-dir DIR`"),
        ));
    }
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::with_capacity(files.len());
    let cleanup = |staged: &[(PathBuf, PathBuf)]| {
        for (tmp, _) in staged {
            let _ = std::fs::remove_file(tmp);
        }
    };
    for (relative, bytes) in files {
        let target = relative
            .split('/')
            .fold(dir.to_path_buf(), |p, part| p.join(part));
        let folder = target.parent().unwrap_or(dir).to_path_buf();
        if let Err(e) = std::fs::create_dir_all(&folder) {
            cleanup(&staged);
            return Err(fail(format!("cannot create `{}`", folder.display()), &e));
        }
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = folder.join(format!(".{name}.koomc-{}.tmp", std::process::id()));
        if let Err(e) = std::fs::write(&tmp, bytes) {
            cleanup(&staged);
            return Err(fail(format!("cannot write `{}`", target.display()), &e));
        }
        staged.push((tmp, target));
    }
    let mut written = Vec::with_capacity(staged.len());
    for (i, (tmp, target)) in staged.iter().enumerate() {
        if let Err(e) = std::fs::rename(tmp, target) {
            cleanup(&staged[i..]);
            return Err(fail(format!("cannot replace `{}`", target.display()), &e));
        }
        written.push(target.clone());
    }
    Ok(written)
}
