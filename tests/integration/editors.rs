//! The editors' keyword lists stay in step with the pest grammar: every
//! keyword of `grammar/koom.pest` is in `editors/keywords.txt`, in the
//! TextMate grammar and in the Vim syntax file, and nothing more.

use std::collections::BTreeSet;

use crate::common::grammar_keywords;

#[test]
fn the_compiler_and_the_grammar_agree() {
    let compiler: BTreeSet<String> = koomc::syntax::KEYWORDS
        .iter()
        .map(|k| (*k).to_owned())
        .collect();
    assert_eq!(compiler, grammar_keywords());
}

#[test]
fn the_editors_know_every_keyword() {
    let listed: BTreeSet<String> = std::fs::read_to_string("editors/keywords.txt")
        .expect("editors/keywords.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    assert_eq!(listed, grammar_keywords(), "editors/keywords.txt");
    let textmate = std::fs::read_to_string("editors/vscode/syntaxes/koom.tmLanguage.json")
        .expect("TextMate grammar");
    let vim = std::fs::read_to_string("editors/nvim/syntax/koom.vim").expect("Vim syntax");
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-';
    let has_word = |text: &str, word: &str| {
        text.match_indices(word).any(|(i, _)| {
            let before = text[..i].chars().last().is_none_or(|c| !is_word(c));
            let after = text[i + word.len()..]
                .chars()
                .next()
                .is_none_or(|c| !is_word(c));
            before && after
        })
    };
    for k in grammar_keywords() {
        assert!(
            has_word(&textmate, &k),
            "`{k}` is missing from the TextMate grammar"
        );
        assert!(
            has_word(&vim, &k),
            "`{k}` is missing from the Vim syntax file"
        );
    }
}
