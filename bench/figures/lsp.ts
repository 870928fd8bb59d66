// Language-server figures, wall time as the editor sees it, over stdio: keystroke to diagnostics for ECS Guard
// (pushed) and for vscode-json-language-server with the ECS schema (pulled with textDocument/diagnostic, as
// VS Code asks it: its push mode waits 500 ms first); the light bulb (code actions) on a 1 MB document and on a 1 MB YAML template; and
// the server's resident memory per byte of text after edits on a 5 MB document.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, Diagnostic, HoverRequest, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { SCHEMA_FILE } from '../ecsSchema/generateSchema';
import { Figure, RunOptions, spreadOf } from '../support/figure';
import { Inputs, REPO_ROOT, togglePrivileged } from '../support/inputs';
import { LspSession, positionAt } from '../support/lspSession';
import { summarise, Summary } from '../support/stats';

const ECS_GUARD_SERVER = path.join(REPO_ROOT, 'dist/server/server.js');
const JSON_SERVER = path.join(REPO_ROOT, 'node_modules/vscode-langservers-extracted/lib/json-language-server/node/jsonServerMain.js');

/** What VS Code announces for what the measurements use. */
const VSCODE_LIKE_CAPABILITIES = {
  textDocument: {
    publishDiagnostics: { versionSupport: true, dataSupport: true, codeDescriptionSupport: true },
    codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
  },
};

function startEcsGuard(): Promise<LspSession> {
  return LspSession.start({ command: [ECS_GUARD_SERVER, '--stdio'], capabilities: VSCODE_LIKE_CAPABILITIES });
}

function startJsonServer(): Promise<LspSession> {
  return LspSession.start({
    command: [JSON_SERVER, '--stdio'],
    capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } },
    initializationOptions: { provideFormatter: false, handledSchemaProtocols: ['file'] },
    settings: { json: { validate: { enable: true }, schemas: [{ fileMatch: ['*.json'], url: pathToFileURL(SCHEMA_FILE).toString() }] } },
  });
}

/** A document open in a server, and the cost of one keystroke in it. */
interface Editor {
  readonly session: LspSession;
  readonly uri: string;
  text: string;
  /** Sends a keystroke and resolves with ms until the diagnostics of the new text. */
  keystroke(): Promise<number>;
}

/** `edits` keystrokes sent at once (a paste, a multi-cursor edit): how many times the server published, and when the last text's diagnostics came. */
async function burst(editor: Editor, edits: number): Promise<{ publishes: number; ms: number }> {
  const before = editor.session.publishCount.get(editor.uri) ?? 0;
  const start = performance.now();
  let version = 0;
  const finalPublished = new Promise<void>((resolve) => {
    const wait = () => void editor.session.nextPublished(editor.uri).then((params) => (params.version === version ? resolve() : wait()));
    wait();
  });
  for (let i = 0; i < edits; i++) {
    const edit = togglePrivileged(editor.text);
    const change = { range: { start: positionAt(editor.text, edit.offset), end: positionAt(editor.text, edit.offset + edit.length) }, text: edit.insert };
    editor.text = applyEdit(editor.text, edit);
    version = await editor.session.change(editor.uri, [change]);
  }
  await finalPublished;
  return { publishes: (editor.session.publishCount.get(editor.uri) ?? 0) - before, ms: performance.now() - start };
}

function applyEdit(text: string, edit: { offset: number; length: number; insert: string }): string {
  return text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset + edit.length);
}

async function openEditor(session: LspSession, name: string, text: string, pushes: boolean, extension = 'json'): Promise<Editor & { lastPublished?: PublishDiagnosticsParams }> {
  const uri = pathToFileURL(path.join('/bench', `${name}.${extension}`)).toString();
  const editor: Editor & { lastPublished?: PublishDiagnosticsParams } = {
    session,
    uri,
    text,
    async keystroke() {
      const edit = togglePrivileged(editor.text);
      const change = { range: { start: positionAt(editor.text, edit.offset), end: positionAt(editor.text, edit.offset + edit.length) }, text: edit.insert };
      editor.text = applyEdit(editor.text, edit);
      const start = performance.now();
      if (pushes) {
        const published = session.nextPublished(uri);
        const version = await session.change(uri, [change]);
        editor.lastPublished = await published;
        if (editor.lastPublished.version !== undefined && editor.lastPublished.version !== version) throw new Error(`diagnostics for version ${editor.lastPublished.version}, expected ${version}`);
      } else {
        await session.change(uri, [change]);
        await session.pull(uri);
      }
      return performance.now() - start;
    },
  };
  if (pushes) {
    const published = session.nextPublished(uri);
    await session.open(uri, text);
    editor.lastPublished = await published;
  } else {
    await session.open(uri, text);
    await session.pull(uri); // loads the schema
  }
  return editor;
}

interface Latencies {
  readonly ours: Summary;
  readonly peer: Summary;
  readonly burst: { publishes: number; ms: number };
}

/** A fast typist's pace (about 120 words a minute): the time between the keystrokes measured. */
const TYPING_INTERVAL_MS = 100;
const typingPause = () => new Promise((resolve) => setTimeout(resolve, TYPING_INTERVAL_MS));

/** Keystroke latencies of both servers on the same text, one keystroke each in turn, at a typing pace. */
async function keystrokeLatencies(text: string, name: string, keystrokes: number): Promise<Latencies> {
  const [ours, peer] = await Promise.all([startEcsGuard(), startJsonServer()]);
  try {
    const oursEditor = await openEditor(ours, name, text, true);
    const peerEditor = await openEditor(peer, name, text, false);
    // Warm-up keystrokes, not counted.
    for (let i = 0; i < 2; i++) {
      await oursEditor.keystroke();
      await peerEditor.keystroke();
    }
    const oursMs: number[] = [];
    const peerMs: number[] = [];
    for (let i = 0; i < keystrokes; i++) {
      await typingPause();
      if (i % 2 === 0) {
        oursMs.push(await oursEditor.keystroke());
        peerMs.push(await peerEditor.keystroke());
      } else {
        peerMs.push(await peerEditor.keystroke());
        oursMs.push(await oursEditor.keystroke());
      }
    }
    await typingPause();
    const oursBurst = await burst(oursEditor, 20);
    return { ours: summarise(oursMs), peer: summarise(peerMs), burst: oursBurst };
  } finally {
    await Promise.all([ours.stop(), peer.stop()]);
  }
}

function latencyFigure(name: string, what: string, target: number, latencies: Latencies): Figure {
  return {
    name,
    what,
    unit: 'ms',
    value: latencies.ours.p95,
    target,
    spread: spreadOf(latencies.ours),
    reference: `JSON server with the ECS schema p95 ${latencies.peer.p95.toFixed(0)} ms (p50 ${latencies.peer.median.toFixed(0)})`,
    notes: `ECS Guard p50 ${latencies.ours.median.toFixed(1)} ms; 20 edits at once: ${latencies.burst.publishes} publishes, the last text's after ${latencies.burst.ms.toFixed(0)} ms`,
  };
}

/** Where the light bulb is asked for, in a document open in the server. */
interface CodeActionTarget {
  readonly name: string;
  readonly what: string;
  readonly target: number | null;
  readonly extension: string;
  /** Makes the document show the finding, if it does not yet (a keystroke). */
  readonly prepare?: (editor: Editor) => Promise<void>;
  /** The finding to ask at, among the published diagnostics. */
  readonly pick: (diagnostics: readonly Diagnostic[]) => Diagnostic | undefined;
}

/** The light bulb at a finding of a large document, against a hover there (both on the cached analysis). */
async function codeActionFigure(text: string, requests: number, at: CodeActionTarget): Promise<Figure> {
  const session = await startEcsGuard();
  try {
    const editor = await openEditor(session, at.name, text, true, at.extension);
    await at.prepare?.(editor);
    const diagnostics = editor.lastPublished!.diagnostics;
    const target = at.pick(diagnostics);
    if (!target) throw new Error(`no finding to ask the light bulb at in ${at.name}`);
    const atLine = diagnostics.filter((diagnostic: Diagnostic) => diagnostic.range.start.line === target.range.start.line);
    const codeAction = () => session.request(CodeActionRequest.type, { textDocument: { uri: editor.uri }, range: target.range, context: { diagnostics: atLine } });
    const hover = () => session.request(HoverRequest.type, { textDocument: { uri: editor.uri }, position: target.range.start });
    const actions = await codeAction();
    if (!actions?.some((action) => 'edit' in action && action.edit)) throw new Error(`no quick fix at the ${String(target.code)} finding in ${at.name}`);
    const actionMs: number[] = [];
    const hoverMs: number[] = [];
    for (let i = 0; i < requests; i++) {
      let start = performance.now();
      await codeAction();
      actionMs.push(performance.now() - start);
      start = performance.now();
      await hover();
      hoverMs.push(performance.now() - start);
    }
    const ours = summarise(actionMs);
    const reference = summarise(hoverMs);
    return {
      name: at.name,
      what: `${at.what} (${actions.length} actions)`,
      unit: 'ms',
      value: ours.p95,
      target: at.target,
      spread: spreadOf(ours),
      reference: `hover at the same place p95 ${reference.p95.toFixed(1)} ms`,
      notes: `p50 ${ours.median.toFixed(1)} ms`,
    };
  } finally {
    await session.stop();
  }
}

/** The first container's `privileged` finding of the 1 MB task definition (made privileged by a keystroke if need be). */
const JSON_CODE_ACTION: CodeActionTarget = {
  name: 'code_action_p95_ms_1mb',
  what: 'code actions at a finding of a 1 MB document',
  target: 30,
  extension: 'json',
  prepare: async (editor) => {
    if (/"privileged": (true|false)/.exec(editor.text)?.[1] === 'false') await editor.keystroke();
  },
  pick: (diagnostics) => diagnostics.find((diagnostic) => diagnostic.code === 'privileged-container'),
};

/** The fixable finding in the middle of the 1 MB template: its fixes are checked on the edited block of YAML. */
const YAML_CODE_ACTION: CodeActionTarget = {
  name: 'code_action_p95_ms_1mb_yaml',
  what: 'code actions at a fixable finding in the middle of a 1 MB CloudFormation YAML template',
  target: null,
  extension: 'yaml',
  pick: (diagnostics) => {
    const fixable = diagnostics.filter((diagnostic) => (diagnostic.data as { fix?: unknown } | undefined)?.fix !== undefined);
    return fixable[Math.floor(fixable.length / 2)];
  },
};

/** Peak resident memory growth of a server over its idle size, per byte of a 5 MB text, after `edits` keystrokes. */
async function memoryPerTextByte(start: () => Promise<LspSession>, pushes: boolean, text: string, edits: number): Promise<number> {
  const session = await start();
  try {
    const idle = session.memory();
    if (!idle) throw new Error('cannot read the server process memory (/proc/<pid>/status)');
    const editor = await openEditor(session, 'memory-5mb', text, pushes);
    for (let i = 0; i < edits; i++) await editor.keystroke();
    return (session.memory()!.peakRssBytes - idle.rssBytes) / text.length;
  } finally {
    await session.stop();
  }
}

export async function lspFigures(inputs: Inputs, options: RunOptions): Promise<Figure[]> {
  const quick = options.quick;
  options.log('  keystrokes, typical file');
  const typical = await keystrokeLatencies(inputs.typical, 'typical', quick ? 15 : 40);
  options.log('  keystrokes, 64 KiB file');
  const max64k = await keystrokeLatencies(inputs.max64k, 'max64k', quick ? 10 : 30);
  options.log('  keystrokes, 1 MB file');
  const oneMb = await keystrokeLatencies(inputs.oneMb, 'one-mb', quick ? 6 : 20);
  options.log('  code actions, 1 MB file');
  const codeAction = await codeActionFigure(inputs.oneMb, quick ? 10 : 30, JSON_CODE_ACTION);
  options.log('  code actions, 1 MB YAML template');
  const yamlCodeAction = await codeActionFigure(inputs.oneMbTemplate, quick ? 10 : 30, YAML_CODE_ACTION);
  options.log('  memory, 5 MB file');
  const ourEdits = quick ? 10 : 50;
  const peerEdits = quick ? 3 : 10;
  const oursPerByte = await memoryPerTextByte(startEcsGuard, true, inputs.fiveMb, ourEdits);
  const peerPerByte = await memoryPerTextByte(startJsonServer, false, inputs.fiveMb, peerEdits);
  return [
    latencyFigure('lsp_p95_ms_typical', `keystroke to diagnostics, ${(inputs.typical.length / 1024).toFixed(1)} KB file, p95`, 20, typical),
    latencyFigure('lsp_p95_ms_64kib', 'keystroke to diagnostics, 64 KiB file (the ECS limit), p95', 20, max64k),
    latencyFigure('lsp_p95_ms_1mb', 'keystroke to diagnostics, 1 MB file, p95', 250, oneMb),
    codeAction,
    yamlCodeAction,
    {
      name: 'server_bytes_per_text_byte',
      what: `server peak RSS over its idle RSS per byte of text, 5 MB file after ${ourEdits} edits`,
      unit: 'B/B',
      value: oursPerByte,
      target: 40,
      reference: `JSON server ${peerPerByte.toFixed(0)} B/B after ${peerEdits} edits`,
    },
  ];
}
