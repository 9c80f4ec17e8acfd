//! The rules: a verdict from the slots of each clause ([`super::structure`]).
//!
//! | slot filled by | verdict |
//! | --- | --- |
//! | a means adjunct after the verb (`by` + gerund, `via`/`using`/`through`/`with` + means) | method |
//! | a method verb (listed, phrasal `roll out`, or a WordNet action verb) in an imperative, after a modal, or a listed one in the passive | method, unless the object is a condition ("a welcoming environment": vague) |
//! | a direction or result verb on a means ("Reduce meetings", "Hold a huddle") | method |
//! | a direction or result verb with no threshold in its clause | vague |
//! | a state verb in an imperative with no threshold ("Become the go-to platform") | vague |
//! | a direction or result verb with a threshold (comparator + number, `from X to Y`, `halve`, `by N%`) | outcome |
//!
//! Texts as a whole: a vague term outside a comparator is vague (a comparative
//! such as `faster` only in a clause without a threshold); urgency that stands
//! in for a date (`ASAP`, `now`) is urgent-unclear; emphasis (`Urgent:`,
//! `Critical:`, "This cannot wait") only without a threshold and a date.
//! Method beats urgent, urgent beats vague.

use super::lexicon::flag;
use super::rewrite;
use super::structure::{Class, Clause, Form, Text, Verb};
use super::token::Kind;
use super::{Finding, Place, Reason};

/// What the clauses and the text-wide scans found.
#[derive(Default)]
pub struct Found {
    pub method: Option<Finding>,
    pub urgent: Option<Finding>,
    pub vague: Option<Finding>,
}

fn set(slot: &mut Option<Finding>, f: Finding) {
    if slot.is_none() {
        *slot = Some(f);
    }
}

impl Text<'_> {
    pub fn finding(&self, from: usize, to: usize, reason: Reason) -> Finding {
        Finding {
            start: self.tokens[from].start,
            end: self.tokens[to.min(self.len() - 1)].end,
            reason,
            rewrite: None,
            rewrites: (0, 0),
        }
    }
}

/// Verbs of a state of mind or an attitude: learning, knowing, valuing or
/// embracing something is a condition
/// of the mind, not a procedure ("Learn new skill", "We envision a
/// future without waste").
const MIND_VERBS: &[&str] = &[
    "learn",
    "know",
    "understand",
    "envision",
    "envisage",
    "imagine",
    "believe",
    "appreciate",
    "master",
    "value",
    "respect",
    "embrace",
    "champion",
    "cherish",
    "honor",
    "honour",
    "inspire",
];

/// A verb's class as its object shows it: an action on an amount changes the
/// amount ("Save money", "Lose weight": a result, vague without a
/// threshold); a verb of mind names a state; turning something into
/// something else is a change ("Turn renewal from a negotiation into a
/// formality").
fn by_object(t: &Text, mut c: Clause) -> Clause {
    use super::wordnet::noun;
    // Asked only where a verb is an action.
    let action = c
        .verb
        .iter()
        .chain(&c.also)
        .any(|v| v.class == Class::Action);
    let amount = action
        && object_head(t, &c).is_some_and(|h| {
            !t.has(h, flag::NUMBER)
                && super::wordnet::as_noun(t.word(h)).is_some_and(|e| {
                    e.noun_first & (noun::ATTRIBUTE | noun::QUANTITY) != 0
                        || (e.noun_first == noun::POSSESSION && e.noun_files & noun::ACT == 0)
                })
        });
    let into = (c.object.1..c.to).any(|i| t.word(i) == "into");
    for v in c.verb.iter_mut().chain(c.also.iter_mut()) {
        if MIND_VERBS.contains(&v.lemma.as_ref()) || (v.class == Class::Action && amount) {
            v.class = Class::Result;
        } else if v.class == Class::Action
            && into
            && matches!(v.lemma.as_ref(), "turn" | "transform" | "convert")
        {
            v.class = Class::Change;
        }
    }
    c
}

/// Verbs a resolution decides with ("Approve overtime up to 40 hours").
const DECISION_VERBS: &[&str] = &[
    "approve",
    "authorize",
    "authorise",
    "grant",
    "deny",
    "reject",
    "accept",
    "allow",
    "fund",
    "defer",
    "postpone",
    "decline",
    "permit",
    "allocate",
    "give",
    "extend",
    "cap",
    "limit",
    "pause",
    "prioritize",
    "prioritise",
    "keep",
    "move",
    "lend",
    "loan",
    "transfer",
];

/// Verbs that bring about a condition: on a condition they are vague
/// ("Create a welcoming environment"), on a thing a method.
const MAKING_VERBS: &[&str] = &[
    "support",
    "encourage",
    "enable",
    "create",
    "build",
    "establish",
    "provide",
    "foster",
    "cultivate",
    "nurture",
    "develop",
    "deliver",
    "make",
    "attract",
    "become",
    "offer",
    "promote",
    "maintain",
];

/// Making verbs that make or offer things, which come in plurals ("Provide
/// learning experiences", "Develop two new training opportunities").
const OFFERING_VERBS: &[&str] = &[
    "create",
    "build",
    "establish",
    "provide",
    "develop",
    "deliver",
    "make",
    "offer",
];

/// Judge every clause and the text; the first finding of each kind wins.
/// With `rewrite`, the deciding one also carries a rewrite where one can be
/// built (what the help shows; only a text that gets a diagnostic needs it).
pub fn judge(t: &Text, place: Place, rewrite: bool) -> Found {
    let clauses = clauses(t);
    let mut found = judge_clauses(t, &clauses, place);
    if rewrite {
        rewrite::attach(t, &clauses, &mut found);
    }
    found
}

/// Whether a text is judged an outcome (no finding at all), without
/// building rewrites: what a rewrite is held to.
pub fn is_outcome(t: &Text) -> bool {
    let clauses = clauses(t);
    let found = judge_clauses(t, &clauses, Place::Outcome);
    found.method.is_none() && found.urgent.is_none() && found.vague.is_none()
}

/// The text's clauses, each with its object found.
fn clauses(t: &Text) -> Vec<Clause> {
    t.clauses().into_iter().map(|c| by_object(t, c)).collect()
}

fn judge_clauses(t: &Text, clauses: &[Clause], place: Place) -> Found {
    let mut found = Found::default();
    let any_threshold = (0..t.len()).any(|i| t.threshold(i));
    let any_date = (0..t.len()).any(|i| t.date(i));
    for c in clauses {
        clause(t, c, place, any_threshold, &mut found);
    }
    if matches!(place, Place::Tech | Place::Resolution) {
        found.urgent = None;
        found.vague = None;
        return found;
    }
    urgency(t, clauses, any_threshold && any_date, &mut found);
    if found.vague.is_none() {
        found.vague = vague_terms(t, clauses);
    }
    found
}

fn clause(t: &Text, c: &Clause, place: Place, any_threshold: bool, found: &mut Found) {
    if let Some(f) = means(t, c) {
        set(&mut found.method, f);
        return;
    }
    let Some(v) = &c.verb else {
        if c.ensure && !c.threshold && c.head < c.to {
            let f = t.finding(
                c.head.saturating_sub(1),
                c.to - 1,
                Reason::NoThreshold("ensure".to_owned()),
            );
            set(&mut found.vague, f);
        }
        if let Some((at, noun)) = nominal_method(t, c) {
            set(
                &mut found.method,
                t.finding(at, at, Reason::ActionVerb(noun)),
            );
        }
        return;
    };
    if place == Place::Resolution && DECISION_VERBS.contains(&v.lemma.as_ref()) {
        return;
    }
    if c.ensure && !c.threshold {
        let vague_before = found.vague.is_none();
        // A stated condition ("Make sure the new warehouse runs…") prescribes
        // nothing; a modal or an imperative inside it still may.
        match c.form {
            Form::Imperative => imperative(t, c, v, found),
            Form::Modal => modal(t, c, v, found),
            _ => {}
        }
        if found.method.is_none() && vague_before && found.vague.is_none() {
            let f = t.finding(
                c.head.saturating_sub(1),
                c.to - 1,
                Reason::NoThreshold("ensure".to_owned()),
            );
            set(&mut found.vague, f);
        }
        return;
    }
    match c.form {
        Form::Imperative => imperative(t, c, v, found),
        Form::Modal => modal(t, c, v, found),
        Form::Declarative => {
            if v.class == Class::Direction && !c.threshold {
                let f = t.finding(v.at, v.end, Reason::NoThreshold(v.lemma.to_string()));
                set(&mut found.vague, f);
            }
        }
        Form::Participle => {
            if v.class == Class::Direction && !any_threshold {
                let end = c.object.1.max(v.end + 1) - 1;
                set(
                    &mut found.vague,
                    t.finding(v.at, end, Reason::NoThreshold(v.lemma.to_string())),
                );
            }
        }
        Form::Verbless => {
            if let Some((at, noun)) = nominal_method(t, c) {
                set(
                    &mut found.method,
                    t.finding(at, at, Reason::ActionVerb(noun)),
                );
            }
        }
    }
}

/// The head noun of an object: the last word before a stop, looking through
/// "the number of" and skipping trailing participles ("sign-offs required").
pub fn object_head(t: &Text, c: &Clause) -> Option<usize> {
    let (from, mut to) = c.object;
    // "a culture of innovation": the head stands before `of`, unless it
    // counts what follows ("the number of meetings").
    if let Some(of) = (from..to).find(|&i| t.word(i) == "of") {
        if of > from && !QUANTITY_NOUNS.contains(&t.word(of - 1)) {
            to = of;
        }
    }
    let mut last = (from..to).rev().find(|&i| t.is_word(i))?;
    while last > from && (t.word(last).ends_with("ed") || t.word(last).ends_with("ly")) {
        last -= 1;
    }
    Some(last)
}

/// Nouns that count what follows `of`.
const QUANTITY_NOUNS: &[&str] = &[
    "number",
    "share",
    "percentage",
    "percent",
    "proportion",
    "amount",
    "count",
    "volume",
    "level",
    "levels",
    "total",
    "portion",
    "majority",
    "rate",
    "ratio",
    "use",
    "value",
    "form",
    "forms",
    "type",
    "types",
    "kind",
    "kinds",
    "cases",
    "instances",
    "incidents",
];

/// Whether the object names a means: a listed means noun at its head, or
/// "the use of" a tool.
fn object_is_means(t: &Text, c: &Clause) -> Option<usize> {
    let head = object_head(t, c)?;
    let w = t.word(head);
    if t.lex.means.contains(w) {
        return Some(head);
    }
    (c.object.0..c.object.1).find(|&i| t.word(i) == "use" && t.word(i + 1) == "of")
}

/// Whether the object is a condition to bring about ("a welcoming
/// environment", "an inclusive culture") rather than a thing: a listed
/// condition noun, a noun whose most frequent sense is a state, attribute or
/// feeling and none an artifact, or (after a `making` verb) an object
/// qualified by a vague word ("a pleasant work environment"); a plural made
/// or offered is a count of things, not a condition.
fn object_is_state(t: &Text, c: &Clause, maker: Option<&str>) -> bool {
    let making = maker.is_some();
    // Only what is made or offered comes in countable things; support,
    // promote, foster work on conditions ("Promote healthy lifestyles").
    let offering = maker.is_some_and(|l| OFFERING_VERBS.contains(&l));
    use super::wordnet::noun;
    let Some(head) = object_head(t, c) else {
        return false;
    };
    let w = t.word(head);
    let lemma = super::wordnet::noun_lemma(w).unwrap_or(w);
    // Made or offered, a plural counts things ("two new training opportunities",
    // "learning experiences"); a condition is one, or a mass ("an inclusive
    // culture", "trust").
    // (A plural group is still a condition: "Support our local communities".)
    let group = super::wordnet::entry(lemma).is_some_and(|e| e.noun_first == noun::GROUP);
    if offering && lemma != w && w.ends_with('s') && !group {
        return t.word(c.object.1) == "as";
    }
    let state = |w: &str| {
        let lemma = super::wordnet::noun_lemma(w).unwrap_or(w);
        t.lex.state_nouns.contains(lemma)
            || super::wordnet::entry(lemma).is_some_and(|e| {
                // A state or a feeling first ("safety", "belonging") stays a
                // condition beside a minor artefact sense; an attribute or a
                // process only without one ("access" is also a way in).
                e.noun_first & (noun::STATE | noun::FEELING) != 0
                    || (e.noun_first & (noun::ATTRIBUTE | noun::PROCESS) != 0
                        && e.noun_files & noun::ARTIFACT == 0)
            })
    };
    // "diversity and inclusion": a head WordNet does not know takes the
    // kind of the noun it is joined to.
    let unknown = super::wordnet::entry(lemma).is_none();
    let joined = unknown
        && head >= c.object.0 + 2
        && matches!(t.word(head - 1), "and" | "or")
        && state(t.word(head - 2));
    // Qualities listed ("quick, effective, and efficient support") or a
    // vague one ("a pleasant work environment") describe a condition.
    let qualified = (c.object.0..head)
        .any(|i| t.flags(i) & flag::VAGUE != 0 || (t.word(i) == "," && t.in_adjective_series(i)));
    state(w) || joined || (making && qualified) || t.word(c.object.1) == "as"
}

/// Whether the object's head names a thing made or an act ("a contingency
/// plan", "procurement decisions"): a result verb on one prescribes it.
fn object_is_thing(t: &Text, c: &Clause) -> bool {
    use super::wordnet::noun;
    let Some(head) = object_head(t, c) else {
        return false;
    };
    let w = t.word(head);
    !MEASURE_NOUNS.contains(&w)
        && super::wordnet::as_noun(w).is_some_and(|e| {
            e.noun_first & (noun::ARTIFACT | noun::COMMUNICATION | noun::COGNITION | noun::ACT) != 0
        })
}

/// Whether the object is one artefact ("the app", "the knowledge base",
/// "PRD template"): a singular head whose most frequent sense is an
/// artefact, not a measure's name, with nothing of it counted.
fn object_is_artefact(t: &Text, c: &Clause) -> bool {
    use super::wordnet::noun;
    let Some(head) = object_head(t, c) else {
        return false;
    };
    let w = t.word(head);
    let counted = (c.object.0..head).any(|i| QUANTITY_NOUNS.contains(&t.word(i)));
    singular_object(t, c)
        && !counted
        && !MEASURE_NOUNS.contains(&w)
        && super::wordnet::as_noun(w).is_some_and(|e| e.noun > 1 && e.noun_first == noun::ARTIFACT)
}

/// Nouns that name a reading of a measure, whatever WordNet's first sense
/// ("Maintain a CDP Climate score of A-").
const MEASURE_NOUNS: &[&str] = &[
    "score", "scores", "rating", "ratings", "index", "grade", "status", "rank", "ranking",
];

/// Whether the object is one piece of work to finish: a singular head with
/// an artefact, act or document sense, or a word WordNet does not know (a
/// name or a term of the trade: "the new mobile app", "the SDK").
fn object_is_deliverable(t: &Text, c: &Clause) -> bool {
    use super::wordnet::noun;
    let Some(head) = object_head(t, c) else {
        return false;
    };
    let w = t.word(head);
    if !singular_object(t, c) || !t.is_word(head) {
        return false;
    }
    match super::wordnet::as_noun(w) {
        Some(e) => e.noun_files & (noun::ARTIFACT | noun::COMMUNICATION | noun::ACT) != 0,
        None => super::wordnet::entry(w).is_none(),
    }
}

/// Verbs on an object that state something rather than prescribe an act:
/// a vague verb, a reply within a limit, doing none of something, avoiding
/// something, setting a target with its amount.
fn states_without_acting(t: &Text, c: &Clause, verb: &Verb) -> bool {
    let lemma = verb.lemma.as_ref();
    // The vague list by the flags (the word's are the token's).
    let vague = |f: u32| f & flag::VAGUE != 0;
    if t.lex.flags.get(lemma).is_some_and(vague) || t.has(verb.at, flag::VAGUE) {
        return true;
    }
    if responds(t, c, verb) {
        return true;
    }
    // "Send zero waste to landfill": doing none of something is a condition,
    // and so is avoiding something ("Avoid audit findings"; "Avoid using
    // overtime" still names a means after it).
    if matches!(t.word(c.object.0), "zero" | "no") && !c.object_empty() {
        return true;
    }
    if lemma == "avoid" && !c.object_empty() && !t.word(c.object.0).ends_with("ing") {
        return true;
    }
    // "The NHS has set out a new national ambition for 65% of patients to
    // receive treatment within 18 weeks": setting a target states it.
    let goal = |k: usize| {
        matches!(
            t.word(k),
            "target" | "targets" | "goal" | "goals" | "ambition"
        )
    };
    lemma == "set" && c.threshold && (verb.end + 1..verb.end + 6).any(goal)
}

/// Whether a verb on this clause's object prescribes an action: `Some(true)`
/// a method, `Some(false)` a condition without a threshold (vague), `None`
/// neither.
fn prescribes(t: &Text, c: &Clause, verb: &Verb) -> Option<bool> {
    let lemma = verb.lemma.as_ref();
    if states_without_acting(t, c, verb) {
        return None;
    }
    let making = MAKING_VERBS.contains(&lemma);
    let pseudo = || (c.from..c.to).any(|i| t.pseudo(i));
    match verb.class {
        Class::Method if making && object_is_state(t, c, Some(lemma)) => {
            (!c.threshold).then_some(false)
        }
        Class::Method if verb.modal.is_some() && !agent_subject(t, c) => None,
        Class::Method => Some(true),
        // "Go to the gym 3x/wk", "Choose a Top Three every morning": an
        // activity on a schedule, however counted.
        Class::Action if recurring(t, c) && (verb.modal.is_none() || agent_subject(t, c)) => {
            Some(true)
        }
        // Under a modal an action is prescribed only to someone: "On-time
        // delivery must recover" states a condition.
        Class::Action if verb.modal.is_some() && !agent_subject(t, c) => None,
        // "Work with partners…", "Engage with our top 50 suppliers": an
        // action on a prepositional object, however many.
        Class::Action
            if c.object_empty()
                && !thinking(lemma)
                && matches!(
                    t.word(c.object.0),
                    "with" | "for" | "on" | "across" | "among"
                ) =>
        {
            Some(true)
        }
        Class::Action if c.object_empty() || pronoun_object(t, c) => None,
        // Under a modal a verb of knowing states a condition: "Customers must
        // trust what we ship".
        Class::Action if verb.modal.is_some() && thinking(&verb.lemma) => None,
        Class::Action if c.threshold || more_of(t, c) => None,
        Class::Action if object_is_state(t, c, making.then_some(lemma)) => Some(false),
        Class::Action => Some(true),
        Class::Result if c.threshold || pseudo() => None,
        // "Ship the redesigned checkout", "Complete the Salesforce course": one
        // artefact delivered, a milestone (a count of shipped orders is a
        // volume).
        Class::Result if matches!(lemma, "ship" | "release") && singular_object(t, c) => Some(true),
        Class::Result if making && object_is_state(t, c, Some(lemma)) => Some(false),
        Class::Result
            if matches!(lemma, "complete" | "finish" | "deliver")
                && object_is_deliverable(t, c) =>
        {
            Some(true)
        }
        Class::Result if making && object_is_thing(t, c) => Some(true),
        _ => None,
    }
}

/// "Feed more people", "Serve fewer customers late": more or fewer of
/// something is a direction on a count (vague without a threshold), not an
/// act to perform ("more consistently" qualifies the verb, not the object).
fn more_of(t: &Text, c: &Clause) -> bool {
    matches!(t.word(c.object.0), "more" | "fewer" | "less")
        && c.object.1 > c.object.0 + 1
        && !t.word(c.object.0 + 1).ends_with("ly")
}

/// A verb of reply on what comes in ("Answer all calls within 10 rings",
/// "Return your calls within one working day", "deal with your enquiry"):
/// the service whose speed is measured, not a means (a service standard,
/// like "Every shipment leaves within 24 hours").
fn responds(t: &Text, c: &Clause, verb: &Verb) -> bool {
    use super::wordnet::noun;
    match verb.lemma.as_ref() {
        "answer" | "respond" | "reply" | "acknowledge" | "deal" => true,
        // "Provide a response to your letter within 10 working days": the
        // reply itself, with its time limit.
        "provide" | "give" | "send" | "issue" => {
            object_head(t, c).is_some_and(|h| {
                matches!(
                    t.word(h),
                    "response"
                        | "responses"
                        | "reply"
                        | "replies"
                        | "answer"
                        | "answers"
                        | "update"
                        | "updates"
                        | "decision"
                        | "decisions"
                )
            }) && (c.from..c.to).any(|k| t.word(k) == "within")
        }
        "return" => object_head(t, c).is_some_and(|h| {
            super::wordnet::as_noun(t.word(h))
                .is_some_and(|e| e.noun_first & noun::COMMUNICATION != 0)
        }),
        _ => false,
    }
}

/// A cadence: "three times each week", "every morning", "3x/wk".
fn recurring(t: &Text, c: &Clause) -> bool {
    use super::wordnet::noun;
    (c.from..c.to).any(|i| {
        let w = t.word(i);
        let counted = |k: usize| t.tokens[k].kind == Kind::Number || t.has(k, flag::NUMBER);
        (w == "times" && i > 0 && counted(i - 1))
            || (t.tokens[i].kind == Kind::Number && w.contains("x/"))
            || (matches!(w, "every" | "each")
                && (t.date_at(i + 1)
                    || super::wordnet::as_noun(t.word(i + 1))
                        .is_some_and(|e| e.noun_first == noun::TIME)))
    })
}

/// An object naming one thing: a singular head that is not a pronoun.
fn singular_object(t: &Text, c: &Clause) -> bool {
    let Some(head) = object_head(t, c) else {
        return false;
    };
    let w = t.word(head);
    !pronoun_object(t, c) && super::wordnet::noun_lemma(w).is_none_or(|l| l == w)
}

fn thinking(lemma: &str) -> bool {
    use super::wordnet::verb;
    super::wordnet::entry(lemma).is_some_and(|e| e.verb_first & verb::COGNITION != 0)
}

/// Whether the subject before a modal is someone who acts (a person or a
/// group: "Managers should…", "The CoE must…") rather than a measure or a
/// place ("Every site must report zero injuries").
fn agent_subject(t: &Text, c: &Clause) -> bool {
    use super::wordnet::noun;
    let Some(last) = (c.head..c.subject_end).rev().find(|&i| t.is_word(i)) else {
        // "We will…", "I want to…", "Please…": the writer or the reader acts.
        return c.polite
            || (c.from..c.head).any(|i| matches!(t.word(i), "i" | "we" | "you" | "they"));
    };
    // "80% of students will enroll", "half of all patients…": a share of a
    // population is what is measured, not someone told to act.
    let share = (c.head..last).any(|k| t.threshold(k) && (k + 1..last).any(|j| t.word(j) == "of"));
    let w = t.word(last);
    !share
        && match super::wordnet::as_noun(w) {
            Some(e) => e.noun_first & (noun::PERSON | noun::GROUP) != 0,
            None => true,
        }
}

/// A verbless clause headed by the noun of a method ("Introduction of a
/// loyalty app", "Roll-out of Salesforce", "Weekly stand-ups for all
/// teams") and with no threshold prescribes that action.
fn nominal_method(t: &Text, c: &Clause) -> Option<(usize, String)> {
    if c.threshold {
        return None;
    }
    let at = (c.head..c.to).find(|&i| {
        !matches!(
            t.word(i),
            "the" | "a" | "an" | "new" | "daily" | "weekly" | "monthly" | "quarterly" | "annual"
        )
    })?;
    let w = t.word(at);
    if t.lex.means.contains(w) && at + 1 < c.to {
        return Some((at, w.to_owned()));
    }
    if t.word(at + 1) != "of" {
        return None;
    }
    let verb = |v: &str| t.lex.method_base.contains(v) || t.lex.phrasal_method.contains(v);
    let stems = [
        w.strip_suffix("ation").map(|s| format!("{s}e")),
        w.strip_suffix("ation").map(str::to_owned),
        w.strip_suffix("uction").map(|s| format!("{s}uce")),
        w.strip_suffix("ion").map(|s| format!("{s}e")),
        w.strip_suffix("ion").map(str::to_owned),
        w.strip_suffix("ment").map(str::to_owned),
        w.contains('-').then(|| w.replace('-', " ")),
    ];
    stems
        .into_iter()
        .flatten()
        .any(|s| verb(&s))
        .then(|| (at, w.to_owned()))
}

/// "Have each store manager run a count", "Get the sales team to call
/// every customer": the verb the causative hands on.
fn handed_on(t: &Text, c: &Clause, v: &Verb) -> Option<Verb> {
    if !matches!(v.lemma.as_ref(), "have" | "ask" | "want" | "tell") {
        return None;
    }
    let from = v.end + 2;
    let j = (from..c.to.min(from + 6)).find(|&j| {
        let prev = t.word(j - 1);
        t.is_base_verb(j)
            && !matches!(prev, "the" | "a" | "an" | "each" | "every" | "all" | "our")
            && (prev == "to" || t.lex.method_base.contains(t.word(j)))
    })?;
    let verb = t.verb_here(j);
    (verb.class == Class::Method).then_some(verb)
}

fn imperative(t: &Text, c: &Clause, v: &Verb, found: &mut Found) {
    if let Some(verb) = handed_on(t, c, v) {
        {
            let f = t.finding(
                verb.at,
                verb.end,
                Reason::ActionVerb(verb.lemma.to_string()),
            );
            set(&mut found.method, f);
            return;
        }
    }
    let verbs = std::iter::once(v).chain(c.also.iter());
    let mut condition = None;
    for verb in verbs {
        match prescribes(t, c, verb) {
            Some(true) => {
                let f = t.finding(
                    verb.at,
                    verb.end,
                    Reason::ActionVerb(verb.lemma.to_string()),
                );
                set(&mut found.method, f);
                return;
            }
            Some(false) => condition = condition.or(Some(verb)),
            None => {}
        }
    }
    if let Some(verb) = condition {
        let end = c.object.1.max(verb.end + 1) - 1;
        set(
            &mut found.vague,
            t.finding(verb.at, end, Reason::NoThreshold(verb.lemma.to_string())),
        );
        return;
    }
    direction(t, c, v, found);
}

/// A direction, result or other verb: a means object is a method, no
/// threshold is vague.
fn direction(t: &Text, c: &Clause, v: &Verb, found: &mut Found) {
    // Any verb but one of being on a means prescribes what to do with it
    // ("Reduce meetings", "Continue traffic signal replacement program").
    // (`have` with an activity is doing it: "Have 10 discovery calls".)
    let changes =
        (v.class != Class::State || v.lemma == "have") && !t.lex.allowed.contains(v.lemma.as_ref());
    if changes && !responds(t, c, v) {
        if let Some(m) = object_is_means(t, c) {
            let f = t.finding(v.at, m, Reason::DirectionOnMeans(v.lemma.to_string()));
            set(&mut found.method, f);
            return;
        }
    }
    if pronoun_object(t, c) {
        let first = c.object.0;
        set(
            &mut found.vague,
            t.finding(v.at, first, Reason::NoMeasure(v.lemma.to_string())),
        );
        return;
    }
    // "Define strategies…", "Continue O/M and capital investment": a verb
    // of no listed kind on a thing made or an act prescribes handling it.
    let allowed = t.lex.allowed.contains(v.lemma.as_ref());
    if v.class == Class::Other && !allowed && !c.threshold && object_is_thing(t, c) {
        let f = t.finding(v.at, v.end, Reason::ActionVerb(v.lemma.to_string()));
        set(&mut found.method, f);
        return;
    }
    // "Improve the app", "Improve PRD template": a direction verb on one
    // artefact works on the thing, it names no measure.
    if v.class == Class::Direction && !allowed && !c.threshold && object_is_artefact(t, c) {
        let head = object_head(t, c).unwrap_or(v.end);
        let f = t.finding(v.at, head, Reason::DirectionOnMeans(v.lemma.to_string()));
        set(&mut found.method, f);
        return;
    }
    let multiplier = t.lex.multipliers.contains(t.word(v.at));
    // "Preserve greenspace, agriculture and history": an order of no listed
    // kind that names neither a means nor a threshold states nothing to check.
    let unchecked = v.class == Class::Other
        && !allowed
        && !c.object_empty()
        && !(0..t.len()).any(|i| t.threshold(i) || t.date(i));
    if c.threshold
        || multiplier
        || !(unchecked
            || matches!(
                v.class,
                Class::Direction | Class::Result | Class::Change | Class::State
            ))
    {
        return;
    }
    let superlative = (c.head..c.to).any(|i| {
        matches!(t.word(i), "most" | "first" | "largest" | "best" | "leading")
            || (t.word(i).ends_with("est") && t.word(i).len() > 5)
    });
    // "To be an organization that puts service before self": a character
    // described by what it does, nothing to check.
    let character = matches!(t.word(c.object.0), "a" | "an")
        && matches!(t.word(c.object.1), "that" | "who" | "which");
    // "Be debt-free", "Be the most reliable…": a condition, judged by its terms.
    if v.class == Class::State
        && !character
        && (superlative || matches!(v.lemma.as_ref(), "be" | "become"))
    {
        return;
    }
    let end = c.object.1.max(v.end + 1) - 1;
    set(
        &mut found.vague,
        t.finding(v.at, end, Reason::NoThreshold(v.lemma.to_string())),
    );
}

/// An object that names nothing: "Get us to 50", "do it now", "trust what
/// we ship".
fn pronoun_object(t: &Text, c: &Clause) -> bool {
    let one = matches!(
        t.word(c.object.0),
        "us" | "it" | "them" | "this" | "that" | "things" | "everything" | "you" | "me"
    );
    // "Do my best", "do our part": an effort, not a thing.
    let idiom = c.object.1 == c.object.0 + 2
        && matches!(t.word(c.object.0), "my" | "our" | "your" | "their")
        && matches!(t.word(c.object.0 + 1), "best" | "part" | "utmost");
    // "Greet you promptly": adverbs after the pronoun add no object.
    let rest_adverbs = (c.object.0 + 1..c.object.1).all(|i| t.word(i).ends_with("ly"));
    (c.object.1 > c.object.0 && one && rest_adverbs)
        || idiom
        || (c.object.1 > c.object.0 && t.word(c.object.0) == "what")
}

fn modal(t: &Text, c: &Clause, v: &Verb, found: &mut Found) {
    let w = t.word(v.at);
    // "None of this may require additional headcount": a prohibition.
    let negated = matches!(t.word(c.head), "none" | "no" | "nothing" | "nobody")
        || (c.subject_end..v.at).any(|i| {
            matches!(
                t.word(i),
                "not" | "never" | "cannot" | "can't" | "won't" | "mustn't" | "don't" | "doesn't"
            )
        });
    if negated {
        return;
    }
    if v.passive {
        // "Action plans will be developed at each school": a means made.
        let means_made = t.lex.method_base.contains(v.lemma.as_ref())
            && (c.head..c.subject_end)
                .rev()
                .find(|&i| t.is_word(i))
                .is_some_and(|i| t.lex.means.contains(t.word(i)));
        let prescribes = means_made
            || (t.lex.method_participle.contains(w)
                && (w != "rolled" || t.word(v.at + 1) == "out"));
        if prescribes {
            set(
                &mut found.method,
                t.finding(v.at, v.end, Reason::ActionVerb(v.lemma.to_string())),
            );
        } else if v.class == Class::Direction && !c.threshold && !t.lex.multipliers.contains(w) {
            set(
                &mut found.vague,
                t.finding(v.at, v.end, Reason::NoThreshold(v.lemma.to_string())),
            );
        }
        return;
    }
    // "Product team will hold design meetings": someone told what to do
    // with a means.
    let allowed = t.lex.allowed.contains(v.lemma.as_ref());
    if v.class != Class::State && !allowed && !responds(t, c, v) && agent_subject(t, c) {
        if let Some(m) = object_is_means(t, c) {
            let f = t.finding(v.at, m, Reason::DirectionOnMeans(v.lemma.to_string()));
            set(&mut found.method, f);
            return;
        }
    }
    match (v.class, prescribes(t, c, v)) {
        // "I want to complete the course": a milestone someone must finish.
        (Class::Method | Class::Action, Some(true)) | (Class::Result, Some(true))
            if v.class != Class::Result || agent_subject(t, c) =>
        {
            let f = t.finding(v.at, v.end, Reason::ActionVerb(v.lemma.to_string()));
            set(&mut found.method, f);
        }
        (_, Some(false)) => {
            let end = c.object.1.max(v.end + 1) - 1;
            let f = t.finding(v.at, end, Reason::NoThreshold(v.lemma.to_string()));
            set(&mut found.vague, f);
        }
        (Class::Direction, _) if !c.threshold && !t.lex.multipliers.contains(w) => {
            set(
                &mut found.vague,
                t.finding(v.at, v.end, Reason::NoThreshold(v.lemma.to_string())),
            );
        }
        _ => {}
    }
}

impl Clause {
    fn object_empty(&self) -> bool {
        self.object.0 >= self.object.1
    }
}

/// A means clause after the verb: `by` + gerund, `via`, `using`,
/// `leveraging`, `through` + something not a period, `with` + a means. A
/// preposition right after a participle or a person belongs to the measure
/// ("orders placed via the app", "patients using the portal"), and so does
/// one inside a relative clause ("the value we create through…").
/// The words [`means`] asks of by name: a relative's subject, `by`, and
/// the means prepositions of [`means_preposition`] (flagged
/// [`flag::MEANS_WORD`], so that other words are passed over by one test;
/// keep in step with both).
pub const MEANS_WORDS: &[&str] = &[
    "we",
    "they",
    "you",
    "which",
    "who",
    "that",
    "by",
    "via",
    "using",
    "leveraging",
    "utilizing",
    "utilising",
    "through",
    "with",
];

fn means(t: &Text, c: &Clause) -> Option<Finding> {
    let from = match (&c.verb, c.form) {
        (Some(v), f) if f != Form::Verbless => v.end + 1,
        _ => c.head,
    };
    let mut relative = false;
    for i in from..c.to {
        if t.tokens[i].kind == Kind::Punct {
            relative = false;
            continue;
        }
        // Only the words of MEANS_WORDS are asked anything below.
        if t.flags(i) & flag::MEANS_WORD == 0 {
            continue;
        }
        let w = t.word(i);
        if matches!(w, "we" | "they" | "you" | "which" | "who" | "that") && i > from {
            relative = true;
        }
        let by_gerund = w == "by" && {
            let g = t.word(i + 1);
            g.ends_with("ing")
                && g.len() > 4
                && !t.lex.dates.contains(g)
                && !matches!(
                    g,
                    "nothing" | "anything" | "everything" | "something" | "during"
                )
        };
        if by_gerund && !restates_target(t, i + 1, c.to) {
            return Some(t.finding(i, i + 1, Reason::Means(w.to_owned())));
        }
        if relative || c.form == Form::Verbless {
            continue;
        }
        if means_preposition(t, i) {
            return Some(t.finding(i, (i + 1).min(c.to - 1), Reason::Means(w.to_owned())));
        }
    }
    None
}

/// "…meet state targets by reducing carbon emissions 60 percent by 2030":
/// a direction verb with a threshold after `by` is the target itself, not a
/// means ("by reducing pollution" and "by improving handoff protocols" stay
/// means: they name no amount, and so does "by increasing sales calls to 40
/// a week": a direction on a means).
fn restates_target(t: &Text, gerund: usize, to: usize) -> bool {
    if !t
        .lemma(gerund)
        .is_some_and(|l| t.lex.direction_base.contains(l))
    {
        return false;
    }
    // The first amount of the gerund's phrase, and no means noun before it.
    let mut span = (gerund + 1..to).take_while(|&k| t.tokens[k].kind != Kind::Punct);
    span.find(|&k| t.threshold(k) || t.lex.means.contains(t.word(k)))
        .is_some_and(|k| t.threshold(k))
}

fn means_preposition(t: &Text, i: usize) -> bool {
    let w = t.word(i);
    if !matches!(
        w,
        "via" | "using" | "leveraging" | "utilizing" | "utilising" | "through" | "with"
    ) {
        return false;
    }
    let prev = t.word(i.wrapping_sub(1));
    // "placed via", "paid via" (an irregular past form: WordNet's lemma
    // differs and the form is no -s or -ing).
    let irregular_past = || {
        super::wordnet::verb_lemma(prev)
            .is_some_and(|l| l != prev && !prev.ends_with('s') && !prev.ends_with("ing"))
    };
    let after_participle = i > 0
        && t.is_word(i - 1)
        && (prev.ends_with("ed")
            || prev.ends_with("en")
            || t.lex.participle_like(prev)
            || irregular_past())
        && t.lex.verb_lemma(prev).is_some();
    // "in accordance with our procedures", "in line with…": conformity.
    let conformity = w == "with"
        && matches!(
            prev,
            "accordance" | "line" | "compliance" | "consistent" | "keeping" | "comply" | "complies"
        );
    let after_person = || {
        super::wordnet::as_noun(prev)
            .is_some_and(|e| e.noun_first & super::wordnet::noun::PERSON != 0)
    };
    // "available via the NHS App", "payable through the portal": the
    // channel is part of the state, after an adjective that is nothing else.
    let after_adjective = || match super::wordnet::entry(prev) {
        Some(e) => e.adj > e.noun.max(e.verb),
        None => prev.ends_with("able") || prev.ends_with("ible"),
    };
    if after_participle
        || conformity
        || (w == "using" && after_person())
        || (matches!(w, "via" | "through") && after_adjective())
    {
        return false;
    }
    let skip = |k: usize| {
        if matches!(
            t.word(i + k),
            "a" | "an" | "the" | "our" | "new" | "their" | "its"
        ) {
            k + 1
        } else {
            k
        }
    };
    match w {
        "via" | "using" | "leveraging" | "utilizing" | "utilising" => true,
        "through" => {
            let k = skip(1);
            let next = t.word(i + k);
            !next.is_empty()
                && !t.date(i + k)
                && t.tokens[i + k].kind != Kind::Number
                && !matches!(next, "end" | "year" | "quarter" | "month" | "week" | "the")
                && !period_ahead(t, i + k)
        }
        "with" => {
            let k = skip(1);
            (k..k + 3).any(|k| t.lex.means.contains(t.word(i + k)))
        }
        _ => false,
    }
}

/// A period named within the next few words ("through the peak season",
/// "through the winter months"): a noun whose most frequent sense is a time.
fn period_ahead(t: &Text, from: usize) -> bool {
    use super::wordnet::noun;
    (from..t.len().min(from + 3))
        .take_while(|&k| t.is_word(k) && !t.has(k, flag::OBJECT_STOP))
        .any(|k| {
            t.date(k)
                || super::wordnet::as_noun(t.word(k)).is_some_and(|e| e.noun_first == noun::TIME)
        })
}

/// Urgency that stands in for a date, and emphasis without clarity.
fn urgency(t: &Text, clauses: &[Clause], clear: bool, found: &mut Found) {
    let lex = t.lex;
    // A word without these flags finds nothing (and `found.urgent` is
    // empty until something is found: then the loop ends).
    const URGENT: u32 = flag::URGENCY | flag::URGENCY_FIRST;
    const EMPHATIC: u32 = flag::EMPHASIS | flag::HEADING | flag::PRIORITY_FIRST;
    for i in 0..t.len() {
        if t.flags(i) & URGENT == 0 {
            continue;
        }
        let w = t.word(i);
        let now_ok = w != "now"
            || t.tokens.get(i + 1).is_none_or(|n| n.kind == Kind::Punct)
            || matches!(t.word(i + 1), "and" | "or");
        if t.flags(i) & flag::URGENCY != 0
            && now_ok
            && !matches!(t.word(i.wrapping_sub(1)), "from" | "until" | "by")
        {
            set(
                &mut found.urgent,
                t.finding(i, i, Reason::Urgency(w.to_owned())),
            );
        }
        if let Some(p) = t.phrase_at(i, &lex.urgency_phrases) {
            set(
                &mut found.urgent,
                t.finding(i, i + p.len() - 1, Reason::Urgency(p.join(" "))),
            );
        }
        if found.urgent.is_some() {
            return;
        }
    }
    if clear {
        return;
    }
    for i in 0..t.len() {
        if t.flags(i) & EMPHATIC == 0 {
            continue;
        }
        let w = t.word(i);
        // The flag first: few words are headings, every one a clause start.
        let heading = t.flags(i) & flag::HEADING != 0
            && matches!(t.word(i + 1), ":" | "!")
            && clauses.iter().any(|c| c.from == i);
        if t.flags(i) & flag::EMPHASIS != 0 || heading {
            set(
                &mut found.urgent,
                t.finding(i, i, Reason::UrgencyWithoutClarity(w.to_owned())),
            );
        }
        if let Some(p) = t.phrase_at(i, &lex.priority_phrases) {
            let f = t.finding(
                i,
                i + p.len() - 1,
                Reason::UrgencyWithoutClarity(p.join(" ")),
            );
            set(&mut found.urgent, f);
        }
        if found.urgent.is_some() {
            return;
        }
    }
}

/// Vague terms and phrases outside comparators; a comparative only where its
/// clause has no threshold ("faster cancer treatment - 90 percent…").
fn vague_terms(t: &Text, clauses: &[Clause]) -> Option<Finding> {
    let lex = t.lex;
    for c in clauses {
        for i in c.from..c.to {
            if t.comparator(i) || t.tokens[i].kind != Kind::Word {
                continue;
            }
            let w = t.word(i);
            // Only a vague word, the first of a vague phrase, a
            // pseudo-threshold or `as` can be found below.
            if t.flags(i) & (flag::VAGUE | flag::VAGUE_FIRST) == 0 && !t.pseudo(i) && w != "as" {
                continue;
            }
            if t.flags(i) & flag::VAGUE != 0 && !category(t, i) && !measure_name(t, c, i) {
                let comparative = matches!(
                    w,
                    "more"
                        | "less"
                        | "fewer"
                        | "better"
                        | "faster"
                        | "stronger"
                        | "smoother"
                        | "healthier"
                        | "improved"
                        | "enhanced"
                        | "increased"
                        | "reduced"
                );
                let counted = i > 0 && t.threshold(i - 1);
                let measured = comparative
                    && clauses.iter().any(|c| c.threshold)
                    && !matches!(w, "more" | "better");
                if comparative && (counted || t.word(i + 1) == "than" || measured) {
                    continue;
                }
                return Some(t.finding(i, i, Reason::VagueTerm(w.to_owned())));
            }
            if let Some(p) = t.phrase_at(i, &lex.vague_phrases) {
                return Some(t.finding(i, i + p.len() - 1, Reason::VagueTerm(p.join(" "))));
            }
            // Only where the text's marks say it sets no threshold ("a
            // minimum of 10%" is a comparator).
            let pseudo = t.pseudo(i).then(|| t.phrase_at(i, &lex.pseudo_thresholds));
            if let Some(p) = pseudo.flatten() {
                return Some(t.finding(i, i + p.len() - 1, Reason::VagueTerm(p.join(" "))));
            }
            if w == "as"
                && matches!(t.word(i + 2), "as")
                && matches!(
                    t.word(i + 3),
                    "possible" | "practicable" | "feasible" | "we"
                )
            {
                return Some(t.finding(
                    i,
                    i + 3,
                    Reason::VagueTerm(format!("as {} as {}", t.word(i + 1), t.word(i + 3))),
                ));
            }
        }
    }
    None
}

/// A survey category: vague words joined by `or` ("rate the service good or
/// excellent") name an answer, not a quality of the target.
fn category(t: &Text, i: usize) -> bool {
    let vague = |k: usize| t.has(k, flag::VAGUE) || t.word(k) == "very";
    (t.word(i + 1) == "or" && (vague(i + 2) || vague(i + 3)))
        || (i >= 2 && t.word(i - 1) == "or" && vague(i - 2))
        || (i >= 3 && t.word(i - 1) == "very" && t.word(i - 2) == "or" && vague(i - 3))
}

/// A vague adjective in the subject of a clause with a threshold is part of
/// the measure's name ("Days sales outstanding must fall below 45 days");
/// quantifiers ("several", "many") are not.
fn measure_name(t: &Text, c: &Clause, i: usize) -> bool {
    c.threshold
        && matches!(c.form, Form::Modal | Form::Declarative)
        && c.head <= i
        && i < c.subject_end
        && !matches!(
            t.word(i),
            "several" | "many" | "some" | "various" | "numerous" | "more" | "less" | "fewer"
        )
}
