// The experiment-cell language (contract section 2): parsing, checking, documentation.

export { parseCell, type CellParse, type ParseOptions } from './parseCell';
export { checkNotebook, type NotebookCellInput, type CheckedCell, type CellProblem, type NotebookCheck } from './checkNotebook';
export { runOrder } from './runOrder';
export { completeForTask } from './completeForTask';
export { formatProblem, sortProblems, hasErrors, type Span } from './problems';
export type { CellSourceMap } from './sourceMap';
export { outputActivation } from './output';
export * from './keys';
