// What a notebook's sweeps say about penalty strength, for the diagnosis of its other
// cells: a run is never told to strengthen its penalty when a sweep of the same data
// and network chose a strength no larger than the run's. The CLI (runNotebook) and the
// extension (controller) collect the same evidence from the same cells and results, so
// both give the same words.

import type { ExperimentSpec } from '../experiment/experiment';
import { PENALTY_KEYS, PENALTY_PARTS } from '../experiment/penalty';
import type { RunResult } from '../run/result';
import { diagnose } from './diagnose';

/** One sweep's choice. */
export interface SweepEvidence {
  /** The sweep cell's name. */
  cell: string;
  alpha: number;
  select: string;
}

/** A sweep of the notebook, with the key of the data and network it swept and the form of its penalties. */
export interface NotebookSweep {
  key: string;
  form: string;
  evidence: SweepEvidence;
}

/** The data and the network of a cell, penalties, names and training aside: sweeps of the same key speak for each other. */
export function evidenceKey(spec: ExperimentSpec): string {
  const network = spec.model.map(({ penalties: _p, name: _n, ...layer }) => layer);
  return JSON.stringify({ data: spec.data, network });
}

/**
 * Which terms penalize which parts of which layers, strengths aside: what a sweep's alpha
 * is the strength of (it replaces every coefficient). An L2 sweep of the hidden layer
 * says nothing of an L1 penalty on every layer; '' is a network without any penalty
 * (alpha 0 of every sweep).
 */
export function penaltyForm(spec: ExperimentSpec): string {
  const layers = spec.model.map((l) => PENALTY_PARTS.flatMap((part) => {
    const p = l.penalties[part];
    const terms = p ? PENALTY_KEYS.filter((k) => p[k]) : [];
    return terms.length ? [`${part}:${terms.join('+')}`] : [];
  }).join(','));
  return layers.some((l) => l) ? layers.join('|') : '';
}

/** The sweep a cell's result holds, if it is a sweep that chose an alpha. */
export function sweepOf(spec: ExperimentSpec, result: RunResult | undefined): NotebookSweep | null {
  const best = result?.grid?.best;
  if (!spec.grid || !best || !Number.isFinite(best.alpha)) return null;
  return { key: evidenceKey(spec), form: penaltyForm(spec), evidence: { cell: spec.name, alpha: best.alpha, select: result!.grid!.select ?? 'test' } };
}

/**
 * The sweeps that speak for `spec` (its own sweep included): the same data and network,
 * and the same penalty form at another strength, or no penalty at all.
 */
export function sweepsFor(spec: ExperimentSpec, sweeps: readonly NotebookSweep[]): SweepEvidence[] {
  const key = evidenceKey(spec);
  const form = penaltyForm(spec);
  return sweeps.filter((s) => s.key === key && (form === '' || s.form === form)).map((s) => s.evidence);
}

/** The notebook's sweeps from its cells' specs and latest results (a later entry of the same cell wins). */
export function notebookSweeps(cells: readonly { spec: ExperimentSpec | undefined; result: RunResult | undefined }[]): NotebookSweep[] {
  const byCell = new Map<string, NotebookSweep>();
  for (const c of cells) {
    if (!c.spec) continue;
    const s = sweepOf(c.spec, c.result);
    if (s) byCell.set(c.spec.name, s);
    else if (c.result) byCell.delete(c.spec.name);
  }
  return [...byCell.values()];
}

/**
 * Diagnoses the result again in the light of the notebook's sweeps (in place). When the
 * findings change, `guidance.revised` says when, with which sweeps, and what the run was
 * told when it ended. Returns whether the findings changed (the run store's copy then
 * needs the revision too: store/revision.ts).
 */
export function reviseFindings(result: RunResult, spec: ExperimentSpec, sweeps: readonly NotebookSweep[], now: Date = new Date()): boolean {
  const guidance = result.guidance;
  if (!guidance) return false;
  const evidence = sweepsFor(spec, sweeps);
  const findings = diagnose(result, { standardize: spec.data.standardize, sweeps: evidence });
  if (JSON.stringify(findings) === JSON.stringify(guidance.findings)) return false;
  guidance.revised = { at: now.toISOString(), sweeps: evidence, atRun: guidance.revised?.atRun ?? guidance.findings };
  guidance.findings = findings;
  return true;
}
