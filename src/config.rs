//! The project file, `koom.toml`, at the project root: lint levels and the
//! phrasing lexicon's additions and removals.
//!
//! ```toml
//! [lints]
//! vague-term = "warn"            # allow | warn | deny
//! unmeasurable-outcome = "deny"
//!
//! [phrasing]
//! method-verbs = ["onboard"]     # more verbs that prescribe how
//! means-nouns = ["hackathon"]    # more nouns that name a means
//! vague-terms = ["synergistic"]  # more vague terms (words or phrases)
//! allow = ["robust"]             # words removed from every built-in list
//! ```
//!
//! Entry point: [`load`]. Problems are E0008, pointing into the file.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostic::{name_fix, Code, Diagnostic, Diagnostics, Label, Severity};
use crate::phrasing::Adjustments;
use crate::source::{FileId, SourceMap, Span};

/// What a lint is set to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Allow,
    Warn,
    Deny,
}

impl Level {
    pub fn parse(text: &str) -> Option<Level> {
        match text {
            "allow" => Some(Level::Allow),
            "warn" => Some(Level::Warn),
            "deny" => Some(Level::Deny),
            _ => None,
        }
    }
}

/// The project's settings; the default when there is no `koom.toml`.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub lints: BTreeMap<Code, Level>,
    pub phrasing: Adjustments,
}

impl Config {
    /// Apply the lint levels: `allow` drops a diagnostic, `warn` and `deny`
    /// set its severity.
    pub fn apply(&self, diagnostics: Diagnostics) -> Diagnostics {
        let mut out = Diagnostics::new();
        for mut d in diagnostics {
            match self.lints.get(&d.code) {
                Some(Level::Allow) => continue,
                Some(Level::Warn) => d.severity = Severity::Warning,
                Some(Level::Deny) => d.severity = Severity::Error,
                None => {}
            }
            out.push(d);
        }
        out
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    lints: BTreeMap<String, toml::Spanned<String>>,
    #[serde(default)]
    phrasing: RawPhrasing,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawPhrasing {
    #[serde(default)]
    method_verbs: Vec<String>,
    #[serde(default)]
    means_nouns: Vec<String>,
    #[serde(default)]
    vague_terms: Vec<String>,
    #[serde(default)]
    allow: Vec<String>,
}

/// The lint names, for messages and did-you-mean.
pub fn lint_names() -> impl Iterator<Item = (&'static str, Code)> {
    Code::ALL
        .iter()
        .filter_map(|c| c.lint_name().map(|n| (n, *c)))
}

/// Read `koom.toml` from the project root, if there is one.
pub fn load(root: &Path, shown: &str, sources: &mut SourceMap) -> (Config, Diagnostics) {
    load_with(root, shown, sources, &crate::load::disk)
}

/// [`load`], with the overlay's text for `koom.toml` where it has one (an
/// open, unsaved buffer in the language server).
pub fn load_with(
    root: &Path,
    shown: &str,
    sources: &mut SourceMap,
    overlay: crate::load::Overlay<'_>,
) -> (Config, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let path = root.join(crate::load::PROJECT_FILE);
    let open = overlay(&crate::load::canonical(&path));
    if open.is_none() && !path.exists() {
        return (Config::default(), diagnostics);
    }
    let name = format!("{shown}{}", crate::load::PROJECT_FILE);
    let read = match open {
        Some(text) => crate::load::source_text(text.into_bytes(), &name),
        None => crate::load::read_source(&path, &name),
    };
    let text = match read {
        Ok(text) => text,
        Err(why) => {
            diagnostics.push(
                Diagnostic::at_path(Code::E0008, why.message, name)
                    .with_help("`koom.toml` is a UTF-8 text file of TOML: `[lints]` and `[phrasing]`; fix it, or remove it"),
            );
            return (Config::default(), diagnostics);
        }
    };
    let file = sources.add(name, text);
    let text = &sources.get(file).text;
    let raw: Raw = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            diagnostics.push(invalid(
                file,
                span,
                format!("`koom.toml` is not valid: {}", e.message().trim()),
            ));
            return (Config::default(), diagnostics);
        }
    };
    let config = Config {
        lints: lints(&raw, file, text, &mut diagnostics),
        phrasing: Adjustments {
            method_verbs: raw.phrasing.method_verbs,
            means_nouns: raw.phrasing.means_nouns,
            vague_terms: raw.phrasing.vague_terms,
            allow: raw.phrasing.allow,
        },
    };
    (config, diagnostics)
}

/// The `[lints]` table: each name a known lint, each value a level; every
/// other entry is E0008 (with the close lint name as a fix).
fn lints(
    raw: &Raw,
    file: FileId,
    text: &str,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<Code, Level> {
    let mut lints = BTreeMap::new();
    for (name, level) in &raw.lints {
        let span = level.span();
        let Some((_, code)) = lint_names().find(|(n, _)| n == name) else {
            let at = key_span(text, name, span.start);
            let mut d = invalid(
                file,
                at.clone(),
                format!("unknown lint `{name}` in `koom.toml`"),
            );
            let at = Span::new(file, at.start, at.end);
            d = match name_fix(at, name, lint_names().map(|(n, _)| n)) {
                Some(fix) => Diagnostic { help: None, ..d }.with_fix(fix),
                None => d.with_help(format!(
                    "the lints are {}",
                    lint_names()
                        .map(|(n, _)| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            };
            diagnostics.push(d);
            continue;
        };
        match Level::parse(level.get_ref()) {
            Some(l) => {
                lints.insert(code, l);
            }
            None => diagnostics.push(
                invalid(
                    file,
                    span,
                    format!("`{}` is not a lint level", level.get_ref()),
                )
                .with_help(format!(
                    "write `{name} = \"allow\"`, `\"warn\"` or `\"deny\"`"
                )),
            ),
        }
    }
    lints
}

fn invalid(file: FileId, span: std::ops::Range<usize>, message: String) -> Diagnostic {
    Diagnostic::new(
        Code::E0008,
        message,
        Label::new(Span::new(file, span.start, span.end), "here"),
    )
    .with_help("see the README's section on `koom.toml`")
}

/// The span of a key written before `value_at` (for an unknown lint name).
fn key_span(text: &str, key: &str, value_at: usize) -> std::ops::Range<usize> {
    let before = &text[..value_at.min(text.len())];
    match before.rfind(key) {
        Some(at) => at..at + key.len(),
        None => value_at..value_at,
    }
}
