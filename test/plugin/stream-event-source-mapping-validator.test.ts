import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, NestedStack, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { RuleGroup, StreamEventSourceMappingChecks, StreamEventSourceMappingValidator } from '../../lib';

process.env.CDK_VALIDATION = 'false';

const ALL_GROUPS = [RuleGroup.AWS_REJECTS, RuleGroup.NOT_VERIFIED, RuleGroup.OPERATIONS];
const STREAM_ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders';
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function outdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'esm-plugin-'));
  dirs.push(dir);
  return dir;
}

/** A stack with a bad mapping, a risky one (ESM804) acknowledged in CDK, and a nested stack with a bad one. */
function build(app: App): void {
  const stack = new Stack(app, 'Orders');
  new lambda.CfnEventSourceMapping(stack, 'Raw', { functionName: 'orders', eventSourceArn: STREAM_ARN, startingPosition: 'LATEST', maximumRecordAgeInSeconds: 30, maximumRetryAttempts: 3 });
  const risky = new lambda.CfnEventSourceMapping(stack, 'Risky', { functionName: 'audit', eventSourceArn: STREAM_ARN, startingPosition: 'LATEST', topics: ['orders'] });
  StreamEventSourceMappingChecks.acknowledge(risky, 'ESM804', 'records are idempotent');
  const nested = new NestedStack(stack, 'Nested');
  new lambda.CfnEventSourceMapping(nested, 'Deep', { functionName: 'orders', eventSourceArn: STREAM_ARN, startingPosition: 'AT_TIMESTAMP', maximumRetryAttempts: 3 });
}

describe('StreamEventSourceMappingValidator', () => {
  test('in App policyValidationBeta1: errors fail synth, every template is judged (nested too), the report names resource, template and property', () => {
    const dir = outdir();
    const app = new App({
      outdir: dir,
      policyValidationBeta1: [new StreamEventSourceMappingValidator({ ruleGroups: ALL_GROUPS })],
      context: { '@aws-cdk/core:validationReportJson': true, 'aws:cdk:enable-path-metadata': true },
    });
    build(app);
    expect(() => app.synth()).toThrow(/ERROR ESM204: MaximumRecordAgeInSeconds is below the 60-second minimum .* \(cdk-stream-event-source-mapping\)/);

    const report = JSON.parse(readFileSync(join(dir, 'policy-validation-report.json'), 'utf-8'));
    expect(report.pluginReports).toHaveLength(1);
    expect(report.pluginReports[0].summary).toEqual({ pluginName: 'cdk-stream-event-source-mapping', status: 'failure' });
    type Resource = { resourceLogicalId: string; templatePath: string; locations: string[]; constructPath?: string };
    type Violation = { ruleName: string; description: string; severity: string; violatingResources: Resource[] };
    const reported: Violation[] = report.pluginReports[0].violations;
    // aws-cdk-lib fills in constructPath from the path metadata itself, and only in some releases (2.215.0 and 2.276.0
    // do, 2.263.0 does not): where it is there, it must name the construct; the rest is what the plugin returned.
    const constructPaths = reported.flatMap((v) => v.violatingResources.map((r) => r.constructPath));
    const expectedPaths = ['Orders/Raw', 'Orders/Risky', 'Orders/Nested/Deep'];
    constructPaths.forEach((path, i) => expect([undefined, expectedPaths[i]]).toContain(path));
    const violations = reported.map((v) => ({
      ruleName: v.ruleName,
      description: v.description,
      severity: v.severity,
      violatingResources: v.violatingResources.map((r) => ({
        resourceLogicalId: r.resourceLogicalId,
        templatePath: r.templatePath,
        locations: r.locations,
      })),
    }));
    const nestedTemplate = (violations[2].violatingResources[0] as { templatePath: string }).templatePath;
    expect(nestedTemplate).toMatch(/^OrdersNested[0-9A-F]{8}\.nested\.template\.json$/);
    expect(violations).toEqual([
      {
        ruleName: 'ESM204',
        description: 'ESM204: MaximumRecordAgeInSeconds is below the 60-second minimum (values from 0 to 59 are not allowed), got 30; use -1 (unlimited) or a whole number from 60 to 604800 seconds',
        severity: 'error',
        violatingResources: [{ resourceLogicalId: 'Raw', templatePath: 'Orders.template.json', locations: ['Properties.MaximumRecordAgeInSeconds'] }],
      },
      {
        ruleName: 'ESM002',
        description: 'ESM002: Topics applies only to other event source types (SQS, Kafka, MQ, DocumentDB), got ["orders"]; remove Topics from this stream mapping',
        severity: 'warning',
        violatingResources: [{ resourceLogicalId: 'Risky', templatePath: 'Orders.template.json', locations: ['Properties.Topics'] }],
      },
      {
        ruleName: 'ESM104',
        description: 'ESM104: StartingPositionTimestamp is required when StartingPosition is AT_TIMESTAMP, got nothing; set startingPositionTimestamp to the Unix time in seconds to start reading from',
        severity: 'error',
        violatingResources: [{ resourceLogicalId: 'Deep', templatePath: nestedTemplate, locations: ['Properties.StartingPositionTimestamp'] }],
      },
    ]);
  });

  test('by default (AWS_REJECTS and NOT_VERIFIED) a template with warnings only passes: success, the warnings listed', () => {
    const dir = outdir();
    const app = new App({ outdir: dir });
    const stack = new Stack(app, 'Orders');
    new lambda.CfnEventSourceMapping(stack, 'Risky', { functionName: 'orders', eventSourceArn: STREAM_ARN, startingPosition: 'LATEST', topics: ['orders'] });
    app.synth();
    const report = new StreamEventSourceMappingValidator().validate({ templatePaths: [join(dir, 'Orders.template.json')], appConstruct: app });
    expect(report.success).toBe(true);
    expect(report.violations.map((v) => [v.ruleName, v.severity])).toEqual([['ESM002', 'warning']]);
  });

  test('a template without stream mappings passes with no violation; a missing template path is skipped', () => {
    const dir = outdir();
    const app = new App({ outdir: dir });
    new sqs.Queue(new Stack(app, 'Empty'), 'Jobs');
    app.synth();
    const validator = new StreamEventSourceMappingValidator();
    expect(validator.validate({ templatePaths: [join(dir, 'Empty.template.json'), join(dir, 'Missing.template.json')], appConstruct: app }))
      .toEqual({ success: true, violations: [] });
    expect(validator.name).toBe('cdk-stream-event-source-mapping');
    expect(validator.ruleIds).toContain('ESM303');
  });
});
