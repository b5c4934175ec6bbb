// Helpers for the cell-language tests: building cells line by line and finding problems.
import assert from 'node:assert/strict';
import type { Problem } from '../../../src/core/experiment/experiment';

/** A cell from its lines (so that tests can count lines and columns at a glance). */
export function cell(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** The one problem whose message contains `phrase` (fails when none or several do). */
export function problemWith(problems: readonly Problem[], phrase: string): Problem {
  const found = problems.filter((p) => p.message.includes(phrase));
  assert.equal(found.length, 1, `expected one problem containing "${phrase}", got: ${JSON.stringify(problems.map((p) => `${p.line}:${p.column} ${p.message}`), null, 1)}`);
  return found[0];
}

/** Asserts the problem containing `phrase` starts at line:column (and ends at endLine:endColumn when given). */
export function assertProblemAt(problems: readonly Problem[], phrase: string, line: number, column: number, end?: [number, number], severity: Problem['severity'] = 'error'): Problem {
  const p = problemWith(problems, phrase);
  assert.deepEqual([p.line, p.column], [line, column], `position of "${p.message}"`);
  if (end) assert.deepEqual([p.endLine, p.endColumn], end, `end of "${p.message}"`);
  assert.equal(p.severity, severity, `severity of "${p.message}"`);
  return p;
}

export function errors(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'error');
}

/** A minimal valid cell body, with `extra` lines appended (top-level keys). */
export function moons(...extra: string[]): string {
  return cell('data:', '  source: moons', 'model:', '  - dense: 8', '  - dense: 1', ...extra);
}
