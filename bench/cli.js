/**
 * The command's cost: `node bench/cli.js` (needs the compiled lib/cli/main.js: `npx projen compile`).
 * Times `cdk-stream-event-source-mapping check` as a user runs it (a fresh node process each time) on one
 * fixture template and on a cdk.out of 1,000 stream mappings (4 stacks of 250, every third one with a finding),
 * with `node -e 0` as the floor. Prints the median and the range of 7 runs each.
 */
const { execFileSync, spawnSync } = require('child_process');
const { mkdtempSync, rmSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');

process.env.CDK_VALIDATION = 'false';
const root = join(__dirname, '..');
const main = join(root, 'lib', 'cli', 'main.js');
const RUNS = 7;

function synthAssembly(dir, mappings) {
  const { App, Stack } = require('aws-cdk-lib');
  const lambda = require('aws-cdk-lib/aws-lambda');
  const kinesis = require('aws-cdk-lib/aws-kinesis');
  const app = new App({ outdir: dir, context: { 'aws:cdk:enable-path-metadata': true } });
  const perStack = 250;
  for (let s = 0; s < mappings / perStack; s++) {
    const stack = new Stack(app, `Stack${s}`);
    const stream = new kinesis.CfnStream(stack, 'Stream', { shardCount: 1 });
    for (let i = 0; i < perStack; i++) {
      new lambda.CfnEventSourceMapping(stack, `Mapping${i}`, {
        functionName: `fn-${i}`,
        eventSourceArn: stream.attrArn,
        startingPosition: 'LATEST',
        maximumRetryAttempts: 3,
        maximumRecordAgeInSeconds: i % 3 === 0 ? 30 : 3600,
      });
    }
  }
  app.synth();
}

function time(args) {
  const samples = [];
  let status;
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { encoding: 'utf-8' });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    status = result.status;
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(RUNS / 2)], min: samples[0], max: samples[RUNS - 1], status };
}

const dir = mkdtempSync(join(tmpdir(), 'esm-bench-cli-'));
try {
  synthAssembly(dir, 1000);
  const summary = execFileSync(process.execPath, [main, 'check', dir], { encoding: 'utf-8', stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  void summary;
} catch (e) {
  // exit 1: the assembly has error findings by design
  const lines = e.stdout.trim().split('\n');
  console.log(`cdk.out: ${lines[lines.length - 1]}`);
}
const rows = [
  ['node -e 0 (floor)', ['-e', '0']],
  ['check one template (test/fixtures/cfn-stream-mappings.yaml)', [main, 'check', join(root, 'test', 'fixtures', 'cfn-stream-mappings.yaml')]],
  ['check a cdk.out of 1,000 mappings (4 stacks)', [main, 'check', dir]],
  ['the same, --format sarif', [main, 'check', '--format', 'sarif', dir]],
];
for (const [name, args] of rows) {
  const t = time(args);
  console.log(`${name}: median ${t.median.toFixed(0)} ms (${t.min.toFixed(0)}..${t.max.toFixed(0)}), exit ${t.status}`);
}
rmSync(dir, { recursive: true, force: true });
