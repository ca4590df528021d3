import { CONSUMER_ARN, D, DYNAMODB_STREAM_ARN, GET_ATT, joinArn, K, KC, Kind, MessageCase, REF, RuleCase, STREAM_ARN, UNKNOWN_KIND } from '../support';

/** Every partition with one of its regions, in the forms the API's ARN patterns accept. */
export const PARTITIONS: Array<[string, string]> = [
  ['aws', 'us-east-1'],
  ['aws', 'ap-southeast-5'],
  ['aws-cn', 'cn-north-1'],
  ['aws-us-gov', 'us-gov-west-1'],
  ['aws-iso', 'us-iso-east-1'],
  ['aws-iso-b', 'us-isob-east-1'],
  ['aws-iso-e', 'eu-isoe-west-1'],
  ['aws-iso-f', 'us-isof-south-1'],
  ['aws-eusc', 'eusc-de-east-1'],
];

const ACCOUNT = '123456789012';
export const streamArn = (partition: string, region: string, name = 'orders') => `arn:${partition}:kinesis:${region}:${ACCOUNT}:stream/${name}`;
export const consumerArn = (partition: string, region: string, stream = 'orders', consumer = 'orders-app', created = '1767225600') =>
  `${streamArn(partition, region, stream)}/consumer/${consumer}:${created}`;
export const dynamoDbStreamArn = (partition: string, region: string, table = 'Orders', label = '2026-01-01T00:00:00.000') =>
  `arn:${partition}:dynamodb:${region}:${ACCOUNT}:table/${table}/stream/${label}`;

const KINDS: Kind[] = [K, KC, D, UNKNOWN_KIND];

export const ESM301_CASES: RuleCase[] = [
  ...KINDS.map((kind): RuleCase => ({ name: `no EventSourceArn fails ESM301 (${kind})`, kind, set: { EventSourceArn: undefined }, expected: ['ESM301'] })),
  { name: 'a DynamoDB table without a stream fails ESM301', kind: D, set: { EventSourceArn: undefined }, facts: { tableWithoutStream: 'Stack/Orders' }, expected: ['ESM301'] },
  { name: 'EventSourceArn unresolved (Fn::GetAtt) passes ESM301 and ESM302', set: { EventSourceArn: GET_ATT }, expected: [] },
  { name: 'EventSourceArn unresolved (Ref) passes ESM301 and ESM302 on a DynamoDB stream', kind: D, set: { EventSourceArn: REF }, expected: [] },
];

export const ARN_SHAPE_CASES: RuleCase[] = [
  ...PARTITIONS.flatMap(([partition, region]): RuleCase[] => [
    { name: `Kinesis stream ARN in ${partition} ${region} passes ESM302`, kind: K, set: { EventSourceArn: streamArn(partition, region) }, expected: [] },
    { name: `Kinesis consumer ARN in ${partition} ${region} passes ESM302`, kind: KC, set: { EventSourceArn: consumerArn(partition, region) }, expected: [] },
    { name: `DynamoDB stream ARN in ${partition} ${region} passes ESM302`, kind: D, set: { EventSourceArn: dynamoDbStreamArn(partition, region) }, expected: [] },
    { name: `DynamoDB table ARN in ${partition} ${region} fails ESM302`, kind: D, set: { EventSourceArn: `arn:${partition}:dynamodb:${region}:${ACCOUNT}:table/Orders` }, expected: ['ESM302'] },
  ]),
  { name: 'Kinesis stream name of 128 characters of [a-zA-Z0-9_.-] passes ESM302', kind: K, set: { EventSourceArn: streamArn('aws', 'us-east-1', `a_.-${'b'.repeat(124)}`) }, expected: [] },
  { name: 'Kinesis stream name of 129 characters fails ESM302', kind: K, set: { EventSourceArn: streamArn('aws', 'us-east-1', 'b'.repeat(129)) }, expected: ['ESM302'] },
  { name: 'Kinesis stream name with a space fails ESM302', kind: K, set: { EventSourceArn: streamArn('aws', 'us-east-1', 'my orders') }, expected: ['ESM302'] },
  { name: 'Kinesis stream ARN without region fails ESM302', kind: K, set: { EventSourceArn: `arn:aws:kinesis::${ACCOUNT}:stream/orders` }, expected: ['ESM302'] },
  { name: 'Kinesis stream ARN with an 11-digit account fails ESM302', kind: K, set: { EventSourceArn: 'arn:aws:kinesis:us-east-1:12345678901:stream/orders' }, expected: ['ESM302'] },
  { name: 'Kinesis stream ARN in partition "azure" fails ESM302', kind: K, set: { EventSourceArn: 'arn:azure:kinesis:us-east-1:123456789012:stream/orders' }, expected: ['ESM302'] },
  { name: 'Kinesis stream ARN without stream name fails ESM302', kind: K, set: { EventSourceArn: streamArn('aws', 'us-east-1', '') }, expected: ['ESM302'] },
  { name: 'consumer names of 128 characters pass ESM302', kind: KC, set: { EventSourceArn: consumerArn('aws', 'us-east-1', 's'.repeat(128), 'c'.repeat(128)) }, expected: [] },
  { name: 'consumer name of 129 characters fails ESM302', kind: KC, set: { EventSourceArn: consumerArn('aws', 'us-east-1', 'orders', 'c'.repeat(129)) }, expected: ['ESM302'] },
  { name: 'consumer ARN without creation timestamp fails ESM302', kind: KC, set: { EventSourceArn: `${streamArn('aws', 'us-east-1')}/consumer/orders-app` }, expected: ['ESM302'] },
  { name: 'consumer ARN with a non-numeric timestamp fails ESM302', kind: KC, set: { EventSourceArn: consumerArn('aws', 'us-east-1', 'orders', 'orders-app', '2026') + 'Z' }, expected: ['ESM302'] },
  { name: 'DynamoDB table name of 3 characters passes ESM302', kind: D, set: { EventSourceArn: dynamoDbStreamArn('aws', 'us-east-1', 'Ord') }, expected: [] },
  { name: 'DynamoDB table name of 255 characters passes ESM302', kind: D, set: { EventSourceArn: dynamoDbStreamArn('aws', 'us-east-1', 't'.repeat(255)) }, expected: [] },
  { name: 'DynamoDB table name of 2 characters fails ESM302', kind: D, set: { EventSourceArn: dynamoDbStreamArn('aws', 'us-east-1', 'Or') }, expected: ['ESM302'] },
  { name: 'DynamoDB table name of 256 characters fails ESM302', kind: D, set: { EventSourceArn: dynamoDbStreamArn('aws', 'us-east-1', 't'.repeat(256)) }, expected: ['ESM302'] },
  { name: 'DynamoDB stream ARN without a label fails ESM302', kind: D, set: { EventSourceArn: dynamoDbStreamArn('aws', 'us-east-1', 'Orders', '') }, expected: ['ESM302'] },
];

export const MISMATCH_CASES: RuleCase[] = [
  { name: 'a consumer ARN declared as a Kinesis stream fails ESM302', kind: K, set: { EventSourceArn: CONSUMER_ARN }, expected: ['ESM302'] },
  { name: 'a Kinesis stream ARN declared as a consumer fails ESM302', kind: KC, set: { EventSourceArn: STREAM_ARN }, expected: ['ESM302'] },
  { name: 'a DynamoDB stream ARN declared as a Kinesis stream fails ESM302', kind: K, set: { EventSourceArn: DYNAMODB_STREAM_ARN }, expected: ['ESM302'] },
  { name: 'a Kinesis stream ARN declared as a DynamoDB stream fails ESM302', kind: D, set: { EventSourceArn: STREAM_ARN }, expected: ['ESM302'] },
  { name: 'a consumer ARN declared as a DynamoDB stream fails ESM302', kind: D, set: { EventSourceArn: CONSUMER_ARN }, expected: ['ESM302'] },
  { name: 'an SQS queue ARN declared as a Kinesis stream fails ESM302', kind: K, set: { EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:orders' }, expected: ['ESM302'] },
  { name: 'a Kinesis stream ARN with an over-long name declared as a consumer fails ESM302', kind: KC, set: { EventSourceArn: streamArn('aws', 'us-east-1', 'x'.repeat(200)) }, expected: ['ESM302'] },
  { name: 'a Kinesis ARN of something other than a stream fails ESM302', kind: K, set: { EventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:delivery/orders' }, expected: ['ESM302'] },
  { name: 'an SQS queue ARN on a mapping of unknown kind is not judged by ESM302', kind: UNKNOWN_KIND, set: { EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:orders' }, expected: [] },
  { name: 'a Kinesis stream ARN built from pseudo parameters passes ESM302', kind: K, set: { EventSourceArn: joinArn('kinesis', 'stream/orders') }, expected: [] },
  { name: 'a DynamoDB stream ARN built from pseudo parameters passes ESM302', kind: D, set: { EventSourceArn: joinArn('dynamodb', 'table/Orders/stream/2026-01-01T00:00:00.000') }, expected: [] },
  { name: 'a DynamoDB table ARN built from pseudo parameters fails ESM302', kind: D, set: { EventSourceArn: joinArn('dynamodb', 'table/Orders') }, expected: ['ESM302'] },
  { name: 'a Kinesis stream ARN built from pseudo parameters with a 129-character name fails ESM302', kind: K, set: { EventSourceArn: joinArn('kinesis', `stream/${'x'.repeat(129)}`) }, expected: ['ESM302'] },
  { name: 'an ARN joined with an unresolved part passes ESM302', kind: D, set: { EventSourceArn: { 'Fn::Join': ['', ['arn:aws:dynamodb:us-east-1:123456789012:table/', REF]] } }, expected: [] },
];

const TABLE_ARN = { 'Fn::GetAtt': ['Orders', 'Arn'] };
const TABLE_PROBLEM = {
  reason: 'not-a-stream-arn' as const,
  is: 'the ARN of DynamoDB table Orders (Fn::GetAtt returns the table ARN), not of its stream',
  fix: 'use Fn::GetAtt [Orders, StreamArn], with StreamSpecification set on the table',
};
const BUCKET_PROBLEM = {
  reason: 'unsupported-service' as const,
  is: 'the ARN of S3 bucket Bucket, which event source mappings do not read',
  fix: 'give the ARN of a Kinesis stream, Kinesis stream consumer or DynamoDB stream',
};

/** The source problems come from readSource (test/template/source-kind.test.ts); these rows check that the rules report them. */
export const SOURCE_PROBLEM_CASES: RuleCase[] = [
  { name: 'GetAtt of a table\'s Arn fails ESM303', kind: D, set: { EventSourceArn: TABLE_ARN }, facts: { sourceProblem: TABLE_PROBLEM }, expected: ['ESM303'] },
  { name: 'GetAtt of a table\'s StreamArn passes ESM303', kind: D, set: { EventSourceArn: { 'Fn::GetAtt': ['Orders', 'StreamArn'] } }, expected: [] },
  { name: 'Ref of a Kinesis stream (its name) fails ESM303', kind: K, set: { EventSourceArn: REF }, facts: { sourceProblem: { ...TABLE_PROBLEM, is: 'the name of Kinesis stream P', fix: 'use Fn::GetAtt [P, Arn]' } }, expected: ['ESM303'] },
  { name: 'an unsupported service passes ESM303', kind: UNKNOWN_KIND, set: { EventSourceArn: GET_ATT }, facts: { sourceProblem: BUCKET_PROBLEM }, expected: ['ESM304'] },
  { name: 'GetAtt of an S3 bucket fails ESM304', kind: UNKNOWN_KIND, set: { EventSourceArn: { 'Fn::GetAtt': ['Bucket', 'Arn'] } }, facts: { sourceProblem: BUCKET_PROBLEM }, expected: ['ESM304'] },
  { name: 'a table ARN passes ESM304', kind: D, set: { EventSourceArn: TABLE_ARN }, facts: { sourceProblem: TABLE_PROBLEM }, expected: ['ESM303'] },
  { name: 'a stream of known kind without a problem passes ESM303 and ESM304', kind: K, expected: [] },
];

export const EVENT_SOURCE_ARN_MESSAGES: MessageCase[] = [
  {
    name: 'ESM303 message',
    labels: false,
    kind: D,
    set: { EventSourceArn: TABLE_ARN },
    facts: { sourceProblem: TABLE_PROBLEM },
    messages: ['ESM303: EventSourceArn is the ARN of DynamoDB table Orders (Fn::GetAtt returns the table ARN), not of its stream, got {"Fn::GetAtt":["Orders","Arn"]}; use Fn::GetAtt [Orders, StreamArn], with StreamSpecification set on the table'],
  },
  {
    name: 'ESM304 message',
    labels: true,
    kind: UNKNOWN_KIND,
    set: { EventSourceArn: 'arn:aws:s3:::orders' },
    facts: { sourceProblem: { ...BUCKET_PROBLEM, is: 'an ARN of service s3, which event source mappings do not read' } },
    messages: ['ESM304: source (EventSourceArn) is an ARN of service s3, which event source mappings do not read, got "arn:aws:s3:::orders"; give the ARN of a Kinesis stream, Kinesis stream consumer or DynamoDB stream'],
  },
  {
    name: 'ESM301 message',
    labels: false,
    set: { EventSourceArn: undefined },
    messages: ['ESM301: EventSourceArn is required for a stream source, got nothing; give the ARN of the stream, consumer or DynamoDB stream'],
  },
  {
    name: 'ESM301 message for a table without stream',
    labels: true,
    kind: D,
    set: { EventSourceArn: undefined },
    facts: { tableWithoutStream: 'Stack/Orders' },
    messages: ['ESM301: source (EventSourceArn) has no stream to read: table Stack/Orders has no DynamoDB stream, got nothing; enable the table\'s stream (stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES), or import the table with tableStreamArn'],
  },
  {
    name: 'ESM302 message for a DynamoDB table ARN',
    labels: true,
    kind: D,
    set: { EventSourceArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders' },
    messages: ['ESM302: source (EventSourceArn) is a DynamoDB table ARN, not the ARN of its stream, got "arn:aws:dynamodb:us-east-1:123456789012:table/Orders"; use an ARN of the form arn:<partition>:dynamodb:<region>:<12-digit account>:table/<table name>/stream/<stream label>'],
  },
  {
    name: 'ESM302 message for a consumer ARN declared as a stream',
    labels: false,
    kind: K,
    set: { EventSourceArn: CONSUMER_ARN },
    messages: [`ESM302: EventSourceArn is a Kinesis stream consumer ARN where a Kinesis data stream ARN was declared, got "${CONSUMER_ARN}"; use an ARN of the form arn:<partition>:kinesis:<region>:<12-digit account>:stream/<stream name>`],
  },
  {
    name: 'ESM302 message for a stream ARN declared as a consumer',
    labels: false,
    kind: KC,
    set: { EventSourceArn: STREAM_ARN },
    messages: [`ESM302: EventSourceArn is a Kinesis data stream ARN where a Kinesis stream consumer ARN was declared, got "${STREAM_ARN}"; use an ARN of the form arn:<partition>:kinesis:<region>:<12-digit account>:stream/<stream name>/consumer/<consumer name>:<creation timestamp>`],
  },
  {
    name: 'ESM302 message for a Kinesis ARN declared as a DynamoDB stream',
    labels: false,
    kind: D,
    set: { EventSourceArn: STREAM_ARN },
    messages: [`ESM302: EventSourceArn is a Kinesis data stream ARN where a DynamoDB stream ARN was declared, got "${STREAM_ARN}"; use an ARN of the form arn:<partition>:dynamodb:<region>:<12-digit account>:table/<table name>/stream/<stream label>`],
  },
  {
    name: 'ESM302 message for another service',
    labels: false,
    kind: K,
    set: { EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:orders' },
    messages: ['ESM302: EventSourceArn is not a Kinesis data stream ARN, got "arn:aws:sqs:us-east-1:123456789012:orders"; use an ARN of the form arn:<partition>:kinesis:<region>:<12-digit account>:stream/<stream name>'],
  },
];

export const CASES = [...ESM301_CASES, ...ARN_SHAPE_CASES, ...MISMATCH_CASES, ...SOURCE_PROBLEM_CASES];
