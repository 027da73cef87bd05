export { dirHandler, mlpGraph, cnnGraph, writeGraphModel } from './model-files.js';
