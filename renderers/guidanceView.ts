// The run's guidance: what it says in plain words (overfitting, underfitting, ...),
// the recommended alpha of a sweep, and the cell's penalties in other tools. Text only.

import type { RunResult } from '../src/core/run/result';
import { el } from './dom';
import { revisionWords } from '../src/core/guidance/revisionWords';

const TOOL_NAMES = { keras: 'Keras', pytorch: 'PyTorch', sklearn: 'scikit-learn' } as const;

export function guidanceElement(result: RunResult): HTMLElement | undefined {
  const g = result.guidance;
  if (!g) return undefined;
  const findings = el('ul', { cls: 'regnb-findings', attrs: { 'data-guidance': 'findings' } },
    g.findings.map((f) => el('li', { cls: f.severity === 'warning' ? 'warning' : 'info', text: f.message, attrs: { 'data-kind': f.kind } })));
  const parts: HTMLElement[] = [el('div', { cls: 'regnb-section-title', text: 'Diagnosis' }), findings];
  if (g.revised) parts.push(el('div', { cls: 'regnb-note', text: revisionWords(g.revised), attrs: { 'data-guidance': 'revised' } }));
  if (g.recommendation) parts.push(el('div', { cls: 'regnb-note', text: `Recommended: ${g.recommendation.message}`, attrs: { 'data-guidance': 'recommendation' } }));
  if (g.equivalents.length) {
    const rows = g.equivalents.map((e) =>
      el('tr', {}, [
        el('td', { cls: 'text', text: TOOL_NAMES[e.tool] }),
        el('td', { cls: 'text', text: e.what }),
        el('td', { cls: 'text' }, [e.code ? el('code', { text: e.code }) : '—']),
        el('td', { cls: 'text', text: e.note }),
      ]),
    );
    parts.push(
      el('details', { cls: 'regnb-equivalents', attrs: { 'data-guidance': 'equivalents' } }, [
        el('summary', { text: 'The same penalties in other tools' }),
        el('table', { cls: 'regnb-table' }, [el('tr', {}, ['tool', 'setting', 'code', 'note'].map((h) => el('th', { text: h }))), ...rows]),
      ]),
    );
  }
  return el('div', { cls: 'regnb-guidance' }, parts);
}
