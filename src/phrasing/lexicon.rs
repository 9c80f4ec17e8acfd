//! The built-in lexicon of the phrasing analyzer, with inflections, and its
//! per-project extension and trimming (`koom.toml` `[phrasing]`).
//!
//! Every list is plain words; [`Lexicon::builtin`] inflects verbs (`hire`,
//! `hires`, `hired`, `hiring`) so that the lists stay short and readable.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// The hasher of the word sets and tables: foldhash's fast hasher with its
/// fixed seed (the words of every text are looked up many times each, and
/// SipHash cost several times more). Nothing reads a set in hash order, so
/// the hasher decides no verdict.
pub type WordState = foldhash::fast::FixedState;

/// A set of words.
pub type WordSet = HashSet<String, WordState>;

/// Per-word flags, so that a text's words are looked up once each.
pub mod flag {
    pub const NUMBER: u32 = 1;
    pub const MULTIPLIER: u32 = 1 << 1;
    pub const DATE: u32 = 1 << 2;
    pub const VAGUE: u32 = 1 << 3;
    pub const URGENCY: u32 = 1 << 4;
    pub const EMPHASIS: u32 = 1 << 5;
    pub const HEADING: u32 = 1 << 6;
    /// The first word of some phrase (comparator, vague, urgency…).
    pub const PHRASE: u32 = 1 << 7;
    /// The chunker's closed classes (`structure.rs`).
    pub const AUX: u32 = 1 << 8;
    pub const SUBORDINATOR: u32 = 1 << 9;
    pub const OBJECT_STOP: u32 = 1 << 10;
    pub const COPULA: u32 = 1 << 11;
    pub const LEAD_IN: u32 = 1 << 12;
    pub const SEMI_MODAL: u32 = 1 << 13;
    /// The verb lists, so that a word's own lemma and class need no lookup
    /// of their own: `method_base`, `direction_base`, `result_base`,
    /// `state_verbs`, and the participles of `method_participle` or
    /// `direction_any` ([`super::Lexicon::participle_stem`]).
    pub const METHOD_BASE: u32 = 1 << 14;
    pub const DIRECTION_BASE: u32 = 1 << 15;
    pub const RESULT_BASE: u32 = 1 << 16;
    pub const STATE_VERB: u32 = 1 << 17;
    pub const LISTED_PARTICIPLE: u32 = 1 << 18;
    /// The first word of a phrase of one set ([`super::Phrases::flag`]):
    /// comparator, vague, urgency, emphasis, pseudo-threshold.
    pub const COMPARATOR_FIRST: u32 = 1 << 19;
    pub const VAGUE_FIRST: u32 = 1 << 20;
    pub const URGENCY_FIRST: u32 = 1 << 21;
    pub const PRIORITY_FIRST: u32 = 1 << 22;
    pub const PSEUDO_FIRST: u32 = 1 << 23;
    /// The phrasal verbs ("go down", "roll out"), so that a verb's class is
    /// one lookup (`Text::class_of`).
    pub const PHRASAL_DIRECTION: u32 = 1 << 24;
    pub const PHRASAL_METHOD: u32 = 1 << 25;
    /// A word `Text::is_threshold` asks of by name
    /// ([`super::structure::THRESHOLD_WORDS`]).
    pub const THRESHOLD_WORD: u32 = 1 << 26;
    /// The second word of some phrase of several words: a position whose
    /// next word has not this flag begins no such phrase
    /// (`Text::phrase_starting`).
    pub const PHRASE_SECOND: u32 = 1 << 27;
    /// A word the means rule asks of by name ([`super::rules::MEANS_WORDS`]).
    pub const MEANS_WORD: u32 = 1 << 28;
}

/// The lexicon's [`flag`]s by word: every word of every text is looked up
/// here once.
#[derive(Clone, Debug, Default)]
pub struct Flags {
    by_word: HashMap<Box<str>, u32, WordState>,
}

impl Flags {
    fn new(map: HashMap<String, u32, WordState>) -> Self {
        let by_word = map
            .into_iter()
            .map(|(w, f)| (w.into_boxed_str(), f))
            .collect();
        Flags { by_word }
    }

    /// The flags of a word, if the lexicon has it.
    #[inline]
    pub fn get(&self, word: &str) -> Option<u32> {
        self.by_word.get(word).copied()
    }
}

/// Phrases of several words, with the set of their first words so that most
/// positions are rejected with one lookup.
#[derive(Clone, Debug, Default)]
pub struct Phrases {
    pub list: Vec<Vec<String>>,
    /// The phrases by first word, as indices into `list` in its order: a
    /// word is matched against the few phrases it can begin, not all.
    pub firsts: HashMap<String, Vec<usize>, WordState>,
    /// The [`flag`] the lexicon gives the first words of this set (0: only
    /// [`flag::PHRASE`], the first word of some phrase).
    pub flag: u32,
    /// Whether some phrase is a single word ("go-to"): without one, a word
    /// followed by no [`flag::PHRASE_SECOND`] begins none.
    pub single: bool,
}

impl Phrases {
    pub fn new(list: Vec<Vec<String>>) -> Self {
        let mut p = Phrases {
            list,
            firsts: HashMap::default(),
            flag: 0,
            single: false,
        };
        p.index();
        p
    }

    fn index(&mut self) {
        self.firsts.clear();
        self.single = self.list.iter().any(|p| p.len() == 1);
        for (k, phrase) in self.list.iter().enumerate() {
            if let Some(first) = phrase.first() {
                self.firsts.entry(first.clone()).or_default().push(k);
            }
        }
    }

    pub fn push(&mut self, phrase: Vec<String>) {
        self.single |= phrase.len() == 1;
        if let Some(first) = phrase.first() {
            let k = self.list.len();
            self.firsts.entry(first.clone()).or_default().push(k);
        }
        self.list.push(phrase);
    }

    pub fn retain(&mut self, keep: impl FnMut(&Vec<String>) -> bool) {
        self.list.retain(keep);
        self.index();
    }

    /// The phrases that begin with `word`, in list order.
    pub fn starting(&self, word: &str) -> impl Iterator<Item = &Vec<String>> {
        self.firsts
            .get(word)
            .into_iter()
            .flatten()
            .map(|&k| &self.list[k])
    }
}

pub const METHOD_VERBS: &[&str] = &[
    "add",
    "adopt",
    "appoint",
    "arrange",
    "assign",
    "audit",
    "automate",
    "build",
    "buy",
    "call",
    "change",
    "conduct",
    "consolidate",
    "create",
    "deploy",
    "design",
    "develop",
    "digitize",
    "draft",
    "email",
    "enforce",
    "establish",
    "form",
    "fund",
    "hire",
    "host",
    "collect",
    "implement",
    "install",
    "institute",
    "integrate",
    "introduce",
    "invest",
    "launch",
    "mandate",
    "merge",
    "migrate",
    "move",
    "onboard",
    "organize",
    "organise",
    "outsource",
    "partner",
    "perform",
    "pilot",
    "purchase",
    "recruit",
    "redesign",
    "reorganize",
    "reorganise",
    "replace",
    "require",
    "restructure",
    "review",
    "revise",
    "rewrite",
    "roll",
    "run",
    "schedule",
    "send",
    "set",
    "setup",
    "shift",
    "staff",
    "standardize",
    "standardise",
    "start",
    "switch",
    "train",
    "transfer",
    "upgrade",
    "use",
    "write",
    "renegotiate",
    "negotiate",
    "publish",
    "survey",
    "interview",
    "contract",
    "subscribe",
    "offer",
    "provide",
    "retrain",
    "reassign",
    "relocate",
    "open",
    "fire",
    "rotate",
    "map",
    "document",
    "track",
    "monitor",
    "centralize",
    "centralise",
    "decentralize",
    "adjust",
    "allocate",
    "approve",
    "attend",
    "begin",
    "campaign",
    "coach",
    "consider",
    "cross-train",
    "double-check",
    "enroll",
    "evaluate",
    "explore",
    "inspect",
    "invite",
    "mentor",
    "post",
    "prepare",
    "promote",
    "put",
    "reallocate",
    "rebuild",
    "redeploy",
    "refactor",
    "reorganize",
    "report",
    "research",
    "return",
    "test",
    "update",
];

/// Method verbs whose passive still prescribes how ("A new CRM must be
/// implemented"); other participles after `be` read as states ("crates are
/// returned").
pub const PASSIVE_METHOD_VERBS: &[&str] = &[
    "implement",
    "introduce",
    "roll",
    "adopt",
    "deploy",
    "install",
    "hire",
    "recruit",
    "train",
    "migrate",
    "schedule",
    "launch",
    "build",
    "create",
    "establish",
    "outsource",
    "automate",
    "restructure",
    "reorganize",
    "reorganise",
    "rewrite",
    "redesign",
    "mandate",
    "purchase",
    "buy",
    "institute",
    "integrate",
    "upgrade",
    "replace",
    "standardize",
    "standardise",
];

/// Verbs of change in a measure: with a threshold they state a key result
/// ("Lower average handle time to 6 minutes"), without one they are vague
/// ("Improve customer satisfaction"), on a means they are a method ("Reduce
/// meetings").
pub const DIRECTION_VERBS: &[&str] = &[
    "improve",
    "increase",
    "reduce",
    "lower",
    "raise",
    "cut",
    "grow",
    "decrease",
    "boost",
    "double",
    "halve",
    "shrink",
    "accelerate",
    "minimize",
    "minimise",
    "maximize",
    "maximise",
    "lift",
    "drop",
    "shorten",
    "speed",
    "enhance",
    "strengthen",
    "expand",
    "eliminate",
    "trim",
    "slash",
    "decline",
    "rise",
    "fall",
    "climb",
    "reverse",
    "scale",
    "widen",
    "narrow",
    "tighten",
    "drive",
    "push",
    "stop",
    "fix",
];

/// Verbs that name a result: with a threshold they are an outcome ("Reach 95%
/// on-time delivery"), without one vague.
pub const RESULT_VERBS: &[&str] = &[
    "achieve", "reach", "hit", "attain", "get", "keep", "maintain", "sustain", "bring", "exceed",
    "ensure", "secure", "win", "meet", "earn", "gain", "obtain", "attract", "receive", "serve",
    "ship", "generate", "become", "make", "resolve", "answer", "process", "fill", "close",
    "deliver", "complete", "finish", "retain", "stay", "remain", "hold",
];

/// Nouns that name a means (an activity, a tool, a procedure), not a measure:
/// a direction verb on one of these is a method ("Reduce meetings").
pub const MEANS_NOUNS: &[&str] = &[
    "meeting",
    "meetings",
    "stand-up",
    "stand-ups",
    "standup",
    "standups",
    "approval",
    "approvals",
    "sign-off",
    "sign-offs",
    "handoff",
    "handoffs",
    "email",
    "emails",
    "call",
    "calls",
    "tool",
    "tools",
    "software",
    "system",
    "systems",
    "vendor",
    "vendors",
    "workflow",
    "workflows",
    "framework",
    "frameworks",
    "procedure",
    "procedures",
    "checklist",
    "checklists",
    "workshop",
    "workshops",
    "initiative",
    "initiatives",
    "effort",
    "efforts",
    "project",
    "projects",
    "program",
    "programs",
    "programme",
    "programmes",
    "campaign",
    "campaigns",
    "automation",
    "step",
    "steps",
    "layer",
    "layers",
    "committee",
    "committees",
    "report",
    "reports",
    "reporting",
    "paperwork",
    "forms",
    "huddle",
    "huddles",
    "contractors",
    "consultants",
    "spreadsheets",
    "dashboards",
    "jira",
    "slack",
    "salesforce",
    "sap",
    "excel",
    "ai",
    "chatbot",
    "chatbots",
    "kiosk",
    "kiosks",
    "training",
    "trainings",
    "audits",
    "inspections",
    "shifts",
    "rotations",
    "huddles",
    "syncs",
    "check-ins",
    "policies",
    "policy",
    "partnership",
    "partnerships",
    "plan",
    "plans",
];

/// Vague terms (spec §6), flagged wherever they stand outside a comparator.
pub const VAGUE_TERMS: &[&str] = &[
    "soon",
    "optimize",
    "optimise",
    "optimized",
    "optimised",
    "optimizing",
    "optimising",
    "optimization",
    "optimisation",
    "significantly",
    "significant",
    "world-class",
    "several",
    "acceptable",
    "best-in-class",
    "robust",
    "seamless",
    "seamlessly",
    "synergy",
    "synergies",
    "holistic",
    "holistically",
    "cutting-edge",
    "state-of-the-art",
    "substantially",
    "substantial",
    "dramatically",
    "dramatic",
    "drastically",
    "greatly",
    "considerably",
    "considerable",
    "meaningfully",
    "meaningful",
    "materially",
    "noticeably",
    "vastly",
    "massively",
    "hugely",
    "sufficient",
    "sufficiently",
    "adequate",
    "adequately",
    "appropriate",
    "appropriately",
    "reasonable",
    "reasonably",
    "timely",
    "efficiently",
    "effectively",
    "excellent",
    "excellence",
    "prioritise",
    "prioritize",
    "leading",
    "next-level",
    "game-changing",
    "innovative",
    "streamlined",
    "agile",
    "various",
    "numerous",
    "many",
    "some",
    "somewhat",
    "better",
    "faster",
    "stronger",
    "smoother",
    "healthier",
    "more",
    "less",
    "fewer",
    "lots",
    "great",
    "good",
    "high-quality",
    "top-notch",
    "first-class",
    "premier",
    "superior",
    "exceptional",
    "outstanding",
    "amazing",
    "delight",
    "delightful",
    "customer-centric",
    "customer-obsessed",
    "empower",
    "empowered",
    "leverage",
    "best",
    "ideal",
    "optimal",
    "improved",
    "enhanced",
    "increased",
    "reduced",
    "streamline",
    "promptly",
    "quickly",
    "rapidly",
    "swiftly",
];

/// Vague phrases (several words).
pub const VAGUE_PHRASES: &[&str] = &[
    "as much as possible",
    "as far as possible",
    "where possible",
    "whenever possible",
    "if possible",
    "as needed",
    "in due course",
    "going forward",
    "at some point",
    "best in class",
    "state of the art",
    "world class",
    "in the near future",
    "more or less",
    "to the extent possible",
    "a lot",
    "a bit",
    "top of mind",
    "next level",
];

/// Urgency words that stand in for a date: always unclear.
pub const URGENCY_TERMS: &[&str] = &[
    "asap",
    "immediately",
    "urgently",
    "instantly",
    "now",
    "pronto",
    "straightaway",
];

/// Urgency phrases that stand in for a date.
pub const URGENCY_PHRASES: &[&str] = &[
    "as soon as possible",
    "right away",
    "at once",
    "right now",
    "straight away",
    "without delay",
    "this instant",
    "as a matter of urgency",
];

/// Urgency as emphasis in words: unclear only without a threshold and a
/// date ("Top priority: invoice error rate below 0.5% by September 30." is
/// an outcome).
pub const EMPHASIS_PHRASES: &[&str] = &[
    "top priority",
    "highest priority",
    "number one priority",
    "priority one",
    "cannot wait",
    "can't wait",
    "red alert",
    "drop everything",
    "drop whatever",
    "all hands",
    "before it is too late",
    "before it's too late",
    "every day we wait",
    "no excuses",
    "this is an emergency",
    "stop the bleeding",
    "every hour counts",
    "every minute counts",
    "every day counts",
    "every second counts",
    "the clock is ticking",
    "the clock is running out",
    "time is running out",
    "running out of time",
    "cannot afford another",
    "can't afford another",
    "stop whatever",
    "whatever else you are doing",
];

/// Urgency emphasis: unclear only without a threshold and a date.
pub const URGENCY_EMPHASIS: &[&str] = &["urgent"];

/// Emphasis that counts only as a heading before `:` or `!` ("Critical:
/// checkout errors…"); elsewhere it is part of a measure ("critical care
/// beds").
pub const HEADING_EMPHASIS: &[&str] = &["critical", "crucial", "priority", "important", "vital"];

/// Words that multiply or rank: a threshold without a comparator and a
/// number ("Halve late deliveries", "Top decile patient experience scores").
pub const MULTIPLIERS: &[&str] = &[
    "halve",
    "halved",
    "halves",
    "halving",
    "double",
    "doubled",
    "doubles",
    "doubling",
    "triple",
    "tripled",
    "triples",
    "tripling",
    "quadruple",
    "quadrupled",
    "twofold",
    "threefold",
    "fourfold",
    "tenfold",
    "half",
    "twice",
    "thrice",
    "decile",
    "quartile",
    "quintile",
    "percentile",
    "zero",
];

/// Phrasal verbs of change: the verb and its particle.
pub const PHRASAL_DIRECTION: &[&str] = &[
    "go down",
    "go up",
    "come down",
    "come up",
    "bring down",
    "drive down",
    "drive up",
    "push down",
    "push up",
    "cut down",
    "cut back",
    "scale back",
    "scale down",
    "scale up",
    "ramp up",
    "ramp down",
    "slow down",
    "speed up",
    "step up",
    "wind down",
    "get down",
    "turn around",
    "level off",
];

/// Phrasal verbs that prescribe an action.
pub const PHRASAL_METHOD: &[&str] = &[
    "roll out",
    "set up",
    "stand up",
    "build out",
    "carry out",
    "spin up",
    "sign up",
    "put in",
    "hand over",
    "lay off",
    "bring in",
    "take on",
    "phase out",
    "switch over",
];

/// Direction verbs that make a measure larger: the rewrite says `must reach`
/// for these and `must fall below` for the others.
pub const INCREASE_VERBS: &[&str] = &[
    "improve",
    "increase",
    "raise",
    "grow",
    "boost",
    "double",
    "triple",
    "lift",
    "accelerate",
    "maximize",
    "maximise",
    "enhance",
    "strengthen",
    "expand",
    "rise",
    "climb",
    "widen",
    "go up",
    "come up",
    "drive up",
    "push up",
    "ramp up",
    "step up",
    "speed up",
    "scale up",
    "speed",
];

/// Verbs of being: a threshold makes them an outcome; without one they state
/// a condition (declarative) or an aspiration (imperative `Be…`, `Become…`).
pub const STATE_VERBS: &[&str] = &[
    "be", "become", "remain", "stay", "seem", "exist", "feel", "have",
];

/// Nouns that name a condition to create rather than a thing to build:
/// "Create a welcoming environment" is vague, not a method.
pub const STATE_NOUNS: &[&str] = &[
    "environment",
    "culture",
    "community",
    "experience",
    "workforce",
    "government",
    "campus",
    "climate",
    "place",
    "reputation",
    "atmosphere",
    "workplace",
    "organization",
    "organisation",
    "city",
    "balance",
    "position",
    "presence",
];

/// Thresholds in words that set no threshold ("reduced to a minimum", "a
/// healthy level"): vague.
pub const PSEUDO_THRESHOLDS: &[&str] = &[
    "to a minimum",
    "to the minimum",
    "a minimum",
    "to a maximum",
    "a healthy level",
    "healthy levels",
    "a certain",
    "normal levels",
    "back to normal",
    "an optimal",
    "within reasonable bounds",
    "step change",
    "as low as",
    "as high as",
    "as short as",
    "as few as",
    "as many as possible",
    "under control",
    "go-to",
];

/// Words after which a comparative is a comparator, not vague.
pub const COMPARATOR_PHRASES: &[&str] = &[
    "a minimum of",
    "a maximum of",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "no more than",
    "no less than",
    "no fewer than",
    "or more",
    "or less",
    "or fewer",
    "or higher",
    "or lower",
    "or better",
    "or above",
    "or below",
    "greater than",
    "higher than",
    "lower than",
    "better than",
    "up to",
    "not more than",
    "not less than",
];

/// Modals and the like: the verb after one is the clause's verb.
pub const MODALS: &[&str] = &[
    "should", "must", "will", "shall", "need", "needs", "needed", "has", "have", "had", "is",
    "are", "was", "were", "be", "ought", "plan", "plans", "want", "wants", "going", "aim", "aims",
    "intend", "intends", "expect", "expects", "let's", "lets", "please", "we'll", "we'd", "let",
];

/// Words that may stand between a modal and its verb.
pub const ADVERBS: &[&str] = &[
    "to",
    "not",
    "also",
    "always",
    "consistently",
    "all",
    "each",
    "then",
    "be",
    "able",
    "now",
    "first",
    "quickly",
    "immediately",
    "urgently",
    "soon",
    "finally",
    "still",
    "really",
    "actively",
    "jointly",
    "together",
    "further",
    "again",
    "continue",
    "continues",
    "begin",
    "begins",
    "start",
    "starts",
];

/// Words that begin a clause without being its verb ("Please hire…").
pub const CLAUSE_OPENERS: &[&str] = &[
    "please",
    "i",
    "let's",
    "lets",
    "we",
    "and",
    "then",
    "also",
    "so",
    "next",
    "first",
    "finally",
    "just",
    "urgent",
    "urgently",
    "immediately",
];

/// Number words: a number written out is still a number ("zero defects").
pub const NUMBER_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "hundred", "thousand", "million", "billion", "half", "double", "twice",
    "triple", "percent", "per cent", "none", "every", "all", "no",
];

/// Month names, full and abbreviated: words of the calendar, with
/// [`DATE_WORDS`] (a date or deadline).
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// The name of a month, full or abbreviated.
pub fn is_month(w: &str) -> bool {
    MONTHS.contains(&w)
}

/// The other words of the calendar: a date or deadline.
pub const DATE_WORDS: &[&str] = &[
    "q1",
    "q2",
    "q3",
    "q4",
    "h1",
    "h2",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "quarter",
    "year-end",
    "eoy",
    "eoq",
    "month-end",
    "week",
    "month",
    "year",
    "fy",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "deadline",
    "morning",
    "evening",
    "tonight",
    "tomorrow",
    "today",
];

/// Project settings: words added to or removed from the built-in lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Adjustments {
    pub method_verbs: Vec<String>,
    pub means_nouns: Vec<String>,
    pub vague_terms: Vec<String>,
    /// Words removed from every list ("our people say `robust` precisely").
    pub allow: Vec<String>,
}

/// The lexicon the analyzer reads, with inflections expanded.
#[derive(Clone, Debug)]
pub struct Lexicon {
    pub method_base: WordSet,
    pub method_participle: WordSet,
    pub direction_any: WordSet,
    pub direction_base: WordSet,
    pub result_base: WordSet,
    pub means: WordSet,
    pub vague: WordSet,
    pub vague_phrases: Phrases,
    pub urgency: WordSet,
    pub urgency_phrases: Phrases,
    pub priority_phrases: Phrases,
    pub heading_emphasis: WordSet,
    pub multipliers: WordSet,
    /// Phrasal verbs, as "verb particle".
    pub phrasal_direction: WordSet,
    pub phrasal_method: WordSet,
    pub increase: WordSet,
    pub state_verbs: WordSet,
    pub state_nouns: WordSet,
    pub pseudo_thresholds: Phrases,
    pub emphasis: WordSet,
    pub comparators: Phrases,
    pub modals: WordSet,
    pub adverbs: WordSet,
    pub openers: WordSet,
    pub numbers: WordSet,
    pub dates: WordSet,
    /// Proper names that stand as subjects: the organization's name.
    pub subjects: Vec<Vec<String>>,
    /// Words a project allowed (`allow`): never a method, direction or
    /// vague word, whatever WordNet says of them.
    pub allowed: WordSet,
    /// The [`flag`]s of every word in the sets above (rebuilt by `adjust`).
    pub flags: Flags,
}

/// Irregular past participles and past forms.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("build", &["built"]),
    ("buy", &["bought"]),
    ("cut", &["cut"]),
    ("hold", &["held"]),
    ("run", &["ran"]),
    ("set", &["set"]),
    ("write", &["wrote", "written"]),
    ("rewrite", &["rewrote", "rewritten"]),
    ("send", &["sent"]),
    ("put", &["put"]),
    ("grow", &["grew", "grown"]),
    ("rise", &["rose", "risen"]),
    ("fall", &["fell", "fallen"]),
    ("drive", &["drove", "driven"]),
    ("bring", &["brought"]),
    ("keep", &["kept"]),
    ("get", &["got", "gotten"]),
    ("hit", &["hit"]),
    ("meet", &["met"]),
    ("begin", &["began", "begun"]),
    ("shrink", &["shrank", "shrunk"]),
    ("win", &["won"]),
    ("speed", &["sped"]),
    ("rebuild", &["rebuilt"]),
];

/// `hire` → `hires`, `hired`, `hiring`; `cut` → `cuts`, `cutting`.
pub fn inflect(base: &str) -> Vec<String> {
    let mut forms = vec![base.to_owned()];
    let b = base;
    let ends_consonant_y =
        b.ends_with('y') && !b.ends_with("ay") && !b.ends_with("ey") && !b.ends_with("oy");
    // third person
    if b.ends_with('s')
        || b.ends_with('x')
        || b.ends_with("sh")
        || b.ends_with("ch")
        || b.ends_with('z')
    {
        forms.push(format!("{b}es"));
    } else if ends_consonant_y {
        forms.push(format!("{}ies", &b[..b.len() - 1]));
    } else {
        forms.push(format!("{b}s"));
    }
    // past and participle
    let double = matches!(
        b,
        "cut"
            | "set"
            | "put"
            | "run"
            | "hit"
            | "get"
            | "begin"
            | "win"
            | "ship"
            | "drop"
            | "slash"
            | "trim"
            | "plan"
            | "stop"
            | "map"
            | "shut"
    );
    let last = b.chars().last().unwrap_or('x');
    if let Some(stem) = b.strip_suffix('e') {
        forms.push(format!("{b}d"));
        forms.push(format!("{stem}ing"));
    } else if ends_consonant_y {
        forms.push(format!("{}ied", &b[..b.len() - 1]));
        forms.push(format!("{b}ing"));
    } else if double && !matches!(b, "slash") {
        forms.push(format!("{b}{last}ed"));
        forms.push(format!("{b}{last}ing"));
    } else {
        forms.push(format!("{b}ed"));
        forms.push(format!("{b}ing"));
    }
    if let Some((_, irregular)) = IRREGULAR.iter().find(|(v, _)| *v == b) {
        forms.extend(irregular.iter().map(|f| (*f).to_owned()));
    }
    forms
}

/// The stem of a listed participle (`digitized` → `digitiz`).
pub fn participle_stem_of(w: &str) -> &str {
    w.strip_suffix("ed")
        .or_else(|| w.strip_suffix('d'))
        .unwrap_or(w)
}

fn set(words: &[&str]) -> WordSet {
    words.iter().map(|w| (*w).to_owned()).collect()
}

fn phrases(list: &[&str]) -> Phrases {
    Phrases::new(
        list.iter()
            .map(|p| p.split(' ').map(str::to_owned).collect())
            .collect(),
    )
}

impl Lexicon {
    pub fn builtin() -> Self {
        let method_base = set(METHOD_VERBS);
        let mut method_participle = WordSet::default();
        for v in PASSIVE_METHOD_VERBS {
            let forms = inflect(v);
            // the -ed form and irregular participles
            method_participle.insert(forms[2].clone());
            method_participle.extend(forms.iter().skip(4).cloned());
        }
        method_participle.insert("rolled".to_owned());
        let mut direction_any = WordSet::default();
        for v in DIRECTION_VERBS {
            direction_any.extend(inflect(v));
        }
        Lexicon {
            method_base,
            method_participle,
            direction_any,
            direction_base: set(DIRECTION_VERBS),
            result_base: set(RESULT_VERBS),
            means: set(MEANS_NOUNS),
            vague: set(VAGUE_TERMS),
            vague_phrases: phrases(VAGUE_PHRASES),
            urgency: set(URGENCY_TERMS),
            urgency_phrases: phrases(URGENCY_PHRASES),
            priority_phrases: phrases(EMPHASIS_PHRASES),
            heading_emphasis: set(HEADING_EMPHASIS),
            multipliers: set(MULTIPLIERS),
            phrasal_direction: set(PHRASAL_DIRECTION),
            phrasal_method: set(PHRASAL_METHOD),
            increase: set(INCREASE_VERBS),
            state_verbs: set(STATE_VERBS),
            state_nouns: set(STATE_NOUNS),
            pseudo_thresholds: phrases(PSEUDO_THRESHOLDS),
            emphasis: set(URGENCY_EMPHASIS),
            comparators: phrases(COMPARATOR_PHRASES),
            modals: set(MODALS),
            adverbs: set(ADVERBS),
            openers: set(CLAUSE_OPENERS),
            numbers: set(NUMBER_WORDS),
            dates: set(&[MONTHS, DATE_WORDS].concat()),
            subjects: Vec::new(),
            allowed: WordSet::default(),
            flags: Flags::default(),
        }
        .flagged()
    }

    /// Rebuild [`Lexicon::flags`] from the sets.
    fn flagged(mut self) -> Self {
        let mut flags: HashMap<String, u32, WordState> = HashMap::default();
        let mut mark = |words: &WordSet, bit: u32| {
            for w in words {
                *flags.entry(w.clone()).or_default() |= bit;
            }
        };
        mark(&self.numbers, flag::NUMBER);
        mark(&self.multipliers, flag::MULTIPLIER);
        mark(&self.dates, flag::DATE);
        mark(&self.vague, flag::VAGUE);
        mark(&self.urgency, flag::URGENCY);
        mark(&self.emphasis, flag::EMPHASIS);
        mark(&self.heading_emphasis, flag::HEADING);
        mark(&self.method_base, flag::METHOD_BASE);
        mark(&self.direction_base, flag::DIRECTION_BASE);
        mark(&self.result_base, flag::RESULT_BASE);
        mark(&self.state_verbs, flag::STATE_VERB);
        mark(&self.method_participle, flag::LISTED_PARTICIPLE);
        mark(&self.direction_any, flag::LISTED_PARTICIPLE);
        mark(&self.phrasal_direction, flag::PHRASAL_DIRECTION);
        mark(&self.phrasal_method, flag::PHRASAL_METHOD);
        let mut mark_list = |words: &[&str], bit: u32| {
            for w in words {
                *flags.entry((*w).to_owned()).or_default() |= bit;
            }
        };
        use super::structure as st;
        mark_list(st::AUX, flag::AUX);
        mark_list(st::SUBORDINATORS, flag::SUBORDINATOR);
        mark_list(st::OBJECT_STOPS, flag::OBJECT_STOP);
        mark_list(st::COPULAS, flag::COPULA);
        mark_list(st::LEAD_INS, flag::LEAD_IN);
        mark_list(st::SEMI_MODALS, flag::SEMI_MODAL);
        mark_list(st::THRESHOLD_WORDS, flag::THRESHOLD_WORD);
        mark_list(super::rules::MEANS_WORDS, flag::MEANS_WORD);
        for (set, bit) in [
            (&mut self.comparators, flag::COMPARATOR_FIRST),
            (&mut self.vague_phrases, flag::VAGUE_FIRST),
            (&mut self.urgency_phrases, flag::URGENCY_FIRST),
            (&mut self.priority_phrases, flag::PRIORITY_FIRST),
            (&mut self.pseudo_thresholds, flag::PSEUDO_FIRST),
        ] {
            set.flag = bit;
            for w in set.firsts.keys() {
                *flags.entry(w.clone()).or_default() |= flag::PHRASE | bit;
            }
            for second in set.list.iter().filter_map(|p| p.get(1)) {
                *flags.entry(second.clone()).or_default() |= flag::PHRASE_SECOND;
            }
        }
        self.flags = Flags::new(flags);
        self
    }

    /// The verb lemma of a form: WordNet's, or the form itself when a list
    /// holds it as a verb (`onboard`, `digitize`) (`Text::lemma` caches the
    /// same decision per word: keep the two alike).
    pub fn verb_lemma<'w>(&self, w: &'w str) -> Option<Cow<'w, str>> {
        if self.method_base.contains(w) || self.direction_base.contains(w) {
            return Some(Cow::Borrowed(w));
        }
        if let Some(l) = super::wordnet::verb_lemma(w) {
            return Some(Cow::Borrowed(l));
        }
        self.participle_stem(w)
            .map(|stem| Cow::Owned(stem.to_owned()))
    }

    /// The stem of a participle a list holds (`digitized` → `digitiz`), a
    /// verb WordNet does not know.
    pub fn participle_stem<'w>(&self, w: &'w str) -> Option<&'w str> {
        (self.method_participle.contains(w) || self.direction_any.contains(w))
            .then(|| participle_stem_of(w))
    }

    /// A participle spelled like its base form ("must be cut by 10%").
    pub fn participle_like(&self, w: &str) -> bool {
        matches!(
            w,
            "cut"
                | "set"
                | "put"
                | "hit"
                | "shut"
                | "spread"
                | "cast"
                | "cost"
                | "hurt"
                | "let"
                | "split"
                | "upset"
                | "read"
                | "kept"
                | "held"
                | "met"
                | "run"
        )
    }

    /// A placeholder used while the flags are rebuilt.
    fn empty() -> Self {
        Lexicon {
            method_base: WordSet::default(),
            method_participle: WordSet::default(),
            direction_any: WordSet::default(),
            direction_base: WordSet::default(),
            result_base: WordSet::default(),
            means: WordSet::default(),
            vague: WordSet::default(),
            vague_phrases: Phrases::default(),
            urgency: WordSet::default(),
            urgency_phrases: Phrases::default(),
            priority_phrases: Phrases::default(),
            heading_emphasis: WordSet::default(),
            multipliers: WordSet::default(),
            phrasal_direction: WordSet::default(),
            phrasal_method: WordSet::default(),
            increase: WordSet::default(),
            state_verbs: WordSet::default(),
            state_nouns: WordSet::default(),
            pseudo_thresholds: Phrases::default(),
            emphasis: WordSet::default(),
            comparators: Phrases::default(),
            modals: WordSet::default(),
            adverbs: WordSet::default(),
            openers: WordSet::default(),
            numbers: WordSet::default(),
            dates: WordSet::default(),
            subjects: Vec::new(),
            allowed: WordSet::default(),
            flags: Flags::default(),
        }
    }

    /// The built-in lexicon with a project's additions and removals.
    pub fn with(adjust: &Adjustments) -> Self {
        let mut lex = Self::builtin();
        lex.adjust(adjust);
        lex
    }

    /// Treat a proper name (the organization's) as a subject: its first two
    /// words, so that "Open Harvest serves…" and "Open Harvest Food Network
    /// serves…" both read as statements.
    pub fn add_subject(&mut self, name: &str) {
        let words: Vec<String> = name
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .take(2)
            .collect();
        if !words.is_empty() && !self.subjects.contains(&words) {
            self.subjects.push(words);
        }
    }

    pub fn adjust(&mut self, adjust: &Adjustments) {
        for v in &adjust.method_verbs {
            let v = v.to_lowercase();
            let forms = inflect(&v);
            self.method_participle.insert(forms[2].clone());
            self.method_base.insert(v);
        }
        for n in &adjust.means_nouns {
            self.means.insert(n.to_lowercase());
        }
        for t in &adjust.vague_terms {
            let t = t.to_lowercase();
            if t.contains(' ') {
                self.vague_phrases
                    .push(t.split(' ').map(str::to_owned).collect());
            } else {
                self.vague.insert(t);
            }
        }
        for w in &adjust.allow {
            let w = w.to_lowercase();
            self.allowed.insert(w.clone());
            let forms = inflect(&w);
            for set in [
                &mut self.method_base,
                &mut self.method_participle,
                &mut self.direction_any,
                &mut self.direction_base,
                &mut self.result_base,
                &mut self.means,
                &mut self.vague,
                &mut self.urgency,
                &mut self.emphasis,
            ] {
                for f in &forms {
                    set.remove(f);
                }
            }
            let words: Vec<String> = w.split(' ').map(str::to_owned).collect();
            self.vague_phrases.retain(|p| *p != words);
            self.urgency_phrases.retain(|p| *p != words);
        }
        *self = std::mem::replace(self, Lexicon::empty()).flagged();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        assert_eq!(inflect("hire"), ["hire", "hires", "hired", "hiring"]);
        assert!(inflect("cut").contains(&"cutting".to_owned()));
        assert!(inflect("optimize").contains(&"optimizing".to_owned()));
        assert!(inflect("write").contains(&"written".to_owned()));
        assert!(inflect("apply").contains(&"applies".to_owned()));
    }

    #[test]
    fn projects_extend_and_trim() {
        let lex = Lexicon::with(&Adjustments {
            method_verbs: vec!["Onboard".into()],
            vague_terms: vec!["synergistic".into(), "moving the needle".into()],
            allow: vec!["robust".into()],
            ..Default::default()
        });
        assert!(lex.method_base.contains("onboard"));
        assert!(lex.method_participle.contains("onboarded"));
        assert!(lex.vague.contains("synergistic"));
        assert!(!lex.vague.contains("robust"));
        assert!(lex
            .vague_phrases
            .list
            .iter()
            .any(|p| p.join(" ") == "moving the needle"));
        assert!(lex.vague_phrases.firsts.contains_key("moving"));
    }
}
