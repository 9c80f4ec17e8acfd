//! `gen-cedar`: writes a synthetic, valid Cedar schema and policy set, the
//! counterpart of `gen_org.rs` for `benches/cedar.sh`, which compares
//! `koomc check` with `cedar validate` on equal bytes.
//!
//! ```text
//! gen-cedar --bytes N DIR   # DIR/schema.cedarschema and DIR/policies.cedar, N bytes together
//! ```
//!
//! The organization is the same shape as gen-org's: units under units,
//! people in units, metrics owned by units. The schema declares the entity
//! types, their attributes and the actions; every policy names a unit, a
//! metric and one to three actions, with `when` and `unless` conditions on
//! attributes and context, so that the validator type-checks every
//! expression. The output depends only on the arguments (a seeded xorshift).
//! Std only.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

#[allow(dead_code)]
#[path = "gen_org.rs"]
mod gen_org;

/// The organization generator's seeded xorshift, so both generators draw alike.
use gen_org::Rng;

const SCHEMA: &str = r#"namespace Org {
  type Money = { amount: Long, currency: String };
  entity Unit in [Unit] { name: String, layer: String, budget: Money, headcount: Long };
  entity Person in [Unit] { name: String, level: Long, lead: Bool, email?: String };
  entity Metric { name: String, owner: Unit, baseline: Long, better: String, tags: Set<String> };
  action view, report appliesTo {
    principal: [Person],
    resource: [Metric],
    context: { amount: Long, urgent: Bool, cycle: String, tags: Set<String> }
  };
  action set_goal, allocate, align in [report] appliesTo {
    principal: [Person],
    resource: [Metric, Unit],
    context: { amount: Long, urgent: Bool, cycle: String, tags: Set<String> }
  };
}
"#;

const AREAS: &[&str] = &[
    "operations",
    "quality",
    "logistics",
    "finance",
    "support",
    "security",
    "training",
];
const REGIONS: &[&str] = &["north", "south", "east", "west", "central"];
const METRICS: &[&str] = &[
    "on-time-delivery",
    "cycle-time",
    "unit-cost",
    "process-yield",
    "training-completion",
    "ticket-backlog",
];
const ACTIONS: &[&str] = &["view", "report", "set_goal", "allocate", "align"];
const CYCLES: &[&str] = &["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"];

fn unit(r: &mut Rng) -> String {
    let a = AREAS[r.below(AREAS.len() as u64) as usize];
    let g = REGIONS[r.below(REGIONS.len() as u64) as usize];
    format!("{a}-{g}-{}", r.below(400))
}

fn metric(r: &mut Rng) -> String {
    let m = METRICS[r.below(METRICS.len() as u64) as usize];
    format!("{m}-{}", r.below(2000))
}

/// One policy, numbered `n`.
fn policy(r: &mut Rng, n: u64, out: &mut String) {
    let effect = if n % 7 == 0 { "forbid" } else { "permit" };
    let first = r.below(ACTIONS.len() as u64) as usize;
    let count = 1 + r.below(3) as usize;
    let actions: Vec<String> = (0..count)
        .map(|i| format!("Org::Action::\"{}\"", ACTIONS[(first + i) % ACTIONS.len()]))
        .collect();
    let _ = write!(
        out,
        "@id(\"policy-{n}\")\n{effect} (\n  principal in Org::Unit::\"{}\",\n  action in [{}],\n  resource == Org::Metric::\"{}\"\n)\n",
        unit(r),
        actions.join(", "),
        metric(r)
    );
    let _ = writeln!(
        out,
        "when {{\n  context.amount <= {} &&\n  principal.level >= {} &&\n  resource.baseline > {} &&\n  context.cycle == \"{}\"\n}}",
        1000 * (1 + r.below(900)),
        1 + r.below(9),
        r.below(100),
        CYCLES[r.below(CYCLES.len() as u64) as usize]
    );
    let _ = writeln!(
        out,
        "unless {{\n  (context.urgent && !principal.lead) ||\n  resource.owner.budget.amount < {} ||\n  context.tags.contains(\"{}\")\n}};\n",
        10_000 * (1 + r.below(90)),
        AREAS[r.below(AREAS.len() as u64) as usize]
    );
}

/// Write the schema and policies under `dir`, `bytes` bytes together.
fn generate(bytes: u64, dir: &std::path::Path) -> std::io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("schema.cedarschema"), SCHEMA)?;
    let mut file = std::io::BufWriter::new(std::fs::File::create(dir.join("policies.cedar"))?);
    let mut written = SCHEMA.len() as u64;
    let mut r = Rng::new(0x9E37_79B9_7F4A_7C15);
    let mut text = String::new();
    let mut n = 0;
    while written < bytes {
        text.clear();
        policy(&mut r, n, &mut text);
        file.write_all(text.as_bytes())?;
        written += text.len() as u64;
        n += 1;
    }
    file.flush()?;
    Ok(written)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some("--bytes"), Some(bytes), Some(dir)) = (
        args.first().map(String::as_str),
        args.get(1)
            .and_then(|b| b.replace('_', "").parse::<u64>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: gen-cedar --bytes N DIR");
        return ExitCode::from(2);
    };
    match generate(bytes, std::path::Path::new(dir)) {
        Ok(written) => {
            eprintln!("gen-cedar: {written} bytes in {dir}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen-cedar: {e}");
            ExitCode::FAILURE
        }
    }
}
