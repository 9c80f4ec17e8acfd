//! The lexical regions of a text: code, strings and comments, in order. The
//! one place that knows where a string or a comment starts and ends, for the
//! tools that scan text without parsing it (the nesting check, the formatter's
//! comments, the language server's name search).

/// What a region of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Region {
    Code,
    /// A string literal, quotes included (to the end of its line if unclosed).
    String,
    /// A comment, `#` to the end of its line (the newline excluded).
    Comment,
}

/// The regions of `text` as `(kind, start, end)`, covering it without gaps.
pub fn regions(text: &str) -> impl Iterator<Item = (Region, usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        let kind = match bytes[at] {
            b'"' => {
                at += 1;
                while at < bytes.len() && !matches!(bytes[at], b'"' | b'\n') {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
                if at < bytes.len() && bytes[at] == b'"' {
                    at += 1;
                }
                Region::String
            }
            b'#' => {
                at = text[at..].find('\n').map_or(bytes.len(), |n| at + n);
                Region::Comment
            }
            _ => {
                while at < bytes.len() && !matches!(bytes[at], b'"' | b'#') {
                    at += 1;
                }
                Region::Code
            }
        };
        at = at.min(bytes.len());
        Some((kind, start, at))
    })
}

/// Whether a string region (from its opening quote) ends with its closing
/// quote, rather than running to the end of its line.
pub fn closed_string(region: &str) -> bool {
    let bytes = region.as_bytes();
    let mut at = 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at + 1 == bytes.len(),
            _ => at += 1,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_know_whether_they_are_closed() {
        assert!(closed_string("\"ab\""));
        assert!(closed_string("\"a\\\"b\""));
        assert!(!closed_string("\"ab"));
        assert!(!closed_string("\"ab\\\""));
        assert!(!closed_string("\""));
    }

    #[test]
    fn strings_hide_hashes_and_comments_hide_quotes() {
        let text = "a \"x # \\\" y\" # say \"hi\"\nb";
        let kinds: Vec<(Region, &str)> = regions(text).map(|(k, s, e)| (k, &text[s..e])).collect();
        assert_eq!(
            kinds,
            [
                (Region::Code, "a "),
                (Region::String, "\"x # \\\" y\""),
                (Region::Code, " "),
                (Region::Comment, "# say \"hi\""),
                (Region::Code, "\nb"),
            ]
        );
    }
}
