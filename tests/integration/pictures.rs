//! Pictures and briefings (`koomc graph`, `koomc brief`): snapshots of the
//! DOT and of the Markdown brief for Raccoons, well-formed and legible SVG
//! (a 30-unit plan without overlapping boxes), escaping everywhere,
//! determinism, nothing written on errors, workers never reached by an
//! arrow, and an unknown `--cycle`. The browser test is `tests/browser/`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use koomc::brief::{self, Format, Options, Page};
use koomc::graph;

const RACCOONS: &str = "examples/raccoons.koom";
const REALISTIC: [&str; 5] = ["hospital", "software", "factory", "logistics", "nonprofit"];
const CONFLICT: &str = "examples/errors/E0603-cross-department-conflict.koom";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn koomc() -> Command {
    let mut cmd = Command::cargo_bin("koomc").expect("binary");
    cmd.current_dir(root()).env_remove("NO_COLOR");
    cmd
}

fn compile(path: &str) -> koomc::Compilation {
    let c = koomc::compile(&[PathBuf::from(path)]);
    assert!(!c.has_errors(), "{path} has errors: {:?}", c.diagnostics);
    c
}

fn compile_text(name: &str, text: &str) -> koomc::Compilation {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write plan");
    koomc::compile(&[path])
}

fn picture(c: &koomc::Compilation, cycle: Option<&str>) -> graph::Graph {
    let model = c.model.as_ref().expect("model");
    graph::graph(model, graph::pick_cycle(model, cycle).expect("cycle"))
}

fn pages(c: &koomc::Compilation, format: Format) -> Vec<Page> {
    brief::brief(
        c,
        Options {
            format,
            baseline: None,
        },
    )
    .expect("pages")
}

fn text(page: &Page) -> &str {
    std::str::from_utf8(&page.bytes).expect("UTF-8")
}

fn snapshot(name: &str, value: &str) {
    crate::common::assert_snapshot!(name, value);
}

#[test]
fn raccoons_dot_snapshot() {
    snapshot(
        "raccoons_dot",
        &graph::dot(&picture(&compile(RACCOONS), None)),
    );
}

#[test]
fn raccoons_markdown_brief_snapshot() {
    let mut all = String::new();
    for p in pages(&compile(RACCOONS), Format::Markdown) {
        if p.path.ends_with(".md") {
            let _ = write!(all, "==> {} <==\n{}\n", p.path, text(&p));
        }
    }
    snapshot("raccoons_markdown", &all);
}

/// Every `<rect>` of an SVG (x, y, width, height), after checking that the
/// SVG is well-formed XML.
fn rects(svg: &str) -> Vec<(f64, f64, f64, f64)> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}"));
    let num = |n: &roxmltree::Node, a: &str| n.attribute(a).expect(a).parse::<f64>().expect(a);
    doc.descendants()
        .filter(|n| n.has_tag_name("rect"))
        .map(|n| {
            (
                num(&n, "x"),
                num(&n, "y"),
                num(&n, "width"),
                num(&n, "height"),
            )
        })
        .collect()
}

fn assert_no_overlap(svg: &str) {
    let boxes = rects(svg);
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let apart =
                a.0 + a.2 <= b.0 || b.0 + b.2 <= a.0 || a.1 + a.3 <= b.1 || b.1 + b.3 <= a.1;
            assert!(apart, "boxes overlap: {a:?} and {b:?}");
        }
    }
}

#[test]
fn svg_is_well_formed_and_boxes_do_not_overlap_in_every_example() {
    let mut plans = vec![RACCOONS.to_owned()];
    plans.extend(REALISTIC.iter().map(|e| format!("examples/{e}/plan.koom")));
    for plan in plans {
        let c = compile(&plan);
        let model = c.model.as_ref().unwrap();
        for cycle in graph::dated_cycles(model) {
            let svg = graph::svg(&graph::graph(model, cycle));
            assert_no_overlap(&svg);
        }
    }
}

/// A valid plan with `managers` managers and `coes` CoE units, each with a
/// goal and an allocation, workers under some managers, and twelve
/// regions aligned on one shared goal.
fn synthetic(managers: usize, coes: usize) -> String {
    let mut s = String::from(
        "koom 1.0\norg \"Thirty Units Ltd.\"\nrevision 2026-01-02\nexecutive \"Ada Board\"\n\n",
    );
    let units: Vec<String> = (0..managers)
        .map(|i| format!("region-{i:02}"))
        .chain((0..coes).map(|i| format!("standards-{i:02}")))
        .collect();
    for (i, u) in units.iter().enumerate() {
        let layer = if i < managers { "manager" } else { "coe" };
        let _ = writeln!(s, "{layer} {u} \"Lead Number {i}\"");
    }
    for i in (0..managers).step_by(4) {
        let _ = writeln!(s, "worker crew-{i:02} under region-{i:02}");
    }
    s.push_str("metric overhead unit USD/month better lower baseline 900k\n");
    s.push_str("metric output unit crates/week better higher baseline 5000\n");
    for u in &units {
        let _ = writeln!(s, "metric {u}-score unit % better higher baseline 70 ");
    }
    s.push_str("\ncycle 2026-Q1 {\n  window 2026-01-01 to 2026-01-09\n  budget 3m USD\n");
    s.push_str("  direction \"Thirty Units Ltd. ships every order on time.\"\n");
    s.push_str("  priority 1 output\n  priority 2 overhead\n");
    s.push_str("  constraint overhead -10% keep output\n");
    for (i, u) in units.iter().enumerate() {
        let _ = writeln!(
            s,
            "  to {u} {{\n    goal {u}-score >= {} % by 2026-03-{}\n  }}",
            80 + i % 15,
            10 + i % 20
        );
        let _ = writeln!(s, "  allocate {}k USD to {u} for {u}-score", 50 + i);
    }
    for pair in units[..managers].chunks(2).take(6) {
        let _ = writeln!(
            s,
            "  to {} {{\n    goal output >= 5500 crates/week by 2026-03-31\n  }}",
            pair.join(", ")
        );
    }
    let regions: Vec<&str> = units[..12].iter().map(String::as_str).collect();
    let _ = writeln!(s, "  align {} on output", regions.join(", "));
    s.push_str("}\n");
    s
}

#[test]
fn thirty_units_stay_legible() {
    let c = compile_text("thirty.koom", &synthetic(24, 6));
    assert!(!c.has_errors(), "{:?}", c.diagnostics);
    let g = picture(&c, None);
    assert_eq!(g.units.len(), 30);
    let svg = graph::svg(&g);
    assert_no_overlap(&svg);
    // Every unit's name is written, and no label line is longer than a card allows.
    for u in &g.units {
        assert!(svg.contains(&format!(">{}</text>", u.name)), "{}", u.name);
    }
    let doc = roxmltree::Document::parse(&svg).unwrap();
    for t in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let len = t.text().unwrap_or("").chars().count();
        assert!(
            len <= 60,
            "a label line of {len} characters: {:?}",
            t.text()
        );
    }
}

const HOSTILE: &str = r#"koom 1.0
org "<script>alert(1)</script>"
revision 2026-01-02
executive "Eve <i>Boss</i>"
manager ops "Lead & <b>Co</b>"
metric defects unit % better lower baseline 4
cycle 2026-Q1 {
  direction "Defects stay below 2% in every plant."
  priority 1 defects
  to ops {
    goal defects <= 3% by 2026-03-31
    outcome "Defect rate <b>&\" must fall below 2%."
  }
}
"#;

#[test]
fn hostile_text_is_escaped_in_html_markdown_dot_and_svg() {
    let c = compile_text("hostile.koom", HOSTILE);
    assert!(!c.has_errors(), "{:?}", c.diagnostics);
    let g = picture(&c, None);
    let dot = graph::dot(&g);
    assert!(
        dot.contains(r#"<script>alert(1)</script> · 2026-Q1"#),
        "{dot}"
    );
    assert!(
        dot.contains(r#"<b>&\" must"#),
        "the quote is escaped in DOT: {dot}"
    );
    assert!(!dot.contains("label=<"), "no HTML-like DOT labels");
    let svg = graph::svg(&g);
    rects(&svg); // well-formed
    assert!(!svg.contains("<script") && !svg.contains("<b>"), "{svg}");
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(svg.contains("&lt;b&gt;&amp;&quot; must"));
    for p in pages(&c, Format::Html) {
        let t = text(&p);
        assert!(
            !t.contains("<script") && !t.contains("<b>") && !t.contains("<i>"),
            "{}: {t}",
            p.path
        );
    }
    let unit = pages(&c, Format::Html)
        .into_iter()
        .find(|p| p.path == "2026-Q1/ops.html")
        .unwrap();
    assert!(text(&unit).contains("Defect rate &lt;b&gt;&amp;&quot; must fall below 2%."));
    assert!(text(&unit).contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    for p in pages(&c, Format::Markdown)
        .iter()
        .filter(|p| p.path.ends_with(".md"))
    {
        let t = text(p);
        assert!(
            !t.contains("<script") && !t.contains("<b>"),
            "{}: {t}",
            p.path
        );
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let c = compile("examples/hospital/plan.koom");
    let g = picture(&c, None);
    assert_eq!(graph::svg(&g), graph::svg(&picture(&c, None)));
    assert_eq!(
        pages(&c, Format::Html),
        pages(&compile("examples/hospital/plan.koom"), Format::Html)
    );
    // Two processes (hash seeds differ), two working directories.
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let hospital = root().join("examples/hospital");
    koomc()
        .current_dir(&hospital)
        .args(["brief", "plan.koom", "--out-dir"])
        .arg(a.path())
        .assert()
        .code(0);
    koomc()
        .current_dir(b.path())
        .args(["brief"])
        .arg(hospital.join("plan.koom"))
        .arg("--out-dir")
        .arg(b.path().join("out"))
        .assert()
        .code(0);
    let index = |d: &Path| std::fs::read(d.join("index.html")).unwrap();
    assert_eq!(index(a.path()), index(&b.path().join("out")));
    let svg = |d: &Path| std::fs::read(d.join("2026-Q1/graph.svg")).unwrap();
    assert_eq!(svg(a.path()), svg(&b.path().join("out")));
    let out = |dir: &Path| {
        koomc()
            .current_dir(dir)
            .args(["graph", "plan.koom", "--format", "svg"])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(out(&hospital), out(&hospital));
}

#[test]
fn nothing_is_written_when_the_plan_has_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("briefs");
    koomc()
        .args(["brief", CONFLICT, "--color", "never", "--out-dir"])
        .arg(&out)
        .assert()
        .code(1);
    assert!(!out.exists(), "brief wrote into {}", out.display());
    let graph = koomc()
        .args(["graph", CONFLICT, "--color", "never"])
        .output();
    let graph = graph.expect("runs");
    assert_eq!(graph.status.code(), Some(1));
    assert!(graph.stdout.is_empty());
}

#[test]
fn a_conflict_is_drawn_in_red_when_asked_for() {
    let out = koomc()
        .args(["graph", CONFLICT, "--with-errors"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the errors still fail the command"
    );
    let dot = String::from_utf8(out.stdout).unwrap();
    assert!(dot.contains("conflict · throughput"), "{dot}");
    let c = koomc::compile(&[PathBuf::from(CONFLICT)]);
    let g = picture(&c, None);
    let conflict = g
        .links
        .iter()
        .find(|l| l.kind == graph::LinkKind::Conflict)
        .expect("a conflict");
    let names: Vec<&str> = conflict
        .units
        .iter()
        .map(|&u| g.units[u].name.as_str())
        .collect();
    assert_eq!(names, ["logistics", "operations"]);
}

#[test]
fn an_unwritable_out_dir_is_e0007_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("taken");
    std::fs::write(&file, "x").unwrap();
    let out = koomc()
        .args(["brief", RACCOONS, "--color", "never", "--out-dir"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("E0007"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
}

#[test]
fn workers_are_never_reached_by_an_arrow() {
    for plan in std::iter::once(RACCOONS.to_owned())
        .chain(REALISTIC.iter().map(|e| format!("examples/{e}/plan.koom")))
    {
        let c = compile(&plan);
        let g = picture(&c, None);
        assert!(g.workers.iter().all(|w| w.under.is_some()), "{plan}");
        let dot = graph::dot(&g);
        for line in dot.lines().filter(|l| l.contains("-> w")) {
            assert!(line.contains("arrowhead=none"), "{plan}: {line}");
        }
        let svg = graph::svg(&g);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        for e in doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("edge worker"))
        {
            assert!(
                e.descendants().all(|p| p.attribute("marker-end").is_none()),
                "{plan}"
            );
        }
        let arrows = svg.matches("marker-end=").count();
        assert_eq!(
            arrows,
            g.arrows.iter().filter(|a| a.addressed).count(),
            "{plan}: one arrowhead per addressed unit"
        );
    }
}

#[test]
fn an_unknown_cycle_names_the_cycles_there_are() {
    let out = koomc()
        .args(["graph", "examples/hospital/plan.koom", "--cycle", "2026-Q3"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("there is no cycle `2026-Q3`"), "{err}");
    assert!(
        err.contains("did you mean `2026-Q2`?") || err.contains("did you mean `2026-Q1`?"),
        "{err}"
    );
    assert!(err.contains("`2026-Q1`, `2026-Q2`, `2026-H2`"), "{err}");
    koomc()
        .args(["graph", "examples/hospital/plan.koom", "--cycle", "2026-H2"])
        .assert()
        .code(0);
}

#[test]
fn briefs_say_bounds_and_deadlines_in_words() {
    let c = compile(RACCOONS);
    let all = pages(&c, Format::Html);
    let ops = all
        .iter()
        .find(|p| p.path == "2026-Q1/operations.html")
        .unwrap();
    let t = text(ops);
    assert!(t.contains("Overhead at most 422,400 USD/month by 31 March 2026, while throughput stays at least 1,150 crates/week and headcount stays at most 212 people"), "{t}");
    assert!(t.contains("Throughput at least 1,300 crates/week by 31 March 2026"));
    assert!(t.contains("60% of the cycle&#39;s budget of 300,000 USD"));
    assert!(t.contains("examples/raccoons.koom:33:5"));
    let paths: Vec<&str> = all.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "index.html",
            "2026-Q1/graph.svg",
            "2026-Q1/logistics.html",
            "2026-Q1/operations.html",
            "2026-Q1/quality.html"
        ]
    );
    for p in &all {
        let t = text(p);
        let outward = [
            "href=\"http",
            "src=",
            "url(http",
            "@import",
            "<script",
            "<link",
        ];
        for w in outward {
            assert!(!t.contains(w), "{}: `{w}`", p.path);
        }
    }
}

#[test]
fn brief_with_a_baseline_says_what_changed_for_whom() {
    let dir = tempfile::tempdir().unwrap();
    let h = "examples/history/justified-change";
    koomc()
        .args([
            "brief",
            &format!("{h}/new.koom"),
            "--baseline",
            &format!("{h}/old.koom"),
            "--out-dir",
        ])
        .arg(dir.path())
        .assert()
        .code(0);
    let index = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    assert!(
        index.contains("What changed since the revision of"),
        "{index}"
    );
    assert!(index.contains("Stability of priorities"));
    assert!(!index.contains("needs a baseline"));
}

/// With Graphviz installed, its `dot` reads koomc's DOT and `--layout dot`
/// writes well-formed SVG (skipped where `dot` is not on PATH).
#[test]
fn graphviz_reads_the_dot_when_it_is_installed() {
    if std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_err()
    {
        eprintln!("graphviz is not installed: skipped");
        return;
    }
    for plan in std::iter::once(RACCOONS.to_owned())
        .chain(REALISTIC.iter().map(|e| format!("examples/{e}/plan.koom")))
    {
        let out = koomc()
            .args(["graph", &plan, "--format", "svg", "--layout", "dot"])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{plan}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let options = roxmltree::ParsingOptions {
            allow_dtd: true, // Graphviz writes a DOCTYPE
            ..Default::default()
        };
        roxmltree::Document::parse_with_options(std::str::from_utf8(&out.stdout).unwrap(), options)
            .unwrap_or_else(|e| panic!("{plan}: not XML: {e}"));
    }
}
