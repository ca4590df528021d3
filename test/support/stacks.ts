import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/** The environment of every test stack, so ARNs and regions are concrete where a test needs them. */
export const ENV = { account: '123456789012', region: 'us-east-1' };
export const STREAM_ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders';
export const DDB_STREAM_ARN = 'arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000';

/** What Lambda needs on a Kinesis stream, in the order the grants render them. */
export const KINESIS_READ = [
  'kinesis:DescribeStream',
  'kinesis:DescribeStreamSummary',
  'kinesis:GetRecords',
  'kinesis:GetShardIterator',
  'kinesis:ListShards',
];

/** A stack `Stack` in its own app, with a function `Fn` (inline code, so templates never vary). */
export function newStack() {
  const app = new App();
  const stack = new Stack(app, 'Stack', { env: ENV });
  const fn = new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => {};'),
  });
  return { app, stack, fn };
}
