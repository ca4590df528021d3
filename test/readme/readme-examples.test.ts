/**
 * Every ```ts block of README.md runs here, wrapped in the fixture rosetta compiles it with
 * (rosetta/default.ts-fixture), and every ```text block is produced by the module its comment names. What the
 * README says an example does is written right after the block, one `<!-- expect: ... -->` comment per statement,
 * and asserted; an example without one fails. The convention: docs/readme-examples.md.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ts from 'typescript';
import { DECLARED_VALUES } from './declared-values';
import { CodeBlock, readmeBlocks } from './readme';

process.env.CDK_VALIDATION = 'false';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURE = readFileSync(path.join(ROOT, 'rosetta', 'default.ts-fixture'), 'utf8');
const PACKAGE = 'cdk-stream-event-source-mapping';

type Expectation =
  | { kind: 'synth ok' }
  | { kind: 'error' | 'throws' | 'warning'; text: string }
  | { kind: 'template'; type: string; properties: Record<string, unknown> }
  | { kind: 'logical-id'; type: string; logicalId: string }
  | { kind: 'output'; module: string };

export function parseExpectation(text: string): Expectation {
  if (text === 'synth ok') return { kind: 'synth ok' };
  const match = /^(error|throws|warning|template|logical-id|output)\s+([\s\S]+)$/.exec(text);
  if (!match) throw new Error(`unknown expectation "${text}": use synth ok, error, throws, warning, template, logical-id or output (docs/readme-examples.md)`);
  const [, kind, rest] = match;
  if (kind === 'template') {
    const t = /^(\S+)\s+(\{[\s\S]*\})$/.exec(rest);
    if (!t) throw new Error(`"template" takes a resource type and a JSON object of properties, got "${rest}"`);
    return { kind, type: t[1], properties: JSON.parse(t[2]) };
  }
  if (kind === 'logical-id') {
    const l = /^(\S+)\s+(\w+)$/.exec(rest);
    if (!l) throw new Error(`"logical-id" takes a resource type and a logical ID, got "${rest}"`);
    return { kind, type: l[1], logicalId: l[2] };
  }
  if (kind === 'output') return { kind, module: rest };
  return { kind: kind as 'error' | 'throws' | 'warning', text: rest };
}

/** `declare const orders: kinesis.Stream;` -> `const orders: kinesis.Stream = new kinesis.Stream(this, 'Orders');` */
export function withDeclaredValues(code: string): string {
  return code.replace(/^declare const (\w+): ([\w.]+);[ \t]*$/gm, (_line, name: string, type: string) => {
    const make = DECLARED_VALUES[type];
    if (!make) throw new Error(`no value for "declare const ${name}: ${type};": add ${type} to test/readme/declared-values.ts`);
    return `const ${name}: ${type} = ${make(name[0].toUpperCase() + name.slice(1))};`;
  });
}

interface Outcome {
  /** The message of an error thrown while the example's constructs were built. */
  readonly thrown?: string;
  /** The `[path] message` lines of the error synth failed with. */
  readonly errors: string[];
  /** `[path] message` of every warning in the synthesized assembly (when synth succeeded). */
  readonly warnings: string[];
  readonly templates: any[];
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function runExample(code: string): Outcome {
  if (!FIXTURE.includes('/// here')) throw new Error('rosetta/default.ts-fixture has no "/// here" line');
  const source = `${FIXTURE.replace('/// here', withDeclaredValues(code))}\nexport { Fixture };\n`;
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: false,
  }).outputText;
  const module = { exports: {} as Record<string, any> };
  // The example's imports: the library's sources for the package name, everything else as installed.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = (id: string) => (id === PACKAGE ? require('../../lib') : require(id));
  new Function('require', 'module', 'exports', js)(load, module, module.exports);
  const app = new App();
  try {
    new module.exports.Fixture(app, 'Stack');
  } catch (error) {
    return { thrown: messageOf(error), errors: [], warnings: [], templates: [] };
  }
  let assembly;
  try {
    assembly = app.synth();
  } catch (error) {
    const errors = messageOf(error).split('\n').filter((line) => /^\s+\[/.test(line)).map((line) => line.trim());
    return { errors: errors.length > 0 ? errors : [messageOf(error)], warnings: [], templates: [] };
  }
  const warnings = assembly.stacks.flatMap((stack) => stack.messages)
    .filter((message) => message.level === 'warning')
    .map((message) => `[${message.id.replace(/^\//, '')}] ${String(message.entry.data)}`);
  return { errors: [], warnings, templates: assembly.stacks.map((stack) => stack.template) };
}

/** Each actual line is expected by some expectation, and each expectation matches some line. */
function expectMatched(what: string, actual: string[], expected: string[]) {
  const unexpected = actual.filter((line) => !expected.some((text) => line.includes(text)));
  const unmatched = expected.filter((text) => !actual.some((line) => line.includes(text)));
  expect({ [`unexpected ${what}`]: unexpected, [`expected ${what} not found`]: unmatched })
    .toEqual({ [`unexpected ${what}`]: [], [`expected ${what} not found`]: [] });
}

function checkTsBlock(block: CodeBlock) {
  if (block.expectations.length === 0) {
    throw new Error(`README.md:${block.line}: this example states no outcome; add <!-- expect: ... --> right after its closing fence (docs/readme-examples.md)`);
  }
  const expectations = block.expectations.map(parseExpectation);
  const texts = (kind: string) => expectations.flatMap((e) => (e.kind === kind && 'text' in e ? [e.text] : []));
  const synthOk = expectations.some((e) => e.kind === 'synth ok');
  if (synthOk && (texts('error').length > 0 || texts('throws').length > 0)) {
    throw new Error(`README.md:${block.line}: "synth ok" contradicts an "error" or "throws" expectation`);
  }
  if (!synthOk && texts('error').length === 0 && texts('throws').length === 0) {
    throw new Error(`README.md:${block.line}: state the outcome: "synth ok", or the "error"s synth fails with, or what it "throws"`);
  }

  const outcome = runExample(block.code);
  if (texts('throws').length > 0 || outcome.thrown !== undefined) {
    expectMatched('thrown errors', outcome.thrown === undefined ? [] : [outcome.thrown], texts('throws'));
    return;
  }
  expectMatched('synth errors', outcome.errors, texts('error'));
  if (outcome.errors.length > 0) return;
  expectMatched('warnings', outcome.warnings, texts('warning'));
  for (const e of expectations) {
    if (e.kind === 'logical-id') {
      const ids = outcome.templates.flatMap((template) => Object.entries(template.Resources ?? {})
        .filter(([, resource]) => (resource as { Type: string }).Type === e.type).map(([logicalId]) => logicalId));
      expect(ids).toContain(e.logicalId);
    }
    if (e.kind !== 'template') continue;
    const matching = outcome.templates.filter((template) => {
      try {
        Template.fromJSON(template).hasResourceProperties(e.type, Match.objectLike(e.properties));
        return true;
      } catch {
        return false;
      }
    });
    if (matching.length === 0) {
      // Show the closest miss: assert on the first template, so jest prints what it has.
      Template.fromJSON(outcome.templates[0] ?? {}).hasResourceProperties(e.type, Match.objectLike(e.properties));
    }
  }
}

function checkTextBlock(block: CodeBlock) {
  const outputs = block.expectations.map(parseExpectation).filter((e): e is { kind: 'output'; module: string } => e.kind === 'output');
  if (outputs.length !== 1) {
    throw new Error(`README.md:${block.line}: a text block names the module that prints it: <!-- expect: output test/readme/<module>.ts --> (docs/readme-examples.md)`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const produce: { output(): string } = require(path.join(ROOT, outputs[0].module));
  expect(produce.output()).toBe(block.code);
}

const blocks = readmeBlocks();
const examples = blocks.filter((b) => b.lang === 'ts' || b.lang === 'typescript');
const outputs = blocks.filter((b) => b.lang === 'text');

describe('README.md', () => {
  test('has TypeScript examples and sample output to check (the parser found them)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
    expect(outputs.length).toBeGreaterThanOrEqual(1);
  });

  test.each(examples.map((b) => [`example at README.md:${b.line}`, b] as const))('%s runs as it says', (_name, block) => {
    checkTsBlock(block);
  });

  test.each(outputs.map((b) => [`output at README.md:${b.line}`, b] as const))('%s is what the app prints', (_name, block) => {
    checkTextBlock(block);
  });
});

describe('the README example runner', () => {
  test('an example without an expectation fails', () => {
    expect(() => checkTsBlock({ lang: 'ts', code: '', line: 1, expectations: [], tags: [] })).toThrow(/states no outcome/);
  });

  test('an example whose stated error does not happen fails', () => {
    const block = { lang: 'ts', code: 'declare const stream: kinesis.Stream;', line: 1, expectations: ['error ESM201'], tags: [] };
    expect(() => checkTsBlock(block)).toThrow(/expected synth errors not found/);
  });

  test('an example with an unstated warning fails', () => {
    const code = [
      'declare const stream: kinesis.Stream;',
      'declare const fn: lambda.Function;',
      "new StreamEventSourceMapping(this, 'M', { target: fn, source: StreamSource.kinesis(stream), startingPosition: lambda.StartingPosition.LATEST });",
    ].join('\n');
    expect(() => checkTsBlock({ lang: 'ts', code, line: 1, expectations: ['synth ok'], tags: [] })).toThrow(/unexpected warnings/);
    expect(() => checkTsBlock({ lang: 'ts', code, line: 1, expectations: ['synth ok', 'warning ESM804'], tags: [] })).not.toThrow();
  });

  test('a template expectation compares values', () => {
    const code = [
      'declare const stream: kinesis.Stream;',
      'declare const fn: lambda.Function;',
      "new StreamEventSourceMapping(this, 'M', { target: fn, source: StreamSource.kinesis(stream), startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 2, batchSize: 7 });",
    ].join('\n');
    const block = (json: string) => ({ lang: 'ts', code, line: 1, expectations: ['synth ok', `template AWS::Lambda::EventSourceMapping ${json}`], tags: [] });
    expect(() => checkTsBlock(block('{"BatchSize":7,"MaximumRetryAttempts":2}'))).not.toThrow();
    expect(() => checkTsBlock(block('{"BatchSize":8}'))).toThrow();
  });

  test('a type the runner cannot build fails with what to add', () => {
    expect(() => withDeclaredValues('declare const bucket: s3.Bucket;')).toThrow('add s3.Bucket to test/readme/declared-values.ts');
  });

  test('a logical-id expectation names a resource of the template', () => {
    const code = [
      'declare const stream: kinesis.Stream;',
      'declare const fn: lambda.Function;',
      "new StreamEventSourceMapping(this, 'M', { target: fn, source: StreamSource.kinesis(stream), startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 2 });",
    ].join('\n');
    const block = (id: string) => ({ lang: 'ts', code, line: 1, expectations: ['synth ok', `logical-id AWS::Lambda::EventSourceMapping ${id}`], tags: [] });
    expect(() => checkTsBlock(block('M38C90C7F'))).not.toThrow();
    expect(() => checkTsBlock(block('M00000000'))).toThrow();
  });

  test('an unknown expectation fails', () => {
    expect(() => parseExpectation('prints hello')).toThrow(/unknown expectation/);
  });
});
