//! Syntax errors read as a user would: what was expected, in words, where.

use super::ast::*;
use super::*;

/// The first diagnostic's code, message and help for a text that fails.
fn diagnostic(text: &str) -> crate::diagnostic::Diagnostic {
    parse(FileId(0), text)
        .err()
        .and_then(|ds| ds.into_iter().next())
        .unwrap_or_else(|| panic!("parsed without error:\n{text}"))
}

/// The code, the message and the first help line (the help, or a fix's title).
fn error(text: &str) -> (String, String, Option<String>) {
    let d = diagnostic(text);
    let help = d.help_lines().next().map(str::to_owned);
    (d.code.to_string(), d.message, help)
}

/// The text after applying the diagnostic's first fix.
fn fixed(text: &str) -> String {
    let d = diagnostic(text);
    let fix = d.fixes.first().expect("a fix");
    let mut out = text.to_owned();
    for e in fix.edits.iter().rev() {
        out.replace_range(e.span.range(), &e.replacement);
    }
    out
}

fn in_cycle(line: &str) -> String {
    format!("koom 1.0\ncycle 2026-Q1 {{\n  {line}\n}}\n")
}

#[test]
fn accepts_every_form_of_the_spec() {
    let text = "koom 1.0
org \"Raccoons Inc.\"
revision 2026-01-02
executive \"Coco Raccoon\"
use \"shared/org.koom\"
manager operations \"Rita Ringtail\"
coe quality \"Quality CoE\"
coe audit
worker night-shift under operations
worker day-shift
metric overhead unit USD/month better lower baseline 480k
metric nps per unit
metric cost better lower unit EUR per unit baseline 1_200.5
cycle 2026-Q1 {
  window 2026-01-01 to 2026-01-09
  budget 300k USD
  direction \"Be reliable.\" because \"Churn is 4%.\" ai draft
  priority 1 overhead because \"Costs rose 8%.\"
  priority 2 q1-cost ai summarize
  align operations, quality on overhead
  resolve ESC-7 for operations, quality: \"Approve the overtime.\"
  urgent goal q1-cost: cost <= 1000 EUR by 2026-03-31 because \"x\" ai scenario
  goal nps > 40
  constraint overhead -12% keep cost, nps
  constraint overhead <= 400k USD/month
  constraint nps +2pp
  urgent constraint cost -40 EUR ai explore
  outcome \"Every shipment leaves within 24 hours.\" by 2026-03-01
  urgent outcome \"Variance must fall below 3%.\" by 2026-02-01 ai interpret
  allocate 180k USD to operations for overhead because \"Audit.\"
  allocate 4 people to quality
  allocate tech \"Forecasting\" to operations for q1-cost ai expand
  to operations, quality {
    goal overhead < 410k
    task \"Count pallets.\"
  }
  workflow intake {
    step one { nested }
  }
}
cycle launch from 2026-04-01 to 2026-05-31 { }
cycle 2026-H2 { }
cycle 2027 { }
standard labels
training forklift { weekly }
assign night-shift \"Recount\"
procedure x
process y
";
    let file = parse(FileId(0), text).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(file.items.len(), 21);
}

#[test]
fn a_misspelled_keyword_gets_a_did_you_mean() {
    let (code, message, help) = error(&in_cycle("gaol x >= 5"));
    assert_eq!(code, "E0001");
    assert!(
        message.starts_with("expected a cycle statement (`goal`, "),
        "{message}"
    );
    assert!(message.ends_with("or `}`, found `gaol`"), "{message}");
    assert_eq!(help.as_deref(), Some("did you mean `goal`?"));
    assert_eq!(fixed(&in_cycle("gaol x >= 5")), in_cycle("goal x >= 5"));
    let (_, message, help) = error("koom 1.0\nmetrc x\n");
    assert_eq!(message, "expected a declaration (`metric`, `manager`, `coe`, `worker`, `cycle`, `use`, …), found `metrc`");
    assert_eq!(help.as_deref(), Some("did you mean `metric`?"));
}

#[test]
fn expected_words_never_name_grammar_rules() {
    for (text, expected) in [
        (in_cycle("goal x >= }"), "expected a number, found `}`"),
        (
            in_cycle("window 2026-01-01 2026-01-02"),
            "expected `to`, found `2026-01-02`",
        ),
        (
            in_cycle("goal x 5"),
            "expected a comparison such as `>=` or `:`, found `5`",
        ),
        (
            in_cycle("priority first x"),
            "expected a rank such as `1`, found `first`",
        ),
        (
            "koom 1.0\nmetric x better sideways\n".to_owned(),
            "expected `higher` or `lower`, found `sideways`",
        ),
        (
            "koom 1.0\ncycle q1 2026 {\n}\n".to_owned(),
            "expected `from` or `{`, found `2026`",
        ),
        (
            in_cycle("to ops logistics { }"),
            "expected `,` or `{`, found `logistics`",
        ),
        (
            in_cycle("resolve ESC-1 for ops \"x\""),
            "expected `,` or `:`, found `\"`",
        ),
    ] {
        let (code, message, _) = error(&text);
        assert_eq!(code, "E0001");
        // Rule names are snake_case identifiers; the words never contain one.
        assert!(!message.contains('_'), "{message}");
        assert_eq!(message, expected, "for:\n{text}");
    }
}

#[test]
fn arrows_and_unclosed_things_get_specific_help() {
    let (_, _, help) = error(&in_cycle("goal x => 5"));
    assert_eq!(help.as_deref(), Some("did you mean `>=`?"));
    assert_eq!(fixed(&in_cycle("goal x => 5")), in_cycle("goal x >= 5"));
    let (_, message, _) = error(&in_cycle("outcome \"abc"));
    assert_eq!(message, "this string is not closed");
    let (_, message, help) = error("koom 1.0\ncycle 2026-Q1 {\n  goal x >= 5\n");
    assert_eq!(message, "the file ends before this block is closed");
    assert_eq!(
        help.as_deref(),
        Some("close the block with `}` after its last statement")
    );
    let (_, _, help) = error("koom 1.0\ngoal x >= 5\n");
    assert_eq!(
        help.as_deref(),
        Some("`goal` belongs inside a `cycle … { … }` block")
    );
}

#[test]
fn header_problems_are_e0002_and_nothing_else() {
    for (text, message) in [
        ("", "missing `koom` version header: the file is empty"),
        (
            "# only a comment\n",
            "missing `koom` version header: the file is empty",
        ),
        (
            "org \"x\"\ngaol\n",
            "missing `koom` version header: the file starts with `org`",
        ),
        ("koom 2.0\n", "unsupported KOOM version `2.0`"),
        ("koom\norg \"x\"\n", "unsupported KOOM version `org`"),
        ("koom\n", "the `koom` header names no version"),
    ] {
        let errors = parse(FileId(0), text).expect_err(text);
        assert_eq!(errors.len(), 1, "{text}");
        assert_eq!(errors[0].code.to_string(), "E0002");
        assert_eq!(errors[0].message, message);
    }
}

#[test]
fn every_literal_error_is_e0003_with_the_reason() {
    for (line, message) in [
        (
            "goal x >= 5 by 2026-02-30",
            "`2026-02-30` is not a date: February 2026 has 28 days",
        ),
        (
            "goal x >= 5 by 2026-13-01",
            "`2026-13-01` is not a date: there is no month 13",
        ),
        ("goal x >= 12kk", "malformed number `12kk`"),
        ("goal x >= 1300crates", "malformed number `1300crates`"),
        ("goal x >= 5 crates//week", "malformed unit `crates//week`"),
        (
            "goal x >= 5pp",
            "`5pp`: percentage points (`pp`) are only for changes",
        ),
        ("outcome \"a \\n b\"", "unknown escape `\\n` in a string"),
        ("priority 0 x", "`0` is not a priority rank"),
    ] {
        let (code, m, _) = error(&in_cycle(line));
        assert_eq!((code.as_str(), m.as_str()), ("E0003", message), "{line}");
    }
    let (code, m, _) = error("koom 1.0\ncycle 2026-Q7 {\n}\n");
    assert_eq!(
        (code.as_str(), m.as_str()),
        ("E0003", "malformed cycle id `2026-Q7`")
    );
}

fn all_errors(text: &str) -> Vec<String> {
    parse(FileId(0), text)
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|d| format!("{} {}", d.code, d.message))
        .collect()
}

#[test]
fn every_syntax_error_is_reported_once_per_statement() {
    let text = "koom 1.0\nmetric a unit x better sideways\nmetric b unit y\ncycle 2026-Q1 {\n  goal b => 5\n  goal b >= 5\n  priority first b\n}\n";
    let errors = all_errors(text);
    assert_eq!(
        errors,
        [
            "E0001 expected `higher` or `lower`, found `sideways`",
            "E0001 expected a number, found `>`",
            "E0001 expected a rank such as `1`, found `first`",
        ],
        "{errors:#?}"
    );
}

#[test]
fn a_broken_block_head_still_has_its_statements_read() {
    let text =
        "koom 1.0\ncycle 2026-Q1 {\n  to ops logistics {\n    goal x >= \n  }\n  priority 1 x\n}\n";
    let errors = all_errors(text);
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert_eq!(errors[0], "E0001 expected `,` or `{`, found `logistics`");
    assert!(
        errors[1].starts_with("E0001 expected a number"),
        "{errors:#?}"
    );
}

#[test]
fn a_multi_line_statement_gives_one_error_not_one_per_line() {
    let text = "koom 1.0\nmetric a\n  unit x\n  better sideways\n  baseline 5\nmetric b unit y\n";
    assert_eq!(all_errors(text).len(), 1);
}

#[test]
fn statements_may_share_a_line_and_thresholds_may_be_negative() {
    let text = "koom 1.0\nmetric cash unit USD/month\ncycle 2026-Q1 { goal cash >= -200k USD/month goal cash <= 5m }\n";
    let file = parse(FileId(0), text).unwrap_or_else(|e| panic!("{e:#?}"));
    let ItemKind::Cycle(cycle) = &file.items[1].node else {
        panic!("a cycle")
    };
    assert_eq!(cycle.items.len(), 2);
    let CycleItemKind::Directive(Directive {
        kind: DirectiveKind::Goal { value, .. },
        ..
    }) = &cycle.items[0].node
    else {
        panic!("a goal")
    };
    assert_eq!(value.value, rust_decimal::Decimal::from(-200_000));
}

#[test]
fn refused_blocks_are_matched_in_linear_time_without_recursion() {
    // Braces inside a string or a comment do not count; deep or unclosed
    // blocks are errors, found in one pass (these took exponential time or
    // overflowed the stack when pest matched the braces).
    let deep = format!("koom 1.0\ntask {}\n", "{".repeat(30_000));
    let start = std::time::Instant::now();
    assert_eq!(all_errors(&deep), ["E0001 blocks nested more than 32 deep"]);
    let unclosed = format!("koom 1.0\ntask {}\n", "{".repeat(24));
    assert_eq!(all_errors(&unclosed), ["E0001 this block is never closed"]);
    let in_string = format!("koom 1.0\ntask \"{}\n", "{".repeat(30_000));
    assert_eq!(all_errors(&in_string), ["E0001 this string is not closed"]);
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    let fine = "koom 1.0\nworkflow intake { step \"a } b\" # }\n  { nested }\n}\nmetric m\n";
    let file = parse(FileId(0), fine).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(file.items.len(), 2);
}

/// Every `.koom` file under `examples/`, recursively.
fn example_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("examples").flatten() {
        let path = entry.path();
        if path.is_dir() {
            example_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "koom") {
            out.push(path);
        }
    }
}

#[test]
fn the_statement_reader_follows_the_whole_file_grammar() {
    // `grammar/koom.pest`'s `file` rule states the syntax; the reader parses
    // statement by statement. On every example both agree on whether the
    // file is free of syntax errors.
    let mut files = Vec::new();
    example_files(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"),
        &mut files,
    );
    assert!(files.len() > 40, "{} examples", files.len());
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // the not-UTF-8 example
        };
        let whole = KoomParser::parse(Rule::file, &text).is_ok();
        let (_, errors) = parse_recovering(FileId(0), &text);
        let syntax_errors = errors
            .iter()
            .any(|d| matches!(d.code, Code::E0001 | Code::E0002));
        assert_eq!(whole, !syntax_errors, "{}: {errors:#?}", path.display());
    }
}

/// The first help line and the text after the first fix.
fn help_and_fix(text: &str) -> (String, Option<String>) {
    let d = diagnostic(text);
    let help = d.help_lines().next().map(str::to_owned).unwrap_or_default();
    let fixed = (!d.fixes.is_empty()).then(|| fixed(text));
    (help, fixed)
}

#[test]
fn every_syntax_error_says_what_to_write() {
    let cases = [
        ("outcome 'Quality must drop below 3%.'", "strings are in double quotes: `\"Quality must drop below 3%.\"`", Some("outcome \"Quality must drop below 3%.\"")),
        ("goal x >= 5 because NPS fell", "put the text in double quotes: `\"NPS fell\"`", Some("goal x >= 5 because \"NPS fell\"")),
        ("goal x >= 5 by 03/31/2026", "write dates as `YYYY-MM-DD`: `2026-03-31`", Some("goal x >= 5 by 2026-03-31")),
        ("goal x >= 5 by 31.03.2026", "write dates as `YYYY-MM-DD`: `2026-03-31`", Some("goal x >= 5 by 2026-03-31")),
        ("to ground ops { goal x >= 5 }", "names have no spaces: `ground-ops`, or separate names with `,`", Some("to ground-ops { goal x >= 5 }")),
        ("budget -5k USD", "budgets and allocations are amounts of zero or more; a negative number goes after a comparator (`goal net-cash-flow >= -200k USD/month`) or in a baseline", None),
        ("goal x >= 5 by 2026-03-31 kep", "write it as `goal [ID:] METRIC CMP QUANTITY [by DATE]`, e.g. `goal throughput >= 1300 crates/week by 2026-03-31`; `because \"…\"` and `ai USE` may end it", None),
    ];
    for (line, help, fix) in cases {
        let (got_help, got_fix) = help_and_fix(&in_cycle(line));
        assert_eq!(got_help, help, "for {line}");
        assert_eq!(got_fix, fix.map(in_cycle), "for {line}");
    }
    let (help, fixed) = help_and_fix("koom 1.0\nmetric x better higer\n");
    assert_eq!(help, "did you mean `higher`?");
    assert_eq!(fixed.as_deref(), Some("koom 1.0\nmetric x better higher\n"));
}

#[test]
fn no_syntax_error_is_without_a_help_line() {
    let bad = [
        "goal",
        "goal x",
        "goal x >=",
        "goal x >= 5 by",
        "constraint x",
        "priority",
        "priority 1",
        "window 2026-01-01",
        "align a",
        "align a on",
        "resolve ESC-1",
        "resolve ESC-1 for a",
        "allocate 5 USD",
        "allocate 5 USD to",
        "allocate tech",
        "to {",
        "outcome",
        "direction",
        "budget",
        "urgent",
        "}",
        "#",
        "goal x >= 5 5",
        "cycle 2026-Q2 {",
    ];
    for line in bad {
        let text = in_cycle(line);
        for d in parse(FileId(0), &text).err().unwrap_or_default() {
            assert!(d.help_lines().next().is_some(), "no help for {line}: {d:?}");
        }
    }
    for text in [
        "koom 1.0\nmetric\n",
        "koom 1.0\nmanager\n",
        "koom 1.0\nfoo\n",
        "koom 1.0\ncycle {\n}\n",
        "koom 1.0\nuse\n",
        "koom 1.0\nrevision\n",
    ] {
        for d in parse(FileId(0), text).err().unwrap_or_default() {
            assert!(d.help_lines().next().is_some(), "no help for {text}: {d:?}");
        }
    }
}

#[test]
fn the_keyword_rule_reserves_exactly_the_keywords() {
    use pest::Parser;
    let whole = |word: &str| {
        super::KoomParser::parse(super::Rule::keyword, word)
            .is_ok_and(|mut pairs| pairs.next().is_some_and(|p| p.as_str() == word))
    };
    for keyword in super::KEYWORDS {
        assert!(
            whole(keyword),
            "`{keyword}` is not refused as a name or unit"
        );
        for near in [
            format!("{keyword}s"),
            format!("{keyword}-x"),
            keyword[..keyword.len() - 1].to_owned(),
        ] {
            assert!(
                super::KEYWORDS.contains(&near.as_str()) || !whole(&near),
                "`{near}` is taken for a keyword"
            );
        }
    }
    for word in ["USD", "people", "crates/week", "t", "o", "bye", "tox"] {
        assert!(!whole(word), "`{word}` is taken for a keyword");
    }
}

/// Every example (and a few files with mistakes) read in parts, cut at every
/// top-level statement, gives the AST and the errors of one sequential read,
/// spans included.
#[test]
fn reading_in_parts_is_reading_in_one_pass() {
    let texts = texts_to_read();
    let file = crate::source::FileId(0);
    let read = texts
        .iter()
        .filter(|t| super::check_header(file, t).is_ok())
        .count();
    assert!(read > 20, "the examples with a header");
    for text in &texts {
        if let Err(why) = super::parts_agree_with_one_pass(text) {
            panic!("{text}\n{why}");
        }
    }
}

/// Every example, and a few files with mistakes.
fn texts_to_read() -> Vec<String> {
    let mut texts: Vec<String> = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples"
    ))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("examples").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "koom") {
                // (Some examples are not UTF-8, on purpose.)
                texts.extend(std::fs::read_to_string(&path).ok());
            }
        }
    }
    assert!(texts.len() > 20, "the examples");
    let clean = "koom 1.0\nmetric a unit USD\ncycle 2026-Q1 {\n  goal a <= 5 USD\n}\nmetric b\n";
    texts.push(clean.to_owned());
    texts.push(clean.replace("<= 5", "<== 5"));
    texts.push(clean.replace("metric b", "metric b }"));
    texts.push(clean.replace("  goal", "metric c\n  goal"));
    texts
}

/// The language server's reading after an edit (`Reparse`) gives what a
/// reading from nothing gives, spans and errors included: every example,
/// with a character typed, or one taken out, at place after place, each
/// edit read after the one before, under another file id by turns.
#[test]
fn reading_again_after_an_edit_is_reading_from_nothing() {
    let mut reparse = super::Reparse::default();
    for (n, text) in texts_to_read().iter().enumerate() {
        let path = std::path::PathBuf::from(format!("file-{n}.koom"));
        let places = (0..text.len())
            .step_by(53)
            .filter(|&i| text.is_char_boundary(i));
        for (k, at) in places.enumerate() {
            let next = text[at..].chars().next().map_or(0, char::len_utf8);
            let edited = match k % 3 {
                0 => format!("{}x{}", &text[..at], &text[at..]),
                1 => format!("{}{}", &text[..at], &text[at + next..]),
                _ => format!("{}\n{}", &text[..at], &text[at..]),
            };
            let file = crate::source::FileId((k % 2) as u32);
            let whole = super::parse_recovering(file, &edited);
            let again = reparse.read(&path, file, &edited);
            assert_eq!(format!("{whole:?}"), format!("{again:?}"), "{edited}");
            // What the read kept, under the other file id, is a reading of
            // the same text there; nothing is kept of a text with a mistake.
            let other = crate::source::FileId(1 - file.0);
            let kept = reparse.kept(&path, other, &edited);
            match whole.1.is_empty() {
                true => assert_eq!(
                    format!("{:?}", kept),
                    format!("{:?}", Some(super::parse_recovering(other, &edited).0)),
                    "{edited}"
                ),
                false => assert!(kept.is_none(), "{edited}"),
            }
        }
    }
}

/// After an edit, only the part it touched is read again: the others are
/// moved where they now stand.
#[test]
fn only_the_statements_an_edit_touched_are_read_again() {
    let mut text = String::from("koom 1.0\n");
    for i in 0..200 {
        text.push_str(&format!("metric m{i} unit USD\n"));
    }
    text.push_str("cycle 2026-Q1 {\n  goal m7 <= 5 USD\n}\n");
    let path = std::path::Path::new("plan.koom");
    let file = crate::source::FileId(0);
    let mut reparse = super::Reparse::default();
    let (_, first) = reparse.read_counting(path, file, &text);
    assert_eq!((first.parts, first.of), (202, 202));
    let edited = text.replace("metric m100 unit USD", "metric m100 unit EUR");
    let (read, again) = reparse.read_counting(path, file, &edited);
    assert_eq!((again.parts, again.of), (1, 202));
    assert_eq!(
        format!("{read:?}"),
        format!("{:?}", super::parse_recovering(file, &edited))
    );
    // A line inserted near the top moves every statement after it.
    let moved = edited.replacen("metric m1 ", "metric m1x ", 1);
    let (read, again) = reparse.read_counting(path, file, &moved);
    assert_eq!(again.parts, 1);
    assert_eq!(
        format!("{read:?}"),
        format!("{:?}", super::parse_recovering(file, &moved))
    );
}

/// A mistake inside a block written on one line ends at that line's `}`:
/// the block closes there, and the cycle around it is not reported as left
/// open (one mistake, one diagnostic).
#[test]
fn a_mistake_in_a_one_line_block_keeps_its_closing_brace() {
    let text =
        "koom 1.0\ncycle 2026-Q1 {\n  to ops { goal t >= 1300 by 03/31/2026 }\n  priority 1 t\n}\n";
    let (file, errors) = super::parse_recovering(crate::source::FileId(0), text);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].message.contains("found `/`"),
        "{}",
        errors[0].message
    );
    // The statement after the one-line block is still read, inside the cycle.
    assert!(format!("{file:?}").contains("Priority"), "{file:?}");
}
