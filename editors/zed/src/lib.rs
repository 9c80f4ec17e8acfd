//! The KOOM extension for Zed: starts the language server `koomc lsp`.
//!
//! The binary is the `lsp.koomc.binary.path` of Zed's settings if set, else
//! `koomc` found on the worktree's PATH. Arguments default to `lsp`
//! (`lsp.koomc.binary.arguments` replaces them).

use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result};

struct KoomExtension;

impl zed::Extension for KoomExtension {
    fn new() -> Self {
        KoomExtension
    }

    fn language_server_command(
        &mut self,
        language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree(language_server_id.as_ref(), worktree)
            .ok()
            .and_then(|settings| settings.binary);
        let command = binary
            .as_ref()
            .and_then(|b| b.path.clone())
            .or_else(|| worktree.which("koomc"))
            .ok_or_else(|| {
                "koomc is not on PATH: install it, or set lsp.koomc.binary.path in Zed's settings"
                    .to_string()
            })?;
        let args = binary
            .and_then(|b| b.arguments)
            .unwrap_or_else(|| vec!["lsp".to_string()]);
        Ok(zed::Command {
            command,
            args,
            env: worktree.shell_env(),
        })
    }
}

zed::register_extension!(KoomExtension);
