// Entry of dist/vega.js (scripts/esbuildNode.mjs, VEGA_CHUNK): vega and vega-lite, which
// src/core/charts/renderSvg.ts loads from the bundle only when it draws a chart.
export * as vega from 'vega';
export * as vegaLite from 'vega-lite';
