//! The `koomc` command line: parse arguments, run the command (`cli`), map
//! the outcome to an exit status.

mod cli;

use std::process::ExitCode;

use cli::args::Cli;
use cli::report::Status;

/// jemalloc for the command line (benches/README.md, "The allocator"):
/// glibc's malloc slowed as a large input's heap grew.
#[cfg(all(unix, not(target_env = "musl")))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    match Cli::parse_checked() {
        Ok(cli) => cli::run(cli.command).into(),
        Err(e) => {
            let _ = e.print();
            // `--help` and `--version` are not misuse.
            if e.use_stderr() {
                Status::Trouble.into()
            } else {
                Status::Clean.into()
            }
        }
    }
}
