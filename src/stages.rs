//! The pipeline's stages one by one, each timed on its own, for the
//! benchmarks (`benches/stages.rs`) and the linearity test
//! (`tests/integration/linearity.rs`). [`crate::compile_text`] runs the same
//! stages in the same order; this module only adds the stopwatch.

use std::time::{Duration, Instant};

use crate::source::SourceMap;
use crate::{bounds, check, emit, format, phrasing, resolve, syntax};

/// How long one stage took.
pub struct Timing {
    pub stage: &'static str,
    pub elapsed: Duration,
}

fn timed<T>(stage: &'static str, out: &mut Vec<Timing>, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let value = f();
    out.push(Timing {
        stage,
        elapsed: started.elapsed(),
    });
    value
}

/// Run every stage on one file's text, which must be free of errors:
/// pest's parse alone (the grammar's ceiling), syntax, resolve, bounds, each check pass, emit, serialization and the
/// formatter. Panics on a text with errors (it is for measuring).
pub fn time(text: &str) -> Vec<Timing> {
    let mut out = Vec::new();
    let mut sources = SourceMap::new();
    let file = sources.add("timed.koom".to_owned(), text.to_owned());
    timed("pest parse-only", &mut out, || syntax::parse_only(text)).expect("the text parses");
    let ast = timed("syntax", &mut out, || syntax::parse(file, text))
        .unwrap_or_else(|e| panic!("the text does not parse: {}", e[0].message));
    let files = vec![(file, ast)];
    let (mut model, _) = timed("resolve", &mut out, || resolve::resolve(files));
    timed("bounds", &mut out, || bounds::bounds(&mut model));
    let lexicon = phrasing::Lexicon::builtin();
    let context = check::Context {
        sources: &sources,
        lexicon: &lexicon,
        memo: None,
    };
    let mut diagnostics = crate::diagnostic::Diagnostics::new();
    for (name, pass) in check::PASSES {
        timed(name, &mut out, || pass(&model, &context, &mut diagnostics));
    }
    let orders = timed("emit", &mut out, || emit::emit(&model, &sources));
    timed("serialize", &mut out, || {
        emit::write_bundle(&orders, &mut std::io::sink())
    })
    .expect("a sink takes every byte");
    timed("format", &mut out, || format::format(file, text)).expect("the text formats");
    out
}
