export { dirHandler, mlpGraph, cnnGraph, writeGraphModel } from './model-files.js';
export { maxAbs, maxAbsDiff } from './max-abs.js';
