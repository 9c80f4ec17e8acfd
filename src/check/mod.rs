//! Stage 4, check: the KOOM rules over the resolved model, its bounds
//! computed (stage 3, `crate::bounds`).
//!
//! Entry point: [`check`]. Each pass is a module with one `check` function that
//! reads the model and pushes diagnostics; no pass writes into the model, so
//! their order does not matter. A new rule goes into the pass whose subject it
//! shares, or into a new module listed in [`check`].
//!
//! | pass | codes | seed |
//! | --- | --- | --- |
//! | `cycles` | E0403, E0402 | §8 failure mode 1 (change windows) |
//! | `phrasing` | E0201, E0301, E0302, E0303, E0306 | §4 rules 2–3, §5, §8 failure modes 4–5 |
//! | `resources` | E0401 (budget and allocation units), E0501–E0504 | §2 resources, §7 allocation discipline |
//! | `consistency` | E0601–E0604 | §2 alignment, §4 rule 5 |
//! | `criteria` | E0307, E0308 | §2 success criteria and direction, §4 rule 3 |
//! | `provenance` | E0801 | §6 |

mod consistency;
mod criteria;
mod cycles;
mod phrasing;
mod provenance;
mod resources;

use crate::diagnostic::Diagnostics;
use crate::model::Model;
use crate::phrasing::{Adjustments, Lexicon, Memo};
use crate::source::SourceMap;

/// What a pass reads besides the model.
pub struct Context<'a> {
    pub sources: &'a SourceMap,
    pub lexicon: &'a Lexicon,
    /// Where the phrasing pass keeps its readings for the next check, and
    /// the adjustments the lexicon was built with (the language server's).
    pub memo: Option<(&'a Memo, &'a Adjustments)>,
}

/// One pass: its name (the module's) and its function.
pub type Pass = (&'static str, fn(&Model, &Context, &mut Diagnostics));

/// Every pass, in the order they run. Benchmarks and the linearity test time
/// each one by this table.
pub const PASSES: &[Pass] = &[
    ("cycles", |m, _, out| cycles::check(m, out)),
    ("phrasing", phrasing::check),
    ("resources", |m, _, out| resources::check(m, out)),
    ("consistency", |m, _, out| consistency::check(m, out)),
    ("criteria", |m, _, out| {
        criteria::check(m, &phrasing::Metrics::of(m), out)
    }),
    ("provenance", |m, _, out| provenance::check(m, out)),
];

/// Run every rule over the model. The passes only read it, so they run on
/// rayon's threads, each into its own list; the lists are joined in the
/// order of [`PASSES`], so the result is the sequential run's.
pub fn check(model: &Model, context: &Context) -> Diagnostics {
    use rayon::prelude::*;
    let found: Vec<Diagnostics> = PASSES
        .par_iter()
        .map(|(_, pass)| {
            let mut out = Diagnostics::new();
            pass(model, context, &mut out);
            out
        })
        .collect();
    let mut diagnostics = Diagnostics::new();
    for list in found {
        diagnostics.extend(list);
    }
    diagnostics
}
