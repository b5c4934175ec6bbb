// Stand-in for vega-canvas in RegNB's bundles: charts are rendered to SVG, which needs
// no canvas, and the real module's top-level await cannot live in a CommonJS bundle.
module.exports = { canvas: () => null, image: () => null };
