process.env.CDK_VALIDATION = 'false';

import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { StreamEventSourceMapping, StreamSource } from '../../lib';
import { bindFailureDestination } from '../../lib/construct/failure-destination';
import { ENV, STREAM_ARN, newStack } from '../support/stacks';

const FN_POLICY = 'FnServiceRoleDefaultPolicyC6A839BF';
const KINESIS_READ_STATEMENT = {
  Action: [
    'kinesis:DescribeStream',
    'kinesis:DescribeStreamSummary',
    'kinesis:GetRecords',
    'kinesis:GetShardIterator',
    'kinesis:ListShards',
  ],
  Effect: 'Allow',
  Resource: STREAM_ARN,
};

function map(stack: Stack, target: lambda.IFunction, onFailure: lambda.IEventSourceDlq) {
  return new StreamEventSourceMapping(stack, 'Mapping', {
    target,
    source: StreamSource.fromKinesisStreamArn(STREAM_ARN),
    startingPosition: lambda.StartingPosition.LATEST,
    retryAttempts: 3,
    onFailure,
  });
}

/** Every IAM policy of the stack; the function's role must hold the only one. */
function roleStatements(stack: Stack): any[] {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
  expect(Object.keys(policies)).toEqual([FN_POLICY]);
  return policies[FN_POLICY].Properties.PolicyDocument.Statement;
}

function mapping(stack: Stack): any {
  return Object.values(Template.fromStack(stack).findResources('AWS::Lambda::EventSourceMapping'))[0];
}

function allActions(statements: any[]): string[] {
  return statements.flatMap((s) => ([] as string[]).concat(s.Action));
}

describe('SqsDlq', () => {
  test('grants only sqs:SendMessage on the queue, not aws-cdk-lib\'s GetQueueAttributes and GetQueueUrl', () => {
    const { stack, fn } = newStack();
    const queue = new sqs.Queue(stack, 'Dlq', { encryption: sqs.QueueEncryption.SQS_MANAGED });
    map(stack, fn, new sources.SqsDlq(queue));

    const statements = roleStatements(stack);
    expect(statements).toEqual([
      KINESIS_READ_STATEMENT,
      { Action: 'sqs:SendMessage', Effect: 'Allow', Resource: { 'Fn::GetAtt': ['DlqD1FAA4AD', 'Arn'] } },
    ]);
    expect(allActions(statements)).not.toContain('sqs:GetQueueAttributes');
    expect(allActions(statements)).not.toContain('sqs:GetQueueUrl');
    expect(mapping(stack).Properties.DestinationConfig).toEqual({ OnFailure: { Destination: { 'Fn::GetAtt': ['DlqD1FAA4AD', 'Arn'] } } });
    expect(mapping(stack).DependsOn).toEqual([FN_POLICY]);
  });

  test('a KMS queue adds kms:Decrypt and kms:GenerateDataKey on its key, not Encrypt or ReEncrypt', () => {
    const { stack, fn } = newStack();
    const key = new kms.Key(stack, 'QueueKey');
    const queue = new sqs.Queue(stack, 'Dlq', { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: key });
    map(stack, fn, new sources.SqsDlq(queue));

    const statements = roleStatements(stack);
    expect(statements).toEqual([
      KINESIS_READ_STATEMENT,
      { Action: 'sqs:SendMessage', Effect: 'Allow', Resource: { 'Fn::GetAtt': ['DlqD1FAA4AD', 'Arn'] } },
      { Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Effect: 'Allow', Resource: { 'Fn::GetAtt': ['QueueKey8E59F72C', 'Arn'] } },
    ]);
    expect(allActions(statements).filter((a) => /Encrypt|GenerateDataKey\*/.test(a))).toEqual([]);
  });

  test('the key policy of the queue\'s key is left alone', () => {
    const { stack, fn } = newStack();
    const key = new kms.Key(stack, 'QueueKey');
    map(stack, fn, new sources.SqsDlq(new sqs.Queue(stack, 'Dlq', { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: key })));

    const keyPolicy = Template.fromStack(stack).findResources('AWS::KMS::Key').QueueKey8E59F72C.Properties.KeyPolicy;
    expect(keyPolicy.Statement).toHaveLength(1);
    expect(keyPolicy.Statement[0].Action).toBe('kms:*');
  });
});

describe('SnsDlq', () => {
  test('grants only sns:Publish on the topic', () => {
    const { stack, fn } = newStack();
    const topic = new sns.Topic(stack, 'Failures');
    map(stack, fn, new sources.SnsDlq(topic));

    expect(roleStatements(stack)).toEqual([
      KINESIS_READ_STATEMENT,
      { Action: 'sns:Publish', Effect: 'Allow', Resource: { Ref: 'Failures8A3E1A2F' } },
    ]);
    expect(mapping(stack).Properties.DestinationConfig).toEqual({ OnFailure: { Destination: { Ref: 'Failures8A3E1A2F' } } });
  });

  test('a topic with a customer managed key adds kms:Decrypt and kms:GenerateDataKey on the key', () => {
    const { stack, fn } = newStack();
    const key = new kms.Key(stack, 'TopicKey');
    map(stack, fn, new sources.SnsDlq(new sns.Topic(stack, 'Failures', { masterKey: key })));

    expect(roleStatements(stack)).toEqual([
      KINESIS_READ_STATEMENT,
      { Action: 'sns:Publish', Effect: 'Allow', Resource: { Ref: 'Failures8A3E1A2F' } },
      { Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Effect: 'Allow', Resource: { 'Fn::GetAtt': ['TopicKeyB2E0C9CB', 'Arn'] } },
    ]);
  });
});

describe('S3OnFailureDestination', () => {
  test('grants s3:PutObject on bucket/* and s3:ListBucket on the bucket, and nothing else', () => {
    const { stack, fn } = newStack();
    const bucket = new s3.Bucket(stack, 'Failures');
    map(stack, fn, new sources.S3OnFailureDestination(bucket));

    const statements = roleStatements(stack);
    expect(statements).toEqual([
      KINESIS_READ_STATEMENT,
      { Action: 's3:PutObject', Effect: 'Allow', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Failures8A3E1A2F', 'Arn'] }, '/*']] } },
      { Action: 's3:ListBucket', Effect: 'Allow', Resource: { 'Fn::GetAtt': ['Failures8A3E1A2F', 'Arn'] } },
    ]);
    // aws-cdk-lib's S3OnFailureDestination asks for grantReadWrite: none of that may reach the role.
    const s3Actions = allActions(statements).filter((a) => a.startsWith('s3:'));
    expect(s3Actions).toEqual(['s3:PutObject', 's3:ListBucket']);
    for (const absent of ['s3:DeleteObject*', 's3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:PutObjectLegalHold', 's3:Abort*', 's3:PutObjectTagging']) {
      expect(allActions(statements)).not.toContain(absent);
    }
    expect(mapping(stack).Properties.DestinationConfig).toEqual({ OnFailure: { Destination: { 'Fn::GetAtt': ['Failures8A3E1A2F', 'Arn'] } } });
    expect(mapping(stack).DependsOn).toEqual([FN_POLICY]);
  });

  test('a KMS bucket adds kms:GenerateDataKey on its key only', () => {
    const { stack, fn } = newStack();
    const key = new kms.Key(stack, 'BucketKey');
    map(stack, fn, new sources.S3OnFailureDestination(new s3.Bucket(stack, 'Failures', { encryption: s3.BucketEncryption.KMS, encryptionKey: key })));

    expect(roleStatements(stack)).toEqual([
      KINESIS_READ_STATEMENT,
      { Action: 's3:PutObject', Effect: 'Allow', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Failures8A3E1A2F', 'Arn'] }, '/*']] } },
      { Action: 's3:ListBucket', Effect: 'Allow', Resource: { 'Fn::GetAtt': ['Failures8A3E1A2F', 'Arn'] } },
      { Action: 'kms:GenerateDataKey', Effect: 'Allow', Resource: { 'Fn::GetAtt': ['BucketKey7092080A', 'Arn'] } },
    ]);
  });

  test('an imported bucket grants on its ARN', () => {
    const { stack, fn } = newStack();
    map(stack, fn, new sources.S3OnFailureDestination(s3.Bucket.fromBucketArn(stack, 'Failures', 'arn:aws:s3:::failed-batches')));

    expect(roleStatements(stack)).toEqual([
      KINESIS_READ_STATEMENT,
      { Action: 's3:PutObject', Effect: 'Allow', Resource: 'arn:aws:s3:::failed-batches/*' },
      { Action: 's3:ListBucket', Effect: 'Allow', Resource: 'arn:aws:s3:::failed-batches' },
    ]);
  });
});

describe('destinations and roles', () => {
  test('no destination grants a statement on *', () => {
    const statements: any[] = [];
    const destinations: Array<(stack: Stack) => lambda.IEventSourceDlq> = [
      (stack) => new sources.SqsDlq(new sqs.Queue(stack, 'Dlq', { encryption: sqs.QueueEncryption.KMS })),
      (stack) => new sources.SnsDlq(new sns.Topic(stack, 'Failures', { masterKey: new kms.Key(stack, 'TopicKey') })),
      (stack) => new sources.S3OnFailureDestination(new s3.Bucket(stack, 'Failures', { encryption: s3.BucketEncryption.KMS })),
    ];
    for (const destination of destinations) {
      const { stack, fn } = newStack();
      map(stack, fn, destination(stack));
      statements.push(...roleStatements(stack));
    }

    expect(statements).toHaveLength(10);
    expect(statements.filter((s) => JSON.stringify(s.Resource).includes('"*"'))).toEqual([]);
  });

  test('the destination binds to the target\'s role only through the mapping: nothing else is granted to the role', () => {
    const { stack, fn } = newStack();
    const queue = new sqs.Queue(stack, 'Dlq');
    map(stack, fn, new sources.SqsDlq(queue));

    // aws-cdk-lib's grantSendMessages would also have changed the queue policy for a cross-account role.
    Template.fromStack(stack).resourceCountIs('AWS::SQS::QueuePolicy', 0);
    expect(roleStatements(stack)).toHaveLength(2);
  });

  test('a destination of another kind keeps the statements its own grant asked for', () => {
    const { stack, fn } = newStack();
    const custom: lambda.IEventSourceDlq = {
      bind: (_target, handler) => {
        handler.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({
          actions: ['events:PutEvents'],
          resources: ['arn:aws:events:us-east-1:123456789012:event-bus/failures'],
        }));
        handler.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['cloudwatch:PutMetricData'], resources: ['*'] }));
        return { destination: 'arn:aws:events:us-east-1:123456789012:event-bus/failures' };
      },
    };
    map(stack, fn, custom);

    expect(roleStatements(stack)).toEqual([
      KINESIS_READ_STATEMENT,
      { Action: 'events:PutEvents', Effect: 'Allow', Resource: 'arn:aws:events:us-east-1:123456789012:event-bus/failures' },
      { Action: 'cloudwatch:PutMetricData', Effect: 'Allow', Resource: '*' },
    ]);
  });

  test('bindFailureDestination records through a principal that grants nothing itself', () => {
    const { stack, fn } = newStack();
    const key = new kms.Key(stack, 'QueueKey');
    const queue = new sqs.Queue(stack, 'Dlq', { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: key });
    const mappingStub = StreamEventSourceMapping.fromEventSourceMappingId(stack, 'Existing', 'uuid');
    let seen: iam.IPrincipal | undefined;
    const destination: lambda.IEventSourceDlq = {
      bind: (target, handler) => {
        seen = handler.grantPrincipal;
        expect(handler.functionArn).toBe(fn.functionArn);
        expect(handler.addToRolePolicy).toBe(fn.addToRolePolicy);
        expect(handler.grantPrincipal.addToPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }))).toBe(true);
        return new sources.SqsDlq(queue).bind(target, handler);
      },
    };

    const bound = bindFailureDestination(destination, mappingStub, fn);

    expect(seen).not.toBe(fn.grantPrincipal);
    expect(seen?.assumeRoleAction).toBe('sts:AssumeRole');
    expect(seen?.principalAccount).toBe('123456789012');
    expect(seen?.policyFragment.principalJson).toEqual({});
    expect(stack.resolve(bound)).toEqual({
      arn: { 'Fn::GetAtt': ['DlqD1FAA4AD', 'Arn'] },
      statements: [
        { property: 'DestinationConfig.OnFailure.Destination', actions: ['sqs:SendMessage'], resources: [{ 'Fn::GetAtt': ['DlqD1FAA4AD', 'Arn'] }] },
        { property: 'DestinationConfig.OnFailure.Destination', actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [{ 'Fn::GetAtt': ['QueueKey8E59F72C', 'Arn'] }] },
      ],
    });
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('a statement recorded without a resource is kept with no resources', () => {
    const { stack, fn } = newStack();
    const bound = bindFailureDestination({
      bind: (_target, handler) => {
        handler.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['xray:PutTraceSegments'] }));
        return { destination: 'arn:aws:events:us-east-1:123456789012:event-bus/failures' };
      },
    }, StreamEventSourceMapping.fromEventSourceMappingId(stack, 'Existing', 'uuid'), fn);

    expect(bound).toEqual({
      arn: 'arn:aws:events:us-east-1:123456789012:event-bus/failures',
      statements: [{ property: 'DestinationConfig.OnFailure.Destination', actions: ['xray:PutTraceSegments'], resources: [] }],
    });
  });

  test('a destination that grants nothing yields no statements', () => {
    const { stack, fn } = newStack();
    const bound = bindFailureDestination({ bind: () => ({ destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' }) },
      StreamEventSourceMapping.fromEventSourceMappingId(stack, 'Existing', 'uuid'), fn);

    expect(bound).toEqual({ arn: 'arn:aws:sqs:us-east-1:123456789012:dlq', statements: [] });
  });
});
