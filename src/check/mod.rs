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
use crate::phrasing::Lexicon;
use crate::source::SourceMap;

/// Run every rule over the model.
pub fn check(model: &Model, sources: &SourceMap, lexicon: &Lexicon) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    cycles::check(model, &mut diagnostics);
    phrasing::check(model, sources, lexicon, &mut diagnostics);
    resources::check(model, &mut diagnostics);
    consistency::check(model, &mut diagnostics);
    criteria::check(model, &phrasing::Metrics::of(model), &mut diagnostics);
    provenance::check(model, &mut diagnostics);
    diagnostics
}
