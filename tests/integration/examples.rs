//! Snapshots of every example, as a user meets it:
//! - `examples/errors/`: the rendered diagnostics (no color), which show the
//!   source and the error together; a folder is checked as its files say
//!   (see [`checked`]);
//! - the clean examples: their work orders, which must also validate against
//!   the published JSON Schema with an independent validator (`jsonschema`).

use std::path::{Path, PathBuf};

use koomc::diagnostic::{render, Diagnostics};

use crate::common::{assert_snapshot, relative};

fn codes_in(name: &str) -> Vec<String> {
    name.split(['-', '/'])
        .filter(|w| {
            w.len() == 5 && w.starts_with('E') && w[1..].chars().all(|c| c.is_ascii_digit())
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn error_examples() {
    insta::glob!("../../examples/errors", "{*.koom,*/main.koom}", |path| {
        let rel = relative(path);
        let c = checked(&rel);
        assert!(
            !c.diagnostics.is_empty(),
            "{} compiles clean",
            rel.display()
        );
        // Each example shows the code its name carries, and only that code.
        let expected = codes_in(&rel.to_string_lossy());
        let mut found: Vec<String> = c.diagnostics.iter().map(|d| d.code.to_string()).collect();
        found.dedup();
        assert_eq!(found, expected, "{}", rel.display());
        if c.has_errors() {
            assert!(
                c.work_orders().is_none(),
                "an error example produced work orders"
            );
        }
        assert_snapshot!(
            "error_examples",
            render::human_string(&c.sources, &c.diagnostics)
        );
    });
}

/// An error example compiled as `koomc` would be run on it: a folder's
/// `main.koom` with change control against the `baseline.koom` beside it
/// (`check main.koom --baseline baseline.koom`), with the escalation files of
/// its `escalations/` (`check main.koom --escalations escalations`), or built
/// into `orders`, a file that stands where the output folder should be
/// (`build main.koom --out-dir orders`, E0007). Such a `main.koom` is clean
/// on its own, and so is its baseline.
fn checked(main: &Path) -> koomc::Compilation {
    let mut c = koomc::compile(&[main.to_path_buf()]);
    let folder = main.parent().expect("a folder");
    let baseline = folder.join("baseline.koom");
    let escalations = folder.join("escalations");
    let orders = folder.join("orders");
    if !main.ends_with("main.koom")
        || !(baseline.exists() || escalations.exists() || orders.exists())
    {
        return c;
    }
    let clean = |c: &koomc::Compilation, path: &Path| {
        assert!(
            c.diagnostics.is_empty(),
            "{} is not clean on its own:\n{}",
            path.display(),
            render::human_string(&c.sources, &c.diagnostics)
        );
    };
    clean(&c, main);
    if baseline.exists() {
        let old = koomc::compile(std::slice::from_ref(&baseline));
        clean(&old, &baseline);
        koomc::compare_with(&mut c, &old).expect("both compile");
    }
    if escalations.exists() {
        koomc::escalation::check(&mut c, &escalations);
    }
    if orders.exists() {
        let before = std::fs::read(&orders).expect("`orders` is a file");
        let work_orders = c.work_orders().expect("a clean plan");
        let refused = koomc::output::write_dir(&orders, &work_orders)
            .expect_err("work orders written into a file");
        assert_eq!(
            std::fs::read(&orders).expect("still a file"),
            before,
            "{} was written to",
            orders.display()
        );
        let mut more = Diagnostics::new();
        more.push(*refused);
        c.add(more);
    }
    c
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&koomc::schema::get("work-order").expect("schema"))
            .expect("schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema is a valid 2020-12 schema")
}

#[test]
fn clean_examples() {
    let validator = validator();
    insta::glob!("../../examples", "{*.koom,*/plan.koom}", |path| {
        let rel = relative(path);
        let c = koomc::compile(std::slice::from_ref(&rel));
        assert!(
            c.diagnostics.is_empty(),
            "{} is not clean:\n{}",
            rel.display(),
            render::human_string(&c.sources, &c.diagnostics)
        );
        let orders = c.work_orders().expect("work orders");
        assert!(
            !orders.is_empty(),
            "{} produced no work orders",
            rel.display()
        );
        for order in &orders {
            let value: serde_json::Value =
                serde_json::from_str(&koomc::emit::to_json(order)).expect("valid JSON");
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            assert!(
                errors.is_empty(),
                "{} {}/{}: {errors:#?}",
                rel.display(),
                order.cycle.id,
                order.to.unit
            );
        }
        // Same input, same bytes.
        let again = koomc::compile(std::slice::from_ref(&rel))
            .work_orders()
            .expect("work orders");
        let text = koomc::emit::bundle_json(orders);
        assert_eq!(text, koomc::emit::bundle_json(again));
        assert_snapshot!("clean_examples", text);
    });
}

#[test]
fn the_bundle_validates_against_its_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&koomc::schema::get("work-orders").expect("schema")).expect("JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("valid schema");
    let c = koomc::compile(&[PathBuf::from("examples/raccoons.koom")]);
    let bundle: serde_json::Value =
        serde_json::from_str(&koomc::emit::bundle_json(c.work_orders().expect("clean")))
            .expect("JSON");
    assert!(validator.is_valid(&bundle));
}

#[test]
fn raccoons_bounds_are_exact() {
    let c = koomc::compile(&[PathBuf::from("examples/raccoons.koom")]);
    let text = koomc::emit::bundle_json(c.work_orders().expect("clean"));
    // -12% of 480k, in decimal: never 422399.99999.
    assert!(text.contains("\"value\": 422400,"), "{text}");
    let orders: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let units: Vec<&str> = orders["work_orders"]
        .as_array()
        .expect("array")
        .iter()
        .map(|o| o["to"]["unit"].as_str().expect("unit"))
        .collect();
    // Managers and the CoE, never the worker unit.
    assert_eq!(units, ["logistics", "operations", "quality"]);
}

#[test]
fn the_readme_tour_compiles_clean() {
    let readme = std::fs::read_to_string("README.md").expect("README");
    let start = readme.find("```koom\n").expect("a koom block") + "```koom\n".len();
    let end = readme[start..].find("```").expect("closed") + start;
    let c = koomc::compile_text(Path::new("README.md"), readme[start..end].to_owned());
    assert!(
        c.diagnostics.is_empty(),
        "{}",
        render::human_string(&c.sources, &c.diagnostics)
    );
    let text = koomc::emit::bundle_json(c.work_orders().expect("clean"));
    assert!(text.contains("\"value\": 422400,"));
}
