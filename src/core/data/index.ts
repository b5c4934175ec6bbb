// The data layer's public API.
export { DataError, type Dataset, type ReadText, type RegressionTruth } from './dataset';
export { Random, type MutableArrayLike } from './random';
export { loadDataset, loadTable, datasetFromTable, shapeFor, type InputShapeKind, type LoadContext } from './loadDataset';
export { generate, moons, circles, blobs, xor, spiral, regression, sine, SINE_PERIOD, type GeneratorOptions } from './generators';
export { parseCsv, parseNumber, type CsvOptions } from './csv';
export { BUNDLED, loadBundled, type BundledInfo } from './bundled';
export { splitRows, trainCount, takeRows, SPLIT_STREAM, type Split } from './split';
export { fitScaling, applyScaling, fitTargetScaling, applyTargetScaling, type Scaling } from './standardize';
export { sizeOf, type Table } from './table';
