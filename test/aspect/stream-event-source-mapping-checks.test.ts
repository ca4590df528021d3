import { Annotations, App, Aspects, CfnResource, Duration, Fn, NestedStack, Stack } from 'aws-cdk-lib';
import { Annotations as StackAnnotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, KinesisConsumerEventSource, KinesisEventSource, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { RuleGroup, StreamEventSourceMapping, StreamEventSourceMappingChecks, StreamSource } from '../../lib';

// Many synths: aws-cdk-lib's template validator is exercised by the fuzz suite, not here.
process.env.CDK_VALIDATION = 'false';

const HEADER = 'Validation failed with the following errors:';
const KINESIS_ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders';
const GOV_CONSUMER_ARN = 'arn:aws-us-gov:kinesis:us-gov-west-1:123456789012:stream/orders/consumer/audit:1767225600';

/** The `[path] message` lines of the validation error synth throws; fails the test if synth throws anything else. */
function synthErrors(app: App): string[] {
  try {
    app.synth();
  } catch (e) {
    const message = (e as Error).message;
    expect(message.startsWith(`${HEADER}\n`)).toBe(true);
    return message.slice(HEADER.length + 1).split('\n').map((line) => line.trim());
  }
  return [];
}

/** Warnings of a stack as `[path] message`, in template order. */
function warnings(stack: Stack): string[] {
  return StackAnnotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => `[${w.id.slice(1)}] ${w.entry.data}`);
}

interface Fixture {
  readonly app: App;
  readonly stack: Stack;
  readonly fn: lambda.Function;
  readonly stream: kinesis.Stream;
  readonly consumer: kinesis.StreamConsumer;
  readonly table: dynamodb.Table;
}

function fixture(): Fixture {
  const app = new App();
  const stack = new Stack(app, 'Mixed');
  const fn = new lambda.Function(stack, 'Handler', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({})'),
  });
  const stream = new kinesis.Stream(stack, 'Orders');
  const consumer = new kinesis.StreamConsumer(stack, 'Audit', { stream, streamConsumerName: 'audit' });
  const table = new dynamodb.Table(stack, 'Customers', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
  });
  return { app, stack, fn, stream, consumer, table };
}

/**
 * For tests that map one stream to one function many times to show other rules: Lambda would refuse all but the
 * first (ESM408, test/validation/duplicate-mappings.test.ts).
 */
function allowRepeatedMappings(stack: Stack): void {
  StreamEventSourceMappingChecks.acknowledge(stack, 'ESM408', 'fixture: one stream mapped to one function many times');
}

function logicalId(resource: CfnResource): string {
  return Stack.of(resource).resolve(resource.logicalId);
}

/**
 * One mapping of every origin that is correct, and the mappings the aspect must leave alone (SQS, Kafka, an
 * imported ARN of unknown kind) with values that would break stream rules.
 */
function addGoodAndSkippedMappings({ stack, fn, stream, consumer, table }: Fixture): void {
  allowRepeatedMappings(stack);
  new StreamEventSourceMapping(stack, 'OursGood', {
    target: fn, source: StreamSource.kinesis(stream), startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 3,
  });
  fn.addEventSource(new KinesisEventSource(stream, { startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 3 }));
  fn.addEventSource(new DynamoEventSource(table, { startingPosition: lambda.StartingPosition.TRIM_HORIZON, retryAttempts: 3 }));
  fn.addEventSource(new KinesisConsumerEventSource(consumer, {
    startingPosition: lambda.StartingPosition.AT_TIMESTAMP, startingPositionTimestamp: 1767225600, retryAttempts: 3,
  }));
  new lambda.EventSourceMapping(stack, 'EsmGood', {
    target: fn, eventSourceArn: stream.streamArn, startingPosition: lambda.StartingPosition.TRIM_HORIZON, retryAttempts: 3,
  });
  new lambda.CfnEventSourceMapping(stack, 'RawGood', {
    functionName: fn.functionName,
    eventSourceArn: Fn.getAtt(logicalId(table.node.defaultChild as CfnResource), 'StreamArn').toString(),
    startingPosition: 'LATEST',
    maximumRetryAttempts: 3,
  });
  // Skipped: an SQS queue (no StartingPosition, which ESM101 would require of a stream).
  fn.addEventSource(new SqsEventSource(new sqs.Queue(stack, 'Jobs'), { batchSize: 10 }));
  // Skipped: self-managed Kafka (no EventSourceArn, which ESM301 would require; Topics, which ESM002 warns about).
  new lambda.CfnEventSourceMapping(stack, 'Kafka', {
    functionName: fn.functionName,
    selfManagedEventSource: { endpoints: { kafkaBootstrapServers: ['broker-1.example.com:9092'] } },
    topics: ['orders'],
    startingPosition: 'TRIM_HORIZON',
  });
  // Skipped: a source whose kind cannot be known at synth (no StartingPosition).
  new lambda.CfnEventSourceMapping(stack, 'Imported', { functionName: fn.functionName, eventSourceArn: Fn.importValue('OrdersStreamArn') });
}

describe('StreamEventSourceMappingChecks on a stack mixing every kind of mapping', () => {
  test('one synth reports every broken mapping, with its path, and none of the good or skipped ones', () => {
    const f = fixture();
    const { app, stack, fn, stream, consumer, table } = f;
    addGoodAndSkippedMappings(f);

    new StreamEventSourceMapping(stack, 'OursBad', {
      target: fn, source: StreamSource.kinesis(stream), startingPosition: lambda.StartingPosition.LATEST, batchSize: 0, retryAttempts: 3,
    });
    const kinesisBad = new KinesisEventSource(stream, { startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 3, filters: [{ pattern: 'not json' }] });
    const second = new lambda.Function(stack, 'Second', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('x') });
    second.addEventSource(kinesisBad);
    second.addEventSource(new DynamoEventSource(table, { startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 3, batchSize: 10.5 }));
    new lambda.EventSourceMapping(stack, 'EsmNoPosition', { target: fn, eventSourceArn: KINESIS_ARN, retryAttempts: 3 });

    const dynamoL1 = new lambda.CfnEventSourceMapping(stack, 'RawDynamo', {
      functionName: fn.functionName,
      eventSourceArn: Fn.getAtt(logicalId(table.node.defaultChild as CfnResource), 'StreamArn').toString(),
      startingPosition: 'LATEST',
      maximumRetryAttempts: 3,
    });
    dynamoL1.addPropertyOverride('BatchSize', 0);
    dynamoL1.addPropertyOverride('StartingPosition', 'AT_TIMESTAMP');

    new lambda.CfnEventSourceMapping(stack, 'RawStreamGetAtt', {
      functionName: fn.functionName,
      eventSourceArn: Fn.getAtt(logicalId(stream.node.defaultChild as CfnResource), 'Arn').toString(),
      startingPosition: 'AT_TIMESTAMP',
      maximumRetryAttempts: 3,
    });
    const consumerRef = new lambda.CfnEventSourceMapping(stack, 'RawConsumerRef', {
      functionName: fn.functionName,
      eventSourceArn: Fn.ref(logicalId(consumer.node.defaultChild as CfnResource)),
      startingPosition: 'LATEST',
      maximumRetryAttempts: 3,
    });
    consumerRef.addPropertyOverride('StartingPositionTimestamp', 1767225600);
    const consumerGetAtt = new lambda.CfnEventSourceMapping(stack, 'RawConsumerGetAtt', {
      functionName: fn.functionName,
      eventSourceArn: Fn.getAtt(logicalId(consumer.node.defaultChild as CfnResource), 'ConsumerARN').toString(),
      startingPosition: 'AT_TIMESTAMP',
    });
    consumerGetAtt.addPropertyOverride('MaximumRetryAttempts', 3);
    const govConsumer = new lambda.CfnEventSourceMapping(stack, 'RawGovConsumer', {
      functionName: 'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:audit',
      eventSourceArn: GOV_CONSUMER_ARN,
      startingPosition: 'TRIM_HORIZON',
      maximumRetryAttempts: 3,
    });
    govConsumer.addPropertyOverride('MaximumRecordAgeInSeconds', 30);
    const wrongType = new lambda.CfnEventSourceMapping(stack, 'RawWrongType', {
      functionName: fn.functionName, eventSourceArn: KINESIS_ARN, startingPosition: 'LATEST', maximumRetryAttempts: 3,
    });
    wrongType.addPropertyOverride('BatchSize', 'one hundred');
    const partitions = new lambda.CfnEventSourceMapping(stack, 'RawPartitions', {
      functionName: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:orders',
      eventSourceArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000',
      startingPosition: 'TRIM_HORIZON',
      maximumRetryAttempts: 3,
    });
    partitions.addPropertyOverride('StartingPosition', 'trim_horizon');

    Aspects.of(app).add(new StreamEventSourceMappingChecks());

    expect(synthErrors(app)).toEqual([
      '[Mixed/OursBad] ESM201: batchSize (BatchSize) is out of range, got 0; use a whole number from 1 to 10000',
      '[Mixed/Second/KinesisEventSource:MixedOrdersF2CBD0A7/Resource] ESM603: FilterCriteria.Filters[0].Pattern is not a JSON object, got "not json"; build the pattern with lambda.FilterCriteria.filter({ data: { kind: lambda.FilterRule.isEqual("order") } })',
      '[Mixed/Second/DynamoDBEventSource:MixedCustomersB711AB83/Resource] ESM201: BatchSize must be a whole number, got 10.5; use a whole number from 1 to 10000',
      '[Mixed/EsmNoPosition/Resource] ESM101: StartingPosition is required for a stream source, got nothing; set it to TRIM_HORIZON, LATEST or (Kinesis only) AT_TIMESTAMP',
      '[Mixed/RawDynamo] ESM103: StartingPosition is not supported for a DynamoDB stream, got "AT_TIMESTAMP"; use TRIM_HORIZON or LATEST (AT_TIMESTAMP is for Kinesis streams and consumers only)',
      '[Mixed/RawDynamo] ESM201: BatchSize is out of range, got 0; use a whole number from 1 to 10000',
      '[Mixed/RawStreamGetAtt] ESM104: StartingPositionTimestamp is required when StartingPosition is AT_TIMESTAMP, got nothing; set startingPositionTimestamp to the Unix time in seconds to start reading from',
      '[Mixed/RawConsumerRef] ESM105: StartingPositionTimestamp is only valid with StartingPosition AT_TIMESTAMP, not LATEST, got 1767225600; remove startingPositionTimestamp, or use StartingPosition AT_TIMESTAMP',
      '[Mixed/RawConsumerGetAtt] ESM104: StartingPositionTimestamp is required when StartingPosition is AT_TIMESTAMP, got nothing; set startingPositionTimestamp to the Unix time in seconds to start reading from',
      '[Mixed/RawGovConsumer] ESM204: MaximumRecordAgeInSeconds is below the 60-second minimum (values from 0 to 59 are not allowed), got 30; use -1 (unlimited) or a whole number from 60 to 604800 seconds',
      '[Mixed/RawWrongType] ESM001: BatchSize must be a number, not a string, got "one hundred"; give a number',
      '[Mixed/RawPartitions] ESM102: StartingPosition is not a starting position, got "trim_horizon"; use lambda.StartingPosition.TRIM_HORIZON, LATEST or AT_TIMESTAMP (exact, upper case)',
      '[Mixed/RawPartitions] ESM406: FunctionName is in partition aws-cn but the stream is in aws, got "arn:aws-cn:lambda:cn-north-1:123456789012:function:orders"; map the stream to a function in the same partition',
    ]);
  });

  test('the good and skipped mappings synthesize without errors or warnings, property overrides included', () => {
    const f = fixture();
    addGoodAndSkippedMappings(f);
    Aspects.of(f.app).add(new StreamEventSourceMappingChecks());

    expect(synthErrors(f.app)).toEqual([]);
    expect(warnings(f.stack)).toEqual([]);
    Template.fromStack(f.stack).resourceCountIs('AWS::Lambda::EventSourceMapping', 9);
  });

  test('a StreamEventSourceMapping and a raw mapping are reported once with the aspect on both the app and the stack', () => {
    const { app, stack, fn, stream } = fixture();
    new StreamEventSourceMapping(stack, 'OursBad', {
      target: fn, source: StreamSource.kinesis(stream), startingPosition: lambda.StartingPosition.LATEST, batchSize: 0, retryAttempts: 3,
    });
    new lambda.CfnEventSourceMapping(stack, 'RawBad', { functionName: 'orders', eventSourceArn: KINESIS_ARN, startingPosition: 'LATEST', batchSize: 0, maximumRetryAttempts: 3 });
    Aspects.of(app).add(new StreamEventSourceMappingChecks());
    Aspects.of(stack).add(new StreamEventSourceMappingChecks());

    expect(synthErrors(app)).toEqual([
      '[Mixed/OursBad] ESM201: batchSize (BatchSize) is out of range, got 0; use a whole number from 1 to 10000',
      '[Mixed/RawBad] ESM201: BatchSize is out of range, got 0; use a whole number from 1 to 10000',
    ]);
  });

  test('an override applied after the aspect is added is still judged (the template as synthesized)', () => {
    const { app, stack } = fixture();
    Aspects.of(app).add(new StreamEventSourceMappingChecks());
    const raw = new lambda.CfnEventSourceMapping(stack, 'Raw', { functionName: 'orders', eventSourceArn: KINESIS_ARN, startingPosition: 'LATEST', maximumRetryAttempts: 3 });
    raw.addPropertyOverride('ParallelizationFactor', 11);

    expect(synthErrors(app)).toEqual([
      '[Mixed/Raw] ESM203: ParallelizationFactor is out of range, got 11; use a whole number from 1 to 10',
    ]);
  });
});

describe('kind inference from the EventSourceArn', () => {
  function mappingOn(eventSourceArn: string): App {
    const { app, stack, fn } = fixture();
    new lambda.CfnEventSourceMapping(stack, 'Raw', { functionName: fn.functionName, eventSourceArn, startingPosition: 'AT_TIMESTAMP', maximumRetryAttempts: 3 });
    Aspects.of(app).add(new StreamEventSourceMappingChecks());
    return app;
  }

  test.each([
    ['a Kinesis stream ARN', 'arn:aws:kinesis:us-east-1:123456789012:stream/orders'],
    ['a Kinesis consumer ARN in aws-cn', 'arn:aws-cn:kinesis:cn-north-1:123456789012:stream/orders/consumer/audit:1767225600'],
    ['a Kinesis consumer ARN in aws-us-gov', GOV_CONSUMER_ARN],
  ])('%s is Kinesis: AT_TIMESTAMP without a timestamp is ESM104', (_, arn) => {
    expect(synthErrors(mappingOn(arn))).toEqual([
      '[Mixed/Raw] ESM104: StartingPositionTimestamp is required when StartingPosition is AT_TIMESTAMP, got nothing; set startingPositionTimestamp to the Unix time in seconds to start reading from',
    ]);
  });

  test.each([
    ['aws', 'arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000'],
    ['aws-cn', 'arn:aws-cn:dynamodb:cn-north-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000'],
    ['aws-us-gov', 'arn:aws-us-gov:dynamodb:us-gov-west-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000'],
  ])('a DynamoDB stream ARN in %s is DynamoDB: AT_TIMESTAMP is ESM103', (_, arn) => {
    expect(synthErrors(mappingOn(arn))).toEqual([
      '[Mixed/Raw] ESM103: StartingPosition is not supported for a DynamoDB stream, got "AT_TIMESTAMP"; use TRIM_HORIZON or LATEST (AT_TIMESTAMP is for Kinesis streams and consumers only)',
    ]);
  });

  test('a DynamoDB stream ARN built with Fn::Join from pseudo parameters is DynamoDB', () => {
    const arn = Fn.join('', ['arn:', Fn.ref('AWS::Partition'), ':dynamodb:', Fn.ref('AWS::Region'), ':', Fn.ref('AWS::AccountId'), ':table/orders/stream/2026-01-01T00:00:00.000']);
    expect(synthErrors(mappingOn(arn))).toEqual([
      '[Mixed/Raw] ESM103: StartingPosition is not supported for a DynamoDB stream, got "AT_TIMESTAMP"; use TRIM_HORIZON or LATEST (AT_TIMESTAMP is for Kinesis streams and consumers only)',
    ]);
  });

  test('Fn::GetAtt in its short string form ("Logical.Attribute") from an override is read as well', () => {
    const { app, stack, stream } = fixture();
    const raw = new lambda.CfnEventSourceMapping(stack, 'Raw', { functionName: 'orders', eventSourceArn: KINESIS_ARN, startingPosition: 'LATEST', maximumRetryAttempts: 3 });
    raw.addPropertyOverride('EventSourceArn', { 'Fn::GetAtt': `${logicalId(stream.node.defaultChild as CfnResource)}.Arn` });
    raw.addPropertyOverride('StartingPosition', 'AT_TIMESTAMP');
    Aspects.of(app).add(new StreamEventSourceMappingChecks());

    expect(synthErrors(app)).toEqual([
      '[Mixed/Raw] ESM104: StartingPositionTimestamp is required when StartingPosition is AT_TIMESTAMP, got nothing; set startingPositionTimestamp to the Unix time in seconds to start reading from',
    ]);
  });

  test('a stream in another stack (Fn::ImportValue in the template) is still known by the reference CDK resolved', () => {
    const { app, stack, stream, table } = fixture();
    const consumers = new Stack(app, 'Consumers');
    const fn = new lambda.Function(consumers, 'Handler', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('x') });
    fn.addEventSource(new DynamoEventSource(table, { startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 3, filters: [{ pattern: 'not json' }] }));
    const raw = new lambda.CfnEventSourceMapping(consumers, 'Raw', { functionName: 'orders', eventSourceArn: stream.streamArn, startingPosition: 'AT_TIMESTAMP', maximumRetryAttempts: 3 });
    // An override with an explicit import is not second-guessed: its kind is unknown, so it is skipped.
    const overridden = new lambda.CfnEventSourceMapping(consumers, 'Overridden', { functionName: 'orders', eventSourceArn: stream.streamArn, startingPosition: 'AT_TIMESTAMP' });
    overridden.addPropertyOverride('EventSourceArn', Fn.importValue('SomeOtherStreamArn'));
    Aspects.of(app).add(new StreamEventSourceMappingChecks());

    expect(stack.resolve(raw.eventSourceArn)).toEqual({ 'Fn::GetAtt': [logicalId(stream.node.defaultChild as CfnResource), 'Arn'] });
    expect(synthErrors(app)).toEqual([
      '[Consumers/Handler/DynamoDBEventSource:MixedCustomersB711AB83/Resource] ESM603: FilterCriteria.Filters[0].Pattern is not a JSON object, got "not json"; build the pattern with lambda.FilterCriteria.filter({ data: { kind: lambda.FilterRule.isEqual("order") } })',
      '[Consumers/Raw] ESM104: StartingPositionTimestamp is required when StartingPosition is AT_TIMESTAMP, got nothing; set startingPositionTimestamp to the Unix time in seconds to start reading from',
    ]);
  });

  test('a stream in the parent of a nested stack (a Ref to a nested stack parameter) is known by its reference', () => {
    const { app, stack, consumer } = fixture();
    const nested = new NestedStack(stack, 'Nested');
    const fn = new lambda.Function(nested, 'Handler', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('x') });
    fn.addEventSource(new KinesisConsumerEventSource(consumer, {
      startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 3, batchSize: 1.5,
    }));
    Aspects.of(app).add(new StreamEventSourceMappingChecks());

    expect(synthErrors(app)).toEqual([
      '[Mixed/Nested/Handler/KinesisConsumerEventSource:MixedAudit541D98B2/Resource] ESM201: BatchSize must be a whole number, got 1.5; use a whole number from 1 to 10000',
    ]);
  });

  test('a plain CfnResource of type AWS::Lambda::EventSourceMapping (another library\'s L1) is checked; with an import it is skipped', () => {
    const { app, stack } = fixture();
    new CfnResource(stack, 'Generic', {
      type: 'AWS::Lambda::EventSourceMapping',
      properties: { FunctionName: 'orders', EventSourceArn: KINESIS_ARN, StartingPosition: 'LATEST', BatchSize: 0, MaximumRetryAttempts: 3 },
    });
    new CfnResource(stack, 'GenericImported', {
      type: 'AWS::Lambda::EventSourceMapping',
      properties: { FunctionName: 'orders', EventSourceArn: Fn.importValue('OrdersStreamArn'), BatchSize: 0 },
    });
    Aspects.of(app).add(new StreamEventSourceMappingChecks());

    expect(synthErrors(app)).toEqual([
      '[Mixed/Generic] ESM201: BatchSize is out of range, got 0; use a whole number from 1 to 10000',
    ]);
  });

  /**
   * Mappings the aspect must skip, each valid for its own kind (so cfn-lint passes its template) but with
   * something a stream rule would report: no StartingPosition (ESM101) or a non-stream property (ESM002).
   */
  test.each<[string, lambda.CfnEventSourceMappingProps]>([
    ['Fn::ImportValue', { functionName: 'orders', eventSourceArn: Fn.importValue('OrdersStreamArn') }],
    ['an SQS queue ARN', { functionName: 'orders', eventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:jobs', batchSize: 10 }],
    ['an MSK cluster ARN', { functionName: 'orders', eventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/0b5e8f4a-1c2d-4e3f-9a8b-7c6d5e4f3a2b-1', startingPosition: 'TRIM_HORIZON', topics: ['orders'] }],
    ['an Amazon MQ broker ARN', { functionName: 'orders', eventSourceArn: 'arn:aws:mq:us-east-1:123456789012:broker:orders:b-0b5e8f4a-1c2d-4e3f-9a8b-7c6d5e4f3a2b', queues: ['orders'] }],
    ['a DocumentDB cluster ARN', { functionName: 'orders', eventSourceArn: 'arn:aws:rds:us-east-1:123456789012:cluster:orders', startingPosition: 'LATEST', documentDbEventSourceConfig: { databaseName: 'orders' } }],
  ])('%s is skipped: no stream rule reports an error or a warning', (_, props) => {
    const { app, stack } = fixture();
    new lambda.CfnEventSourceMapping(stack, 'Raw', props);
    Aspects.of(app).add(new StreamEventSourceMappingChecks());

    expect(synthErrors(app)).toEqual([]);
    expect(warnings(stack)).toEqual([]);
  });

  test('Fn::GetAtt of a resource that is not a stream (an SQS queue Arn) is skipped', () => {
    const { app, stack, fn } = fixture();
    const queue = new sqs.Queue(stack, 'Jobs');
    new lambda.CfnEventSourceMapping(stack, 'Raw', { functionName: fn.functionName, eventSourceArn: queue.queueArn, batchSize: 10 });
    Aspects.of(app).add(new StreamEventSourceMappingChecks());

    expect(synthErrors(app)).toEqual([]);
    expect(warnings(stack)).toEqual([]);
  });

  // Until issue 11 these two were skipped; AWS rejects both, so they are judged as the DynamoDB mappings they were meant to be.
  test('Fn::GetAtt of a DynamoDB table Arn (the table, not its stream) fails ESM303, naming StreamArn, and is judged as a DynamoDB mapping', () => {
    const { app, stack, fn, table } = fixture();
    new lambda.CfnEventSourceMapping(stack, 'Raw', { functionName: fn.functionName, eventSourceArn: table.tableArn, startingPosition: 'AT_TIMESTAMP', maximumRetryAttempts: 3 });
    Aspects.of(app).add(new StreamEventSourceMappingChecks());

    expect(synthErrors(app)).toEqual([
      '[Mixed/Raw] ESM103: StartingPosition is not supported for a DynamoDB stream, got "AT_TIMESTAMP"; use TRIM_HORIZON or LATEST (AT_TIMESTAMP is for Kinesis streams and consumers only)',
      '[Mixed/Raw] ESM303: EventSourceArn is the ARN of DynamoDB table Customers6955EA0A (Fn::GetAtt returns the table ARN), not of its stream, got {"Fn::GetAtt":["Customers6955EA0A","Arn"]}; use Fn::GetAtt [Customers6955EA0A, StreamArn], with StreamSpecification set on the table',
    ]);
  });

  test('a literal DynamoDB table ARN (not its stream) fails ESM302 and is judged as a DynamoDB mapping', () => {
    const { app, stack } = fixture();
    new lambda.CfnEventSourceMapping(stack, 'Raw', { functionName: 'orders', eventSourceArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders', startingPosition: 'AT_TIMESTAMP', maximumRetryAttempts: 3 });
    Aspects.of(app).add(new StreamEventSourceMappingChecks());

    expect(synthErrors(app)).toEqual([
      '[Mixed/Raw] ESM103: StartingPosition is not supported for a DynamoDB stream, got "AT_TIMESTAMP"; use TRIM_HORIZON or LATEST (AT_TIMESTAMP is for Kinesis streams and consumers only)',
      '[Mixed/Raw] ESM302: EventSourceArn is a DynamoDB table ARN, not the ARN of its stream, got "arn:aws:dynamodb:us-east-1:123456789012:table/orders"; use an ARN of the form arn:<partition>:dynamodb:<region>:<12-digit account>:table/<table name>/stream/<stream label>',
    ]);
  });

  test('Fn::GetAtt of an S3 bucket and a literal Firehose ARN fail ESM304', () => {
    const { app, stack, fn } = fixture();
    const bucket = new CfnResource(stack, 'Bucket', { type: 'AWS::S3::Bucket' });
    new lambda.CfnEventSourceMapping(stack, 'FromBucket', { functionName: fn.functionName, eventSourceArn: bucket.getAtt('Arn').toString(), startingPosition: 'LATEST', maximumRetryAttempts: 3 });
    new lambda.CfnEventSourceMapping(stack, 'FromFirehose', { functionName: 'orders', eventSourceArn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/orders', startingPosition: 'LATEST', maximumRetryAttempts: 3 });
    Aspects.of(app).add(new StreamEventSourceMappingChecks());

    expect(synthErrors(app)).toEqual([
      '[Mixed/FromBucket] ESM304: EventSourceArn is the ARN of S3 bucket Bucket, which event source mappings do not read, got {"Fn::GetAtt":["Bucket","Arn"]}; give the ARN of a Kinesis stream, Kinesis stream consumer or DynamoDB stream',
      '[Mixed/FromFirehose] ESM304: EventSourceArn is an ARN of service firehose, which event source mappings do not read, got "arn:aws:firehose:us-east-1:123456789012:deliverystream/orders"; give the ARN of a Kinesis stream, Kinesis stream consumer or DynamoDB stream',
    ]);
  });

  test('the same mappings are reported when their source is a stream: the checks above are not vacuous', () => {
    const noPosition = fixture();
    new lambda.CfnEventSourceMapping(noPosition.stack, 'Raw', { functionName: 'orders', eventSourceArn: KINESIS_ARN, maximumRetryAttempts: 3 });
    Aspects.of(noPosition.app).add(new StreamEventSourceMappingChecks());
    expect(synthErrors(noPosition.app)).toEqual([
      '[Mixed/Raw] ESM101: StartingPosition is required for a stream source, got nothing; set it to TRIM_HORIZON, LATEST or (Kinesis only) AT_TIMESTAMP',
    ]);

    const withTopics = fixture();
    new lambda.CfnEventSourceMapping(withTopics.stack, 'Raw', { functionName: 'orders', eventSourceArn: KINESIS_ARN, startingPosition: 'TRIM_HORIZON', topics: ['orders'], maximumRetryAttempts: 3 });
    Aspects.of(withTopics.app).add(new StreamEventSourceMappingChecks());
    expect(warnings(withTopics.stack)).toEqual([
      '[Mixed/Raw] ESM002: Topics applies only to other event source types (SQS, Kafka, MQ, DocumentDB), got ["orders"]; remove Topics from this stream mapping [ack: ESM002]',
    ]);
  });
});

describe('acknowledging', () => {
  test('StreamEventSourceMappingChecks.acknowledge silences one rule on one resource only', () => {
    const { app, stack } = fixture();
    allowRepeatedMappings(stack);
    const quiet = new lambda.CfnEventSourceMapping(stack, 'Quiet', { functionName: 'orders', eventSourceArn: KINESIS_ARN, startingPosition: 'AT_TIMESTAMP', batchSize: 0, maximumRetryAttempts: 3 });
    new lambda.CfnEventSourceMapping(stack, 'Loud', { functionName: 'orders', eventSourceArn: KINESIS_ARN, startingPosition: 'LATEST', batchSize: 0, maximumRetryAttempts: 3 });
    StreamEventSourceMappingChecks.acknowledge(quiet, 'ESM201', 'the batch size is set by a later pipeline step');
    Aspects.of(app).add(new StreamEventSourceMappingChecks());

    expect(synthErrors(app)).toEqual([
      '[Mixed/Quiet] ESM104: StartingPositionTimestamp is required when StartingPosition is AT_TIMESTAMP, got nothing; set startingPositionTimestamp to the Unix time in seconds to start reading from',
      '[Mixed/Loud] ESM201: BatchSize is out of range, got 0; use a whole number from 1 to 10000',
    ]);
  });

  test('the rule ID and the reason are recorded in the cloud assembly, on the construct acknowledged', () => {
    const { app, stack, fn } = fixture();
    // A valid template (cfn-lint lints every test template): the acknowledged warning is ESM804's, unlimited retries.
    const quiet = new lambda.CfnEventSourceMapping(stack, 'Quiet', { functionName: 'orders', eventSourceArn: KINESIS_ARN, startingPosition: 'LATEST' });
    StreamEventSourceMappingChecks.acknowledge(quiet, 'ESM804', 'the handler never fails');
    StreamEventSourceMappingChecks.acknowledge(fn, 'ESM201', 'the batch size is set by a later pipeline step');
    Aspects.of(app).add(new StreamEventSourceMappingChecks());

    const artifact = app.synth().getStackByName(stack.stackName);
    const acknowledgements = artifact.findMetadataByType('cdk-stream-event-source-mapping:acknowledgement').map((entry) => [entry.path, entry.data]);
    expect(acknowledgements).toEqual([
      ['/Mixed/Handler', { ruleId: 'ESM201', reason: 'the batch size is set by a later pipeline step' }],
      ['/Mixed/Quiet', { ruleId: 'ESM804', reason: 'the handler never fails' }],
    ]);
    expect(warnings(stack)).toEqual([]);
  });

  test('acknowledging on a parent covers the mappings that aws-cdk-lib event sources create under it', () => {
    const { app, stack, fn, stream } = fixture();
    fn.addEventSource(new KinesisEventSource(stream, { startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 3, filters: [{ pattern: '[]' }] }));
    StreamEventSourceMappingChecks.acknowledge(fn, 'ESM603', 'pattern is replaced at deploy time');
    Aspects.of(app).add(new StreamEventSourceMappingChecks());

    expect(synthErrors(app)).toEqual([]);
    expect(warnings(stack)).toEqual([]);
  });

  test('a warning on an aws-cdk-lib event source is reported with its ID, and Annotations.acknowledgeWarning silences it', () => {
    const build = (acknowledge: boolean) => {
      const { app, stack, fn, consumer } = fixture();
      fn.addEventSource(new KinesisConsumerEventSource(consumer, {
        startingPosition: lambda.StartingPosition.AT_TIMESTAMP, startingPositionTimestamp: 1767225600000, retryAttempts: 3,
      }));
      if (acknowledge) {
        Annotations.of(fn).acknowledgeWarning('ESM801', 'checked: the timestamp is seconds');
      }
      Aspects.of(app).add(new StreamEventSourceMappingChecks());
      expect(synthErrors(app)).toEqual([]);
      return warnings(stack);
    };

    expect(build(false)).toEqual([
      '[Mixed/Handler/KinesisConsumerEventSource:MixedAudit541D98B2/Resource] ESM801: StartingPositionTimestamp looks like milliseconds, but the unit is seconds, got 1767225600000; divide by 1000 (1767225600) [ack: ESM801]',
    ]);
    expect(build(true)).toEqual([]);
  });

  test('ESM804 on a default KinesisEventSource is an operations warning: hidden by default, shown with RuleGroup.OPERATIONS, acknowledgeable on the stack', () => {
    const build = (acknowledge: boolean, ruleGroups?: RuleGroup[]) => {
      const { app, stack, fn, stream } = fixture();
      fn.addEventSource(new KinesisEventSource(stream, { startingPosition: lambda.StartingPosition.LATEST }));
      if (acknowledge) {
        Annotations.of(stack).acknowledgeWarning('ESM804', 'replays are idempotent; records may block a shard');
      }
      Aspects.of(app).add(new StreamEventSourceMappingChecks({ ruleGroups }));
      expect(synthErrors(app)).toEqual([]);
      return warnings(stack);
    };

    const all = [RuleGroup.AWS_REJECTS, RuleGroup.NOT_VERIFIED, RuleGroup.OPERATIONS];
    expect(build(false, all)).toEqual([
      '[Mixed/Handler/KinesisEventSource:MixedOrdersF2CBD0A7/Resource] ESM804: MaximumRetryAttempts is unlimited, as is MaximumRecordAgeInSeconds, and there is no on-failure destination: a record that keeps failing stalls its shard until it expires from the stream, got "(default: unlimited)"; set retryAttempts or maxRecordAge, and an onFailure destination to keep the failed batches [ack: ESM804]',
    ]);
    expect(build(true, all)).toEqual([]);
    expect(build(false)).toEqual([]);
    expect(build(false, [RuleGroup.OPERATIONS])).toHaveLength(1);
  });

  test('ruleGroups selects what the aspect reports: errors alone, or warnings alone', () => {
    const build = (ruleGroups: RuleGroup[]) => {
      const { app, stack } = fixture();
      // An error cfn-lint's schema lets through (record age 30), since the template synthesizes once errors are filtered.
      const raw = new lambda.CfnEventSourceMapping(stack, 'Raw', { functionName: 'orders', eventSourceArn: KINESIS_ARN, startingPosition: 'LATEST', maximumRecordAgeInSeconds: 30, topics: ['orders'] });
      raw.addPropertyOverride('MaximumRetryAttempts', 3);
      Aspects.of(app).add(new StreamEventSourceMappingChecks({ ruleGroups }));
      return [...synthErrors(app), ...(ruleGroups.includes(RuleGroup.AWS_REJECTS) ? [] : warnings(stack))];
    };
    expect(build([RuleGroup.AWS_REJECTS])).toEqual([
      '[Mixed/Raw] ESM204: MaximumRecordAgeInSeconds is below the 60-second minimum (values from 0 to 59 are not allowed), got 30; use -1 (unlimited) or a whole number from 60 to 604800 seconds',
    ]);
    expect(build([RuleGroup.NOT_VERIFIED])).toEqual([
      '[Mixed/Raw] ESM002: Topics applies only to other event source types (SQS, Kafka, MQ, DocumentDB), got ["orders"]; remove Topics from this stream mapping [ack: ESM002]',
    ]);
  });
});

describe('values that escape hatches put in the template', () => {
  test.each([
    ['BatchSize', 10001, 'ESM201: BatchSize is out of range, got 10001; use a whole number from 1 to 10000'],
    ['MaximumBatchingWindowInSeconds', 300.5, 'ESM202: MaximumBatchingWindowInSeconds must be a whole number of seconds, got 300.5; use a whole number from 0 to 300 seconds'],
    ['MaximumRetryAttempts', -2, 'ESM205: MaximumRetryAttempts is out of range, got -2; use -1 (unlimited) or a whole number from 0 to 10000'],
    ['TumblingWindowInSeconds', 901, 'ESM206: TumblingWindowInSeconds is out of range, got 901; use a whole number from 0 to 900 seconds'],
    ['FunctionResponseTypes', ['ReportBatchItemFailures', 'ReportBatchItemFailures'], 'ESM207: FunctionResponseTypes must be empty or exactly ["ReportBatchItemFailures"], got ["ReportBatchItemFailures","ReportBatchItemFailures"]; use reportBatchItemFailures: true'],
    ['Enabled', 'yes', 'ESM001: Enabled must be a boolean, not a string, got "yes"; give a boolean'],
    ['DestinationConfig.OnSuccess.Destination', 'arn:aws:sqs:us-east-1:123456789012:ok', 'ESM501: DestinationConfig has OnSuccess, which event source mappings do not support, got {"OnSuccess":{"Destination":"arn:aws:sqs:us-east-1:123456789012:ok"}}; keep only OnFailure (onFailure)'],
  ])('override %s to %j fails synth with the CloudFormation name only', (property, value, message) => {
    const { app, stack } = fixture();
    const raw = new lambda.CfnEventSourceMapping(stack, 'Raw', { functionName: 'orders', eventSourceArn: KINESIS_ARN, startingPosition: 'LATEST', maximumRetryAttempts: 3 });
    raw.addPropertyOverride(property, value);
    Aspects.of(app).add(new StreamEventSourceMappingChecks());

    expect(synthErrors(app)).toEqual([`[Mixed/Raw] ${message}`]);
  });

  test('a property deletion is judged: deleting StartingPosition is ESM101', () => {
    const { app, stack, fn, stream } = fixture();
    fn.addEventSource(new KinesisEventSource(stream, {
      startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 3, maxBatchingWindow: Duration.seconds(1),
    }));
    const l1 = fn.node.findAll().find((c): c is lambda.CfnEventSourceMapping => c instanceof lambda.CfnEventSourceMapping)!;
    l1.addPropertyDeletionOverride('StartingPosition');
    Aspects.of(app).add(new StreamEventSourceMappingChecks());

    expect(synthErrors(app)).toEqual([
      '[Mixed/Handler/KinesisEventSource:MixedOrdersF2CBD0A7/Resource] ESM101: StartingPosition is required for a stream source, got nothing; set it to TRIM_HORIZON, LATEST or (Kinesis only) AT_TIMESTAMP',
    ]);
  });
});
