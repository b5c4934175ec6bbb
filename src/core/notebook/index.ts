// The `.regnb` file format (contract section 1). Pure: no Node or VS Code modules.
export * from './types';
export { parseNotebook, NOTEBOOK_VERSION } from './parse';
export { serializeNotebook } from './serialize';
export { mergeOutputs, type OutputUpdate, type OutputConflict, type MergedNotebook } from './mergeOutputs';
export {
  MAX_CELL_BYTES,
  MAX_HISTORY_POINTS,
  boundCellOutputs,
  boundRunResult,
  downsampleHistory,
  downsampleIndices,
  downsampleRun,
  isRunResultLike,
  type BoundOptions,
} from './boundOutputs';
