import { ArgumentError, describeValue, checkKnownKeys, optionKeys } from '@advkit/core';
import type { Model } from '../model.js';
import { checkModel } from './check-model.js';
import { LinearModel } from '../linear-model.js';
import { Mlp } from '../mlp.js';
import { Cnn, type CnnLayer } from '../cnn.js';

/**
 * How a worker thread builds its copy of a model other than `LinearModel`, `Mlp` and `Cnn`: it imports
 * `module`, calls its export `exportName` with `args` (a function returning a Model, or a Promise of one)
 * and checks that the model's variables have the shapes of yours (the weights are then copied in, so
 * the factory's initial values do not matter).
 */
export interface ModelFactory {
  /**
   * An importable module specifier: a URL (`new URL('./my-model.js', import.meta.url)`), a `file:` URL
   * string, an absolute path, or a package name (resolved from `@advkit/models`' location, so it must
   * be installed where Node finds it from there). Relative paths are refused: the worker would resolve
   * them against its own file, not yours.
   */
  module: string | URL;
  /** The module's export to call. @default 'default' */
  exportName?: string;
  /** Arguments of the call; they are copied to the worker (structured clone), so JSON-like data only. @default [] */
  args?: unknown[];
}
const MODEL_FACTORY_KEYS = optionKeys<ModelFactory>()({ module: true, exportName: true, args: true });

/**
 * A model as plain data (what a worker thread can receive): the constructor options of a built-in model
 * (no seed: the weights are overwritten right after), or a {@link ModelFactory}, plus the variables'
 * shapes the rebuilt model must have.
 */
export type ModelSpec = (
  | { kind: 'linear'; inputSize: number }
  | { kind: 'mlp'; inputShape: number[]; hiddenSizes: number[]; numClasses: number }
  | { kind: 'cnn'; inputShape: [number, number, number]; numClasses: number; layers: CnnLayer[] }
  | { kind: 'factory'; module: string; exportName: string; args: unknown[] }
) & { shapes: number[][] };

/** Checks `options.modelFactory` of `fn` (dataParallel, autoAttackParallel); returns it with its defaults, the module as a string. */
export function checkModelFactory(value: unknown, fn: string): { module: string; exportName: string; args: unknown[] } {
  const f = value as Partial<ModelFactory> | null;
  if (typeof f !== 'object' || f === null) throw new ArgumentError(`must be { module, exportName?, args? }, got ${describeValue(value)}`, { fn, argument: 'options.modelFactory' });
  checkKnownKeys(f, MODEL_FACTORY_KEYS, fn, 'options.modelFactory');
  const module = f.module instanceof URL ? f.module.href : f.module;
  if (typeof module !== 'string' || module === '') throw new ArgumentError(`must be a module specifier (string or URL), got ${describeValue(f.module)}`, { fn, argument: 'options.modelFactory.module' });
  if (module.startsWith('./') || module.startsWith('../')) {
    throw new ArgumentError(`must not be relative (the worker would resolve it against its own file): pass new URL('${module}', import.meta.url)`, { fn, argument: 'options.modelFactory.module' });
  }
  const exportName = f.exportName ?? 'default';
  if (typeof exportName !== 'string' || exportName === '') throw new ArgumentError(`must be a non-empty string, got ${describeValue(f.exportName)}`, { fn, argument: 'options.modelFactory.exportName' });
  const args = f.args ?? [];
  if (!Array.isArray(args)) throw new ArgumentError(`must be an array, got ${describeValue(f.args)}`, { fn, argument: 'options.modelFactory.args' });
  try {
    structuredClone(args);
  } catch (cause) {
    throw new ArgumentError(`must be plain data (copied to the worker): ${(cause as Error).message}`, { fn, argument: 'options.modelFactory.args', cause });
  }
  return { module, exportName, args };
}

/** Whether `model` is exactly a `LinearModel`, `Mlp` or `Cnn` of @advkit/models (not a subclass): what {@link modelSpec} rebuilds from options. */
export function isBuiltInModel(model: unknown): boolean {
  if (typeof model !== 'object' || model === null) return false;
  const proto: unknown = Object.getPrototypeOf(model);
  return proto === LinearModel.prototype || proto === Mlp.prototype || proto === Cnn.prototype;
}

/**
 * The {@link ModelSpec} of `model`: from `factory` when given, else from the public readonly fields of a
 * `LinearModel`, `Mlp` or `Cnn` of @advkit/models (exact classes only: a subclass may override `logits`,
 * which a rebuilt base-class model would silently drop).
 *
 * @throws ArgumentError naming `model` (as an argument of `fn`) for any other model without a factory; the message
 * names `owner` (the function taking `modelFactory`, e.g. dataParallel when `fn` is train).
 */
export function modelSpec(model: Model, fn: string, factory: ReturnType<typeof checkModelFactory> | undefined, owner = fn): ModelSpec {
  checkModel(model, fn);
  const shapes = model.variables.map((v) => [...v.shape]);
  if (factory !== undefined) return { kind: 'factory', ...factory, shapes };
  const proto: unknown = Object.getPrototypeOf(model);
  if (proto === LinearModel.prototype) return { kind: 'linear', inputSize: model.inputShape[0]!, shapes };
  if (proto === Mlp.prototype) {
    const m = model as Mlp;
    return { kind: 'mlp', inputShape: [...m.inputShape], hiddenSizes: [...m.hiddenSizes], numClasses: m.numOutputs, shapes };
  }
  if (proto === Cnn.prototype) {
    const m = model as Cnn;
    const [h, w, c] = m.inputShape;
    return { kind: 'cnn', inputShape: [h!, w!, c!], numClasses: m.numOutputs, layers: m.layers.map((l) => ({ ...l })), shapes };
  }
  throw new ArgumentError(
    `must be a LinearModel, Mlp or Cnn from @advkit/models to be rebuilt in ${owner}'s workers, got ${describeValue(model)}; for any other model give ${owner} a modelFactory ({ module, exportName, args })`,
    { fn, argument: 'model' },
  );
}

/** A factory function already in the worker (a browser worker's own module): called with the spec's `args`. */
export type LocalModelFactory = (...args: unknown[]) => Model | Promise<Model>;

/**
 * A fresh model of the architecture `spec` describes (its initial weights are meant to be overwritten),
 * with variables of the shapes in `spec.shapes`. Caller disposes it. A `factory` spec calls `local`
 * when given (its `module` and `exportName` are then not imported), else imports the module.
 *
 * @throws Error for a factory that cannot be imported or called, or whose model does not fit.
 */
export async function buildModel(spec: ModelSpec, local?: LocalModelFactory): Promise<Model> {
  const kinds = ['linear', 'mlp', 'cnn', 'factory'];
  if (typeof spec !== 'object' || spec === null || !kinds.includes(spec.kind) || !Array.isArray(spec.shapes)) {
    throw new ArgumentError(`must be a ModelSpec ({ kind: ${kinds.join(' | ')}, ..., shapes }), got ${describeValue(spec)}`, { fn: 'buildModel', argument: 'spec' });
  }
  let model: Model;
  switch (spec.kind) {
    case 'linear':
      model = new LinearModel({ inputSize: spec.inputSize, zeroInit: true });
      break;
    case 'mlp':
      model = new Mlp({ inputShape: spec.inputShape, hiddenSizes: spec.hiddenSizes, numClasses: spec.numClasses });
      break;
    case 'cnn':
      model = new Cnn({ inputShape: spec.inputShape, numClasses: spec.numClasses, layers: spec.layers });
      break;
    case 'factory': {
      const make = local ?? ((await import(/* @vite-ignore */ spec.module)) as Record<string, unknown>)[spec.exportName];
      if (typeof make !== 'function') throw new Error(`${spec.module} has no function export '${spec.exportName}' (got ${describeValue(make)})`);
      model = (await (make as (...a: unknown[]) => unknown)(...spec.args)) as Model;
      if (typeof model !== 'object' || model === null || typeof model.logits !== 'function' || !Array.isArray(model.variables)) {
        throw new Error(`${spec.module}'s '${spec.exportName}' must return a Model, got ${describeValue(model)}`);
      }
      break;
    }
  }
  const got = model.variables.map((v) => `[${v.shape.join(',')}]`).join(' ');
  const want = spec.shapes.map((s) => `[${s.join(',')}]`).join(' ');
  if (got !== want) {
    model.dispose();
    throw new Error(`the rebuilt model's variables have shapes ${got}, yours ${want}`);
  }
  return model;
}
