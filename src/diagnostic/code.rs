//! The diagnostic codes of `../shared/spec/diagnostics.md`, as one table.
//!
//! A code is a value of [`Code`], never a string written at the place that
//! reports it; its default severity, lint name, title and long explanation
//! (`src/explain/EXXXX.md`) all hang off this table.

use super::Severity;

macro_rules! codes {
    ($( $code:ident => $severity:ident, $lint:expr, $title:expr; )*) => {
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
    E0001 => Error, "", "syntax error";
    E0002 => Error, "", "missing or unsupported `koom` version header";
    E0003 => Error, "", "invalid literal: a date that does not exist, a malformed number or unit";
    E0004 => Error, "", "a file cannot be read: not found, not UTF-8, a directory, too large";
    E0005 => Error, "", "`use` of a path outside the project root, or a missing file";
    E0006 => Error, "", "`use` cycle";
    E0007 => Error, "", "the output cannot be written";
    E0008 => Error, "", "`koom.toml` is not valid";
    E0101 => Error, "", "a worker unit addressed: bypassing the spine";
    E0102 => Error, "", "an undeclared unit named";
    E0103 => Error, "", "an undeclared metric or goal id named";
    E0104 => Error, "", "a name declared twice";
    E0201 => Error, "", "method phrasing in an outcome or direction";
    E0202 => Error, "", "a workflow, process, procedure, step or task written by the executive layer";
    E0203 => Error, "", "a standard or training defined by the executive layer";
    E0204 => Error, "", "`assign`: work handed toward workers directly";
    E0301 => Error, "vague-term", "a vague term";
    E0302 => Warning, "unmeasurable-outcome", "an outcome with neither a number nor a metric";
    E0303 => Error, "", "urgency without clarity";
    E0304 => Error, "", "`keep` on a metric without `better`";
    E0305 => Error, "", "a relative change on a metric without a baseline";
    E0306 => Warning, "narrative-cause", "a `because` that cites no metric or number";
    E0401 => Error, "", "a quantity's unit does not match its metric's unit";
    E0402 => Error, "", "a `by` date outside its cycle";
    E0403 => Error, "", "a malformed cycle";
    E0501 => Error, "", "allocations exceed the cycle's budget of that kind";
    E0502 => Warning, "unbudgeted-allocation", "an allocation of a kind with no budget in the cycle";
    E0503 => Warning, "allocation-discipline", "an allocation that serves no priority target or cycle goal";
    E0504 => Error, "", "a time allocation longer than the cycle";
    E0601 => Error, "", "a priority rank repeated, a rank gap, or a target ranked twice";
    E0602 => Error, "", "contradictory bounds on one metric";
    E0603 => Error, "", "cross-department conflict";
    E0604 => Warning, "unaligned-metric", "units with goals on one metric without `align`";
    E0701 => Error, "", "a change outside the cycle's window without `because`";
    E0702 => Error, "", "the org model changed during a running cycle";
    E0703 => Error, "", "the revision date is earlier than the baseline's";
    E0704 => Error, "", "a `resolve` names an unknown escalation";
    E0705 => Warning, "unresolved-escalation", "an open escalation has no `resolve`";
    E0706 => Error, "", "an escalation that brings no options or no data";
    E0801 => Error, "", "an `ai` use the seed does not permit";
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
