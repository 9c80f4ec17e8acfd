//! Getting started and installing: `koomc init`, `koomc completions` and
//! `koomc man`.

use std::path::Path;

use clap::CommandFactory;

use super::args::{Cli, Report};
use super::report::{self, Purpose, Status};

/// `koomc init [DIR]`: the starter project, dated today (UTC), or E0007
/// and nothing written when one of its files exists.
pub fn init(dir: &Path) -> Status {
    let today = jiff::tz::Offset::UTC
        .to_datetime(jiff::Timestamp::now())
        .date();
    match koomc::init::write(dir, &koomc::init::starter(today)) {
        Ok(written) => {
            let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
            eprintln!("wrote {}", names.join(", "));
            let shown = dir.display();
            eprintln!("next: `koomc check {shown}`, then `koomc build {shown} --out-dir orders`");
            Status::Clean
        }
        Err(d) => {
            let sources = koomc::source::SourceMap::new();
            report::problems(sources, vec![*d], &Report::plain(), Purpose::Check);
            Status::Trouble
        }
    }
}

/// `koomc completions SHELL`: the script on standard output.
pub fn completions(shell: clap_complete::Shell) -> Status {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "koomc", &mut script);
    super::print(&String::from_utf8_lossy(&script))
}

/// `koomc man`: the page of `koomc` on standard output, or with `--out-dir`
/// a page per command (`koomc.1`, `koomc-check.1`, …), written atomically.
pub fn man(out_dir: Option<&Path>) -> Status {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let Some(dir) = out_dir else {
        return super::print(&String::from_utf8_lossy(&page(&cmd).1));
    };
    let mut pages = vec![page(&cmd)];
    pages.extend(cmd.get_subcommands().filter(|s| !s.is_hide_set()).map(page));
    match koomc::output::write_files(dir, &pages, "manual pages") {
        Ok(written) => {
            eprintln!("wrote {} manual pages to {}", written.len(), dir.display());
            Status::Clean
        }
        Err(d) => {
            let sources = koomc::source::SourceMap::new();
            report::problems(sources, vec![*d], &Report::plain(), Purpose::Check);
            Status::Trouble
        }
    }
}

/// One command's manual page: its file name and its roff.
fn page(cmd: &clap::Command) -> (String, Vec<u8>) {
    let man = clap_mangen::Man::new(cmd.clone())
        .manual("koomc manual")
        .source(format!("koomc {}", super::args::VERSION.as_str()));
    let mut roff = Vec::new();
    man.render(&mut roff)
        .expect("writing to memory cannot fail");
    (man.get_filename(), roff)
}
