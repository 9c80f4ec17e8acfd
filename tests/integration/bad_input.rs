//! The bad-input catalogue: what a user may hand koomc that it must refuse
//! with a coded error, the right exit status, no panic, no hang, and nothing
//! partial left behind. Each case runs the real binary.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use crate::common::koomc;

/// A plan that checks clean and builds.
const PLAN: &str = "koom 1.0\norg \"Test Org\"\nrevision 2026-01-02\nmanager operations \"Rita\"\nmetric throughput unit crates/week better higher baseline 1150\ncycle 2026-Q1 {\n  direction \"Test Org is the most reliable distributor in the region.\"\n  priority 1 throughput\n  to operations { goal throughput >= 1300 crates/week by 2026-03-31 }\n}\n";

struct Case {
    dir: tempfile::TempDir,
}

impl Case {
    fn new() -> Case {
        Case {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
        std::fs::write(&path, bytes).expect("write");
        path
    }

    /// Run koomc in the case's folder, with a bound on its time.
    fn run(&self, args: &[&str]) -> Output {
        let start = Instant::now();
        let out = koomc()
            .current_dir(self.dir.path())
            .args(args)
            .timeout(Duration::from_secs(20))
            .output()
            .expect("runs");
        assert!(start.elapsed() < Duration::from_secs(20), "{args:?} hung");
        out
    }

    /// Every file under the case's folder, relative to it.
    fn files(&self) -> Vec<String> {
        let mut out = Vec::new();
        walk(self.dir.path(), self.dir.path(), &mut out);
        out.sort();
        out
    }
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        let meta = std::fs::symlink_metadata(&path).expect("metadata");
        out.push(
            path.strip_prefix(root)
                .expect("inside")
                .display()
                .to_string(),
        );
        if meta.is_dir() {
            walk(root, &path, out);
        }
    }
}

/// The run exited with `status`, reported `code` (when given), and did not
/// panic.
fn expect(out: &Output, status: i32, code: Option<&str>) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stderr.contains("panicked"), "a panic:\n{stderr}");
    assert_eq!(
        out.status.code(),
        Some(status),
        "stderr:\n{stderr}\nstdout:\n{stdout}"
    );
    if let Some(code) = code {
        assert!(
            stderr.contains(&format!("[{code}]")) || stdout.contains(&format!("\"{code}\"")),
            "no {code}:\n{stderr}"
        );
    }
}

/// `check FILE` on a file with these bytes.
fn check_bytes(bytes: impl AsRef<[u8]>, status: i32, code: Option<&str>) {
    let case = Case::new();
    case.write("plan.koom", bytes);
    expect(&case.run(&["check", "plan.koom"]), status, code);
}

#[test]
fn empty_header_only_and_comment_only_files() {
    check_bytes("", 1, Some("E0002"));
    check_bytes("# only a comment\n", 1, Some("E0002"));
    check_bytes("koom 1.0\n", 0, None);
    check_bytes("koom 2.0\n", 1, Some("E0002"));
}

#[test]
fn encodings_and_line_endings() {
    check_bytes(format!("\u{feff}{PLAN}"), 0, None);
    check_bytes(PLAN.replace('\n', "\r\n"), 0, None);
    check_bytes(PLAN.replace('\n', "\r"), 0, None);
    check_bytes(PLAN.replace("Rita", "Rita\0"), 2, Some("E0004"));
    check_bytes(b"koom 1.0\norg \"Caf\xe9\"\n", 2, Some("E0004"));
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..4096u32).map(|i| (i * 7919 % 251) as u8));
    check_bytes(png, 2, Some("E0004"));
}

#[test]
fn a_byte_order_mark_and_crlf_build_the_same_work_orders() {
    let case = Case::new();
    case.write("lf.koom", PLAN);
    case.write(
        "crlf.koom",
        format!("\u{feff}{}", PLAN.replace('\n', "\r\n")),
    );
    let lf = case.run(&["build", "lf.koom", "--stdout"]);
    let crlf = case.run(&["build", "crlf.koom", "--stdout"]);
    expect(&crlf, 0, None);
    let normalize = |o: &Output| String::from_utf8_lossy(&o.stdout).replace("crlf.koom", "lf.koom");
    assert_eq!(normalize(&crlf), normalize(&lf));
}

#[test]
fn huge_words_numbers_and_dates() {
    check_bytes(
        format!("koom 1.0\nmanager {} \"x\"\n", "a".repeat(1 << 20)),
        2,
        Some("E0004"),
    );
    check_bytes(
        "koom 1.0\nmetric m unit USD better lower baseline 1234567890123456789012345678901234567890\n",
        1,
        Some("E0003"),
    );
    check_bytes("koom 1.0\nrevision 0000-01-01\n", 1, Some("E0003"));
    check_bytes("koom 1.0\nrevision 9999-12-31\n", 0, None);
    check_bytes("koom 1.0\nrevision 2026-02-30\n", 1, Some("E0003"));
}

#[test]
fn arithmetic_beyond_exact_decimals_is_a_coded_error() {
    let big = "79228162514264337593543950335";
    let budgets = PLAN.replace(
        "  priority 1",
        &format!("  budget {big} USD\n  budget {big} USD\n  priority 1"),
    );
    check_bytes(budgets, 1, Some("E0003"));
    let bound = PLAN
        .replace("baseline 1150", &format!("baseline {big}"))
        .replace(
            "  priority 1 throughput",
            "  priority 1 throughput\n  constraint throughput -12%",
        );
    check_bytes(bound.replace("-12%", "+12%"), 1, Some("E0003"));
    let time = PLAN.replace(
        "  priority 1",
        &format!(
            "  budget 10 days\n  allocate {big} weeks to operations for throughput\n  priority 1"
        ),
    );
    check_bytes(time, 1, Some("E0504"));
    check_bytes(
        PLAN.replace(
            "  priority 1 throughput",
            "  priority 1 throughput\n  constraint throughput -150%",
        ),
        1,
        Some("E0003"),
    );
}

#[test]
fn deep_and_unclosed_blocks_are_refused_quickly() {
    let deep = format!("{PLAN}task {}\n", "{".repeat(10_000));
    check_bytes(deep, 1, Some("E0001"));
    check_bytes(
        format!("{PLAN}task \"{}\n", "{".repeat(30_000)),
        1,
        Some("E0001"),
    );
    check_bytes(format!("{PLAN}task {}\n", "{".repeat(24)), 1, Some("E0001"));
    check_bytes(PLAN.replace("\n}\n", "\n"), 1, Some("E0001"));
    check_bytes(
        PLAN.replace("  priority 1", "  cycle 2026-Q2 {\n  }\n  priority 1"),
        1,
        Some("E0001"),
    );
    check_bytes(PLAN.replace("\"Rita\"", "\"Rita"), 1, Some("E0001"));
}

#[test]
fn files_that_are_not_files() {
    let case = Case::new();
    expect(&case.run(&["check", "missing.koom"]), 2, Some("E0004"));
    std::fs::create_dir(case.path("folder")).expect("folder");
    expect(&case.run(&["check", "folder"]), 2, Some("E0004"));
    expect(&case.run(&["check", "/dev/zero"]), 2, Some("E0004"));
    expect(&case.run(&["check", "/dev/null"]), 2, Some("E0004"));
    let fifo = case.path("pipe.koom");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        expect(&case.run(&["check", "pipe.koom"]), 2, Some("E0004"));
    }
    let large = std::fs::File::create(case.path("large.koom")).expect("create");
    large
        .set_len(koomc::load::MAX_FILE_BYTES + 1)
        .expect("sparse");
    expect(&case.run(&["check", "large.koom"]), 2, Some("E0004"));
}

#[test]
fn uses_that_cannot_be_followed() {
    let case = Case::new();
    std::fs::create_dir(case.path("shared")).expect("folder");
    case.write("dir.koom", "koom 1.0\nuse \"shared\"\n");
    expect(&case.run(&["check", "dir.koom"]), 2, Some("E0004"));
    case.write("self.koom", "koom 1.0\nuse \"self.koom\"\n");
    expect(&case.run(&["check", "self.koom"]), 1, Some("E0006"));
    case.write("up.koom", "koom 1.0\nuse \"../../etc/passwd\"\n");
    expect(&case.run(&["check", "up.koom"]), 1, Some("E0005"));
    case.write("missing.koom", "koom 1.0\nuse \"nowhere.koom\"\n");
    expect(&case.run(&["check", "missing.koom"]), 1, Some("E0005"));
    let outside = tempfile::tempdir().expect("another folder");
    std::fs::write(outside.path().join("org.koom"), "koom 1.0\n").expect("write");
    std::os::unix::fs::symlink(outside.path().join("org.koom"), case.path("link.koom"))
        .expect("link");
    case.write("escape.koom", "koom 1.0\nuse \"link.koom\"\n");
    expect(&case.run(&["check", "escape.koom"]), 1, Some("E0005"));
}

#[test]
fn project_files_that_cannot_be_read() {
    for toml in [
        &b"[lints\n"[..],
        b"[lints]\nvague-term = \"loud\"\n",
        b"a = \"\xff\"\n",
    ] {
        let case = Case::new();
        case.write("plan.koom", PLAN);
        case.write("koom.toml", toml);
        expect(&case.run(&["check", "plan.koom"]), 2, Some("E0008"));
    }
    let case = Case::new();
    case.write("plan.koom", PLAN);
    std::fs::create_dir(case.path("koom.toml")).expect("folder");
    expect(&case.run(&["check", "plan.koom"]), 2, Some("E0008"));
}

#[test]
fn an_output_folder_that_cannot_be_written_leaves_nothing() {
    let case = Case::new();
    case.write("plan.koom", PLAN);
    case.write("orders", "a file where the folder should be");
    let before = case.files();
    expect(
        &case.run(&["build", "plan.koom", "--out-dir", "orders/sub"]),
        2,
        Some("E0007"),
    );
    expect(
        &case.run(&["build", "plan.koom", "--out-dir", "orders"]),
        2,
        Some("E0007"),
    );
    assert_eq!(case.files(), before);
    // A cycle folder that is a file: nothing is written, no folder made.
    std::fs::create_dir(case.path("out")).expect("folder");
    case.write("out/2026-Q1", "in the way");
    let before = case.files();
    expect(
        &case.run(&["build", "plan.koom", "--out-dir", "out"]),
        2,
        Some("E0007"),
    );
    assert_eq!(case.files(), before);
}

#[test]
fn a_build_with_errors_writes_nothing() {
    let case = Case::new();
    case.write("plan.koom", PLAN.replace("to operations", "to operatons"));
    expect(
        &case.run(&["build", "plan.koom", "--out-dir", "orders"]),
        1,
        Some("E0102"),
    );
    assert!(!case.path("orders").exists());
    let out = case.run(&["build", "plan.koom", "--stdout"]);
    expect(&out, 1, Some("E0102"));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_killed_build_is_cleaned_up_by_the_next() {
    let case = Case::new();
    case.write("plan.koom", PLAN);
    // What a build killed part-way leaves: its staging folder (the process
    // id of one that does not run).
    case.write(
        "orders/.koomc-staging-999999999/2026-Q1/operations.json",
        "{ half",
    );
    expect(
        &case.run(&["build", "plan.koom", "--out-dir", "orders"]),
        0,
        None,
    );
    assert_eq!(
        case.files(),
        [
            "orders",
            "orders/2026-Q1",
            "orders/2026-Q1/operations.json",
            "plan.koom"
        ]
    );
    // And a real kill, part-way through a large build: as soon as its
    // staging folder holds a work order, before the build can finish (a
    // larger one if a machine wrote every order before it was seen).
    let stopped = [400, 1600, 6400]
        .into_iter()
        .any(|units| killed_while_writing(&case, units));
    assert!(
        stopped,
        "the build was stopped while it wrote its work orders"
    );
    expect(
        &case.run(&["build", "big.koom", "--out-dir", "many"]),
        0,
        None,
    );
    let left: Vec<String> = case
        .files()
        .into_iter()
        .filter(|f| f.contains(".koomc"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// Start a build of `units` managers into `many/` and kill it once a work
/// order is in its staging folder; false if it finished first.
fn killed_while_writing(case: &Case, units: usize) -> bool {
    let mut text = String::from(PLAN);
    for i in 0..units {
        text.push_str(&format!("manager unit-{i} \"Lead {i}\"\n"));
    }
    std::fs::write(case.path("big.koom"), text).expect("write");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_koomc"))
        .current_dir(case.dir.path())
        .args(["build", "big.koom", "--out-dir", "many"])
        .spawn()
        .expect("starts");
    let started = std::time::Instant::now();
    let staged = loop {
        let written = case
            .files()
            .iter()
            .any(|f| f.starts_with("many/.koomc-staging-") && f.ends_with(".json"));
        let done = child.try_wait().expect("the build is waited for").is_some();
        if written || done || started.elapsed() > Duration::from_secs(20) {
            break written;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let _ = child.kill();
    let _ = child.wait();
    staged
}

#[test]
fn concurrent_builds_into_one_folder_both_succeed() {
    let case = Case::new();
    case.write("plan.koom", PLAN);
    let spawn = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_koomc"))
            .current_dir(case.dir.path())
            .args(["build", "plan.koom", "--out-dir", "orders"])
            .output()
            .expect("runs")
    };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(spawn);
        let b = s.spawn(spawn);
        (a.join().expect("a"), b.join().expect("b"))
    });
    expect(&a, 0, None);
    expect(&b, 0, None);
    let order =
        std::fs::read_to_string(case.path("orders/2026-Q1/operations.json")).expect("written");
    let _: serde_json::Value = serde_json::from_str(&order).expect("whole JSON");
}

#[test]
fn fmt_keeps_links_and_modes_and_refuses_read_only_files() {
    use std::os::unix::fs::PermissionsExt;
    let case = Case::new();
    let messy = PLAN.replace("  priority 1 throughput", "      priority   1   throughput");
    let real = case.write("real.koom", &messy);
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).expect("mode");
    std::os::unix::fs::symlink("real.koom", case.path("link.koom")).expect("link");
    expect(&case.run(&["fmt", "link.koom"]), 0, None);
    let link = std::fs::symlink_metadata(case.path("link.koom")).expect("link");
    assert!(link.file_type().is_symlink(), "the link was replaced");
    let canonical = koomc::format::format(koomc::source::FileId(0), PLAN).expect("formats");
    assert_eq!(std::fs::read_to_string(&real).expect("read"), canonical);
    let mode = std::fs::metadata(&real).expect("real").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    let locked = case.write("locked.koom", &messy);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).expect("mode");
    expect(&case.run(&["fmt", "locked.koom"]), 2, Some("E0007"));
    assert_eq!(std::fs::read_to_string(&locked).expect("read"), messy);
}

/// `fmt` twice on a file: both runs succeed, the second changes nothing, and
/// each comment of the file is there once.
fn fmt_twice(bytes: &str, comments: &[&str]) {
    let case = Case::new();
    let file = case.write("plan.koom", bytes);
    expect(&case.run(&["fmt", "plan.koom"]), 0, None);
    let once = std::fs::read_to_string(&file).expect("read");
    expect(&case.run(&["fmt", "plan.koom"]), 0, None);
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        once,
        "not idempotent"
    );
    expect(&case.run(&["fmt", "--check", "plan.koom"]), 0, None);
    for comment in comments {
        assert_eq!(once.matches(comment).count(), 1, "{comment:?} in:\n{once}");
    }
}

#[test]
fn fmt_keeps_each_comment_once_after_refused_forms_and_lone_carriage_returns() {
    fmt_twice("koom 1.0\nassign x # c\n", &["# c"]);
    fmt_twice(
        "koom 1.0\ncycle 2026-Q1 {\n  task \"a {\" { x # in\n  } # after\n  step y   # s\n}\n",
        &["# in", "# after", "# s"],
    );
    fmt_twice("koom 1.0\rassign x # c\rorg \"A\" # d\r", &["# c", "# d"]);
    fmt_twice(
        &format!("{}# last\r", PLAN.replace('\n', " # n\r")),
        &["# last"],
    );
}

#[test]
fn fmt_of_standard_input_refuses_what_is_not_text() {
    let case = Case::new();
    let run = |bytes: &[u8]| {
        koomc()
            .current_dir(case.path(""))
            .args(["fmt", "-"])
            .write_stdin(bytes.to_vec())
            .timeout(Duration::from_secs(20))
            .output()
            .expect("runs")
    };
    let out = run(b"koom 1.0\n\0\n");
    expect(&out, 2, Some("E0004"));
    assert!(out.stdout.is_empty(), "nothing is written");
    let out = run(b"koom 1.0\n\xff\n");
    expect(&out, 2, Some("E0004"));
    let out = run(b"koom 1.0\ngaol x\n");
    expect(&out, 1, Some("E0001"));
    assert!(out.stdout.is_empty(), "nothing is written");
}

#[test]
fn escalation_files_that_are_not_escalations() {
    let case = Case::new();
    case.write("plan.koom", PLAN);
    case.write("esc/deep.json", "[".repeat(100_000));
    let out = case.run(&["check", "plan.koom", "--escalations", "esc"]);
    expect(&out, 1, Some("E0706"));
    let case = Case::new();
    case.write("plan.koom", PLAN);
    let big = std::fs::File::create(case.write("esc/big.json", "")).expect("create");
    big.set_len(50 << 20).expect("a sparse 50 MiB file");
    expect(
        &case.run(&["check", "plan.koom", "--escalations", "esc"]),
        2,
        Some("E0004"),
    );
    let case = Case::new();
    case.write("plan.koom", PLAN);
    expect(
        &case.run(&["check", "plan.koom", "--escalations", "nowhere"]),
        2,
        Some("E0004"),
    );
}

#[test]
fn misuse_of_the_command_line() {
    let case = Case::new();
    expect(&case.run(&["check"]), 2, None);
    expect(&case.run(&["chek", "plan.koom"]), 2, None);
    expect(
        &case.run(&["check", "--color", "rainbow", "x.koom"]),
        2,
        None,
    );
    expect(&case.run(&["build", "x.koom"]), 2, None);
    expect(&case.run(&["explain", "E9999"]), 2, None);
    expect(&case.run(&["schema", "nothing"]), 2, None);
}

#[test]
fn a_reader_that_stops_reading_ends_the_command_quietly() {
    let case = Case::new();
    case.write("plan.koom", PLAN);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_koomc"))
        .current_dir(case.dir.path())
        .args(["explain", "--list"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("starts");
    drop(child.stdout.take()); // the reader goes away before reading
    let out = child.wait_with_output().expect("ends");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    assert_eq!(out.status.code(), Some(0));
}

/// `check FILE` on a file with these bytes; what it wrote to standard error.
fn check_stderr(bytes: impl AsRef<[u8]>, status: i32, code: Option<&str>) -> String {
    let case = Case::new();
    case.write("plan.koom", bytes);
    let out = case.run(&["check", "plan.koom"]);
    expect(&out, status, code);
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn dates_and_cycles_at_the_edges_of_the_calendar() {
    let year_zero = check_stderr("koom 1.0\nrevision 0000-01-01\n", 1, Some("E0003"));
    assert!(year_zero.contains("there is no year 0000"), "{year_zero}");
    let cycle_zero = check_stderr(
        PLAN.replace("cycle 2026-Q1", "cycle 0000-Q1"),
        1,
        Some("E0003"),
    );
    assert!(cycle_zero.contains("there is no year 0000"), "{cycle_zero}");
    check_bytes("koom 1.0\nrevision 2100-02-29\n", 1, Some("E0003"));
    check_bytes("koom 1.0\nrevision 2024-02-29\n", 0, None);
    check_bytes(PLAN.replace("2026-Q1", "2026-Q5"), 1, Some("E0003"));
    check_bytes(PLAN.replace("2026-Q1", "2026-Q0"), 1, Some("E0003"));
    check_bytes(
        PLAN.replace("2026-Q1", "9999-Q4")
            .replace("2026-03-31", "9999-12-31"),
        0,
        None,
    );
}

#[test]
fn numbers_at_the_edges_of_exact_decimals() {
    let metric = |n: &str| format!("koom 1.0\nmetric m unit USD better lower baseline {n}\n");
    check_bytes(metric("1e9"), 1, Some("E0003"));
    check_bytes(metric("0.0000000000000000000000000001"), 0, None);
    check_bytes(metric("0.00000000000000000000000000001"), 1, Some("E0003"));
    check_bytes(metric("79228162514264337593543950336"), 1, Some("E0003"));
    check_bytes(
        PLAN.replace(
            "  priority 1",
            "  budget 1000000000000000000000000000000 USD\n  priority 1",
        ),
        1,
        Some("E0003"),
    );
    check_bytes(
        PLAN.replace(
            "  priority 1 throughput",
            "  priority 1 throughput\n  constraint throughput +79228162514264337593543950335%",
        ),
        1,
        Some("E0003"),
    );
}

#[test]
fn invisible_and_foreign_characters_in_names() {
    for odd in ["\u{202e}", "\u{200b}", "é", "\u{2028}", "\u{c}"] {
        check_bytes(
            PLAN.replace("manager operations", &format!("manager oper{odd}ations")),
            1,
            Some("E0001"),
        );
    }
    check_bytes(PLAN.replace("  priority", "\tpriority"), 0, None);
    check_bytes("\u{feff}", 1, Some("E0002"));
    check_bytes("\u{feff}\u{feff}koom 1.0\n", 1, Some("E0002"));
    check_bytes(" \n\n\t\n", 1, Some("E0002"));
    check_bytes("KOOM 1.0\n", 1, Some("E0002"));
    check_bytes("koom 1.0", 0, None);
}

#[test]
fn lines_at_the_length_limit() {
    let limit = koomc::load::MAX_LINE_BYTES;
    let line = |len: usize| format!("koom 1.0\norg \"{}\"\n", "a".repeat(len - "org \"\"".len()));
    check_bytes(line(limit), 0, None);
    let over = check_stderr(line(limit + 1), 2, Some("E0004"));
    assert!(over.contains("line 2"), "{over}");
    // Lines that end with a lone carriage return are lines too: a long
    // file of short lines is not one long line.
    let mut text = String::from("koom 1.0\n");
    for i in 0..5000 {
        text.push_str(&format!("manager unit-{i} \"x\"\n"));
    }
    assert!(text.len() > limit);
    check_bytes(text.replace('\n', "\r"), 0, None);
}

#[test]
fn ten_thousand_errors_are_reported_quickly() {
    let mut text = String::from("koom 1.0\n");
    for i in 0..10_000 {
        text.push_str(&format!("manager Bad{i} \"x\"\n"));
    }
    let start = Instant::now();
    let stderr = check_stderr(text, 1, Some("E0001"));
    assert!(
        stderr.ends_with("koomc: 10000 errors\n"),
        "{}",
        &stderr[stderr.len() - 200..]
    );
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn files_koomc_follows_that_are_not_koom_text() {
    let case = Case::new();
    std::os::unix::fs::symlink("b.koom", case.path("a.koom")).expect("link");
    std::os::unix::fs::symlink("a.koom", case.path("b.koom")).expect("link");
    expect(&case.run(&["check", "a.koom"]), 2, Some("E0004"));
    case.write("latin.koom", b"koom 1.0\norg \"Caf\xe9\"\n");
    case.write("uses-latin.koom", "koom 1.0\nuse \"latin.koom\"\n");
    expect(&case.run(&["check", "uses-latin.koom"]), 2, Some("E0004"));
    case.write("headless.koom", "org \"x\"\n");
    case.write("uses-headless.koom", "koom 1.0\nuse \"headless.koom\"\n");
    expect(
        &case.run(&["check", "uses-headless.koom"]),
        1,
        Some("E0002"),
    );
    // A chain of 200 `use`s is followed to its end.
    for i in 0..200 {
        case.write(
            &format!("chain{i}.koom"),
            format!(
                "koom 1.0\nuse \"chain{}.koom\"\nmanager unit-{i} \"x\"\n",
                i + 1
            ),
        );
    }
    case.write("chain200.koom", "koom 1.0\n");
    expect(&case.run(&["check", "chain0.koom"]), 0, None);
}

#[test]
fn an_output_folder_that_is_the_input_leaves_it_as_it_was() {
    let case = Case::new();
    case.write("plan.koom", PLAN);
    expect(
        &case.run(&["build", "plan.koom", "--out-dir", "plan.koom"]),
        2,
        Some("E0007"),
    );
    assert_eq!(
        std::fs::read_to_string(case.path("plan.koom")).expect("read"),
        PLAN
    );
    assert_eq!(case.files(), ["plan.koom"]);
}

#[test]
fn fmt_leaves_what_it_cannot_read_or_parse_as_it_was() {
    let case = Case::new();
    let binary = b"\x00\x01koom".to_vec();
    case.write("binary.koom", &binary);
    expect(&case.run(&["fmt", "binary.koom"]), 2, Some("E0004"));
    assert_eq!(
        std::fs::read(case.path("binary.koom")).expect("read"),
        binary
    );
    let broken = "koom 1.0\nmetric x unit\n";
    case.write("broken.koom", broken);
    expect(&case.run(&["fmt", "broken.koom"]), 1, Some("E0001"));
    assert_eq!(
        std::fs::read_to_string(case.path("broken.koom")).expect("read"),
        broken
    );
    std::fs::create_dir(case.path("folder")).expect("folder");
    expect(&case.run(&["fmt", "folder"]), 2, Some("E0004"));
    assert_eq!(case.files(), ["binary.koom", "broken.koom", "folder"]);
}

#[test]
fn fmt_keeps_comments_after_refused_forms_and_lone_carriage_returns() {
    let case = Case::new();
    case.write("refused.koom", "koom 1.0\nassign x # c\n");
    case.write("cr.koom", "koom 1.0\nmanager ops \"R\" # c\r# d\n");
    for name in ["refused.koom", "cr.koom"] {
        expect(&case.run(&["fmt", name]), 0, None);
        let once = std::fs::read_to_string(case.path(name)).expect("read");
        expect(&case.run(&["fmt", name]), 0, None);
        let twice = std::fs::read_to_string(case.path(name)).expect("read");
        assert_eq!(once, twice, "fmt is not idempotent on {name}");
        assert_eq!(once.matches("# c").count(), 1, "{once}");
    }
}

#[test]
fn escalation_folders_holding_what_is_not_an_escalation() {
    let case = Case::new();
    case.write("plan.koom", PLAN);
    case.write("esc/latin.json", b"{\"id\": \"caf\xe9\"}");
    expect(
        &case.run(&["check", "plan.koom", "--escalations", "esc"]),
        2,
        Some("E0004"),
    );
    let case = Case::new();
    case.write("plan.koom", PLAN);
    std::fs::create_dir(case.path("esc")).expect("folder");
    let fifo = case.path("esc/pipe.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let out = case.run(&["check", "plan.koom", "--escalations", "esc"]);
    expect(&out, 2, Some("E0004"));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not a regular file"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let case = Case::new();
    case.write("plan.koom", PLAN);
    for (name, json) in [
        ("object.json", "{\"a\": 1}"),
        ("list.json", "[]"),
        ("empty.json", ""),
    ] {
        case.write(&format!("esc/{name}"), json);
    }
    expect(
        &case.run(&["check", "plan.koom", "--escalations", "esc"]),
        1,
        Some("E0706"),
    );
}
