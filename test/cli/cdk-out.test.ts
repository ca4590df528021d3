import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { buildCli, Cli } from './support';
import { StreamEventSourceMappingChecks } from '../../lib';

process.env.CDK_VALIDATION = 'false';

let cli: Cli;
let outdir: string;
let bareOutdir: string;

const STREAM_ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders';

/**
 * An app without the aspect (so synth succeeds): mappings in a stack, a nested stack and a stage. With `cdkSynth`,
 * the path and asset metadata that `cdk synth` turns on.
 */
function synthApp(dir: string, cdkSynth: boolean): void {
  const context = cdkSynth ? { 'aws:cdk:enable-path-metadata': true, 'aws:cdk:enable-asset-metadata': true } : {};
  const app = new App({ outdir: dir, context });
  const stack = new Stack(app, 'Orders');
  new lambda.CfnEventSourceMapping(stack, 'Raw', { functionName: 'orders', eventSourceArn: STREAM_ARN, startingPosition: 'LATEST', maximumRecordAgeInSeconds: 30, maximumRetryAttempts: 3 });
  const risky = new lambda.CfnEventSourceMapping(stack, 'Risky', { functionName: 'audit', eventSourceArn: STREAM_ARN, startingPosition: 'LATEST' });
  StreamEventSourceMappingChecks.acknowledge(risky, 'ESM804', 'records are idempotent');
  const nested = new NestedStack(stack, 'Nested');
  new lambda.CfnEventSourceMapping(nested, 'Deep', { functionName: 'orders', eventSourceArn: STREAM_ARN, startingPosition: 'AT_TIMESTAMP', maximumRetryAttempts: 3 });
  const stage = new Stage(app, 'Prod');
  const staged = new Stack(stage, 'Billing');
  new lambda.CfnEventSourceMapping(staged, 'Staged', { functionName: 'orders', eventSourceArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/Bills', startingPosition: 'LATEST', maximumRetryAttempts: 3 });
  app.synth();
}

beforeAll(() => {
  cli = buildCli();
  outdir = mkdtempSync(join(tmpdir(), 'esm-cdk-out-'));
  synthApp(outdir, true);
  bareOutdir = mkdtempSync(join(tmpdir(), 'esm-cdk-out-'));
  synthApp(bareOutdir, false);
}, 120_000);

afterAll(() => {
  cli.dispose();
  rmSync(outdir, { recursive: true, force: true });
  rmSync(bareOutdir, { recursive: true, force: true });
});

describe('the check command on a cdk.out directory', () => {
  test('every stack template is judged (nested stacks and stages too), findings carry the construct path, CDK acknowledgements hold', () => {
    const result = cli.run(['check', '--groups', 'all', '.'], { cwd: outdir });
    expect(result.stderr).toBe('');
    expect(result.stdout.replace(/[0-9A-F]{8}\.(nested\.)?template/g, 'XXXXXXXX.$1template')).toBe([
      'Orders.template.json:8:5: ESM204 error: MaximumRecordAgeInSeconds is below the 60-second minimum (values from 0 to 59 are not allowed), got 30; use -1 (unlimited) or a whole number from 60 to 604800 seconds [Orders/Raw]',
      'OrdersNestedXXXXXXXX.nested.template.json:5:4: ESM104 error: StartingPositionTimestamp is required when StartingPosition is AT_TIMESTAMP, got nothing; set startingPositionTimestamp to the Unix time in seconds to start reading from [Orders/Nested/Deep]',
      'assembly-Prod/ProdBillingXXXXXXXX.template.json:6:5: ESM302 error: EventSourceArn is a DynamoDB table ARN, not the ARN of its stream, got "arn:aws:dynamodb:us-east-1:123456789012:table/Bills"; use an ARN of the form arn:<partition>:dynamodb:<region>:<12-digit account>:table/<table name>/stream/<stream label> [Prod/Billing/Staged]',
      '4 stream mappings checked (0 other skipped): 3 errors, 0 warnings',
      '',
    ].join('\n'));
    expect(result.status).toBe(1);
  });

  test('without path and asset metadata, construct paths come from the manifest and nested templates are still found', () => {
    const result = cli.run(['check', '--format', 'json', '--groups', 'all', bareOutdir]);
    const findings = (JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; path: string | null }> }).findings;
    expect(findings.map((f) => [f.ruleId, f.path])).toEqual([['ESM204', 'Orders/Raw'], ['ESM104', null], ['ESM302', 'Prod/Billing/Staged']]);
    expect(result.status).toBe(1);
  });
});
