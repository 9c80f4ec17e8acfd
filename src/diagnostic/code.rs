//! The diagnostic codes of `../shared/spec/diagnostics.md`, as one table.
//!
//! A code is a value of [`Code`], never a string written at the place that
//! reports it; its default severity, lint name, title, long explanation
//! (`src/explain/EXXXX.md`), the scorecard figures it costs and what its
//! example needs beside a `.koom` file all hang off this table. Tests read it
//! to demand an explanation, an error example and a rule test of every code.

use super::Severity;

/// A figure of the executive scorecard (seed §7), for the codes that cost it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Figure {
    Clarity,
    Stability,
    Accuracy,
    Alignment,
    Allocation,
    Communication,
}

/// What a code's example needs besides the `.koom` file: the explanation's
/// `## Baseline` or `## Escalations` section, or a command's output folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    Nothing,
    /// `check --baseline OLD`: the explanation holds the old revision.
    Baseline,
    /// `check --escalations DIR`: the explanation holds the escalation files.
    Escalations,
    /// `build --out-dir DIR` that cannot be written: no `.koom` example.
    Output,
}

macro_rules! codes {
    ($( $code:ident => $severity:ident, $lint:expr, $title:expr, [$($figure:ident),*], $needs:ident; )*) => {
        /// A stable diagnostic code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $code, )*
        }

        impl Code {
            /// Every code, in table order.
            pub const ALL: &'static [Code] = &[$( Code::$code, )*];

            /// `E0101`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( Code::$code => stringify!($code), )*
                }
            }

            /// The default severity (E0301 is an error in an outcome and a
            /// warning in a direction: its reporter chooses).
            pub fn default_severity(self) -> Severity {
                match self {
                    $( Code::$code => Severity::$severity, )*
                }
            }

            /// The name used in `koom.toml` `[lints]`, for codes that are lints.
            pub fn lint_name(self) -> Option<&'static str> {
                let name: &'static str = match self {
                    $( Code::$code => $lint, )*
                };
                (!name.is_empty()).then_some(name)
            }

            /// One line: when the code is reported.
            pub fn title(self) -> &'static str {
                match self {
                    $( Code::$code => $title, )*
                }
            }

            /// The scorecard figures a diagnostic of this code costs points in.
            pub fn figures(self) -> &'static [Figure] {
                match self {
                    $( Code::$code => &[$(Figure::$figure),*], )*
                }
            }

            /// What the code's example needs besides a `.koom` file.
            pub fn needs(self) -> Needs {
                match self {
                    $( Code::$code => Needs::$needs, )*
                }
            }

            /// The long explanation printed by `koomc explain`.
            pub fn explanation(self) -> &'static str {
                match self {
                    $( Code::$code => include_str!(concat!("../explain/", stringify!($code), ".md")), )*
                }
            }
        }
    };
}

codes! {
    E0001 => Error, "", "syntax error", [], Nothing;
    E0002 => Error, "", "missing or unsupported `koom` version header", [], Nothing;
    E0003 => Error, "", "invalid literal: a date that does not exist, a malformed number or unit", [], Nothing;
    E0004 => Error, "", "a file cannot be read: not found, not UTF-8, a directory, too large", [], Nothing;
    E0005 => Error, "", "`use` of a path outside the project root, or a missing file", [], Nothing;
    E0006 => Error, "", "`use` cycle", [], Nothing;
    E0007 => Error, "", "the output cannot be written", [], Output;
    E0008 => Error, "", "`koom.toml` is not valid", [], Nothing;
    E0009 => Warning, "unknown-suppression", "a `# koom: allow` comment names no code or lint", [], Nothing;
    E0101 => Error, "", "a worker unit addressed: bypassing the spine", [], Nothing;
    E0102 => Error, "", "an undeclared unit named", [], Nothing;
    E0103 => Error, "", "an undeclared metric or goal id named", [], Nothing;
    E0104 => Error, "", "a name declared twice", [], Nothing;
    E0201 => Error, "", "method phrasing in an outcome or direction", [Clarity, Communication], Nothing;
    E0202 => Error, "", "a workflow, process, procedure, step or task written by the executive layer", [], Nothing;
    E0203 => Error, "", "a standard or training defined by the executive layer", [], Nothing;
    E0204 => Error, "", "`assign`: work handed toward workers directly", [], Nothing;
    E0301 => Error, "vague-term", "a vague term", [Clarity, Communication], Nothing;
    E0302 => Warning, "unmeasurable-outcome", "an outcome with neither a number nor a metric", [Clarity], Nothing;
    E0303 => Error, "", "urgency without clarity", [Clarity], Nothing;
    E0304 => Error, "", "`keep` on a metric without `better`", [Accuracy], Nothing;
    E0305 => Error, "", "a relative change on a metric without a baseline", [Accuracy], Nothing;
    E0306 => Warning, "narrative-cause", "a `because` that cites no metric or number", [], Nothing;
    E0307 => Warning, "slack-target", "a goal or absolute constraint its baseline already meets, or one that allows the metric to end worse", [Accuracy], Nothing;
    E0308 => Warning, "incomplete-cycle", "a cycle with no success criterion or no direction, or a priority nothing bounds", [Clarity], Nothing;
    E0401 => Error, "", "a quantity's unit does not match its metric's unit", [Accuracy, Allocation], Nothing;
    E0402 => Error, "", "a `by` date outside its cycle", [], Nothing;
    E0403 => Error, "", "a malformed cycle", [], Nothing;
    E0501 => Error, "", "allocations exceed the cycle's budget of that kind", [Allocation], Nothing;
    E0502 => Warning, "unbudgeted-allocation", "an allocation of a kind with no budget in the cycle", [Allocation], Nothing;
    E0503 => Warning, "allocation-discipline", "an allocation that serves no priority target or cycle goal", [Allocation], Nothing;
    E0504 => Error, "", "a time allocation longer than the cycle", [Allocation], Nothing;
    E0601 => Error, "", "a priority rank repeated, a rank gap, or a target ranked twice", [], Nothing;
    E0602 => Error, "", "contradictory bounds on one metric", [Accuracy], Nothing;
    E0603 => Error, "", "cross-department conflict", [Accuracy, Alignment], Nothing;
    E0604 => Warning, "unaligned-metric", "units with goals on one metric without `align`", [Alignment], Nothing;
    E0701 => Error, "", "a change outside the cycle's window without `because`", [Stability], Baseline;
    E0702 => Error, "", "the org model changed during a running cycle", [Stability], Baseline;
    E0703 => Error, "", "the revision date is earlier than the baseline's", [], Baseline;
    E0704 => Error, "", "a `resolve` names an unknown escalation", [], Escalations;
    E0705 => Warning, "unresolved-escalation", "an open escalation has no `resolve`", [], Escalations;
    E0706 => Error, "", "an escalation that brings no options or no data", [], Escalations;
    E0801 => Error, "", "an `ai` use the seed does not permit", [], Nothing;
}

impl Code {
    /// Parse `E0101` (case-insensitive, `0101` and `e101` accepted too).
    pub fn parse(text: &str) -> Option<Code> {
        let digits = text.trim().trim_start_matches(['E', 'e']);
        let n: u32 = digits.parse().ok()?;
        let wanted = format!("E{n:04}");
        Code::ALL.iter().copied().find(|c| c.as_str() == wanted)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_common_spellings() {
        assert_eq!(Code::parse("E0101"), Some(Code::E0101));
        assert_eq!(Code::parse("e101"), Some(Code::E0101));
        assert_eq!(Code::parse("0801"), Some(Code::E0801));
        assert_eq!(Code::parse("E9999"), None);
        assert_eq!(Code::parse("banana"), None);
    }

    #[test]
    fn every_explanation_is_titled_with_its_code() {
        for code in Code::ALL {
            let first = code.explanation().lines().next().unwrap_or_default();
            assert!(
                first.starts_with(&format!("# {code}")),
                "{code}: explanation starts with {first:?}"
            );
        }
    }
}
