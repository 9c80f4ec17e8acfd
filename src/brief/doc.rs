//! A briefing page as plain data, decided once and written by both
//! renderers (`html.rs`, `markdown.rs`), so the HTML and the Markdown say the
//! same things in the same order.

/// One page.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// The small line above the title (the organization).
    pub kicker: String,
    pub title: String,
    /// Lines under the title: the cycle's dates, the revision, who issued it.
    pub meta: Vec<String>,
    /// A wider page (the overview, for its picture).
    pub wide: bool,
    /// A link back to the overview (relative, without extension), on unit pages.
    pub back: Option<String>,
    pub sections: Vec<Section>,
    /// The closing line: where it came from.
    pub footer: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Section {
    /// An anchor, unique in its page.
    pub id: String,
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug)]
pub enum Block {
    /// The strategic direction, as written.
    Quote(String),
    /// A muted paragraph.
    Note(String),
    /// A smaller heading inside a section.
    Subheading(String),
    Items {
        ordered: bool,
        items: Vec<Item>,
    },
    /// Budgets split by unit.
    Bars(Vec<Chart>),
    /// Scores from 0 to 100.
    Meters(Vec<Meter>),
    /// The spine picture: the SVG inline (HTML) and the file beside the page.
    Picture {
        svg: String,
        file: String,
        alt: String,
    },
    /// Links to other pages, each with a one-line summary.
    Links(Vec<Link>),
}

#[derive(Clone, Debug, Default)]
pub struct Item {
    pub text: String,
    pub tags: Vec<Tag>,
    /// A second, quieter line.
    pub note: Option<String>,
    /// `file:line:column`.
    pub source: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tag {
    /// Priority rank.
    Rank(u32),
    Urgent,
    /// Written at the cycle level: reaches every unit.
    Everyone,
    /// A priority this unit carries a target for.
    Yours,
    /// A diagnostic code.
    Code(String),
    Gain,
    Loss,
    Change,
}

impl Tag {
    pub fn text(&self) -> String {
        match self {
            Tag::Rank(r) => format!("priority {r}"),
            Tag::Urgent => "urgent".to_owned(),
            Tag::Everyone => "every unit".to_owned(),
            Tag::Yours => "yours".to_owned(),
            Tag::Code(c) => c.clone(),
            Tag::Gain => "new".to_owned(),
            Tag::Loss => "removed".to_owned(),
            Tag::Change => "changed".to_owned(),
        }
    }

    pub fn class(&self) -> &'static str {
        match self {
            Tag::Rank(_) => "rank",
            Tag::Urgent => "urgent",
            Tag::Everyone => "everyone",
            Tag::Yours => "yours",
            Tag::Code(_) => "code",
            Tag::Gain => "gain",
            Tag::Loss => "loss",
            Tag::Change => "change",
        }
    }
}

/// One budget and how it is allocated.
#[derive(Clone, Debug)]
pub struct Chart {
    /// `Money: 300,000 USD`.
    pub title: String,
    pub segments: Vec<Segment>,
    /// What no allocation takes, if anything.
    pub rest: Option<Segment>,
}

#[derive(Clone, Debug)]
pub struct Segment {
    pub label: String,
    /// `180,000 USD (60%)`.
    pub amount: String,
    /// Width as a percentage with one decimal, `60.0`.
    pub width: String,
    /// The index of the unit's colour (stable per unit).
    pub colour: usize,
    /// Whether the page's own unit: drawn stronger.
    pub own: bool,
}

#[derive(Clone, Debug)]
pub struct Meter {
    pub label: String,
    /// `None` when it cannot be measured.
    pub score: Option<u32>,
    pub note: String,
}

#[derive(Clone, Debug)]
pub struct Link {
    pub text: String,
    pub href: String,
    pub note: String,
}
