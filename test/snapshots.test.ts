process.env.CDK_VALIDATION = 'false';

import { App, DefaultStackSynthesizer, Duration, Stack, Tags } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { StreamEventSourceMapping, StreamSource } from '../lib';

function newStack(id: string) {
  const app = new App();
  const stack = new Stack(app, id, {
    env: { account: '123456789012', region: 'us-east-1' },
    synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
  });
  const fn = new lambda.Function(stack, 'Handler', {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ batchItemFailures: [] });'),
  });
  return { stack, fn };
}

/** The template without anything that depends on the CDK version or bootstrap. */
function snapshotOf(stack: Stack): Record<string, unknown> {
  const template = Template.fromStack(stack).toJSON();
  delete template.Parameters?.BootstrapVersion;
  delete template.Rules?.CheckBootstrapVersion;
  for (const key of ['Parameters', 'Rules']) {
    if (template[key] && Object.keys(template[key]).length === 0) {
      delete template[key];
    }
  }
  return template;
}

test('Kinesis stream with every option', () => {
  const { stack, fn } = newStack('KinesisEverything');
  const stream = new kinesis.Stream(stack, 'Orders', { encryption: kinesis.StreamEncryption.KMS, shardCount: 2 });
  const alias = new lambda.Alias(stack, 'Live', { aliasName: 'live', version: fn.currentVersion });
  const mapping = new StreamEventSourceMapping(stack, 'OrdersMapping', {
    target: alias,
    source: StreamSource.kinesis(stream),
    startingPosition: lambda.StartingPosition.AT_TIMESTAMP,
    startingPositionTimestamp: 1700000000,
    batchSize: 500,
    maxBatchingWindow: Duration.seconds(10),
    parallelizationFactor: 2,
    maxRecordAge: Duration.hours(6),
    retryAttempts: 5,
    bisectBatchOnError: true,
    reportBatchItemFailures: true,
    tumblingWindow: Duration.seconds(60),
    onFailure: new sources.SqsDlq(new sqs.Queue(stack, 'Failed', { encryption: sqs.QueueEncryption.KMS })),
    filters: [lambda.FilterCriteria.filter({ data: { type: lambda.FilterRule.isEqual('created') } })],
    filterEncryption: new kms.Key(stack, 'FilterKey'),
    metricsConfig: { metrics: [lambda.MetricType.EVENT_COUNT] },
    enabled: true,
  });
  Tags.of(mapping).add('team', 'orders');
  mapping.metricIteratorAge().createAlarm(stack, 'Behind', { threshold: 60_000, evaluationPeriods: 3 });

  Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  expect(snapshotOf(stack)).toMatchSnapshot();
});

test('Kinesis consumer with an S3 failure destination', () => {
  const { stack, fn } = newStack('ConsumerS3');
  const stream = new kinesis.Stream(stack, 'Orders', { encryption: kinesis.StreamEncryption.UNENCRYPTED });
  const consumer = new kinesis.StreamConsumer(stack, 'Billing', { stream, streamConsumerName: 'billing' });
  new StreamEventSourceMapping(stack, 'BillingMapping', {
    target: fn,
    source: StreamSource.kinesisConsumer(consumer),
    startingPosition: lambda.StartingPosition.TRIM_HORIZON,
    retryAttempts: 10,
    maxRecordAge: Duration.days(1),
    onFailure: new sources.S3OnFailureDestination(new s3.Bucket(stack, 'FailedBatches')),
  });

  Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  expect(snapshotOf(stack)).toMatchSnapshot();
});

test('DynamoDB stream with an SQS failure destination', () => {
  const { stack, fn } = newStack('DynamoDbSqs');
  const table = new dynamodb.Table(stack, 'Orders', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
    encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
  });
  new StreamEventSourceMapping(stack, 'OrdersMapping', {
    target: fn,
    source: StreamSource.dynamoDb(table),
    startingPosition: lambda.StartingPosition.LATEST,
    batchSize: 100,
    retryAttempts: 2,
    bisectBatchOnError: true,
    reportBatchItemFailures: true,
    onFailure: new sources.SqsDlq(new sqs.Queue(stack, 'Failed')),
    filters: [lambda.FilterCriteria.filter({ eventName: lambda.FilterRule.isEqual('INSERT') })],
  });

  Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  expect(snapshotOf(stack)).toMatchSnapshot();
});

test('the snapshots carry no bootstrap version and no asset', () => {
  const { stack } = newStack('Plain');
  const template = snapshotOf(stack);

  expect(template.Parameters).toBeUndefined();
  expect(template.Rules).toBeUndefined();
  expect(JSON.stringify(template)).not.toContain('AssetParameters');
  expect(JSON.stringify(template)).not.toContain('cdk-hnb659fds-assets');
});
