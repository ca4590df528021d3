import { Document, isMap, isScalar, isSeq, LineCounter, Node, Pair, parseDocument, Scalar, YAMLMap } from 'yaml';
import type { CollectionTag, ScalarTag } from 'yaml';

/** A template file that cannot be read: the message names the file and where the parser stopped. */
export class InputError extends Error {}

/** A parsed template, and the positions of its nodes (computed on first use: most files have no finding). */
export interface ParsedTemplate {
  readonly file: string;
  readonly template: unknown;
  /** 1-based line and column of the deepest node on `path` (keys from the template root) that exists. */
  position(path: ReadonlyArray<string | number>): { line: number; column: number };
}

/** CloudFormation's short-form functions: `!Ref x` is `{ Ref: x }`, `!GetAtt a.b` is `{ "Fn::GetAtt": [a, b] }`, `!Sub ...` is `{ "Fn::Sub": ... }`. */
const SHORT_FORMS = ['Base64', 'Cidr', 'FindInMap', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform',
  'If', 'Equals', 'And', 'Or', 'Not', 'ToJsonString', 'Length'];

function longForm(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/** `{ <long form>: node }`, keeping the node (and the positions inside it). */
function wrap(key: string, node: Node): YAMLMap {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(key), node));
  map.range = node.range;
  return map;
}

const TAGS: Array<ScalarTag | CollectionTag> = [...SHORT_FORMS, 'Ref', 'Condition', 'GetAtt'].flatMap((name): Array<ScalarTag | CollectionTag> => [
  {
    tag: `!${name}`,
    resolve: (value: string) => name === 'GetAtt'
      ? { 'Fn::GetAtt': value.includes('.') ? [value.slice(0, value.indexOf('.')), value.slice(value.indexOf('.') + 1)] : [value] }
      : { [longForm(name)]: value },
  },
  { tag: `!${name}`, collection: 'seq', resolve: (value) => wrap(longForm(name), value as Node) },
  { tag: `!${name}`, collection: 'map', resolve: (value) => wrap(longForm(name), value as Node) },
]);

/** Parses a CloudFormation or SAM template in JSON or YAML (short-form tags included). */
export function parseTemplate(file: string, text: string): ParsedTemplate {
  // JSON is read with JSON.parse (fast, and its errors are JSON's); a .yaml file in flow style falls back to YAML.
  let json: { value: unknown } | undefined;
  if (file.endsWith('.json') || /^\s*[{[]/.test(text)) {
    try {
      json = parseJson(file, text);
    } catch (e) {
      if (file.endsWith('.json')) {
        throw e;
      }
    }
  }
  let positions: ((path: ReadonlyArray<string | number>) => { line: number; column: number }) | undefined;
  const yaml = json === undefined ? parseYaml(file, text) : undefined;
  return {
    file,
    template: json !== undefined ? json.value : yaml!.doc.toJS({ maxAliasCount: 1000 }),
    position: (path) => {
      positions ??= locator(yaml ?? parseYaml(file, text));
      return positions(path);
    },
  };
}

function parseJson(file: string, text: string): { value: unknown } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    const message = (e as Error).message;
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    const offset = /at position (\d+)/.exec(message);
    const where = lineColumn ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
      : offset ? lineAndColumn(text, Number(offset[1]))
        : lineAndColumn(text, text.length);
    throw new InputError(`${file}:${where.line}:${where.column}: cannot parse JSON: ${message.split('\n')[0]}`);
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function parseYaml(file: string, text: string): { doc: Document.Parsed; lines: LineCounter } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { customTags: TAGS, lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const where = lines.linePos(error.pos[0]);
    throw new InputError(`${file}:${where.line}:${where.col}: cannot parse YAML: ${error.message.split('\n')[0]}`);
  }
  return { doc, lines };
}

function locator({ doc, lines }: { doc: Document.Parsed; lines: LineCounter }) {
  return (path: ReadonlyArray<string | number>) => {
    let node: unknown = doc.contents;
    let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
        if (!pair) {
          break;
        }
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
        node = node.items[key];
        offset = (node as Node).range?.[0] ?? offset;
      } else {
        break;
      }
    }
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
}
