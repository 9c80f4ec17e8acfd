//! The tree-sitter grammar (`editors/tree-sitter-koom`) stays in step with the
//! pest grammar of record (`grammar/koom.pest`):
//!
//! - its keywords are exactly the words of pest's `keyword` rule, and its
//!   refused words those of pest's `refused_kw`;
//! - every statement rule of pest has a counterpart node (the table
//!   `STATEMENTS` below; a new statement rule in pest fails until it is
//!   mapped);
//! - the committed parser was generated from the current `grammar.js`: every
//!   rule of `grammar.js` is in `src/grammar.json`, every keyword is in
//!   `src/grammar.json` and `src/parser.c`, and the parser has the ABI that
//!   Neovim 0.7 loads. (`editors/tree-sitter-koom/test.sh` regenerates the
//!   parser and compares it byte for byte; this test needs no tree-sitter CLI.)

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde_json::Value;

/// pest statement rule → (tree-sitter node, the keyword that starts it).
/// manager, coe and worker units are one node, `unit_declaration`, told
/// apart by its `layer:` field.
const STATEMENTS: &[(&str, &str, &str)] = &[
    ("use_decl", "use_declaration", "use"),
    ("org_decl", "org_declaration", "org"),
    ("revision_decl", "revision_declaration", "revision"),
    ("executive_decl", "executive_declaration", "executive"),
    ("manager_decl", "unit_declaration", "manager"),
    ("coe_decl", "unit_declaration", "coe"),
    ("worker_decl", "unit_declaration", "worker"),
    ("metric_decl", "metric_declaration", "metric"),
    ("cycle_head", "cycle", "cycle"),
    ("window", "window", "window"),
    ("budget", "budget", "budget"),
    ("direction", "direction", "direction"),
    ("priority", "priority", "priority"),
    ("align", "align", "align"),
    ("resolve", "resolve", "resolve"),
    ("to_head", "to_block", "to"),
    ("goal", "goal", "goal"),
    ("constraint", "constraint", "constraint"),
    ("outcome", "outcome", "outcome"),
    ("allocate", "allocate", "allocate"),
    ("allocate_tech", "allocate_tech", "tech"),
    ("refused_head", "refused", "task"),
];

/// The statement rules that do not end in `_decl`: those koomc's statement
/// reader parses (a block by its head).
const OTHER_STATEMENT_RULES: &[&str] = &[
    "cycle_head",
    "window",
    "budget",
    "direction",
    "priority",
    "align",
    "resolve",
    "to_head",
    "goal",
    "constraint",
    "outcome",
    "allocate",
    "allocate_tech",
    "refused_head",
];

fn path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(path(relative))
        .unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
}

const GRAMMAR_DIR: &str = "editors/tree-sitter-koom";

fn grammar_json() -> Value {
    let text = read(&format!("{GRAMMAR_DIR}/src/grammar.json"));
    serde_json::from_str(&text).expect("src/grammar.json is JSON")
}

/// The pest rules: name → (modifier, body). The modifier is the character
/// before `{` (`_` silent, `@` atomic, `$` compound, `!` non-atomic), or none.
fn pest_rules() -> BTreeMap<String, (Option<char>, String)> {
    let pest = read("grammar/koom.pest");
    let mut rules = BTreeMap::new();
    let mut current: Option<(String, Option<char>, String)> = None;
    for line in pest.lines() {
        let code = line.split("//").next().unwrap_or("");
        let starts_rule = !line.starts_with(char::is_whitespace)
            && code.contains('=')
            && code.split('=').next().is_some_and(|n| {
                let n = n.trim();
                !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            });
        if starts_rule {
            if let Some((name, modifier, body)) = current.take() {
                rules.insert(name, (modifier, body));
            }
            let (name, rest) = code.split_once('=').expect("a rule");
            let rest = rest.trim_start();
            let modifier = rest.chars().next().filter(|c| "_@$!".contains(*c));
            current = Some((name.trim().to_owned(), modifier, rest.to_owned()));
        } else if let Some((_, _, body)) = current.as_mut() {
            body.push('\n');
            body.push_str(code);
        }
    }
    if let Some((name, modifier, body)) = current {
        rules.insert(name, (modifier, body));
    }
    assert!(
        rules.contains_key("file") && rules.contains_key("keyword"),
        "could not read the rules of grammar/koom.pest (found {:?})",
        rules.keys().collect::<Vec<_>>()
    );
    rules
}

/// The quoted words of a pest rule's body.
fn quoted_words(body: &str) -> BTreeSet<String> {
    body.split('"')
        .skip(1)
        .step_by(2)
        .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .map(str::to_owned)
        .collect()
}

fn pest_keywords() -> BTreeSet<String> {
    crate::common::grammar_keywords()
}

/// Every STRING of a grammar.json rule, recursively.
fn strings(rule: &Value, out: &mut BTreeSet<String>) {
    match rule {
        Value::Object(map) => {
            if map.get("type").and_then(Value::as_str) == Some("STRING") {
                if let Some(s) = map.get("value").and_then(Value::as_str) {
                    out.insert(s.to_owned());
                }
            }
            for v in map.values() {
                strings(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        _ => {}
    }
}

fn is_word(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// tree-sitter's keywords: the strings of the grammar that look like a word
/// (with `word: name`, tree-sitter lexes each of them as a keyword).
fn tree_sitter_keywords(grammar: &Value) -> BTreeSet<String> {
    let mut all = BTreeSet::new();
    strings(&grammar["rules"], &mut all);
    all.into_iter().filter(|s| is_word(s)).collect()
}

#[test]
fn the_keywords_are_those_of_the_pest_grammar() {
    let grammar = grammar_json();
    assert_eq!(
        grammar["word"].as_str(),
        Some("name"),
        "grammar.js must set `word: $ => $.name` so that keywords are extracted from names"
    );
    let pest = pest_keywords();
    assert!(pest.len() > 30, "too few pest keywords: {pest:?}");
    let tree_sitter = tree_sitter_keywords(&grammar);
    let missing: Vec<_> = pest.difference(&tree_sitter).collect();
    let extra: Vec<_> = tree_sitter.difference(&pest).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "the keywords of editors/tree-sitter-koom/grammar.js and of grammar/koom.pest's `keyword` rule differ:\n\
         in pest only: {missing:?}\nin tree-sitter only: {extra:?}\n\
         (edit grammar.js, then regenerate: see editors/tree-sitter-koom/README.md)"
    );
    // tree-sitter's `reserved` word sets, if grammar.js ever uses them, must
    // reserve the same words.
    if let Some(sets) = grammar.get("reserved").and_then(Value::as_object) {
        for (set, words) in sets {
            let mut reserved = BTreeSet::new();
            strings(words, &mut reserved);
            assert_eq!(reserved, pest, "tree-sitter reserved word set `{set}`");
        }
    }
}

#[test]
fn the_refused_words_are_those_of_the_pest_grammar() {
    let rules = pest_rules();
    let pest = quoted_words(&rules["refused_kw"].1);
    assert_eq!(pest.len(), 8, "pest's refused_kw: {pest:?}");
    let grammar = grammar_json();
    let mut tree_sitter = BTreeSet::new();
    strings(&grammar["rules"]["refused"], &mut tree_sitter);
    let tree_sitter: BTreeSet<String> = tree_sitter.into_iter().filter(|s| is_word(s)).collect();
    assert_eq!(
        tree_sitter, pest,
        "the words of tree-sitter's `refused` rule and of pest's `refused_kw`"
    );
}

/// The statement rules of pest: non-silent rules named `…_decl`, and the
/// cycle-level and directive rules.
fn pest_statement_rules() -> BTreeSet<String> {
    pest_rules()
        .into_iter()
        .filter(|(name, (modifier, _))| {
            *modifier != Some('_')
                && (name.ends_with("_decl") || OTHER_STATEMENT_RULES.contains(&name.as_str()))
        })
        .map(|(name, _)| name)
        .collect()
}

#[test]
fn every_pest_statement_has_a_tree_sitter_node() {
    let rules = pest_rules();
    let statements = pest_statement_rules();
    for rule in OTHER_STATEMENT_RULES {
        assert!(
            statements.contains(*rule),
            "grammar/koom.pest has no non-silent rule `{rule}`: update OTHER_STATEMENT_RULES and STATEMENTS in tests/integration/tree_sitter.rs"
        );
    }
    let mapped: BTreeMap<&str, (&str, &str)> =
        STATEMENTS.iter().map(|(p, t, k)| (*p, (*t, *k))).collect();
    for rule in &statements {
        assert!(
            mapped.contains_key(rule.as_str()),
            "the pest statement rule `{rule}` has no tree-sitter counterpart: add a node for it to \
             editors/tree-sitter-koom/grammar.js (and corpus tests), regenerate, and map it in STATEMENTS \
             in tests/integration/tree_sitter.rs"
        );
    }
    let grammar = grammar_json();
    let node_types: Value =
        serde_json::from_str(&read(&format!("{GRAMMAR_DIR}/src/node-types.json")))
            .expect("src/node-types.json is JSON");
    let named_nodes: BTreeSet<&str> = node_types
        .as_array()
        .expect("node-types.json is a list")
        .iter()
        .filter(|n| n["named"].as_bool() == Some(true))
        .filter_map(|n| n["type"].as_str())
        .collect();
    for (pest_rule, (node, keyword)) in &mapped {
        let (_, body) = rules.get(*pest_rule).unwrap_or_else(|| {
            panic!("STATEMENTS maps `{pest_rule}`, which grammar/koom.pest no longer has")
        });
        assert!(
            named_nodes.contains(node),
            "STATEMENTS maps `{pest_rule}` to `{node}`, which is not a node of src/node-types.json"
        );
        let pest_starts = body.contains(&format!("kw_{keyword}"))
            || quoted_words(&rules.get("refused_kw").expect("refused_kw").1).contains(*keyword)
                && body.contains("refused_kw");
        assert!(
            pest_starts,
            "pest's `{pest_rule}` does not use the keyword `{keyword}` that STATEMENTS gives it"
        );
        let mut words = BTreeSet::new();
        strings(&grammar["rules"][*node], &mut words);
        assert!(
            words.contains(*keyword),
            "tree-sitter's `{node}` (for pest's `{pest_rule}`) does not use the keyword `{keyword}`"
        );
    }
}

/// The rule names that grammar.js defines (`name: $ =>` or `name: _ =>`
/// inside `rules: { … }`).
fn grammar_js_rules() -> BTreeSet<String> {
    let js = read(&format!("{GRAMMAR_DIR}/grammar.js"));
    let rules = js
        .split_once("rules: {")
        .expect("grammar.js has `rules: {`")
        .1;
    rules
        .lines()
        .filter_map(|line| {
            let line = line.trim_start();
            let (name, rest) = line.split_once(':')?;
            let rest = rest.trim_start();
            let is_rule = (rest.starts_with("$ =>") || rest.starts_with("_ =>"))
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            is_rule.then(|| name.to_owned())
        })
        .collect()
}

#[test]
fn the_committed_parser_matches_grammar_js() {
    let grammar = grammar_json();
    assert_eq!(
        grammar["name"].as_str(),
        Some("koom"),
        "grammar.json's name"
    );
    let generated: BTreeSet<String> = grammar["rules"]
        .as_object()
        .expect("grammar.json has rules")
        .keys()
        .cloned()
        .collect();
    let defined = grammar_js_rules();
    assert!(
        defined.len() > 30,
        "too few rules read from grammar.js: {defined:?}"
    );
    let only_js: Vec<_> = defined.difference(&generated).collect();
    let only_json: Vec<_> = generated.difference(&defined).collect();
    assert!(
        only_js.is_empty() && only_json.is_empty(),
        "the rules of grammar.js and of the committed src/grammar.json differ (in grammar.js only: \
         {only_js:?}; in src/grammar.json only: {only_json:?}): regenerate the parser \
         (cd editors/tree-sitter-koom && tree-sitter generate --abi 14) and commit src/"
    );

    let grammar_text = read(&format!("{GRAMMAR_DIR}/src/grammar.json"));
    let parser = read(&format!("{GRAMMAR_DIR}/src/parser.c"));
    for keyword in pest_keywords() {
        assert!(
            grammar_text.contains(&format!("\"value\": \"{keyword}\"")),
            "src/grammar.json does not mention the keyword `{keyword}`: regenerate the parser"
        );
        assert!(
            parser.contains(&format!("  anon_sym_{keyword} = ")),
            "src/parser.c has no symbol for the keyword `{keyword}`: regenerate the parser"
        );
    }
    for rule in defined.iter().filter(|r| !r.starts_with('_')) {
        assert!(
            parser.contains(&format!("sym_{rule}")),
            "src/parser.c has no symbol for the rule `{rule}` of grammar.js: regenerate the parser"
        );
    }
    // Neovim 0.7 (Debian's) links tree-sitter 0.20, which loads ABI 13 and 14.
    assert!(
        parser.contains("#define LANGUAGE_VERSION 14\n"),
        "src/parser.c must be generated with `tree-sitter generate --abi 14` (Neovim 0.7 loads ABI 14 at most)"
    );
    // The Zed extension's copies of the queries.
    for query in ["highlights.scm", "indents.scm"] {
        assert_eq!(
            read(&format!("{GRAMMAR_DIR}/queries/{query}")),
            read(&format!("editors/zed/languages/koom/{query}")),
            "editors/zed/languages/koom/{query} must be a copy of {GRAMMAR_DIR}/queries/{query}"
        );
    }
}
