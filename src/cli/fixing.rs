//! `koomc check --fix`, `--fix-unsafe` and `--diff`: the library plans and
//! applies the fixes (`koomc::fix`); this prints what changed and what
//! remains.

use koomc::fix::{Allow, Applied, Fixed};

use super::args::{FixArgs, Report};
use super::report::{self, Purpose, Status};
use super::CheckInputs;

/// Fix, then report: with `--diff`, the unified diff on standard output and
/// nothing written (exit 1 when there is something to fix or an error
/// would remain); otherwise every changed file written (or none, E0007),
/// one line per fix applied and the diagnostics of the re-check.
pub fn check_fix(inputs: &CheckInputs, args: &FixArgs, report: &Report) -> Status {
    let old = match inputs.baseline() {
        Ok(old) => old,
        Err(status) => return status,
    };
    let allow = if args.fix_unsafe {
        Allow::All
    } else {
        Allow::Safe
    };
    let mut fixed = koomc::fix::fix(allow, |overlay| inputs.compile(old.as_ref(), overlay));
    if args.diff {
        return preview(&fixed);
    }
    if let Err(problems) = koomc::fix::write(&fixed.changes) {
        let sources = koomc::source::SourceMap::new();
        report::problems(sources, problems, report, Purpose::Check);
        return Status::Trouble;
    }
    for a in &fixed.applied {
        eprintln!("{}", line("fixed", a));
    }
    if !fixed.applied.is_empty() {
        eprintln!("koomc: {}", counts(&fixed, "applied"));
    }
    unfinished(&fixed);
    report::diagnostics(&mut fixed.after, report, Purpose::Check)
}

/// `--diff`: the edits as a unified diff, and what they would leave.
fn preview(fixed: &Fixed) -> Status {
    let status = super::print(&koomc::fix::unified_diff(&fixed.changes));
    for a in &fixed.applied {
        eprintln!("{}", line("would fix", a));
    }
    let remaining = fixed
        .after
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .count();
    let left = match remaining {
        0 => String::new(),
        1 => "; 1 error would remain".to_owned(),
        n => format!("; {n} errors would remain"),
    };
    if fixed.applied.is_empty() {
        eprintln!("koomc: nothing to fix{left}");
    } else {
        eprintln!(
            "koomc: {}{left} (run with `--fix` to write)",
            counts(fixed, "would apply")
        );
    }
    unfinished(fixed);
    let found = report::status(&fixed.after);
    if !fixed.changes.is_empty() {
        return found.max(Status::Failed).max(status);
    }
    found.max(status)
}

/// `fixed plan.koom:12 (E0001): did you mean `>=`?`
fn line(verb: &str, a: &Applied) -> String {
    format!("{verb} {}:{} ({}): {}", a.file, a.line, a.code, a.title)
}

/// `applied 3 fixes in 2 files`.
fn counts(fixed: &Fixed, verb: &str) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{verb} {} in {}",
        plural(fixed.applied.len(), "fix", "fixes"),
        plural(fixed.changes.len(), "file", "files")
    )
}

fn unfinished(fixed: &Fixed) {
    if fixed.unfinished {
        eprintln!(
            "koomc: stopped after {} rounds of fixes; run it again to apply the rest",
            koomc::fix::MAX_ROUNDS
        );
    }
}
