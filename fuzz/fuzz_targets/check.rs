//! `koomc check` on arbitrary bytes: the loader's checks, the parser, every
//! stage, and both renderers (people and JSON) never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = koomc::load::source_text(data.to_vec(), "fuzz.koom") else {
        return; // refused as E0004 before any stage runs
    };
    let c = koomc::compile_text(std::path::Path::new("fuzz.koom"), text);
    let human = koomc::diagnostic::render::human_string(&c.sources, &c.diagnostics);
    let json = koomc::diagnostic::render::json_lines(&c.sources, &c.diagnostics);
    for line in json.lines() {
        let _: serde_json::Value = serde_json::from_str(line).expect("every JSON line parses");
    }
    assert_eq!(human.is_empty(), c.diagnostics.iter().all(|d| d.suppressed));
});
