//! Document URIs and file paths, through the `url` crate: percent-decoding
//! to bytes (a `%` before a multi-byte character is no longer a panic), hosts
//! other than `localhost` refused, and paths that are not UTF-8 kept as the
//! operating system's bytes.

use std::path::{Path, PathBuf};

/// The file a `file:` URI names; `None` for another scheme, a remote host or
/// text that is no URI.
pub fn to_path(uri: &str) -> Option<PathBuf> {
    let url = url::Url::parse(uri).ok()?;
    if url.scheme() != "file" {
        return None;
    }
    url.to_file_path().ok()
}

/// `/a/b c.koom` to `file:///a/b%20c.koom`. A relative path is taken from
/// the working directory.
pub fn from_path(path: &Path) -> String {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    url::Url::from_file_path(&absolute)
        .map(String::from)
        .unwrap_or_else(|()| format!("file://{}", absolute.display()))
}

/// `file:///a/b%20c.koom` to `/a/b c.koom`; for a URI that names no local
/// file, the URI's text as a path (an untitled buffer is still checked).
pub fn uri_to_path(uri: &str) -> PathBuf {
    to_path(uri).unwrap_or_else(|| PathBuf::from(uri))
}

/// A path as the URI a client uses for it.
pub fn path_to_uri(path: &Path) -> String {
    from_path(path)
}

/// The same URI as the client would write it: `file:` URIs in the `url`
/// crate's serialization (so `%3A` and `:` meet), others as they are.
pub fn normalize(uri: &str) -> String {
    match to_path(uri) {
        Some(path) => from_path(&path),
        None => uri.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_round_trip() {
        let p = Path::new("/tmp/my plans/q1.koom");
        assert_eq!(path_to_uri(p), "file:///tmp/my%20plans/q1.koom");
        assert_eq!(uri_to_path(&path_to_uri(p)), p);
        let p = Path::new("/tmp/café/😀 #1.koom");
        assert_eq!(uri_to_path(&path_to_uri(p)), p);
    }

    #[test]
    fn a_percent_before_a_multibyte_character_is_no_panic() {
        // Was a panic: the hand-written decoder sliced inside `é`.
        assert!(to_path("file:///tmp/%é.koom").is_some());
        assert!(to_path("file:///tmp/%").is_some());
        assert!(to_path("file:///tmp/%C3").is_some());
    }

    #[test]
    fn other_schemes_and_hosts_name_no_file() {
        assert_eq!(to_path("untitled:Untitled-1"), None);
        assert_eq!(to_path("file://example.org/a.koom"), None);
        assert_eq!(to_path("not a uri"), None);
        assert_eq!(
            to_path("file://localhost/a.koom"),
            Some(PathBuf::from("/a.koom"))
        );
    }
}
