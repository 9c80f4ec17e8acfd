//! `koomc explain CODE`: the long form of a diagnostic code.

use crate::diagnostic::Code;

/// The explanation of a code, or of the closest one for a typo.
pub fn explain(code: &str) -> Result<&'static str, String> {
    match Code::parse(code) {
        Some(code) => Ok(code.explanation()),
        None => {
            let known = Code::ALL
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            Err(format!(
                "`{code}` is not a koomc diagnostic code; the codes are: {known}"
            ))
        }
    }
}

/// The list printed by `koomc explain --list`: code, severity, title.
pub fn list() -> String {
    let mut out = String::new();
    for code in Code::ALL {
        out.push_str(&format!(
            "{}  {:<7}  {}\n",
            code.as_str(),
            code.default_severity().as_str(),
            code.title()
        ));
    }
    out
}
