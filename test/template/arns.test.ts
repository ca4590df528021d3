import { ARN_SHAPES, GENERIC_ARN, kindOfArn, parseArn } from '../../lib/template/arns';
import { StreamSourceKind } from '../../lib/template/stream-source-kind';
import { consumerArn, dynamoDbStreamArn, PARTITIONS, streamArn } from '../rules/cases/event-source-arn';

const K = StreamSourceKind.KINESIS_STREAM;
const KC = StreamSourceKind.KINESIS_CONSUMER;
const D = StreamSourceKind.DYNAMODB_STREAM;

describe('kindOfArn reads the kind from service and resource alone', () => {
  test.each([
    [streamArn('aws', 'us-east-1'), K],
    [streamArn('aws', 'us-east-1', 'x'.repeat(300)), K],
    [consumerArn('aws-cn', 'cn-north-1'), KC],
    [`${streamArn('aws', 'us-east-1')}/consumer/c`, KC],
    [dynamoDbStreamArn('aws-us-gov', 'us-gov-west-1'), D],
    ['arn:aws:dynamodb:us-east-1:123456789012:table/Orders', undefined],
    ['arn:aws:dynamodb:us-east-1:123456789012:table/Orders/index/byDate', undefined],
    ['arn:aws:kinesis:us-east-1:123456789012:delivery/orders', undefined],
    ['arn:aws:firehose:us-east-1:123456789012:deliverystream/orders', undefined],
    ['arn:aws:sqs:us-east-1:123456789012:orders', undefined],
    ['orders', undefined],
  ])('%s → %s', (arn, kind) => {
    expect(kindOfArn(arn)).toBe(kind);
  });
});

describe('ARN_SHAPES accept every partition form', () => {
  test.each(PARTITIONS)('%s %s', (partition, region) => {
    expect(ARN_SHAPES[K].pattern.test(streamArn(partition, region))).toBe(true);
    expect(ARN_SHAPES[KC].pattern.test(consumerArn(partition, region))).toBe(true);
    expect(ARN_SHAPES[D].pattern.test(dynamoDbStreamArn(partition, region))).toBe(true);
    expect(GENERIC_ARN.test(streamArn(partition, region))).toBe(true);
  });

  test.each([
    ['a region with two digits', streamArn('aws', 'us-east-10')],
    ['a region without number', streamArn('aws', 'us-east')],
    ['an upper-case region', streamArn('aws', 'US-EAST-1')],
    ['a partition not starting with aws', streamArn('awz', 'us-east-1')],
    ['a newline after the name', `${streamArn('aws', 'us-east-1')}\n`],
  ])('a stream ARN with %s is rejected', (_name, arn) => {
    expect(ARN_SHAPES[K].pattern.test(arn)).toBe(false);
  });
});

describe('parseArn', () => {
  test('splits an ARN into its parts', () => {
    expect(parseArn('arn:aws-eusc:sqs:eusc-de-east-1:123456789012:q')).toEqual({ partition: 'aws-eusc', service: 'sqs', region: 'eusc-de-east-1', account: '123456789012', resource: 'q' });
  });

  test('region and account may be empty (S3 buckets)', () => {
    expect(parseArn('arn:aws:s3:::bucket/key')).toEqual({ partition: 'aws', service: 's3', region: '', account: '', resource: 'bucket/key' });
  });

  test.each(['', 'bucket', 'arn:aws:s3::bucket', 'arn:aws:sqs:us-east-1:12345678901:q', 'arn:aws:sqs:Region-1:123456789012:q'])('%j is not an ARN', (text) => {
    expect(parseArn(text)).toBeUndefined();
  });
});
