use super::*;

pub(crate) fn errors(text: &str) -> Vec<String> {
    match parse(FileId(0), text) {
        Ok(_) => Vec::new(),
        Err(ds) => ds
            .into_iter()
            .map(|d| format!("{}: {} | {:?}", d.code, d.message, d.help))
            .collect(),
    }
}

#[test]
fn smoke() {
    for t in [
        "koom 1.0\nmetric x unit USD better lower baseline 5\ncycle 2026-Q1 {\n  gaol x >= 5\n}\n",
        "koom 1.0\ncycle 2026-Q1 {\n  goal x >= \n}\n",
        "koom 1.0\ncycle 2026-Q1 {\n  goal x >= 5 by 2026-02-30\n}\n",
        "koom 1.0\ncycle 2026-Q1 {\n  window 2026-01-01 2026-01-02\n}\n",
        "koom 1.0\ncycle 2026-Q1 {\n  outcome \"abc\n}\n",
        "koom 1.0\nmetrc x\n",
        "koom 2.0\n",
        "org \"x\"\n",
        "koom 1.0\ncycle 2026-Q1 {\n  goal x >= 5\n",
        "koom 1.0\ncycle 2026-Q1 {\n  constraint overhead -12% keep throughput, headcount\n  to ops { task \"x\" }\n workflow y {\n a { b } }\n}\n",
        "koom 1.0\nmetric X_y\n",
        "koom 1.0\ncycle 2026-Q1 {\n  goal x => 5\n}\n",
        "koom 1.0\ncycle 2026-Q1 {\n  goal x >= 5 crates/week by 2026-01-01 because \"a\" because \"b\"\n}\n",
        "koom 1.0\ncycle 2026-Q1 {\n  constraint x +2pp\n constraint y -40k USD/month\n constraint z <= 5 days\n}\n",
    ] {
        println!("{t}\n  => {:?}\n", errors(t));
    }
}

#[test]
fn raw() {
    for t in ["koom 1.0\nmetrc x\n", "koom 1.0\nmetric x\nmetrc x\n"] {
        let e = KoomParser::parse(Rule::file, t).unwrap_err();
        println!("{:?} {:?}", e.location, e.variant);
    }
}
