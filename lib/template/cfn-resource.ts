import { CfnResource, Stack, Token } from 'aws-cdk-lib/core';
import { l1PropName, STREAM_PROPERTIES } from './properties';

/** The parts of `CfnResource` the fast read uses: protected or private there, stable across aws-cdk-lib 2. */
interface CfnInternals {
  readonly cfnProperties: Record<string, unknown>;
  readonly rawOverrides?: Record<string, unknown>;
  renderProperties(props: Record<string, unknown>): Record<string, unknown>;
}

/**
 * The mapping's `Properties` as they will appear in the template: props, property overrides and tags,
 * resolved, with intrinsics left as objects. Where aws-cdk-lib's own renderer rejects values of the wrong
 * JavaScript type (it would fail synth with its own error), the props as given, so that ESM001 names them.
 *
 * Props of the shapes a stream mapping uses (below) are renamed to their CloudFormation names directly, and only
 * tokens are resolved: what aws-cdk-lib's renderer does with them, for a fraction of its cost. Anything else is
 * rendered by aws-cdk-lib: the props alone, or with overrides the whole resource entry.
 */
export function synthesizedProperties(mapping: CfnResource): { properties: Record<string, unknown>; rejectedByCdk?: string } {
  const stack = Stack.of(mapping);
  const internals = mapping as unknown as CfnInternals;
  const overridden = internals.rawOverrides !== undefined && Object.keys(internals.rawOverrides).length > 0;
  const props = internals.cfnProperties;
  const plain = overridden ? undefined : plainProperties(props);
  if (plain) {
    return { properties: plain.tokens ? stack.resolve(plain.properties) as Record<string, unknown> : plain.properties };
  }
  // As the template does: resolved first, then rendered (an IResolvable prop renders only once resolved).
  const resolved = stack.resolve(props) as Record<string, unknown>;
  let rendered: Record<string, unknown>;
  try {
    rendered = internals.renderProperties(resolved);
  } catch (e) {
    return { properties: pascalCaseKeys(resolved) as Record<string, unknown>, rejectedByCdk: (e as Error).message };
  }
  if (overridden) {
    const entry = Object.values((mapping._toCloudFormation() as { Resources: Record<string, unknown> }).Resources)[0];
    return { properties: (stack.resolve(entry) as { Properties?: Record<string, unknown> }).Properties ?? {} };
  }
  return { properties: Object.fromEntries(Object.entries(rendered).filter(([, value]) => value !== undefined)) };
}

/**
 * The JSON shape of a prop whose CloudFormation form is the same value under capitalized names: a type, a list of
 * one shape, or an object of known keys. A value of any other shape (a wrong type, an unknown nested key, an
 * `IResolvable`) is left to aws-cdk-lib's renderer.
 */
type Shape = 'string' | 'number' | 'boolean' | readonly [Shape] | { readonly [key: string]: Shape };

const NESTED_SHAPES: Record<string, Shape> = {
  functionResponseTypes: ['string'],
  destinationConfig: { onFailure: { destination: 'string' } },
  filterCriteria: { filters: [{ pattern: 'string' }] },
  metricsConfig: { metrics: ['string'] },
  tags: [{ key: 'string', value: 'string' }],
};

/** camelCase prop name to its CloudFormation name and shape, for the stream properties. */
const PLAIN_PROPS = new Map<string, { readonly name: string; readonly shape: Shape }>(
  Object.entries(STREAM_PROPERTIES).flatMap(([name, { type }]) => {
    const prop = l1PropName(name);
    const shape = NESTED_SHAPES[prop] ?? (type === 'array' || type === 'object' ? undefined : type);
    return shape ? [[prop, { name, shape }] as const] : [];
  }),
);

/** Sentinel: the value does not have the shape. */
const NOT_PLAIN = Symbol('not plain');

/** The props under their CloudFormation names, when every one has its plain shape; whether any holds a token. */
function plainProperties(props: Record<string, unknown>): { properties: Record<string, unknown>; tokens: boolean } | undefined {
  // aws-cdk-lib's renderer reports a missing FunctionName itself (ESM001 and ESM401 read its message).
  if (props.functionName === undefined) {
    return undefined;
  }
  const properties: Record<string, unknown> = {};
  const state = { tokens: false };
  for (const key in props) {
    const value = props[key];
    if (value === undefined) {
      continue;
    }
    const spec = PLAIN_PROPS.get(key);
    const converted = spec ? convert(value, spec.shape, state) : NOT_PLAIN;
    if (converted === NOT_PLAIN) {
      return undefined;
    }
    properties[spec!.name] = converted;
  }
  return { properties, tokens: state.tokens };
}

function convert(value: unknown, shape: Shape, state: { tokens: boolean }): unknown {
  if (typeof shape === 'string') {
    if (typeof value !== shape) {
      return NOT_PLAIN;
    }
    state.tokens ||= mayBeToken(value);
    return value;
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) {
      return NOT_PLAIN;
    }
    const items = value.map((item) => convert(item, shape[0], state));
    return items.includes(NOT_PLAIN) ? NOT_PLAIN : items;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Token.isUnresolved(value)) {
    return NOT_PLAIN;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    const itemShape = (shape as Record<string, Shape>)[key];
    if (item === undefined) {
      continue;
    }
    const converted = Object.prototype.hasOwnProperty.call(shape, key) ? convert(item, itemShape, state) : NOT_PLAIN;
    if (converted === NOT_PLAIN) {
      return NOT_PLAIN;
    }
    out[key.charAt(0).toUpperCase() + key.slice(1)] = converted;
  }
  return out;
}

/**
 * Whether a plain value may hold a token, so that it must be resolved: a string with a token marker in it
 * (`${Token[...]}`, `#{Token[...]}` in lists) or a number token written into it (`-1.888...e+289`), or a number
 * as large and negative as aws-cdk-lib's encoded number tokens (about -1.9e289). A false alarm only costs a resolve.
 */
function mayBeToken(value: unknown): boolean {
  return typeof value === 'string' ? value.includes('Token[') || value.includes('e+289') : typeof value === 'number' && value < -1e288;
}

function pascalCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(pascalCaseKeys);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), pascalCaseKeys(v)]));
}
