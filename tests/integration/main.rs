//! koomc's integration tests, as one test binary (one link instead of one
//! per file). Every module is a subject; helpers they share are in
//! [`common`]. Snapshots are in `tests/snapshots/`, named
//! `<module>__<name>.snap` (see [`common::assert_snapshot`]).
//!
//! ```text
//! cargo test                      # everything (the quick property runs)
//! cargo test rules::              # one module
//! cargo test --release format     # the full `fmt` property run (see format.rs)
//! ```

mod common;

// The modules, one per subject.
mod architecture;
mod bad_input;
mod cascades;
mod ci;
mod cli;
mod codes;
mod diff;
mod editors;
mod escalations;
mod examples;
mod explain;
mod fix_command;
mod fixes;
mod format;
mod history;
mod linearity;
mod lsp;
mod phrasing;
mod pictures;
mod rules;
mod score;
mod setup;
mod tree_sitter;
mod watch;
