//! What each keyword means, in one line with its form: hover shows it, and
//! completion gives it as a keyword's documentation.

/// The form and meaning of a keyword; `None` for a word that is none.
pub fn meaning(word: &str) -> Option<&'static str> {
    Some(match word {
        "koom" => "`koom 1.0`: the language version; the first statement of every file.",
        "org" => "`org \"Name\"`: the organization's name (at most one).",
        "revision" => "`revision DATE`: the date this version of the directives is issued; change control compares revisions.",
        "executive" => "`executive \"Name\"`: an issuing executive.",
        "manager" => "`manager ID \"Lead\"`: a unit of the manager layer, which turns direction into tasks.",
        "coe" => "`coe ID \"Lead\"`: a unit of the Center of Excellence, the standards body.",
        "worker" => "`worker ID under MANAGER`: a unit of the worker layer; the executive layer never addresses it.",
        "metric" => "`metric ID unit U better higher|lower baseline Q [per unit]`: a measure.",
        "use" => "`use \"file.koom\"`: read another file of the project (a shared org model).",
        "cycle" => "`cycle 2026-Q1 { … }`: a planning cycle; its directives hold until its end.",
        "window" => "`window DATE to DATE`: the only dates on which this cycle's priorities and targets may change without a stated cause.",
        "budget" => "`budget QUANTITY`: a pool of money, people or time for this cycle.",
        "direction" => "`direction \"…\"`: the strategic direction for the cycle, stated as a condition of the world.",
        "priority" => "`priority N TARGET`: rank N (1 is highest) for a metric or goal id.",
        "align" => "`align A, B on METRIC`: units that share ownership of an organization-wide metric.",
        "resolve" => "`resolve ESC-7 for A, B: \"…\"`: a decision on an escalation the managers brought.",
        "to" => "`to A, B { … }`: directives addressed to those units only.",
        "goal" => "`goal [ID:] METRIC CMP QUANTITY [by DATE]`: a success criterion.",
        "constraint" => "`constraint METRIC -12% [keep M, …]`: a bound to hold; `keep M` means M gets no worse than its baseline.",
        "outcome" => "`outcome \"…\" [by DATE]`: what must be true, in words, with a number or a metric.",
        "allocate" => "`allocate QUANTITY to UNIT for TARGET`: people, money or time to a unit, serving a priority.",
        "urgent" => "`urgent`: needs a measurable target and a `by` date inside the cycle (clarity before urgency).",
        "because" => "`because \"…\"`: the cause of a change, citing a metric or a number.",
        "ai" => "`ai USE`: AI helped with this (summarize, draft, scenario, explore, expand, interpret).",
        "keep" => "`keep M`: M may get no worse than its baseline.",
        "by" => "`by DATE`: the deadline, inside the cycle.",
        _ => return None,
    })
}
