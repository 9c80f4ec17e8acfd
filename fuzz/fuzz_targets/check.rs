//! `koomc check` on arbitrary bytes: the loader's checks, the parser, every
//! stage, and both renderers (people and JSON) never panic; and reading the
//! file in parts (cut at every file-level statement) is reading it in one
//! pass.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = koomc::load::source_text(data.to_vec(), "fuzz.koom") else {
        return; // refused as E0004 before any stage runs
    };
    if let Err(why) = koomc::syntax::parts_agree_with_one_pass(&text) {
        panic!("reading in parts is not reading in one pass:\n{why}");
    }
    let c = koomc::compile_text(std::path::Path::new("fuzz.koom"), text);
    let human = koomc::diagnostic::render::human_string(&c.sources, &c.diagnostics);
    let json = koomc::diagnostic::render::json_lines(&c.sources, &c.diagnostics);
    for line in json.lines() {
        let _: serde_json::Value = serde_json::from_str(line).expect("every JSON line parses");
    }
    assert_eq!(
        json.lines().count(),
        c.diagnostics.len(),
        "one JSON line per diagnostic"
    );
    assert_eq!(human.is_empty(), c.diagnostics.iter().all(|d| d.suppressed));
    for d in &c.diagnostics {
        assert!(
            !d.message.ends_with('.'),
            "a message ends with a period: {}",
            d.message
        );
    }
});
