// The project's TypeScript setup resolves modules the classic Node way, which ignores
// package.json "exports": these packages' types are only reachable by file path. The
// bundler (esbuild) resolves the real modules through their "exports".

declare module 'vega-lite' {
  export * from 'vega-lite/build/index';
}

declare module 'vega-tooltip' {
  export * from 'vega-tooltip/build/index';
  export { default } from 'vega-tooltip/build/index';
}
