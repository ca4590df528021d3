import { PARTITIONS } from './event-source-arn';
import { D, GET_ATT, joinArn, KC, Kind, MessageCase, REF, RuleCase, UNKNOWN_KIND } from '../support';

const onFailure = (destination: unknown) => ({ DestinationConfig: { OnFailure: { Destination: destination } } });
const SQS = 'arn:aws:sqs:us-east-1:123456789012:failed';
const SNS = 'arn:aws:sns:us-east-1:123456789012:failed';
const S3 = 'arn:aws:s3:::failed-batches';
/** An SQS ARN of exactly `length` characters. */
const sqsOfLength = (length: number) => `arn:aws:sqs:us-east-1:123456789012:${'q'.repeat(length - 35)}`;

export const VALID_DESTINATIONS: RuleCase[] = [
  ...[SQS, SNS, S3].flatMap((arn) => ([undefined, KC, D, UNKNOWN_KIND] as Array<Kind | undefined>).map((kind): RuleCase => ({ name: `destination ${arn} passes (${kind ?? 'KINESIS_STREAM'})`, kind, set: onFailure(arn), expected: [] }))),
  ...PARTITIONS.map(([partition, region]): RuleCase => ({ name: `SQS destination in ${partition} ${region} passes`, set: onFailure(`arn:${partition}:sqs:${region}:123456789012:failed`), expected: [] })),
  { name: 'destination ARN of 350 characters passes ESM502', set: onFailure(sqsOfLength(350)), expected: [] },
  { name: 'DestinationConfig {} passes ESM501', set: { DestinationConfig: {} }, expected: [] },
];

export const ESM501_CASES: RuleCase[] = [
  { name: 'OnSuccess fails ESM501', set: { DestinationConfig: { OnSuccess: { Destination: SQS } } }, expected: ['ESM501'] },
  { name: 'OnSuccess beside OnFailure fails ESM501', set: { DestinationConfig: { OnFailure: { Destination: SQS }, OnSuccess: { Destination: SNS } } }, expected: ['ESM501'] },
  { name: 'OnFailure without Destination fails ESM501', set: { DestinationConfig: { OnFailure: {} } }, expected: ['ESM501'] },
  { name: 'OnFailure without Destination fails ESM501 on a DynamoDB stream', kind: D, set: { DestinationConfig: { OnFailure: {} } }, expected: ['ESM501'] },
  { name: 'OnFailure with another key than Destination fails ESM501', set: { DestinationConfig: { OnFailure: { Destination: SQS, Type: 'sqs' } } }, expected: ['ESM501'] },
  { name: 'DestinationConfig unresolved passes ESM501', set: { DestinationConfig: REF }, expected: [] },
  { name: 'OnFailure unresolved passes ESM501', set: { DestinationConfig: { OnFailure: GET_ATT } }, expected: [] },
  { name: 'OnFailure as a string fails ESM501', set: { DestinationConfig: { OnFailure: SQS } }, expected: ['ESM501'] },
  { name: 'OnFailure null fails ESM501', set: { DestinationConfig: { OnFailure: null } }, expected: ['ESM501'] },
];

export const ESM502_CASES: RuleCase[] = [
  { name: 'a Destination that is a number (an override) fails ESM502', set: { DestinationConfig: { OnFailure: { Destination: 5 } } }, expected: ['ESM502'] },
  { name: 'destination "failed-queue" fails ESM502', set: onFailure('failed-queue'), expected: ['ESM502'] },
  { name: 'destination "" fails ESM502', set: onFailure(''), expected: ['ESM502'] },
  { name: 'destination ARN with an 11-digit account fails ESM502', set: onFailure('arn:aws:sqs:us-east-1:12345678901:failed'), expected: ['ESM502'] },
  { name: 'destination ARN of 351 characters fails ESM502', set: onFailure(sqsOfLength(351)), expected: ['ESM502'] },
  { name: 'destination joined from pseudo parameters to 351 characters fails ESM502', set: onFailure(joinArn('sqs', 'q'.repeat(351 - 35))), expected: ['ESM502'] },
  { name: 'destination joined from literals to a non-ARN fails ESM502', set: onFailure({ 'Fn::Join': ['-', ['failed', 'queue']] }), expected: ['ESM502'] },
  { name: 'destination kafka://.topic (not a Kafka topic) fails ESM502', set: onFailure('kafka://.topic'), expected: ['ESM502'] },
  { name: 'destination unresolved (Fn::GetAtt) passes every destination rule', set: onFailure(GET_ATT), expected: [] },
  { name: 'destination joined with an unresolved part passes every destination rule', set: onFailure({ 'Fn::Join': ['', ['failed-', REF]] }), expected: [] },
];

export const ESM503_CASES: RuleCase[] = [
  { name: 'Lambda function destination fails ESM503', set: onFailure('arn:aws:lambda:us-east-1:123456789012:function:dlq'), expected: ['ESM503'] },
  { name: 'EventBridge bus destination fails ESM503', set: onFailure('arn:aws:events:us-east-1:123456789012:event-bus/default'), expected: ['ESM503'] },
  { name: 'Kafka topic destination (valid for the schema) fails ESM503 only', set: onFailure('kafka://failed-batches'), expected: ['ESM503'] },
  { name: 'Lambda function destination fails ESM503 on a DynamoDB stream', kind: D, set: onFailure('arn:aws:lambda:us-east-1:123456789012:function:dlq'), expected: ['ESM503'] },
  { name: 'Lambda function destination built from pseudo parameters fails ESM503', set: onFailure(joinArn('lambda', 'function:dlq')), expected: ['ESM503'] },
];

export const ESM504_CASES: RuleCase[] = [
  { name: 'FIFO queue destination fails ESM504', set: onFailure(`${SQS}.fifo`), expected: ['ESM504'] },
  { name: 'FIFO topic destination fails ESM504', set: onFailure(`${SNS}.fifo`), expected: ['ESM504'] },
  { name: 'FIFO queue destination fails ESM504 on a DynamoDB stream', kind: D, set: onFailure(`${SQS}.fifo`), expected: ['ESM504'] },
  { name: 'FIFO queue destination built from pseudo parameters fails ESM504', set: onFailure(joinArn('sqs', 'failed.fifo')), expected: ['ESM504'] },
  { name: 'S3 bucket named x.fifo passes ESM504', set: onFailure('arn:aws:s3:::failed.fifo'), expected: [] },
];

export const FAILURE_DESTINATION_MESSAGES: MessageCase[] = [
  {
    name: 'ESM501 message for OnSuccess',
    labels: true,
    set: { DestinationConfig: { OnSuccess: { Destination: SQS } } },
    messages: [`ESM501: onFailure (DestinationConfig) has OnSuccess, which event source mappings do not support, got {"OnSuccess":{"Destination":"${SQS}"}}; keep only OnFailure (onFailure)`],
  },
  {
    name: 'ESM501 message for a missing Destination',
    labels: false,
    set: { DestinationConfig: { OnFailure: {} } },
    messages: ['ESM501: DestinationConfig.OnFailure.Destination is required in an OnFailure configuration, got nothing; give the ARN of an SQS queue, SNS topic or S3 bucket'],
  },
  {
    name: 'ESM501 message for another key in OnFailure',
    labels: false,
    set: { DestinationConfig: { OnFailure: { Destination: SQS, Type: 'sqs' } } },
    messages: [`ESM501: DestinationConfig.OnFailure has Type, but OnFailure takes only Destination, got {"Destination":"${SQS}","Type":"sqs"}; keep only Destination`],
  },
  {
    name: 'ESM501 message for an OnFailure that is not an object',
    labels: true,
    set: { DestinationConfig: { OnFailure: SQS } },
    messages: [`ESM501: onFailure (DestinationConfig.OnFailure) must be an object with a Destination, got "${SQS}"; give { Destination: <ARN of an SQS queue, SNS topic or S3 bucket> }`],
  },
  {
    name: 'ESM502 message for a non-ARN',
    labels: true,
    set: onFailure('failed-queue'),
    messages: ['ESM502: onFailure (DestinationConfig.OnFailure.Destination) is not an ARN, got "failed-queue"; give the ARN of an SQS queue, SNS topic or S3 bucket'],
  },
  {
    name: 'ESM502 message for a long ARN',
    labels: false,
    set: onFailure(sqsOfLength(351)),
    messages: [`ESM502: DestinationConfig.OnFailure.Destination is 351 characters long, got "${sqsOfLength(351)}"; destination ARNs are at most 350 characters`],
  },
  {
    name: 'ESM503 message for a function',
    labels: true,
    set: onFailure('arn:aws:lambda:us-east-1:123456789012:function:dlq'),
    messages: ['ESM503: onFailure (DestinationConfig.OnFailure.Destination) is a lambda ARN, got "arn:aws:lambda:us-east-1:123456789012:function:dlq"; use an SQS queue, SNS topic or S3 bucket (Lambda functions and event buses are destinations for asynchronous invocation only)'],
  },
  {
    name: 'ESM503 message for a Kafka topic',
    labels: false,
    set: onFailure('kafka://failed-batches'),
    messages: ['ESM503: DestinationConfig.OnFailure.Destination is a Kafka topic, which is an on-failure destination for Kafka sources only, got "kafka://failed-batches"; use an SQS queue, SNS topic or S3 bucket'],
  },
  {
    name: 'ESM504 message',
    labels: false,
    set: onFailure(`${SQS}.fifo`),
    messages: [`ESM504: DestinationConfig.OnFailure.Destination is a FIFO queue or topic, got "${SQS}.fifo"; use a standard SQS queue or SNS topic`],
  },
];

/** Rows at the valid side of each rule, named for the rules they pass. */
export const PASSING_CASES: RuleCase[] = [
  { name: 'an SQS queue, SNS topic or S3 bucket destination passes ESM503 (SQS)', set: onFailure(SQS), expected: [] },
  { name: 'an SNS destination passes ESM503', set: onFailure(SNS), expected: [] },
  { name: 'an S3 destination passes ESM503', set: onFailure(S3), expected: [] },
];

export const CASES = [...PASSING_CASES, ...VALID_DESTINATIONS, ...ESM501_CASES, ...ESM502_CASES, ...ESM503_CASES, ...ESM504_CASES];
