process.env.CDK_VALIDATION = 'false';

import { Annotations as CoreAnnotations, App, CfnParameter, Duration, Fn, Lazy, Stack, Tags } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { RuleGroup, StreamEventSourceMapping, StreamEventSourceMappingChecks, StreamEventSourceMappingProps, StreamSource } from '../../lib';
import { DDB_STREAM_ARN, ENV, KINESIS_READ, STREAM_ARN, newStack } from '../support/stacks';

const QUALIFIED_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:orders:live';
/** Where the checks report warnings on a mapping with id 'Mapping'. */
const WARNING_PATH = '/Stack/Mapping/Resource';

/** A mapping that passes every rule and raises no warning. */
function safeProps(target: lambda.IFunction, source: StreamSource): StreamEventSourceMappingProps {
  return { target, source, startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 3 };
}

function mappings(stack: Stack): Record<string, any> {
  return Template.fromStack(stack).findResources('AWS::Lambda::EventSourceMapping');
}

function synthError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected synth to fail');
}

describe('template', () => {
  test('a Kinesis stream mapping with every prop set renders each property in its CloudFormation form', () => {
    const { stack, fn } = newStack();
    const stream = new kinesis.Stream(stack, 'Stream');
    const queue = new sqs.Queue(stack, 'Dlq');
    const key = new kms.Key(stack, 'FilterKey');

    const mapping = new StreamEventSourceMapping(stack, 'Mapping', {
      target: fn,
      source: StreamSource.kinesis(stream),
      startingPosition: lambda.StartingPosition.AT_TIMESTAMP,
      startingPositionTimestamp: 1700000000,
      batchSize: 500,
      maxBatchingWindow: Duration.seconds(30),
      parallelizationFactor: 4,
      maxRecordAge: Duration.hours(1),
      retryAttempts: 5,
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      tumblingWindow: Duration.minutes(2),
      onFailure: new sources.SqsDlq(queue),
      filters: [lambda.FilterCriteria.filter({ data: { kind: lambda.FilterRule.isEqual('order') } })],
      filterEncryption: key,
      metricsConfig: { metrics: [lambda.MetricType.EVENT_COUNT] },
      enabled: false,
    });

    expect(mappings(stack)).toEqual({
      MappingE24B359D: {
        Type: 'AWS::Lambda::EventSourceMapping',
        Properties: {
          FunctionName: { Ref: 'Fn9270CBC0' },
          EventSourceArn: { 'Fn::GetAtt': ['Stream790BDEE4', 'Arn'] },
          StartingPosition: 'AT_TIMESTAMP',
          StartingPositionTimestamp: 1700000000,
          BatchSize: 500,
          MaximumBatchingWindowInSeconds: 30,
          ParallelizationFactor: 4,
          MaximumRecordAgeInSeconds: 3600,
          MaximumRetryAttempts: 5,
          BisectBatchOnFunctionError: true,
          FunctionResponseTypes: ['ReportBatchItemFailures'],
          TumblingWindowInSeconds: 120,
          DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['DlqD1FAA4AD', 'Arn'] } } },
          FilterCriteria: { Filters: [{ Pattern: '{"data":{"kind":["order"]}}' }] },
          KmsKeyArn: { 'Fn::GetAtt': ['FilterKey466DEF5B', 'Arn'] },
          MetricsConfig: { Metrics: ['EventCount'] },
          Enabled: false,
        },
        DependsOn: ['FnServiceRoleDefaultPolicyC6A839BF'],
      },
    });
    const cfn = mapping.node.defaultChild as lambda.CfnEventSourceMapping;
    expect(cfn.node.id).toBe('Resource');
    expect(cfn).toBeInstanceOf(lambda.CfnEventSourceMapping);
    expect(stack.resolve(cfn.logicalId)).toBe('MappingE24B359D');
    expect(mapping.target).toBe(fn);
  });

  test('filterEncryption lets Lambda decrypt the filter criteria in the key policy', () => {
    const { stack, fn } = newStack();
    const key = new kms.Key(stack, 'FilterKey');

    new StreamEventSourceMapping(stack, 'Mapping', {
      ...safeProps(fn, StreamSource.fromKinesisStreamArn(STREAM_ARN)),
      filters: [lambda.FilterCriteria.filter({ data: { kind: lambda.FilterRule.isEqual('order') } })],
      filterEncryption: key,
    });

    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([{
          Action: 'kms:Decrypt',
          Effect: 'Allow',
          Principal: { Service: 'lambda.amazonaws.com' },
          Resource: '*',
        }]),
      },
    });
  });

  test('a Kinesis consumer mapping reads the consumer ARN', () => {
    const { stack, fn } = newStack();
    const stream = new kinesis.Stream(stack, 'Stream');
    const consumer = new kinesis.StreamConsumer(stack, 'Consumer', { stream, streamConsumerName: 'orders-consumer' });

    new StreamEventSourceMapping(stack, 'Mapping', {
      ...safeProps(fn, StreamSource.kinesisConsumer(consumer)),
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
    });

    expect(mappings(stack)).toEqual({
      MappingE24B359D: {
        Type: 'AWS::Lambda::EventSourceMapping',
        Properties: {
          FunctionName: { Ref: 'Fn9270CBC0' },
          EventSourceArn: { 'Fn::GetAtt': ['Consumer8D6BE417', 'ConsumerARN'] },
          StartingPosition: 'TRIM_HORIZON',
          MaximumRetryAttempts: 3,
        },
        DependsOn: ['FnServiceRoleDefaultPolicyC6A839BF'],
      },
    });
  });

  test('a DynamoDB stream mapping reads the table stream ARN', () => {
    const { stack, fn } = newStack();
    const table = new dynamodb.Table(stack, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
    });

    new StreamEventSourceMapping(stack, 'Mapping', {
      ...safeProps(fn, StreamSource.dynamoDb(table)),
      batchSize: 1000,
      maxRecordAge: Duration.minutes(1),
      enabled: true,
    });

    expect(mappings(stack)).toEqual({
      MappingE24B359D: {
        Type: 'AWS::Lambda::EventSourceMapping',
        Properties: {
          FunctionName: { Ref: 'Fn9270CBC0' },
          EventSourceArn: { 'Fn::GetAtt': ['TableCD117FA1', 'StreamArn'] },
          StartingPosition: 'LATEST',
          BatchSize: 1000,
          MaximumRecordAgeInSeconds: 60,
          MaximumRetryAttempts: 3,
          Enabled: true,
        },
        DependsOn: ['FnServiceRoleDefaultPolicyC6A839BF'],
      },
    });
  });

  test('props left unset are absent from the template (reportBatchItemFailures: false writes nothing)', () => {
    const { stack, fn } = newStack();
    new StreamEventSourceMapping(stack, 'Mapping', {
      ...safeProps(fn, StreamSource.fromKinesisStreamArn(STREAM_ARN)),
      reportBatchItemFailures: false,
    });

    expect(mappings(stack).MappingE24B359D.Properties).toEqual({
      FunctionName: { Ref: 'Fn9270CBC0' },
      EventSourceArn: STREAM_ARN,
      StartingPosition: 'LATEST',
      MaximumRetryAttempts: 3,
    });
  });
});

describe('targets', () => {
  test('a version stays qualified: FunctionName is name:version as aws-cdk-lib renders it', () => {
    const { stack, fn } = newStack();
    const version = fn.currentVersion;
    new StreamEventSourceMapping(stack, 'Mapping', safeProps(version, StreamSource.fromKinesisStreamArn(STREAM_ARN)));

    const expected = { 'Fn::Join': ['', [{ Ref: 'Fn9270CBC0' }, ':', { 'Fn::GetAtt': ['FnCurrentVersion17A89ABBad0ba51de3418de79888d2044b1049c6', 'Version'] }]] };
    expect(stack.resolve(version.functionName)).toEqual(expected);
    expect(mappings(stack).MappingE24B359D.Properties.FunctionName).toEqual(expected);
  });

  test('an alias stays qualified: FunctionName is name:alias as aws-cdk-lib renders it', () => {
    const { stack, fn } = newStack();
    const alias = new lambda.Alias(stack, 'Live', { aliasName: 'live', version: fn.currentVersion });
    new StreamEventSourceMapping(stack, 'Mapping', safeProps(alias, StreamSource.fromKinesisStreamArn(STREAM_ARN)));

    const expected = { 'Fn::Join': ['', [{ 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: 'Live848578DF' }] }] }, ':live']] };
    expect(stack.resolve(alias.functionName)).toEqual(expected);
    expect(mappings(stack).MappingE24B359D.Properties.FunctionName).toEqual(expected);
  });

  test('a function imported by a qualified ARN keeps the whole ARN, where aws-cdk-lib\'s EventSourceMapping drops the qualifier', () => {
    const { stack } = newStack();
    const target = lambda.Function.fromFunctionArn(stack, 'Orders', QUALIFIED_ARN);
    new StreamEventSourceMapping(stack, 'Mapping', safeProps(target, StreamSource.fromKinesisStreamArn(STREAM_ARN)));
    new lambda.EventSourceMapping(stack, 'Upstream', {
      target,
      eventSourceArn: STREAM_ARN,
      startingPosition: lambda.StartingPosition.LATEST,
    });

    const found = mappings(stack);
    expect(Object.keys(found)).toEqual(['MappingE24B359D', 'UpstreamD1B9FBF8']);
    expect(found.MappingE24B359D.Properties.FunctionName).toBe(QUALIFIED_ARN);
    // aws-cdk-lib's own L2 writes the bare function name: that mapping would invoke the unqualified function, not the alias.
    expect(found.UpstreamD1B9FBF8.Properties.FunctionName).toBe('orders');
  });

  test('a function imported by name gives the Fn::Select form, and is still checked', () => {
    const { stack } = newStack();
    const target = lambda.Function.fromFunctionName(stack, 'Orders', 'orders');
    new StreamEventSourceMapping(stack, 'Mapping', safeProps(target, StreamSource.fromKinesisStreamArn(STREAM_ARN)));

    expect(mappings(stack).MappingE24B359D.Properties.FunctionName).toEqual({
      'Fn::Select': [6, {
        'Fn::Split': [':', { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':lambda:us-east-1:123456789012:function:orders']] }],
      }],
    });
  });

  test('a function imported by a qualified name keeps its qualifier: FunctionName is the ARN, not Fn::Select', () => {
    const { stack } = newStack();
    const target = lambda.Function.fromFunctionName(stack, 'Orders', 'orders:live');
    new StreamEventSourceMapping(stack, 'Mapping', safeProps(target, StreamSource.fromKinesisStreamArn(STREAM_ARN)));

    // aws-cdk-lib names this function Fn::Select(6, ...) of the ARN, which is "orders": the alias would be lost.
    expect(mappings(stack).MappingE24B359D.Properties.FunctionName).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':lambda:us-east-1:123456789012:function:orders:live']],
    });
  });

  test('a function imported by name with the qualifier live.v1 fails synth with ESM403', () => {
    const { stack } = newStack();
    const target = lambda.Function.fromFunctionName(stack, 'Orders', 'orders:live.v1');
    new StreamEventSourceMapping(stack, 'Mapping', safeProps(target, StreamSource.fromKinesisStreamArn(STREAM_ARN)));

    expect(synthError(() => Template.fromStack(stack))).toBe('Validation failed with the following errors:\n'
      + '  [Stack/Mapping] ESM403: target (FunctionName) has the qualifier "live.v1", which is no version or alias, got "arn:aws:lambda:us-east-1:123456789012:function:orders:live.v1"; '
      + 'use $LATEST, $LATEST.PUBLISHED, a version number, or an alias of letters, digits, - and _ (the only qualifier with a "." is $LATEST.PUBLISHED)');
  });

  test('a function imported by the name orders:$LATEST.PUBLISHED passes', () => {
    const { stack } = newStack();
    const target = lambda.Function.fromFunctionName(stack, 'Orders', 'orders:$LATEST.PUBLISHED');
    new StreamEventSourceMapping(stack, 'Mapping', safeProps(target, StreamSource.fromKinesisStreamArn(STREAM_ARN)));

    expect(() => Template.fromStack(stack)).not.toThrow();
    expect(mappings(stack).MappingE24B359D.Properties.FunctionName).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':lambda:us-east-1:123456789012:function:orders:$LATEST.PUBLISHED']],
    });
  });

  test('a function imported by a literal ARN without account fails synth with ESM403', () => {
    const { stack } = newStack();
    const target = lambda.Function.fromFunctionArn(stack, 'Orders', 'arn:aws:lambda:us-east-1:function:orders');
    new StreamEventSourceMapping(stack, 'Mapping', safeProps(target, StreamSource.fromKinesisStreamArn(STREAM_ARN)));

    expect(synthError(() => Template.fromStack(stack))).toBe('Validation failed with the following errors:\n'
      + '  [Stack/Mapping] ESM403: target (FunctionName) is a Lambda ARN without its region or account, got "arn:aws:lambda:us-east-1:function:orders"; '
      + 'use arn:<partition>:lambda:<region>:<12-digit account>:function:<name>, or the function name alone');
  });

  test('a 65-character function name imported by name fails synth with ESM404', () => {
    const { stack } = newStack();
    const name = 'f'.repeat(65);
    const target = lambda.Function.fromFunctionName(stack, 'Long', name);
    new StreamEventSourceMapping(stack, 'Mapping', safeProps(target, StreamSource.fromKinesisStreamArn(STREAM_ARN)));

    expect(synthError(() => Template.fromStack(stack))).toBe('Validation failed with the following errors:\n'
      + `  [Stack/Mapping] ESM404: target (FunctionName) has a function name of 65 characters, got "${name}"; function names are at most 64 characters`);
  });

  test('a 64-character function name imported by name passes', () => {
    const { stack } = newStack();
    const target = lambda.Function.fromFunctionName(stack, 'Long', 'f'.repeat(64));
    new StreamEventSourceMapping(stack, 'Mapping', safeProps(target, StreamSource.fromKinesisStreamArn(STREAM_ARN)));

    expect(() => Template.fromStack(stack)).not.toThrow();
  });
});

describe('ordering', () => {
  test('the mapping depends on the policy that holds its grants', () => {
    const { stack, fn } = newStack();
    const stream = new kinesis.Stream(stack, 'Stream');
    new StreamEventSourceMapping(stack, 'Mapping', safeProps(fn, StreamSource.kinesis(stream)));

    const template = Template.fromStack(stack);
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: KINESIS_READ })]) } },
    });
    expect(Object.keys(policies)).toEqual(['FnServiceRoleDefaultPolicyC6A839BF']);
    expect(mappings(stack).MappingE24B359D.DependsOn).toEqual(['FnServiceRoleDefaultPolicyC6A839BF']);
  });

  test('an alias target: the grants go to the function\'s role and the mapping depends on that policy', () => {
    const { stack, fn } = newStack();
    const alias = new lambda.Alias(stack, 'Live', { aliasName: 'live', version: fn.currentVersion });
    new StreamEventSourceMapping(stack, 'Mapping', safeProps(alias, StreamSource.fromKinesisStreamArn(STREAM_ARN)));

    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: KINESIS_READ, Effect: 'Allow', Resource: STREAM_ARN }] },
      Roles: [{ Ref: 'FnServiceRoleB9001A96' }],
    });
    expect(mappings(stack).MappingE24B359D.DependsOn).toEqual(['FnServiceRoleDefaultPolicyC6A839BF']);
  });

  test('a function imported with a role: the grants go to a new policy on that role, and the mapping depends on it', () => {
    const { stack } = newStack();
    const target = lambda.Function.fromFunctionAttributes(stack, 'Orders', {
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders',
      role: iam.Role.fromRoleArn(stack, 'OrdersRole', 'arn:aws:iam::123456789012:role/orders-role'),
    });
    new StreamEventSourceMapping(stack, 'Mapping', safeProps(target, StreamSource.fromKinesisStreamArn(STREAM_ARN)));

    const template = Template.fromStack(stack);
    expect(template.findResources('AWS::IAM::Policy')).toEqual({
      OrdersRolePolicy24E5F5D3: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyDocument: { Statement: [{ Action: KINESIS_READ, Effect: 'Allow', Resource: STREAM_ARN }], Version: '2012-10-17' },
          PolicyName: 'OrdersRolePolicy24E5F5D3',
          Roles: ['orders-role'],
        },
      },
    });
    expect(mappings(stack).MappingE24B359D).toEqual({
      Type: 'AWS::Lambda::EventSourceMapping',
      Properties: {
        FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:orders',
        EventSourceArn: STREAM_ARN,
        StartingPosition: 'LATEST',
        MaximumRetryAttempts: 3,
      },
      DependsOn: ['OrdersRolePolicy24E5F5D3'],
    });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('failure destination grants are in the policy the mapping depends on', () => {
    const { stack, fn } = newStack();
    const queue = new sqs.Queue(stack, 'Dlq');
    new StreamEventSourceMapping(stack, 'Mapping', {
      ...safeProps(fn, StreamSource.fromKinesisStreamArn(STREAM_ARN)),
      onFailure: new sources.SqsDlq(queue),
    });

    Template.fromStack(stack).hasResource('AWS::IAM::Policy', {
      Properties: {
        PolicyDocument: {
          Statement: [
            { Action: KINESIS_READ, Effect: 'Allow', Resource: STREAM_ARN },
            { Action: 'sqs:SendMessage', Effect: 'Allow', Resource: { 'Fn::GetAtt': ['DlqD1FAA4AD', 'Arn'] } },
          ],
          Version: '2012-10-17',
        },
      },
    });
    expect(mappings(stack).MappingE24B359D.DependsOn).toEqual(['FnServiceRoleDefaultPolicyC6A839BF']);
  });
});

describe('targets without a role', () => {
  test('aws-cdk-lib\'s EventSourceMapping crashes on an S3 destination for a function imported without a role', () => {
    const { stack } = newStack();
    const target = lambda.Function.fromFunctionArn(stack, 'Orders', 'arn:aws:lambda:us-east-1:123456789012:function:orders');
    const bucket = new s3.Bucket(stack, 'Failures');

    expect(() => new lambda.EventSourceMapping(stack, 'Upstream', {
      target,
      eventSourceArn: STREAM_ARN,
      startingPosition: lambda.StartingPosition.LATEST,
      onFailure: new sources.S3OnFailureDestination(bucket),
    })).toThrow('Cannot get policy fragment of Stack/Orders, resource imported without a role');
  });

  test('fromFunctionArn with an S3 destination synthesizes, grants nothing and warns ESM901 with every statement', () => {
    const { stack } = newStack();
    const target = lambda.Function.fromFunctionArn(stack, 'Orders', 'arn:aws:lambda:us-east-1:123456789012:function:orders');
    const bucket = s3.Bucket.fromBucketName(stack, 'Failures', 'failed-batches');
    new StreamEventSourceMapping(stack, 'Mapping', {
      ...safeProps(target, StreamSource.fromKinesisStreamArn(STREAM_ARN)),
      onFailure: new sources.S3OnFailureDestination(bucket),
    });

    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Policy', 0);
    expect(mappings(stack).MappingE24B359D.DependsOn).toBeUndefined();
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => [w.id, w.entry.data])).toEqual([[
      WARNING_PATH,
      'ESM901: target (FunctionName) has no role that CDK can change, so the mapping\'s permissions were not granted, got '
      + `"${KINESIS_READ.join(',')} on ${STREAM_ARN}; `
      + 's3:PutObject on arn:${AWS::Partition}:s3:::failed-batches/*; s3:ListBucket on arn:${AWS::Partition}:s3:::failed-batches"; '
      + 'grant these to the function\'s execution role, or import the function with Function.fromFunctionAttributes({ functionArn, role }) [ack: ESM901]',
    ]]);
  });

  test('fromFunctionName: ESM901 names template resources in Fn::Sub notation, not token strings', () => {
    const { stack } = newStack();
    const target = lambda.Function.fromFunctionName(stack, 'Orders', 'orders');
    const stream = new kinesis.Stream(stack, 'Stream');
    new StreamEventSourceMapping(stack, 'Mapping', safeProps(target, StreamSource.kinesis(stream)));

    Template.fromStack(stack).resourceCountIs('AWS::IAM::Policy', 0);
    Annotations.fromStack(stack).hasWarning(WARNING_PATH,
      'ESM901: target (FunctionName) has no role that CDK can change, so the mapping\'s permissions were not granted, got '
      + `"${KINESIS_READ.join(',')} on \${Stream790BDEE4.Arn}"; `
      + 'grant these to the function\'s execution role, or import the function with Function.fromFunctionAttributes({ functionArn, role }) [ack: ESM901]');
  });

  test('ESM901 renders a Ref and an unrecognised intrinsic readably', () => {
    const { stack } = newStack();
    const target = lambda.Function.fromFunctionName(stack, 'Orders', 'orders');
    const arn = new CfnParameter(stack, 'StreamArn');
    new StreamEventSourceMapping(stack, 'Ref', safeProps(target, StreamSource.fromKinesisStreamArn(arn.valueAsString)));
    new StreamEventSourceMapping(stack, 'Import', safeProps(target, StreamSource.fromKinesisStreamArn(Fn.importValue('orders-stream-arn'))));

    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('ESM901')).map((w) => w.entry.data);
    expect(warnings).toEqual([
      expect.stringContaining(`got "${KINESIS_READ.join(',')} on \${StreamArn}";`),
      expect.stringContaining(`got "${KINESIS_READ.join(',')} on {\\"Fn::ImportValue\\":\\"orders-stream-arn\\"}";`),
    ]);
  });

  test('ESM901 can be acknowledged on the mapping', () => {
    const { stack } = newStack();
    const target = lambda.Function.fromFunctionArn(stack, 'Orders', 'arn:aws:lambda:us-east-1:123456789012:function:orders');
    const mapping = new StreamEventSourceMapping(stack, 'Mapping', {
      ...safeProps(target, StreamSource.fromKinesisStreamArn(STREAM_ARN)),
      onFailure: new sources.S3OnFailureDestination(s3.Bucket.fromBucketName(stack, 'Failures', 'failed-batches')),
    });
    CoreAnnotations.of(mapping).acknowledgeWarning('ESM901', 'the role is granted in the orders stack');

    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
  test('ESM901 acknowledged on the stack is suppressed for every mapping in it', () => {
    const { stack } = newStack();
    const target = lambda.Function.fromFunctionName(stack, 'Orders', 'orders');
    new StreamEventSourceMapping(stack, 'Mapping', safeProps(target, StreamSource.fromKinesisStreamArn(STREAM_ARN)));
    CoreAnnotations.of(stack).acknowledgeWarning('ESM901', 'roles are managed by the platform team');

    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});

describe('sources that cannot be read', () => {
  test('a DynamoDB table without a stream fails synth with ESM301 naming the table', () => {
    const { stack, fn } = newStack();
    const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
    new StreamEventSourceMapping(stack, 'Mapping', safeProps(fn, StreamSource.dynamoDb(table)));

    expect(synthError(() => Template.fromStack(stack))).toBe('Validation failed with the following errors:\n'
      + '  [Stack/Mapping] ESM301: source (EventSourceArn) has no stream to read: table Stack/Table has no DynamoDB stream, got nothing; '
      + 'enable the table\'s stream (stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES), or import the table with tableStreamArn');
  });

  test('fromKinesisStreamArn with a DynamoDB stream ARN fails synth with ESM302', () => {
    const { stack, fn } = newStack();
    new StreamEventSourceMapping(stack, 'Mapping', safeProps(fn, StreamSource.fromKinesisStreamArn(DDB_STREAM_ARN)));

    expect(synthError(() => Template.fromStack(stack))).toBe('Validation failed with the following errors:\n'
      + `  [Stack/Mapping] ESM302: source (EventSourceArn) is a DynamoDB stream ARN where a Kinesis data stream ARN was declared, got "${DDB_STREAM_ARN}"; `
      + 'use an ARN of the form arn:<partition>:kinesis:<region>:<12-digit account>:stream/<stream name>');
  });

  test('a token ARN (CfnParameter) passes', () => {
    const { stack, fn } = newStack();
    const arn = new CfnParameter(stack, 'StreamArn');
    new StreamEventSourceMapping(stack, 'Mapping', safeProps(fn, StreamSource.fromKinesisStreamArn(arn.valueAsString)));

    expect(mappings(stack).MappingE24B359D.Properties.EventSourceArn).toEqual({ Ref: 'StreamArn' });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});

describe('the combined report', () => {
  function brokenStack() {
    const { app, stack, fn } = newStack();
    const stream = new kinesis.Stream(stack, 'Stream');
    const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
    new StreamEventSourceMapping(stack, 'NoStream', safeProps(fn, StreamSource.dynamoDb(table)));
    new StreamEventSourceMapping(stack, 'WrongArn', safeProps(fn, StreamSource.fromKinesisStreamArn(DDB_STREAM_ARN)));
    new StreamEventSourceMapping(stack, 'Batch', { ...safeProps(fn, StreamSource.kinesis(stream)), batchSize: 0 });
    new StreamEventSourceMapping(stack, 'Timestamp', {
      ...safeProps(fn, StreamSource.fromDynamoDbStreamArn(DDB_STREAM_ARN)),
      startingPosition: lambda.StartingPosition.AT_TIMESTAMP,
    });
    new StreamEventSourceMapping(stack, 'Fine', safeProps(fn, StreamSource.kinesis(stream)));
    // Timestamp repeats WrongArn's stream and function, Fine repeats Batch's (ESM408, test/validation/duplicate-mappings.test.ts).
    StreamEventSourceMappingChecks.acknowledge(stack, 'ESM408', 'fixture: streams mapped twice to show other rules');
    return { app, stack };
  }

  const EXPECTED = 'Validation failed with the following errors:\n'
    + '  [Stack/NoStream] ESM301: source (EventSourceArn) has no stream to read: table Stack/Table has no DynamoDB stream, got nothing; '
    + 'enable the table\'s stream (stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES), or import the table with tableStreamArn\n'
    + `  [Stack/WrongArn] ESM302: source (EventSourceArn) is a DynamoDB stream ARN where a Kinesis data stream ARN was declared, got "${DDB_STREAM_ARN}"; `
    + 'use an ARN of the form arn:<partition>:kinesis:<region>:<12-digit account>:stream/<stream name>\n'
    + '  [Stack/Batch] ESM201: batchSize (BatchSize) is out of range, got 0; use a whole number from 1 to 10000\n'
    + '  [Stack/Timestamp] ESM103: startingPosition (StartingPosition) is not supported for a DynamoDB stream, got "AT_TIMESTAMP"; '
    + 'use TRIM_HORIZON or LATEST (AT_TIMESTAMP is for Kinesis streams and consumers only)';

  test('app.synth() throws one error listing every violation with its path', () => {
    const { app } = brokenStack();
    expect(synthError(() => app.synth())).toBe(EXPECTED);
  });

  test('Template.fromStack throws the same error', () => {
    const { stack } = brokenStack();
    expect(synthError(() => Template.fromStack(stack))).toBe(EXPECTED);
  });

  test('AT_TIMESTAMP with a timestamp passes on a Kinesis stream', () => {
    const { stack, fn } = newStack();
    new StreamEventSourceMapping(stack, 'Mapping', {
      ...safeProps(fn, StreamSource.fromKinesisStreamArn(STREAM_ARN)),
      startingPosition: lambda.StartingPosition.AT_TIMESTAMP,
      startingPositionTimestamp: 1700000000,
    });

    expect(mappings(stack).MappingE24B359D.Properties).toEqual({
      FunctionName: { Ref: 'Fn9270CBC0' },
      EventSourceArn: STREAM_ARN,
      StartingPosition: 'AT_TIMESTAMP',
      StartingPositionTimestamp: 1700000000,
      MaximumRetryAttempts: 3,
    });
  });
});

describe('tokens', () => {
  test('numbers and durations from CfnParameter, Lazy and Fn.importValue never fail the checks', () => {
    const { stack, fn } = newStack();
    const size = new CfnParameter(stack, 'Size', { type: 'Number' });
    const retries = new CfnParameter(stack, 'Retries', { type: 'Number' });
    const windowSeconds = new CfnParameter(stack, 'Window', { type: 'Number' });
    new StreamEventSourceMapping(stack, 'Mapping', {
      target: fn,
      source: StreamSource.fromKinesisStreamArn(Fn.importValue('orders-stream-arn')),
      startingPosition: lambda.StartingPosition.LATEST,
      batchSize: size.valueAsNumber,
      retryAttempts: retries.valueAsNumber,
      maxBatchingWindow: Duration.seconds(windowSeconds.valueAsNumber),
      maxRecordAge: Duration.seconds(Lazy.number({ produce: () => 120 })),
      parallelizationFactor: Lazy.number({ produce: () => 2 }),
      onFailure: new sources.SqsDlq(sqs.Queue.fromQueueArn(stack, 'Dlq', Fn.importValue('orders-dlq-arn'))),
    });

    expect(mappings(stack).MappingE24B359D.Properties).toEqual({
      FunctionName: { Ref: 'Fn9270CBC0' },
      EventSourceArn: { 'Fn::ImportValue': 'orders-stream-arn' },
      StartingPosition: 'LATEST',
      BatchSize: { Ref: 'Size' },
      MaximumRetryAttempts: { Ref: 'Retries' },
      MaximumBatchingWindowInSeconds: { Ref: 'Window' },
      MaximumRecordAgeInSeconds: 120,
      ParallelizationFactor: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::ImportValue': 'orders-dlq-arn' } } },
    });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('a Lazy value is checked once it resolves', () => {
    const { stack, fn } = newStack();
    new StreamEventSourceMapping(stack, 'Mapping', {
      ...safeProps(fn, StreamSource.fromKinesisStreamArn(STREAM_ARN)),
      parallelizationFactor: Lazy.number({ produce: () => 11 }),
    });

    expect(synthError(() => Template.fromStack(stack))).toBe('Validation failed with the following errors:\n'
      + '  [Stack/Mapping] ESM203: parallelizationFactor (ParallelizationFactor) is out of range, got 11; use a whole number from 1 to 10');
  });
});

describe('wrong JavaScript types', () => {
  test('a string batchSize, a string enabled and a missing startingPosition fail synth with ESM001 and ESM101', () => {
    const { stack, fn } = newStack();
    new StreamEventSourceMapping(stack, 'Mapping', {
      target: fn,
      source: StreamSource.fromKinesisStreamArn(STREAM_ARN),
      batchSize: '10' as any,
      enabled: 'yes' as any,
      retryAttempts: 3,
    } as any);

    const message = synthError(() => Template.fromStack(stack));
    expect(message).toBe('Validation failed with the following errors:\n'
      + '  [Stack/Mapping] ESM001: batchSize (BatchSize) must be a number, not a string, got "10"; give a number\n'
      + '  [Stack/Mapping] ESM001: enabled (Enabled) must be a boolean, not a string, got "yes"; give a boolean\n'
      + '  [Stack/Mapping] ESM101: startingPosition (StartingPosition) is required for a stream source, got nothing; '
      + 'set it to TRIM_HORIZON, LATEST or (Kinesis only) AT_TIMESTAMP');
    expect(message).not.toContain('Supplied properties not correct');
    expect(message).not.toContain('TypeError');
  });

  // The props that name objects (target, source, onFailure, filterEncryption) are read first; the others in the
  // order of the property table, which is the template's order.
  test('props of the wrong kind fail synth with ESM005 each, and nothing is coerced or dropped', () => {
    const { stack, fn } = newStack();
    const param = new CfnParameter(stack, 'Minutes', { type: 'Number' });
    new StreamEventSourceMapping(stack, 'Mapping', {
      ...safeProps(fn, StreamSource.fromKinesisStreamArn(STREAM_ARN)),
      maxBatchingWindow: 5 as any,
      maxRecordAge: Duration.minutes(param.valueAsNumber),
      reportBatchItemFailures: 'false' as any,
      filters: '' as any,
      onFailure: {} as any,
      filterEncryption: 'alias/orders' as any,
    });

    expect(synthError(() => Template.fromStack(stack))).toBe('Validation failed with the following errors:\n'
      + '  [Stack/Mapping] ESM005: onFailure (DestinationConfig) must be a lambda.IEventSourceDlq (SqsDlq, SnsDlq, S3OnFailureDestination), got {}; '
      + 'give onFailure as a lambda.IEventSourceDlq (SqsDlq, SnsDlq, S3OnFailureDestination)\n'
      + '  [Stack/Mapping] ESM005: filterEncryption (KmsKeyArn) must be a kms.IKey, got "alias/orders"; give filterEncryption as a kms.IKey\n'
      + '  [Stack/Mapping] ESM005: maxBatchingWindow (MaximumBatchingWindowInSeconds) must be a Duration, got 5; give maxBatchingWindow as Duration.seconds(n)\n'
      + '  [Stack/Mapping] ESM005: maxRecordAge (MaximumRecordAgeInSeconds) cannot be converted to seconds '
      + '(Duration must be specified as \'Duration.seconds()\' here since its value comes from a token and cannot be converted (got Duration.minutes)), '
      + 'got "Duration.minutes(<token>)"; give maxRecordAge as Duration.seconds(...)\n'
      + '  [Stack/Mapping] ESM005: reportBatchItemFailures (FunctionResponseTypes) must be true or false, got "false"; give reportBatchItemFailures as a boolean\n'
      + '  [Stack/Mapping] ESM005: filters (FilterCriteria) must be a list, got ""; give filters as a list');
  });

  test('a fractional Duration fails synth with ESM202', () => {
    const { stack, fn } = newStack();
    new StreamEventSourceMapping(stack, 'Mapping', {
      ...safeProps(fn, StreamSource.fromKinesisStreamArn(STREAM_ARN)),
      maxBatchingWindow: Duration.millis(1500),
    });

    expect(synthError(() => Template.fromStack(stack))).toBe('Validation failed with the following errors:\n'
      + '  [Stack/Mapping] ESM202: maxBatchingWindow (MaximumBatchingWindowInSeconds) must be a whole number of seconds, got 1.5; '
      + 'use a whole number from 0 to 300 seconds');
  });

  test('a missing target and source fail synth with ESM401 and ESM301, not a TypeError', () => {
    const { stack } = newStack();
    new StreamEventSourceMapping(stack, 'Mapping', { startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 3 } as any);

    expect(synthError(() => Template.fromStack(stack))).toBe('Validation failed with the following errors:\n'
      + '  [Stack/Mapping] ESM301: source (EventSourceArn) is required for a stream source, got nothing; give the ARN of the stream, consumer or DynamoDB stream\n'
      + '  [Stack/Mapping] ESM401: target (FunctionName) is required, got nothing; name the function, version or alias to invoke');
  });
});

describe('tags', () => {
  test('Tags.of(mapping) appear on the mapping', () => {
    const { stack, fn } = newStack();
    const mapping = new StreamEventSourceMapping(stack, 'Mapping', safeProps(fn, StreamSource.fromKinesisStreamArn(STREAM_ARN)));
    Tags.of(mapping).add('team', 'orders');
    Tags.of(mapping).add('cost-center', '42');

    expect(mappings(stack).MappingE24B359D.Properties.Tags).toEqual([
      { Key: 'cost-center', Value: '42' },
      { Key: 'team', Value: 'orders' },
    ]);
  });

  test('a 129-character tag key fails synth with ESM703', () => {
    const { stack, fn } = newStack();
    const mapping = new StreamEventSourceMapping(stack, 'Mapping', safeProps(fn, StreamSource.fromKinesisStreamArn(STREAM_ARN)));
    const key = 'k'.repeat(129);
    Tags.of(mapping).add(key, 'v');

    expect(synthError(() => Template.fromStack(stack))).toBe('Validation failed with the following errors:\n'
      + `  [Stack/Mapping] ESM703: Tags.of(mapping) (Tags[0].Key) is not a valid tag key, got "${key}"; use 1 to 128 letters, digits, spaces and _ . : / = + - @`);
  });

  test('a 128-character tag key passes', () => {
    const { stack, fn } = newStack();
    const mapping = new StreamEventSourceMapping(stack, 'Mapping', safeProps(fn, StreamSource.fromKinesisStreamArn(STREAM_ARN)));
    Tags.of(mapping).add('k'.repeat(128), 'v');

    expect(mappings(stack).MappingE24B359D.Properties.Tags).toEqual([{ Key: 'k'.repeat(128), Value: 'v' }]);
  });
});

describe('attributes', () => {
  test('fromEventSourceMappingId gives the ID and an ARN in the stack\'s account and region', () => {
    const { stack } = newStack();
    const imported = StreamEventSourceMapping.fromEventSourceMappingId(stack, 'Imported', '14e0db71-5d35-4eb5-b481-8945cf9d10c2');

    expect(imported.eventSourceMappingId).toBe('14e0db71-5d35-4eb5-b481-8945cf9d10c2');
    expect(stack.resolve(imported.eventSourceMappingArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':lambda:us-east-1:123456789012:event-source-mapping:14e0db71-5d35-4eb5-b481-8945cf9d10c2']],
    });
  });

  test('a new mapping\'s ID is its Ref and its ARN is arn:<partition>:lambda:<region>:<account>:event-source-mapping:<id>', () => {
    const { stack, fn } = newStack();
    const mapping = new StreamEventSourceMapping(stack, 'Mapping', safeProps(fn, StreamSource.fromKinesisStreamArn(STREAM_ARN)));

    const arn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':lambda:us-east-1:123456789012:event-source-mapping:', { Ref: 'MappingE24B359D' }]] };
    expect(stack.resolve(mapping.eventSourceMappingId)).toEqual({ Ref: 'MappingE24B359D' });
    expect(stack.resolve(mapping.eventSourceMappingArn)).toEqual(arn);
    expect(stack.resolve(mapping.eventSourceMappingRef)).toEqual({ eventSourceMappingId: { Ref: 'MappingE24B359D' }, eventSourceMappingArn: arn });
  });
});

describe('warnings', () => {
  test('unlimited retries without a destination warn ESM804', () => {
    const { stack, fn } = newStack();
    new StreamEventSourceMapping(stack, 'Mapping', {
      target: fn,
      source: StreamSource.fromKinesisStreamArn(STREAM_ARN),
      startingPosition: lambda.StartingPosition.LATEST,
    });

    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => [w.id, w.entry.data])).toEqual([[
      WARNING_PATH,
      'ESM804: retryAttempts (MaximumRetryAttempts) is unlimited, as is MaximumRecordAgeInSeconds, and there is no on-failure destination: '
      + 'a record that keeps failing stalls its shard until it expires from the stream, got "(default: unlimited)"; '
      + 'set retryAttempts or maxRecordAge, and an onFailure destination to keep the failed batches [ack: ESM804]',
    ]]);
  });

  test('ruleGroups without OPERATIONS silences ESM804; with OPERATIONS alone, only it is shown', () => {
    const build = (ruleGroups: RuleGroup[]) => {
      const { stack, fn } = newStack();
      new StreamEventSourceMapping(stack, 'Mapping', {
        target: fn,
        source: StreamSource.fromKinesisStreamArn(STREAM_ARN),
        startingPosition: lambda.StartingPosition.LATEST,
        filters: [1, 2, 3, 4, 5, 6].map((n) => ({ pattern: JSON.stringify({ data: { n: [n] } }) })),
        ruleGroups,
      });
      return Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => (w.entry.data as string).slice(0, 6));
    };
    expect(build([RuleGroup.AWS_REJECTS, RuleGroup.NOT_VERIFIED])).toEqual(['ESM803']);
    expect(build([RuleGroup.OPERATIONS])).toEqual(['ESM804']);
  });

  test('ESM804 can be acknowledged on the mapping', () => {
    const { stack, fn } = newStack();
    const mapping = new StreamEventSourceMapping(stack, 'Mapping', {
      target: fn,
      source: StreamSource.fromKinesisStreamArn(STREAM_ARN),
      startingPosition: lambda.StartingPosition.LATEST,
      retryAttempts: -1,
    });
    CoreAnnotations.of(mapping).acknowledgeWarning('ESM804', 'records are idempotent and expire after 24 hours');

    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('a safe mapping raises no warning', () => {
    const { stack, fn } = newStack();
    const stream = new kinesis.Stream(stack, 'Stream');
    new StreamEventSourceMapping(stack, 'Mapping', {
      ...safeProps(fn, StreamSource.kinesis(stream)),
      maxRecordAge: Duration.hours(1),
      bisectBatchOnError: true,
      onFailure: new sources.SqsDlq(new sqs.Queue(stack, 'Dlq')),
    });

    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
    Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
  });
});
