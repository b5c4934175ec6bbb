// Editor support for experiment cells: diagnostics from the validator as you type
// (including the checks across cells), completion and hover from the key table.

import * as vscode from 'vscode';
import { checkNotebook } from '../core/cell/checkNotebook';
import { cursorPath } from '../core/cell/cursorPath';
import { keyDocAt, keyTablesAt, VALUE_DOCS, type KeyDoc, type ValueKind } from '../core/cell/keys';
import type { Problem } from '../core/experiment/experiment';
import { LANGUAGE_ID, NOTEBOOK_TYPE } from './ids';
import { readLimits } from './settings';

export function registerLanguage(context: vscode.ExtensionContext): void {
  const diagnostics = vscode.languages.createDiagnosticCollection(LANGUAGE_ID);
  const pending = new Map<string, NodeJS.Timeout>();
  // The sources and limits each notebook was last checked with. Most notebook changes are
  // outputs and execution states (several per cell during Run All), which cannot change a
  // problem; checking every cell again for each would hold the editor's thread for nothing.
  const checked = new Map<string, string>();
  const validate = (notebook: vscode.NotebookDocument) => {
    const key = notebook.uri.toString();
    clearTimeout(pending.get(key));
    pending.set(key, setTimeout(() => {
      pending.delete(key);
      const cells = experimentCells(notebook);
      const limits = readLimits();
      const inputs = [JSON.stringify(limits), ...cells.map((c) => `${c.index}\u0000${c.document.getText()}`)].join('\u0000');
      if (checked.get(key) === inputs) return;
      checked.set(key, inputs);
      publish(diagnostics, cells, limits);
    }, 200));
  };
  const notebookOf = (doc: vscode.TextDocument) =>
    vscode.workspace.notebookDocuments.find((nb) => nb.notebookType === NOTEBOOK_TYPE && nb.getCells().some((c) => c.document === doc));

  context.subscriptions.push(
    diagnostics,
    vscode.workspace.onDidOpenNotebookDocument((nb) => nb.notebookType === NOTEBOOK_TYPE && validate(nb)),
    vscode.workspace.onDidChangeNotebookDocument((e) => e.notebook.notebookType === NOTEBOOK_TYPE && validate(e.notebook)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.languageId !== LANGUAGE_ID) return;
      const nb = notebookOf(e.document);
      if (nb) validate(nb);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('regnb.limits')) return;
      for (const nb of vscode.workspace.notebookDocuments) if (nb.notebookType === NOTEBOOK_TYPE) validate(nb);
    }),
    vscode.workspace.onDidCloseNotebookDocument((nb) => {
      for (const cell of nb.getCells()) diagnostics.delete(cell.document.uri);
      checked.delete(nb.uri.toString());
    }),
    vscode.languages.registerCompletionItemProvider({ language: LANGUAGE_ID }, { provideCompletionItems: complete }, ':', ' ', '-'),
    vscode.languages.registerHoverProvider({ language: LANGUAGE_ID }, { provideHover: hover }),
  );
  for (const nb of vscode.workspace.notebookDocuments) if (nb.notebookType === NOTEBOOK_TYPE) validate(nb);
}

function experimentCells(notebook: vscode.NotebookDocument): vscode.NotebookCell[] {
  return notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === LANGUAGE_ID);
}

function publish(diagnostics: vscode.DiagnosticCollection, cells: vscode.NotebookCell[], limits: ReturnType<typeof readLimits>): void {
  const checked = checkNotebook(cells.map((c) => ({ source: c.document.getText(), index: c.index })), { limits });
  cells.forEach((cell, k) => diagnostics.set(cell.document.uri, checked.cells[k].problems.map(toDiagnostic)));
}

function toDiagnostic(p: Problem): vscode.Diagnostic {
  const range = new vscode.Range(p.line - 1, p.column - 1, p.endLine - 1, Math.max(p.endColumn - 1, p.column));
  const d = new vscode.Diagnostic(range, p.message, p.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error);
  d.source = 'regnb';
  return d;
}

function markdownOf(name: string, doc: KeyDoc): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${name}**: \`${doc.type}\`${doc.required ? ' (required)' : ''}\n\n${doc.description}`);
  if (doc.default !== undefined) md.appendMarkdown(`\n\nDefault: \`${doc.default}\``);
  if (doc.appliesTo?.length) md.appendMarkdown(`\n\nApplies to: ${doc.appliesTo.map((a) => `\`${a}\``).join(', ')}`);
  if (doc.values) {
    md.appendMarkdown('\n\n');
    for (const [value, text] of Object.entries(VALUE_DOCS[doc.values] as Record<string, string>)) md.appendMarkdown(`- \`${value}\`: ${text}\n`);
  }
  return md;
}

function complete(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
  const where = cursorPath(document.getText(), position.line, position.character);
  const range = new vscode.Range(position.translate(0, -where.prefix.length), position);
  if (where.inValue && where.key) {
    const doc = keyDocAt([...where.parent, where.key]);
    const values: [string, string][] = doc?.values
      ? Object.entries(VALUE_DOCS[doc.values as ValueKind] as Record<string, string>)
      : doc?.type.includes('penalty') || where.key === 'regularize'
        ? [['none', 'No penalty']]
        : doc?.type.startsWith('boolean')
          ? [['true', ''], ['false', '']]
          : [];
    return values.map(([value, text]) => {
      const item = new vscode.CompletionItem(value, vscode.CompletionItemKind.EnumMember);
      item.documentation = new vscode.MarkdownString(text);
      item.range = range;
      return item;
    });
  }
  const existing = new Set(siblingKeys(document, position.line));
  const items: vscode.CompletionItem[] = [];
  for (const table of keyTablesAt(where.parent)) {
    for (const [name, doc] of Object.entries(table)) {
      if (existing.has(name)) continue;
      const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Property);
      item.detail = doc.type;
      item.documentation = markdownOf(name, doc);
      item.insertText = doc.type === 'map' || doc.type.startsWith('list') ? `${name}:\n  ` : `${name}: `;
      item.range = range;
      items.push(item);
    }
  }
  return items;
}

/** Keys already written at the same indentation around the line (not offered twice). */
function siblingKeys(document: vscode.TextDocument, line: number): string[] {
  const indent = /^\s*(-\s+)?/.exec(document.lineAt(line).text)![0].length;
  const keys: string[] = [];
  for (let i = 0; i < document.lineCount; i++) {
    if (i === line) continue;
    const m = /^(\s*(?:-\s+)?)([A-Za-z_][\w.-]*)\s*:/.exec(document.lineAt(i).text);
    if (m && m[1].length === indent) keys.push(m[2]);
  }
  return keys;
}

function hover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
  const range = document.getWordRangeAtPosition(position, /[A-Za-z_][\w.-]*/);
  if (!range) return undefined;
  const word = document.getText(range);
  const lineText = document.lineAt(position.line).text;
  const isKey = new RegExp(`^\\s*(-\\s+)?${word.replace(/[.-]/g, '\\$&')}\\s*:`).test(lineText) && lineText.indexOf(word) === range.start.character;
  const where = cursorPath(document.getText(), position.line, range.start.character);
  if (isKey) {
    const doc = keyDocAt([...where.parent, word]);
    return doc ? new vscode.Hover(markdownOf(word, doc), range) : undefined;
  }
  const key = /^\s*(?:-\s+)?([A-Za-z_][\w.-]*)\s*:/.exec(lineText)?.[1];
  const doc = key ? keyDocAt([...where.parent, key]) : undefined;
  const text = doc?.values ? (VALUE_DOCS[doc.values] as Record<string, string>)[word] : undefined;
  return text ? new vscode.Hover(new vscode.MarkdownString(`**${word}**: ${text}`), range) : undefined;
}
