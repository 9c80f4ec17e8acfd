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

/// Build the E0001 diagnostic for a failed parse: what was expected, in
/// words, what was found, and a help line that says what to write.
pub(super) fn syntax_error(file: FileId, text: &str, failure: super::Failure) -> Diagnostic {
    if let Some(d) = unterminated_string(file, text, failure.pos) {
        return d;
    }
    let (found, span) = found_at(file, text, failure.pos);
    let expected = Expected::of(&failure, found);
    let found_words = if found.is_empty() {
        "the end of the file".to_owned()
    } else {
        format!("`{found}`")
    };
    let d = Diagnostic::new(
        Code::E0001,
        format!("expected {}, found {found_words}", expected.words),
        Label::new(span, format!("expected {}", expected.words)),
    );
    let at = At {
        file,
        text,
        pos: failure.pos,
        found,
        span,
    };
    match advice(&at, &expected) {
        Some(Advice::Fix(fix)) => d.with_fix(fix),
        Some(Advice::Help(help)) => d.with_help(help),
        None => d.with_help(form(failure.statement, expected.in_block)),
    }
}

/// The token at `pos`: a word (with `-_./`), or one character.
fn found_at(file: FileId, text: &str, pos: usize) -> (&str, Span) {
    let rest = &text[pos..];
    let len = if rest.is_empty() {
        0
    } else if rest.starts_with(|c: char| c.is_alphanumeric()) {
        rest.find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_' || c == '.' || c == '/'))
            .unwrap_or(rest.len())
    } else {
        rest.chars().next().map_or(0, char::len_utf8)
    };
    (&rest[..len], Span::new(file, pos, pos + len))
}

/// Where the error is, and what is there.
struct At<'a> {
    file: FileId,
    text: &'a str,
    pos: usize,
    found: &'a str,
    span: Span,
}

/// What could have come, in words.
struct Expected {
    words: String,
    phrases: Vec<&'static str>,
    /// The keywords of the rules that could have come (for did-you-mean).
    keywords: Vec<&'static str>,
    in_block: bool,
}

impl Expected {
    fn of(failure: &super::Failure, found: &str) -> Expected {
        let positives = &failure.rules;
        let mut phrases: Vec<&'static str> = Vec::new();
        let mut keywords: Vec<&'static str> = Vec::new();
        let at_statement = positives
            .iter()
            .any(|r| describe(*r).is_some_and(|(w, _)| w == CYCLE_STATEMENTS || w == DIRECTIVES));
        // Where a statement has ended (pest tried the end of the file), a
        // `}` inside a block could come too.
        let at_end = positives.contains(&Rule::EOI);
        let in_block = at_statement || (failure.in_block && at_end);
        for rule in positives {
            // `to` at the start of a statement opens a `to` block.
            let described = match rule {
                Rule::kw_to if at_statement => describe(Rule::to_block),
                _ => describe(*rule),
            };
            if let Some((words, kw)) = described {
                if !phrases.contains(&words) {
                    phrases.push(words);
                }
                keywords.extend(kw);
            }
        }
        // A name cannot be what is missing where a name stands.
        if !found.is_empty() && found.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            phrases.retain(|p| *p != "a name");
        }
        // Directives are cycle statements too: say the wider thing once.
        if phrases.contains(&CYCLE_STATEMENTS) {
            phrases.retain(|p| *p != DIRECTIVES);
        }
        if phrases.contains(&FILE_STATEMENTS) || in_block || failure.in_block {
            phrases.retain(|p| *p != "the end of the file");
        }
        let mut extra: Vec<String> = failure
            .punctuation
            .iter()
            .map(|t| format!("`{t}`"))
            .collect();
        if in_block && !extra.iter().any(|t| t == "`}`") {
            extra.push("`}`".to_owned());
        }
        extra.sort();
        let mut all: Vec<&str> = phrases.clone();
        all.extend(extra.iter().map(String::as_str));
        let words = match all.as_slice() {
            [] => "something else".to_owned(),
            [one] => (*one).to_owned(),
            [init @ .., last] => format!("{} or {}", init.join(", "), last),
        };
        Expected {
            words,
            phrases,
            keywords,
            in_block,
        }
    }

    fn wants(&self, phrase: &str) -> bool {
        self.phrases.contains(&phrase)
    }
}

/// What to tell the author beyond what was expected.
enum Advice {
    Fix(Fix),
    Help(String),
}

/// The first piece of advice that fits, most specific first.
fn advice(at: &At, expected: &Expected) -> Option<Advice> {
    let found = at.found;
    let is_word = !found.is_empty() && found.chars().all(|c| c.is_ascii_alphabetic());
    if is_word {
        let values = expected.keywords.iter().copied().chain(
            expected
                .wants("`higher` or `lower`")
                .then_some(["higher", "lower"])
                .into_iter()
                .flatten(),
        );
        if let Some(fix) = name_fix(at.span, found, values) {
            return Some(Advice::Fix(fix));
        }
        if let Some(help) = out_of_place(found) {
            return Some(Advice::Help(help));
        }
    }
    arrow(at)
        .or_else(|| single_quotes(at, expected))
        .or_else(|| unquoted_text(at, expected))
        .or_else(|| other_date(at))
        .or_else(|| spaced_name(at, expected))
        .or_else(|| unsigned(at, expected))
}

/// `=>` for `>=`, `=<` for `<=`.
fn arrow(at: &At) -> Option<Advice> {
    let found = at.found;
    if !((found == ">" || found == "<") && at.text[..at.pos].ends_with('=')) {
        return None;
    }
    Some(Advice::Fix(Fix::replace(
        format!("did you mean `{found}=`?"),
        Span::new(at.file, at.pos - 1, at.pos + 1),
        format!("{found}="),
        Applicability::Safe,
    )))
}

/// The end of the line at `pos`, before a comment.
fn line_rest(text: &str, pos: usize) -> &str {
    let line = &text[pos..text[pos..].find('\n').map_or(text.len(), |n| pos + n)];
    line.split(" #").next().unwrap_or(line).trim_end()
}

/// `'…'` where a string goes: strings are in double quotes.
fn single_quotes(at: &At, expected: &Expected) -> Option<Advice> {
    if at.found != "'" || !expected.wants("a quoted string") {
        return None;
    }
    let rest = line_rest(at.text, at.pos);
    let close = rest[1..].find('\'')? + 1;
    let inner = &rest[1..close];
    Some(Advice::Fix(Fix::replace(
        format!("strings are in double quotes: `\"{inner}\"`"),
        Span::new(at.file, at.pos, at.pos + close + 1),
        format!("\"{}\"", inner.replace('"', "\\\"")),
        Applicability::Safe,
    )))
}

/// `because NPS fell`: the words of a string without their quotes.
fn unquoted_text(at: &At, expected: &Expected) -> Option<Advice> {
    if !expected.wants("a quoted string") || !at.found.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let rest = line_rest(at.text, at.pos);
    let words = rest.split(" ai ").next().unwrap_or(rest).trim_end();
    Some(Advice::Fix(Fix::replace(
        format!("put the text in double quotes: `\"{words}\"`"),
        Span::new(at.file, at.pos, at.pos + words.len()),
        format!("\"{}\"", words.replace('"', "\\\"")),
        Applicability::Unsafe,
    )))
}

/// `03/31/2026` or `31.03.2026` where a date goes: dates are `YYYY-MM-DD`.
fn other_date(at: &At) -> Option<Advice> {
    let text = at.text;
    let is_part = |c: char| c.is_ascii_digit() || c == '/' || c == '.';
    let start = text[..at.pos]
        .rfind(|c: char| !is_part(c))
        .map_or(0, |i| i + 1);
    let end = text[at.pos..]
        .find(|c: char| !is_part(c))
        .map_or(text.len(), |n| at.pos + n);
    let token = &text[start..end];
    let (sep, us) = if token.contains('/') {
        ('/', true)
    } else {
        ('.', false)
    };
    let parts: Vec<u32> = token
        .split(sep)
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [a, b, year] = parts[..] else { return None };
    if !(1000..=9999).contains(&year) {
        return None;
    }
    // `/` is month first (US), `.` day first; a first part above 12 is a day.
    let (month, day) = match (us, a > 12, b > 12) {
        (true, false, _) | (false, _, true) => (a, b),
        _ => (b, a),
    };
    let iso = format!("{year}-{month:02}-{day:02}");
    let ambiguous = a <= 12 && b <= 12 && a != b;
    Some(Advice::Fix(Fix::replace(
        format!("write dates as `YYYY-MM-DD`: `{iso}`"),
        Span::new(at.file, start, end),
        iso,
        if ambiguous {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        },
    )))
}

/// `to ground ops {`: a name written with a space.
fn spaced_name(at: &At, expected: &Expected) -> Option<Advice> {
    let found = at.found;
    if found.is_empty()
        || !found.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        || !expected.words.contains("`,`")
    {
        return None;
    }
    let before = at.text[..at.pos].trim_end_matches([' ', '\t']);
    let start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .map_or(0, |i| i + 1);
    let previous = &before[start..];
    if previous.is_empty() || crate::syntax::is_keyword(previous) {
        return None;
    }
    let joined = format!("{previous}-{found}");
    Some(Advice::Fix(Fix::replace(
        format!("names have no spaces: `{joined}`, or separate names with `,`"),
        Span::new(at.file, start, at.pos + found.len()),
        joined,
        Applicability::Unsafe,
    )))
}

/// `budget -5k USD`: amounts are not negative; only thresholds are.
fn unsigned(at: &At, expected: &Expected) -> Option<Advice> {
    (at.found == "-" && expected.wants("a number")).then(|| {
        Advice::Help("budgets and allocations are amounts of zero or more; a negative number goes after a comparator (`goal net-cash-flow >= -200k USD/month`) or in a baseline".to_owned())
    })
}

/// How the statement being parsed is written, or what may start one.
fn form(statement: Option<Rule>, in_block: bool) -> String {
    use Rule::*;
    let form = match statement {
        Some(header) => "`koom 1.0`",
        Some(use_decl) => "`use \"shared/org.koom\"`",
        Some(org_decl) => "`org \"Name\"`",
        Some(revision_decl) => "`revision 2026-01-02`",
        Some(executive_decl) => "`executive \"Name\"`",
        Some(manager_decl) => "`manager ID \"Lead\"`",
        Some(coe_decl) => "`coe ID \"Lead\"`",
        Some(worker_decl) => "`worker ID under MANAGER`",
        Some(metric_decl) => "`metric ID unit UNIT better higher|lower baseline QUANTITY [per unit]`",
        Some(cycle_head) => "`cycle 2026-Q1 {` or `cycle NAME from DATE to DATE {`",
        Some(window) => "`window DATE to DATE`",
        Some(budget) => "`budget QUANTITY`, e.g. `budget 300k USD`",
        Some(direction) => "`direction \"…\"`",
        Some(priority) => "`priority N TARGET`, e.g. `priority 1 throughput`",
        Some(align) => "`align UNIT, UNIT on METRIC`",
        Some(resolve) => "`resolve ESC-7 for UNIT, UNIT: \"decision\"`",
        Some(to_head) => "`to UNIT, UNIT {`",
        Some(goal) => "`goal [ID:] METRIC CMP QUANTITY [by DATE]`, e.g. `goal throughput >= 1300 crates/week by 2026-03-31`",
        Some(constraint) => "`constraint METRIC -12% [keep METRIC, …]` or `constraint METRIC <= QUANTITY`",
        Some(outcome) => "`outcome \"… must … by …\" [by DATE]`",
        Some(allocate) => "`allocate QUANTITY to UNIT [for TARGET]`, e.g. `allocate 180k USD to operations for throughput`",
        Some(allocate_tech) => "`allocate tech \"…\" to UNIT [for TARGET]`",
        Some(refused_head) => "a refused form and the rest of its line, or a `{ … }` block",
        _ if in_block => return "start the line with a statement (`goal`, `constraint`, `outcome`, `priority`, `to`, `allocate`, …), or close the block with `}`".to_owned(),
        _ => return "start the line with a declaration (`metric`, `manager`, `coe`, `worker`, `cycle`, `use`, …)".to_owned(),
    };
    let annotated = matches!(
        statement,
        Some(
            window
                | budget
                | direction
                | priority
                | align
                | goal
                | constraint
                | outcome
                | allocate
                | allocate_tech
        )
    );
    if annotated {
        format!("write it as {form}; `because \"…\"` and `ai USE` may end it")
    } else {
        format!("write it as {form}")
    }
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
