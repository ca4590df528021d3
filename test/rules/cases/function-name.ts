import { PARTITIONS, streamArn } from './event-source-arn';
import { D, GET_ATT, joinArn, KC, MessageCase, REF, RuleCase, selectedFunctionName, UNKNOWN_KIND } from '../support';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:';
const name64 = 'f'.repeat(64);
const name65 = 'f'.repeat(65);

export const VALID_FORMS: RuleCase[] = [
  'orders-handler', 'orders_handler', 'a', 'A-Z_0-9', name64,
  'orders:prod', 'orders:1', 'orders:$LATEST', 'orders:$LATEST.PUBLISHED', `orders:${'a'.repeat(128)}`, 'orders:live-v1_2', 'orders:0',
  `${ARN}orders:$LATEST.PUBLISHED`, '123456789012:function:orders:$LATEST',
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
  ...['orders handler', 'orders/handler', 'orders:', ':orders', 'orders:prod:extra', '12345678901:function:orders', 'arn:aws:sqs:us-east-1:123456789012:orders',
    'arn:aws:lambda:useast1:123456789012:function:orders', 'örders']
    .map((functionName): RuleCase => ({ name: `FunctionName ${JSON.stringify(functionName)} fails ESM403`, set: { FunctionName: functionName }, expected: ['ESM403'] })),
  // The qualifier: a version ($LATEST or digits), $LATEST.PUBLISHED, or an alias of [a-zA-Z0-9-_]; no other ".".
  ...['orders:v1.2', 'orders:live.v1', 'orders:$LATEST.published', 'orders:$LATEST.', 'orders:$latest', 'orders:$LATEST.PUBLISHED.1', 'orders:.', `${ARN}orders:live.v1`,
    '123456789012:function:orders:1.0', 'orders.handler:v1.2']
    .map((functionName): RuleCase => ({
      name: `FunctionName ${JSON.stringify(functionName)} fails ESM403 (qualifier)${functionName.startsWith('orders.') ? ' and ESM405' : ''}`,
      set: { FunctionName: functionName },
      expected: functionName.startsWith('orders.') ? ['ESM403', 'ESM405'] : ['ESM403'],
    })),
  // An arn:...:lambda: prefix carries both region and account since the 2026-07 model; partial ARNs without "arn:" keep their forms.
  ...['arn:aws:lambda:us-east-1:function:orders', 'arn:aws:lambda:123456789012:function:orders', 'arn:aws:lambda:function:orders', 'arn:aws:lambda:orders',
    'arn:aws:lambda:us-east-1:function:orders:prod', 'arn::lambda:us-east-1:function:orders']
    .map((functionName): RuleCase => ({ name: `FunctionName ${JSON.stringify(functionName)} fails ESM403 (ARN without region or account)`, set: { FunctionName: functionName }, expected: ['ESM403'] })),
  { name: 'partial ARN us-east-1:function:orders (no "arn:") passes ESM403', set: { FunctionName: 'us-east-1:function:orders' }, expected: [] },
  { name: 'an ARN with its region from AWS::Region passes ESM403', set: { FunctionName: joinArn('lambda', 'function:orders:live') }, expected: [] },
  { name: 'an ARN joined from pseudo parameters with the qualifier live.v1 fails ESM403', set: { FunctionName: joinArn('lambda', 'function:orders:live.v1') }, expected: ['ESM403'] },
  { name: 'name:qualifier joined with an unresolved qualifier passes ESM403', set: { FunctionName: { 'Fn::Join': [':', ['orders', REF]] } }, expected: [] },
  { name: 'FunctionName with a space fails ESM403 on a DynamoDB stream', kind: D, set: { FunctionName: 'orders handler' }, expected: ['ESM403'] },
  { name: 'FunctionName with a space fails ESM403 on a mapping of unknown kind', kind: UNKNOWN_KIND, set: { FunctionName: 'orders handler' }, expected: ['ESM403'] },
];

export const ESM404_CASES: RuleCase[] = [
  { name: 'function name of 65 characters fails ESM404', set: { FunctionName: name65 }, expected: ['ESM404'] },
  { name: 'function name of 65 characters in an ARN fails ESM404', set: { FunctionName: `${ARN}${name65}` }, expected: ['ESM404'] },
  { name: 'function name of 65 characters in a partial ARN fails ESM404', set: { FunctionName: `123456789012:function:${name65}:prod` }, expected: ['ESM404'] },
  { name: 'alias of 129 characters fails ESM404', set: { FunctionName: `orders:${'a'.repeat(129)}` }, expected: ['ESM404'] },
  { name: 'alias of 128 characters passes ESM404', set: { FunctionName: `orders:${'a'.repeat(128)}` }, expected: [] },
  { name: 'alias of 129 characters with a "." fails ESM403 and ESM404', set: { FunctionName: `orders:${'a'.repeat(128)}.` }, expected: ['ESM403', 'ESM404'] },
  { name: 'version of 129 digits passes ESM404 (the Version shape is not limited to 128)', set: { FunctionName: `orders:${'1'.repeat(129)}` }, expected: [] },
  { name: 'function name of 65 characters in an ARN without account fails ESM403 and ESM404', set: { FunctionName: `arn:aws:lambda:us-east-1:function:${name65}` }, expected: ['ESM403', 'ESM404'] },
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

/** The validation layer sets duplicateOf when an earlier mapping has the same key (test/template/mapping-key.test.ts). */
export const ESM408_CASES: RuleCase[] = [
  { name: 'a mapping with an earlier one of the same key fails ESM408', facts: { duplicateOf: 'Stack/First' }, expected: ['ESM408'] },
  { name: 'a DynamoDB mapping with an earlier one of the same key fails ESM408', kind: D, facts: { duplicateOf: 'Stack/First' }, expected: ['ESM408'] },
  { name: 'a consumer mapping with an earlier one of the same key fails ESM408', kind: KC, facts: { duplicateOf: 'Stack/First' }, expected: ['ESM408'] },
  { name: 'a mapping of unknown kind with an earlier one of the same key fails ESM408', kind: UNKNOWN_KIND, facts: { duplicateOf: 'Stack/First' }, expected: ['ESM408'] },
  { name: 'a mapping with unresolved EventSourceArn and FunctionName and an earlier one of the same key fails ESM408', set: { EventSourceArn: GET_ATT, FunctionName: REF }, facts: { duplicateOf: 'Stack/First' }, expected: ['ESM408'] },
  { name: 'the first mapping of its key passes ESM408', facts: { duplicateOf: undefined }, expected: [] },
];

export const FUNCTION_NAME_MESSAGES: MessageCase[] = [
  {
    name: 'ESM408 message with the construct\'s props',
    labels: true,
    facts: { duplicateOf: 'Stack/First' },
    messages: ['ESM408: source (EventSourceArn) is already mapped to "orders-handler" by Stack/First, got "arn:aws:kinesis:us-east-1:123456789012:stream/orders"; '
      + 'Lambda keeps one mapping per stream (or consumer) and function, version or alias (409 ResourceConflictException): '
      + 'remove one of the two, or map another alias, or read the stream through an enhanced fan-out consumer'],
  },
  {
    name: 'ESM408 message for references',
    labels: false,
    set: { EventSourceArn: { 'Fn::GetAtt': ['Stream', 'Arn'] }, FunctionName: { Ref: 'Fn' } },
    facts: { duplicateOf: 'Stack/Fn/KinesisEventSource:StackStream/Resource' },
    messages: ['ESM408: EventSourceArn is already mapped to the same function by Stack/Fn/KinesisEventSource:StackStream/Resource, got "${Stream.Arn}"; '
      + 'Lambda keeps one mapping per stream (or consumer) and function, version or alias (409 ResourceConflictException): '
      + 'remove one of the two, or map another alias, or read the stream through an enhanced fan-out consumer'],
  },
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
    name: 'ESM403 message for a qualifier with a "."',
    labels: true,
    set: { FunctionName: 'orders:live.v1' },
    messages: ['ESM403: target (FunctionName) has the qualifier "live.v1", which is no version or alias, got "orders:live.v1"; use $LATEST, $LATEST.PUBLISHED, a version number, or an alias of letters, digits, - and _ (the only qualifier with a "." is $LATEST.PUBLISHED)'],
  },
  {
    name: 'ESM403 message for a Lambda ARN without account',
    labels: false,
    set: { FunctionName: 'arn:aws:lambda:us-east-1:function:f' },
    messages: ['ESM403: FunctionName is a Lambda ARN without its region or account, got "arn:aws:lambda:us-east-1:function:f"; use arn:<partition>:lambda:<region>:<12-digit account>:function:<name>, or the function name alone'],
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
  ...ESM408_CASES,
];
