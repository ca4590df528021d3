import { App, Aspects, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, NagPackSuppression, NagSuppressions, ServerlessChecks } from 'cdk-nag';
import { OrdersPipelineStack } from '../../example/orders-pipeline-stack';

process.env.CDK_VALIDATION = 'false';

const NAG = Match.stringLikeRegexp('AwsSolutions-.*|Serverless-.*');
const FUNCTIONS = ['OrderProcessor', 'AnalyticsAggregator', 'CustomerSync'];

/** The findings a reviewer accepts for this app, each with its reason, on the resources they concern. */
function suppressReviewedFindings(stack: Stack): void {
  const on = (path: string, suppressions: NagPackSuppression[]) =>
    NagSuppressions.addResourceSuppressionsByPath(stack, `/${stack.stackName}/${path}`, suppressions);

  on('FailedBatches/Resource', [
    { id: 'AwsSolutions-SQS3', reason: 'FailedBatches is itself the dead-letter destination: the stream mappings send the records of failed batches here; a dead-letter queue for it would hold nothing.' },
    { id: 'Serverless-SQSRedrivePolicy', reason: 'FailedBatches is itself the dead-letter destination of the stream mappings; nothing consumes it automatically, so there is nothing to redrive.' },
  ]);
  on('Orders/Resource', [
    { id: 'AwsSolutions-KDS3', reason: 'A customer managed key is deliberate: the example shows the mapping granting kms:Decrypt on the stream\'s key.' },
  ]);
  for (const fn of FUNCTIONS) {
    on(`${fn}/Resource`, [
      { id: 'Serverless-LambdaDLQ', reason: 'Invoked only by event source mappings, synchronously; a function dead-letter queue receives failed asynchronous invocations only. Failed batches go to each mapping\'s on-failure destination.' },
    ]);
    on(`${fn}/ServiceRole/Resource`, [
      {
        id: 'AwsSolutions-IAM4',
        reason: 'AWSLambdaBasicExecutionRole grants only logs:CreateLogGroup, logs:CreateLogStream and logs:PutLogEvents, which every function needs.',
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
      },
    ]);
    on(`${fn}/ServiceRole/DefaultPolicy/Resource`, [
      {
        id: 'AwsSolutions-IAM5',
        reason: 'Resource "*" only for actions without resource-level permissions: xray:PutTraceSegments and xray:PutTelemetryRecords (active tracing) and dynamodb:ListStreams, which Lambda needs to read a table\'s stream (Service Authorization Reference).',
        appliesTo: ['Resource::*'],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason: 'Lambda writes each failed batch to the S3 on-failure destination under an object key it generates, so s3:PutObject is granted on the objects of that one bucket.',
        appliesTo: [{ regex: '/^Resource::<FailedBatchArchive[0-9A-F]{8}\\.Arn>\\/\\*$/g' }],
      },
    ]);
  }
}

describe('the example app under cdk-nag (AwsSolutions and Serverless packs)', () => {
  const app = new App();
  const stack = new OrdersPipelineStack(app, 'OrdersPipeline');
  suppressReviewedFindings(stack);
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
  Aspects.of(app).add(new ServerlessChecks({ verbose: true }));
  const findings = (messages: ReturnType<Annotations['findError']>) => messages.map((m) => `${m.id}: ${String(m.entry.data).split('\n')[0]}`);

  test('reports no unsuppressed error', () => {
    expect(findings(Annotations.fromStack(stack).findError('*', NAG))).toEqual([]);
  });

  test('reports no unsuppressed warning', () => {
    expect(findings(Annotations.fromStack(stack).findWarning('*', NAG))).toEqual([]);
  });

  test('every suppression is needed: without them, each reviewed finding is reported', () => {
    const bare = new App();
    const unsuppressed = new OrdersPipelineStack(bare, 'OrdersPipeline');
    Aspects.of(bare).add(new AwsSolutionsChecks());
    Aspects.of(bare).add(new ServerlessChecks());
    const annotations = Annotations.fromStack(unsuppressed);
    const rules = new Set([...annotations.findError('*', NAG), ...annotations.findWarning('*', NAG)]
      .map((m) => `${m.id} ${/^(AwsSolutions|Serverless)-[A-Za-z0-9]+/.exec(String(m.entry.data))?.[0]}`));
    expect([...rules]).toEqual(expect.arrayContaining([
      '/OrdersPipeline/AnalyticsAggregator/Resource Serverless-LambdaDLQ',
      '/OrdersPipeline/AnalyticsAggregator/ServiceRole/DefaultPolicy/Resource AwsSolutions-IAM5',
      '/OrdersPipeline/AnalyticsAggregator/ServiceRole/Resource AwsSolutions-IAM4',
      '/OrdersPipeline/CustomerSync/Resource Serverless-LambdaDLQ',
      '/OrdersPipeline/CustomerSync/ServiceRole/DefaultPolicy/Resource AwsSolutions-IAM5',
      '/OrdersPipeline/CustomerSync/ServiceRole/Resource AwsSolutions-IAM4',
      '/OrdersPipeline/FailedBatches/Resource AwsSolutions-SQS3',
      '/OrdersPipeline/FailedBatches/Resource Serverless-SQSRedrivePolicy',
      '/OrdersPipeline/OrderProcessor/Resource Serverless-LambdaDLQ',
      '/OrdersPipeline/OrderProcessor/ServiceRole/Resource AwsSolutions-IAM4',
      '/OrdersPipeline/Orders/Resource AwsSolutions-KDS3',
    ]));
  });
});
