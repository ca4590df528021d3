/**
 * Reading CloudFormation property values as they will be synthesized, where any part may be an intrinsic
 * function. A value is known, absent, or unknown; strings built by `Fn::Join`, `Fn::Sub`, `Fn::Select` and
 * `Fn::Split` from literals and pseudo parameters are evaluated as far as their literal parts allow, so a function name
 * that aws-cdk-lib hands over as `Fn::Select(6, Fn::Split(':', 'arn:${AWS::Partition}:...:function:orders'))`
 * is still checked as `orders`.
 */

/** A value that cannot be known before deployment (a Ref, Fn::GetAtt, Fn::ImportValue, ...). */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type Unknown = typeof UNKNOWN;

/**
 * Stand-ins for pseudo parameters: valid values of the shortest length, so that a pattern check passes for
 * every real value and a maximum-length violation found with them holds for every real value too.
 */
const PSEUDO_STAND_INS: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'us-east-1',
  'AWS::AccountId': '123456789012',
  'AWS::URLSuffix': 'c2s.ic.gov',
};

/**
 * The characters the real values of each pseudo parameter are made of (`aws-cn`, `eusc-de-east-1`,
 * `amazonaws.com.cn`): splitting a stand-in on a delimiter that uses any of them is unknowable, even when
 * the stand-in itself does not contain the delimiter.
 */
const PSEUDO_ALPHABETS: Record<string, RegExp> = {
  'AWS::Partition': /[a-z-]/,
  'AWS::Region': /[a-z0-9-]/,
  'AWS::AccountId': /[0-9]/,
  'AWS::URLSuffix': /[a-z0-9.-]/,
};

/** A string evaluated from literals and pseudo parameters. */
export interface PartialString {
  /** The text, with stand-ins for pseudo parameters. */
  readonly text: string;
  /** Whether every character of `text` is literal (no stand-in). */
  readonly exact: boolean;
}

/** A JSON object (not a list, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An intrinsic function or Ref: an object whose single key is `Ref` or starts with `Fn::`. */
export function isIntrinsic(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  // Counted without Object.keys: this runs for every value of every mapping at synth.
  let only: string | undefined;
  for (const key in value) {
    if (only !== undefined) {
      return false;
    }
    only = key;
  }
  return only !== undefined && (only === 'Ref' || only.startsWith('Fn::'));
}

/**
 * JSON with object keys sorted, so that equal values give equal text whatever order their keys were written in
 * (JSON Schema's equality, as `uniqueItems` applies it).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Dotted paths split once: the rules ask for the same few paths of every mapping. */
const PATH_KEYS = new Map<string, string[]>();

function keysOf(path: string): string[] {
  let keys = PATH_KEYS.get(path);
  if (keys === undefined) {
    keys = path.split('.');
    PATH_KEYS.set(path, keys);
  }
  return keys;
}

/** The value at a dotted path (`DestinationConfig.OnFailure.Destination`); `UNKNOWN` when an intrinsic is on the way. */
export function valueAt(root: unknown, path: string): unknown {
  const value = rawValueAt(root, path);
  return isIntrinsic(value) ? UNKNOWN : value;
}

/** Like `valueAt`, but an intrinsic at the end of the path is returned as it is (for `partialString`). */
export function rawValueAt(root: unknown, path: string): unknown {
  let current = root;
  for (const key of keysOf(path)) {
    if (isIntrinsic(current)) {
      return UNKNOWN;
    }
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Whether an intrinsic may remove the property from the deployed template: `{ Ref: 'AWS::NoValue' }`, or an
 * `Fn::If` with such a branch (`Fn.conditionIf(cond, value, Aws.NO_VALUE)`).
 */
export function mayBeAbsent(value: unknown): boolean {
  if (!isIntrinsic(value)) {
    return false;
  }
  const [fn, args] = Object.entries(value)[0];
  if (fn === 'Ref') {
    return args === 'AWS::NoValue';
  }
  return fn === 'Fn::If' && Array.isArray(args) && args.slice(1).some(mayBeAbsent);
}

/** Whether a value holds an intrinsic anywhere inside it. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN || isIntrinsic(value)) {
    return true;
  }
  if (value !== null && typeof value === 'object') {
    return Object.values(value as object).some(containsUnknown);
  }
  return false;
}

interface Chunk {
  readonly text: string;
  readonly exact: boolean;
  /** For a stand-in: the characters its real values may contain. */
  readonly alphabet?: RegExp;
  /** A part that cannot be known (only when evaluating with holes). */
  readonly hole?: true;
}

/** What `literalParts` puts where a part cannot be known. */
export const HOLE = '\u0000';
const HOLE_CHUNK: Chunk = { text: HOLE, exact: false, hole: true };

/**
 * A string with `HOLE` for each part that cannot be known (a parameter, a resource attribute), pseudo parameters
 * as stand-ins: `!Sub arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${Name}` reads as
 * `arn:aws:kinesis:us-east-1:123456789012:stream/\u0000`. Undefined when the value is not a string or a
 * string-valued intrinsic; a single `HOLE` for an intrinsic that hides every part.
 */
export function literalParts(value: unknown): string | undefined {
  if (typeof value !== 'string' && !isIntrinsic(value)) {
    return undefined;
  }
  return (evaluate(value, true) ?? [HOLE_CHUNK]).map((c) => c.text).join('');
}

/**
 * Evaluates a string property: `undefined` when absent or not a string, `UNKNOWN` when it depends on
 * something other than literals and pseudo parameters.
 */
export function partialString(value: unknown): PartialString | Unknown | undefined {
  if (value === UNKNOWN) {
    return UNKNOWN;
  }
  if (value !== undefined && typeof value !== 'string' && !isIntrinsic(value)) {
    return undefined;
  }
  if (value === undefined) {
    return undefined;
  }
  if (typeof value === 'string') {
    // The common case, without building chunks: every rule reading a name or an ARN comes here.
    return { text: value, exact: true };
  }
  const chunks = evaluate(value);
  if (chunks === undefined) {
    return UNKNOWN;
  }
  return { text: chunks.map((c) => c.text).join(''), exact: chunks.every((c) => c.exact) };
}

/**
 * The chunks of a string value; with `holes`, a part that cannot be known becomes a `HOLE` chunk instead of
 * making the whole value unknown.
 */
function evaluate(value: unknown, holes = false): Chunk[] | undefined {
  const part = evaluateKnown(value, holes);
  return part === undefined && holes ? [HOLE_CHUNK] : part;
}

function evaluateKnown(value: unknown, holes: boolean): Chunk[] | undefined {
  if (typeof value === 'string') {
    return [{ text: value, exact: true }];
  }
  if (typeof value === 'number') {
    return [{ text: String(value), exact: true }];
  }
  if (!isIntrinsic(value)) {
    return undefined;
  }
  const [fn, args] = Object.entries(value)[0];
  if (fn === 'Ref') {
    const standIn = typeof args === 'string' ? PSEUDO_STAND_INS[args] : undefined;
    return standIn === undefined ? undefined : [{ text: standIn, exact: false, alphabet: PSEUDO_ALPHABETS[args as string] }];
  }
  if (fn === 'Fn::Sub') {
    return evaluateSub(args, holes);
  }
  if (fn === 'Fn::Join' && Array.isArray(args) && typeof args[0] === 'string' && Array.isArray(args[1])) {
    const out: Chunk[] = [];
    for (const [i, part] of (args[1] as unknown[]).entries()) {
      const chunks = evaluate(part, holes);
      if (chunks === undefined) {
        return undefined;
      }
      if (i > 0 && args[0] !== '') {
        out.push({ text: args[0], exact: true });
      }
      out.push(...chunks);
    }
    return out;
  }
  if (fn === 'Fn::Select' && Array.isArray(args) && isIntrinsic(args[1]) && 'Fn::Split' in args[1]) {
    const index = Number(args[0]);
    const split = args[1]['Fn::Split'];
    if (!Number.isInteger(index) || !Array.isArray(split) || typeof split[0] !== 'string' || split[0] === '') {
      return undefined;
    }
    const chunks = evaluate(split[1]);
    const pieces = chunks && splitChunks(chunks, split[0]);
    return pieces && index >= 0 && index < pieces.length ? pieces[index] : undefined;
  }
  return undefined;
}

/**
 * `Fn::Sub` as a string or a [string, variables] pair: `${AWS::Region}` a pseudo parameter, `${Name}` a variable
 * (evaluated) or a Ref, `${Res.Attr}` an attribute, `${!Literal}` the text `${Literal}`.
 */
function evaluateSub(args: unknown, holes: boolean): Chunk[] | undefined {
  const [template, variables] = typeof args === 'string' ? [args, {}] : Array.isArray(args) ? args : [];
  if (typeof template !== 'string' || variables === null || typeof variables !== 'object' || Array.isArray(variables)) {
    return undefined;
  }
  const out: Chunk[] = [];
  let last = 0;
  for (const m of template.matchAll(/\$\{([^}]*)\}/g)) {
    out.push({ text: template.slice(last, m.index), exact: true });
    last = m.index + m[0].length;
    const name = m[1].trim();
    if (name.startsWith('!')) {
      out.push({ text: `\${${name.slice(1)}}`, exact: true });
      continue;
    }
    const bound = (variables as Record<string, unknown>)[name];
    const chunks = evaluate(bound !== undefined ? bound : name.includes('.') ? { 'Fn::GetAtt': name } : { Ref: name }, holes);
    if (chunks === undefined) {
      return undefined;
    }
    out.push(...chunks);
  }
  out.push({ text: template.slice(last), exact: true });
  return out.filter((c) => c.text !== '');
}

/**
 * Splits chunked text on a delimiter, keeping for each piece which of its characters are literal.
 * A stand-in whose real values may contain the delimiter (a region split on '-', a partition split on '-'
 * though the stand-in `aws` has none) makes the split unknowable.
 */
function splitChunks(chunks: Chunk[], delimiter: string): Chunk[][] | undefined {
  const pieces: Chunk[][] = [[]];
  for (const chunk of chunks) {
    if (!chunk.exact && (chunk.text.includes(delimiter) || [...delimiter].some((c) => chunk.alphabet?.test(c)))) {
      return undefined;
    }
    const parts = chunk.text.split(delimiter);
    parts.forEach((part, i) => {
      if (i > 0) {
        pieces.push([]);
      }
      if (part !== '') {
        pieces[pieces.length - 1].push({ ...chunk, text: part });
      }
    });
  }
  return pieces;
}
