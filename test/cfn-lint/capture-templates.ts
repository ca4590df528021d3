/**
 * Jest setup for `test/cfn-lint/run.sh`: every template a test synthesizes is written to
 * $CFN_LINT_TEMPLATES_DIR (one file per distinct template), with an index of the tests that made it.
 * Loaded with `jest --setupFilesAfterEnv`; does nothing without the env var.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Stage } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';

const dir = process.env.CFN_LINT_TEMPLATES_DIR;

if (dir) {
  const synth = Stage.prototype.synth;
  Stage.prototype.synth = function capturingSynth(this: Stage, ...args: Parameters<Stage['synth']>): CloudAssembly {
    const assembly = synth.apply(this, args);
    const state = expect.getState();
    const test = `${path.relative(process.cwd(), state.testPath ?? 'unknown')} > ${state.currentTestName ?? '(outside a test)'}`;
    for (const stack of assembly.stacksRecursively) {
      // A stack without resources is no template CloudFormation would deploy (the README runner's host stack,
      // when an example builds its own app): nothing to lint.
      if (Object.keys((stack.template as { Resources?: object }).Resources ?? {}).length === 0) {
        continue;
      }
      const text = JSON.stringify(stack.template, undefined, 1);
      const hash = crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);
      const file = path.join(dir, `${hash}.template.json`);
      if (!fs.existsSync(file)) {
        fs.writeFileSync(file, text);
      }
      fs.appendFileSync(path.join(dir, 'index.tsv'), `${hash}.template.json\t${stack.hierarchicalId}\t${test}\n`);
    }
    return assembly;
  };
}
