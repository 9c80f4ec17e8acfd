//! `gen-org`: writes a synthetic, valid KOOM organization to standard output.
//!
//! ```text
//! gen-org SCALE            # SCALE >= 1 multiplies everything (1 is about 100 KB)
//! gen-org --bytes N        # the smallest scale whose output is at least N bytes
//! gen-org ... --stats      # also print sizes and counts to standard error
//! ```
//!
//! The output depends only on the arguments (a seeded xorshift, no clock). It is
//! meant to compile with no diagnostics under every rule of
//! `shared/spec/language.md`; the rules it keeps by construction:
//!
//! - names are kebab-case, never a keyword, and declared once (checked here);
//! - only manager and CoE units are addressed; workers are declared only;
//! - every bound on a metric points the metric's "better" way (or a fixed way
//!   for a metric without `better`), so the bounds of one cycle can always hold
//!   together: no contradiction, no cross-department conflict;
//! - `keep` and relative changes only on metrics with `better` and `baseline`,
//!   `pp` only on `%` metrics, quantities in the metric's unit;
//! - `by` dates and windows inside their cycle; cycles are consecutive quarters;
//! - priorities are ranked 1..N without gaps, each target once;
//! - allocations of a kind sum to at most the cycle's budget of that kind and
//!   are `for` a priority target; time allocations stay shorter than the cycle;
//! - every organization-wide metric that two or more units get goals on in `to`
//!   blocks is covered by an `align` naming exactly those units;
//! - outcomes state a condition of the world with a number; `because` cites a
//!   number; `ai` uses are among the permitted ones.
//!
//! Std only: it is built as the `gen-org` example and also with plain `rustc`.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::process::ExitCode;

// ---------------------------------------------------------------------------
// Randomness: a tiny seeded xorshift64*
// ---------------------------------------------------------------------------

pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        // splitmix64 of the seed, so that neighbouring seeds diverge at once
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }
    pub(crate) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// 0..n
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        debug_assert!(n > 0);
        ((self.next() >> 32) * n) >> 32
    }
    /// lo..=hi
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
    /// true with probability pct/100
    fn pct(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    fn idx(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }
}

// ---------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------

#[rustfmt::skip]
const KEYWORDS: &[&str] = &[
    "koom", "org", "revision", "executive", "manager", "coe", "worker", "under", "metric",
    "unit", "better", "baseline", "per", "use", "cycle", "from", "to", "window", "budget",
    "direction", "priority", "because", "align", "on", "resolve", "for", "urgent", "goal",
    "constraint", "keep", "outcome", "allocate", "tech", "ai", "by", "task", "step",
    "workflow", "procedure", "process", "standard", "training", "assign", "higher", "lower",
];

#[rustfmt::skip]
const DEPTS: &[&str] = &[
    "operations", "logistics", "finance", "sales", "support", "procurement", "engineering",
    "marketing", "legal", "facilities", "security", "payroll", "fleet", "customs", "treasury",
    "research", "retail", "wholesale", "field-service", "partnerships",
];

const REGIONS: &[&str] = &[
    "north", "south", "east", "west", "central", "harbor", "valley", "summit", "delta", "ridge",
    "coast",
];

const COE_TOPICS: &[(&str, &str)] = &[
    ("quality", "Quality"),
    ("safety", "Safety"),
    ("data", "Data"),
    ("pricing", "Pricing"),
    ("privacy", "Privacy"),
    ("reliability", "Reliability"),
    ("accessibility", "Accessibility"),
    ("compliance", "Compliance"),
    ("architecture", "Architecture"),
    ("sustainability", "Sustainability"),
];

const CREWS: &[&str] = &[
    "night-shift",
    "day-shift",
    "dock-crew",
    "pick-team",
    "call-floor",
    "field-crew",
];

#[rustfmt::skip]
const FIRST: &[&str] = &[
    "Rita", "Bandit", "Coco", "Maple", "Juniper", "Hazel", "Otto", "Pip", "Wren", "Basil",
    "Clover", "Fern", "Milo", "Tansy", "Rowan", "Sorrel", "Ash", "Briar", "Ivy", "Quill",
];

#[rustfmt::skip]
const LAST: &[&str] = &[
    "Ringtail", "Masks", "Raccoon", "Burrow", "Thicket", "Hollow", "Creek", "Stump", "Bramble",
    "Moss", "Acorn", "Fernwood", "Willow", "Pebble", "Marsh",
];

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

#[derive(Clone, Copy, PartialEq)]
enum Dir {
    Higher,
    Lower,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// whole currency amounts, written with k/m suffixes
    Money,
    /// tenths of a percent
    Pct,
    /// whole counts (people, crates/week, days, ...)
    Count,
}

struct Measure {
    name: &'static str,
    unit: Option<&'static str>,
    dir: Dir,
    kind: Kind,
    lo: u64,
    hi: u64,
}

const fn ms(
    name: &'static str,
    unit: Option<&'static str>,
    dir: Dir,
    kind: Kind,
    lo: u64,
    hi: u64,
) -> Measure {
    Measure {
        name,
        unit,
        dir,
        kind,
        lo,
        hi,
    }
}

use Dir::{Higher, Lower};
use Kind::{Count, Money, Pct};

// 31 measures (31 + 1 = 32 is coprime with the 11 regions, so the
// measure x region pairs below are all distinct).
#[rustfmt::skip]
const MEASURES: &[Measure] = &[
    ms("overhead", Some("USD/month"), Lower, Money, 200_000, 900_000),
    ms("throughput", Some("crates/week"), Higher, Count, 500, 5000),
    ms("quality-variance", Some("%"), Lower, Pct, 15, 80),
    ms("headcount", Some("people"), Lower, Count, 50, 900),
    ms("on-time-delivery", Some("%"), Higher, Pct, 800, 970),
    ms("ticket-backlog", Some("tickets/week"), Lower, Count, 50, 900),
    ms("time-to-hire", Some("days"), Lower, Count, 20, 60),
    ms("cloud-spend", Some("USD/month"), Lower, Money, 20_000, 300_000),
    ms("revenue", Some("USD/month"), Higher, Money, 500_000, 5_000_000),
    ms("gross-margin", Some("%"), Higher, Pct, 200, 600),
    ms("defect-rate", Some("%"), Lower, Pct, 5, 50),
    ms("uptime", Some("%"), Higher, Pct, 950, 995),
    ms("returns", Some("crates/week"), Lower, Count, 10, 300),
    ms("resolved-tickets", Some("tickets/week"), Higher, Count, 100, 2000),
    ms("lead-time", Some("days"), Lower, Count, 3, 30),
    ms("open-roles", Some("people"), Lower, Count, 5, 60),
    ms("attrition", Some("%"), Lower, Pct, 50, 200),
    ms("training-completion", Some("%"), Higher, Pct, 600, 950),
    ms("cycle-time", Some("days"), Lower, Count, 2, 20),
    ms("unit-cost", Some("USD"), Lower, Money, 12, 480),
    ms("picking-volume", Some("crates/week"), Higher, Count, 300, 4000),
    ms("escalated-tickets", Some("tickets/week"), Lower, Count, 5, 120),
    ms("process-yield", Some("%"), Higher, Pct, 700, 960),
    ms("support-staff", Some("people"), Higher, Count, 10, 120),
    ms("onboarding-time", Some("days"), Lower, Count, 5, 40),
    ms("freight-cost", Some("USD/month"), Lower, Money, 50_000, 400_000),
    ms("first-contact-resolution", Some("%"), Higher, Pct, 500, 850),
    ms("nps", None, Higher, Count, 10, 60),
    ms("overtime", Some("hours/week"), Lower, Count, 100, 900),
    ms("wait-time", Some("minutes"), Lower, Count, 5, 45),
    ms("satisfaction-score", None, Higher, Count, 60, 90),
];

/// Outcome sentences: a condition of the world with a number. `{n}` is replaced.
const OUTCOMES: &[(&str, u64, u64)] = &[
    ("Customer wait time must stay below {n} minutes", 10, 45),
    ("Median ticket age must fall below {n} days", 2, 9),
    ("Quality variance must drop below {n}%", 2, 5),
    ("Invoice error rate must stay under {n}%", 1, 4),
    ("Safety training completion must reach {n}%", 90, 100),
    ("Time to hire must fall below {n} days", 25, 45),
    ("Dock idle time must stay below {n} hours per shift", 2, 4),
    (
        "Every shipment leaves the dock within {n} hours of the order",
        12,
        48,
    ),
    (
        "Every support ticket receives a first answer within {n} hours",
        2,
        24,
    ),
    ("At least {n}% of orders arrive on the promised day", 90, 99),
    ("Warehouse count accuracy must reach {n}% or higher", 95, 99),
    (
        "Unplanned downtime must stay below {n} hours per month",
        2,
        12,
    ),
    ("Damaged returns must stay below {n} crates per week", 5, 40),
    (
        "Open security findings older than {n} days must number zero",
        30,
        90,
    ),
];

const CAUSES: &[&str] = &[
    "Backlog grew {n}% in {month}.",
    "Churn rose {n} points after the {month} price change.",
    "Audits found {n} defects in {month}.",
    "Customer complaints reached {n} in {month}.",
    "Overtime averaged {n} hours per week in {month}.",
    "Two regions missed their target by {n}% in {month}.",
    "Freight rates rose {n}% since {month}.",
];

const DIRECTIONS: &[&str] = &[
    "{org} is the most reliable distributor in the burrow.",
    "Every customer of {org} gets a working answer within one business day.",
    "{org} delivers every order on the promised day at a margin of at least {n}%.",
    "{org} ships {n} crates a week, and at most 2% of them come back.",
    "Every unit of {org} runs within its budget and no team works more than {n} hours a week.",
];

const TECH: &[&str] = &[
    "Forklift telemetry",
    "Ticket routing service",
    "Demand forecast model",
    "Warehouse scanners",
    "Fleet tracking platform",
    "Payroll ledger",
    "Contract archive",
];

const AI_USES: &[&str] = &["summarize", "scenario", "explore", "expand", "interpret"];

// ---------------------------------------------------------------------------
// The organization model
// ---------------------------------------------------------------------------

struct Metric {
    name: String,
    m: &'static Measure,
    declared_better: bool,
    baseline: Option<u64>,
    /// the value bounds are computed from (the baseline, or a typical value)
    typical: u64,
    per_unit: bool,
}

impl Metric {
    fn keepable(&self) -> bool {
        self.declared_better && self.baseline.is_some()
    }
}

struct Org {
    scale: u64,
    managers: Vec<(String, String)>,
    coes: Vec<(String, String)>,
    workers: Vec<(String, Option<usize>)>,
    /// managers then CoE units: everything a directive may address
    addressable: Vec<String>,
    metrics: Vec<Metric>,
    /// metrics with `better` and `baseline` (keep / relative-change candidates)
    keepable: Vec<usize>,
}

fn is_kebab(s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_lowercase() || *b.last().unwrap() == b'-' {
        return false;
    }
    let mut prev_hyphen = false;
    for &c in b {
        match c {
            b'a'..=b'z' | b'0'..=b'9' => prev_hyphen = false,
            b'-' if !prev_hyphen => prev_hyphen = true,
            _ => return false,
        }
    }
    true
}

fn declare(seen: &mut HashSet<String>, name: String) -> String {
    assert!(is_kebab(&name), "gen-org bug: `{name}` is not kebab-case");
    assert!(
        !KEYWORDS.contains(&name.as_str()),
        "gen-org bug: `{name}` is a keyword"
    );
    assert!(
        seen.insert(name.clone()),
        "gen-org bug: `{name}` declared twice"
    );
    name
}

/// Pair i -> (a, b, round) over a x b grid, distinct for every i.
fn grid(i: usize, a: usize, b: usize) -> (usize, usize, usize) {
    let per = a * b;
    let j = i % per;
    let x = j % a;
    let y = (j / a + j) % b; // bijective on the grid when gcd(a + 1, b) == 1
    (x, y, i / per)
}

fn with_round(base: String, round: usize) -> String {
    if round == 0 {
        base
    } else {
        format!("{base}-{}", round + 1)
    }
}

fn round_to(v: u64, step: u64) -> u64 {
    if step <= 1 {
        v
    } else {
        (v + step / 2) / step * step
    }
}

fn money_step(v: u64) -> u64 {
    match v {
        0..=999 => 1,
        1000..=99_999 => 500,
        100_000..=999_999 => 1000,
        _ => 10_000,
    }
}

fn build_org(scale: u64) -> Org {
    let s = scale as usize;
    let mut rng = Rng::new(0x6b6f_6f6d ^ scale);
    let mut seen = HashSet::new();

    let n_managers = 15 * s;
    let n_coes = 5 * s;
    let n_workers = 5 * s;
    let n_metrics = 200 * s;

    let mut managers = Vec::with_capacity(n_managers);
    for i in 0..n_managers {
        let (d, r, round) = grid(i, DEPTS.len(), REGIONS.len());
        let name = declare(
            &mut seen,
            with_round(format!("{}-{}", DEPTS[d], REGIONS[r]), round),
        );
        let lead = format!(
            "{} {}",
            FIRST[i % FIRST.len()],
            LAST[(i * 7 + i / FIRST.len()) % LAST.len()]
        );
        managers.push((name, lead));
    }
    let mut coes = Vec::with_capacity(n_coes);
    for i in 0..n_coes {
        let (slug, title) = COE_TOPICS[i % COE_TOPICS.len()];
        let round = i / COE_TOPICS.len();
        let name = declare(&mut seen, with_round(format!("{slug}-coe"), round));
        let title = if round == 0 {
            format!("{title} CoE")
        } else {
            format!("{title} CoE {}", round + 1)
        };
        coes.push((name, title));
    }
    let mut workers = Vec::with_capacity(n_workers);
    for i in 0..n_workers {
        let (c, r, round) = grid(i, CREWS.len(), REGIONS.len());
        let name = declare(
            &mut seen,
            with_round(format!("{}-{}", CREWS[c], REGIONS[r]), round),
        );
        let under = if i % 7 == 6 {
            None
        } else {
            Some((i * 3) % n_managers)
        };
        workers.push((name, under));
    }
    let addressable = managers
        .iter()
        .chain(coes.iter())
        .map(|(n, _)| n.clone())
        .collect();

    let mut metrics = Vec::with_capacity(n_metrics);
    let mut keepable = Vec::new();
    for i in 0..n_metrics {
        let (mi, r, round) = grid(i, MEASURES.len(), REGIONS.len());
        let m = &MEASURES[mi];
        let name = declare(
            &mut seen,
            with_round(format!("{}-{}", m.name, REGIONS[r]), round),
        );
        let mut v = rng.range(m.lo, m.hi);
        if m.kind == Money {
            v = round_to(v, money_step(v)).max(1);
        }
        let declared_better = i % 10 != 7;
        let has_baseline = i % 12 != 5;
        let per_unit = i % 8 == 3;
        if declared_better && has_baseline {
            keepable.push(i);
        }
        metrics.push(Metric {
            name,
            m,
            declared_better,
            baseline: has_baseline.then_some(v),
            typical: v,
            per_unit,
        });
    }
    Org {
        scale,
        managers,
        coes,
        workers,
        addressable,
        metrics,
        keepable,
    }
}

// ---------------------------------------------------------------------------
// Writing numbers, quantities, dates and templates (straight into the output)
// ---------------------------------------------------------------------------

fn put_u64(out: &mut String, v: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut v = v;
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap());
}

/// `1_234_567`
fn put_grouped(out: &mut String, v: u64) {
    let mut tmp = String::new();
    put_u64(&mut tmp, v);
    let len = tmp.len();
    for (i, ch) in tmp.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push('_');
        }
        out.push(ch);
    }
}

/// Money: `2m`, `1.2m`, `480k`, `12.5k`, `1_234`, `480`.
fn put_money(out: &mut String, v: u64) {
    if v >= 1_000_000 && v % 1_000_000 == 0 {
        put_u64(out, v / 1_000_000);
        out.push('m');
    } else if v >= 1_000_000 && v % 100_000 == 0 {
        put_u64(out, v / 1_000_000);
        out.push('.');
        put_u64(out, (v / 100_000) % 10);
        out.push('m');
    } else if v >= 1000 && v % 1000 == 0 {
        put_u64(out, v / 1000);
        out.push('k');
    } else if v >= 10_000 && v % 100 == 0 {
        put_u64(out, v / 1000);
        out.push('.');
        put_u64(out, (v / 100) % 10);
        out.push('k');
    } else if v >= 1000 {
        put_grouped(out, v);
    } else {
        put_u64(out, v);
    }
}

/// Counts: `2k`, `1_203`, `1150`.
fn put_count(out: &mut String, v: u64) {
    if v >= 1000 && v % 1000 == 0 {
        put_u64(out, v / 1000);
        out.push('k');
    } else if v >= 1000 && v % 3 == 0 {
        put_grouped(out, v);
    } else {
        put_u64(out, v);
    }
}

/// Tenths: `4.2`, `96`.
fn put_tenths(out: &mut String, v: u64) {
    put_u64(out, v / 10);
    if v % 10 != 0 {
        out.push('.');
        put_u64(out, v % 10);
    }
}

fn put_num(out: &mut String, kind: Kind, v: u64) {
    match kind {
        Money => put_money(out, v),
        Pct => put_tenths(out, v),
        Count => put_count(out, v),
    }
}

/// A quantity in the metric's unit (or bare, which means the metric's unit).
fn put_qty(out: &mut String, m: &Measure, v: u64, bare: bool) {
    put_num(out, m.kind, v);
    match m.unit {
        None => {}
        Some(_) if bare => {}
        Some("%") => out.push('%'),
        Some(u) => {
            out.push(' ');
            out.push_str(u);
        }
    }
}

/// Replaces `{n}` with the number and any other `{…}` with the word.
fn put_template(out: &mut String, t: &str, n: u64, word: &str) {
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let j = i + rest[i..].find('}').expect("closed template");
        if &rest[i + 1..j] == "n" {
            put_u64(out, n);
        } else {
            out.push_str(word);
        }
        rest = &rest[j + 1..];
    }
    out.push_str(rest);
}

#[derive(Clone, Copy)]
struct Date {
    y: u32,
    m: u32,
    d: u32,
}

fn leap(y: u32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if leap(y) => 29,
        _ => 28,
    }
}

impl Date {
    fn plus(self, mut n: u32) -> Date {
        let Date {
            mut y,
            mut m,
            mut d,
        } = self;
        while n > 0 {
            let left = days_in_month(y, m) - d;
            if n <= left {
                d += n;
                n = 0;
            } else {
                n -= left + 1;
                d = 1;
                m += 1;
                if m == 13 {
                    m = 1;
                    y += 1;
                }
            }
        }
        Date { y, m, d }
    }

    fn put(self, out: &mut String) {
        let digits = [
            self.y / 1000 % 10,
            self.y / 100 % 10,
            self.y / 10 % 10,
            self.y % 10,
            10,
            self.m / 10,
            self.m % 10,
            10,
            self.d / 10,
            self.d % 10,
        ];
        for d in digits {
            out.push(if d == 10 {
                '-'
            } else {
                (b'0' + d as u8) as char
            });
        }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

// ---------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------

#[derive(Default)]
pub(crate) struct Stats {
    bytes: u64,
    units: usize,
    workers: usize,
    metrics: usize,
    cycles: usize,
    goals: usize,
    constraints: usize,
    outcomes: usize,
    allocations: usize,
    priorities: usize,
    aligns: usize,
    blocks: usize,
}

impl Stats {
    fn directives(&self) -> usize {
        self.goals + self.constraints + self.outcomes + self.allocations
    }
}

// ---------------------------------------------------------------------------
// Cycles
// ---------------------------------------------------------------------------

/// Number of calendar quarters: two years, whatever the scale. A real
/// directive file covers a year or two; organizations grow in units, metrics
/// and `to` blocks, not in cycles. (Every manager and CoE unit gets a work
/// order per cycle with every cycle-level item, so growing cycles and
/// cycle-level items with the scale would make the output grow with its square.)
fn cycle_count(_scale: u64) -> usize {
    8
}

/// The share of `total` items that falls to cycle `c` of `n` (exact in sum).
fn share(total: usize, n: usize, c: usize) -> usize {
    total * (c + 1) / n - total * c / n
}

// Per-cycle counts at scale 1 (four cycles' worth); totals grow linearly with
// scale. Cycle-level items (constraints, goals, outcomes, priorities) reach
// every unit, so their number per cycle is fixed: a cycle has a handful.
const BLOCKS: usize = 34;
const CYCLE_CONSTRAINTS: usize = 6;
const CYCLE_GOALS: usize = 3;
const CYCLE_OUTCOMES: usize = 2;
const PRIORITIES: usize = 8;
const MONEY_ALLOCS: usize = 18;
const PEOPLE_ALLOCS: usize = 10;
const DAY_ALLOCS: usize = 7;
const TECH_ALLOCS: usize = 3;

#[derive(Clone, Copy)]
enum Target {
    Metric(usize),
    Goal(u64),
}

/// Per-cycle state; one per file, reset for every cycle (no hashing, no
/// allocation in the steady state).
struct Gen<'a> {
    org: &'a Org,
    rng: Rng,
    start: Date,
    len: u32,
    window_end: u32,
    months: [u32; 3],
    /// goal ids are `g1`, `g2`, … across the whole file
    next_goal: u64,
    goal_ids: Vec<u64>,
    /// metrics the cycle sets (goal or constraint), in first-use order
    set: Vec<usize>,
    set_mark: Vec<bool>,
    /// metrics with a goal without id in this cycle (at most one each)
    idless: Vec<usize>,
    idless_mark: Vec<bool>,
    /// goal owners per organization-wide metric set in `to` blocks (for `align`)
    owners: Vec<(usize, Vec<usize>)>,
    owner_slot: Vec<u32>,
    /// units addressed by `to` blocks in this cycle
    addressed: Vec<usize>,
    addressed_mark: Vec<bool>,
    targets: Vec<Target>,
    stats: Stats,
}

impl<'a> Gen<'a> {
    fn new(org: &'a Org) -> Gen<'a> {
        let nm = org.metrics.len();
        Gen {
            org,
            rng: Rng::new(0),
            start: Date {
                y: 2026,
                m: 1,
                d: 1,
            },
            len: 90,
            window_end: 8,
            months: [1, 2, 3],
            next_goal: 1,
            goal_ids: Vec::new(),
            set: Vec::new(),
            set_mark: vec![false; nm],
            idless: Vec::new(),
            idless_mark: vec![false; nm],
            owners: Vec::new(),
            owner_slot: vec![u32::MAX; nm],
            addressed: Vec::new(),
            addressed_mark: vec![false; org.addressable.len()],
            targets: Vec::new(),
            stats: Stats::default(),
        }
    }

    fn reset(&mut self, c: usize) {
        let year = 2026 + (c / 4) as u32;
        let first_month = 3 * (c % 4) as u32 + 1;
        self.start = Date {
            y: year,
            m: first_month,
            d: 1,
        };
        self.len = (0..3).map(|k| days_in_month(year, first_month + k)).sum();
        self.months = [first_month, first_month + 1, first_month + 2];
        self.rng = Rng::new(
            self.org
                .scale
                .wrapping_mul(1_000_003)
                .wrapping_add(c as u64),
        );
        self.window_end = self.rng.range(5, 12) as u32;
        for &m in &self.set {
            self.set_mark[m] = false;
        }
        for &m in &self.idless {
            self.idless_mark[m] = false;
        }
        for (m, _) in &self.owners {
            self.owner_slot[*m] = u32::MAX;
        }
        for &u in &self.addressed {
            self.addressed_mark[u] = false;
        }
        self.set.clear();
        self.idless.clear();
        self.owners.clear();
        self.addressed.clear();
        self.goal_ids.clear();
        self.targets.clear();
    }

    fn by_date(&mut self) -> Date {
        let off = self
            .rng
            .range(self.window_end as u64 + 3, self.len as u64 - 1) as u32;
        if self.rng.pct(25) {
            self.start.plus(self.len - 1)
        } else {
            self.start.plus(off)
        }
    }

    fn note_set(&mut self, m: usize) {
        if !self.set_mark[m] {
            self.set_mark[m] = true;
            self.set.push(m);
        }
    }

    fn put_cause(&mut self, out: &mut String) {
        let t = *self.rng.pick(CAUSES);
        let n = self.rng.range(3, 40);
        // a month of the cycle, or the one before it
        let m = *self.rng.pick(&self.months);
        put_template(out, t, n, MONTHS[(m as usize + 10) % 12]);
    }

    fn ai_use(&mut self) -> &'static str {
        if self.rng.pct(70) {
            "draft"
        } else {
            AI_USES[self.rng.idx(AI_USES.len())]
        }
    }

    /// `because …` and/or `ai …`, in either order, each at most once.
    fn annotations(&mut self, out: &mut String, because_pct: u64, ai_pct: u64) {
        let because = self.rng.pct(because_pct);
        let ai = self.rng.pct(ai_pct);
        let ai_first = self.rng.pct(30);
        if ai && ai_first {
            out.push_str(" ai ");
            out.push_str(self.ai_use());
        }
        if because {
            out.push_str(" because \"");
            self.put_cause(out);
            out.push('"');
        }
        if ai && !ai_first {
            out.push_str(" ai ");
            out.push_str(self.ai_use());
        }
    }

    fn random_metric(&mut self) -> usize {
        self.rng.idx(self.org.metrics.len())
    }

    /// The comparison and value of a bound on `mi`, pointing the better way.
    fn bound(&mut self, mi: usize, loose: bool) -> (&'static str, u64) {
        let org = self.org;
        let met = &org.metrics[mi];
        let m = met.m;
        let base = met.typical;
        let strict = self.rng.pct(10);
        // A loose bound (a constraint's) lies close to the baseline, but on
        // its better side, so that the baseline does not already meet it
        // (E0307, `slack-target`).
        let step = if m.kind == Money { money_step(base) } else { 1 };
        match m.dir {
            Lower => {
                let f = if loose {
                    self.rng.range(92, 99)
                } else {
                    self.rng.range(80, 97)
                };
                let mut v = base * f / 100;
                if m.kind == Money {
                    v = round_to(v, money_step(v));
                }
                if loose && v >= base {
                    v = base.saturating_sub(step);
                }
                (if strict { "<" } else { "<=" }, v.max(1))
            }
            Higher => {
                let f = if loose {
                    self.rng.range(101, 105)
                } else {
                    self.rng.range(103, 120)
                };
                let mut v = (base * f).div_ceil(100);
                if m.kind == Money {
                    v = round_to(v, money_step(v));
                }
                if loose && v <= base {
                    v = base + step;
                }
                if m.kind == Pct {
                    v = v.min(1000);
                }
                // `> 100%` could never hold
                let strict = strict && !(m.kind == Pct && v >= 1000);
                (if strict { ">" } else { ">=" }, v.max(1))
            }
        }
    }

    fn goal(&mut self, out: &mut String, indent: &str, mi: usize) {
        let org = self.org;
        self.stats.goals += 1;
        self.note_set(mi);
        let urgent = self.rng.pct(7);
        let (cmp, v) = self.bound(mi, false);
        let bare = self.rng.pct(8);
        out.push_str(indent);
        if urgent {
            out.push_str("urgent ");
        }
        out.push_str("goal ");
        if self.idless_mark[mi] || self.rng.pct(88) {
            let id = self.next_goal;
            self.next_goal += 1;
            self.goal_ids.push(id);
            out.push('g');
            put_u64(out, id);
            out.push_str(": ");
        } else {
            self.idless_mark[mi] = true;
            self.idless.push(mi);
        }
        let met = &org.metrics[mi];
        out.push_str(&met.name);
        out.push(' ');
        out.push_str(cmp);
        out.push(' ');
        put_qty(out, met.m, v, bare);
        if urgent || self.rng.pct(75) {
            out.push_str(" by ");
            self.by_date().put(out);
        }
        self.annotations(out, 6, 12);
        out.push('\n');
    }

    fn outcome(&mut self, out: &mut String, indent: &str) {
        self.stats.outcomes += 1;
        let urgent = self.rng.pct(5);
        // where the date goes: nowhere, in the words, or in `by` (urgent: `by`)
        let mode = if urgent { 3 } else { self.rng.below(5) };
        out.push_str(indent);
        if urgent {
            out.push_str("urgent ");
        }
        out.push_str("outcome \"");
        let (t, lo, hi) = *self.rng.pick(OUTCOMES);
        let n = self.rng.range(lo, hi);
        put_template(out, t, n, "");
        match mode {
            2 => {
                out.push_str(" by the end of ");
                out.push_str(MONTHS[*self.rng.pick(&self.months) as usize - 1]);
            }
            4 => {
                out.push_str(" by ");
                self.by_date().put(out);
            }
            _ => {}
        }
        out.push_str(".\"");
        if mode == 3 {
            out.push_str(" by ");
            self.by_date().put(out);
        }
        self.annotations(out, 5, 15);
        out.push('\n');
    }

    fn constraint(&mut self, out: &mut String) {
        let org = self.org;
        self.stats.constraints += 1;
        let mi = self.random_metric();
        self.note_set(mi);
        let met = &org.metrics[mi];
        let m = met.m;
        out.push_str("  constraint ");
        out.push_str(&met.name);
        out.push(' ');
        let mut keep_pct = 15;
        let r = self.rng.below(100);
        if met.keepable() && r < 45 {
            // relative change: the sign is arithmetic, the bound points the
            // better way (`better lower`: -12% is "at least 12% better",
            // +3% is "at most 3% worse"; flipped for `better higher`)
            keep_pct = 60;
            let base = met.baseline.unwrap();
            let worse = self.rng.pct(15);
            let mut p = if worse {
                self.rng.range(1, 5)
            } else {
                self.rng.range(2, 15)
            };
            let sign = match (m.dir, worse) {
                (Lower, false) | (Higher, true) => '-',
                _ => '+',
            };
            if sign == '+' && m.kind == Pct {
                // keep the bound at or below 100%
                p = p.min((1000 - base.min(1000)) * 100 / base.max(1));
            }
            if p == 0 {
                out.push_str("-1%");
            } else {
                out.push(sign);
                put_u64(out, p);
                out.push('%');
            }
        } else if met.keepable() && r < 62 && m.kind == Pct {
            keep_pct = 40;
            let base = met.baseline.unwrap();
            match m.dir {
                Lower if base >= 20 => {
                    out.push('-');
                    put_u64(out, self.rng.range(1, (base / 20).min(3)));
                }
                Higher if base <= 990 => {
                    out.push('+');
                    put_u64(out, self.rng.range(1, ((1000 - base) / 10).clamp(1, 3)));
                }
                // no room to move: "at most 1pp worse"
                Lower => out.push_str("+1"),
                Higher => out.push_str("-1"),
            }
            out.push_str("pp");
        } else if let (true, true, Some(unit)) = (met.keepable() && r < 75, m.kind != Pct, m.unit) {
            // an absolute change in the metric's unit
            keep_pct = 40;
            let base = met.baseline.unwrap();
            let mut amt = (base * self.rng.range(3, 20) / 100).max(1);
            if m.kind == Money {
                amt = round_to(amt, money_step(amt)).max(1);
            }
            out.push(if m.dir == Lower { '-' } else { '+' });
            put_num(out, m.kind, amt);
            out.push(' ');
            out.push_str(unit);
        } else {
            let (cmp, v) = self.bound(mi, true);
            let bare = self.rng.pct(10);
            out.push_str(cmp);
            out.push(' ');
            put_qty(out, m, v, bare);
        }
        if self.rng.pct(keep_pct) && !org.keepable.is_empty() {
            // 1 or 2 metrics with `better` and `baseline`, other than this one
            let want = 1 + self.rng.below(2) as usize;
            let mut keeps = [usize::MAX; 2];
            let mut n = 0;
            for _ in 0..8 {
                if n == want {
                    break;
                }
                let k = *self.rng.pick(&org.keepable);
                if k != mi && !keeps[..n].contains(&k) {
                    keeps[n] = k;
                    n += 1;
                }
            }
            for (i, k) in keeps[..n].iter().enumerate() {
                out.push_str(if i == 0 { " keep " } else { ", " });
                out.push_str(&org.metrics[*k].name);
            }
        }
        self.annotations(out, 10, 10);
        out.push('\n');
    }

    fn put_target(&self, out: &mut String, t: Target) {
        match t {
            Target::Metric(m) => out.push_str(&self.org.metrics[m].name),
            Target::Goal(id) => {
                out.push('g');
                put_u64(out, id);
            }
        }
    }

    fn alloc_unit(&mut self) -> usize {
        if !self.addressed.is_empty() && self.rng.pct(80) {
            *self.rng.pick(&self.addressed)
        } else {
            self.rng.idx(self.org.addressable.len())
        }
    }

    /// ` to UNIT for TARGET [ai …]` and the newline.
    fn alloc_tail(&mut self, out: &mut String) {
        let u = self.alloc_unit();
        out.push_str(" to ");
        out.push_str(&self.org.addressable[u]);
        out.push_str(" for ");
        let t = *self.rng.pick(&self.targets);
        self.put_target(out, t);
        self.annotations(out, 0, 5);
        out.push('\n');
    }
}

#[derive(Default)]
struct Bufs {
    body: String,
    prio: String,
    alloc: String,
    aligns: String,
}

fn gen_cycle(g: &mut Gen, c: usize, n_cycles: usize, b: &mut Bufs, out: &mut String) {
    let org = g.org;
    let s = org.scale as usize;
    g.reset(c);
    let total = |per_cycle: usize| share(per_cycle * 4 * s, n_cycles, c);
    b.body.clear();
    b.prio.clear();
    b.alloc.clear();
    b.aligns.clear();

    // --- the directives first (priorities and budgets follow from them)
    let body = &mut b.body;
    for _ in 0..CYCLE_CONSTRAINTS {
        g.constraint(body);
    }
    for _ in 0..CYCLE_GOALS {
        let mi = g.random_metric();
        g.goal(body, "  ", mi);
    }
    for _ in 0..CYCLE_OUTCOMES {
        g.outcome(body, "  ");
    }

    // to-blocks of 1 to 3 units with 2 to 5 goals and 0 to 2 outcomes
    let n_units = org.addressable.len();
    for _ in 0..total(BLOCKS) {
        g.stats.blocks += 1;
        let k = match g.rng.below(100) {
            0..=69 => 1,
            70..=94 => 2,
            _ => 3,
        }
        .min(n_units);
        let mut units = [usize::MAX; 3];
        let mut n = 0;
        while n < k {
            let u = g.rng.idx(n_units);
            if !units[..n].contains(&u) {
                units[n] = u;
                n += 1;
            }
        }
        let units = &units[..k];
        body.push_str("  to ");
        for (i, &u) in units.iter().enumerate() {
            if i > 0 {
                body.push_str(", ");
            }
            body.push_str(&org.addressable[u]);
            if !g.addressed_mark[u] {
                g.addressed_mark[u] = true;
                g.addressed.push(u);
            }
        }
        body.push_str(" {\n");
        let n_goals = g.rng.range(2, 5) as usize;
        let mut used = [usize::MAX; 5];
        for gi in 0..n_goals {
            let mut mi = 0;
            for _ in 0..4 {
                // a third of the goals share a metric with an earlier block
                mi = if g.rng.pct(30) && !g.owners.is_empty() {
                    g.rng.pick(&g.owners).0
                } else {
                    g.random_metric()
                };
                if !used[..gi].contains(&mi) {
                    break;
                }
            }
            used[gi] = mi;
            g.goal(body, "    ", mi);
            if !org.metrics[mi].per_unit {
                let slot = if g.owner_slot[mi] == u32::MAX {
                    g.owner_slot[mi] = g.owners.len() as u32;
                    g.owners.push((mi, Vec::new()));
                    g.owners.len() - 1
                } else {
                    g.owner_slot[mi] as usize
                };
                for &u in units {
                    if !g.owners[slot].1.contains(&u) {
                        g.owners[slot].1.push(u);
                    }
                }
            }
        }
        let n_out = match g.rng.below(10) {
            0..=2 => 0,
            3..=7 => 1,
            _ => 2,
        };
        for _ in 0..n_out {
            g.outcome(body, "    ");
        }
        body.push_str("  }\n");
    }

    // --- priorities: metrics the cycle sets and its goal ids, ranked 1..N
    let mut targets = std::mem::take(&mut g.targets);
    targets.extend(g.set.iter().map(|&m| Target::Metric(m)));
    targets.extend(g.goal_ids.iter().map(|&id| Target::Goal(id)));
    for i in (1..targets.len()).rev() {
        let j = g.rng.idx(i + 1);
        targets.swap(i, j);
    }
    targets.truncate(PRIORITIES.min(targets.len()));
    for (rank, &t) in targets.iter().enumerate() {
        b.prio.push_str("  priority ");
        put_u64(&mut b.prio, rank as u64 + 1);
        b.prio.push(' ');
        g.put_target(&mut b.prio, t);
        g.annotations(&mut b.prio, 10, 5);
        b.prio.push('\n');
    }
    g.stats.priorities += targets.len();
    g.targets = targets;

    // --- allocations, each for a priority target, mostly to addressed units
    let alloc = &mut b.alloc;
    let (mut money, mut people, mut days) = (0u64, 0u64, 0u64);
    let day_cap = (g.len - 1) as u64;
    for _ in 0..total(MONEY_ALLOCS) {
        let amt = g.rng.range(1, 40) * 5000;
        money += amt;
        alloc.push_str("  allocate ");
        put_money(alloc, amt);
        alloc.push_str(" USD");
        g.alloc_tail(alloc);
        g.stats.allocations += 1;
    }
    for _ in 0..total(PEOPLE_ALLOCS) {
        let n = g.rng.range(1, 8);
        people += n;
        alloc.push_str("  allocate ");
        put_u64(alloc, n);
        alloc.push_str(" people");
        g.alloc_tail(alloc);
        g.stats.allocations += 1;
    }
    for _ in 0..total(DAY_ALLOCS) {
        // time: each shorter than the cycle, and all within the days budget
        let n = g.rng.range(2, 12);
        if days + n > day_cap {
            break;
        }
        days += n;
        alloc.push_str("  allocate ");
        put_u64(alloc, n);
        alloc.push_str(" days");
        g.alloc_tail(alloc);
        g.stats.allocations += 1;
    }
    for _ in 0..total(TECH_ALLOCS) {
        alloc.push_str("  allocate tech \"");
        alloc.push_str(TECH[g.rng.idx(TECH.len())]);
        alloc.push('"');
        g.alloc_tail(alloc);
        g.stats.allocations += 1;
    }

    // --- aligns: exactly the units with goals on each shared org-wide metric
    for (mi, units) in &g.owners {
        if units.len() < 2 {
            continue;
        }
        g.stats.aligns += 1;
        b.aligns.push_str("  align ");
        for (i, &u) in units.iter().enumerate() {
            if i > 0 {
                b.aligns.push_str(", ");
            }
            b.aligns.push_str(&org.addressable[u]);
        }
        b.aligns.push_str(" on ");
        b.aligns.push_str(&org.metrics[*mi].name);
        b.aligns.push('\n');
    }

    // --- write the cycle
    let (start, end) = (g.start, g.start.plus(g.len - 1));
    let year = start.y;
    let q = (start.m - 1) / 3 + 1;
    out.push_str("\ncycle ");
    put_u64(out, year as u64);
    out.push_str("-Q");
    put_u64(out, q as u64);
    if c % 5 == 4 {
        // the optional explicit dates, which must be the quarter's own
        out.push_str(" from ");
        start.put(out);
        out.push_str(" to ");
        end.put(out);
    }
    out.push_str(" {\n  window ");
    start.put(out);
    out.push_str(" to ");
    start.plus(g.window_end).put(out);
    let money_budget = ((money.div_ceil(10_000) + g.rng.range(0, 5)) * 10_000).max(10_000);
    let people_budget = (people + g.rng.range(0, 3)).max(1);
    let days_budget = (days + g.rng.range(0, 10)).clamp(1, day_cap);
    out.push_str("\n  budget ");
    put_money(out, money_budget);
    out.push_str(" USD\n  budget ");
    put_u64(out, people_budget);
    out.push_str(" people\n  budget ");
    put_u64(out, days_budget);
    out.push_str(" days\n  direction \"");
    let org_name = format!("Synthetic Org {}", org.scale);
    let n = g.rng.range(20, 45);
    put_template(out, DIRECTIONS[c % DIRECTIONS.len()], n, &org_name);
    out.push('"');
    g.annotations(out, 0, 30);
    out.push('\n');
    out.push_str(&b.prio);
    out.push_str(&b.body);
    out.push_str(&b.alloc);
    out.push_str(&b.aligns);
    out.push_str("}\n");
}

// ---------------------------------------------------------------------------
// The whole file
// ---------------------------------------------------------------------------

pub(crate) fn generate<W: Write>(scale: u64, w: &mut W) -> io::Result<Stats> {
    let org = build_org(scale);
    let mut bytes = 0u64;
    let mut out = String::with_capacity(1 << 21);
    let flush = |out: &mut String, bytes: &mut u64, w: &mut W| -> io::Result<()> {
        *bytes += out.len() as u64;
        w.write_all(out.as_bytes())?;
        out.clear();
        Ok(())
    };

    out.push_str("koom 1.0\n");
    let _ = writeln!(
        out,
        "# Synthetic organization from gen-org (scale {scale}); regenerate, do not edit."
    );
    let _ = writeln!(out, "org \"Synthetic Org {scale}\"");
    out.push_str("revision 2026-01-02\n");
    out.push_str("executive \"Coco Raccoon\"\n");
    out.push_str("executive \"Maple Ringtail\"\n");

    out.push_str("\n# The spine\n");
    for (name, lead) in &org.managers {
        let _ = writeln!(out, "manager {name} \"{lead}\"");
    }
    for (name, title) in &org.coes {
        let _ = writeln!(out, "coe {name} \"{title}\"");
    }
    for (name, under) in &org.workers {
        match under {
            Some(m) => {
                let _ = writeln!(out, "worker {name} under {}", org.managers[*m].0);
            }
            None => {
                let _ = writeln!(out, "worker {name}");
            }
        }
    }

    out.push_str("\n# What the organization measures\n");
    for (i, met) in org.metrics.iter().enumerate() {
        let m = met.m;
        out.push_str("metric ");
        out.push_str(&met.name);
        if let Some(u) = m.unit {
            out.push_str(" unit ");
            out.push_str(u);
        }
        if met.declared_better {
            out.push_str(if m.dir == Higher {
                " better higher"
            } else {
                " better lower"
            });
        }
        if let Some(b) = met.baseline {
            // alternately with and without the unit
            out.push_str(" baseline ");
            put_qty(&mut out, m, b, i % 3 != 0);
        }
        if met.per_unit {
            out.push_str(" per unit");
        }
        out.push('\n');
        if out.len() > (1 << 20) {
            flush(&mut out, &mut bytes, w)?;
        }
    }

    let n_cycles = cycle_count(scale);
    let mut g = Gen::new(&org);
    let mut bufs = Bufs::default();
    for c in 0..n_cycles {
        gen_cycle(&mut g, c, n_cycles, &mut bufs, &mut out);
        if out.len() > (1 << 20) {
            flush(&mut out, &mut bytes, w)?;
        }
    }
    flush(&mut out, &mut bytes, w)?;

    let mut stats = std::mem::take(&mut g.stats);
    stats.bytes = bytes;
    stats.units = org.managers.len() + org.coes.len();
    stats.workers = org.workers.len();
    stats.metrics = org.metrics.len();
    stats.cycles = n_cycles;
    Ok(stats)
}

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

fn size_of(scale: u64, memo: &mut HashMap<u64, u64>) -> u64 {
    *memo.entry(scale).or_insert_with(|| {
        generate(scale, &mut io::sink())
            .expect("sink never fails")
            .bytes
    })
}

/// The smallest scale whose output has at least `n` bytes. The size grows
/// (almost exactly) linearly with the scale, so a secant step or two from a
/// linear estimate lands next to the answer; a walk of ±1 settles it.
fn scale_for_bytes(n: u64) -> u64 {
    let memo = &mut HashMap::new();
    let s1 = size_of(1, memo);
    if s1 >= n {
        return 1;
    }
    let mut g = n.div_ceil(s1).max(2);
    for _ in 0..4 {
        let sz = size_of(g, memo);
        let next = ((g as u128 * n as u128).div_ceil(sz as u128) as u64).max(1);
        if next == g {
            break;
        }
        g = next;
    }
    if size_of(g, memo) >= n {
        while g > 1 && size_of(g - 1, memo) >= n {
            g -= 1;
        }
    } else {
        while size_of(g, memo) < n {
            g += 1;
        }
    }
    g
}

fn parse_u64(s: &str) -> Option<u64> {
    let t: String = s.chars().filter(|&c| c != '_').collect();
    t.parse().ok()
}

const USAGE: &str = "usage: gen-org SCALE [--stats]\n       gen-org --bytes N [--stats]\n\
Writes a synthetic, valid KOOM organization to standard output.\n\
SCALE >= 1 multiplies units, metrics, cycles' directives (1 is about 100 KB);\n\
--bytes N picks the smallest scale whose output is at least N bytes;\n\
--stats prints sizes and counts to standard error.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut scale = None;
    let mut bytes = None;
    let mut want_stats = false;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--stats" => want_stats = true,
            "--bytes" => {
                i += 1;
                match args.get(i).and_then(|a| parse_u64(a)) {
                    Some(n) => bytes = Some(n),
                    None => {
                        eprintln!("gen-org: --bytes needs a whole number of bytes\n{USAGE}");
                        return ExitCode::from(2);
                    }
                }
            }
            a => match parse_u64(a) {
                Some(s) if s >= 1 && scale.is_none() => scale = Some(s),
                _ => {
                    eprintln!("gen-org: unexpected argument `{a}` (SCALE is a whole number >= 1)\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
        }
        i += 1;
    }
    let scale = match (scale, bytes) {
        (Some(s), None) => s,
        (None, Some(n)) => scale_for_bytes(n),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };

    let stdout = io::stdout();
    let mut w = io::BufWriter::with_capacity(1 << 20, stdout.lock());
    let result = generate(scale, &mut w).and_then(|st| w.flush().map(|_| st));
    match result {
        Ok(st) => {
            if want_stats {
                eprintln!(
                    "scale {scale}: {} bytes, {} units (+{} workers), {} metrics, {} cycles, \
                     {} directives ({} goals, {} constraints, {} outcomes, {} allocations), \
                     {} priorities, {} to-blocks, {} aligns",
                    st.bytes,
                    st.units,
                    st.workers,
                    st.metrics,
                    st.cycles,
                    st.directives(),
                    st.goals,
                    st.constraints,
                    st.outcomes,
                    st.allocations,
                    st.priorities,
                    st.blocks,
                    st.aligns
                );
            }
            ExitCode::SUCCESS
        }
        // `gen-org 10 | head` is fine
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-org: cannot write: {e}");
            ExitCode::from(1)
        }
    }
}
