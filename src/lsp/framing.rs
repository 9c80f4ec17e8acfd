//! The base protocol's framing: header lines (`Content-Length: N`), a blank
//! line, and N bytes of body. [`Framer`] takes bytes as they arrive, in any
//! pieces, and gives back whole bodies; it never fails and never waits for
//! what cannot come:
//!
//! - a header block without a usable `Content-Length` is skipped;
//! - a body over [`MAX_BODY`] is skipped as it arrives, never kept;
//! - a `Content-Length` that is too short leaves the rest of its body in
//!   front of the next header, which is found again inside the header block;
//! - one that is too long would swallow the next message: but the pattern
//!   `Content-Length: N` followed by a line break cannot stand inside JSON
//!   (a line break in a string is escaped), so where it shows up inside a
//!   body, the body ends there and the next message starts.

/// The largest message body read: 64 MiB. A larger one is skipped.
pub const MAX_BODY: usize = 64 * 1024 * 1024;

/// The longest header block read before the framer gives up on it.
const MAX_HEADER: usize = 8 * 1024;

const LENGTH: &[u8] = b"content-length:";

/// How far back a search for a header starts again: a header cut in two by
/// the pieces the bytes arrived in is found whole.
const TAIL: usize = 64;

/// What the framer found.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    /// A message body (not yet known to be JSON).
    Body(Vec<u8>),
    /// A header block that gives no length: skipped.
    BadHeader(String),
    /// A body over [`MAX_BODY`] bytes: skipped.
    TooLarge(u64),
}

/// Splits a byte stream into message bodies.
#[derive(Default)]
pub struct Framer {
    buf: Vec<u8>,
    /// The body being read, once its header was read: its length.
    body: Option<usize>,
    /// Bytes of a refused body still to drop.
    skip: u64,
    /// How far the pending body (or skipped bytes) has been searched for a
    /// header.
    scanned: usize,
}

impl Framer {
    pub fn new() -> Self {
        Self::default()
    }

    /// Bytes as they arrived.
    pub fn push(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Whether a message has begun and not ended.
    pub fn is_partial(&self) -> bool {
        !self.buf.is_empty() || self.body.is_some() || self.skip > 0
    }

    /// The next frame, if enough bytes have arrived for one.
    pub fn next_frame(&mut self) -> Option<Frame> {
        loop {
            if self.skip > 0 && !self.skip_refused() {
                return None;
            }
            if let Some(len) = self.body {
                return self.read_body(len);
            }
            match self.read_header()? {
                Ok(len) if len > MAX_BODY as u64 => {
                    self.skip = len;
                    self.scanned = 0;
                    return Some(Frame::TooLarge(len));
                }
                Ok(len) => {
                    self.body = Some(len as usize);
                    self.scanned = 0;
                }
                Err(why) => return Some(Frame::BadHeader(why)),
            }
        }
    }

    /// Drop what is left of a refused body; `true` once it is all dropped
    /// (or a new message was found inside it).
    fn skip_refused(&mut self) -> bool {
        let end = self.skip.min(self.buf.len() as u64) as usize;
        if let Some(at) = find_header(&self.buf[..end], self.scanned) {
            self.buf.drain(..at);
            (self.skip, self.scanned) = (0, 0);
            return true;
        }
        if end as u64 == self.skip {
            self.buf.drain(..end);
            (self.skip, self.scanned) = (0, 0);
            return true;
        }
        // More is to come: keep a tail that could begin a header.
        let cut = end.saturating_sub(TAIL);
        self.buf.drain(..cut);
        self.skip -= cut as u64;
        self.scanned = self.buf.len();
        false
    }

    fn read_body(&mut self, len: usize) -> Option<Frame> {
        let end = len.min(self.buf.len());
        if let Some(at) = find_header(&self.buf[..end], self.scanned) {
            // The length was too long: the next message starts here.
            self.body = None;
            return Some(Frame::Body(self.buf.drain(..at).collect()));
        }
        if self.buf.len() < len {
            self.scanned = self.buf.len();
            return None;
        }
        self.body = None;
        Some(Frame::Body(self.buf.drain(..len).collect()))
    }

    /// The length the next header block gives, once the block is whole.
    fn read_header(&mut self) -> Option<Result<u64, String>> {
        let Some(end) = find(&self.buf, b"\r\n\r\n") else {
            if self.buf.len() <= MAX_HEADER {
                return None;
            }
            // No header ends here: drop up to a later `Content-Length`.
            let keep = rfind_ignore_case(&self.buf[1..], LENGTH)
                .map_or_else(|| self.buf.len().saturating_sub(LENGTH.len()), |at| at + 1);
            self.buf.drain(..keep);
            return Some(Err(format!(
                "a header block over {MAX_HEADER} bytes: skipped"
            )));
        };
        let block: Vec<u8> = self.buf.drain(..end + 4).collect();
        Some(content_length(&block[..end]))
    }
}

/// The `Content-Length` of a header block. Where no line starts with it,
/// the last one inside a line counts: what a too-short length left behind
/// stands before it.
fn content_length(block: &[u8]) -> Result<u64, String> {
    let at = block
        .split(|&b| b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
        .find(|line| starts_with_ignore_case(line, LENGTH))
        .map(|line| &line[LENGTH.len()..])
        .or_else(|| {
            rfind_ignore_case(block, LENGTH).map(|at| {
                let rest = &block[at + LENGTH.len()..];
                let end = find(rest, b"\r\n").unwrap_or(rest.len());
                &rest[..end]
            })
        });
    let Some(value) = at else {
        return Err("a header block without `Content-Length`: skipped".to_owned());
    };
    let text = String::from_utf8_lossy(value);
    let digits = text.trim();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "`Content-Length: {digits}` is not a length: skipped"
        ));
    }
    // Too many digits to count is more than the limit.
    Ok(digits.parse::<u64>().unwrap_or(u64::MAX))
}

/// Where a header (`Content-Length:`, spaces, digits, a line break) starts in
/// `bytes`, searching from about `from`.
fn find_header(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from.saturating_sub(TAIL).min(bytes.len());
    while let Some(found) = find_ignore_case(&bytes[at..], LENGTH) {
        let start = at + found;
        let rest = &bytes[start + LENGTH.len()..];
        let spaces = rest
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        let digits = rest[spaces..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits > 0 && rest[spaces + digits..].starts_with(b"\r\n") {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

fn rfind_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

fn starts_with_ignore_case(line: &[u8], prefix: &[u8]) -> bool {
    line.len() >= prefix.len() && line[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// A body with its header, as the server writes it.
pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(bytes: &[u8]) -> Vec<Frame> {
        let mut f = Framer::new();
        f.push(bytes);
        std::iter::from_fn(|| f.next_frame()).collect()
    }

    #[test]
    fn whole_messages_in_any_pieces() {
        let stream = b"Content-Length: 2\r\n\r\n{}content-length:3\r\nContent-Type: x\r\n\r\n[1]";
        let mut f = Framer::new();
        let mut out = Vec::new();
        for b in stream.iter() {
            f.push(&[*b]);
            out.extend(std::iter::from_fn(|| f.next_frame()));
        }
        assert_eq!(
            out,
            [Frame::Body(b"{}".to_vec()), Frame::Body(b"[1]".to_vec())]
        );
        assert!(!f.is_partial());
    }

    #[test]
    fn a_bad_header_is_skipped() {
        let got = frames(b"hello\r\n\r\nContent-Length: x\r\n\r\nContent-Length: 2\r\n\r\n{}");
        assert!(matches!(got[0], Frame::BadHeader(_)));
        assert!(matches!(got[1], Frame::BadHeader(_)));
        assert_eq!(got[2], Frame::Body(b"{}".to_vec()));
    }

    #[test]
    fn a_wrong_length_loses_at_most_its_own_message() {
        // Too short: the rest is found before the next header.
        let got = frames(b"Content-Length: 3\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n{}");
        assert_eq!(
            got,
            [Frame::Body(b"{\"a".to_vec()), Frame::Body(b"{}".to_vec())]
        );
        // Too long: the next header ends the body.
        let got = frames(b"Content-Length: 99\r\n\r\n{}Content-Length: 2\r\n\r\n[]");
        assert_eq!(
            got,
            [Frame::Body(b"{}".to_vec()), Frame::Body(b"[]".to_vec())]
        );
    }

    #[test]
    fn a_body_over_the_limit_is_skipped_and_the_next_one_read() {
        let mut f = Framer::new();
        f.push(format!("Content-Length: {}\r\n\r\n", MAX_BODY + 1).as_bytes());
        assert_eq!(f.next_frame(), Some(Frame::TooLarge(MAX_BODY as u64 + 1)));
        let chunk = vec![b'x'; 1 << 20];
        for _ in 0..64 {
            f.push(&chunk);
            assert_eq!(f.next_frame(), None);
            assert!(f.buf.len() <= 1 << 20, "a refused body is not kept");
        }
        f.push(b"x");
        f.push(b"Content-Length: 2\r\n\r\n{}");
        assert_eq!(f.next_frame(), Some(Frame::Body(b"{}".to_vec())));
        // An absurd length is found again at the next header.
        let got =
            frames(b"Content-Length: 999999999999999999999\r\n\r\nxxContent-Length: 2\r\n\r\n{}");
        assert!(matches!(got[0], Frame::TooLarge(_)));
        assert_eq!(got[1], Frame::Body(b"{}".to_vec()));
    }

    #[test]
    fn an_endless_header_is_dropped() {
        let mut f = Framer::new();
        f.push(&vec![b'a'; MAX_HEADER + 10]);
        assert!(matches!(f.next_frame(), Some(Frame::BadHeader(_))));
        assert!(f.buf.len() < 64);
    }
}
