//! Units of measure and how quantities are written: the knowledge that the
//! bounds stage, the checks and emit share.

use rust_decimal::Decimal;

/// The resource a budget or allocation holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ResourceKind {
    Money,
    People,
    Time,
}

impl ResourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ResourceKind::Money => "money",
            ResourceKind::People => "people",
            ResourceKind::Time => "time",
        }
    }
}

/// A unit of measure in canonical form: time words and `person`/`people` in
/// one spelling each (spec §2), everything else exactly as written.
pub fn canonical(unit: &str) -> String {
    unit.split('/')
        .map(|word| match word {
            "day" | "days" => "day",
            "week" | "weeks" => "week",
            "month" | "months" => "month",
            "quarter" | "quarters" => "quarter",
            "year" | "years" => "year",
            "hour" | "hours" => "hour",
            "person" | "people" => "people",
            other => other,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether two units are the same (spec §2: time and person words match their
/// singular and plural; all other units compare exactly).
pub fn same_unit(a: &str, b: &str) -> bool {
    a == b || canonical(a) == canonical(b)
}

/// The resource a budget or allocation unit is: money (a currency code),
/// people, or time.
pub fn resource_kind(unit: &str) -> Option<ResourceKind> {
    let is_currency = unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase());
    match canonical(unit).as_str() {
        _ if is_currency => Some(ResourceKind::Money),
        "people" => Some(ResourceKind::People),
        "day" | "week" | "month" | "quarter" | "year" | "hour" => Some(ResourceKind::Time),
        _ => None,
    }
}

/// A pool of one resource kind: money in one currency, people, or time.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Pool {
    Money(String),
    People,
    Time,
}

impl Pool {
    /// The pool an amount in `unit` draws on, and the amount in the pool's
    /// measure: time in days (a week is 7, an hour 1/24 and, where units are
    /// mixed, a month 30, a quarter 91 and a year 365 days; beyond exact
    /// arithmetic the amount saturates).
    pub fn of(value: Decimal, unit: &str) -> Option<(Pool, Decimal)> {
        Some(match resource_kind(unit)? {
            ResourceKind::Money => (Pool::Money(unit.to_owned()), value),
            ResourceKind::People => (Pool::People, value),
            ResourceKind::Time => (Pool::Time, value.saturating_mul(days_per(unit))),
        })
    }
}

/// Days in one of a time unit.
fn days_per(unit: &str) -> Decimal {
    match canonical(unit).as_str() {
        "week" => Decimal::from(7),
        "month" => Decimal::from(30),
        "quarter" => Decimal::from(91),
        "year" => Decimal::from(365),
        "hour" => Decimal::ONE / Decimal::from(24),
        _ => Decimal::ONE,
    }
}

/// A number as an executive writes it: `180k`, `1.2m`, `950`.
pub fn short(v: Decimal) -> String {
    let v = v.normalize();
    for (suffix, scale) in [("b", 1_000_000_000u64), ("m", 1_000_000), ("k", 1_000)] {
        let scaled = v / Decimal::from(scale);
        if scaled.abs() >= Decimal::ONE && scaled.normalize().scale() <= 1 {
            return format!("{}{suffix}", scaled.normalize());
        }
    }
    v.to_string()
}

/// A quantity as an executive writes it: `180k USD/month`, `96%`.
pub fn short_with_unit(value: Decimal, unit: Option<&str>) -> String {
    match unit {
        Some("%") => format!("{}%", short(value)),
        Some(u) => format!("{} {u}", short(value)),
        None => short(value),
    }
}

/// A quantity as it is written: `96%`, `1300 crates/week`.
pub fn with_unit(value: Decimal, unit: &str) -> String {
    if unit == "%" {
        format!("{}%", value.normalize())
    } else {
        format!("{} {unit}", value.normalize())
    }
}

/// `+5`, `-12`, `+0.5`: a number with its sign, as a change is written.
pub fn signed(v: Decimal) -> String {
    let v = v.normalize();
    if v.is_sign_negative() {
        v.to_string()
    } else {
        format!("+{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_and_person_words_match_singular_and_plural() {
        assert!(same_unit("crates/week", "crates/weeks"));
        assert!(same_unit("person", "people"));
        assert!(same_unit("days", "day"));
        assert!(!same_unit("crate/week", "crates/week"));
        assert!(!same_unit("USD", "EUR"));
    }

    #[test]
    fn resource_kinds() {
        assert_eq!(resource_kind("USD"), Some(ResourceKind::Money));
        assert_eq!(resource_kind("person"), Some(ResourceKind::People));
        assert_eq!(resource_kind("weeks"), Some(ResourceKind::Time));
        assert_eq!(resource_kind("crates"), None);
        assert_eq!(resource_kind("usd"), None);
    }

    #[test]
    fn quantities_are_written_as_users_write_them() {
        assert_eq!(with_unit(Decimal::new(960, 1), "%"), "96%");
        assert_eq!(
            with_unit(Decimal::from(1300), "crates/week"),
            "1300 crates/week"
        );
        assert_eq!(signed(Decimal::from(-12)), "-12");
        assert_eq!(signed(Decimal::new(50, 2)), "+0.5");
    }
}
