// A consumer of the packed package (test/package/run.sh installs the tarball beside this file): it type-checks
// under consumer/tsconfig.json's strictest flags, synthesizes, and prints one line per check, then
// `N passed, M failed`.
import * as assert from 'node:assert/strict';
import { App, Aspects, Duration, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { StreamEventSourceMapping, StreamEventSourceMappingChecks, StreamSource, StreamSourceKind } from 'cdk-stream-event-source-mapping';

process.env['CDK_VALIDATION'] = 'false';

const fn = (scope: Construct, id: string): lambda.Function => new lambda.Function(scope, id, {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => ({ batchItemFailures: [] });'),
});

class OrdersStack extends Stack {
  public readonly mapping: StreamEventSourceMapping;
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const orders = new kinesis.Stream(this, 'Orders');
    this.mapping = new StreamEventSourceMapping(this, 'OrdersToProcessor', {
      target: fn(this, 'Processor'),
      source: StreamSource.kinesis(orders),
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 500,
      maxBatchingWindow: Duration.seconds(5),
      retryAttempts: 5,
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(new sqs.Queue(this, 'FailedBatches')),
    });
  }
}

let passed = 0;
let failed = 0;
function check(name: string, body: () => void): void {
  try {
    body();
    passed += 1;
    console.log(`ok   ${name}`);
  } catch (error: unknown) {
    failed += 1;
    console.log(`FAIL ${name}\n${error instanceof Error ? error.message : String(error)}`);
  }
}
function synthError(app: App): string {
  try {
    app.synth();
  } catch (error: unknown) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('synth succeeded; expected it to fail');
}

check('a valid mapping synthesizes with its properties', () => {
  const app = new App();
  const stack = new OrdersStack(app, 'Orders');
  const template = Template.fromStack(stack);
  const mappings = template.findResources('AWS::Lambda::EventSourceMapping');
  assert.deepEqual(Object.keys(mappings), ['OrdersToProcessor140B534B']);
  const properties = mappings['OrdersToProcessor140B534B']?.['Properties'];
  assert.deepEqual(properties, {
    FunctionName: { Ref: 'Processor60228016' },
    EventSourceArn: { 'Fn::GetAtt': ['OrdersA9B65338', 'Arn'] },
    StartingPosition: 'TRIM_HORIZON',
    BatchSize: 500,
    MaximumBatchingWindowInSeconds: 5,
    MaximumRetryAttempts: 5,
    FunctionResponseTypes: ['ReportBatchItemFailures'],
    DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['FailedBatches983C92EC', 'Arn'] } } },
  });
  assert.equal(stack.resolve(stack.mapping.eventSourceMappingId).Ref, 'OrdersToProcessor140B534B');
  assert.equal(stack.mapping.source.kind, StreamSourceKind.KINESIS_STREAM);
});

check('AT_TIMESTAMP on a DynamoDB stream fails synth with ESM103 and the construct path', () => {
  const app = new App();
  const stack = new Stack(app, 'Bad');
  // Imported, not `new dynamodb.Table(...)`: under exactOptionalPropertyTypes aws-cdk-lib's own Table class is not
  // assignable to its ITable (tableStreamArn), for aws-cdk-lib's DynamoEventSource as much as for StreamSource.dynamoDb.
  const table = dynamodb.Table.fromTableAttributes(stack, 'Table', {
    tableName: 'customers',
    tableStreamArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/customers/stream/2026-01-01T00:00:00.000',
  });
  new StreamEventSourceMapping(stack, 'Replay', {
    target: fn(stack, 'Fn'),
    source: StreamSource.dynamoDb(table),
    startingPosition: lambda.StartingPosition.AT_TIMESTAMP,
    startingPositionTimestamp: 1767225600,
  });
  const message = synthError(app);
  assert.match(message, /^Validation failed with the following errors:\n {2}\[Bad\/Replay\] ESM103: startingPosition \(StartingPosition\) is not supported for a DynamoDB stream, got "AT_TIMESTAMP"/);
});

check('the aspect fails synth with ESM201 for a raw CfnEventSourceMapping with BatchSize 0', () => {
  const app = new App();
  const stack = new Stack(app, 'Raw');
  const stream = new kinesis.Stream(stack, 'Stream');
  new lambda.CfnEventSourceMapping(stack, 'Raw', {
    functionName: fn(stack, 'Fn').functionName,
    eventSourceArn: stream.streamArn,
    startingPosition: 'LATEST',
    batchSize: 0,
  });
  Aspects.of(app).add(new StreamEventSourceMappingChecks());
  assert.match(synthError(app), /\[Raw\/Raw\] ESM201: BatchSize is out of range, got 0; use a whole number from 1 to 10000/);
});

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
