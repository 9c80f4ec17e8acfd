//! `koomc fmt`: the canonical layout. Entry point: [`format`].
//!
//! One statement per line; blocks indented two spaces; declaration columns
//! aligned in runs of consecutive declarations, as in the spec's example;
//! metric attributes in the order `unit`, `better`, `baseline`, `per unit`;
//! single spaces between words, `, ` after commas, `: ` after a goal id; at most
//! one blank line where the source had some. Comments stay where they were:
//! on their own line before the statement that follows them, or at the end of
//! the line they ended. A comment inside a multi-line statement has no such
//! place: the formatter then refuses, and writes nothing, rather than move or
//! drop it.
//!
//! Every result is verified before it is returned: it must parse to the same
//! AST (spans aside) and hold the same comments.

use pest::iterators::Pair;
use pest::Parser;

use crate::diagnostic::{Code, Diagnostic, Label};
use crate::source::{FileId, Span};
use crate::syntax::{self, KoomParser, Rule};

/// A comment in the source: where it starts and ends (to the end of its line).
#[derive(Clone, Copy, Debug)]
struct Comment {
    start: usize,
    end: usize,
    /// Whether it is the only thing on its line.
    alone: bool,
}

/// Every comment of a text, outside strings.
fn comments(text: &str) -> Vec<Comment> {
    syntax::regions::regions(text)
        .filter(|(k, _, _)| *k == syntax::regions::Region::Comment)
        .map(|(_, start, end)| {
            let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
            Comment {
                start,
                end: start + text[start..end].trim_end().len(),
                alone: text[line_start..start].trim().is_empty(),
            }
        })
        .collect()
}

/// A statement or a block, reduced to what the layout needs.
struct Node {
    kind: Kind,
    start: usize,
    end: usize,
    /// The words of a statement, or of a block's header; for aligned
    /// declarations, one entry per column.
    columns: Vec<String>,
    children: Vec<Node>,
    /// Where a block's closing `}` is.
    close: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Plain,
    Unit,
    Metric,
    Block,
}

/// The leaf tokens of a pair, joined: single spaces, `, ` and `: ` where the
/// source had a comma or colon. Quantities, changes and strings are words of
/// their own, with their inner space normalized. Returns `Err(offset)` for a
/// comment inside the words.
fn words(text: &str, pair: &Pair<'_, Rule>, stop_at: Option<usize>) -> Result<String, usize> {
    let mut leaves: Vec<(usize, usize)> = Vec::new();
    collect(pair, &mut leaves, stop_at);
    join(text, &leaves)
}

fn join(text: &str, leaves: &[(usize, usize)]) -> Result<String, usize> {
    let mut out = String::new();
    let mut last: Option<usize> = None;
    for &(s, e) in leaves {
        if let Some(prev) = last {
            let gap = &text[prev..s];
            if let Some(at) = gap.find('#') {
                return Err(prev + at);
            }
            let gap = gap.trim();
            if gap.contains(',') {
                out.push_str(", ");
            } else if gap.contains(':') {
                out.push_str(": ");
            } else {
                out.push(' ');
            }
        }
        out.push_str(&collapse(&text[s..e]));
        last = Some(e);
    }
    Ok(out)
}

/// Whitespace runs outside strings to one space. A refused form's block is
/// kept as written: it is an error to fix, not a statement to lay out.
fn collapse(token: &str) -> String {
    if token.starts_with('"') || token.contains('{') {
        return token.trim().to_owned();
    }
    token.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_word(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::quantity
            | Rule::threshold
            | Rule::change
            | Rule::string
            | Rule::refused_line
            | Rule::refused_kw
            | Rule::brace_block
    )
}

fn collect(pair: &Pair<'_, Rule>, out: &mut Vec<(usize, usize)>, stop_at: Option<usize>) {
    let span = pair.as_span();
    if stop_at.is_some_and(|s| span.start() >= s) {
        return;
    }
    let mut inner = pair.clone().into_inner().peekable();
    if is_word(pair.as_rule()) || inner.peek().is_none() {
        out.push((span.start(), span.end()));
        return;
    }
    for p in inner {
        collect(&p, out, stop_at);
    }
}

fn node(text: &str, pair: Pair<'_, Rule>) -> Result<Node, usize> {
    let span = pair.as_span();
    let rule = pair.as_rule();
    match rule {
        Rule::cycle | Rule::to_block => {
            let items: Vec<Pair<'_, Rule>> = pair
                .clone()
                .into_inner()
                .filter(|p| !matches!(p.as_rule(), Rule::cycle_head | Rule::to_head))
                .collect();
            let body_start = text[span.start()..span.end()]
                .find('{')
                .map_or(span.end(), |n| span.start() + n);
            let header = words(text, &pair, Some(body_start))?;
            let close = span.start() + text[span.start()..span.end()].rfind('}').unwrap_or(0);
            let children = items
                .into_iter()
                .map(|p| node(text, p))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Node {
                kind: Kind::Block,
                start: span.start(),
                end: body_start + 1,
                columns: vec![format!("{header} {{")],
                children,
                close,
            })
        }
        Rule::manager_decl | Rule::coe_decl | Rule::worker_decl => {
            let parts: Vec<Pair<'_, Rule>> = pair.clone().into_inner().collect();
            let kw = collapse(parts[0].as_str());
            let name = parts
                .get(1)
                .map(|p| p.as_str().to_owned())
                .unwrap_or_default();
            let mut leaves = Vec::new();
            for p in parts.iter().skip(2) {
                collect(p, &mut leaves, None);
            }
            let rest = join(text, &leaves)?;
            let end = last_leaf_end(&pair);
            check_gap(text, span.start(), end)?;
            Ok(Node {
                kind: Kind::Unit,
                start: span.start(),
                end,
                columns: vec![kw, name, rest],
                children: Vec::new(),
                close: 0,
            })
        }
        Rule::metric_decl => {
            let mut columns = vec![
                "metric".to_owned(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ];
            for p in pair.clone().into_inner() {
                let slot = match p.as_rule() {
                    Rule::kw_metric => continue,
                    Rule::name => 1,
                    Rule::metric_unit => 2,
                    Rule::metric_better => 3,
                    Rule::metric_baseline => 4,
                    _ => 5,
                };
                columns[slot] = words(text, &p, None)?;
            }
            let end = last_leaf_end(&pair);
            check_gap(text, span.start(), end)?;
            Ok(Node {
                kind: Kind::Metric,
                start: span.start(),
                end,
                columns,
                children: Vec::new(),
                close: 0,
            })
        }
        _ => {
            let end = last_leaf_end(&pair);
            let joined = words(text, &pair, None)?;
            Ok(Node {
                kind: Kind::Plain,
                start: span.start(),
                end,
                columns: vec![joined],
                children: Vec::new(),
                close: 0,
            })
        }
    }
}

/// Where a statement's last word ends (pest counts trailing space into a rule
/// that ends in an optional part).
fn last_leaf_end(pair: &Pair<'_, Rule>) -> usize {
    let mut leaves = Vec::new();
    collect(pair, &mut leaves, None);
    leaves.last().map_or(pair.as_span().end(), |l| l.1)
}

/// A comment inside a statement's text.
fn check_gap(text: &str, start: usize, end: usize) -> Result<(), usize> {
    match comments(&text[start..end]).first() {
        Some(c) => Err(start + c.start),
        None => Ok(()),
    }
}

struct Printer<'t> {
    text: &'t str,
    /// Offsets of the newlines, for line numbers by binary search.
    newlines: Vec<usize>,
    comments: Vec<Comment>,
    next: usize,
    out: String,
    /// The source line of the last thing printed, for blank lines.
    last_line: Option<usize>,
}

impl Printer<'_> {
    fn line_of(&self, offset: usize) -> usize {
        self.newlines.partition_point(|&n| n < offset)
    }

    fn blank_before(&mut self, offset: usize, allowed: bool) {
        let line = self.line_of(offset);
        if let Some(last) = self.last_line {
            if allowed && line > last + 1 && !self.out.ends_with("{\n") {
                self.out.push('\n');
            }
        }
    }

    /// Own-line comments before `offset`.
    fn leading(&mut self, offset: usize, indent: &str) {
        while self.next < self.comments.len() && self.comments[self.next].start < offset {
            let c = self.comments[self.next];
            self.blank_before(c.start, true);
            self.out.push_str(indent);
            self.out.push_str(&self.text[c.start..c.end]);
            self.out.push('\n');
            self.last_line = Some(self.line_of(c.start));
            self.next += 1;
        }
    }

    /// A comment at the end of the line where `offset` is.
    fn trailing(&mut self, offset: usize) {
        if let Some(c) = self.comments.get(self.next) {
            let between = &self.text[offset.min(c.start)..c.start];
            if !c.alone && !between.contains('\n') {
                self.out.push_str("  ");
                self.out.push_str(&self.text[c.start..c.end]);
                self.next += 1;
            }
        }
    }

    fn line(&mut self, indent: &str, body: &str, start: usize, end: usize) {
        self.leading(start, indent);
        self.blank_before(start, true);
        self.out.push_str(indent);
        self.out.push_str(body.trim_end());
        self.trailing(end);
        self.out.push('\n');
        self.last_line = Some(self.line_of(end));
    }

    fn nodes(&mut self, nodes: &[Node], indent: &str) {
        let mut i = 0;
        while i < nodes.len() {
            let kind = nodes[i].kind;
            if matches!(kind, Kind::Unit | Kind::Metric) {
                // A run: consecutive declarations of one kind, no blank line between.
                let mut j = i + 1;
                while j < nodes.len()
                    && nodes[j].kind == kind
                    && self.line_of(nodes[j].start) <= self.line_of(nodes[j - 1].end) + 1
                {
                    j += 1;
                }
                let run = &nodes[i..j];
                let columns = run[0].columns.len();
                // As in the spec's example: units one space apart, their leads
                // aligned (a worker's `under` is not a lead); metric attributes
                // two spaces apart.
                let (sep, lead_rows): (usize, Vec<&Node>) = match kind {
                    Kind::Unit => (1, run.iter().filter(|n| n.columns[0] != "worker").collect()),
                    _ => (2, run.iter().collect()),
                };
                let widths: Vec<usize> = (0..columns)
                    .map(|c| {
                        let rows: &[&Node] = if c == 1 { &lead_rows } else { &[] };
                        let source: Vec<&Node> = if c == 1 {
                            rows.to_vec()
                        } else {
                            run.iter().collect()
                        };
                        source
                            .iter()
                            .map(|n| n.columns[c].chars().count())
                            .max()
                            .unwrap_or(0)
                    })
                    .collect();
                for n in run {
                    let mut body = String::new();
                    let last = n.columns.iter().rposition(|c| !c.is_empty()).unwrap_or(0);
                    for (c, cell) in n.columns.iter().enumerate().take(last + 1) {
                        if widths[c] == 0 && cell.is_empty() {
                            continue;
                        }
                        if !body.is_empty() {
                            // The keyword is one space from the name.
                            body.extend(std::iter::repeat_n(' ', if c == 1 { 1 } else { sep }));
                        }
                        body.push_str(cell);
                        let pad = widths[c].saturating_sub(cell.chars().count());
                        let unpadded = c == 1 && kind == Kind::Unit && n.columns[0] == "worker";
                        if c < last && !unpadded {
                            body.extend(std::iter::repeat_n(' ', pad));
                        }
                    }
                    self.line(indent, &body, n.start, n.end);
                }
                i = j;
                continue;
            }
            let n = &nodes[i];
            self.line(indent, &n.columns[0], n.start, n.end);
            if kind == Kind::Block {
                let inner = format!("{indent}  ");
                self.nodes(&n.children, &inner);
                self.leading(n.close, &inner);
                self.out.push_str(indent);
                self.out.push('}');
                self.trailing(n.close + 1);
                self.out.push('\n');
                self.last_line = Some(self.line_of(n.close));
            }
            i += 1;
        }
    }
}

/// Format a file. Errors are diagnostics: the file does not parse, or a
/// comment has no place in the canonical layout.
pub fn format(file: FileId, text: &str) -> Result<String, Vec<Diagnostic>> {
    let before = syntax::parse(file, text)?;
    let refuse = |at: usize| {
        vec![Diagnostic::new(
            Code::E0001,
            "a comment inside a statement: the formatter cannot place it without moving it",
            Label::new(Span::new(file, at, text[at..].find('\n').map_or(text.len(), |n| at + n)), "this comment"),
        )
        .with_help("move the comment to a line of its own, or to the end of the statement; nothing was written")]
    };
    let root = KoomParser::parse(Rule::file, text)
        .expect("the text parsed above")
        .next()
        .expect("a file");
    let mut nodes = Vec::new();
    for pair in root.into_inner() {
        if pair.as_rule() == Rule::EOI {
            continue;
        }
        nodes.push(node(text, pair).map_err(refuse)?);
    }
    let mut p = Printer {
        text,
        newlines: text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .map(|(i, _)| i)
            .collect(),
        comments: comments(text),
        next: 0,
        out: String::with_capacity(text.len() + text.len() / 8),
        last_line: None,
    };
    p.nodes(&nodes, "");
    p.leading(text.len(), "");
    let out = p.out;
    // Verify: the same comments, the same meaning.
    let kept = comments(&out).len() == comments(text).len();
    let same = syntax::parse(file, &out).is_ok_and(|after| after == before);
    if !kept || !same {
        let at = comments(text).first().map_or(0, |c| c.start);
        let mut d = refuse(at);
        d[0].message = "the formatter could not keep this file's meaning and comments exactly; nothing was written".to_owned();
        return Err(d);
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
