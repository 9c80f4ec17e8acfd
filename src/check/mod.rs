//! Stage 3, check: the KOOM rules over the resolved [`Model`].
//!
//! Entry point: [`check`]. Each pass is a module with one `check` function that
//! reads the model and pushes diagnostics; `quantities` also fills in each
//! goal's and constraint's exact bound, which `consistency` and `emit` read.
//! A new rule goes into the pass whose subject it shares, or into a new module
//! listed in [`check`].
//!
//! | pass | codes | seed |
//! | --- | --- | --- |
//! | `cycles` | E0403, E0402 | §8 failure mode 1 (change windows) |
//! | `quantities` | E0401, E0304, E0305, bounds | §2 constraints and success criteria |
//! | `phrasing` | E0201, E0301, E0302, E0303, E0306 | §4 rules 2–3, §5, §8 failure modes 4–5 |
//! | `resources` | E0501–E0504 | §2 resources, §7 allocation discipline |
//! | `consistency` | E0601–E0604 | §2 alignment, §4 rule 5 |
//! | `provenance` | E0801 | §6 |
//!
//! Still to come: change control against a baseline revision (E0701–E0706),
//! which compares two models.

mod consistency;
mod cycles;
mod phrasing;
mod provenance;
pub mod quantities;
mod resources;

use crate::diagnostic::Diagnostics;
use crate::model::Model;
use crate::phrasing::Lexicon;
use crate::source::SourceMap;

/// Run every rule over the model.
pub fn check(model: &mut Model, sources: &SourceMap, lexicon: &Lexicon) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    cycles::check(model, &mut diagnostics);
    quantities::check(model, &mut diagnostics);
    phrasing::check(model, sources, lexicon, &mut diagnostics);
    resources::check(model, &mut diagnostics);
    consistency::check(model, &mut diagnostics);
    provenance::check(model, &mut diagnostics);
    diagnostics
}
