// The sidebar's tooltip of a stored run, as Markdown: status, error and the run's advice
// as the store reads it (revised by later sweeps when the run folder holds a revision).
// Every piece comes from the run store (a cloned one is anyone's text): escaped.

import { escapeMarkdown as md } from '../text/escapeMarkdown';
import type { RunSummary } from './runStore';

export function runTooltip(cell: string, r: Pick<RunSummary, 'runId' | 'status' | 'error' | 'advice' | 'adviceRevisedAt'>): string {
  const parts = [`**${md(cell)}** · ${md(r.runId)}`, `status: ${md(r.status)}`];
  if (r.error) parts.push(md(r.error));
  const advice = r.advice ?? [];
  if (advice.length) {
    const heading = r.adviceRevisedAt ? `Advice (revised ${md(r.adviceRevisedAt)} after a later sweep):` : 'Advice:';
    parts.push([heading, ...advice.map((a) => `- ${a.severity === 'warning' ? '⚠ ' : ''}${md(a.message)}`)].join('\n'));
  }
  return parts.join('\n\n');
}
