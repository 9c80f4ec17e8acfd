//! `koomc init [DIR]`: a small starter project that checks clean and builds:
//! `koom.toml` (commented lint levels and lexicon), `org.koom` (the units
//! and metrics) and `plan.koom` (one cycle, the next quarter, that `use`s
//! the org file). Every file says what its statements are for.
//!
//! [`starter`] makes the texts (the same for the same day); [`write`] writes
//! them and overwrites nothing: if any of the files exists, it is E0007 and
//! nothing is written.

use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::diagnostic::{Code, Diagnostic};

/// The files of the starter project, in the order they are written.
pub const FILES: [&str; 3] = ["koom.toml", "org.koom", "plan.koom"];

const KOOM_TOML: &str = r#"# koom.toml makes this folder a KOOM project: `use` paths stay inside it,
# and work orders and JSON diagnostics name files relative to it.

# Lint levels: "allow", "warn" or "deny" (`koomc explain --list` lists the
# codes; the lint names are in the README).
[lints]
# vague-term = "deny"
# unmeasurable-outcome = "deny"

# The phrasing analyzer's word lists, adjusted for this organization.
[phrasing]
# method-verbs = ["onboard"]   # more verbs that prescribe how
# allow = ["robust"]           # words taken out of every built-in list
"#;

const ORG: &str = r#"koom 1.0
# The organization, shared by every plan that says `use "org.koom"`.
org "Example Co."
executive "Alex Morgan"

# The spine: the units the executive layer addresses (managers and centres
# of excellence), and a worker unit, which it may not address (E0101).
manager operations "Sam Rivera"
manager sales      "Kim Lee"
coe     quality    "Quality CoE"
worker  warehouse under operations

# What the organization measures: the unit, which way is better, and where
# it stands now (the baseline that relative changes start from).
metric on-time-delivery  unit %          better higher  baseline 91
metric new-customers     unit customers  better higher  baseline 40
metric operating-cost    unit USD/month  better lower   baseline 200k
"#;

const PLAN: &str = r#"koom 1.0
use "org.koom"
revision {revision}

# One cycle: what the executive layer wants, and never how to get there.
# Check it with `koomc check .`, build the work orders with
# `koomc build . --out-dir orders`.
cycle {cycle} {
  window {from} to {window_end}  # when priorities may change without a `because`
  budget 100k USD

  direction "Every order reaches its customer on the day it was promised."

  priority 1 on-time-delivery
  priority 2 new-customers

  # A limit for the whole cycle: 5% below the baseline, on-time delivery kept.
  constraint operating-cost -5% keep on-time-delivery

  to operations {
    goal on-time-delivery >= 96% by {to}
  }
  to sales {
    goal new-customers >= 55 customers by {to}
  }
  to quality {
    outcome "Customer complaints must fall below 2% of orders by the end of the quarter."
  }

  allocate 60k USD to operations for on-time-delivery
  allocate 40k USD to sales for new-customers
}
"#;

/// The starter files for a project begun on `today`: the plan's revision is
/// `today` and its cycle the quarter after it.
pub fn starter(today: Date) -> Vec<(String, Vec<u8>)> {
    let quarter = (today.month() - 1) / 3 + 1;
    let (year, quarter) = if quarter == 4 {
        (today.year() + 1, 1)
    } else {
        (today.year(), quarter + 1)
    };
    let from = jiff::civil::date(year, (quarter - 1) * 3 + 1, 1);
    let to = jiff::civil::date(year, quarter * 3, 1).last_of_month();
    let window_end = from.saturating_add(jiff::Span::new().days(7));
    let plan = PLAN
        .replace("{revision}", &today.to_string())
        .replace("{cycle}", &format!("{year}-Q{quarter}"))
        .replace("{from}", &from.to_string())
        .replace("{window_end}", &window_end.to_string())
        .replace("{to}", &to.to_string());
    [KOOM_TOML.to_owned(), ORG.to_owned(), plan]
        .into_iter()
        .zip(FILES)
        .map(|(text, name)| (name.to_owned(), text.into_bytes()))
        .collect()
}

/// Write `files` into `dir` (created if missing); the paths written. If any
/// of them exists, or one cannot be written, it is E0007 and nothing is left
/// behind (a file is created only where none was, never replaced).
pub fn write(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<Vec<PathBuf>, Box<Diagnostic>> {
    let shown = dir.display().to_string();
    let refuse = |message: String, help: &str| {
        Box::new(
            Diagnostic::at_path(Code::E0007, message, shown.clone()).with_help(help.to_owned()),
        )
    };
    let existing: Vec<String> = files
        .iter()
        .map(|(name, _)| dir.join(name))
        .filter(|p| p.exists() || p.is_symlink())
        .map(|p| format!("`{}`", p.display()))
        .collect();
    if !existing.is_empty() {
        let verb = if existing.len() == 1 {
            "exists"
        } else {
            "exist"
        };
        return Err(refuse(
            format!("cannot write the starter project: {} already {verb}", existing.join(", ")),
            "`koomc init` overwrites nothing: name a new or empty folder (`koomc init DIR`), or move those files away; nothing was written",
        ));
    }
    if dir.exists() && !dir.is_dir() {
        return Err(refuse(
            format!("cannot write the starter project: `{shown}` is a file, not a folder"),
            "name a folder (`koomc init DIR`); nothing was written",
        ));
    }
    let created = !dir.exists();
    if let Err(e) = std::fs::create_dir_all(dir) {
        return Err(refuse(
            format!("cannot create `{shown}`: {e}"),
            "name a folder koomc may create; nothing was written",
        ));
    }
    let mut written: Vec<PathBuf> = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(name);
        let mut opened = std::fs::OpenOptions::new();
        let result = opened
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| {
                written.push(path.clone());
                f.write_all(bytes)
            });
        if let Err(e) = result {
            for p in &written {
                let _ = std::fs::remove_file(p);
            }
            if created {
                let _ = std::fs::remove_dir(dir);
            }
            return Err(refuse(
                format!("cannot write `{}`: {e}", path.display()),
                "check the folder's permissions; nothing was written",
            ));
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(today: Date) -> String {
        let files = starter(today);
        String::from_utf8(files[2].1.clone()).expect("UTF-8")
    }

    #[test]
    fn the_cycle_is_the_next_quarter() {
        let p = plan(jiff::civil::date(2026, 11, 20));
        assert!(p.contains("revision 2026-11-20\n"), "{p}");
        assert!(p.contains("cycle 2027-Q1 {\n"), "{p}");
        assert!(p.contains("window 2027-01-01 to 2027-01-08"), "{p}");
        assert!(p.contains("by 2027-03-31\n"), "{p}");
        let p = plan(jiff::civil::date(2026, 2, 1));
        assert!(p.contains("cycle 2026-Q2 {\n"), "{p}");
        assert!(p.contains("by 2026-06-30\n"), "{p}");
    }
}
