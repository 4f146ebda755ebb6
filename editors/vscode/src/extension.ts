// The factline extension: starts `factline lsp` and wires its settings and commands into VS Code.
//
// The server does the work (diagnostics, hover, quick fixes). This file finds the binary,
// hands the settings over in the shape the server reads (`{"factline": {corpus, severity,
// ignoreNames}}`), and adds three commands: reload corpus, show corpus report, restart server.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import type { Readable } from 'node:stream';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';

const REPORT_SCHEME = 'factline-report';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let traceOutput: vscode.LogOutputChannel;
const reports = new Map<string, string>();
const reportChanged = new vscode.EventEmitter<vscode.Uri>();

/** Where the server binary was found, and how. */
interface ServerBinary {
  path: string;
  from: 'setting' | 'bundled' | 'PATH';
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('factline', { log: true });
  traceOutput = vscode.window.createOutputChannel('factline trace', { log: true });
  context.subscriptions.push(output, traceOutput, reportChanged);

  // The corpus report is a read-only virtual document of our own scheme, shown as a Markdown preview.
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, {
      onDidChange: reportChanged.event,
      provideTextDocumentContent: (uri) => reports.get(uri.toString()) ?? '',
    }),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand('factline.reload', reloadCorpus),
    vscode.commands.registerCommand('factline.showCorpusReport', showCorpusReport),
    vscode.commands.registerCommand('factline.restartServer', () => restart(context)),
    vscode.workspace.onDidChangeConfiguration((event) => onConfigurationChanged(context, event)),
  );

  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}

// ---------------------------------------------------------------------------------------------
// Finding the server

/** Expands `~` and `${workspaceFolder}`, and anchors relative paths at the first workspace folder. */
function resolvePath(value: string): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  let result = value.trim();
  if (result === '~' || result.startsWith('~/')) {
    result = path.join(os.homedir(), result.slice(1));
  }
  if (folder) {
    result = result.replace(/\$\{workspaceFolder\}/g, folder);
  }
  if (!path.isAbsolute(result) && folder) {
    result = path.join(folder, result);
  }
  return result;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    if (process.platform !== 'win32') {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

/** The `factline.server.path` setting, else the bundled binary, else `factline` on PATH. */
export function findServer(extensionPath: string): ServerBinary | { error: string } {
  const exe = process.platform === 'win32' ? 'factline.exe' : 'factline';
  const configured = vscode.workspace.getConfiguration('factline').get<string>('server.path', '').trim();
  if (configured !== '') {
    const resolved = resolvePath(configured);
    if (isExecutableFile(resolved)) {
      return { path: resolved, from: 'setting' };
    }
    return {
      error:
        `factline: the setting "factline.server.path" points at ${resolved}, which is not an executable file. ` +
        'Fix the path, or clear the setting to use the bundled server or "factline" on PATH.',
    };
  }
  const bundled = path.join(extensionPath, 'server', exe);
  if (process.platform !== 'win32' && fs.existsSync(bundled) && !isExecutableFile(bundled)) {
    // An unzip that dropped the mode bits: the bundled binary is ours to fix.
    try {
      fs.chmodSync(bundled, 0o755);
    } catch {
      // Fall through to PATH.
    }
  }
  if (isExecutableFile(bundled)) {
    return { path: bundled, from: 'bundled' };
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') {
      continue;
    }
    const candidate = path.join(dir, exe);
    if (isExecutableFile(candidate)) {
      return { path: candidate, from: 'PATH' };
    }
  }
  return {
    error:
      'factline: no server binary found. This extension has none bundled for this platform and "factline" is not on PATH. ' +
      'Install it (in a factline checkout: "cargo install --path .") or set "factline.server.path" to the binary.',
  };
}

// ---------------------------------------------------------------------------------------------
// Settings, in the shape the server reads

/** Whether the user set a value anywhere (so unset values leave `factline.toml` in charge). */
function isSet(config: vscode.WorkspaceConfiguration, key: string): boolean {
  const inspected = config.inspect(key);
  return (
    inspected !== undefined &&
    (inspected.globalValue !== undefined ||
      inspected.workspaceValue !== undefined ||
      inspected.workspaceFolderValue !== undefined)
  );
}

/** `{corpus, severity, ignoreNames}` with only the keys the user set; corpus paths made absolute. */
export function serverSettings(scope?: vscode.Uri): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('factline', scope);
  const settings: Record<string, unknown> = {};
  if (isSet(config, 'corpus')) {
    settings.corpus = (config.get<string[]>('corpus') ?? []).map(resolvePath);
  }
  if (isSet(config, 'severity')) {
    settings.severity = config.get<Record<string, string>>('severity') ?? {};
  }
  if (isSet(config, 'ignoreNames')) {
    settings.ignoreNames = config.get<string[]>('ignoreNames') ?? [];
  }
  return settings;
}

async function onConfigurationChanged(
  context: vscode.ExtensionContext,
  event: vscode.ConfigurationChangeEvent,
): Promise<void> {
  if (event.affectsConfiguration('factline.server.path')) {
    await restart(context);
    return;
  }
  if (
    client?.state === State.Running &&
    (event.affectsConfiguration('factline.corpus') ||
      event.affectsConfiguration('factline.severity') ||
      event.affectsConfiguration('factline.ignoreNames'))
  ) {
    await client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { factline: serverSettings() },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Client lifecycle

async function start(context: vscode.ExtensionContext): Promise<void> {
  const found = findServer(context.extensionPath);
  if ('error' in found) {
    output.appendLine(found.error);
    const choice = await vscode.window.showErrorMessage(found.error, 'Open Settings');
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'factline.server.path');
    }
    return;
  }
  output.appendLine(`Starting ${found.path} lsp (found via ${found.from}).`);

  const serverOptions: ServerOptions = {
    run: { command: found.path, args: ['lsp'] },
    debug: { command: found.path, args: ['lsp', '--log-level', 'debug'] },
  };
  const selector = ['markdown', 'plaintext'].flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    initializationOptions: { factline: serverSettings() },
    outputChannel: output,
    traceOutputChannel: traceOutput,
    // stdout is the protocol; stderr carries the server's tracing lines. Log each at its own
    // level (the client's default logs all of stderr as errors).
    stdioOptions: {
      stdout: (input, channel) => forwardLines(input, (line) => channel.info(line)),
      stderr: (input, channel) => forwardLines(input, (line) => logServerLine(channel, line)),
    },
    middleware: {
      // On a finding, VS Code's hover already shows the diagnostic: its message and, as
      // related information, every source with its outlet, date and quote. The server's
      // hover would say it all again below (and push the quotes into a scroll box): it is
      // asked only where no factline diagnostic is.
      provideHover: async (document, position, token, next) => {
        const onFinding = vscode.languages
          .getDiagnostics(document.uri)
          .some((diagnostic) => diagnostic.source === 'factline' && diagnostic.range.contains(position));
        return onFinding ? undefined : next(document, position, token);
      },
      workspace: {
        // Answer the server's pull for "factline" with the same shape as the push.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) {
            return answers;
          }
          return params.items.map((item, index) => {
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            if (item.section === 'factline') {
              return serverSettings(scope);
            }
            if (item.section === undefined || item.section === '') {
              return { factline: serverSettings(scope) };
            }
            return answers[index];
          });
        },
      },
    },
  };

  // The id "factline" makes the client read "factline.trace.server" by itself.
  client = new LanguageClient('factline', 'factline', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    const message = `factline: the server (${found.path}) failed to start: ${errorText(error)}`;
    output.appendLine(message);
    void vscode.window.showErrorMessage(message, 'Show Output').then((choice) => {
      if (choice) {
        output.show();
      }
    });
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.stop();
    } catch (error) {
      output.appendLine(`Stopping the server: ${errorText(error)}`);
    }
    await running.dispose();
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  output.appendLine('Restarting the server.');
  await stop();
  await start(context);
}

function forwardLines(input: Readable, sink: (line: string) => void): void {
  readline.createInterface({ input, crlfDelay: Infinity, terminal: false }).on('line', sink);
}

/** "2026-11-22T17:50:51.559940Z  INFO factline::server: starting" at INFO, without the stamp. */
export function logServerLine(channel: vscode.LogOutputChannel, line: string): void {
  const text = line.replace(/\x1b\[[0-9;]*m/g, '');
  const match = /^\S+Z\s+(ERROR|WARN|INFO|DEBUG|TRACE)\s+(.*)$/.exec(text);
  if (!match) {
    channel.info(text);
    return;
  }
  const [, level, rest] = match;
  switch (level) {
    case 'ERROR':
      channel.error(rest);
      break;
    case 'WARN':
      channel.warn(rest);
      break;
    case 'INFO':
      channel.info(rest);
      break;
    case 'DEBUG':
      channel.debug(rest);
      break;
    default:
      channel.trace(rest);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------
// Commands

async function executeServerCommand(command: string): Promise<unknown> {
  if (!client || client.state !== State.Running) {
    throw new Error('the factline server is not running (see the "factline" output channel)');
  }
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [] });
}

async function reloadCorpus(): Promise<void> {
  try {
    const result = (await executeServerCommand('factline.reloadCorpus')) as
      | { articles?: number; problems?: number }
      | null;
    const articles = typeof result?.articles === 'number' ? ` ${result.articles} articles` : '';
    const problems = result?.problems ? `, ${result.problems} problems (see the corpus report)` : '';
    void vscode.window.showInformationMessage(`factline: corpus reloaded:${articles}${problems}.`);
  } catch (error) {
    void vscode.window.showErrorMessage(`factline: reload failed: ${errorText(error)}`);
  }
}

/** The report as Markdown text, whatever reasonable shape the server sends it in. */
function reportText(result: unknown): string {
  if (typeof result === 'string') {
    return result;
  }
  if (result && typeof result === 'object') {
    const record = result as Record<string, unknown>;
    for (const key of ['markdown', 'value', 'report']) {
      if (typeof record[key] === 'string') {
        return record[key] as string;
      }
    }
  }
  return '```json\n' + JSON.stringify(result, null, 2) + '\n```\n';
}

async function showCorpusReport(): Promise<void> {
  let result: unknown;
  try {
    result = await executeServerCommand('factline.corpusReport');
  } catch (error) {
    void vscode.window.showErrorMessage(`factline: corpus report failed: ${errorText(error)}`);
    return;
  }
  const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: '/factline corpus report.md' });
  reports.set(uri.toString(), reportText(result));
  reportChanged.fire(uri);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  // Rendered, as a reader wants it (headings, lists, bold names), by VS Code's own Markdown
  // preview; the raw text only when that preview is not there (the Markdown extension disabled).
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch (error) {
    output.warn(`markdown preview unavailable (${errorText(error)}); showing the report as text`);
    await vscode.window.showTextDocument(document, { preview: false });
  }
}
