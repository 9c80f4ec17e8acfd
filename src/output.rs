//! Writing what koomc makes: work orders to `--out-dir` (E0007), briefings,
//! `koomc fmt`'s files and `check --fix`'s.
//!
//! A folder of files is written through [`Staged`]: every file first goes to
//! a staging folder inside the output folder (`.koomc-staging-<pid>`), and
//! only when all are written is each renamed into place (a rename is atomic
//! on one file system), so a reader never sees a half-written file, a failure
//! part-way leaves the folder as it was, and no folder is created for what
//! was never written. A build that was killed leaves its staging folder
//! behind; the next build removes the staging folders of processes that no
//! longer run. A file that already holds the bytes it would get is left as
//! it is (not staged, not renamed): building into an existing output folder
//! costs no more than into a fresh one, and only what changed is replaced.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic};
use crate::emit::{self, WorkOrder};
use crate::model::Model;
use crate::source::SourceMap;

const STAGING: &str = ".koomc-staging-";

/// Files being written into one output folder.
pub struct Staged {
    dir: PathBuf,
    staging: PathBuf,
    /// Each file's path relative to `dir` (`/`-separated) and its staged
    /// copy; `None` where the file in place already holds those bytes.
    files: Vec<(String, Option<PathBuf>)>,
    /// What is written, for messages: "work orders", "briefings".
    what: String,
}

impl Staged {
    /// Start writing into `dir` (created if missing).
    pub fn begin(dir: &Path, what: &str) -> Result<Staged, Box<Diagnostic>> {
        let shown = dir.display().to_string();
        if dir.exists() && !dir.is_dir() {
            return Err(Box::new(
                Diagnostic::at_path(
                    Code::E0007,
                    format!("cannot write {what}: `{shown}` is a file, not a folder"),
                    shown,
                )
                .with_help("name a folder with `--out-dir DIR`"),
            ));
        }
        let stage = Staged {
            dir: dir.to_path_buf(),
            staging: dir.join(format!("{STAGING}{}", std::process::id())),
            files: Vec::new(),
            what: what.to_owned(),
        };
        if let Err(e) = std::fs::create_dir_all(dir) {
            return Err(stage.fail(format!("cannot create `{shown}`"), &e));
        }
        sweep(dir);
        if let Err(e) = std::fs::create_dir_all(&stage.staging) {
            return Err(stage.fail(format!("cannot write into `{shown}`"), &e));
        }
        Ok(stage)
    }

    fn fail(&self, detail: String, e: &std::io::Error) -> Box<Diagnostic> {
        let shown = self.dir.display().to_string();
        Box::new(
            Diagnostic::at_path(
                Code::E0007,
                format!("cannot write {}: {detail}: {}", self.what, reason(e)),
                shown,
            )
            .with_help("name a folder koomc may create and write, with `--out-dir DIR`, or print to standard output with `--stdout`"),
        )
    }

    /// Stage one file at `relative` (`/`-separated), written by `write`.
    fn file(
        &mut self,
        relative: &str,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), Box<Diagnostic>> {
        let staged = relative
            .split('/')
            .fold(self.staging.clone(), |p, part| p.join(part));
        let written = staged
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::File::create(&staged))
            .and_then(|f| {
                let mut out = std::io::BufWriter::new(f);
                write(&mut out)?;
                out.flush()
            });
        if let Err(e) = written {
            let target = self.target(relative);
            return Err(self.fail(format!("cannot write `{}`", target.display()), &e));
        }
        self.files.push((relative.to_owned(), Some(staged)));
        Ok(())
    }

    /// Stage one file at `relative` with these bytes, unless the file in
    /// place holds them already: a build into its own earlier output
    /// rewrites only what changed, and replacing a file costs the file
    /// system more than creating one (the old one is freed).
    pub fn bytes(&mut self, relative: &str, bytes: &[u8]) -> Result<(), Box<Diagnostic>> {
        if same_bytes(&self.target(relative), bytes) {
            self.files.push((relative.to_owned(), None));
            return Ok(());
        }
        self.file(relative, |out| out.write_all(bytes))
    }

    fn target(&self, relative: &str) -> PathBuf {
        relative
            .split('/')
            .fold(self.dir.clone(), |p, part| p.join(part))
    }

    /// Rename every staged file into place; the paths written, in order.
    pub fn commit(mut self) -> Result<Vec<PathBuf>, Box<Diagnostic>> {
        let mut written = Vec::with_capacity(self.files.len());
        for (relative, staged) in std::mem::take(&mut self.files) {
            let target = self.target(&relative);
            let Some(staged) = staged else {
                written.push(target); // already in place
                continue;
            };
            let moved = target
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::rename(&staged, &target));
            if let Err(e) = moved {
                return Err(self.fail(format!("cannot replace `{}`", target.display()), &e));
            }
            written.push(target);
        }
        Ok(written)
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}

/// Whether the file at `path` is a regular file holding exactly `bytes`
/// (its size is compared first, so a changed file is rarely read).
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return false;
    };
    meta.is_file()
        && meta.len() == bytes.len() as u64
        && std::fs::read(path).is_ok_and(|held| held == bytes)
}

/// Remove the staging folders of builds whose process no longer runs (a
/// build killed part-way). Where it cannot tell (not Linux), it leaves them.
fn sweep(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.strip_prefix(STAGING)) else {
            continue;
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if pid != std::process::id() && !running(pid) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether a process runs, where the system can tell.
fn running(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

/// Write every work order under `dir` as `DIR/<cycle>/<unit>.json`; returns
/// the paths written, in order.
pub fn write_dir(dir: &Path, orders: &[WorkOrder]) -> Result<Vec<PathBuf>, Box<Diagnostic>> {
    let mut stage = Staged::begin(dir, "work orders")?;
    for order in orders {
        let (relative, text) = order_file(order);
        stage.bytes(&relative, &text)?;
    }
    stage.commit()
}

/// [`write_dir`] for every work order of a checked model, built and
/// serialized on rayon's threads a batch at a time ([`emit::each`]) and
/// staged in order: the orders are never all in memory at once.
pub fn write_work_orders(
    dir: &Path,
    model: &Model,
    sources: &SourceMap,
) -> Result<Vec<PathBuf>, Box<Diagnostic>> {
    let mut stage = Staged::begin(dir, "work orders")?;
    let file = |order: WorkOrder| order_file(&order);
    emit::each(model, sources, file, |(relative, text)| {
        stage.bytes(&relative, &text)
    })?;
    stage.commit()
}

/// A work order's path under the output folder and its text.
fn order_file(order: &WorkOrder) -> (String, Vec<u8>) {
    let mut text = Vec::with_capacity(8192);
    emit::write_json(order, &mut text).expect("writing to memory cannot fail");
    (format!("{}/{}.json", order.cycle.id, order.to.unit), text)
}

/// Write files (`/`-separated paths relative to `dir`, and their bytes) as
/// one set; `what` names them in messages ("briefings").
pub fn write_files(
    dir: &Path,
    files: &[(String, Vec<u8>)],
    what: &str,
) -> Result<Vec<PathBuf>, Box<Diagnostic>> {
    let mut stage = Staged::begin(dir, what)?;
    for (relative, bytes) in files {
        stage.bytes(relative, bytes)?;
    }
    stage.commit()
}

/// Replace one file atomically (`koomc fmt`): write a temporary file beside
/// it, with its permissions, then rename it into place. A symbolic link is
/// followed, so the file it names is rewritten and the link kept; a
/// read-only file is refused, never replaced.
pub fn replace_file(path: &Path, text: &str) -> Result<(), Box<Diagnostic>> {
    replace_files(&[(path, text)], "formatted").map_err(|mut problems| Box::new(problems.remove(0)))
}

/// Replace several files as one change (`check --fix`): each is first written
/// to a temporary file beside it, as [`replace_file`] does; only when every
/// one is written are they renamed into place. A file that cannot be written
/// (read-only, a folder without write permission) is E0007 and leaves every
/// file as it was. `verb` says what the files were to be ("formatted", "fixed").
pub fn replace_files(files: &[(&Path, &str)], verb: &str) -> Result<(), Vec<Diagnostic>> {
    let left = if files.len() == 1 {
        "the file was left as it was"
    } else {
        "no file was changed"
    };
    let mut staged = Vec::with_capacity(files.len());
    let mut problems = Vec::new();
    for (path, text) in files {
        match stage_file(path, text, verb, left) {
            Ok(s) => staged.push(s),
            Err(d) => problems.push(*d),
        }
    }
    if !problems.is_empty() {
        for (tmp, _, _) in &staged {
            let _ = std::fs::remove_file(tmp);
        }
        return Err(problems);
    }
    for (i, (tmp, target, shown)) in staged.iter().enumerate() {
        if let Err(e) = std::fs::rename(tmp, target) {
            for (tmp, _, _) in &staged[i..] {
                let _ = std::fs::remove_file(tmp);
            }
            let help = if i == 0 {
                format!("check the file's and its folder's permissions; {left}")
            } else {
                "check the file's and its folder's permissions; the files before it were replaced"
                    .to_owned()
            };
            return Err(vec![Diagnostic::at_path(
                Code::E0007,
                format!("cannot write `{shown}`: {}", reason(&e)),
                shown.clone(),
            )
            .with_help(help)]);
        }
    }
    Ok(())
}

/// Write the temporary copy of one file beside it, with the file's
/// permissions: (the temporary file, the file it replaces, the name shown).
fn stage_file(
    path: &Path,
    text: &str,
    verb: &str,
    left: &str,
) -> Result<(PathBuf, PathBuf, String), Box<Diagnostic>> {
    let shown = path.display().to_string();
    let refuse = |message: String, help: String| {
        Box::new(Diagnostic::at_path(Code::E0007, message, shown.clone()).with_help(help))
    };
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let permissions = match std::fs::metadata(&target) {
        Ok(meta) => meta.permissions(),
        Err(e) => {
            return Err(refuse(
                format!("cannot write `{shown}`: {}", reason(&e)),
                left.to_owned(),
            ))
        }
    };
    if permissions.readonly() {
        return Err(refuse(
            format!("cannot write `{shown}`: the file is read-only"),
            format!(
                "make it writable if it should be {verb} (`chmod u+w`), or leave it out; {left}"
            ),
        ));
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = target.with_file_name(format!(".{name}.koomc-{}.tmp", std::process::id()));
    let written =
        std::fs::write(&tmp, text).and_then(|()| std::fs::set_permissions(&tmp, permissions));
    match written {
        Ok(()) => Ok((tmp, target, shown)),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(refuse(
                format!("cannot write `{shown}`: {}", reason(&e)),
                format!("check the file's and its folder's permissions; {left}"),
            ))
        }
    }
}

fn reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::NotFound => "no such folder".to_owned(),
        std::io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_owned(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file under `dir` (relative, `/`-separated) and its bytes.
    fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        let mut folders = vec![dir.to_path_buf()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).expect("a folder").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    let relative = path.strip_prefix(dir).expect("inside");
                    let bytes = std::fs::read(&path).expect("readable");
                    out.push((relative.to_string_lossy().replace('\\', "/"), bytes));
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn a_build_into_its_own_output_writes_the_same_bytes_and_replaces_only_what_changed() {
        let c = crate::compile(&crate::inputs(&[concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/logistics"
        )
        .into()]));
        let model = c.model.as_ref().expect("a clean example");
        let orders = c.work_orders().expect("a clean example");
        let (fresh, again) = (
            tempfile::tempdir().expect("temp"),
            tempfile::tempdir().expect("temp"),
        );
        let first = write_dir(fresh.path(), &orders).expect("written");
        assert_eq!(first.len(), orders.len());
        // The streamed writer and the one of built orders agree.
        write_work_orders(again.path(), model, &c.sources).expect("written");
        assert_eq!(tree(fresh.path()), tree(again.path()));
        // One file changed by hand, one removed: only those are written again.
        let (changed, removed) = (&first[0], &first[first.len() - 1]);
        std::fs::write(changed, "{}\n").expect("write");
        std::fs::remove_file(removed).expect("remove");
        let kept = &first[1];
        let modified = |p: &Path| {
            std::fs::metadata(p)
                .expect("a file")
                .modified()
                .expect("mtime")
        };
        let before = modified(kept);
        let second = write_work_orders(again.path(), model, &c.sources).expect("written");
        let third = write_work_orders(fresh.path(), model, &c.sources).expect("written");
        assert_eq!(
            second,
            first
                .iter()
                .map(|p| again.path().join(p.strip_prefix(fresh.path()).unwrap()))
                .collect::<Vec<_>>()
        );
        assert_eq!(third, first);
        assert_eq!(
            tree(fresh.path()),
            tree(again.path()),
            "the same bytes as a fresh build"
        );
        assert_eq!(
            modified(kept),
            before,
            "an unchanged file is left as it was"
        );
        assert_eq!(
            std::fs::read_dir(fresh.path())
                .expect("a folder")
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with(STAGING))
                .count(),
            0,
            "no staging folder is left behind"
        );
    }
}
