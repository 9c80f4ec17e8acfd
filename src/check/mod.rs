//! Stage 3, check: the KOOM rules over the resolved [`Model`].
//!
//! Entry point: [`check`]. Each pass is a module with one `check` function that
//! reads the model and pushes diagnostics; `bounds` also fills in each goal's and
//! constraint's exact bound for `emit`. A new rule goes into the pass whose
//! subject it shares, or into a new module listed in [`check`].
//!
//! | pass | codes | seed |
//! | --- | --- | --- |
//! | `cycles` | E0403, E0402 | §8 failure mode 1 (change windows) |
//! | `quantities` | E0401, E0304, E0305, bounds | §2 constraints and success criteria |
//! | `provenance` | E0801 | §6 |
//!
//! Still to come, each in a module of its own: `phrasing` (E0201, E0301–E0303,
//! E0306), `resources` (E0501–E0504), `consistency` (E0601–E0604), and change
//! control against a baseline revision (E0701–E0706).

mod cycles;
mod provenance;
pub mod quantities;

use crate::diagnostic::Diagnostics;
use crate::model::Model;

/// Run every rule over the model.
pub fn check(model: &mut Model) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    cycles::check(model, &mut diagnostics);
    quantities::check(model, &mut diagnostics);
    provenance::check(model, &mut diagnostics);
    diagnostics
}
