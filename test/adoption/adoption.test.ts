/**
 * Adopting a mapping deployed through aws-cdk-lib (README "Adopting an existing mapping"): the
 * StreamEventSourceMapping that replaces it keeps its logical ID and its properties, so CloudFormation updates the
 * mapping in place and Lambda keeps its position in the stream. Grants may differ (least privilege).
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, KinesisConsumerEventSource, KinesisEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { StreamEventSourceMapping, StreamSource } from '../../lib';

process.env.CDK_VALIDATION = 'false';

interface Parts {
  readonly stack: Stack;
  readonly fn: lambda.Function;
  readonly stream: kinesis.Stream;
  readonly consumer: kinesis.StreamConsumer;
  readonly table: dynamodb.Table;
  readonly queue: sqs.Queue;
}

/** The same app twice: once with aws-cdk-lib's mapping, once with the adopted one. */
function mappings(build: (parts: Parts) => void): Record<string, any> {
  const app = new App();
  const stack = new Stack(app, 'Orders', { env: { account: '123456789012', region: 'us-east-1' } });
  const stream = new kinesis.Stream(stack, 'Stream');
  const parts: Parts = {
    stack,
    fn: new lambda.Function(stack, 'Processor', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => {};'),
    }),
    stream,
    consumer: new kinesis.StreamConsumer(stack, 'Consumer', { stream, streamConsumerName: 'analytics' }),
    table: new dynamodb.Table(stack, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
    }),
    queue: new sqs.Queue(stack, 'FailedBatches'),
  };
  build(parts);
  const resources = app.synth().getStackByName('Orders').template.Resources as Record<string, any>;
  return Object.fromEntries(Object.entries(resources)
    .filter(([, resource]) => resource.Type === 'AWS::Lambda::EventSourceMapping')
    .map(([logicalId, resource]) => [logicalId, resource.Properties]));
}

const FILTER = lambda.FilterCriteria.filter({ data: { type: lambda.FilterRule.isEqual('order') } });

describe('adopting a mapping keeps its logical ID and properties', () => {
  test('fn.addEventSource(new KinesisEventSource(stream, ...)), every stream setting', () => {
    const before = mappings(({ fn, stream, queue }) => fn.addEventSource(new KinesisEventSource(stream, {
      startingPosition: lambda.StartingPosition.AT_TIMESTAMP,
      startingPositionTimestamp: 1767225600,
      maxBatchingWindow: Duration.seconds(5),
      parallelizationFactor: 2,
      retryAttempts: 5,
      maxRecordAge: Duration.hours(6),
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      tumblingWindow: Duration.minutes(1),
      onFailure: new SqsDlq(queue),
      filters: [FILTER],
      metricsConfig: { metrics: [lambda.MetricType.EVENT_COUNT] },
      enabled: false,
    })));
    const after = mappings(({ fn, stream, queue }) => new StreamEventSourceMapping(fn, StreamEventSourceMapping.idOfKinesisEventSource(stream), {
      target: fn,
      source: StreamSource.kinesis(stream),
      startingPosition: lambda.StartingPosition.AT_TIMESTAMP,
      startingPositionTimestamp: 1767225600,
      batchSize: 100, // KinesisEventSource's default, written to the template
      maxBatchingWindow: Duration.seconds(5),
      parallelizationFactor: 2,
      retryAttempts: 5,
      maxRecordAge: Duration.hours(6),
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      tumblingWindow: Duration.minutes(1),
      onFailure: new SqsDlq(queue),
      filters: [FILTER],
      metricsConfig: { metrics: [lambda.MetricType.EVENT_COUNT] },
      enabled: false,
    }));
    expect(Object.keys(before)).toEqual(['ProcessorKinesisEventSourceOrdersStreamC5CC543301197D2E']);
    expect(after).toEqual(before);
    expect(before.ProcessorKinesisEventSourceOrdersStreamC5CC543301197D2E).toEqual({
      FunctionName: { Ref: 'Processor60228016' },
      EventSourceArn: { 'Fn::GetAtt': ['Stream790BDEE4', 'Arn'] },
      StartingPosition: 'AT_TIMESTAMP',
      StartingPositionTimestamp: 1767225600,
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 5,
      ParallelizationFactor: 2,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 21600,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      TumblingWindowInSeconds: 60,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['FailedBatches983C92EC', 'Arn'] } } },
      FilterCriteria: { Filters: [{ Pattern: '{"data":{"type":["order"]}}' }] },
      MetricsConfig: { Metrics: ['EventCount'] },
      Enabled: false,
    });
  });

  test('fn.addEventSource(new KinesisEventSource(stream, ...)), defaults only: BatchSize 100 must be set', () => {
    const before = mappings(({ fn, stream }) =>
      fn.addEventSource(new KinesisEventSource(stream, { startingPosition: lambda.StartingPosition.LATEST })));
    const adopted = (batchSize?: number) => mappings(({ fn, stream }) =>
      new StreamEventSourceMapping(fn, StreamEventSourceMapping.idOfKinesisEventSource(stream), {
        target: fn,
        source: StreamSource.kinesis(stream),
        startingPosition: lambda.StartingPosition.LATEST,
        batchSize,
      }));
    expect(adopted(100)).toEqual(before);
    // Without it, the logical ID stays but the template drops BatchSize: an update, and a change the adopter did not mean.
    expect(Object.keys(adopted(undefined))).toEqual(Object.keys(before));
    expect(adopted(undefined)).not.toEqual(before);
  });

  test('fn.addEventSource(new DynamoEventSource(table, ...))', () => {
    const before = mappings(({ fn, table, queue }) => fn.addEventSource(new DynamoEventSource(table, {
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 50,
      retryAttempts: 10,
      maxRecordAge: Duration.days(1),
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(queue),
    })));
    const after = mappings(({ fn, table, queue }) => new StreamEventSourceMapping(fn, StreamEventSourceMapping.idOfDynamoEventSource(table), {
      target: fn,
      source: StreamSource.dynamoDb(table),
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 50,
      retryAttempts: 10,
      maxRecordAge: Duration.days(1),
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(queue),
    }));
    expect(Object.keys(before)).toEqual(['ProcessorDynamoDBEventSourceOrdersTableC3D8F3FA24D43A31']);
    expect(after).toEqual(before);
  });

  test('fn.addEventSource(new KinesisConsumerEventSource(consumer, ...))', () => {
    const before = mappings(({ fn, consumer }) => fn.addEventSource(new KinesisConsumerEventSource(consumer, {
      startingPosition: lambda.StartingPosition.LATEST,
      retryAttempts: 3,
    })));
    const after = mappings(({ fn, consumer }) => new StreamEventSourceMapping(fn, StreamEventSourceMapping.idOfKinesisConsumerEventSource(consumer), {
      target: fn,
      source: StreamSource.kinesisConsumer(consumer),
      startingPosition: lambda.StartingPosition.LATEST,
      batchSize: 100,
      retryAttempts: 3,
    }));
    expect(Object.keys(before)).toEqual(['ProcessorKinesisConsumerEventSourceOrdersConsumerE3CFC40723030FB0']);
    expect(after).toEqual(before);
  });

  test('new lambda.EventSourceMapping(scope, id, ...): the same scope and ID', () => {
    const before = mappings(({ stack, fn, stream }) => new lambda.EventSourceMapping(stack, 'OrdersToProcessor', {
      target: fn,
      eventSourceArn: stream.streamArn,
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 500,
      retryAttempts: 5,
    }));
    const after = mappings(({ stack, fn, stream }) => new StreamEventSourceMapping(stack, 'OrdersToProcessor', {
      target: fn,
      source: StreamSource.kinesis(stream),
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 500,
      retryAttempts: 5,
    }));
    expect(Object.keys(before)).toEqual(['OrdersToProcessor140B534B']);
    expect(after).toEqual(before);
  });

  test('the ID helpers return the IDs aws-cdk-lib gives its event sources\' mappings', () => {
    const app = new App();
    const stack = new Stack(app, 'Orders');
    const fn = new lambda.Function(stack, 'Processor', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('x') });
    const stream = new kinesis.Stream(stack, 'Stream');
    const consumer = new kinesis.StreamConsumer(stack, 'Consumer', { stream, streamConsumerName: 'analytics' });
    const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, stream: dynamodb.StreamViewType.KEYS_ONLY });
    fn.addEventSource(new KinesisEventSource(stream, { startingPosition: lambda.StartingPosition.LATEST }));
    fn.addEventSource(new KinesisConsumerEventSource(consumer, { startingPosition: lambda.StartingPosition.LATEST }));
    fn.addEventSource(new DynamoEventSource(table, { startingPosition: lambda.StartingPosition.LATEST }));
    const created = fn.node.children.filter((child) => child instanceof lambda.EventSourceMapping).map((child) => child.node.id);
    expect(created).toEqual([
      StreamEventSourceMapping.idOfKinesisEventSource(stream),
      StreamEventSourceMapping.idOfKinesisConsumerEventSource(consumer),
      StreamEventSourceMapping.idOfDynamoEventSource(table),
    ]);
    expect(created[0]).toMatch(/^KinesisEventSource:OrdersStream[0-9A-F]{8}$/);
  });
});
