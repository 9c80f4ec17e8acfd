//! `koomc lsp`: the language server, over standard input and output.
//!
//! The server is [`Session`]: bytes in, bytes out, no threads, so that the
//! tests and the fuzz targets drive the same code as an editor. [`run`]
//! reads standard input on a thread of its own, hands what arrives to the
//! session, and writes its answers; messages that arrive together are
//! answered in order and the documents they changed are checked once, when
//! nothing more is waiting. Positions are UTF-16, as the protocol says.
//!
//! | concern | module |
//! | --- | --- |
//! | framing (`Content-Length`, bounded bodies, resynchronising) | `framing` |
//! | JSON-RPC messages and errors | `jsonrpc` |
//! | the protocol's life (`initialize`, `shutdown`, `exit`) | `session` |
//! | the methods and their parameters | `server`, `capabilities` |
//! | open documents, checks against them, published diagnostics | `documents`, `workspace`, `diagnostics` |
//! | declared names | `names` |
//! | positions and text | `text`, `uri` |
//! | hover, definition and references, rename | `hover`, `navigation`, `rename` |
//! | completion | `completion`, `context`, `keywords` |
//! | code actions, formatting | `actions`, `formatting` |
//! | symbols, folding, semantic tokens, inlay hints | `symbols`, `folding`, `semantic`, `inlay` |

mod actions;
mod capabilities;
mod completion;
mod context;
mod diagnostics;
mod documents;
mod folding;
mod formatting;
pub mod framing;
mod hover;
mod inlay;
pub mod jsonrpc;
mod keywords;
mod names;
mod navigation;
mod rename;
mod semantic;
mod server;
mod session;
mod symbols;
pub mod text;
pub mod uri;
mod workspace;

use std::io::{Read, Write};
use std::sync::mpsc;

pub use completion::AI_USES;
pub use session::Session;
pub use uri::{path_to_uri, uri_to_path};

/// Run the server until the client says `exit` or closes standard input.
/// The process ends with status 1 when it was not asked to `shutdown` first
/// (the protocol says so); otherwise this returns.
pub fn run() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (send, receive) = mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || read_stdin(send));
    let mut session = Session::new();
    let mut stdout = std::io::stdout().lock();
    let mut waiting: Option<Vec<u8>> = None;
    loop {
        let chunk = match waiting.take() {
            Some(chunk) => chunk,
            None => match receive.recv() {
                Ok(chunk) => chunk,
                Err(_) => break, // standard input closed
            },
        };
        session.receive(&chunk);
        while let Ok(more) = receive.try_recv() {
            session.receive(&more);
        }
        stdout.write_all(&session.answer())?;
        stdout.flush()?;
        if session.exit_code().is_some() {
            break;
        }
        // Check what changed only when nothing more is waiting.
        if let Ok(more) = receive.try_recv() {
            waiting = Some(more);
            continue;
        }
        stdout.write_all(&session.idle())?;
        stdout.flush()?;
    }
    match session.exit_code() {
        Some(0) => Ok(()),
        Some(code) => std::process::exit(code),
        None if session.is_shut_down() => Ok(()),
        None => std::process::exit(1),
    }
}

fn read_stdin(send: mpsc::Sender<Vec<u8>>) {
    let mut stdin = std::io::stdin().lock();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match stdin.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => {
                if send.send(buf[..n].to_vec()).is_err() {
                    return;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return,
        }
    }
}
