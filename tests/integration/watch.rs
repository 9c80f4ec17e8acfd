//! `check --watch` and `build --watch` with a real file change: the binary
//! runs, reports, sees the change and reports again, within bounded waits.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The longest wait for one report.
const WAIT: Duration = Duration::from_secs(10);

/// A watching koomc, killed when dropped (also when a test fails).
struct Watching {
    child: Child,
    lines: mpsc::Receiver<String>,
    seen: Vec<String>,
}

impl Watching {
    fn start(dir: &Path, args: &[&str]) -> Watching {
        let mut child = Command::new(env!("CARGO_BIN_EXE_koomc"))
            .current_dir(dir)
            .args(args)
            .args(["--watch", "--color", "never"])
            .env_remove("NO_COLOR")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("koomc starts");
        let stderr = child.stderr.take().expect("piped");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Watching {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// Wait (at most [`WAIT`]) for the end of a run: the `watching` line;
    /// the lines of the run.
    fn report(&mut self) -> Vec<String> {
        let deadline = Instant::now() + WAIT;
        let mut run = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if line.starts_with("koomc: watching ") {
                        return run;
                    }
                    run.push(line);
                }
                Err(_) => panic!("no report within {WAIT:?}; so far: {:#?}", self.seen),
            }
        }
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn starter(dir: &Path) {
    for (name, bytes) in koomc::init::starter(jiff::civil::date(2026, 11, 20)) {
        std::fs::write(dir.join(name), bytes).expect("write");
    }
}

#[test]
fn check_watch_reports_again_when_a_used_file_changes() {
    let dir = tempfile::tempdir().expect("tmp");
    starter(dir.path());
    let mut w = Watching::start(dir.path(), &["check", "plan.koom"]);
    let first = w.report();
    assert!(!first.iter().any(|l| l.contains("error")), "{first:#?}");
    assert!(
        w.seen
            .last()
            .is_some_and(|l| l.contains("watching 3 files")),
        "plan.koom, org.koom and koom.toml: {:#?}",
        w.seen
    );
    // Rename a unit in the org file the plan `use`s, as an editor saves:
    // a new file renamed into place.
    let org = std::fs::read_to_string(dir.path().join("org.koom")).expect("read");
    let tmp = dir.path().join(".org.koom.swp");
    std::fs::write(&tmp, org.replace("manager sales ", "manager sale ")).expect("write");
    std::fs::rename(&tmp, dir.path().join("org.koom")).expect("rename");
    let second = w.report();
    assert!(
        second
            .iter()
            .any(|l| l.contains("error[E0102]: unknown unit `sales`")),
        "{second:#?}"
    );
    // Not a terminal: no screen clearing.
    assert!(!w.seen.iter().any(|l| l.contains('\x1b')), "{:#?}", w.seen);
    // And back, written in place: truncating and writing are two events, and
    // on a busy machine they may fall into two runs; the last report counts.
    std::fs::write(dir.path().join("org.koom"), org).expect("write");
    let mut third = w.report();
    for _ in 0..3 {
        if !third.iter().any(|l| l.contains("error")) {
            break;
        }
        third = w.report();
    }
    assert!(!third.iter().any(|l| l.contains("error")), "{third:#?}");
}

#[test]
fn build_watch_writes_the_work_orders_again() {
    let dir = tempfile::tempdir().expect("tmp");
    starter(dir.path());
    let mut w = Watching::start(dir.path(), &["build", ".", "--out-dir", "orders"]);
    let first = w.report();
    assert!(
        first.iter().any(|l| l.starts_with("wrote 3 work orders")),
        "{first:#?}"
    );
    let order = dir.path().join("orders/2027-Q1/sales.json");
    assert!(std::fs::read_to_string(&order)
        .expect("written")
        .contains("55"));
    let plan = std::fs::read_to_string(dir.path().join("plan.koom")).expect("read");
    std::fs::write(
        dir.path().join("plan.koom"),
        plan.replace(">= 55 customers", ">= 61 customers"),
    )
    .expect("write");
    let second = w.report();
    assert!(
        second.iter().any(|l| l.starts_with("wrote 3 work orders")),
        "{second:#?}"
    );
    assert!(std::fs::read_to_string(&order)
        .expect("written")
        .contains("61"));
}
