/**
 * The app behind the sample error output at the top of README.md (its ```text block names this module): two
 * mappings of a stack `Orders`, with every violation the sample shows. `output()` is the message synth fails with.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { StreamEventSourceMapping, StreamSource } from '../../lib';

/** 65 characters: one more than a function name may have. */
export const AUDIT_FUNCTION_NAME = 'orders-audit-trail-writer-for-the-compliance-archive-in-eu-west-1';

export function output(): string {
  const app = new App();
  const stack = new Stack(app, 'Orders');
  const table = new dynamodb.Table(stack, 'Table', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
  });
  const processor = new lambda.Function(stack, 'Processor', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => {};'),
  });
  new StreamEventSourceMapping(stack, 'Replay', {
    target: processor,
    source: StreamSource.dynamoDb(table),
    startingPosition: lambda.StartingPosition.AT_TIMESTAMP,
    startingPositionTimestamp: 1767225600,
    batchSize: 0,
    retryAttempts: 3,
  });
  new StreamEventSourceMapping(stack, 'Audit', {
    target: lambda.Function.fromFunctionName(stack, 'AuditWriter', AUDIT_FUNCTION_NAME),
    source: StreamSource.dynamoDb(table),
    startingPosition: lambda.StartingPosition.LATEST,
    retryAttempts: 3,
  });
  try {
    app.synth();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('the sample app synthesized; it must fail');
}
