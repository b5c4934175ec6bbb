// The run store (contract section 4). Node only (file system).
export * from './runStore';
export * from './modelFiles';
export { runId, makeRunId, parseRunId } from './runId';
export { folderName } from './folderName';
export { writeFileAtomic } from './atomicWrite';
export { historyCsv, historyColumns, historyLayers, NORM_KINDS } from './historyCsv';
