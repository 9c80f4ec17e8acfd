//! koomc's diagnostics as the protocol's: the message with its notes and
//! help lines, the code with a link to its explanation, the secondary labels
//! as related information. Suppressed diagnostics are not shown.

use std::collections::BTreeMap;
use std::str::FromStr;

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location as LspLocation,
    NumberOrString, Position, Range, Uri,
};

use super::text::range;
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::Compilation;

/// Every shown diagnostic of a check, by URI; the document's own URI is
/// always there (an empty list clears what was shown).
/// Each diagnostic is JSON text: compared and sent as it is.
pub fn by_uri(c: &Compilation, uris: &[String], doc_uri: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    out.insert(doc_uri.to_owned(), Vec::new());
    for d in c.diagnostics.iter().filter(|d| !d.suppressed) {
        let (uri, diagnostic) = to_lsp(c, uris, doc_uri, d);
        if let Ok(value) = serde_json::to_string(&diagnostic) {
            out.entry(uri).or_default().push(value);
        }
    }
    out
}

/// One diagnostic and the URI it belongs to. A diagnostic about a whole
/// file (it could not be read) stands at the start of the document.
pub fn to_lsp(
    c: &Compilation,
    uris: &[String],
    doc_uri: &str,
    d: &Diagnostic,
) -> (String, lsp_types::Diagnostic) {
    let mut message = d.message.clone();
    for n in &d.notes {
        message.push_str(&format!("\nnote: {n}"));
    }
    for h in d.help_lines() {
        message.push_str(&format!("\nhelp: {h}"));
    }
    let (uri, at) = match &d.location {
        Location::Source(primary) => (
            uris[primary.span.file.0 as usize].clone(),
            range(&c.sources, primary.span),
        ),
        Location::Path(_) => (
            doc_uri.to_owned(),
            Range::new(Position::new(0, 0), Position::new(0, 0)),
        ),
    };
    let related: Vec<DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .filter_map(|l| {
            Some(DiagnosticRelatedInformation {
                location: LspLocation {
                    uri: Uri::from_str(&uris[l.span.file.0 as usize]).ok()?,
                    range: range(&c.sources, l.span),
                },
                message: l.message.clone(),
            })
        })
        .collect();
    let diagnostic = lsp_types::Diagnostic {
        range: at,
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.as_str().to_owned())),
        code_description: Uri::from_str(&format!("koomc-explain:{}", d.code.as_str()))
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some("koomc".to_owned()),
        message,
        related_information: Some(related),
        tags: None,
        data: None,
    };
    (uri, diagnostic)
}
