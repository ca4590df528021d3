import { mappingKey, MappingPlace } from '../../lib/template/mapping-key';

const STREAM = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders';
const OTHER_STREAM = 'arn:aws:kinesis:us-east-1:123456789012:stream/payments';
const CONSUMER = `${STREAM}/consumer/app:1767225600`;
const TABLE_STREAM = 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2026-01-01T00:00:00.000';
const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:orders';

/** A stack with a literal environment, another in another account, another in another region, and env-agnostic ones. */
const HERE: MappingPlace = { account: '123456789012', region: 'us-east-1', template: 'Stack' };
const HERE_OTHER_STACK: MappingPlace = { ...HERE, template: 'Other' };
const OTHER_ACCOUNT: MappingPlace = { account: '210987654321', region: 'us-east-1', template: 'Other' };
const OTHER_REGION: MappingPlace = { account: '123456789012', region: 'eu-west-1', template: 'Other' };
const AGNOSTIC: MappingPlace = { template: 'Stack' };
const AGNOSTIC_OTHER: MappingPlace = { template: 'Other' };
const ACCOUNT_ONLY: MappingPlace = { account: '123456789012', template: 'Stack' };

const GET_ATT = { 'Fn::GetAtt': ['Stream', 'Arn'] };
const REF = { Ref: 'Fn' };
/** How aws-cdk-lib names a function imported by name: its seventh part, a literal. */
const SELECTED = {
  'Fn::Select': [6, { 'Fn::Split': [':', { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':lambda:us-east-1:123456789012:function:orders']] }] }],
};
const JOINED_ARN = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':lambda:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':function:orders']] };

type Side = [Record<string, unknown>, MappingPlace];
const mapping = (EventSourceArn: unknown, FunctionName: unknown, place: MappingPlace = HERE): Side => [{ EventSourceArn, FunctionName }, place];

describe('mappingKey: the same event source and function in one account and region', () => {
  test.each<[string, Side, Side]>([
    ['equal literals', mapping(STREAM, 'orders'), mapping(STREAM, 'orders')],
    ['equal literals in two stacks of one environment', mapping(STREAM, 'orders'), mapping(STREAM, 'orders', HERE_OTHER_STACK)],
    ['a bare name and the function ARN of the stack\'s region and account', mapping(STREAM, 'orders'), mapping(STREAM, FUNCTION_ARN)],
    ['a partial ARN and the function ARN', mapping(STREAM, '123456789012:function:orders'), mapping(STREAM, FUNCTION_ARN)],
    ['a partial ARN with region and the function ARN', mapping(STREAM, 'us-east-1:123456789012:function:orders'), mapping(STREAM, FUNCTION_ARN)],
    ['name:alias and the alias ARN', mapping(STREAM, 'orders:live'), mapping(STREAM, `${FUNCTION_ARN}:live`)],
    ['a name selected from an imported ARN (literal) and the bare name', mapping(STREAM, SELECTED), mapping(STREAM, 'orders')],
    ['equal consumers', mapping(CONSUMER, 'orders'), mapping(CONSUMER, 'orders')],
    ['equal DynamoDB streams', mapping(TABLE_STREAM, 'orders'), mapping(TABLE_STREAM, 'orders')],
    ['equal references in one template', mapping(GET_ATT, REF), mapping(GET_ATT, REF)],
    ['equal references in one env-agnostic template', mapping(GET_ATT, REF, AGNOSTIC), mapping(GET_ATT, REF, AGNOSTIC)],
    ['equal ARNs from pseudo parameters in one template', mapping(STREAM, JOINED_ARN), mapping(STREAM, JOINED_ARN)],
    ['equal literals in one env-agnostic template', mapping(STREAM, 'orders', AGNOSTIC), mapping(STREAM, 'orders', AGNOSTIC)],
    ['equal references whose keys were written in another order', mapping({ 'Fn::If': ['C', STREAM, OTHER_STREAM] }, { 'Fn::Sub': ['${F}', { F: 'orders', G: 'x' }] }),
      mapping({ 'Fn::If': ['C', STREAM, OTHER_STREAM] }, { 'Fn::Sub': ['${F}', { G: 'x', F: 'orders' }] })],
    ['a function\'s Ref (its name) and its Fn::GetAtt Arn', mapping(GET_ATT, REF), mapping(GET_ATT, { 'Fn::GetAtt': ['Fn', 'Arn'] })],
    ['a function\'s Ref and its Fn::GetAtt in the short string form', mapping(GET_ATT, REF), mapping(GET_ATT, { 'Fn::GetAtt': 'Fn.Arn' })],
    ['a consumer\'s Ref (its ARN) and its Fn::GetAtt ConsumerARN', mapping({ Ref: 'Consumer' }, 'orders'), mapping({ 'Fn::GetAtt': ['Consumer', 'ConsumerARN'] }, 'orders')],
  ])('%s share a key', (_name, [a, placeA], [b, placeB]) => {
    const key = mappingKey(a, placeA);
    expect(key).toBeDefined();
    expect(mappingKey(b, placeB)).toBe(key);
  });
});

describe('mappingKey: mappings that are not, or not certainly, the same', () => {
  test.each<[string, Side, Side]>([
    ['other streams', mapping(STREAM, 'orders'), mapping(OTHER_STREAM, 'orders')],
    ['a stream and its consumer', mapping(STREAM, 'orders'), mapping(CONSUMER, 'orders')],
    ['other functions', mapping(STREAM, 'orders'), mapping(STREAM, 'payments')],
    ['the function and its alias', mapping(STREAM, 'orders'), mapping(STREAM, 'orders:live')],
    ['two aliases', mapping(STREAM, 'orders:live'), mapping(STREAM, 'orders:test')],
    ['the function and $LATEST (not known to be the same mapping)', mapping(STREAM, 'orders'), mapping(STREAM, 'orders:$LATEST')],
    ['two accounts', mapping(STREAM, 'orders'), mapping(STREAM, 'orders', OTHER_ACCOUNT)],
    ['two regions', mapping(STREAM, 'orders'), mapping(STREAM, 'orders', OTHER_REGION)],
    ['a function ARN in two regions\' stacks', mapping(STREAM, FUNCTION_ARN), mapping(STREAM, FUNCTION_ARN, OTHER_REGION)],
    ['a bare name and the ARN of another account\'s function', mapping(STREAM, 'orders'), mapping(STREAM, 'arn:aws:lambda:us-east-1:210987654321:function:orders')],
    ['literals in two env-agnostic templates', mapping(STREAM, 'orders', AGNOSTIC), mapping(STREAM, 'orders', AGNOSTIC_OTHER)],
    ['literals in an env-agnostic and a literal-env template', mapping(STREAM, 'orders', AGNOSTIC), mapping(STREAM, 'orders')],
    ['a bare name and the function ARN where the stack\'s environment is unknown', mapping(STREAM, 'orders', AGNOSTIC), mapping(STREAM, FUNCTION_ARN, AGNOSTIC)],
    ['a bare name and the ARN where only the account is known', mapping(STREAM, 'orders', ACCOUNT_ONLY), mapping(STREAM, FUNCTION_ARN, ACCOUNT_ONLY)],
    ['equal references in two templates of one environment', mapping(GET_ATT, REF), mapping(GET_ATT, REF, HERE_OTHER_STACK)],
    ['a reference and a literal that it may resolve to', mapping(GET_ATT, 'orders'), mapping(STREAM, 'orders')],
    ['a literal function and a reference', mapping(STREAM, 'orders'), mapping(STREAM, REF)],
    ['an ARN from pseudo parameters and the literal it may resolve to', mapping(STREAM, JOINED_ARN), mapping(STREAM, FUNCTION_ARN)],
    ['other references', mapping(GET_ATT, REF), mapping(GET_ATT, { Ref: 'Other' })],
    ['a stream\'s Ref (its name) and its Fn::GetAtt Arn', mapping({ Ref: 'Stream' }, 'orders'), mapping(GET_ATT, 'orders')],
    ['a function\'s Ref and the Fn::GetAtt Arn of another resource', mapping(GET_ATT, REF), mapping(GET_ATT, { 'Fn::GetAtt': ['Other', 'Arn'] })],
    ['a function\'s Ref and another of its attributes', mapping(GET_ATT, REF), mapping(GET_ATT, { 'Fn::GetAtt': ['Fn', 'SnapStartResponse.ApplyOn'] })],
    ['a function\'s Fn::GetAtt Arn in two templates', mapping(GET_ATT, { 'Fn::GetAtt': ['Fn', 'Arn'] }), mapping(GET_ATT, { 'Fn::GetAtt': ['Fn', 'Arn'] }, HERE_OTHER_STACK)],
  ])('%s have different keys', (_name, [a, placeA], [b, placeB]) => {
    const key = mappingKey(a, placeA);
    expect(key).toBeDefined();
    expect(mappingKey(b, placeB)).toBeDefined();
    expect(mappingKey(b, placeB)).not.toBe(key);
  });
});

describe('mappingKey: mappings that cannot be compared', () => {
  test.each<[string, Record<string, unknown>]>([
    ['no EventSourceArn', { FunctionName: 'orders' }],
    ['no FunctionName', { EventSourceArn: STREAM }],
    ['an EventSourceArn that is no ARN', { EventSourceArn: 'orders', FunctionName: 'orders' }],
    ['a FunctionName the API rejects', { EventSourceArn: STREAM, FunctionName: 'orders:live.v1' }],
    ['a Lambda ARN without account', { EventSourceArn: STREAM, FunctionName: 'arn:aws:lambda:us-east-1:function:orders' }],
    ['a FunctionName that is a number', { EventSourceArn: STREAM, FunctionName: 5 }],
    ['an EventSourceArn that is a list', { EventSourceArn: [STREAM], FunctionName: 'orders' }],
  ])('%s has no key', (_name, properties) => {
    expect(mappingKey(properties, HERE)).toBeUndefined();
  });
});

test('the key of equal literals in a literal environment names the environment, the stream and the function', () => {
  expect(mappingKey({ EventSourceArn: STREAM, FunctionName: 'orders:live' }, HERE))
    .toBe(JSON.stringify(['123456789012/us-east-1', STREAM, 'us-east-1:123456789012:function:orders:live']));
});
