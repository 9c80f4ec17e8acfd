//! The examples of spec §6, each judged as the spec says.

use super::*;

fn label(text: &str) -> &'static str {
    analyze(text, &Lexicon::builtin()).label()
}

#[test]
fn the_spec_examples() {
    assert_eq!(label("Quality variance must drop below 3%."), "outcome");
    assert_eq!(label("Every shipment leaves within 24 hours."), "outcome");
    assert_eq!(label("Rewrite the QA workflow to do X, Y, Z."), "method");
    assert_eq!(label("Hire two inspectors."), "method");
    assert_eq!(label("Cut returns using Jira."), "method");
    assert_eq!(label("Ship faster via daily stand-ups."), "method");
    assert_eq!(label("Lower defects by introducing peer review."), "method");
    assert_eq!(
        label("Lower average handle time to 6 minutes by the end of Q2."),
        "outcome"
    );
    assert_eq!(label("Reduce meetings."), "method");
    assert_eq!(label("Improve customer satisfaction."), "vague");
    assert_eq!(label("Time to hire must fall below 35 days"), "outcome");
    assert_eq!(
        label("Safety training completion must reach 100%"),
        "outcome"
    );
    assert_eq!(
        label("Raccoons Inc. is the most reliable distributor in the burrow."),
        "outcome"
    );
    assert_eq!(
        label("Quality variance must drop below 3% by the end of March."),
        "outcome"
    );
}

#[test]
fn comparators_are_not_vague_but_vague_terms_are() {
    assert_eq!(
        label("On-time delivery must reach 96% or higher."),
        "outcome"
    );
    assert_eq!(
        label("At least 95% of calls are answered within 20 seconds."),
        "outcome"
    );
    assert_eq!(label("Significantly reduce defects to below 1%."), "vague");
    assert_eq!(label("Optimize the supply chain."), "vague");
    assert_eq!(label("Become a world-class partner."), "vague");
}

#[test]
fn urgency_needs_clarity() {
    assert_eq!(label("Fix the backlog ASAP."), "urgent-unclear");
    assert_eq!(
        label("Defect rate must drop below 2% immediately."),
        "urgent-unclear"
    );
    assert_eq!(
        label("Urgent: on-time delivery must reach 95% by March 31."),
        "outcome"
    );
    assert_eq!(
        label("Urgent: on-time delivery must reach 95%."),
        "urgent-unclear"
    );
    assert_eq!(label("Hire two inspectors ASAP."), "method");
}

#[test]
fn the_deciding_words_are_pointed_at() {
    let text = "Reduce returns to 2% by introducing peer review.";
    let Verdict::Method(f) = analyze(text, &Lexicon::builtin()) else {
        panic!("not a method")
    };
    assert_eq!(&text[f.start..f.end], "by introducing");
    let text = "Improve customer satisfaction.";
    let Verdict::Vague(f) = analyze(text, &Lexicon::builtin()) else {
        panic!("not vague")
    };
    assert_eq!(&text[f.start..f.end], "Improve customer satisfaction");
}

#[test]
fn projects_can_trim_the_lexicon() {
    let lex = Lexicon::with(&Adjustments {
        allow: vec!["robust".into()],
        ..Default::default()
    });
    assert_eq!(
        analyze("Uptime stays robust at 99.9%.", &lex).label(),
        "outcome"
    );
    assert_eq!(label("Uptime stays robust at 99.9%."), "vague");
}

/// `KOOM_PHRASING_DEBUG="text" cargo test debug_structure -- --nocapture`
/// prints the slots of a text.
#[test]
fn debug_structure() {
    let Ok(text) = std::env::var("KOOM_PHRASING_DEBUG") else {
        return;
    };
    let lex = Lexicon::builtin();
    let t = structure::Text::new(&text, &lex);
    for c in t.clauses() {
        let words = |a: usize, b: usize| (a..b).map(|i| t.word(i)).collect::<Vec<_>>().join(" ");
        println!(
            "clause [{}]: form {:?}, subject [{}], verb {:?}, object [{}], also {:?}, threshold {}",
            words(c.from, c.to),
            c.form,
            words(c.head, c.subject_end),
            c.verb.as_ref().map(|v| (&v.lemma, v.class, v.passive)),
            words(c.object.0, c.object.1),
            c.also
                .iter()
                .map(|v| (&v.lemma, v.class))
                .collect::<Vec<_>>(),
            c.threshold
        );
    }
    println!("{:?}", analyze(&text, &lex));
}

/// `KOOM_PHRASING_EVAL=file.tsv` (label TAB text) prints every miss.
#[test]
fn debug_eval() {
    let Ok(file) = std::env::var("KOOM_PHRASING_EVAL") else {
        return;
    };
    let lex = Lexicon::builtin();
    for line in std::fs::read_to_string(file).unwrap().lines() {
        let mut cols = line.split('\t');
        let (label, text) = (cols.next().unwrap(), cols.next().unwrap_or(""));
        let v = analyze(text, &lex);
        if v.label() != label {
            println!("MISS {label} judged {}: {text}   {v:?}", v.label());
        }
    }
}
