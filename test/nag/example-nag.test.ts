import { mkdtempSync, readFileSync, existsSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { OrdersPipelineStack } from '../../example/orders-pipeline-stack';

process.env.CDK_VALIDATION = 'false';

const FUNCTIONS = ['OrderProcessor', 'AnalyticsAggregator', 'CustomerSync'];
const BASIC_EXECUTION_ROLE = 'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';

/**
 * Acknowledges a cdk-nag v3 rule, or one finding of it (`AwsSolutions-IAM5[Resource::*]`), on a construct and
 * everything under it. cdk-nag 3 reads the acknowledgements `Validations.of(scope).acknowledge()` records; that
 * method rejects an ID with `::` beyond a prefix (aws-cdk-lib 2.263), which cdk-nag's finding IDs contain
 * (`Resource::*`, `Policy::arn:...`), so those are recorded as acknowledge() records them.
 */
function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (id.includes('::')) {
    scope.node.addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, { [id]: reason });
  } else {
    Validations.of(scope).acknowledge({ id, reason });
  }
}

/** The findings a reviewer accepts for this app, each with its reason, on the resources they concern. */
function acknowledgeReviewedFindings(stack: Stack): void {
  const at = (p: string) => p.split('/').reduce<IConstruct>((scope, id) => scope.node.findChild(id), stack);

  acknowledge(at('FailedBatches/Resource'), 'AwsSolutions-SQS3', 'FailedBatches is itself the dead-letter destination: the stream mappings send the records of failed batches here; a dead-letter queue for it would hold nothing.');
  acknowledge(at('FailedBatches/Resource'), 'Serverless-SQSRedrivePolicy', 'FailedBatches is itself the dead-letter destination of the stream mappings; nothing consumes it automatically, so there is nothing to redrive.');
  acknowledge(at('Orders/Resource'), 'AwsSolutions-KDS3', 'A customer managed key is deliberate: the example shows the mapping granting kms:Decrypt on the stream\'s key.');
  const archiveArn = `<${stack.getLogicalId(at('FailedBatchArchive/Resource') as CfnResource)}.Arn>`;
  for (const fn of FUNCTIONS) {
    acknowledge(at(`${fn}/Resource`), 'Serverless-LambdaDLQ', 'Invoked only by event source mappings, synchronously; a function dead-letter queue receives failed asynchronous invocations only. Failed batches go to each mapping\'s on-failure destination.');
    acknowledge(at(`${fn}/ServiceRole/Resource`), `AwsSolutions-IAM4[${BASIC_EXECUTION_ROLE}]`,
      'AWSLambdaBasicExecutionRole grants only logs:CreateLogGroup, logs:CreateLogStream and logs:PutLogEvents, which every function needs.');
    acknowledge(at(`${fn}/ServiceRole/DefaultPolicy/Resource`), 'AwsSolutions-IAM5[Resource::*]',
      'Resource "*" only for actions without resource-level permissions: xray:PutTraceSegments and xray:PutTelemetryRecords (active tracing) and dynamodb:ListStreams, which Lambda needs to read a table\'s stream (Service Authorization Reference).');
    acknowledge(at(`${fn}/ServiceRole/DefaultPolicy/Resource`), `AwsSolutions-IAM5[Resource::${archiveArn}/*]`,
      'Lambda writes each failed batch to the S3 on-failure destination under an object key it generates, so s3:PutObject is granted on the objects of that one bucket.');
  }
}

/**
 * Synthesizes the app with cdk-nag's AwsSolutions and Serverless packs as validation plugins (cdk-nag 3) and
 * returns every violation of the validation report: `<severity> /<construct path> <rule[finding]>`.
 */
function nagFindings(app: App, verbose: boolean): string[] {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose }), new ServerlessChecks(app, { verbose }));
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const report = path.join(app.outdir, 'validation-report.json');
  try {
    app.synth();
  } catch (error) {
    // A violation fails synth after the report is written; any other error is the test's.
    if (!existsSync(report)) throw error;
  } finally {
    quiet.mockRestore();
    log.mockRestore();
  }
  if (!existsSync(report)) return [];
  const json = JSON.parse(readFileSync(report, 'utf8'));
  return json.pluginReports.flatMap((plugin: any) => plugin.violations.flatMap((violation: any) =>
    violation.violatingConstructs.map((c: any) => `${violation.severity} /${c.constructPath} ${violation.ruleName}`))).sort();
}

function exampleApp(acknowledged: boolean): App {
  const outdir = mkdtempSync(path.join(tmpdir(), 'nag-'));
  const app = new App({ outdir, context: { '@aws-cdk/core:validationReportJson': true } });
  const stack = new OrdersPipelineStack(app, 'OrdersPipeline');
  if (acknowledged) acknowledgeReviewedFindings(stack);
  return app;
}

describe('the example app under cdk-nag 3 (AwsSolutions and Serverless packs)', () => {
  const apps: App[] = [];
  afterAll(() => apps.forEach((app) => rmSync(app.outdir, { recursive: true, force: true })));

  test('reports no unacknowledged error or warning', () => {
    const app = exampleApp(true);
    apps.push(app);
    expect(nagFindings(app, true)).toEqual([]);
  });

  test('every acknowledgement is needed: without them, each reviewed finding is reported', () => {
    const app = exampleApp(false);
    apps.push(app);
    const archive = 'FailedBatchArchive86AD089D';
    expect(nagFindings(app, false)).toEqual([
      ...FUNCTIONS.flatMap((fn) => [
        `error /OrdersPipeline/${fn}/Resource Serverless-LambdaDLQ`,
        `error /OrdersPipeline/${fn}/ServiceRole/DefaultPolicy/Resource AwsSolutions-IAM5[Resource::*]`,
        `error /OrdersPipeline/${fn}/ServiceRole/Resource AwsSolutions-IAM4[${BASIC_EXECUTION_ROLE}]`,
      ]),
      `error /OrdersPipeline/AnalyticsAggregator/ServiceRole/DefaultPolicy/Resource AwsSolutions-IAM5[Resource::<${archive}.Arn>/*]`,
      'error /OrdersPipeline/FailedBatches/Resource AwsSolutions-SQS3',
      'error /OrdersPipeline/FailedBatches/Resource Serverless-SQSRedrivePolicy',
      'warning /OrdersPipeline/Orders/Resource AwsSolutions-KDS3',
    ].sort());
  });
});
