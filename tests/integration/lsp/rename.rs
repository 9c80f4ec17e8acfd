//! Rename that cannot break a file: `prepareRename` says what can be
//! renamed (units, metrics, goal ids); a new name that is not kebab-case,
//! is a keyword or is declared already is refused with a message.

use serde_json::{json, Value};

use super::{fixed, Session};

fn rename(s: &mut Session, line: u32, character: u32, new_name: &str) -> Value {
    let uri = s.plan_uri.clone();
    s.client.respond(
        "textDocument/rename",
        json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character }, "newName": new_name }),
    )
}

#[test]
fn prepare_rename_says_what_can_be_renamed() {
    let with_goal = fixed().replace("goal throughput", "goal ship-more: throughput");
    let mut s = Session::with_plan(&with_goal);
    let uri = s.plan_uri.clone();
    // A metric, a unit, a goal id: their word is the range.
    for (line, character, name) in [
        (5, 14, "throughput"),
        (6, 7, "logistics"),
        (6, 22, "ship-more"),
    ] {
        let answer = s.at("textDocument/prepareRename", &uri, line, character);
        assert_eq!(answer["placeholder"], name, "{answer}");
    }
    let answer = s.at("textDocument/prepareRename", &uri, 5, 14);
    assert_eq!(
        answer["range"]["start"],
        json!({ "line": 5, "character": 13 })
    );
    // A keyword, a cycle id, a string: refused, with what can be renamed.
    for (line, character) in [(5, 3), (3, 9), (4, 16)] {
        let error = s.client.refused(
            "textDocument/prepareRename",
            json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }),
        );
        assert!(
            error["message"]
                .as_str()
                .expect("message")
                .contains("only units, metrics and goal ids can be renamed"),
            "{error}"
        );
    }
    // Nothing there, or out of range: null.
    assert_eq!(s.at("textDocument/prepareRename", &uri, 99, 0), Value::Null);
}

#[test]
fn a_name_that_would_break_the_file_is_refused() {
    let mut s = Session::with_plan(&fixed());
    for (new_name, says) in [
        ("Through Put", "is not a valid name"),
        ("9lives", "is not a valid name"),
        ("goal", "is a keyword"),
        (
            "logistics",
            "is already declared: a manager unit at org.koom:4",
        ),
        ("", "cannot be empty"),
    ] {
        let answer = rename(&mut s, 5, 14, new_name);
        let message = answer["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains(says), "{new_name:?}: {answer}");
        assert!(answer.get("result").is_none());
    }
    let answer = rename(&mut s, 5, 14, "through-put");
    let changes = answer["result"]["changes"].as_object().expect("changes");
    assert_eq!(
        changes
            .values()
            .map(|e| e.as_array().expect("edits").len())
            .sum::<usize>(),
        3
    );
}
