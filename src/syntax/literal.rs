//! Literal validation: the grammar matches loose tokens, these functions decide
//! what they mean or say exactly what is wrong with them (E0003).

use jiff::civil::Date;
use rust_decimal::Decimal;

/// What is wrong with a literal, and what to write instead.
#[derive(Debug, PartialEq, Eq)]
pub struct Invalid {
    pub message: String,
    /// The primary label: what kind of literal is wrong.
    pub label: &'static str,
    pub help: String,
}

fn invalid(label: &'static str, message: impl Into<String>, help: impl Into<String>) -> Invalid {
    Invalid {
        message: message.into(),
        label,
        help: help.into(),
    }
}

/// A number token with what follows its digits: a scale suffix, or `pp`
/// (points) where the caller allows it.
#[derive(Debug, PartialEq, Eq)]
pub struct Number {
    pub value: Decimal,
    pub points: bool,
}

/// `1200`, `1_200`, `4.2`, `250k`, `1.2m`, `3b`; `2pp` when `allow_points`.
pub fn number(text: &str, allow_points: bool) -> Result<Number, Invalid> {
    let (body, points) = match text.strip_suffix("pp") {
        Some(body) if allow_points => (body, true),
        Some(_) => {
            return Err(invalid(
                "points outside a change",
                format!("`{text}`: percentage points (`pp`) are only for changes"),
                "write points as a signed change in a constraint, e.g. `constraint on-time-delivery +2pp`",
            ))
        }
        None => (text, false),
    };
    let (digits, scale) = match body.as_bytes().last() {
        Some(b'k') => (&body[..body.len() - 1], 1_000u64),
        Some(b'm') => (&body[..body.len() - 1], 1_000_000),
        Some(b'b') => (&body[..body.len() - 1], 1_000_000_000),
        _ => (body, 1),
    };
    let well_formed = !digits.is_empty()
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'_' || b == b'.')
        && digits.bytes().filter(|&b| b == b'.').count() <= 1
        && !digits.starts_with(['_', '.'])
        && !digits.ends_with(['_', '.'])
        && !digits.contains("__")
        && !digits.contains("_.")
        && !digits.contains("._");
    if !well_formed {
        let first_letter = text.find(|c: char| c.is_ascii_alphabetic());
        let help = match first_letter {
            Some(i) if i > 0 && text[i..].len() > 1 && !points => format!(
                "put a space between the number and its unit: `{} {}`",
                &text[..i],
                &text[i..]
            ),
            _ => "write a number such as `1200`, `1_200`, `4.2`, `250k` or `1.2m`".to_owned(),
        };
        return Err(invalid(
            "not a number",
            format!("malformed number `{text}`"),
            help,
        ));
    }
    let plain: String = digits.chars().filter(|&c| c != '_').collect();
    let value = Decimal::from_str_exact(&plain)
        .ok()
        .and_then(|v| v.checked_mul(Decimal::from(scale)))
        .ok_or_else(|| {
            invalid(
                "too large",
                format!("the number `{text}` is too large"),
                "numbers are exact decimals of at most 28 significant digits",
            )
        })?;
    Ok(Number {
        value: value.normalize(),
        points,
    })
}

/// The years of a date or a cycle: ISO 8601's four digits, without the
/// year 0000 it allows only by agreement.
const YEARS: std::ops::RangeInclusive<i16> = 1..=9999;

/// `YYYY-MM-DD`, a date that exists.
pub fn date(text: &str) -> Result<Date, Invalid> {
    let parts: Vec<&str> = text.split('-').collect();
    let shape_ok =
        parts.len() == 3 && parts[0].len() == 4 && parts[1].len() == 2 && parts[2].len() == 2;
    if !shape_ok {
        return Err(invalid(
            "not a date",
            format!("malformed date `{text}`"),
            "write dates as `YYYY-MM-DD`, e.g. `2026-03-31`",
        ));
    }
    let (y, m, d) = (
        parts[0].parse::<i16>().unwrap_or(0),
        parts[1].parse::<i8>().unwrap_or(0),
        parts[2].parse::<i8>().unwrap_or(0),
    );
    if !YEARS.contains(&y) {
        return Err(invalid(
            "no such year",
            format!("`{text}` is not a date: there is no year {}", parts[0]),
            "years run from `0001` to `9999`",
        ));
    }
    if !(1..=12).contains(&m) {
        return Err(invalid(
            "no such month",
            format!("`{text}` is not a date: there is no month {}", parts[1]),
            "months run from `01` to `12`",
        ));
    }
    Date::new(y, m, d).map_err(|_| {
        let last = Date::new(y, m, 1)
            .map(|first| first.last_of_month().day())
            .unwrap_or(28);
        invalid(
            "no such day",
            format!(
                "`{text}` is not a date: {} {y} has {last} days",
                month_name(m)
            ),
            format!(
                "the last day of that month is `{}-{}-{last:02}`",
                parts[0], parts[1]
            ),
        )
    })
}

fn month_name(m: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[(m as usize).clamp(1, 12) - 1]
}

/// A calendar cycle id: `2026`, `2026-Q1`…`Q4`, `2026-H1`/`H2`, with its dates.
pub fn calendar_cycle(text: &str) -> Result<(Date, Date), Invalid> {
    let help = "write a year `2026`, a quarter `2026-Q1` to `2026-Q4`, a half `2026-H1` or `2026-H2`, or a name with `from DATE to DATE`";
    let bad = || {
        invalid(
            "not a cycle id",
            format!("malformed cycle id `{text}`"),
            help,
        )
    };
    let (year, part) = match text.split_once('-') {
        Some((y, p)) => (y, Some(p)),
        None => (text, None),
    };
    if year.len() != 4 {
        return Err(bad());
    }
    let year: i16 = year.parse().map_err(|_| bad())?;
    if !YEARS.contains(&year) {
        return Err(invalid(
            "no such year",
            format!("`{text}` is not a cycle id: there is no year 0000"),
            help,
        ));
    }
    let span = |first_month: i8, months: i8| -> Result<(Date, Date), Invalid> {
        let from = Date::new(year, first_month, 1).map_err(|_| bad())?;
        let to = Date::new(year, first_month + months - 1, 1)
            .map_err(|_| bad())?
            .last_of_month();
        Ok((from, to))
    };
    match part {
        None => span(1, 12),
        Some(p) => match p.as_bytes() {
            [b'Q', q @ b'1'..=b'4'] => span(((q - b'1') * 3 + 1) as i8, 3),
            [b'H', h @ b'1'..=b'2'] => span(((h - b'1') * 6 + 1) as i8, 6),
            _ => Err(bad()),
        },
    }
}

/// A unit of measure: `%`, a currency code, a word, or a ratio of two words.
pub fn measure(text: &str) -> Result<(), Invalid> {
    if text == "%" {
        return Ok(());
    }
    let parts: Vec<&str> = text.split('/').collect();
    let word_ok = |w: &str| {
        !w.is_empty()
            && w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
            && !w.starts_with('-')
            && !w.ends_with('-')
    };
    // `incidents/1000`, `bags/100k`: per a count.
    let count_ok = |w: &str| {
        let digits = w.strip_suffix(['k', 'm']).unwrap_or(w);
        !digits.is_empty() && !digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
    };
    let ok = match parts.as_slice() {
        [word] => word_ok(word),
        [word, per] => word_ok(word) && (word_ok(per) || count_ok(per)),
        _ => false,
    };
    if !ok {
        return Err(invalid(
            "not a unit",
            format!("malformed unit `{text}`"),
            "a unit is `%`, a currency such as `USD`, a word such as `people`, a ratio of two words such as `crates/week`, or a word per a count such as `incidents/1000`",
        ));
    }
    Ok(())
}

/// Kebab-case: a lowercase letter, then lowercase letters, digits and single
/// hyphens. Returns the kebab-case spelling to suggest when it is not.
pub fn check_name(text: &str) -> Result<(), String> {
    let ok = text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !text.ends_with('-')
        && !text.contains("--");
    if ok {
        return Ok(());
    }
    Err(crate::diagnostic::kebab_case(text))
}

/// The text of a string literal's body with `\"` and `\\` resolved.
pub fn unescape(body: &str) -> Result<String, (usize, Invalid)> {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some((_, '"')) => out.push('"'),
            Some((_, '\\')) => out.push('\\'),
            Some((_, other)) => {
                return Err((
                    i,
                    invalid(
                        "unknown escape",
                        format!("unknown escape `\\{other}` in a string"),
                        "strings know two escapes: `\\\"` for a quote and `\\\\` for a backslash",
                    ),
                ))
            }
            None => out.push('\\'),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> String {
        number(text, true)
            .map(|n| n.value.to_string())
            .unwrap_or_else(|e| e.message)
    }

    #[test]
    fn numbers_are_exact_with_suffixes_and_separators() {
        assert_eq!(n("1200"), "1200");
        assert_eq!(n("1_200"), "1200");
        assert_eq!(n("4.2"), "4.2");
        assert_eq!(n("250k"), "250000");
        assert_eq!(n("1.2m"), "1200000");
        assert_eq!(n("3b"), "3000000000");
        assert_eq!(n("0.10"), "0.1");
        assert!(number("2pp", true).unwrap().points);
    }

    #[test]
    fn malformed_numbers_say_what_is_wrong() {
        assert_eq!(n("12kk"), "malformed number `12kk`");
        assert_eq!(n("1__200"), "malformed number `1__200`");
        assert_eq!(n("1_"), "malformed number `1_`");
        assert_eq!(
            n("99999999999999999999999999999b"),
            "the number `99999999999999999999999999999b` is too large"
        );
        let e = number("1300crates", false).unwrap_err();
        assert_eq!(
            e.help,
            "put a space between the number and its unit: `1300 crates`"
        );
        assert!(number("2pp", false).is_err());
    }

    #[test]
    fn dates_must_exist() {
        assert_eq!(date("2026-03-31").unwrap().to_string(), "2026-03-31");
        assert_eq!(date("2028-02-29").unwrap().to_string(), "2028-02-29");
        let e = date("2026-02-30").unwrap_err();
        assert_eq!(
            e.message,
            "`2026-02-30` is not a date: February 2026 has 28 days"
        );
        assert_eq!(e.help, "the last day of that month is `2026-02-28`");
        assert!(date("2026-13-01")
            .unwrap_err()
            .message
            .contains("no month 13"));
        let e = date("0000-01-01").unwrap_err();
        assert_eq!(
            e.message,
            "`0000-01-01` is not a date: there is no year 0000"
        );
        assert_eq!(e.help, "years run from `0001` to `9999`");
        assert!(date("9999-12-31").is_ok());
        assert!(calendar_cycle("0000-Q1")
            .unwrap_err()
            .message
            .contains("there is no year 0000"));
        assert!(calendar_cycle("9999-Q4").is_ok());
        assert!(date("2026-1-5")
            .unwrap_err()
            .message
            .contains("malformed date"));
    }

    #[test]
    fn calendar_cycles_imply_their_dates() {
        let s = |t| {
            calendar_cycle(t)
                .map(|(a, b)| format!("{a}..{b}"))
                .unwrap_or_else(|e| e.message)
        };
        assert_eq!(s("2026-Q1"), "2026-01-01..2026-03-31");
        assert_eq!(s("2026-Q4"), "2026-10-01..2026-12-31");
        assert_eq!(s("2026-H2"), "2026-07-01..2026-12-31");
        assert_eq!(s("2026"), "2026-01-01..2026-12-31");
        assert_eq!(s("2026-Q5"), "malformed cycle id `2026-Q5`");
        assert_eq!(s("26-Q1"), "malformed cycle id `26-Q1`");
    }

    #[test]
    fn units_are_words_or_ratios() {
        assert!(measure("%").is_ok());
        assert!(measure("USD/month").is_ok());
        assert!(measure("story-points").is_ok());
        assert!(measure("crates//week").is_err());
        assert!(measure("a/b/c").is_err());
        assert!(measure("kg2").is_err());
        assert!(measure("complaints/1000").is_ok());
        assert!(measure("bags/100k").is_ok());
        assert!(measure("bags/0100").is_err());
        assert!(measure("1000/bags").is_err());
    }

    #[test]
    fn names_are_kebab_case() {
        assert!(check_name("night-shift").is_ok());
        assert!(check_name("q1-throughput").is_ok());
        assert_eq!(check_name("Night_Shift"), Err("night-shift".into()));
        assert_eq!(check_name("ops--east"), Err("ops-east".into()));
        assert_eq!(check_name("GroundOps"), Err("ground-ops".into()));
    }

    #[test]
    fn strings_know_two_escapes() {
        assert_eq!(
            unescape(r#"say \"hi\" \\ bye"#).unwrap(),
            r#"say "hi" \ bye"#
        );
        assert_eq!(unescape(r"a\nb").unwrap_err().0, 1);
    }
}
