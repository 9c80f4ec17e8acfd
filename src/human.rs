//! How `koomc graph` and `koomc brief` write things for people: numbers with
//! thousands separators from the exact decimals (never floats), dates in words
//! ("31 March 2026"), bounds as sentences, short labels, and escaping for
//! HTML, SVG and Markdown. Every escape of the pictures and briefings goes
//! through [`escape`] (HTML and XML) or [`markdown`], and nowhere else.

use std::str::FromStr;

use rust_decimal::Decimal;

/// Text made safe for HTML and XML (element content and quoted attributes).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text made safe for Markdown: no character of it is read as markup, and
/// raw HTML is written as entities, so a wiki shows it as text.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// An exact decimal with thousands separators: `422400` → `422,400`,
/// `-2000000` → `-2,000,000`, `4.20` → `4.2`.
pub fn number(value: Decimal) -> String {
    let text = value.normalize().to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match fraction {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A number written as decimal text (as in a work order), with separators;
/// text that is not a number is returned as it is.
pub fn number_text(text: &str) -> String {
    Decimal::from_str(text).map_or_else(|_| text.to_owned(), number)
}

/// An amount with its unit: `96%`, `1,300 crates/week`, `180,000 USD`.
pub fn quantity(value: Decimal, unit: Option<&str>) -> String {
    match unit {
        Some("%") => format!("{}%", number(value)),
        Some(u) if !u.is_empty() => format!("{} {u}", number(value)),
        _ => number(value),
    }
}

const MONTHS: [&str; 12] = [
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

/// `2026-03-31` → `31 March 2026`; text that is not such a date is returned as it is.
pub fn date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return iso.to_owned();
    };
    match (y.parse::<i32>(), m.parse::<usize>(), d.parse::<u32>()) {
        (Ok(y), Ok(m @ 1..=12), Ok(d)) => format!("{d} {} {y}", MONTHS[m - 1]),
        _ => iso.to_owned(),
    }
}

/// `2026-03-31` → `31 Mar` (with a no-break space): for labels in pictures.
pub fn short_date(iso: &str) -> String {
    let long = date(iso);
    let mut words = long.split(' ');
    match (words.next(), words.next()) {
        (Some(d), Some(m)) if m.len() > 3 => format!("{d}\u{a0}{}", &m[..3]),
        _ => long,
    }
}

/// A period in words: `1 January – 31 March 2026`.
pub fn period(from: &str, to: &str) -> String {
    let (a, b) = (date(from), date(to));
    let same_month = from.len() == 10 && to.len() == 10 && from[..7] == to[..7];
    if let (true, Some((day, _))) = (same_month, a.split_once(' ')) {
        return format!("{day}–{b}");
    }
    match (a.rsplit_once(' '), b.rsplit_once(' ')) {
        (Some((a_day, a_year)), Some((_, b_year))) if a_year == b_year => {
            format!("{a_day} – {b}")
        }
        _ => format!("{a} – {b}"),
    }
}

/// A comparator in words: `>=` → `at least`.
pub fn op(op: &str) -> &'static str {
    match op {
        ">=" => "at least",
        "<=" => "at most",
        ">" => "more than",
        "<" => "less than",
        "=" => "exactly",
        _ => "",
    }
}

/// A comparator as one symbol, for pictures: `>=` → `≥`.
pub fn op_symbol(op: &str) -> &'static str {
    match op {
        ">=" => "≥",
        "<=" => "≤",
        ">" => ">",
        "<" => "<",
        "=" => "=",
        _ => "",
    }
}

/// A metric's name in words: `quality-variance` → `quality variance`.
pub fn metric(name: &str) -> String {
    name.replace('-', " ")
}

/// The first letter in upper case.
pub fn capital(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Text cut to at most `max` characters, at a word if one ends near, with `…`.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word = match cut.rfind(' ') {
        Some(i) if i * 3 >= cut.len() * 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// Text wrapped at spaces into lines of at most `width` characters (a word
/// longer than that is cut), at most `max_lines` lines (the last one ends
/// with `…` when text is left over).
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // Only ASCII spaces break a line: a no-break space (as in `15 Mar`) holds.
    for word in text.split([' ', '\t', '\n']).filter(|w| !w.is_empty()) {
        let word = shorten(word, width);
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        let rest = lines[max_lines - 1..].join(" ");
        lines.truncate(max_lines - 1);
        lines.push(shorten(&format!("{rest} …"), width));
    }
    lines
}

/// `n` and the word in its singular or plural form: `1 goal`, `3 goals`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_separators_and_stay_exact() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(number(d("422400")), "422,400");
        assert_eq!(number(d("1150")), "1,150");
        assert_eq!(number(d("999")), "999");
        assert_eq!(number(d("-2000000")), "-2,000,000");
        assert_eq!(number(d("4.20")), "4.2");
        assert_eq!(number(d("1234567.891")), "1,234,567.891");
        assert_eq!(quantity(d("96"), Some("%")), "96%");
        assert_eq!(
            quantity(d("1300"), Some("crates/week")),
            "1,300 crates/week"
        );
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(date("2026-03-31"), "31 March 2026");
        assert_eq!(date("2026-01-01"), "1 January 2026");
        assert_eq!(short_date("2026-03-31"), "31\u{a0}Mar");
        assert_eq!(
            period("2026-01-01", "2026-03-31"),
            "1 January – 31 March 2026"
        );
        assert_eq!(period("2026-01-01", "2026-01-09"), "1–9 January 2026");
        assert_eq!(
            period("2026-10-01", "2027-01-15"),
            "1 October 2026 – 15 January 2027"
        );
    }

    #[test]
    fn escaping() {
        assert_eq!(
            escape("<script>alert(1)</script> & \"x\""),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"
        );
        assert_eq!(markdown("<b>&\"*_"), "&lt;b&gt;&amp;\"\\*\\_");
    }

    #[test]
    fn wrapping_and_shortening() {
        assert_eq!(
            wrap(
                "Quality variance must drop below 3% by the end of March.",
                20,
                2
            ),
            vec!["Quality variance", "must drop below 3%…"]
        );
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(
            shorten("Every shipment leaves within 24 hours.", 20),
            "Every shipment…"
        );
    }
}
