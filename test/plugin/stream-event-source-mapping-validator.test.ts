import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { isAbsolute, join, relative } from 'path';
import { App, IPolicyValidationContextBeta1, NestedStack, Stack } from 'aws-cdk-lib';
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
    // A failed validation throws in current releases; older ones (2.215.0) log "Validation failed" and set
    // process.exitCode = 1 instead (reset here, or jest would exit 1 with every test passed). Either way synth fails.
    const exitCodeBefore = process.exitCode;
    let thrown: Error | undefined;
    try {
      app.synth();
    } catch (error) {
      thrown = error as Error;
    }
    const exitCode = process.exitCode;
    process.exitCode = exitCodeBefore;
    if (thrown) {
      expect(thrown.message).toMatch(/ERROR ESM204: MaximumRecordAgeInSeconds is below the 60-second minimum .* \(cdk-stream-event-source-mapping\)/);
    } else {
      expect(exitCode).toBe(1);
    }

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
        // relative to the cloud assembly in current releases' report, absolute in older ones (2.215.0)
        templatePath: isAbsolute(r.templatePath) ? relative(dir, r.templatePath) : r.templatePath,
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

  test('without the app in the context (aws-cdk-lib 2.215.0 passes template paths only), acknowledgements are read from the cloud assembly\'s manifest', () => {
    const dir = outdir();
    // acknowledgements are matched by the template's aws:cdk:path, which the cdk CLI turns on (context set here)
    const app = new App({ outdir: dir, context: { 'aws:cdk:enable-path-metadata': true } });
    build(app);
    const other = new Stack(app, 'Audit');
    const audited = new lambda.CfnEventSourceMapping(other, 'Replay', { functionName: 'audit', eventSourceArn: STREAM_ARN, startingPosition: 'LATEST' });
    StreamEventSourceMappingChecks.acknowledge(other, 'ESM804', 'the whole stack replays idempotently');
    app.synth();
    const templatePaths = [join(dir, 'Orders.template.json'), join(dir, 'Audit.template.json')];
    const judged = (context: unknown) => new StreamEventSourceMappingValidator({ ruleGroups: ALL_GROUPS })
      .validate(context as IPolicyValidationContextBeta1).violations.map((v) => `${v.ruleName} ${v.violatingResources[0].resourceLogicalId}`);
    // ESM804 acknowledged on Orders/Risky and, through its stack, on Audit/Replay: not reported, tree or manifest.
    const expected = ['ESM204 Raw', 'ESM002 Risky', 'ESM104 Deep'];
    expect(judged({ templatePaths, appConstruct: app })).toEqual(expected);
    expect(judged({ templatePaths })).toEqual(expected);
    expect(audited.node.path).toBe('Audit/Replay');
    // Without the manifest nothing records the acknowledgements: both ESM804 findings come back.
    rmSync(join(dir, 'manifest.json'));
    expect(judged({ templatePaths }).sort()).toEqual(['ESM002 Risky', 'ESM104 Deep', 'ESM204 Raw', 'ESM804 Replay', 'ESM804 Risky']);
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
