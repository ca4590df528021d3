/**
 * The TypeScript twin of the language consumer apps (test/languages/{python,java,go}).
 *
 * It defines THE reference stack and writes what the other languages must reproduce:
 *   <outdir>/reference.template.json  the template of ReferenceStack
 *   <outdir>/bad-stack.error.txt       the message synth throws for a DynamoDB mapping with AT_TIMESTAMP
 *
 * Run: npx ts-node --prefer-ts-exts test/languages/reference-stack.ts <outdir>
 * Change the stack here and the Python, Java and Go apps fail, because they compare against these files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, CfnOutput, CfnParameter, DefaultStackSynthesizer, Duration, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { StreamEventSourceMapping, StreamSource } from '../../lib';

process.env.CDK_VALIDATION = 'false';

const ENV = { account: '123456789012', region: 'us-east-1' };

function newStack(app: App, id: string): Stack {
  return new Stack(app, id, {
    env: ENV,
    synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
  });
}

function newHandler(stack: Stack): lambda.Function {
  return new lambda.Function(stack, 'Handler', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => {};'),
  });
}

/** THE reference stack; test_reference.py, ReferenceStackTest.java and reference_test.go build the same. */
export function referenceTemplate(): any {
  const app = new App();
  const stack = newStack(app, 'ReferenceStack');
  const handler = newHandler(stack);
  const batchSize = new CfnParameter(stack, 'BatchSize', { type: 'Number', default: 100 });

  // Kinesis stream, AT_TIMESTAMP, token batch size, retries, record age, failure destination, filters.
  const stream = new kinesis.Stream(stack, 'Orders', { shardCount: 1 });
  const dlq = new sqs.Queue(stack, 'Dlq');
  const mapping = new StreamEventSourceMapping(stack, 'OrdersMapping', {
    target: handler,
    source: StreamSource.kinesis(stream),
    startingPosition: lambda.StartingPosition.AT_TIMESTAMP,
    startingPositionTimestamp: 1767225600,
    batchSize: batchSize.valueAsNumber,
    retryAttempts: 3,
    maxRecordAge: Duration.hours(1),
    onFailure: new SqsDlq(dlq),
    filters: [lambda.FilterCriteria.filter({ data: { type: lambda.FilterRule.isEqual('order') } })],
  });

  // Enhanced fan-out consumer.
  const consumer = new kinesis.StreamConsumer(stack, 'OrdersConsumer', { stream, streamConsumerName: 'orders-consumer' });
  new StreamEventSourceMapping(stack, 'ConsumerMapping', {
    target: handler,
    source: StreamSource.kinesisConsumer(consumer),
    startingPosition: lambda.StartingPosition.LATEST,
    bisectBatchOnError: true,
  });

  // DynamoDB stream of a table in the app, and one imported by ARN.
  const table = new dynamodb.Table(stack, 'Table', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
  });
  new StreamEventSourceMapping(stack, 'TableMapping', {
    target: handler,
    source: StreamSource.dynamoDb(table),
    startingPosition: lambda.StartingPosition.TRIM_HORIZON,
    maxBatchingWindow: Duration.seconds(5),
    reportBatchItemFailures: true,
  });
  new StreamEventSourceMapping(stack, 'ImportedTableMapping', {
    target: handler,
    source: StreamSource.fromDynamoDbStreamArn('arn:aws:dynamodb:us-east-1:123456789012:table/Legacy/stream/2026-01-01T00:00:00.000'),
    startingPosition: lambda.StartingPosition.LATEST,
  });

  new CfnOutput(stack, 'OrdersMappingId', { value: mapping.eventSourceMappingId });
  return app.synth().getStackByName('ReferenceStack').template;
}

/** The message synth throws for a DynamoDB stream mapping with AT_TIMESTAMP (ESM103). */
export function badStackError(): string {
  const app = new App();
  const stack = newStack(app, 'BadStack');
  const table = new dynamodb.Table(stack, 'Table', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    stream: dynamodb.StreamViewType.NEW_IMAGE,
  });
  new StreamEventSourceMapping(stack, 'TableMapping', {
    target: newHandler(stack),
    source: StreamSource.dynamoDb(table),
    startingPosition: lambda.StartingPosition.AT_TIMESTAMP,
    startingPositionTimestamp: 1767225600,
  });
  try {
    app.synth();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('BadStack synthesized: AT_TIMESTAMP on a DynamoDB stream must fail synth (ESM103)');
}

if (require.main === module) {
  const outdir = process.argv[2];
  if (!outdir) {
    throw new Error('usage: reference-stack.ts <outdir>');
  }
  fs.mkdirSync(outdir, { recursive: true });
  fs.writeFileSync(path.join(outdir, 'reference.template.json'), JSON.stringify(referenceTemplate(), undefined, 2) + '\n');
  fs.writeFileSync(path.join(outdir, 'bad-stack.error.txt'), badStackError());
}
