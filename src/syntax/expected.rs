//! E0001: a pest error in words a user knows. Grammar rule names never reach
//! the user: each rule that can be "expected" has a phrase here, and the
//! statement rules are grouped ("a directive such as `goal` or `constraint`").

use super::Rule;
use crate::diagnostic::{name_fix, Applicability, Code, Diagnostic, Fix, Label};
use crate::source::{FileId, Span};

const FILE_STATEMENTS: &str =
    "a declaration (`metric`, `manager`, `coe`, `worker`, `cycle`, `use`, …)";
const CYCLE_STATEMENTS: &str =
    "a cycle statement (`goal`, `constraint`, `outcome`, `priority`, `to`, `allocate`, …)";
const DIRECTIVES: &str = "a directive (`goal`, `constraint`, `outcome`, `allocate`)";

/// The words for one rule, and the keyword it starts with (for did-you-mean).
fn describe(rule: Rule) -> Option<(&'static str, Option<&'static str>)> {
    use Rule::*;
    let (words, kw) = match rule {
        use_decl | kw_use => (FILE_STATEMENTS, Some("use")),
        org_decl | kw_org => (FILE_STATEMENTS, Some("org")),
        revision_decl | kw_revision => (FILE_STATEMENTS, Some("revision")),
        executive_decl | kw_executive => (FILE_STATEMENTS, Some("executive")),
        manager_decl | kw_manager => (FILE_STATEMENTS, Some("manager")),
        coe_decl | kw_coe => (FILE_STATEMENTS, Some("coe")),
        worker_decl | kw_worker => (FILE_STATEMENTS, Some("worker")),
        metric_decl | kw_metric => (FILE_STATEMENTS, Some("metric")),
        cycle | kw_cycle => (FILE_STATEMENTS, Some("cycle")),
        window | kw_window => (CYCLE_STATEMENTS, Some("window")),
        budget | kw_budget => (CYCLE_STATEMENTS, Some("budget")),
        direction | kw_direction => (CYCLE_STATEMENTS, Some("direction")),
        priority | kw_priority => (CYCLE_STATEMENTS, Some("priority")),
        align | kw_align => (CYCLE_STATEMENTS, Some("align")),
        resolve | kw_resolve => (CYCLE_STATEMENTS, Some("resolve")),
        to_block => (CYCLE_STATEMENTS, Some("to")),
        goal | kw_goal => (DIRECTIVES, Some("goal")),
        constraint | kw_constraint => (DIRECTIVES, Some("constraint")),
        outcome | kw_outcome => (DIRECTIVES, Some("outcome")),
        allocate | allocate_tech | kw_allocate => (DIRECTIVES, Some("allocate")),
        urgent | kw_urgent => (DIRECTIVES, Some("urgent")),
        refused | refused_head | refused_kw | statement_word => return None,
        header | kw_koom => ("`koom 1.0`", None),
        version => ("a version such as `1.0`", None),
        metric_unit | kw_unit => ("`unit`", Some("unit")),
        metric_better | kw_better => ("`better`", Some("better")),
        metric_baseline | kw_baseline => ("`baseline`", Some("baseline")),
        per_unit | kw_per => ("`per unit`", Some("per")),
        better_dir => ("`higher` or `lower`", None),
        calendar_id => ("a cycle id such as `2026-Q1`", None),
        cycle_dates | kw_from => ("`from`", Some("from")),
        rank => ("a rank such as `1`", None),
        escalation_id => ("an escalation id such as `ESC-7`", None),
        name_list | name | goal_id => ("a name", None),
        by_date | kw_by => ("`by`", Some("by")),
        keep | kw_keep => ("`keep`", Some("keep")),
        comparison => ("a comparison such as `>=`", None),
        change => ("a change such as `-12%`", None),
        sign => ("`+` or `-`", None),
        because | kw_because => ("`because`", Some("because")),
        ai | kw_ai => ("`ai`", Some("ai")),
        ai_use => ("an AI use such as `draft`", None),
        string | string_body => ("a quoted string", None),
        quantity | threshold | number => ("a number", None),
        percent => ("`%`", None),
        unit => ("a unit such as `crates/week`", None),
        date => ("a date such as `2026-03-31`", None),
        kw_to => ("`to`", Some("to")),
        kw_on => ("`on`", Some("on")),
        kw_for => ("`for`", Some("for")),
        kw_under => ("`under`", Some("under")),
        kw_tech => ("`tech`", Some("tech")),
        EOI => ("the end of the file", None),
        _ => return None,
    };
    Some((words, kw))
}

/// Build the E0001 diagnostic for a failed parse.
pub(super) fn syntax_error(file: FileId, text: &str, failure: super::Failure) -> Diagnostic {
    let pos = failure.pos;
    let positives = failure.rules;

    // What is at the error position.
    let rest = &text[pos..];
    if let Some(d) = unterminated_string(file, text, pos) {
        return d;
    }
    let found_len = if rest.is_empty() {
        0
    } else if rest.starts_with(|c: char| c.is_alphanumeric()) {
        rest.find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_' || c == '.' || c == '/'))
            .unwrap_or(rest.len())
    } else {
        rest.chars().next().map_or(0, char::len_utf8)
    };
    let found = &rest[..found_len];
    let span = Span::new(file, pos, pos + found_len);

    // What was expected, in words, without repeats.
    let mut phrases: Vec<&str> = Vec::new();
    let mut keywords: Vec<&str> = Vec::new();
    let at_statement = positives
        .iter()
        .any(|r| describe(*r).is_some_and(|(w, _)| w == CYCLE_STATEMENTS || w == DIRECTIVES));
    for rule in &positives {
        // `to` at the start of a statement opens a `to` block.
        let described = match rule {
            Rule::kw_to if at_statement => describe(Rule::to_block),
            _ => describe(*rule),
        };
        if let Some((words, kw)) = described {
            if !phrases.contains(&words) {
                phrases.push(words);
            }
            if let Some(kw) = kw {
                keywords.push(kw);
            }
        }
    }
    // A name cannot be what is missing where a name stands.
    if !found.is_empty() && found.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        phrases.retain(|p| *p != "a name");
    }
    let in_block = at_statement;
    // Directives are cycle statements too: say the wider thing once.
    if phrases.contains(&CYCLE_STATEMENTS) {
        phrases.retain(|p| *p != DIRECTIVES);
    }
    if phrases.contains(&FILE_STATEMENTS) || in_block {
        phrases.retain(|p| *p != "the end of the file");
    }
    let mut extra: Vec<String> = failure
        .punctuation
        .iter()
        .map(|token| format!("`{token}`"))
        .collect();
    if in_block && !extra.iter().any(|t| t == "`}`") {
        extra.push("`}`".to_owned());
    }
    extra.sort();
    let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
    phrases.extend(extra.iter().copied());
    let expected = match phrases.as_slice() {
        [] => "something else".to_owned(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    };
    let found_words = if found.is_empty() {
        "the end of the file".to_owned()
    } else {
        format!("`{found}`")
    };
    let mut d = Diagnostic::new(
        Code::E0001,
        format!("expected {expected}, found {found_words}"),
        Label::new(span, format!("expected {expected}")),
    );
    let is_word = !found.is_empty() && found.chars().all(|c| c.is_ascii_alphabetic());
    if is_word {
        if let Some(fix) = name_fix(span, found, keywords.iter().copied()) {
            return d.with_fix(fix);
        }
        if let Some(help) = out_of_place(found) {
            return d.with_help(help);
        }
    }
    let before = &text[..pos];
    if (found == ">" || found == "<") && before.ends_with('=') {
        let at = Span::new(file, pos - 1, pos + 1);
        return d.with_fix(Fix::replace(
            format!("did you mean `{found}=`?"),
            at,
            format!("{found}="),
            Applicability::Safe,
        ));
    }
    if found.is_empty() && in_block {
        if let Some(open) = unclosed_brace(text) {
            return Diagnostic::new(
                Code::E0001,
                "the file ends before this block is closed",
                Label::new(Span::new(file, open, open + 1), "this `{` is never closed"),
            )
            .with_label(span, "the file ends here")
            .with_help("close the block with `}` after its last statement");
        }
        d = d.with_help("close every `{` with a `}`");
    }
    d
}

/// The last `{` of the text that no `}` closes.
fn unclosed_brace(text: &str) -> Option<usize> {
    let mut open = Vec::new();
    for (_, start, end) in
        super::regions::regions(text).filter(|(k, _, _)| *k == super::regions::Region::Code)
    {
        for (i, b) in text[start..end].bytes().enumerate() {
            match b {
                b'{' => open.push(start + i),
                b'}' => {
                    open.pop();
                }
                _ => {}
            }
        }
    }
    open.last().copied()
}

/// A statement keyword used where it does not belong.
fn out_of_place(word: &str) -> Option<String> {
    let help = match word {
        "goal" | "constraint" | "outcome" | "allocate" | "urgent" | "priority" | "window"
        | "budget" | "direction" | "align" | "resolve" => {
            format!("`{word}` belongs inside a `cycle … {{ … }}` block")
        }
        "metric" | "manager" | "coe" | "worker" | "use" | "org" | "revision" | "executive" => {
            format!("`{word}` is a declaration: write it at file level, outside any cycle")
        }
        _ => return None,
    };
    Some(help)
}

/// E0001 for a string whose closing quote is missing on its line.
fn unterminated_string(file: FileId, text: &str, pos: usize) -> Option<Diagnostic> {
    let line_start = text[..pos].rfind('\n').map_or(0, |n| n + 1);
    let line_end = text[pos..].find('\n').map_or(text.len(), |n| pos + n);
    let line = &text[line_start..line_end];
    // Find an opening quote on this line with no closing one.
    let mut open: Option<usize> = None;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            '#' if open.is_none() => break,
            _ if escaped => escaped = false,
            '\\' if open.is_some() => escaped = true,
            '"' => open = if open.is_some() { None } else { Some(i) },
            _ => {}
        }
    }
    let at = line_start + open?;
    Some(
        Diagnostic::new(
            Code::E0001,
            "this string is not closed",
            Label::new(
                Span::new(file, at, line_end.max(at + 1)),
                "the string starts here and runs to the end of the line",
            ),
        )
        .with_help("strings are one line: end it with `\"` before the line ends"),
    )
}
