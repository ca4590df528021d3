import { PARTITIONS, streamArn } from './event-source-arn';
import { D, GET_ATT, joinArn, KC, MessageCase, REF, RuleCase, selectedFunctionName, UNKNOWN_KIND } from '../support';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:';
const name64 = 'f'.repeat(64);
const name65 = 'f'.repeat(65);

export const VALID_FORMS: RuleCase[] = [
  'orders-handler', 'orders_handler', 'a', 'A-Z_0-9', name64,
  'orders:prod', 'orders:1', 'orders:$LATEST', 'orders:$LATEST.PUBLISHED', `orders:${'a'.repeat(128)}`,
  `${ARN}orders`, `${ARN}orders:prod`, `${ARN}orders:7`, `${ARN}${name64}`,
  '123456789012:function:orders', '123456789012:function:orders:prod', 'us-east-1:123456789012:function:orders',
  // The API pattern reads this as function "layer", alias "orders": a valid name, whatever it was meant to be.
  'arn:aws:lambda:us-east-1:123456789012:layer:orders',
].map((functionName): RuleCase => ({ name: `FunctionName ${functionName} passes`, set: { FunctionName: functionName }, expected: [] }));

export const ESM401_CASES: RuleCase[] = [
  { name: 'no FunctionName fails ESM401', set: { FunctionName: undefined }, expected: ['ESM401'] },
  { name: 'no FunctionName fails ESM401 on a mapping of unknown kind', kind: UNKNOWN_KIND, set: { FunctionName: undefined }, expected: ['ESM401'] },
  { name: 'FunctionName unresolved (Ref) passes every FunctionName rule', set: { FunctionName: REF }, expected: [] },
  { name: 'FunctionName unresolved (Fn::GetAtt) passes every FunctionName rule', set: { FunctionName: GET_ATT }, expected: [] },
  { name: 'FunctionName joined with an unresolved part passes every FunctionName rule', set: { FunctionName: { 'Fn::Join': ['', [name65, REF]] } }, expected: [] },
];

/** A qualified function ARN of exactly `length` characters: 47-character prefix, 64-character name, alias. */
const arnOfLength = (length: number) => `${ARN}${name64}:${'a'.repeat(length - ARN.length - 65)}`;

export const ESM402_CASES: RuleCase[] = [
  { name: 'FunctionName "" fails ESM402 only', set: { FunctionName: '' }, expected: ['ESM402'] },
  { name: 'FunctionName of 140 characters passes ESM402', set: { FunctionName: arnOfLength(140) }, expected: [] },
  { name: 'FunctionName of 141 characters fails ESM402 only', set: { FunctionName: arnOfLength(141) }, expected: ['ESM402'] },
  { name: 'FunctionName joined from pseudo parameters to 141 characters fails ESM402', set: { FunctionName: joinArn('lambda', `function:${name64}:${'a'.repeat(141 - ARN.length - 65)}`) }, expected: ['ESM402'] },
  { name: 'FunctionName joined from pseudo parameters to 140 characters passes ESM402', set: { FunctionName: joinArn('lambda', `function:${name64}:${'a'.repeat(140 - ARN.length - 65)}`) }, expected: [] },
  { name: 'FunctionName joined from nothing ("") fails ESM402', set: { FunctionName: { 'Fn::Join': ['', []] } }, expected: ['ESM402'] },
];

export const ESM403_CASES: RuleCase[] = [
  ...['orders handler', 'orders/handler', 'orders:v1.2', 'orders:', ':orders', 'orders:prod:extra', '12345678901:function:orders', 'arn:aws:sqs:us-east-1:123456789012:orders',
    'arn:aws:lambda:useast1:123456789012:function:orders', 'örders']
    .map((functionName): RuleCase => ({ name: `FunctionName ${JSON.stringify(functionName)} fails ESM403`, set: { FunctionName: functionName }, expected: ['ESM403'] })),
  { name: 'FunctionName with a space fails ESM403 on a DynamoDB stream', kind: D, set: { FunctionName: 'orders handler' }, expected: ['ESM403'] },
  { name: 'FunctionName with a space fails ESM403 on a mapping of unknown kind', kind: UNKNOWN_KIND, set: { FunctionName: 'orders handler' }, expected: ['ESM403'] },
];

export const ESM404_CASES: RuleCase[] = [
  { name: 'function name of 65 characters fails ESM404', set: { FunctionName: name65 }, expected: ['ESM404'] },
  { name: 'function name of 65 characters in an ARN fails ESM404', set: { FunctionName: `${ARN}${name65}` }, expected: ['ESM404'] },
  { name: 'function name of 65 characters in a partial ARN fails ESM404', set: { FunctionName: `123456789012:function:${name65}:prod` }, expected: ['ESM404'] },
  { name: 'alias of 129 characters fails ESM404', set: { FunctionName: `orders:${'a'.repeat(129)}` }, expected: ['ESM404'] },
  { name: 'Select(6, Split(":", function ARN)) with a 65-character name fails ESM404', set: { FunctionName: selectedFunctionName(name65) }, expected: ['ESM404'] },
  { name: 'Select(6, Split(":", function ARN)) with a 64-character name passes ESM404', set: { FunctionName: selectedFunctionName(name64) }, expected: [] },
  { name: 'function ARN joined from pseudo parameters with a 65-character name fails ESM404', set: { FunctionName: joinArn('lambda', `function:${name65}`) }, expected: ['ESM404'] },
  { name: 'Select(6, Split(":", ...)) with a space in the name fails ESM403', set: { FunctionName: selectedFunctionName('orders handler') }, expected: ['ESM403'] },
  { name: 'function name of 141 characters fails ESM402 and ESM404', set: { FunctionName: 'f'.repeat(141) }, expected: ['ESM402', 'ESM404'] },
];

export const ESM405_CASES: RuleCase[] = [
  { name: 'FunctionName with a "." fails ESM405 only', set: { FunctionName: 'orders.handler' }, expected: ['ESM405'] },
  { name: 'function ARN with a "." in the name fails ESM405 only', set: { FunctionName: `${ARN}orders.handler:prod` }, expected: ['ESM405'] },
  { name: 'Select(6, Split(":", ...)) with a "." in the name fails ESM405', set: { FunctionName: selectedFunctionName('orders.handler') }, expected: ['ESM405'] },
];

export const PARTITION_CASES: RuleCase[] = [
  ...PARTITIONS.map(([partition, region]): RuleCase => ({
    name: `function and stream both in ${partition} ${region} pass`,
    set: { FunctionName: `arn:${partition}:lambda:${region}:123456789012:function:orders`, EventSourceArn: streamArn(partition, region) },
    expected: [],
  })),
  { name: 'function in aws-cn and stream in aws fail ESM406 and ESM407', set: { FunctionName: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:orders' }, expected: ['ESM406', 'ESM407'] },
  {
    name: 'function in aws-eusc and consumer in aws-iso-b fail ESM406 and ESM407',
    kind: KC,
    set: { FunctionName: 'arn:aws-eusc:lambda:eusc-de-east-1:123456789012:function:orders', EventSourceArn: 'arn:aws-iso-b:kinesis:us-isob-east-1:123456789012:stream/orders/consumer/app:1' },
    expected: ['ESM406', 'ESM407'],
  },
  { name: 'function in us-west-2 and stream in us-east-1 fail ESM407', set: { FunctionName: 'arn:aws:lambda:us-west-2:123456789012:function:orders' }, expected: ['ESM407'] },
  { name: 'partial ARN with a region different from the stream fails ESM407', set: { FunctionName: 'us-west-2:123456789012:function:orders' }, expected: ['ESM407'] },
  { name: 'function in another account passes (cross-account is not judged)', set: { FunctionName: 'arn:aws:lambda:us-east-1:210987654321:function:orders' }, expected: [] },
  {
    name: 'function ARN built from AWS::Partition and a stream in aws-cn pass ESM406 (the real partition is unknown)',
    set: { FunctionName: joinArn('lambda', 'function:orders'), EventSourceArn: streamArn('aws-cn', 'cn-north-1') },
    expected: [],
  },
  {
    name: 'stream ARN built from AWS::Region and a function in eu-west-1 pass ESM407 (the real region is unknown)',
    set: { FunctionName: 'arn:aws:lambda:eu-west-1:123456789012:function:orders', EventSourceArn: joinArn('kinesis', 'stream/orders') },
    expected: [],
  },
  { name: 'a function ARN and an unresolved stream pass ESM406 and ESM407', set: { FunctionName: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:orders', EventSourceArn: GET_ATT }, expected: [] },
];

export const FUNCTION_NAME_MESSAGES: MessageCase[] = [
  {
    name: 'ESM401 message',
    labels: true,
    set: { FunctionName: undefined },
    messages: ['ESM401: target (FunctionName) is required, got nothing; name the function, version or alias to invoke'],
  },
  {
    name: 'ESM402 message',
    labels: false,
    set: { FunctionName: arnOfLength(141) },
    messages: [`ESM402: FunctionName is 141 characters long, got "${arnOfLength(141)}"; use 1 to 140 characters: a shorter function name or alias, or name:qualifier instead of the full ARN`],
  },
  {
    name: 'ESM403 message',
    labels: false,
    set: { FunctionName: 'orders handler' },
    messages: ['ESM403: FunctionName is not a function name or function ARN, got "orders handler"; use a function name, name:qualifier, a function ARN, a qualified (version or alias) ARN, or 123456789012:function:name'],
  },
  {
    name: 'ESM404 message for the name evaluated from Select(6, Split(...))',
    labels: true,
    set: { FunctionName: selectedFunctionName(name65) },
    messages: [`ESM404: target (FunctionName) has a function name of 65 characters, got "${name65}"; function names are at most 64 characters`],
  },
  {
    name: 'ESM404 message for an alias',
    labels: false,
    set: { FunctionName: `orders:${'a'.repeat(129)}` },
    messages: [`ESM404: FunctionName has a qualifier of 129 characters, got "orders:${'a'.repeat(129)}"; aliases are at most 128 characters`],
  },
  {
    name: 'ESM405 message',
    labels: false,
    set: { FunctionName: 'orders.handler' },
    messages: ['ESM405: FunctionName has a "." in the function name, which Lambda function names do not contain, got "orders.handler"; check the function name; Lambda names use letters, digits, - and _'],
  },
  {
    name: 'ESM406 and ESM407 messages',
    labels: true,
    set: { FunctionName: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:orders' },
    messages: [
      'ESM406: target (FunctionName) is in partition aws-cn but the stream is in aws, got "arn:aws-cn:lambda:cn-north-1:123456789012:function:orders"; map the stream to a function in the same partition',
      'ESM407: target (FunctionName) is in region cn-north-1 but the stream is in us-east-1, got "arn:aws-cn:lambda:cn-north-1:123456789012:function:orders"; map the stream to a function in its own region',
    ],
  },
];

/** Rows at the valid side of each rule, named for the rules they pass. */
export const PASSING_CASES: RuleCase[] = [
  { name: 'FunctionName orders-handler passes ESM401', set: { FunctionName: 'orders-handler' }, expected: [] },
  { name: 'a qualified function ARN passes ESM403', set: { FunctionName: `${ARN}orders-handler:live` }, expected: [] },
  { name: 'a name of letters, digits, - and _ passes ESM405', set: { FunctionName: 'Orders_handler-2' }, expected: [] },
  { name: 'a function ARN in the stream\'s partition and region passes ESM406 and ESM407', set: { FunctionName: `${ARN}orders-handler` }, expected: [] },
];

export const CASES = [
  ...PASSING_CASES, ...VALID_FORMS, ...ESM401_CASES, ...ESM402_CASES, ...ESM403_CASES, ...ESM404_CASES, ...ESM405_CASES, ...PARTITION_CASES,
];
