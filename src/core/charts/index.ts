// Chart specs and themes: browser-safe (the notebook renderer imports this). Headless
// rendering (Node only) is in renderSvg.ts and renderHeadless.ts.
export * from './specs';
export * from './theme';
