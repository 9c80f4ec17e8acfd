//! Where the cursor stands, for completion: in which block (the file, a
//! cycle, a `to` block, a refused form's block), and the words of the
//! statement before it. Read from the text alone (the line being typed
//! rarely parses): braces in code, not in strings or comments, open and
//! close blocks; a statement starts after a line break or a brace.

use crate::syntax::regions::{regions, Region};

/// The block the cursor is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    File,
    Cycle,
    To,
    /// A refused form's `{ … }`: nothing is offered there.
    Other,
}

/// The statement being typed.
#[derive(Debug)]
pub struct Context<'t> {
    pub place: Place,
    /// The words before the cursor, a `,` as a word of its own; the word the
    /// cursor is in is not among them.
    pub words: Vec<&'t str>,
    /// Whether the statement is the file's first (where `koom 1.0` goes).
    pub first_statement: bool,
}

impl<'t> Context<'t> {
    /// The context at byte offset `at` (a character boundary).
    pub fn at(text: &'t str, at: usize) -> Context<'t> {
        let (place, start) = scan(text, at);
        let before = &text[start..at];
        // The word being typed is not yet a word.
        let typed = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| super::text::is_name_char(*c))
            .last()
            .map_or(before.len(), |(i, _)| i);
        let words = split(&before[..typed]);
        let first_statement = crate::syntax::skip_trivia(text, 0) >= start;
        Context {
            place,
            words,
            first_statement,
        }
    }

    pub fn first(&self) -> Option<&'t str> {
        self.words.first().copied()
    }

    pub fn previous(&self) -> Option<&'t str> {
        self.words.last().copied()
    }

    /// Whether `word` was written in this statement.
    pub fn has(&self, word: &str) -> bool {
        self.words.contains(&word)
    }

    /// The last keyword before a list of names (`align a, b, …`).
    pub fn list_head(&self) -> Option<&'t str> {
        self.words
            .iter()
            .rev()
            .find(|w| crate::syntax::is_keyword(w))
            .copied()
    }
}

/// Words split at blank space, with each `,` a word of its own.
fn split(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        let mut rest = word;
        while let Some(i) = rest.find(',') {
            if i > 0 {
                out.push(&rest[..i]);
            }
            out.push(",");
            rest = &rest[i + 1..];
        }
        if !rest.is_empty() {
            out.push(rest);
        }
    }
    out
}

/// The block at `at` and where the statement there starts.
fn scan(text: &str, at: usize) -> (Place, usize) {
    let mut stack: Vec<Place> = Vec::new();
    let mut statement = 0;
    let bytes = text.as_bytes();
    for (kind, start, end) in regions(text) {
        if start >= at {
            break;
        }
        if kind != Region::Code {
            continue;
        }
        for i in start..end.min(at) {
            match bytes[i] {
                b'\n' => statement = i + 1,
                b'{' => {
                    let head = text[statement..i].split_whitespace().next();
                    stack.push(block(head, stack.last().copied()));
                    statement = i + 1;
                }
                b'}' => {
                    stack.pop();
                    statement = i + 1;
                }
                _ => {}
            }
        }
    }
    (stack.last().copied().unwrap_or(Place::File), statement)
}

/// What a `{` after a statement's first word opens, inside `outer`.
fn block(head: Option<&str>, outer: Option<Place>) -> Place {
    match (head, outer) {
        (Some("cycle"), None) => Place::Cycle,
        (Some("to"), Some(Place::Cycle)) => Place::To,
        _ => Place::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_end(text: &str) -> Context<'_> {
        Context::at(text, text.len())
    }

    #[test]
    fn the_block_and_the_words_before_the_cursor() {
        let c = at_end("koom 1.0\ncycle 2026-Q1 {\n  align a, ");
        assert_eq!(c.place, Place::Cycle);
        assert_eq!(c.words, ["align", "a", ","]);
        let c = at_end("koom 1.0\ncycle 2026-Q1 {\n  to a { goal x >= 1 }\n  to b {\n    go");
        assert_eq!(c.place, Place::To);
        assert!(c.words.is_empty());
        let c = at_end("koom 1.0\ncycle x from 2026-01-01 to 2026-02-01 {\n}\n# {\n\"{\"\n");
        assert_eq!(c.place, Place::File);
        let c = at_end("koom 1.0\ncycle 2026 {\n  task write { ");
        assert_eq!(c.place, Place::Other);
        assert!(at_end("# header\n  ko").first_statement);
        assert!(!at_end("koom 1.0\n").first_statement);
    }
}
