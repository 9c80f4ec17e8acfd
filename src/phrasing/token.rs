//! The tokenizer: words, numbers and the punctuation that splits clauses,
//! each with its byte range in the text.
//!
//! Decisions that keep a measure in one piece:
//!
//! - a period inside an abbreviation is not a sentence end: `U.S.`,
//!   `E.M.E.A.`, `30 Sept.`, `avg.`, `Inc.` (one-letter runs and a short list
//!   of abbreviations);
//! - words inside parentheses are marked [`Token::aside`]: an aside defines or
//!   restates the measure ("(MTTR)", "(measured by external monitoring)") and
//!   never decides a verdict;
//! - `.`, `,` and `:` between digits stay inside the number (`1,000`, `4.5`,
//!   `9001:2015`);
//! - a dash standing alone (`" - "`, `–`, `—`) splits clauses, and `&` reads as
//!   `and`.

use std::borrow::Cow;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
}

/// One token: its lowercased text (borrowed from the text where it is
/// already lowercase, as most words are: no allocation per word), its byte
/// range and its kind.
#[derive(Clone, Debug)]
pub struct Token<'a> {
    pub text: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Inside parentheses.
    pub aside: bool,
}

/// Words whose trailing period marks an abbreviation, not a sentence end.
const ABBREVIATIONS: &[&str] = &[
    "inc", "corp", "ltd", "co", "avg", "approx", "incl", "excl", "est", "vs", "etc", "dept", "no",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms", "dr", "st", "e.g", "i.e", "min", "max", "yr", "wk", "mo", "fy",
];

fn is_inner(text: &str, j: usize, d: char) -> bool {
    let bytes = text.as_bytes();
    d.is_alphanumeric()
        || matches!(d, '-' | '\'' | '’' | '/' | '%' | '$' | '+')
        || (matches!(d, '.' | ',' | ':')
            && j > 0
            && bytes[j - 1].is_ascii_digit()
            && bytes.get(j + 1).is_some_and(u8::is_ascii_digit))
        // one-letter abbreviations: U.S., E.M.E.A.
        || (d == '.'
            && bytes.get(j + 1).is_some_and(u8::is_ascii_alphabetic)
            && bytes.get(j + 2) == Some(&b'.')
            && (j < 2 || !bytes[j - 2].is_ascii_alphabetic()))
        || (d == '.'
            && j >= 2
            && bytes[j - 2] == b'.'
            && bytes.get(j + 1).is_some_and(u8::is_ascii_alphabetic)
            && bytes.get(j + 2) == Some(&b'.'))
}

/// The length of the UTF-8 character whose first byte is `b`.
fn char_len(b: u8) -> usize {
    match b {
        0..=0x7f => 1,
        0x80..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// The character at byte `j` (a character boundary): ASCII without decoding.
fn char_at(text: &str, j: usize) -> char {
    match text.as_bytes()[j] {
        b @ 0..=0x7f => char::from(b),
        _ => text[j..].chars().next().expect("in bounds"),
    }
}

/// The word from `start`: where it ends without its trailing marks, where
/// the next token may begin, and what [`scan`] finds in the word, gathered
/// on the way (the bytes of a character beyond ASCII are all [`WIDE`], so
/// its first byte's class is the character's).
fn word_at(text: &str, start: usize) -> (usize, usize, u8) {
    let bytes = text.as_bytes();
    let mut classes = CLASS[usize::from(bytes[start])];
    let mut j = start + char_len(bytes[start]);
    while j < text.len() {
        let class = CLASS[usize::from(bytes[j])];
        if class & ALNUM != 0 {
            classes |= class;
            j += 1;
            continue;
        }
        if class & (MARK | WIDE) == 0 {
            break;
        }
        let d = char_at(text, j);
        if !is_inner(text, j, d) {
            break;
        }
        classes |= class;
        j += d.len_utf8();
    }
    // Only a word ending in one of the trimmed characters (`’` ends in
    // 0x99) is trimmed, most end in a letter or digit.
    if !matches!(bytes[j - 1], b'-' | b'\'' | b'/' | b'+' | 0x99) {
        return (j, j, classes);
    }
    let raw = text[start..j].trim_end_matches(['-', '\'', '’', '/', '+']);
    let end = start + raw.len();
    (end, j, scan(&bytes[start..end]))
}

/// Byte classes, so that one pass over a word, a table lookup per byte,
/// tells what the tokenizer asks of it ([`scan`]).
const UPPER: u8 = 1;
const LOWER: u8 = 1 << 1;
const DIGIT: u8 = 1 << 2;
const SLASH: u8 = 1 << 3;
/// A byte of a character beyond ASCII.
const WIDE: u8 = 1 << 4;
/// An ASCII mark [`is_inner`] may keep inside a word; any other ASCII byte
/// that is no letter or digit (a space, most often) ends the word unasked.
const MARK: u8 = 1 << 5;
const ALNUM: u8 = UPPER | LOWER | DIGIT;

const CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'A'..=b'Z' => UPPER,
            b'a'..=b'z' => LOWER,
            b'0'..=b'9' => DIGIT,
            b'/' => SLASH | MARK,
            b'-' | b'\'' | b'%' | b'$' | b'+' | b'.' | b',' | b':' => MARK,
            0x80..=0xff => WIDE,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// The classes of a word's bytes, or-ed together.
fn scan(raw: &[u8]) -> u8 {
    raw.iter().fold(0, |acc, &b| acc | CLASS[usize::from(b)])
}

/// The word lowercased (`’` read as `'`), given what [`scan`] found in it.
fn lower(raw: &str, classes: u8) -> Cow<'_, str> {
    if classes & WIDE == 0 {
        if classes & UPPER == 0 {
            return Cow::Borrowed(raw);
        }
        return Cow::Owned(raw.to_ascii_lowercase());
    }
    let mut lower = raw.to_lowercase();
    if lower.contains('’') {
        lower = lower.replace('’', "'");
    }
    Cow::Owned(lower)
}

/// Split a text into tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
    let mut depth = 0usize;
    let mut i = 0;
    while i < text.len() {
        let c = match bytes[i] {
            // A space is no word and no punctuation.
            b' ' => {
                i += 1;
                continue;
            }
            b @ 0..=0x7f => b as char,
            _ => text[i..].chars().next().expect("in bounds"),
        };
        let len = c.len_utf8();
        let starts_word = if c.is_ascii() {
            CLASS[usize::from(bytes[i])] & ALNUM != 0 || c == '$'
        } else {
            c.is_alphanumeric() || c == '€' || c == '£'
        };
        if starts_word {
            // Lowercasing and trimming periods adds or removes no digit or
            // slash: one scan of the raw word answers for the word.
            let (end, next, facts) = word_at(text, i);
            let mut word = lower(&text[i..end], facts);
            // A trailing period after an abbreviation belongs to the word.
            let mut stop = next.max(end).max(i + len);
            if bytes.get(stop) == Some(&b'.') {
                let single = word.len() == 1 || word.contains('.');
                if single || ABBREVIATIONS.contains(&&*word) {
                    let after = bytes.get(stop + 1);
                    let ends = after.is_none();
                    // "… by 30 Sept." ends the text; "Inc. is" goes on.
                    if !ends || single || word != "no" {
                        stop += 1;
                    }
                }
            }
            if word.as_bytes().last() == Some(&b'.') {
                word = match word {
                    Cow::Borrowed(w) => Cow::Borrowed(w.trim_end_matches('.')),
                    Cow::Owned(w) => Cow::Owned(w.trim_end_matches('.').to_owned()),
                };
            }
            let kind = if facts & DIGIT != 0 {
                Kind::Number
            } else {
                Kind::Word
            };
            if kind == Kind::Word
                && facts & SLASH != 0
                && split_alternatives(&mut tokens, &word, i, depth > 0)
            {
                i = stop;
                continue;
            }
            tokens.push(Token {
                text: word,
                start: i,
                end,
                kind,
                aside: depth > 0,
            });
            i = stop;
            continue;
        }
        punctuation(&mut tokens, text, i, c, &mut depth);
        i += len;
    }
    tokens
}

/// "Develop/identify", "Recruit/retain": two words joined by a slash are
/// alternatives, read as `develop or identify` (each part a word of two
/// letters or more; "and/or" stays one word).
fn split_alternatives(tokens: &mut Vec<Token>, word: &str, at: usize, aside: bool) -> bool {
    let Some((a, b)) = word.split_once('/') else {
        return false;
    };
    let part = |p: &str| p.len() >= 2 && p.bytes().all(|c| c.is_ascii_alphabetic() || c == b'-');
    if !part(a) || !part(b) || matches!(a, "and" | "or") {
        return false;
    }
    // A rate is one unit: "1300 crates/week", "calls/day", "km/h".
    let per = matches!(
        b,
        "hour" | "day" | "week" | "month" | "quarter" | "year" | "shift" | "person" | "head"
    );
    if per || tokens.last().is_some_and(|t| t.kind == Kind::Number) {
        return false;
    }
    let slash = at + a.len();
    for (text, start, end) in [
        (a, at, slash),
        ("or", slash, slash + 1),
        (b, slash + 1, slash + 1 + b.len()),
    ] {
        tokens.push(Token {
            text: Cow::Owned(text.to_owned()),
            start,
            end,
            kind: Kind::Word,
            aside,
        });
    }
    true
}

/// Punctuation at `i`: parentheses open and close an aside, sentence marks
/// and dashes become tokens, `&` reads as `and`, `≥ ≤ < >` as a comparator.
fn punctuation<'a>(
    tokens: &mut Vec<Token<'a>>,
    text: &'a str,
    i: usize,
    c: char,
    depth: &mut usize,
) {
    let bytes = text.as_bytes();
    let len = c.len_utf8();
    let punct = match c {
        '(' | '[' => {
            *depth += 1;
            None
        }
        ')' | ']' => {
            *depth = depth.saturating_sub(1);
            None
        }
        '.' | ',' | ';' | ':' | '!' | '?' => Some(Cow::Borrowed(&text[i..i + len])),
        '—' | '–' => Some(Cow::Borrowed("—")),
        '-' if bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace) => Some(Cow::Borrowed("—")),
        '&' => {
            tokens.push(Token {
                text: Cow::Borrowed("and"),
                start: i,
                end: i + len,
                kind: Kind::Word,
                aside: *depth > 0,
            });
            None
        }
        '≥' | '≤' | '<' | '>' => {
            tokens.push(Token {
                text: Cow::Borrowed("at least"),
                start: i,
                end: i + len,
                kind: Kind::Punct,
                aside: *depth > 0,
            });
            None
        }
        _ => None,
    };
    if let Some(p) = punct {
        tokens.push(Token {
            text: p,
            start: i,
            end: i + len,
            kind: Kind::Punct,
            aside: *depth > 0,
        });
    }
}

/// A number that is a date or a period label, not a threshold.
pub fn is_date_number(t: &str) -> bool {
    let year = t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && (t.starts_with("19") || t.starts_with("20"));
    let label = matches!(t, "q1" | "q2" | "q3" | "q4" | "h1" | "h2")
        || (t.starts_with("fy")
            && t.len() > 2
            && t[2..].bytes().all(|b| b.is_ascii_digit() || b == b'-'))
        || (t.starts_with('q')
            && t.len() <= 8
            && t.len() > 1
            && t[1..2].bytes().all(|b| (b'1'..=b'4').contains(&b))
            && t.contains('-'));
    let iso = t.len() == 10 && t.as_bytes()[4] == b'-' && t.as_bytes()[7] == b'-';
    year || label || iso
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokenize(s)
            .into_iter()
            .filter(|t| !t.aside)
            .map(|t| t.text.into_owned())
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_the_sentence() {
        assert_eq!(
            texts("Grow U.S. same-store sales by 3% annually."),
            [
                "grow",
                "u.s",
                "same-store",
                "sales",
                "by",
                "3%",
                "annually",
                "."
            ]
        );
        assert_eq!(
            texts("E.M.E.A. region by 30 Sept."),
            ["e.m.e.a", "region", "by", "30", "sept"]
        );
        assert_eq!(texts("Raccoons Inc. is"), ["raccoons", "inc", "is"]);
    }

    #[test]
    fn parentheses_are_asides() {
        assert_eq!(
            texts("Reduce mean time to recovery (MTTR) from 2 hours to 30 minutes."),
            [
                "reduce", "mean", "time", "to", "recovery", "from", "2", "hours", "to", "30",
                "minutes", "."
            ]
        );
    }

    #[test]
    fn numbers_keep_their_separators() {
        assert_eq!(
            texts("Get ISO 9001:2015 certified"),
            ["get", "iso", "9001:2015", "certified"]
        );
        assert_eq!(texts("1,000 and 4.5"), ["1,000", "and", "4.5"]);
        assert_eq!(texts("kids - 95 & up"), ["kids", "—", "95", "and", "up"]);
    }
}
