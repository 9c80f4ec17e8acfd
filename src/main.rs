//! The `koomc` command line: parse arguments, run the command (`cli`), map
//! the outcome to an exit status.

mod cli;

use std::process::ExitCode;

use cli::args::Cli;
use cli::report::Status;

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
