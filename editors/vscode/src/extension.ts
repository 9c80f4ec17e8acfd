// The KOOM extension's client: starts `koomc lsp` over standard input and
// output and hands it every `koom` document. The highlighting, comment
// toggling, brackets and indentation come from the grammar and the language
// configuration and work without the server.

import * as childProcess from 'child_process';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  Executable,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

/** The `koomc` executable from the `koom.serverPath` setting. */
function serverCommand(): string {
  const configured = vscode.workspace
    .getConfiguration('koom')
    .get<string>('serverPath', 'koomc')
    .trim();
  let command = configured === '' ? 'koomc' : configured;
  if (command === '~' || command.startsWith('~/')) {
    command = path.join(os.homedir(), command.slice(1));
  }
  // A bare name is looked up on PATH; a relative path is taken from the
  // first workspace folder.
  const hasSeparator = command.includes('/') || command.includes('\\');
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (hasSeparator && !path.isAbsolute(command) && folder !== undefined) {
    command = path.join(folder.uri.fsPath, command);
  }
  return command;
}

function createClient(): LanguageClient {
  // No `transport`: with TransportKind.stdio the client would append
  // `--stdio` to the arguments, and the server is started as `koomc lsp`.
  const run: Executable = { command: serverCommand(), args: ['lsp'] };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'koom' },
      { scheme: 'untitled', language: 'koom' },
    ],
    synchronize: {
      // `use` reads other .koom files, and koom.toml sets lint levels.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.koom,koom.toml}'),
    },
    outputChannel: output,
  };
  return new LanguageClient('koom', 'KOOM (koomc lsp)', serverOptions, clientOptions);
}

async function startClient(): Promise<void> {
  const next = createClient();
  client = next;
  try {
    await next.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const choice = await vscode.window.showErrorMessage(
      `KOOM: could not start \`${serverCommand()} lsp\` (${message}). ` +
        'Highlighting still works; diagnostics need koomc. Set `koom.serverPath` to the koomc executable.',
      'Open Settings',
    );
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'koom.serverPath');
    }
  }
}

async function stopClient(): Promise<void> {
  const current = client;
  client = undefined;
  if (current !== undefined && current.isRunning()) {
    await current.stop();
  }
}

async function restartClient(): Promise<void> {
  await stopClient();
  await startClient();
}

/**
 * Each diagnostic's code links to `koomc-explain:E0101`; this provider opens
 * that link as a read-only document holding `koomc explain E0101`.
 */
const explanations: vscode.TextDocumentContentProvider = {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const code = uri.path.replace(/[^A-Za-z0-9]/g, '');
    try {
      return childProcess.execFileSync(serverCommand(), ['explain', code], { encoding: 'utf8' });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return `koomc explain ${code} failed: ${message}`;
    }
  },
};

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('KOOM', { log: true });
  context.subscriptions.push(
    output,
    vscode.workspace.registerTextDocumentContentProvider('koomc-explain', explanations),
    vscode.commands.registerCommand('koom.restartServer', restartClient),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('koom.serverPath')) {
        await restartClient();
      }
    }),
  );
  await startClient();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
