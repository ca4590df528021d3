/**
 * Where our rules and the external validators disagree on what to reject: raw L1 mappings with one wild
 * property (singleFaultL1Case) that our rules reject are synthesized again without the checks, then judged by
 * aws-cdk-lib's validator and cfn-lint. For each rule ID (cases rejected by that rule alone), how many of those
 * cases each validator also rejects.
 *
 *   npx ts-node --prefer-ts-exts test/fuzz/compare.ts      (env FUZZ_SEED, FUZZ_CASES default 2000, CFN_LINT)
 *
 * A report, not a pass/fail test: where the validators accept what a rule rejects, the rule is stricter than the
 * CloudFormation schema (by design for the rows of the constraints reference that the schema does not enforce).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { FuzzCase, singleFaultL1Case } from './cases';
import { judgeBatch, judgeWithoutOurChecks, REGIONS } from './harness';
import { RULES } from '../../lib/rules';

delete process.env.CDK_VALIDATION; // the comparison is with aws-cdk-lib's validator
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const total = Number(process.env.FUZZ_CASES ?? 2000);
const cfnLint = process.env.CFN_LINT ?? path.join(__dirname, '..', 'cfn-lint', '.venv', 'bin', 'cfn-lint');
console.log(`compare: seed ${seed}, ${total} raw L1 cases`);

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'esm-compare-'));
const cases: FuzzCase[] = fc.sample(singleFaultL1Case, { seed, numRuns: total });

interface Judged {
  readonly rules: string[];
  readonly validator: string[];
  cfnLint: string[];
  readonly example: FuzzCase;
}
/** Template file -> logical ID -> the case. */
const byTemplate = new Map<string, Map<string, Judged>>();
const judged: Judged[] = [];

for (let start = 0, b = 0; start < cases.length; start += 100, b++) {
  const batch = cases.slice(start, start + 100);
  const region = REGIONS[b % REGIONS.length];
  const ours = judgeBatch(batch, region, workDir);
  const rejected = [...ours.rejections.keys()];
  const others = judgeWithoutOurChecks(batch, rejected, region, workDir);
  if (!others.templatePath) {
    continue;
  }
  const file = path.join(workDir, `compare-${b}.template.json`);
  fs.copyFileSync(others.templatePath, file);
  const index = new Map<string, Judged>();
  for (const [i, logicalId] of others.logicalIds) {
    const j: Judged = { rules: ours.rejections.get(i) ?? [], validator: others.validator.get(i) ?? [], cfnLint: [], example: batch[i] };
    judged.push(j);
    index.set(logicalId, j);
  }
  byTemplate.set(file, index);
}

let output: string;
try {
  output = execFileSync(cfnLint, ['--format', 'json', '--', ...byTemplate.keys()], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
} catch (e) {
  output = (e as { stdout?: string }).stdout ?? '[]';
}
for (const m of JSON.parse(output) as Array<{ Filename: string; Level: string; Location: { Path?: Array<string | number> }; Rule: { Id: string } }>) {
  const j = m.Location.Path?.[0] === 'Resources' ? byTemplate.get(m.Filename)?.get(String(m.Location.Path[1])) : undefined;
  if (j) {
    j.cfnLint.push(m.Rule.Id);
  }
}

interface Row {
  n: number;
  readonly validator: Map<string, number>;
  readonly cfnLint: Map<string, number>;
  neither: number;
  /** The values of the rule's property in the cases that neither validator rejects. */
  readonly neitherValues: Set<string>;
}
const table = new Map<string, Row>();
for (const j of judged.filter((x) => x.rules.length === 1)) {
  const row: Row = table.get(j.rules[0]) ?? { n: 0, validator: new Map(), cfnLint: new Map(), neither: 0, neitherValues: new Set() };
  row.n++;
  const validatorErrors = j.validator.filter((v) => v.endsWith('(error)'));
  const lintErrors = j.cfnLint.filter((id) => id.startsWith('E'));
  validatorErrors.forEach((v) => row.validator.set(v, (row.validator.get(v) ?? 0) + 1));
  lintErrors.forEach((id) => row.cfnLint.set(id, (row.cfnLint.get(id) ?? 0) + 1));
  if (validatorErrors.length === 0 && lintErrors.length === 0) {
    row.neither++;
    const property = RULES.find((r) => r.id === j.rules[0])?.property.split('.')[0] ?? '';
    if (j.example.origin === 'l1') {
      const value = j.example.viaOverrides[property] ?? j.example.viaProps[property];
      row.neitherValues.add(fc.stringify(value).slice(0, 80));
    }
  }
  table.set(j.rules[0], row);
}
const counts = (m: Map<string, number>) => [...m].map(([k, v]) => `${k}×${v}`).join(' ') || '-';
for (const [rule, row] of [...table].sort()) {
  console.log(`compare: ${rule}: ${row.n} cases rejected by it alone; aws-cdk-lib validator errors: ${counts(row.validator)}; cfn-lint errors: ${counts(row.cfnLint)}; neither rejects: ${row.neither}`);
  if (row.neitherValues.size > 0) {
    console.log(`    values neither rejects: ${[...row.neitherValues].slice(0, 12).join(' | ')}`);
  }
}
fs.rmSync(workDir, { recursive: true, force: true });
