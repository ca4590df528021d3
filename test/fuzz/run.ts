/**
 * Property-based test of the stream mapping rules against aws-cdk-lib's template validator and cfn-lint.
 *
 *   npx ts-node --prefer-ts-exts test/fuzz/run.ts        (or: bash test/fuzz/run.sh, which also installs cfn-lint)
 *
 * Env: FUZZ_SEED (replay a run; default Date.now()), FUZZ_CASES (default 10000), FUZZ_BATCH (cases per
 * template, default 100), FUZZ_COLLECT=1 (report every failure instead of stopping at the first),
 * FUZZ_SHRINK=1 (let fast-check shrink a failing batch), FUZZ_PATH (with FUZZ_SEED: replay only the batch
 * fast-check names in `path`, or batch N of a cfn-lint failure), FUZZ_KEEP=1 (keep the templates),
 * CFN_LINT (the cfn-lint executable; default test/cfn-lint/.venv/bin/cfn-lint).
 *
 * Property, per generated mapping: synth either succeeds, and then aws-cdk-lib's validator (findings as
 * errors) and cfn-lint report no error on the mapping and the template holds every value given; or synth fails
 * with our validation errors only (each `ESM123: ...`). Never another exception.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { FuzzCase, fuzzCase } from './cases';
import { Failure, judgeBatch, REGIONS } from './harness';

const started = Date.now();
// Phase 2 needs aws-cdk-lib's validator: never inherit CDK_VALIDATION=false from the environment.
delete process.env.CDK_VALIDATION;
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const totalCases = Number(process.env.FUZZ_CASES ?? 10000);
const batchSize = Number(process.env.FUZZ_BATCH ?? 100);
const collect = process.env.FUZZ_COLLECT === '1';
const shrink = process.env.FUZZ_SHRINK === '1';
const cfnLint = process.env.CFN_LINT ?? path.join(__dirname, '..', 'cfn-lint', '.venv', 'bin', 'cfn-lint');
const runs = Math.ceil(totalCases / batchSize);

if (!fs.existsSync(cfnLint)) {
  console.error(`fuzz: cfn-lint not found at ${cfnLint}; run bash test/cfn-lint/run.sh (or set CFN_LINT)`);
  process.exit(2);
}

console.log(`fuzz: seed ${seed} (replay: FUZZ_SEED=${seed} FUZZ_CASES=${totalCases} FUZZ_BATCH=${batchSize}), ${runs} batches of ${batchSize}`);

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'esm-fuzz-'));
const lintDir = path.join(workDir, 'lint');
fs.mkdirSync(lintDir);

let cases = 0;
let acceptedCount = 0;
let rejectedCount = 0;
const ruleIds = new Map<string, number>();
const validatorNotes = new Map<string, string>();
const failures: string[] = [];
/** The failing cases (`batch:index`, or the template and logical ID of a cfn-lint finding), for the count. */
const failing = new Set<string>();
/** For cfn-lint's findings: template file -> logical ID -> the case. */
const lintIndex = new Map<string, Map<string, FuzzCase>>();

function caseText(c: FuzzCase | undefined): string {
  return c ? fc.stringify(c) : '(the batch)';
}

function formatFailure(batch: number, region: string, batchCases: readonly FuzzCase[], failure: Failure): string {
  return `batch ${batch} (${region}), case ${failure.index}: ${failure.what}\n    case: ${caseText(batchCases[failure.index])}`;
}

let batch = 0;
const batches = fc.array(fuzzCase, { minLength: batchSize, maxLength: batchSize });
const property = fc.property(fc.constantFrom(...REGIONS), batches, (region, batchCases) => {
  const n = batch++;
  const result = judgeBatch(batchCases, region, workDir);
  cases += batchCases.length;
  acceptedCount += result.accepted.length;
  rejectedCount += result.rejected;
  result.ruleIds.forEach((count, id) => ruleIds.set(id, (ruleIds.get(id) ?? 0) + count));
  result.validatorNotes.forEach((example, key) => validatorNotes.set(key, example));
  if (result.templatePath) {
    const file = path.join(lintDir, `batch-${n}.template.json`);
    fs.copyFileSync(result.templatePath, file);
    fs.rmSync(path.dirname(result.templatePath), { recursive: true, force: true });
    lintIndex.set(file, new Map(result.accepted.map(({ index, logicalId }) => [logicalId, batchCases[index]])));
  }
  const found = result.failures.map((f) => formatFailure(n, region, batchCases, f));
  result.failures.forEach((f) => failing.add(`${n}:${f.index}`));
  if (found.length > 0) {
    if (!collect) {
      throw new Error(found.join('\n'));
    }
    failures.push(...found);
  }
});

let assertError: unknown;
try {
  fc.assert(property, { seed, numRuns: runs, endOnFailure: !shrink, ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}) });
} catch (e) {
  assertError = e;
}
const synthSeconds = (Date.now() - started) / 1000;

interface LintMatch {
  readonly Filename: string;
  readonly Level: string;
  readonly Message: string;
  readonly Location: { readonly Path?: ReadonlyArray<string | number> };
  readonly Rule: { readonly Id: string };
}

// cfn-lint: one invocation over every accepted batch.
const lintStarted = Date.now();
const files = [...lintIndex.keys()];
let matches: LintMatch[] = [];
if (files.length > 0) {
  let output: string;
  try {
    output = execFileSync(cfnLint, ['--format', 'json', '--', ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } catch (e) {
    output = (e as { stdout?: string }).stdout ?? '';
    if (!output.trim().startsWith('[')) {
      throw e;
    }
  }
  matches = JSON.parse(output) as LintMatch[];
}
const lintNotes = new Map<string, string>();
for (const m of matches) {
  const logicalId = m.Location.Path?.[0] === 'Resources' ? String(m.Location.Path[1]) : undefined;
  const c = logicalId ? lintIndex.get(path.resolve(m.Filename))?.get(logicalId) ?? lintIndex.get(m.Filename)?.get(logicalId) : undefined;
  if (m.Rule.Id.startsWith('E')) {
    const batchIndex = /batch-(\d+)\./.exec(m.Filename)?.[1];
    failing.add(`${batchIndex}:${logicalId}`);
    failures.push(`cfn-lint ${m.Rule.Id} in ${path.basename(m.Filename)} ${logicalId ?? ''}: ${m.Message} (replay: FUZZ_SEED=${seed} FUZZ_PATH=${batchIndex})\n    case: ${caseText(c)}`);
  } else if (c) {
    lintNotes.set(`${m.Rule.Id} ${m.Message.replace(/\d+/g, 'N').slice(0, 120)}`, `${path.basename(m.Filename)} ${logicalId}: ${m.Message}`);
  }
}
const lintSeconds = (Date.now() - lintStarted) / 1000;

console.log(`fuzz: ${cases} generated cases (${acceptedCount} accepted, ${rejectedCount} rejected by rule) in ${batch} batches; ${files.length} templates linted`);
console.log(`fuzz: rule IDs seen in rejections: ${[...ruleIds].sort().map(([id, count]) => `${id}×${count}`).join(' ')}`);
for (const [key, example] of [...validatorNotes].sort()) {
  console.log(`fuzz: aws-cdk-lib validator note (not an error) ${key.split(' ')[0]}: ${example}`);
}
for (const [key, example] of [...lintNotes].sort()) {
  console.log(`fuzz: cfn-lint note (not an error) ${key.split(' ')[0]}: ${example}`);
}
console.log(`fuzz: synth + aws-cdk-lib validator ${synthSeconds.toFixed(1)} s, cfn-lint ${lintSeconds.toFixed(1)} s, total ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (process.env.FUZZ_KEEP === '1') {
  console.log(`fuzz: kept ${workDir}`);
} else {
  fs.rmSync(workDir, { recursive: true, force: true });
}

if (assertError !== undefined || failures.length > 0) {
  if (assertError !== undefined) {
    // fast-check's report, without the counterexample (the whole batch; the failing case is printed in the error).
    console.error(String((assertError as Error).message ?? assertError).split('\n').filter((line) => !line.startsWith('Counterexample:')).join('\n'));
    const cause = (assertError as { cause?: unknown }).cause;
    if (cause instanceof Error) {
      failures.unshift(cause.message);
    }
  }
  const distinct = [...new Set(failures)];
  console.error(`fuzz: FAILED (seed ${seed}): ${distinct.length} failures\n${distinct.join('\n')}`);
}
// The last line, in the form .ci/run counts: generated cases that held the property, and those that did not.
console.log(`fuzz: ${cases - failing.size} passed, ${failing.size} failed (seed ${seed})`);
process.exit(assertError !== undefined || failures.length > 0 ? 1 : 0);
