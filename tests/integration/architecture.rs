//! The map is true: `ARCHITECTURE.md` names every module under `src/` and
//! promises nothing for later.

use std::path::Path;

#[test]
fn the_architecture_names_every_module() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let map = std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(root.join("src")).expect("src").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let module = if path.is_dir() {
            format!("src/{name}/")
        } else if name.ends_with(".rs") {
            format!("src/{name}")
        } else {
            continue;
        };
        if name == "explain" {
            continue; // the explanation texts, named with the code table
        }
        if !map.contains(&module) {
            missing.push(module);
        }
    }
    missing.sort();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md does not name {missing:?}: say what each is for"
    );
    for promise in ["will be", "still to come", "(later)", "to come later"] {
        assert!(
            !map.to_lowercase().contains(promise),
            "ARCHITECTURE.md promises `{promise}`: describe what exists"
        );
    }
}
