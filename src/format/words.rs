//! A statement's words, read from its text: the lexical side of the layout.
//!
//! The AST says where each statement is; its words are read here from the
//! text, so that numbers, dates, units and strings stay as written. A word is
//! a string (quotes included), a comparator (`<`, `<=`, …), a `{` or `}`, a
//! `,` or `:`, or a run of anything else up to blank space or one of those.
//! Words are joined by one space; a `,` or `:` is written against the word
//! before it and followed by one space.

/// A comment inside a statement: where it starts. The formatter refuses such
/// a file rather than move the comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct CommentInside(pub usize);

/// The words of `text[start..end]`, each a slice of `text`.
pub(super) fn tokens(text: &str, start: usize, end: usize) -> Result<Vec<&str>, CommentInside> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = start;
    while at < end {
        let from = at;
        match bytes[at] {
            b' ' | b'\t' | b'\r' | b'\n' => {
                at += 1;
                continue;
            }
            b'#' => return Err(CommentInside(at)),
            b'"' => at = string_end(bytes, at, end),
            b'<' | b'>' | b'=' => {
                while at < end && matches!(bytes[at], b'<' | b'>' | b'=') {
                    at += 1;
                }
            }
            b',' | b':' | b'{' | b'}' => at += 1,
            _ => {
                while at < end && !is_break(bytes[at]) {
                    at += 1;
                }
            }
        }
        out.push(&text[from..at]);
    }
    Ok(out)
}

/// Where a word that is not a string, a comparator or punctuation ends.
fn is_break(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t' | b'\r' | b'\n' | b'#' | b'"' | b'<' | b'>' | b'=' | b',' | b':' | b'{' | b'}'
    )
}

/// The end of the string that opens at `at` (after its closing quote, or at
/// the end of its line when it is not closed), as `syntax::regions` reads it.
fn string_end(bytes: &[u8], mut at: usize, end: usize) -> usize {
    at += 1;
    while at < end && !matches!(bytes[at], b'"' | b'\n') {
        at += if bytes[at] == b'\\' { 2 } else { 1 };
    }
    if at < end && bytes[at] == b'"' {
        at += 1;
    }
    at.min(end)
}

/// Words joined the canonical way.
pub(super) fn join(words: &[&str]) -> String {
    let mut out = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    for w in words {
        if matches!(*w, "," | ":") {
            out.push_str(w);
            out.push(' ');
            continue;
        }
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.truncate(out.trim_end().len());
    out
}

/// A statement's words, joined.
pub(super) fn statement(text: &str, start: usize, end: usize) -> Result<String, CommentInside> {
    Ok(join(&tokens(text, start, end)?))
}

/// A unit declaration's columns: keyword, name, and the rest (a lead, or
/// `under` and the manager).
pub(super) fn unit(text: &str, start: usize, end: usize) -> Result<Vec<String>, CommentInside> {
    let words = tokens(text, start, end)?;
    let cell = |i: usize| words.get(i).map(|w| w.to_string()).unwrap_or_default();
    Ok(vec![
        cell(0),
        cell(1),
        join(words.get(2..).unwrap_or_default()),
    ])
}

/// The columns of a metric declaration: `metric`, its name, then `unit …`,
/// `better …`, `baseline …` and `per unit` in that order, each empty when
/// the declaration does not have it.
pub(super) fn metric(text: &str, start: usize, end: usize) -> Result<Vec<String>, CommentInside> {
    let words = tokens(text, start, end)?;
    let mut slots: [Vec<&str>; 6] = Default::default();
    let mut slot = 0;
    for (i, w) in words.iter().enumerate() {
        let after_per = i > 0 && words[i - 1] == "per";
        slot = match *w {
            _ if i < 2 => i,
            "unit" if !after_per => 2,
            "better" => 3,
            "baseline" => 4,
            "per" => 5,
            _ => slot,
        };
        slots[slot].push(w);
    }
    Ok(slots.iter().map(|s| join(s)).collect())
}

/// A refused form as written, but for blank space: its keyword, the rest of
/// its line with each run of blank space outside strings made one space, and
/// its `{ … }` block exactly as written (line breaks made `\n`). It is an
/// error to fix, not a statement to lay out.
pub(super) fn refused(text: &str, start: usize, end: usize) -> String {
    let bytes = text.as_bytes();
    let keyword = text[start..end]
        .find(|c: char| !c.is_ascii_alphabetic())
        .map_or(end, |n| start + n);
    let mut out = text[start..keyword].to_owned();
    let mut at = keyword;
    let mut blank = true;
    while at < end && bytes[at] != b'{' {
        match bytes[at] {
            b' ' | b'\t' => {
                blank = true;
                at += 1;
            }
            b => {
                if blank {
                    out.push(' ');
                    blank = false;
                }
                let from = at;
                at = if b == b'"' {
                    string_end(bytes, at, end)
                } else {
                    at + text[at..].chars().next().map_or(1, char::len_utf8)
                };
                out.push_str(&text[from..at]);
            }
        }
    }
    if at < end {
        if !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(&text[at..end].replace("\r\n", "\n"));
    }
    out
}

/// Where a refused form's `{ … }` block opens, if it has one.
pub(super) fn refused_block(text: &str, start: usize, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = start;
    while at < end {
        match bytes[at] {
            b'{' => return Some(at),
            b'"' => at = string_end(bytes, at, end),
            _ => at += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> String {
        statement(text, 0, text.len()).expect("no comment")
    }

    #[test]
    fn words_are_joined_with_one_space_and_punctuation_against_the_word_before() {
        assert_eq!(
            words("goal  g1 :t>=12   by 2026-03-31"),
            "goal g1: t >= 12 by 2026-03-31"
        );
        assert_eq!(words("to ops,logistics{"), "to ops, logistics {");
        assert_eq!(
            words("constraint c -40k \t USD/month"),
            "constraint c -40k USD/month"
        );
        assert_eq!(
            words("org\"A  # b\"because \"c\""),
            "org \"A  # b\" because \"c\""
        );
        assert_eq!(words("goal t >= -200k"), "goal t >= -200k");
    }

    #[test]
    fn a_comment_among_the_words_is_found() {
        let text = "align a, # shared\n b on t";
        assert_eq!(tokens(text, 0, text.len()), Err(CommentInside(9)));
    }

    #[test]
    fn metric_attributes_take_their_columns() {
        let text = "metric t baseline 10 per unit better higher unit crates/week";
        let cols = metric(text, 0, text.len()).expect("columns");
        assert_eq!(
            cols,
            [
                "metric",
                "t",
                "unit crates/week",
                "better higher",
                "baseline 10",
                "per unit"
            ]
        );
    }

    #[test]
    fn a_refused_form_keeps_its_strings_and_block() {
        let text = "assign   x\t\"a  b\"{\r\n  y  # z\r\n}";
        assert_eq!(
            refused(text, 0, text.len()),
            "assign x \"a  b\" {\n  y  # z\n}"
        );
        let text = "step\"q\"x";
        assert_eq!(refused(text, 0, text.len()), "step \"q\"x");
        assert_eq!(refused_block("task \"{\" {}", 0, 11), Some(9));
    }
}
