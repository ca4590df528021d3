process.env.CDK_VALIDATION = 'false';

import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { StreamEventSourceMapping, StreamSource, StreamSourceKind } from '../../lib';
import { DDB_STREAM_ARN, ENV, KINESIS_READ, STREAM_ARN, newStack } from '../support/stacks';

const CONSUMER_ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders/consumer/billing:1700000000';
const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const CONSUMER_ACTIONS = ['kinesis:DescribeStreamConsumer', 'kinesis:SubscribeToShard'];
const DDB_READ = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'];
const FN_POLICY = 'FnServiceRoleDefaultPolicyC6A839BF';

function map(stack: Stack, fn: lambda.IFunction, source: StreamSource) {
  return new StreamEventSourceMapping(stack, 'Mapping', {
    target: fn,
    source,
    startingPosition: lambda.StartingPosition.LATEST,
    retryAttempts: 3,
  });
}

/** The statements of the function role's default policy, exactly. */
function roleStatements(stack: Stack): unknown[] {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
  expect(Object.keys(policies)).toEqual([FN_POLICY]);
  return policies[FN_POLICY].Properties.PolicyDocument.Statement;
}

function mappingOf(stack: Stack): any {
  return Object.values(Template.fromStack(stack).findResources('AWS::Lambda::EventSourceMapping'))[0];
}

describe('StreamSource.kinesis', () => {
  test('grants the five read actions on the stream and nothing else for an unencrypted stream', () => {
    const { stack, fn } = newStack();
    const stream = new kinesis.Stream(stack, 'Stream', { encryption: kinesis.StreamEncryption.UNENCRYPTED });
    const source = StreamSource.kinesis(stream);
    map(stack, fn, source);

    expect(source.kind).toBe(StreamSourceKind.KINESIS_STREAM);
    expect(stack.resolve(source.eventSourceArn)).toEqual({ 'Fn::GetAtt': ['Stream790BDEE4', 'Arn'] });
    expect(roleStatements(stack)).toEqual([
      { Action: KINESIS_READ, Effect: 'Allow', Resource: { 'Fn::GetAtt': ['Stream790BDEE4', 'Arn'] } },
    ]);
    expect(mappingOf(stack).DependsOn).toEqual([FN_POLICY]);
  });

  test('an AWS-managed-key stream gets no kms statement', () => {
    const { stack, fn } = newStack();
    const stream = new kinesis.Stream(stack, 'Stream', { encryption: kinesis.StreamEncryption.MANAGED });
    map(stack, fn, StreamSource.kinesis(stream));

    expect(roleStatements(stack)).toEqual([
      { Action: KINESIS_READ, Effect: 'Allow', Resource: { 'Fn::GetAtt': ['Stream790BDEE4', 'Arn'] } },
    ]);
  });

  test('a stream encrypted with a customer managed key adds kms:Decrypt on that key only', () => {
    const { stack, fn } = newStack();
    const key = new kms.Key(stack, 'StreamKey');
    const stream = new kinesis.Stream(stack, 'Stream', { encryption: kinesis.StreamEncryption.KMS, encryptionKey: key });
    map(stack, fn, StreamSource.kinesis(stream));

    expect(roleStatements(stack)).toEqual([
      { Action: KINESIS_READ, Effect: 'Allow', Resource: { 'Fn::GetAtt': ['Stream790BDEE4', 'Arn'] } },
      { Action: 'kms:Decrypt', Effect: 'Allow', Resource: { 'Fn::GetAtt': ['StreamKey9F296F4F', 'Arn'] } },
    ]);
  });

  test('an imported stream with a key grants on the imported ARNs', () => {
    const { stack, fn } = newStack();
    const stream = kinesis.Stream.fromStreamAttributes(stack, 'Stream', {
      streamArn: STREAM_ARN,
      encryptionKey: kms.Key.fromKeyArn(stack, 'Key', KEY_ARN),
    });
    map(stack, fn, StreamSource.kinesis(stream));

    expect(mappingOf(stack).Properties.EventSourceArn).toBe(STREAM_ARN);
    expect(roleStatements(stack)).toEqual([
      { Action: KINESIS_READ, Effect: 'Allow', Resource: STREAM_ARN },
      { Action: 'kms:Decrypt', Effect: 'Allow', Resource: KEY_ARN },
    ]);
  });
});

describe('StreamSource.kinesisConsumer', () => {
  test('grants the stream actions on the stream and the consumer actions on the consumer', () => {
    const { stack, fn } = newStack();
    const stream = new kinesis.Stream(stack, 'Stream', { encryption: kinesis.StreamEncryption.UNENCRYPTED });
    const consumer = new kinesis.StreamConsumer(stack, 'Consumer', { stream, streamConsumerName: 'billing' });
    const source = StreamSource.kinesisConsumer(consumer);
    map(stack, fn, source);

    expect(source.kind).toBe(StreamSourceKind.KINESIS_CONSUMER);
    expect(mappingOf(stack).Properties.EventSourceArn).toEqual({ 'Fn::GetAtt': ['Consumer8D6BE417', 'ConsumerARN'] });
    expect(roleStatements(stack)).toEqual([
      { Action: KINESIS_READ, Effect: 'Allow', Resource: { 'Fn::GetAtt': ['Stream790BDEE4', 'Arn'] } },
      { Action: CONSUMER_ACTIONS, Effect: 'Allow', Resource: { 'Fn::GetAtt': ['Consumer8D6BE417', 'ConsumerARN'] } },
    ]);
    expect(mappingOf(stack).DependsOn).toEqual([FN_POLICY]);
  });

  test('a consumer of a stream with a customer managed key adds kms:Decrypt on the key', () => {
    const { stack, fn } = newStack();
    const stream = new kinesis.Stream(stack, 'Stream', { encryption: kinesis.StreamEncryption.KMS });
    const consumer = new kinesis.StreamConsumer(stack, 'Consumer', { stream, streamConsumerName: 'billing' });
    map(stack, fn, StreamSource.kinesisConsumer(consumer));

    expect(roleStatements(stack)).toEqual([
      { Action: KINESIS_READ, Effect: 'Allow', Resource: { 'Fn::GetAtt': ['Stream790BDEE4', 'Arn'] } },
      { Action: CONSUMER_ACTIONS, Effect: 'Allow', Resource: { 'Fn::GetAtt': ['Consumer8D6BE417', 'ConsumerARN'] } },
      { Action: 'kms:Decrypt', Effect: 'Allow', Resource: { 'Fn::GetAtt': ['StreamKey238BEC37', 'Arn'] } },
    ]);
  });
});

describe('StreamSource.dynamoDb', () => {
  test('grants the stream read actions on the stream ARN and ListStreams on *', () => {
    const { stack, fn } = newStack();
    const table = new dynamodb.Table(stack, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      stream: dynamodb.StreamViewType.NEW_IMAGE,
    });
    const source = StreamSource.dynamoDb(table);
    map(stack, fn, source);

    expect(source.kind).toBe(StreamSourceKind.DYNAMODB_STREAM);
    expect(roleStatements(stack)).toEqual([
      { Action: DDB_READ, Effect: 'Allow', Resource: { 'Fn::GetAtt': ['TableCD117FA1', 'StreamArn'] } },
      { Action: 'dynamodb:ListStreams', Effect: 'Allow', Resource: '*' },
    ]);
    expect(mappingOf(stack).DependsOn).toEqual([FN_POLICY]);
  });

  test('a table encrypted with a customer managed key adds kms:Decrypt on the key', () => {
    const { stack, fn } = newStack();
    const table = new dynamodb.Table(stack, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      stream: dynamodb.StreamViewType.NEW_IMAGE,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
    });
    map(stack, fn, StreamSource.dynamoDb(table));

    expect(roleStatements(stack)).toEqual([
      { Action: DDB_READ, Effect: 'Allow', Resource: { 'Fn::GetAtt': ['TableCD117FA1', 'StreamArn'] } },
      { Action: 'dynamodb:ListStreams', Effect: 'Allow', Resource: '*' },
      { Action: 'kms:Decrypt', Effect: 'Allow', Resource: { 'Fn::GetAtt': ['TableKey25666F95', 'Arn'] } },
    ]);
  });

  test('an imported table with tableStreamArn reads that stream', () => {
    const { stack, fn } = newStack();
    const table = dynamodb.Table.fromTableAttributes(stack, 'Table', {
      tableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
      tableStreamArn: DDB_STREAM_ARN,
    });
    map(stack, fn, StreamSource.dynamoDb(table));

    expect(mappingOf(stack).Properties.EventSourceArn).toBe(DDB_STREAM_ARN);
    expect(roleStatements(stack)).toEqual([
      { Action: DDB_READ, Effect: 'Allow', Resource: DDB_STREAM_ARN },
      { Action: 'dynamodb:ListStreams', Effect: 'Allow', Resource: '*' },
    ]);
  });

  test('a table without a stream has no ARN and fails synth with ESM301 naming its path', () => {
    const { stack, fn } = newStack();
    const table = dynamodb.Table.fromTableName(stack, 'Imported', 'orders');
    const source = StreamSource.dynamoDb(table);
    map(stack, fn, source);

    expect(source.eventSourceArn).toBeUndefined();
    expect(() => Template.fromStack(stack)).toThrow('Validation failed with the following errors:\n'
      + '  [Stack/Mapping] ESM301: source (EventSourceArn) has no stream to read: table Stack/Imported has no DynamoDB stream, got nothing; '
      + 'enable the table\'s stream (stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES), or import the table with tableStreamArn');
  });
});

describe('sources from ARNs', () => {
  test('fromKinesisStreamArn grants the read actions on the ARN, no kms', () => {
    const { stack, fn } = newStack();
    const source = StreamSource.fromKinesisStreamArn(STREAM_ARN);
    map(stack, fn, source);

    expect(source.kind).toBe(StreamSourceKind.KINESIS_STREAM);
    expect(source.eventSourceArn).toBe(STREAM_ARN);
    expect(roleStatements(stack)).toEqual([{ Action: KINESIS_READ, Effect: 'Allow', Resource: STREAM_ARN }]);
  });

  test('fromKinesisConsumerArn puts the stream actions on the stream the consumer ARN names', () => {
    const { stack, fn } = newStack();
    const source = StreamSource.fromKinesisConsumerArn(CONSUMER_ARN);
    map(stack, fn, source);

    expect(source.kind).toBe(StreamSourceKind.KINESIS_CONSUMER);
    expect(mappingOf(stack).Properties.EventSourceArn).toBe(CONSUMER_ARN);
    expect(roleStatements(stack)).toEqual([
      { Action: KINESIS_READ, Effect: 'Allow', Resource: STREAM_ARN },
      { Action: CONSUMER_ACTIONS, Effect: 'Allow', Resource: CONSUMER_ARN },
    ]);
  });

  test('fromKinesisConsumerArn with a token derives the stream ARN with Fn::Split on /consumer/', () => {
    const { stack, fn } = newStack();
    const arn = new CfnParameter(stack, 'ConsumerArn');
    map(stack, fn, StreamSource.fromKinesisConsumerArn(arn.valueAsString));

    expect(roleStatements(stack)).toEqual([
      { Action: KINESIS_READ, Effect: 'Allow', Resource: { 'Fn::Select': [0, { 'Fn::Split': ['/consumer/', { Ref: 'ConsumerArn' }] }] } },
      { Action: CONSUMER_ACTIONS, Effect: 'Allow', Resource: { Ref: 'ConsumerArn' } },
    ]);
  });

  test('fromDynamoDbStreamArn grants the stream read actions on the ARN and ListStreams on *', () => {
    const { stack, fn } = newStack();
    const source = StreamSource.fromDynamoDbStreamArn(DDB_STREAM_ARN);
    map(stack, fn, source);

    expect(source.kind).toBe(StreamSourceKind.DYNAMODB_STREAM);
    expect(roleStatements(stack)).toEqual([
      { Action: DDB_READ, Effect: 'Allow', Resource: DDB_STREAM_ARN },
      { Action: 'dynamodb:ListStreams', Effect: 'Allow', Resource: '*' },
    ]);
  });

  test('fromKinesisConsumerArn with a stream ARN fails synth with ESM302 (and its statements stay on that ARN)', () => {
    const { stack, fn } = newStack();
    const source = StreamSource.fromKinesisConsumerArn(STREAM_ARN);
    const role = new iam.Role(stack, 'Reader', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    source.grantRead(role);
    map(stack, fn, source);

    const message = (() => {
      try {
        Template.fromStack(stack);
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    })();
    expect(message).toBe('Validation failed with the following errors:\n'
      + `  [Stack/Mapping] ESM302: source (EventSourceArn) is a Kinesis data stream ARN where a Kinesis stream consumer ARN was declared, got "${STREAM_ARN}"; `
      + 'use an ARN of the form arn:<partition>:kinesis:<region>:<12-digit account>:stream/<stream name>/consumer/<consumer name>:<creation timestamp>');
    expect(stack.resolve((role.node.findChild('DefaultPolicy') as iam.Policy).document.toJSON())).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Action: KINESIS_READ, Effect: 'Allow', Resource: STREAM_ARN },
        { Action: CONSUMER_ACTIONS, Effect: 'Allow', Resource: STREAM_ARN },
      ],
    });
  });

  test('fromDynamoDbStreamArn with the table ARN fails synth with ESM302', () => {
    const { stack, fn } = newStack();
    map(stack, fn, StreamSource.fromDynamoDbStreamArn('arn:aws:dynamodb:us-east-1:123456789012:table/orders'));

    expect(() => Template.fromStack(stack)).toThrow(
      '[Stack/Mapping] ESM302: source (EventSourceArn) is a DynamoDB table ARN, not the ARN of its stream, got "arn:aws:dynamodb:us-east-1:123456789012:table/orders"; ');
  });

  test('token ARNs pass for every kind', () => {
    for (const from of [StreamSource.fromKinesisStreamArn, StreamSource.fromKinesisConsumerArn, StreamSource.fromDynamoDbStreamArn]) {
      const { stack, fn } = newStack();
      map(stack, fn, from(new CfnParameter(stack, 'Arn').valueAsString));
      expect(mappingOf(stack).Properties.EventSourceArn).toEqual({ Ref: 'Arn' });
    }
  });
});

describe('least privilege', () => {
  test('no source grants a statement on * except dynamodb:ListStreams', () => {
    const statements: any[] = [];
    const build: Array<(stack: Stack) => StreamSource> = [
      (stack) => StreamSource.kinesis(new kinesis.Stream(stack, 'Stream', { encryption: kinesis.StreamEncryption.KMS })),
      (stack) => StreamSource.kinesisConsumer(new kinesis.StreamConsumer(stack, 'Consumer', {
        stream: new kinesis.Stream(stack, 'Stream', { encryption: kinesis.StreamEncryption.KMS }),
        streamConsumerName: 'billing',
      })),
      (stack) => StreamSource.dynamoDb(new dynamodb.Table(stack, 'Table', {
        partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
        stream: dynamodb.StreamViewType.KEYS_ONLY,
        encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      })),
      () => StreamSource.fromKinesisStreamArn(STREAM_ARN),
      () => StreamSource.fromKinesisConsumerArn(CONSUMER_ARN),
      () => StreamSource.fromDynamoDbStreamArn(DDB_STREAM_ARN),
    ];
    for (const source of build) {
      const { stack, fn } = newStack();
      map(stack, fn, source(stack));
      statements.push(...roleStatements(stack));
    }

    expect(statements).toHaveLength(13);
    const onStar = statements.filter((s) => JSON.stringify(s.Resource).includes('*'));
    expect(onStar).toEqual([
      { Action: 'dynamodb:ListStreams', Effect: 'Allow', Resource: '*' },
      { Action: 'dynamodb:ListStreams', Effect: 'Allow', Resource: '*' },
    ]);
    expect(statements.every((s) => s.Effect === 'Allow' && !JSON.stringify(s.Action).includes('*'))).toBe(true);
  });

  test('grantRead on any grantee returns one grant per statement', () => {
    const { stack } = newStack();
    const role = new iam.Role(stack, 'Reader', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const grants = StreamSource.fromDynamoDbStreamArn(DDB_STREAM_ARN).grantRead(role);

    expect(grants).toHaveLength(2);
    expect(grants.every((g) => g.success)).toBe(true);
  });
});
