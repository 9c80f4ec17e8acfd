//! `koomc fmt --check`'s unified diff, in time linear in the file.
//!
//! A general line diff costs time proportional to the number of changed lines
//! times the length of the file (minutes on a 20 MB file that is not in the
//! canonical layout). The formatter knows more: it writes the statements and
//! comments in source order, and records where each starts in the source and
//! in the output. Between two such points the source and the output differ
//! only in that one statement's or comment's lines (and the blank lines after
//! it), so the diff is the common lines at both ends of each stretch and a
//! replacement in between.

/// What changed: `old` lines replaced by `new` lines (either may be empty).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Change {
    old: (usize, usize),
    new: (usize, usize),
}

/// Lines of context around each change.
const CONTEXT: usize = 3;

/// The unified diff from `before` to `after` (empty when they are the same),
/// named `name` in its header; `sync` pairs a source line with the output
/// line where the same statement or comment starts, in order.
pub(super) fn unified(name: &str, before: &str, after: &str, sync: &[(u32, u32)]) -> String {
    if before == after {
        return String::new();
    }
    let old: Vec<&str> = before.split_inclusive('\n').collect();
    let new: Vec<&str> = after.split_inclusive('\n').collect();
    let changes = changes(&old, &new, sync);
    let mut out = format!("--- {name}\n+++ {name}\n");
    let mut first = 0;
    while first < changes.len() {
        let mut last = first;
        while last + 1 < changes.len()
            && changes[last + 1].old.0 - changes[last].old.1 <= 2 * CONTEXT
        {
            last += 1;
        }
        hunk(&mut out, &old, &new, &changes[first..=last]);
        first = last + 1;
    }
    out
}

/// The changes, stretch by stretch between the points of `sync`.
fn changes(old: &[&str], new: &[&str], sync: &[(u32, u32)]) -> Vec<Change> {
    let mut points: Vec<(usize, usize)> = vec![(0, 0)];
    for &(o, n) in sync {
        let (po, pn) = *points.last().expect("a point");
        let (o, n) = (o as usize, n as usize);
        if o >= po && n >= pn && o <= old.len() && n <= new.len() {
            points.push((o, n));
        }
    }
    points.push((old.len(), new.len()));
    let mut out: Vec<Change> = Vec::new();
    for pair in points.windows(2) {
        let ((mut o0, mut n0), (mut o1, mut n1)) = (pair[0], pair[1]);
        while o0 < o1 && n0 < n1 && old[o0] == new[n0] {
            o0 += 1;
            n0 += 1;
        }
        while o1 > o0 && n1 > n0 && old[o1 - 1] == new[n1 - 1] {
            o1 -= 1;
            n1 -= 1;
        }
        if o0 == o1 && n0 == n1 {
            continue;
        }
        match out.last_mut() {
            // Touching the change before: one change.
            Some(last) if last.old.1 == o0 && last.new.1 == n0 => {
                last.old.1 = o1;
                last.new.1 = n1;
            }
            _ => out.push(Change {
                old: (o0, o1),
                new: (n0, n1),
            }),
        }
    }
    out
}

/// One hunk: the changes with the common lines between them, and context.
fn hunk(out: &mut String, old: &[&str], new: &[&str], changes: &[Change]) {
    let (first, last) = (changes[0], changes[changes.len() - 1]);
    let before = CONTEXT.min(first.old.0);
    let after = CONTEXT.min(old.len() - last.old.1);
    let old_range = (first.old.0 - before, last.old.1 + after);
    let new_range = (first.new.0 - before, last.new.1 + after);
    out.push_str(&format!(
        "@@ -{} +{} @@\n",
        range(old_range),
        range(new_range)
    ));
    let mut at = old_range.0;
    for c in changes {
        lines(out, ' ', &old[at..c.old.0]);
        lines(out, '-', &old[c.old.0..c.old.1]);
        lines(out, '+', &new[c.new.0..c.new.1]);
        at = c.old.1;
    }
    lines(out, ' ', &old[at..old_range.1]);
}

/// A hunk's range as `diff -u` writes it: the first line (1-based; the line
/// before, when the range is empty) and the length, unless it is 1.
fn range((start, end): (usize, usize)) -> String {
    match end - start {
        0 => format!("{start},0"),
        1 => format!("{}", start + 1),
        n => format!("{},{n}", start + 1),
    }
}

fn lines(out: &mut String, mark: char, lines: &[&str]) {
    for line in lines {
        out.push(mark);
        out.push_str(line);
        if !line.ends_with('\n') {
            out.push_str("\n\\ No newline at end of file\n");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diff_says_what_changes_with_three_lines_of_context() {
        let before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        let after = "a\nb\nc\nd\nE\nf\ng\nh\n";
        let sync: Vec<(u32, u32)> = (0..8).map(|i| (i, i)).collect();
        assert_eq!(
            unified("x.koom", before, after, &sync),
            "--- x.koom\n+++ x.koom\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n"
        );
    }

    #[test]
    fn joined_lines_and_a_missing_line_break() {
        let before = "a\n  b\n  c\nd";
        let after = "a\nb c\nd\n";
        let sync = [(0, 0), (1, 1), (3, 2)];
        assert_eq!(
            unified("x", before, after, &sync),
            "--- x\n+++ x\n@@ -1,4 +1,3 @@\n a\n-  b\n-  c\n-d\n\\ No newline at end of file\n+b c\n+d\n"
        );
    }

    #[test]
    fn changes_far_apart_are_hunks_of_their_own() {
        let before: String = (0..20).map(|i| format!("{i}\n")).collect();
        let after = before
            .replace("2\n", "two\n")
            .replace("17\n", "seventeen\n");
        let sync: Vec<(u32, u32)> = (0..20).map(|i| (i, i)).collect();
        let diff = unified("x", &before, &after, &sync);
        assert_eq!(diff.matches("@@ -").count(), 2, "{diff}");
        assert!(
            diff.contains("@@ -1,6 +1,6 @@\n 0\n 1\n-2\n+two\n 3\n 4\n 5\n"),
            "{diff}"
        );
    }
}
