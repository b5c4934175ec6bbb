// Problems found in a cell, with the span they point at. Ends are exclusive (the
// column just after the last character), which is what editors expect of a range.

import type { Position, Problem } from '../experiment/experiment';

export type Span = Position & { endLine: number; endColumn: number };

/** The contract's `line:column: message` form (contract section 2). */
export function formatProblem(p: Problem): string {
  return `${p.line}:${p.column}: ${p.message}`;
}

/** Collects the problems of one cell; order of discovery is kept so tests and users read top-down. */
export class ProblemList {
  readonly items: Problem[] = [];

  error(span: Span, message: string): void {
    this.items.push({ ...pick(span), message, severity: 'error' });
  }

  warning(span: Span, message: string): void {
    this.items.push({ ...pick(span), message, severity: 'warning' });
  }

  get hasErrors(): boolean {
    return this.items.some((p) => p.severity === 'error');
  }
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Problems sorted by position (stable), the order an editor's problem list shows. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.line - b.p.line || a.p.column - b.p.column || a.i - b.i)
    .map(({ p }) => p);
}

// Spans may come with extra fields (source maps return richer objects); copy only ours.
function pick(s: Span): Span {
  return { line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn };
}
