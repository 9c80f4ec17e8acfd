//! Reading a file again after an edit, reusing what the edit did not touch.
//!
//! The language server checks a document after every edit, and an edit
//! touches one statement or two of thousands. [`Reparse`] keeps, for each
//! file it read, the file-level statements of each part of its last text,
//! cut where the parallel reader cuts (`chunks::cuts`, here at every
//! unindented file-level statement). Reading the file again, a part whose
//! text is unchanged takes its statements from there, moved to where the
//! part now stands (its spans shifted, and given the file's id in this
//! compilation); only the parts whose text changed are read by the
//! statement reader.
//!
//! As in `chunks.rs`, a file in which any part reports a mistake is read
//! again in one pass, so that recovery and every message are the sequential
//! reader's; the clean parts are kept all the same, for the edit that puts
//! the mistake right. A test holds the result, spans included, to a full
//! reading after every edit (`tests.rs`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::ast::{File, Item, Spans};
use super::{check_header, chunks, statements};
use crate::diagnostic::Diagnostic;
use crate::source::FileId;

/// What was read of each file, by canonical path.
#[derive(Default)]
pub struct Reparse {
    files: HashMap<PathBuf, Parts>,
}

/// One file's parts: each part's text, and its statements where it stood.
#[derive(Default)]
struct Parts {
    by_text: HashMap<String, Part>,
}

struct Part {
    file: FileId,
    start: usize,
    items: Vec<Item>,
}

/// How many parts, of how many, the last [`Reparse::read`] read again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reread {
    pub parts: usize,
    pub of: usize,
}

impl Reparse {
    /// Read the file at `path` (its id in this compilation is `file`):
    /// exactly what `syntax::parse_recovering` returns, reading again only
    /// the parts that changed since the last read of `path`.
    pub fn read(&mut self, path: &Path, file: FileId, text: &str) -> (File, Vec<Diagnostic>) {
        self.read_counting(path, file, text).0
    }

    /// [`Reparse::read`], and how many parts it read again.
    pub fn read_counting(
        &mut self,
        path: &Path,
        file: FileId,
        text: &str,
    ) -> ((File, Vec<Diagnostic>), Reread) {
        if let Err(errors) = check_header(file, text) {
            return ((File::default(), errors), Reread::default());
        }
        let mut old = self.files.remove(path).unwrap_or_default();
        let cuts = chunks::cuts(text, 1);
        let mut new = Parts::default();
        let mut items = Vec::new();
        let mut reread = Reread {
            parts: 0,
            of: cuts.len(),
        };
        let mut mistaken = false;
        for (i, &start) in cuts.iter().enumerate() {
            let end = cuts.get(i + 1).copied().unwrap_or(text.len());
            let key = &text[start..end];
            let part = match old.by_text.remove(key) {
                Some(part) => part.moved(file, start),
                None => {
                    reread.parts += 1;
                    let (read, errors) = statements::read_part(file, &text[..end], start);
                    if !errors.is_empty() {
                        mistaken = true;
                        continue;
                    }
                    Part {
                        file,
                        start,
                        items: read,
                    }
                }
            };
            items.extend(part.items.iter().cloned());
            new.by_text.insert(key.to_owned(), part);
        }
        self.files.insert(path.to_path_buf(), new);
        if mistaken {
            return (statements::read(file, text), reread);
        }
        ((File { items }, Vec::new()), reread)
    }

    /// The statements of `text` (the file at `path`, whose id is `file`) as
    /// the reads so far left them, without reading: what [`Reparse::read`]
    /// returns where every part of `text` was read clean before, else
    /// `None`. The language server's outline asks for them after a check
    /// whose resolve took the trees.
    pub fn kept(&self, path: &Path, file: FileId, text: &str) -> Option<File> {
        let parts = self.files.get(path)?;
        check_header(file, text).ok()?;
        let cuts = chunks::cuts(text, 1);
        let mut items = Vec::new();
        for (i, &start) in cuts.iter().enumerate() {
            let end = cuts.get(i + 1).copied().unwrap_or(text.len());
            let part = parts.by_text.get(&text[start..end])?;
            let mut copy = part.items.clone();
            shift(&mut copy, (part.file, part.start), (file, start));
            items.extend(copy);
        }
        Some(File { items })
    }
}

/// Move statements read at `from` (file and offset) to `to`.
fn shift(items: &mut Vec<Item>, from: (FileId, usize), to: (FileId, usize)) {
    if from != to {
        let ((_, old), (file, new)) = (from, to);
        let at = |offset: usize| (offset + new).saturating_sub(old);
        items.spans(&mut |span| {
            span.set(file, at(span.start()), at(span.end()));
        });
    }
}

impl Part {
    /// The part's statements as they stand at `start` in file `file`.
    fn moved(mut self, file: FileId, start: usize) -> Part {
        shift(&mut self.items, (self.file, self.start), (file, start));
        self.file = file;
        self.start = start;
        self
    }
}
