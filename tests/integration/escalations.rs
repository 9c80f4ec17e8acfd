//! Escalations (`check --escalations <folder>`): a snapshot for every
//! fixture in `examples/escalations/`, and the files against their schema.

use std::path::{Path, PathBuf};

use koomc::diagnostic::render;

use crate::common::{assert_snapshot, codes};

fn escalations(folder: &str) -> koomc::Compilation {
    let mut c = koomc::compile(&[PathBuf::from("examples/escalations/plan.koom")]);
    koomc::escalation::check(&mut c, &Path::new("examples/escalations").join(folder));
    c
}

#[test]
fn escalation_fixtures() {
    for (folder, expected) in [
        ("valid", vec![]),
        ("unresolved", vec!["E0705"]),
        ("no-data", vec!["E0706"]),
        ("unknown", vec!["E0704"]),
    ] {
        let c = escalations(folder);
        assert_eq!(codes(&c), expected, "{folder}");
        assert_snapshot!(folder, render::human_string(&c.sources, &c.diagnostics));
    }
}

#[test]
fn escalation_files_follow_their_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&koomc::schema::get("escalation").expect("schema")).expect("JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("valid schema");
    for folder in ["valid", "unresolved", "unknown"] {
        for entry in
            std::fs::read_dir(Path::new("examples/escalations").join(folder)).expect("folder")
        {
            let path = entry.expect("entry").path();
            let value: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("JSON");
            assert!(validator.is_valid(&value), "{}", path.display());
        }
    }
}
