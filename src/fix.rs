//! `koomc check --fix`: apply the fixes the diagnostics carry to the files
//! they edit, in rounds, and re-check.
//!
//! A round takes, for every diagnostic that is not suppressed, the first fix
//! it offers that the caller allows ([`Allow::Safe`]: only the fixes marked
//! safe; [`Allow::All`]: the guesses too). A diagnostic's further fixes are
//! alternatives to its first (`better higher` or `better lower`), never
//! applied with it. Fixes are taken in the order of the diagnostics (file,
//! then position); a fix whose edits overlap those of one already taken
//! waits for the next round, and a fix identical to one taken (the same
//! problem reached twice) is dropped. The edits of a round are applied with
//! [`apply_edits`] to the texts in memory, which stand in for the files
//! (a [`load::Overlay`](crate::load::Overlay)) when the caller's compile runs again; rounds go on while
//! a round applies something, at most [`MAX_ROUNDS`]. Nothing is written
//! until [`write`], which writes every changed file or none.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::{apply_edits, Applicability, Code, Diagnostic, Edit, Fix};
use crate::load::{canonical, Overlay};
use crate::source::{FileId, Span};
use crate::Compilation;

/// The most rounds of fixes one run applies.
pub const MAX_ROUNDS: usize = 10;

/// Which fixes to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Allow {
    /// Only those that keep what the author meant (`--fix`).
    Safe,
    /// Those that guess too (`--fix-unsafe`).
    All,
}

impl Allow {
    fn permits(self, applicability: Applicability) -> bool {
        self == Allow::All || applicability == Applicability::Safe
    }
}

/// One fix applied: where its first edit is (in the text of its round), the
/// code of its diagnostic and its title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// The file as the user named it (or as `use` reached it).
    pub file: String,
    pub line: usize,
    pub code: Code,
    pub title: String,
    pub applicability: Applicability,
}

/// A file whose text the fixes change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Where it is on disk (its name, relative to where koomc runs).
    pub path: PathBuf,
    /// The text as read (byte-order mark skipped).
    pub before: String,
    pub after: String,
}

/// What the fixing did, and the check of its result.
pub struct Fixed {
    /// In the order they were applied.
    pub applied: Vec<Applied>,
    /// The files that change, in name order.
    pub changes: Vec<Change>,
    /// The compilation of the fixed texts: what remains.
    pub after: Compilation,
    /// Whether fixes were left because [`MAX_ROUNDS`] ran out.
    pub unfinished: bool,
}

/// Fix what `compile` finds, re-running it (with the fixed texts in its
/// overlay) after each round.
pub fn fix(allow: Allow, mut compile: impl FnMut(Overlay<'_>) -> Compilation) -> Fixed {
    // The fixed texts, by canonical path: what the overlay answers.
    let mut texts: BTreeMap<PathBuf, String> = BTreeMap::new();
    let mut changes: BTreeMap<PathBuf, Change> = BTreeMap::new();
    let mut applied = Vec::new();
    let mut c = compile(&crate::load::disk);
    for _ in 0..MAX_ROUNDS {
        let taken = take(&c, allow);
        if taken.is_empty() {
            break;
        }
        apply(&c, &taken, &mut texts, &mut changes, &mut applied);
        c = compile(&|path: &Path| texts.get(path).cloned());
    }
    let unfinished = !take(&c, allow).is_empty();
    Fixed {
        applied,
        changes: changes
            .into_values()
            .filter(|c| c.before != c.after)
            .collect(),
        after: c,
        unfinished,
    }
}

/// The fixes of one round, in diagnostic order.
fn take(c: &Compilation, allow: Allow) -> Vec<(&Diagnostic, &Fix)> {
    let mut taken: Vec<(&Diagnostic, &Fix)> = Vec::new();
    for d in c.diagnostics.iter().filter(|d| !d.suppressed) {
        let Some(fix) = d.fixes.iter().find(|f| allow.permits(f.applicability)) else {
            continue;
        };
        let on_disk = fix.edits.iter().all(|e| is_file(c, e.span.file));
        if fix.edits.is_empty() || !on_disk {
            continue;
        }
        if taken
            .iter()
            .any(|(_, t)| t.edits == fix.edits || conflict(t, fix))
        {
            continue; // the same fix again, or one for the next round
        }
        taken.push((d, fix));
    }
    taken
}

/// Whether a source is a file koomc can rewrite (not text held only in memory).
fn is_file(c: &Compilation, file: FileId) -> bool {
    Path::new(c.sources.name(file)).is_file()
}

/// Whether two fixes' edits overlap: they share text, or insert at the same
/// place (whose order would be a guess).
fn conflict(a: &Fix, b: &Fix) -> bool {
    a.edits
        .iter()
        .any(|x| b.edits.iter().any(|y| overlap(x.span, y.span)))
}

fn overlap(a: Span, b: Span) -> bool {
    a.file == b.file
        && ((a.start() < b.end() && b.start() < a.end())
            || (a.start() == b.start() && a.end() == b.end()))
}

/// Apply one round's fixes to the texts of `c`; the new texts go into
/// `texts` (by canonical path), and the changes and the record follow.
fn apply(
    c: &Compilation,
    taken: &[(&Diagnostic, &Fix)],
    texts: &mut BTreeMap<PathBuf, String>,
    changes: &mut BTreeMap<PathBuf, Change>,
    applied: &mut Vec<Applied>,
) {
    let mut by_file: BTreeMap<FileId, Vec<&Edit>> = BTreeMap::new();
    for (d, fix) in taken {
        for e in &fix.edits {
            by_file.entry(e.span.file).or_default().push(e);
        }
        let first = fix.edits[0].span;
        applied.push(Applied {
            file: c.sources.name(first.file).to_owned(),
            line: c.sources.get(first.file).line_col(first.start()).line,
            code: d.code,
            title: fix.title.clone(),
            applicability: fix.applicability,
        });
    }
    for (file, edits) in by_file {
        let source = c.sources.get(file);
        let (text, skipped) = apply_edits(&source.text, edits);
        debug_assert_eq!(skipped, 0, "the fixes of a round do not overlap");
        let path = PathBuf::from(&source.name);
        texts.insert(canonical(&path), text.clone());
        changes
            .entry(path.clone())
            .or_insert_with(|| Change {
                path,
                before: source.text.clone(),
                after: String::new(),
            })
            .after = text;
    }
}

/// Write every changed file, or none: a file that changed on disk since it
/// was read, or that cannot be written (read-only, …), is E0007 and nothing
/// is written. A file that began with a byte-order mark keeps it.
pub fn write(changes: &[Change]) -> Result<(), Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut texts = Vec::with_capacity(changes.len());
    for change in changes {
        let shown = change.path.display().to_string();
        let bytes = std::fs::read(&change.path).unwrap_or_default();
        let now = crate::load::source_text(bytes.clone(), &shown).ok();
        if now.as_deref() != Some(change.before.as_str()) {
            problems.push(
                Diagnostic::at_path(
                    Code::E0007,
                    format!("cannot fix `{shown}`: it changed since koomc read it"),
                    shown,
                )
                .with_help("run `koomc check --fix` again; no file was changed"),
            );
            continue;
        }
        let bom = if bytes.starts_with("\u{feff}".as_bytes()) {
            "\u{feff}"
        } else {
            ""
        };
        texts.push((change.path.as_path(), format!("{bom}{}", change.after)));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let files: Vec<(&Path, &str)> = texts.iter().map(|(p, t)| (*p, t.as_str())).collect();
    crate::output::replace_files(&files, "fixed")
}

/// The changes as a unified diff (`a/NAME`, `b/NAME`, three lines of context),
/// in name order: what `check --diff` prints.
pub fn unified_diff(changes: &[Change]) -> String {
    let mut out = String::new();
    for change in changes {
        let name = change.path.to_string_lossy();
        let diff = similar::TextDiff::from_lines(&change.before, &change.after);
        out.push_str(
            &diff
                .unified_diff()
                .context_radius(3)
                .header(&format!("a/{name}"), &format!("b/{name}"))
                .to_string(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> Span {
        Span::new(FileId(0), start, end)
    }

    #[test]
    fn overlaps_are_shared_text_or_one_insertion_point() {
        assert!(overlap(span(0, 5), span(4, 6)));
        assert!(
            overlap(span(3, 3), span(3, 3)),
            "two insertions at one place"
        );
        assert!(
            overlap(span(4, 4), span(3, 6)),
            "an insertion inside a replacement"
        );
        assert!(!overlap(span(3, 3), span(3, 6)), "an insertion before it");
        assert!(!overlap(span(6, 6), span(3, 6)), "an insertion after it");
        assert!(!overlap(span(0, 3), span(3, 6)), "neighbours");
        assert!(!overlap(span(0, 5), Span::new(FileId(1), 0, 5)));
    }

    #[test]
    fn a_unified_diff_names_both_sides() {
        let change = Change {
            path: PathBuf::from("plans/main.koom"),
            before: "koom 1.0\ngoal a => 1\n".into(),
            after: "koom 1.0\ngoal a >= 1\n".into(),
        };
        assert_eq!(
            unified_diff(&[change]),
            "--- a/plans/main.koom\n+++ b/plans/main.koom\n@@ -1,2 +1,2 @@\n koom 1.0\n-goal a => 1\n+goal a >= 1\n"
        );
    }
}
