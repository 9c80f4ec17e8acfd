//! `koomc lsp`: a language server over stdio (lsp-server: synchronous, so
//! document updates are handled strictly in order).
//!
//! Diagnostics on open and change are the same as `koomc check` (the file and
//! what it `use`s); changes that arrive together are checked once, after the
//! last. Hover explains names, keywords and diagnostics; definition,
//! references and rename cover units, metrics and goal ids across files;
//! completion offers what is valid where the cursor is; code actions are the
//! fixes the diagnostics carry (a did-you-mean, a missing `better`/`baseline`,
//! a worker's manager…); formatting is `koomc fmt`; document symbols list cycles, units and
//! metrics. Positions are UTF-16, as the protocol says.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use lsp_server::{Connection, Message, Notification, Request, Response};
use serde_json::{json, Value};

use crate::diagnostic::{Applicability, Diagnostic, Location, Severity};
use crate::source::{FileId, SourceMap, Span};
use crate::Compilation;

/// Run the server until the client says `exit`.
pub fn run() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (connection, io) = Connection::stdio();
    connection.initialize(capabilities())?;
    let mut server = Server::default();
    let mut dirty: Vec<String> = Vec::new();
    while let Ok(message) = connection.receiver.recv() {
        match message {
            Message::Request(req) => {
                if connection.handle_shutdown(&req)? {
                    break;
                }
                // Answer on the latest text: check what changed first.
                for n in server.publish(&mut dirty) {
                    connection.sender.send(Message::Notification(n))?;
                }
                let response = server.request(&req);
                connection.sender.send(Message::Response(response))?;
            }
            Message::Notification(n) => {
                if let Some(uri) = server.notification(&n) {
                    if !dirty.contains(&uri) {
                        dirty.push(uri);
                    }
                }
            }
            Message::Response(_) => {}
        }
        // Debounce: check only when no more messages are waiting.
        if connection.receiver.is_empty() {
            for n in server.publish(&mut dirty) {
                connection.sender.send(Message::Notification(n))?;
            }
        }
    }
    // The writer thread ends when the last sender is gone.
    drop(connection);
    io.join()?;
    Ok(())
}

/// What the server can do, as it answers `initialize`.
fn capabilities() -> Value {
    json!({
        "textDocumentSync": 1,
        "hoverProvider": true,
        "definitionProvider": true,
        "referencesProvider": true,
        "renameProvider": true,
        "completionProvider": { "triggerCharacters": [" "] },
        "codeActionProvider": true,
        "documentFormattingProvider": true,
        "documentSymbolProvider": true,
        "positionEncoding": "utf-16"
    })
}

/// One conversation as a function of bytes, for the fuzz targets: what the
/// client writes goes in (in any pieces), what the server writes comes out,
/// framing included, with no threads and no standard input. Messages are
/// handled as [`run`] handles them; like it, the session ends at `exit`,
/// after `shutdown`, and at the first message it cannot read.
#[doc(hidden)]
#[derive(Default)]
pub struct Session {
    server: Server,
    dirty: Vec<String>,
    input: Vec<u8>,
    ended: bool,
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }

    /// Take the client's bytes and return the server's.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        if self.ended {
            return out;
        }
        self.input.extend_from_slice(bytes);
        while let Some(len) = frame_len(&self.input) {
            let frame: Vec<u8> = self.input.drain(..len).collect();
            match Message::read(&mut &frame[..]) {
                Ok(Some(message)) => self.message(message, &mut out),
                _ => self.ended = true,
            }
            if self.ended {
                return out;
            }
        }
        for n in self.server.publish(&mut self.dirty) {
            write_message(Message::Notification(n), &mut out);
        }
        out
    }

    fn message(&mut self, message: Message, out: &mut Vec<u8>) {
        match message {
            Message::Request(req) => {
                let response = match req.method.as_str() {
                    "initialize" => {
                        Response::new_ok(req.id, json!({ "capabilities": capabilities() }))
                    }
                    "shutdown" => {
                        self.ended = true;
                        Response::new_ok(req.id, Value::Null)
                    }
                    _ => {
                        for n in self.server.publish(&mut self.dirty) {
                            write_message(Message::Notification(n), out);
                        }
                        self.server.request(&req)
                    }
                };
                write_message(Message::Response(response), out);
            }
            Message::Notification(n) if n.method == "exit" => self.ended = true,
            Message::Notification(n) => {
                if let Some(uri) = self.server.notification(&n) {
                    if !self.dirty.contains(&uri) {
                        self.dirty.push(uri);
                    }
                }
            }
            Message::Response(_) => {}
        }
    }
}

fn write_message(message: Message, out: &mut Vec<u8>) {
    message.write(out).expect("writing to memory cannot fail");
}

/// The length of the first whole frame (header and body) in `input`, once
/// all of it has arrived; a header without a readable `Content-Length` is a
/// frame by itself, which [`Message::read`] refuses.
fn frame_len(input: &[u8]) -> Option<usize> {
    let header_end = input.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    let header = String::from_utf8_lossy(&input[..header_end]);
    let length = header.split("\r\n").find_map(|line| {
        let (name, value) = line.split_once(": ")?;
        name.eq_ignore_ascii_case("content-length")
            .then(|| value.parse::<usize>().ok())?
    });
    match length {
        None => Some(header_end),
        Some(n) => (input.len() - header_end >= n).then_some(header_end + n),
    }
}

#[derive(Default)]
struct Server {
    /// Open documents: URI to text.
    docs: HashMap<String, String>,
    /// URIs that have diagnostics published, per document checked.
    published: HashMap<String, Vec<String>>,
    /// The last check of each open document: requests read it instead of
    /// compiling again (the loop checks changed documents before a request).
    checked: HashMap<String, Compilation>,
}

/// `file:///a/b%20c.koom` to `/a/b c.koom`.
pub fn uri_to_path(uri: &str) -> PathBuf {
    let rest = uri.strip_prefix("file://").unwrap_or(uri);
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            // (`get`: the two bytes after `%` may end inside a character.)
            if let Some(Ok(b)) = rest.get(i + 1..i + 3).map(|h| u8::from_str_radix(h, 16)) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    PathBuf::from(String::from_utf8_lossy(&out).into_owned())
}

/// `/a/b c.koom` to `file:///a/b%20c.koom`.
pub fn path_to_uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A byte offset as an LSP position (UTF-16 code units).
fn position(sources: &SourceMap, file: FileId, offset: usize) -> Value {
    let f = sources.get(file);
    let offset = offset.min(f.text.len());
    let line = f.line_index(offset);
    let start = f.line_start(line).unwrap_or(0);
    let character: usize = f.text[start..offset].chars().map(char::len_utf16).sum();
    json!({ "line": line, "character": character })
}

fn range(sources: &SourceMap, span: Span) -> Value {
    json!({ "start": position(sources, span.file, span.start), "end": position(sources, span.file, span.end) })
}

/// An LSP position (UTF-16) as a byte offset in `text`.
fn offset(text: &str, pos: &Value) -> usize {
    let line = pos["line"].as_u64().unwrap_or(0) as usize;
    let character = pos["character"].as_u64().unwrap_or(0) as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start.min(text.len())..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// The name (kebab-case word) around a byte offset.
fn word_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let at = at.min(text.len());
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_name(*c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = text[at..]
        .find(|c: char| !is_name(c))
        .map_or(text.len(), |n| at + n);
    (start < end).then_some((start, end))
}

/// Every place a name stands in code (not in strings or comments).
fn occurrences(text: &str, name: &str) -> Vec<(usize, usize)> {
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let mut out = Vec::new();
    for (_, start, end) in crate::syntax::regions::regions(text)
        .filter(|(k, _, _)| *k == crate::syntax::regions::Region::Code)
    {
        let code = &text[start..end];
        for (i, _) in code.match_indices(name) {
            let before = code[..i].chars().next_back().is_none_or(|c| !is_name(c));
            let after = code[i + name.len()..]
                .chars()
                .next()
                .is_none_or(|c| !is_name(c));
            if before && after {
                out.push((start + i, start + i + name.len()));
            }
        }
    }
    out
}

fn keyword_meaning(word: &str) -> Option<&'static str> {
    Some(match word {
        "koom" => "`koom 1.0`: the language version; the first statement of every file.",
        "org" => "`org \"Name\"`: the organization's name (at most one).",
        "revision" => "`revision DATE`: the date this version of the directives is issued; change control compares revisions.",
        "executive" => "`executive \"Name\"`: an issuing executive.",
        "manager" => "`manager ID \"Lead\"`: a unit of the manager layer, which turns direction into tasks.",
        "coe" => "`coe ID \"Lead\"`: a unit of the Center of Excellence, the standards body.",
        "worker" => "`worker ID under MANAGER`: a unit of the worker layer; the executive layer never addresses it.",
        "metric" => "`metric ID unit U better higher|lower baseline Q [per unit]`: a measure.",
        "use" => "`use \"file.koom\"`: read another file of the project (a shared org model).",
        "cycle" => "`cycle 2026-Q1 { … }`: a planning cycle; its directives hold until its end.",
        "window" => "`window DATE to DATE`: the only dates on which this cycle's priorities and targets may change without a stated cause.",
        "budget" => "`budget QUANTITY`: a pool of money, people or time for this cycle.",
        "direction" => "`direction \"…\"`: the strategic direction for the cycle, stated as a condition of the world.",
        "priority" => "`priority N TARGET`: rank N (1 is highest) for a metric or goal id.",
        "align" => "`align A, B on METRIC`: units that share ownership of an organization-wide metric.",
        "resolve" => "`resolve ESC-7 for A, B: \"…\"`: a decision on an escalation the managers brought.",
        "to" => "`to A, B { … }`: directives addressed to those units only.",
        "goal" => "`goal [ID:] METRIC CMP QUANTITY [by DATE]`: a success criterion.",
        "constraint" => "`constraint METRIC -12% [keep M, …]`: a bound to hold; `keep M` means M gets no worse than its baseline.",
        "outcome" => "`outcome \"…\" [by DATE]`: what must be true, in words, with a number or a metric.",
        "allocate" => "`allocate QUANTITY to UNIT for TARGET`: people, money or time to a unit, serving a priority.",
        "urgent" => "`urgent`: needs a measurable target and a `by` date inside the cycle (clarity before urgency).",
        "because" => "`because \"…\"`: the cause of a change, citing a metric or a number.",
        "ai" => "`ai USE`: AI helped with this (summarize, draft, scenario, explore, expand, interpret).",
        "keep" => "`keep M`: M may get no worse than its baseline.",
        "by" => "`by DATE`: the deadline, inside the cycle.",
        _ => return None,
    })
}

impl Server {
    fn notification(&mut self, n: &Notification) -> Option<String> {
        let uri = n.params["textDocument"]["uri"].as_str()?.to_owned();
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let text = n.params["textDocument"]["text"].as_str()?.to_owned();
                self.docs.insert(uri.clone(), text);
                Some(uri)
            }
            "textDocument/didChange" => {
                let text = n.params["contentChanges"].as_array()?.last()?["text"]
                    .as_str()?
                    .to_owned();
                self.docs.insert(uri.clone(), text);
                Some(uri)
            }
            "textDocument/didClose" => {
                self.docs.remove(&uri);
                Some(uri)
            }
            _ => None,
        }
    }

    /// The document's last check.
    fn compile(&self, uri: &str) -> Option<&Compilation> {
        self.checked.get(uri)
    }

    /// The URI of a file of a compilation of `doc_uri` (file 0 is the document).
    fn file_uri(c: &Compilation, doc_uri: &str, file: FileId) -> String {
        if file.0 == 0 {
            return doc_uri.to_owned();
        }
        let doc = uri_to_path(doc_uri);
        let root = crate::load::project_root(&doc);
        let name = Path::new(c.sources.name(file));
        let path = if name.is_absolute() {
            name.to_path_buf()
        } else {
            root.join(name)
        };
        path_to_uri(&std::fs::canonicalize(&path).unwrap_or(path))
    }

    fn lsp_diagnostic(c: &Compilation, doc_uri: &str, d: &Diagnostic) -> Option<(String, Value)> {
        let Location::Source(primary) = &d.location else {
            return None;
        };
        let mut message = d.message.clone();
        for n in &d.notes {
            message.push_str(&format!("\nnote: {n}"));
        }
        for h in d.help_lines() {
            message.push_str(&format!("\nhelp: {h}"));
        }
        let related: Vec<Value> = d
            .secondary
            .iter()
            .map(|l| {
                json!({
                    "location": { "uri": Self::file_uri(c, doc_uri, l.span.file), "range": range(&c.sources, l.span) },
                    "message": l.message
                })
            })
            .collect();
        Some((
            Self::file_uri(c, doc_uri, primary.span.file),
            json!({
                "range": range(&c.sources, primary.span),
                "severity": if d.severity == Severity::Error { 1 } else { 2 },
                "code": d.code.as_str(),
                "codeDescription": { "href": format!("koomc-explain:{}", d.code.as_str()) },
                "source": "koomc",
                "message": message,
                "relatedInformation": related
            }),
        ))
    }

    /// Check the changed documents: the notifications that publish their
    /// diagnostics.
    fn publish(&mut self, dirty: &mut Vec<String>) -> Vec<Notification> {
        let mut out = Vec::new();
        for uri in dirty.drain(..) {
            let mut by_file: BTreeMap<String, Vec<Value>> = BTreeMap::new();
            by_file.insert(uri.clone(), Vec::new());
            match self.docs.get(&uri) {
                Some(text) => {
                    let c = crate::compile_text(&uri_to_path(&uri), text.clone());
                    for d in c.diagnostics.iter().filter(|d| !d.suppressed) {
                        if let Some((file, value)) = Self::lsp_diagnostic(&c, &uri, d) {
                            by_file.entry(file).or_default().push(value);
                        }
                    }
                    self.checked.insert(uri.clone(), c);
                }
                None => {
                    self.checked.remove(&uri);
                }
            }
            let before = self
                .published
                .insert(uri.clone(), by_file.keys().cloned().collect())
                .unwrap_or_default();
            let stale: Vec<String> = before
                .into_iter()
                .filter(|u| !by_file.contains_key(u))
                .collect();
            for u in stale {
                by_file.insert(u, Vec::new());
            }
            for (file, diagnostics) in by_file {
                out.push(Notification::new(
                    "textDocument/publishDiagnostics".to_owned(),
                    json!({ "uri": file, "diagnostics": diagnostics }),
                ));
            }
        }
        out
    }

    fn request(&mut self, req: &Request) -> Response {
        let result = match req.method.as_str() {
            "textDocument/hover" => self.hover(&req.params),
            "textDocument/definition" => self.definition(&req.params),
            "textDocument/references" => self.references(&req.params),
            "textDocument/rename" => self.rename(&req.params),
            "textDocument/completion" => self.completion(&req.params),
            "textDocument/codeAction" => self.code_actions(&req.params),
            "textDocument/formatting" => self.formatting(&req.params),
            "textDocument/documentSymbol" => self.symbols(&req.params),
            _ => {
                return Response::new_err(
                    req.id.clone(),
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("koomc does not answer `{}`", req.method),
                );
            }
        };
        Response::new_ok(req.id.clone(), result.unwrap_or(Value::Null))
    }

    /// The document, its compilation, and the byte offset of the request's position.
    fn at(&self, params: &Value) -> Option<(String, &Compilation, usize)> {
        let uri = params["textDocument"]["uri"].as_str()?.to_owned();
        let c = self.compile(&uri)?;
        let at = offset(&c.sources.get(FileId(0)).text, &params["position"]);
        Some((uri, c, at))
    }

    /// The declaration of a name: units, metrics, goal ids.
    fn declaration(c: &Compilation, name: &str) -> Option<(Span, String)> {
        let model = c.model.as_ref()?;
        if let Some(u) = model.units.iter().find(|u| u.name.node == name) {
            let lead = u
                .lead
                .as_ref()
                .map(|l| format!(", lead {}", l.node))
                .unwrap_or_default();
            let under = u
                .under
                .map(|p| format!(", under `{}`", model.unit(p).name.node))
                .unwrap_or_default();
            return Some((
                u.name.span,
                format!("**unit** `{name}`: {} layer{lead}{under}", u.layer.as_str()),
            ));
        }
        if let Some(m) = model.metrics.iter().find(|m| m.name.node == name) {
            let unit = m
                .unit
                .as_ref()
                .map_or("no unit".to_owned(), |u| format!("unit `{}`", u.node.0));
            let better = m.better.as_ref().map_or("no `better`".to_owned(), |b| {
                format!("better {}", b.node.as_str())
            });
            let baseline = m.baseline.as_ref().map_or("no baseline".to_owned(), |b| {
                format!("baseline {}", b.value.normalize())
            });
            let scope = if m.per_unit {
                ", per unit"
            } else {
                ", organization-wide"
            };
            return Some((
                m.name.span,
                format!("**metric** `{name}`: {unit}, {better}, {baseline}{scope}"),
            ));
        }
        for cycle in &model.cycles {
            for d in &cycle.directives {
                if let crate::model::DirectiveKind::Goal { id: Some(id), .. } = &d.kind {
                    if id.node == name {
                        let text = c
                            .sources
                            .text(d.span)
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ");
                        return Some((
                            id.span,
                            format!("**goal** in cycle `{}`: `{text}`", cycle.id.node),
                        ));
                    }
                }
            }
        }
        None
    }

    fn hover(&self, params: &Value) -> Option<Value> {
        let (_, c, at) = self.at(params)?;
        let text = &c.sources.get(FileId(0)).text;
        let mut parts = Vec::new();
        for d in &c.diagnostics {
            if let Location::Source(l) = &d.location {
                if l.span.file.0 == 0 && l.span.start <= at && at <= l.span.end {
                    let explanation = d.code.explanation();
                    let rule = explanation
                        .lines()
                        .find(|l| l.starts_with("Rule:"))
                        .unwrap_or_default();
                    parts.push(format!(
                        "**{}** {}\n\n{}",
                        d.code.as_str(),
                        d.message,
                        rule.trim_start_matches("Rule:").trim()
                    ));
                }
            }
        }
        let (s, e) = word_at(text, at)?;
        let word = &text[s..e];
        if let Some((_, doc)) = Self::declaration(c, word) {
            parts.push(doc);
        } else if let Some(meaning) = keyword_meaning(word) {
            parts.push(format!("**{word}** — {meaning}"));
        }
        if parts.is_empty() {
            return None;
        }
        Some(json!({
            "contents": { "kind": "markdown", "value": parts.join("\n\n---\n\n") },
            "range": range(&c.sources, Span::new(FileId(0), s, e))
        }))
    }

    fn definition(&self, params: &Value) -> Option<Value> {
        let (uri, c, at) = self.at(params)?;
        let text = &c.sources.get(FileId(0)).text;
        let (s, e) = word_at(text, at)?;
        let (span, _) = Self::declaration(c, &text[s..e])?;
        Some(json!({ "uri": Self::file_uri(c, &uri, span.file), "range": range(&c.sources, span) }))
    }

    /// Every place a declared name stands, in every file of the compilation.
    fn places(c: &Compilation, uri: &str, name: &str) -> Vec<(String, Value)> {
        let mut out = Vec::new();
        let mut file = 0u32;
        loop {
            let id = FileId(file);
            if file as usize >= c.sources.len() {
                break;
            }
            let text = &c.sources.get(id).text;
            if !c.sources.name(id).ends_with(crate::load::PROJECT_FILE) {
                for (s, e) in occurrences(text, name) {
                    out.push((
                        Self::file_uri(c, uri, id),
                        range(&c.sources, Span::new(id, s, e)),
                    ));
                }
            }
            file += 1;
        }
        out
    }

    fn references(&self, params: &Value) -> Option<Value> {
        let (uri, c, at) = self.at(params)?;
        let text = &c.sources.get(FileId(0)).text;
        let (s, e) = word_at(text, at)?;
        let name = &text[s..e];
        Self::declaration(c, name)?;
        let places: Vec<Value> = Self::places(c, &uri, name)
            .into_iter()
            .map(|(u, r)| json!({ "uri": u, "range": r }))
            .collect();
        Some(Value::Array(places))
    }

    fn rename(&self, params: &Value) -> Option<Value> {
        let (uri, c, at) = self.at(params)?;
        let new_name = params["newName"].as_str()?;
        let text = &c.sources.get(FileId(0)).text;
        let (s, e) = word_at(text, at)?;
        let name = &text[s..e];
        Self::declaration(c, name)?;
        let mut changes: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for (u, r) in Self::places(c, &uri, name) {
            changes
                .entry(u)
                .or_default()
                .push(json!({ "range": r, "newText": new_name }));
        }
        Some(json!({ "changes": changes }))
    }

    fn completion(&self, params: &Value) -> Option<Value> {
        let uri = params["textDocument"]["uri"].as_str()?;
        let text = self.docs.get(uri)?;
        let at = offset(text, &params["position"]);
        let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        let before = &text[line_start..at];
        let words: Vec<&str> = before
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let typing = !before.ends_with(|c: char| c.is_whitespace() || c == ',');
        let previous = if typing {
            words.len().checked_sub(2).map(|i| words[i])
        } else {
            words.last().copied()
        };
        let first = words.first().copied().unwrap_or_default();
        // The line being typed rarely parses: read the names from the rest.
        let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        let without = format!("{}{}", &text[..line_start], &text[line_end..]);
        let c = crate::compile_text(&uri_to_path(uri), without);
        let model = c.model.as_ref();
        let units = || {
            model
                .map(|m| {
                    m.units
                        .iter()
                        .filter(|u| u.layer != crate::model::Layer::Worker)
                        .map(|u| u.name.node.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        };
        let metrics = || {
            model
                .map(|m| {
                    m.metrics
                        .iter()
                        .map(|m| m.name.node.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        };
        let (items, kind): (Vec<String>, u32) = match previous {
            None => (
                crate::syntax::KEYWORDS
                    .iter()
                    .map(|k| (*k).to_owned())
                    .collect(),
                14,
            ),
            Some("to" | "align" | "under") => (units(), 7),
            Some("for") if first == "resolve" => (units(), 7),
            Some("goal" | "constraint" | "keep" | "on" | "for") => (metrics(), 10),
            Some(w) if first == "priority" && w.chars().all(|c| c.is_ascii_digit()) => {
                (metrics(), 10)
            }
            Some(w) if w.starts_with(|c: char| c.is_ascii_digit()) => {
                let mut list: Vec<String> = model
                    .map(|m| {
                        m.metrics
                            .iter()
                            .filter_map(|m| m.unit.as_ref().map(|u| u.node.0.clone()))
                            .collect()
                    })
                    .unwrap_or_default();
                list.extend(
                    ["%", "USD", "EUR", "people", "days", "weeks", "months"].map(str::to_owned),
                );
                list.sort();
                list.dedup();
                (list, 11)
            }
            Some(_) => (
                crate::syntax::KEYWORDS
                    .iter()
                    .map(|k| (*k).to_owned())
                    .collect(),
                14,
            ),
        };
        Some(Value::Array(
            items
                .into_iter()
                .map(|label| json!({ "label": label, "kind": kind }))
                .collect(),
        ))
    }

    /// A code action for every fix of the diagnostics in the range: the
    /// fixes are data on the diagnostics, built where the problem was found.
    fn code_actions(&self, params: &Value) -> Option<Value> {
        let uri = params["textDocument"]["uri"].as_str()?.to_owned();
        let c = self.compile(&uri)?;
        let want = &params["range"];
        let text = &c.sources.get(FileId(0)).text;
        let (from, to) = (offset(text, &want["start"]), offset(text, &want["end"]));
        let mut actions = Vec::new();
        for d in &c.diagnostics {
            let Location::Source(l) = &d.location else {
                continue;
            };
            if l.span.file.0 != 0 || l.span.end < from || l.span.start > to {
                continue;
            }
            let diagnostic = Self::lsp_diagnostic(c, &uri, d).map(|(_, v)| v);
            for fix in &d.fixes {
                let mut changes: BTreeMap<String, Vec<Value>> = BTreeMap::new();
                for e in &fix.edits {
                    changes
                        .entry(Self::file_uri(c, &uri, e.span.file))
                        .or_default()
                        .push(
                            json!({ "range": range(&c.sources, e.span), "newText": e.replacement }),
                        );
                }
                actions.push(json!({
                    "title": fix.title,
                    "kind": "quickfix",
                    "isPreferred": fix.applicability == Applicability::Safe,
                    "diagnostics": [diagnostic],
                    "edit": { "changes": changes }
                }));
            }
        }
        Some(Value::Array(actions))
    }

    fn formatting(&self, params: &Value) -> Option<Value> {
        let uri = params["textDocument"]["uri"].as_str()?;
        let text = self.docs.get(uri)?;
        let formatted = crate::format::format(FileId(0), text).ok()?;
        let mut sources = SourceMap::new();
        let file = sources.add(uri.to_owned(), text.clone());
        Some(
            json!([{ "range": range(&sources, Span::new(file, 0, text.len())), "newText": formatted }]),
        )
    }

    fn symbols(&self, params: &Value) -> Option<Value> {
        let uri = params["textDocument"]["uri"].as_str()?;
        let c = self.compile(uri)?;
        let model = c.model.as_ref()?;
        let mut out = Vec::new();
        let mut symbol = |name: &str, detail: String, kind: u32, span: Span, selection: Span| {
            if span.file.0 == 0 {
                out.push(json!({
                    "name": name, "detail": detail, "kind": kind,
                    "range": range(&c.sources, span), "selectionRange": range(&c.sources, selection)
                }));
            }
        };
        for u in &model.units {
            symbol(
                &u.name.node,
                u.layer.as_str().to_owned(),
                5,
                u.span,
                u.name.span,
            );
        }
        for m in &model.metrics {
            symbol(&m.name.node, "metric".to_owned(), 7, m.span, m.name.span);
        }
        for cycle in &model.cycles {
            symbol(
                &cycle.id.node,
                "cycle".to_owned(),
                3,
                cycle.span,
                cycle.id.span,
            );
        }
        Some(Value::Array(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_utf16() {
        let text = "a \"é😀\" b\nx";
        // `b` is after a two-byte é (one UTF-16 unit) and a four-byte emoji (two).
        let b = text.find(" b").expect("b") + 1;
        let mut s = SourceMap::new();
        let f = s.add("t".into(), text.into());
        assert_eq!(position(&s, f, b), json!({ "line": 0, "character": 8 }));
        assert_eq!(offset(text, &json!({ "line": 0, "character": 8 })), b);
        assert_eq!(
            offset(text, &json!({ "line": 1, "character": 0 })),
            text.len() - 1
        );
    }

    #[test]
    fn uris_round_trip() {
        let p = Path::new("/tmp/my plans/q1.koom");
        assert_eq!(path_to_uri(p), "file:///tmp/my%20plans/q1.koom");
        assert_eq!(uri_to_path(&path_to_uri(p)), p);
        // A `%` before a character of two bytes is kept as it is.
        assert_eq!(uri_to_path("file:///a%4é.koom"), Path::new("/a%4é.koom"));
        assert_eq!(uri_to_path("file:///a%é"), Path::new("/a%é"));
    }

    fn frame(body: &Value) -> Vec<u8> {
        let body = body.to_string();
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    #[test]
    fn a_session_answers_in_pieces_and_ends_at_what_it_cannot_read() {
        let mut session = Session::new();
        let init =
            frame(&json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {} }));
        let (first, rest) = init.split_at(10);
        assert!(session.feed(first).is_empty(), "half a message waits");
        let out = String::from_utf8(session.feed(rest)).expect("text");
        assert!(out.contains("\"hoverProvider\":true"), "{out}");
        let open = frame(&json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": { "textDocument": { "uri": "file:///nowhere/a.koom", "text": "koom 1.0\norg" } } }));
        let out = String::from_utf8(session.feed(&open)).expect("text");
        assert!(
            out.contains("publishDiagnostics") && out.contains("E0001"),
            "{out}"
        );
        // A length far beyond what arrived waits for it, allocating nothing.
        assert!(session
            .feed(b"Content-Length: 99999999999999\r\n\r\n{")
            .is_empty());
        let mut broken = Session::new();
        assert!(broken.feed(b"Content-Type: x\r\n\r\n").is_empty());
        assert!(broken.feed(&init).is_empty(), "the session ended");
    }

    #[test]
    fn occurrences_skip_strings_and_comments() {
        let text = "to ops { goal ops-x >= 1 } # ops\noutcome \"ops\" ops";
        assert_eq!(
            occurrences(text, "ops"),
            [(3, 6), (text.len() - 3, text.len())]
        );
    }
}
