//! `koomc graph` and `koomc brief`: pictures and briefings for people.

use std::path::{Path, PathBuf};

use super::args::{BriefFormat, GraphFormat, GraphLayout, MessageFormat, Report};
use super::report::{self, Purpose, Status};

/// `koomc graph`: the picture on standard output. With errors in the plan
/// nothing is written (exit 1) unless `--with-errors` asks for it.
pub fn graph(
    files: &[PathBuf],
    cycle: Option<&str>,
    (format, layout): (GraphFormat, GraphLayout),
    with_errors: bool,
    report: &Report,
) -> Status {
    let mut compilation = koomc::compile(&koomc::inputs(files));
    let status = report::diagnostics(&mut compilation, report, Purpose::Picture);
    let drawable = status == Status::Clean || (status == Status::Failed && with_errors);
    let Some(model) = compilation.model.as_ref().filter(|_| drawable) else {
        return status;
    };
    let chosen = match koomc::graph::pick_cycle(model, cycle) {
        Ok(c) => c,
        Err(message) => {
            eprintln!("error: {message}");
            return Status::Trouble;
        }
    };
    let picture = koomc::graph::graph(model, chosen);
    let text = match (format, layout) {
        (GraphFormat::Dot, _) => koomc::graph::dot(&picture),
        (GraphFormat::Svg, GraphLayout::Builtin) => koomc::graph::svg(&picture),
        (GraphFormat::Svg, GraphLayout::Dot) => match koomc::graph::graphviz_svg(&picture) {
            Ok(svg) => svg,
            Err(message) => {
                eprintln!("error: {message}");
                return Status::Trouble;
            }
        },
    };
    status.max(super::print(&text))
}

/// `koomc brief`: every page written atomically, or nothing when the plan
/// (with change control against `--baseline`) has errors.
pub fn brief(
    files: &[PathBuf],
    out_dir: &Path,
    format: BriefFormat,
    baseline: Option<&Path>,
    report: &Report,
) -> Status {
    let mut compilation = koomc::compile(&koomc::inputs(files));
    let mut old = None;
    if let Some(path) = baseline {
        let Some(before) = super::revision(path) else {
            return Status::Trouble;
        };
        let stability = koomc::compare_with(&mut compilation, &before).unwrap_or_default();
        old = Some((before, stability));
    }
    let status = report::diagnostics(&mut compilation, report, Purpose::Check);
    if status != Status::Clean {
        return status;
    }
    let options = koomc::brief::Options {
        format: match format {
            BriefFormat::Html => koomc::brief::Format::Html,
            BriefFormat::Md => koomc::brief::Format::Markdown,
        },
        baseline: old.as_ref().map(|(c, s)| (c, *s)),
    };
    let Some(pages) = koomc::brief::brief(&compilation, options) else {
        return Status::Failed;
    };
    let files: Vec<(String, Vec<u8>)> = pages.into_iter().map(|p| (p.path, p.bytes)).collect();
    match koomc::output::write_files(out_dir, &files, "briefings") {
        Ok(written) => {
            if report.message_format == MessageFormat::Human {
                eprintln!("wrote {} files to {}", written.len(), out_dir.display());
            }
            Status::Clean
        }
        Err(d) => {
            report::problems(compilation.sources, vec![*d], report, Purpose::Check);
            Status::Trouble
        }
    }
}
