//! Every code's explanation: its wrong example produces exactly that code, its
//! right example compiles clean.

use std::collections::BTreeSet;

use koomc::diagnostic::Code;

/// Codes whose checks exist so far; the others' examples wait for their issue.
const IMPLEMENTED: &[Code] = &[
    Code::E0001,
    Code::E0002,
    Code::E0003,
    Code::E0004,
    Code::E0005,
    Code::E0006,
    Code::E0101,
    Code::E0102,
    Code::E0103,
    Code::E0104,
    Code::E0202,
    Code::E0203,
    Code::E0204,
    Code::E0304,
    Code::E0305,
    Code::E0401,
    Code::E0402,
    Code::E0403,
    Code::E0201,
    Code::E0301,
    Code::E0302,
    Code::E0303,
    Code::E0306,
    Code::E0501,
    Code::E0502,
    Code::E0503,
    Code::E0504,
    Code::E0601,
    Code::E0602,
    Code::E0603,
    Code::E0604,
    Code::E0801,
];

/// The first ```koom block after `heading`.
fn block(text: &str, heading: &str) -> Option<String> {
    let after = &text[text.find(heading)? + heading.len()..];
    let start = after.find("```koom\n")? + "```koom\n".len();
    let end = after[start..].find("```")? + start;
    Some(after[start..end].to_owned())
}

fn codes_of(source: &str) -> BTreeSet<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("plans")).expect("plans/");
    let main = dir.path().join("main.koom");
    std::fs::write(&main, source).expect("write");
    koomc::compile(&[main])
        .diagnostics
        .iter()
        .map(|d| d.code.to_string())
        .collect()
}

#[test]
fn wrong_examples_produce_exactly_their_code() {
    for code in IMPLEMENTED {
        let text = code.explanation();
        let wrong =
            block(text, "## Wrong").unwrap_or_else(|| panic!("{code} has no wrong example"));
        let found = codes_of(&wrong);
        assert_eq!(
            found,
            BTreeSet::from([code.to_string()]),
            "{code}'s wrong example:\n{wrong}"
        );
    }
}

#[test]
fn right_examples_compile_clean() {
    for code in IMPLEMENTED {
        let text = code.explanation();
        let right =
            block(text, "## Right").unwrap_or_else(|| panic!("{code} has no right example"));
        let found = codes_of(&right);
        assert!(
            found.is_empty(),
            "{code}'s right example gives {found:?}:\n{right}"
        );
    }
}

#[test]
fn every_code_is_explained() {
    for code in Code::ALL {
        let text = code.explanation();
        assert!(text.starts_with(&format!("# {code}: ")), "{code}");
        assert!(text.contains("Rule:"), "{code} states no rule");
        assert!(text.contains("Seed:"), "{code} cites no seed section");
        assert!(
            text.contains("## Wrong") && text.contains("## Right"),
            "{code} lacks examples"
        );
    }
}
