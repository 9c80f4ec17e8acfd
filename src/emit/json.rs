//! Work orders as JSON: one file per work order (`--out-dir`) or one bundle
//! of all (`--stdout`), streamed.
//!
//! Work orders are built and serialized on rayon's threads a batch at a
//! time ([`super::each`]) and written in order, so the output is the same
//! bytes as a sequential run, and neither the orders nor their text are ever
//! all in memory at once. A bundle is written as serde_json's pretty printer
//! writes [`Bundle`] (a test holds the two to the same bytes): each order is
//! serialized on its own, with every line indented to its place in the
//! bundle.

use std::io::{self, Write};

use super::{WorkOrder, BUNDLE_SCHEMA};
use crate::model::Model;
use crate::source::SourceMap;

/// Write one work order: pretty JSON, two-space indent, final newline.
pub fn write_json(order: &WorkOrder, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, order).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

/// Serialize one work order: pretty JSON, two-space indent, final newline.
pub fn to_json(order: &WorkOrder) -> String {
    let mut s = serde_json::to_string_pretty(order).expect("work orders serialize");
    s.push('\n');
    s
}

/// One order's text as an element of the bundle's `work_orders` (two levels in).
fn element(order: &WorkOrder) -> Vec<u8> {
    let mut out = Indented {
        out: Vec::with_capacity(4096),
    };
    serde_json::to_writer_pretty(&mut out, order).expect("writing to memory cannot fail");
    out.out
}

/// Indents every line after the first by two levels: an order serialized on
/// its own, as it stands inside the bundle. JSON strings hold no raw line
/// break, so every `\n` is a line of the layout.
struct Indented {
    out: Vec<u8>,
}

impl Write for Indented {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let mut rest = bytes;
        while let Some(n) = rest.iter().position(|&b| b == b'\n') {
            self.out.extend_from_slice(&rest[..=n]);
            self.out.extend_from_slice(b"    ");
            rest = &rest[n + 1..];
        }
        self.out.extend_from_slice(rest);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Writes the bundle around its elements, handed in order.
struct BundleWriter<'w> {
    out: &'w mut dyn Write,
    elements: usize,
}

impl<'w> BundleWriter<'w> {
    fn begin(out: &'w mut dyn Write) -> io::Result<Self> {
        let schema = serde_json::to_string(BUNDLE_SCHEMA).map_err(io::Error::other)?;
        write!(out, "{{\n  \"schema\": {schema},\n  \"work_orders\": [")?;
        Ok(BundleWriter { out, elements: 0 })
    }

    fn element(&mut self, text: &[u8]) -> io::Result<()> {
        let before: &[u8] = if self.elements == 0 {
            b"\n    "
        } else {
            b",\n    "
        };
        self.elements += 1;
        self.out.write_all(before)?;
        self.out.write_all(text)
    }

    fn end(self) -> io::Result<()> {
        let close: &[u8] = if self.elements == 0 { b"]" } else { b"\n  ]" };
        self.out.write_all(close)?;
        self.out.write_all(b"\n}\n")
    }
}

/// Write the `--stdout` bundle of orders already built, serialized a batch
/// at a time on rayon's threads.
pub fn write_bundle(orders: &[WorkOrder], out: &mut dyn Write) -> io::Result<()> {
    use rayon::prelude::*;
    let mut bundle = BundleWriter::begin(out)?;
    for batch in orders.chunks(super::BATCH) {
        let texts: Vec<Vec<u8>> = batch.par_iter().map(element).collect();
        for text in texts {
            bundle.element(&text)?;
        }
    }
    bundle.end()
}

/// Build and write the `--stdout` bundle of a checked model, streamed: one
/// batch of orders at a time.
pub fn stream_bundle(model: &Model, sources: &SourceMap, out: &mut dyn Write) -> io::Result<()> {
    let mut bundle = BundleWriter::begin(out)?;
    super::each(
        model,
        sources,
        |order| element(&order),
        |text| bundle.element(&text),
    )?;
    bundle.end()
}

/// Serialize the `--stdout` bundle.
pub fn bundle_json(orders: Vec<WorkOrder>) -> String {
    let mut out = Vec::new();
    write_bundle(&orders, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("JSON is UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::Bundle;

    /// What serde_json writes for [`Bundle`]: what the streamed bundle must equal.
    fn whole(orders: &[WorkOrder]) -> String {
        let bundle = Bundle {
            schema: BUNDLE_SCHEMA,
            work_orders: orders,
        };
        let mut s = serde_json::to_string_pretty(&bundle).expect("work orders serialize");
        s.push('\n');
        s
    }

    #[test]
    fn the_streamed_bundle_is_serde_jsons_bundle() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/logistics");
        let c = crate::compile(&crate::inputs(&[dir.into()]));
        let orders = c.work_orders().expect("a clean example");
        assert!(orders.len() > 1, "the example has several work orders");
        let expected = whole(&orders);
        for n in [0, 1, orders.len()] {
            let some = &orders[..n];
            let mut written = Vec::new();
            write_bundle(some, &mut written).expect("memory");
            assert_eq!(String::from_utf8(written).expect("UTF-8"), whole(some));
        }
        let mut streamed = Vec::new();
        let model = c.model.as_ref().expect("a model");
        stream_bundle(model, &c.sources, &mut streamed).expect("memory");
        assert_eq!(String::from_utf8(streamed).expect("UTF-8"), expected);
    }
}
