import { readSource, SourceReading } from '../../lib/template/source-kind';
import { StreamSourceKind } from '../../lib/template/stream-source-kind';

const K = { kind: StreamSourceKind.KINESIS_STREAM };
const KC = { kind: StreamSourceKind.KINESIS_CONSUMER };
const D = { kind: StreamSourceKind.DYNAMODB_STREAM };

/** The resources of a template, by logical ID. */
const TYPES: Record<string, string> = {
  Stream: 'AWS::Kinesis::Stream',
  Consumer: 'AWS::Kinesis::StreamConsumer',
  Table: 'AWS::DynamoDB::Table',
  Global: 'AWS::DynamoDB::GlobalTable',
  Queue: 'AWS::SQS::Queue',
  Bucket: 'AWS::S3::Bucket',
  Firehose: 'AWS::KinesisFirehose::DeliveryStream',
  Topic: 'AWS::SNS::Topic',
  Custom: 'Custom::StreamLookup',
};
const typeOf = (id: string) => TYPES[id];

const TABLE_ARN_PROBLEM = {
  reason: 'not-a-stream-arn',
  is: 'the ARN of DynamoDB table Table (Fn::GetAtt returns the table ARN), not of its stream',
  fix: 'use Fn::GetAtt [Table, StreamArn], with StreamSpecification set on the table',
};
const unsupported = (is: string) => ({
  problem: { reason: 'unsupported-service', is: `${is}, which event source mappings do not read`, fix: 'give the ARN of a Kinesis stream, Kinesis stream consumer or DynamoDB stream' },
});

describe('readSource', () => {
  test.each<[string, unknown, SourceReading | undefined]>([
    ['a literal Kinesis stream ARN', 'arn:aws:kinesis:us-east-1:123456789012:stream/orders', K],
    ['a literal consumer ARN', 'arn:aws:kinesis:us-east-1:123456789012:stream/orders/consumer/app:1', KC],
    ['a literal DynamoDB stream ARN', 'arn:aws:dynamodb:us-east-1:123456789012:table/T/stream/2026', D],
    ['a literal DynamoDB table ARN: judged as DynamoDB (ESM302)', 'arn:aws:dynamodb:us-east-1:123456789012:table/T', D],
    ['a literal Kinesis ARN without stream/: judged as Kinesis (ESM302)', 'arn:aws:kinesis:us-east-1:123456789012:orders', K],
    ['an SQS ARN: skipped', 'arn:aws:sqs:us-east-1:123456789012:q', undefined],
    ['an MSK ARN: skipped', 'arn:aws:kafka:us-east-1:123456789012:cluster/c/1', undefined],
    ['an Amazon MQ ARN: skipped', 'arn:aws:mq:us-east-1:123456789012:broker:b:1', undefined],
    ['a DocumentDB ARN: skipped', 'arn:aws:rds:us-east-1:123456789012:cluster:c', undefined],
    ['an S3 ARN', 'arn:aws:s3:::bucket', unsupported('an ARN of service s3')],
    ['a Firehose ARN', 'arn:aws:firehose:us-east-1:123456789012:deliverystream/d', unsupported('an ARN of service firehose')],
    ['text that is no ARN: skipped', 'orders', undefined],
    ['GetAtt Stream.Arn', { 'Fn::GetAtt': ['Stream', 'Arn'] }, K],
    ['GetAtt "Stream.Arn" (dotted)', { 'Fn::GetAtt': 'Stream.Arn' }, K],
    ['Ref Stream: its name', { Ref: 'Stream' }, { ...K, problem: { reason: 'not-a-stream-arn', is: 'the name of Kinesis stream Stream (Ref returns the name)', fix: 'use Fn::GetAtt [Stream, Arn]' } }],
    ['GetAtt Consumer.ConsumerARN', { 'Fn::GetAtt': ['Consumer', 'ConsumerARN'] }, KC],
    ['Ref Consumer', { Ref: 'Consumer' }, KC],
    ['GetAtt Consumer.StreamARN: the stream', { 'Fn::GetAtt': ['Consumer', 'StreamARN'] }, K],
    ['GetAtt Table.StreamArn', { 'Fn::GetAtt': ['Table', 'StreamArn'] }, D],
    ['GetAtt Table.Arn: the table', { 'Fn::GetAtt': ['Table', 'Arn'] }, { ...D, problem: TABLE_ARN_PROBLEM }],
    ['Sub ${Table.Arn}: the table', { 'Fn::Sub': '${Table.Arn}' }, { ...D, problem: TABLE_ARN_PROBLEM }],
    ['Sub ${Table.StreamArn}', { 'Fn::Sub': '${Table.StreamArn}' }, D],
    ['Ref Table: its name', { Ref: 'Table' }, { ...D, problem: { reason: 'not-a-stream-arn', is: 'the name of DynamoDB table Table (Ref returns the name), not of its stream', fix: 'use Fn::GetAtt [Table, StreamArn], with StreamSpecification set on the table' } }],
    ['GetAtt Global.StreamArn', { 'Fn::GetAtt': ['Global', 'StreamArn'] }, D],
    ['GetAtt Global.Arn: the table', { 'Fn::GetAtt': ['Global', 'Arn'] }, { ...D, problem: { ...TABLE_ARN_PROBLEM, is: 'the ARN of DynamoDB global table Global (Fn::GetAtt returns the table ARN), not of its stream', fix: 'use Fn::GetAtt [Global, StreamArn], with StreamSpecification set on the table' } }],
    ['GetAtt Queue.Arn: skipped', { 'Fn::GetAtt': ['Queue', 'Arn'] }, undefined],
    ['GetAtt Bucket.Arn', { 'Fn::GetAtt': ['Bucket', 'Arn'] }, unsupported('the ARN of S3 bucket Bucket')],
    ['GetAtt Firehose.Arn', { 'Fn::GetAtt': ['Firehose', 'Arn'] }, unsupported('the ARN of Firehose delivery stream Firehose')],
    ['Ref Topic', { Ref: 'Topic' }, unsupported('the ARN of SNS topic Topic')],
    ['GetAtt of a custom resource: skipped', { 'Fn::GetAtt': ['Custom', 'Arn'] }, undefined],
    ['Ref of a parameter: skipped', { Ref: 'StreamArnParameter' }, undefined],
    ['Fn::ImportValue: skipped', { 'Fn::ImportValue': 'StreamArn' }, undefined],
    ['Sub of a Kinesis ARN with a parameter for the name', { 'Fn::Sub': 'arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${Name}' }, K],
    ['Sub of a DynamoDB ARN with a parameter for the partition', { 'Fn::Sub': 'arn:${Partition}:dynamodb:us-east-1:123456789012:table/T/stream/${Label}' }, D],
    ['Sub of a consumer ARN with a parameter for the stream', { 'Fn::Sub': 'arn:aws:kinesis:us-east-1:123456789012:stream/${S}/consumer/c:1' }, KC],
    ['Sub of an S3 ARN with a parameter', { 'Fn::Sub': 'arn:aws:s3:::${Name}' }, unsupported('an ARN of service s3')],
    ['Sub whose service is a parameter: skipped', { 'Fn::Sub': 'arn:aws:${Service}:us-east-1:123456789012:x' }, undefined],
    ['Sub that starts with a parameter: skipped', { 'Fn::Sub': '${Prefix}:kinesis:us-east-1:123456789012:stream/x' }, undefined],
    ['Join of a Kinesis ARN with a Ref for the name', { 'Fn::Join': ['', ['arn:aws:kinesis:us-east-1:123456789012:stream/', { Ref: 'Name' }]] }, K],
    ['If whose branches agree', { 'Fn::If': ['C', { 'Fn::GetAtt': ['Stream', 'Arn'] }, 'arn:aws:kinesis:us-east-1:123456789012:stream/o'] }, K],
    ['If whose branches differ: skipped', { 'Fn::If': ['C', { 'Fn::GetAtt': ['Stream', 'Arn'] }, { 'Fn::GetAtt': ['Table', 'StreamArn'] }] }, undefined],
    ['If with a parameter branch: skipped', { 'Fn::If': ['C', { 'Fn::GetAtt': ['Stream', 'Arn'] }, { Ref: 'P' }] }, undefined],
    ['If that is malformed: skipped', { 'Fn::If': ['C', 'x'] }, undefined],
    ['a number: skipped', 7, undefined],
    ['absent: skipped', undefined, undefined],
  ])('%s', (_name, arn, expected) => {
    expect(readSource(arn, typeOf)).toEqual(expected);
  });
});
