/**
 * Writes the rule list of README.md (between the rules markers) and RULES.md from the rule table, so the
 * docs cannot drift from the checks. Runs after every compile; CI fails if it changes a tracked file.
 */
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ALL_KINDS, groupOf, Rule, RULES, RuleSeverity } from '../lib/rules';
import { KIND_NAMES } from '../lib/template/arns';
import { RULE_FAILURE } from '../lib/validation/engine';

const root = join(__dirname, '..');

/** The file of lib/rules that defines each rule, so the docs link every ID to its code. */
const RULE_FILES = new Map<Rule, string>();
for (const file of readdirSync(join(root, 'lib', 'rules')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort()) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- every file of the folder, whatever it is named
  for (const value of Object.values(require(join(root, 'lib', 'rules', file)) as Record<string, unknown>)) {
    if (RULES.includes(value as Rule) && !RULE_FILES.has(value as Rule) && file !== 'index.ts') {
      RULE_FILES.set(value as Rule, `lib/rules/${file}`);
    }
  }
}
const missing = RULES.filter((r) => !RULE_FILES.has(r)).map((r) => r.id);
if (missing.length > 0) {
  throw new Error(`rules not exported by any file of lib/rules: ${missing.join(', ')}`);
}

const appliesTo = (kinds: readonly string[]) =>
  kinds.length === ALL_KINDS.length ? 'all' : kinds.map((k) => KIND_NAMES[k as keyof typeof KIND_NAMES]).join(', ');
const sources = (source: string) => source.split(' ; ').map((url, i) => `[${i + 1}](${url})`).join(' ');
const escape = (text: string) => text.replace(/\|/g, '\\|');

const errors = RULES.filter((r) => r.severity === RuleSeverity.ERROR).length;
const table = [
  `${RULES.length} rules: ${errors} errors (AWS documents the rejection; synth fails) and ${RULES.length - errors} warnings (not verified, or risky; acknowledge by ID).`,
  '',
  `Besides the table, the engine's own ${RULE_FAILURE.id} (${RULE_FAILURE.severity}): a rule that throws is reported with its ID instead of crashing synth ([lib/validation/engine.ts](lib/validation/engine.ts)).`,
  '',
  '| ID | Severity, group | Applies to | Property | Rule | Source |',
  '| --- | --- | --- | --- | --- | --- |',
  ...RULES.map((r) => `| [${r.id}](${RULE_FILES.get(r)}) | ${r.severity}, ${groupOf(r)} | ${appliesTo(r.appliesTo)} | ${escape(r.property)} | ${escape(r.summary)} | ${sources(r.source)} |`),
].join('\n');

writeFileSync(join(root, 'RULES.md'), [
  '# Rules',
  '',
  '<!-- Generated from lib/rules by scripts/rule-docs.ts (npx projen docs:rules). Do not edit. -->',
  '',
  'Every rule judges the `AWS::Lambda::EventSourceMapping` properties as they will be synthesized. Messages read',
  '`RULE-ID: <property> <what is wrong>, got <value>; <what is allowed / how to fix>`, after the construct path.',
  '',
  table,
  '',
].join('\n'));

const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf-8');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
if (readme.includes(start) && readme.includes(end)) {
  const before = readme.slice(0, readme.indexOf(start) + start.length);
  const after = readme.slice(readme.indexOf(end));
  writeFileSync(readmePath, `${before}\n${table}\n${after}`);
}
