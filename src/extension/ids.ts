// Identifiers shared by the manifest (package.json) and the code.
export const NOTEBOOK_TYPE = 'regnb';
export const LANGUAGE_ID = 'regnb';
export const CONTROLLER_ID = 'regnb-trainer';
export const TREE_VIEW_ID = 'regnb.experiments';
export const EXTENSION_ID = 'regnb.regnb';
