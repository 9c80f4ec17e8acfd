//! `koomc build` on arbitrary bytes: work orders are built only without
//! errors, are valid JSON, and are the same bytes twice.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = koomc::load::source_text(data.to_vec(), "fuzz.koom") else {
        return;
    };
    let path = std::path::Path::new("fuzz.koom");
    let first = koomc::compile_text(path, text.clone());
    let Some(orders) = first.work_orders() else {
        assert!(first.has_errors() || first.model.is_none());
        return;
    };
    assert!(!first.has_errors());
    let bundle = koomc::emit::bundle_json(orders);
    let _: serde_json::Value = serde_json::from_str(&bundle).expect("the bundle is JSON");
    let again = koomc::compile_text(path, text)
        .work_orders()
        .expect("the same input builds again");
    assert_eq!(
        koomc::emit::bundle_json(again),
        bundle,
        "the same input, the same bytes"
    );
});
