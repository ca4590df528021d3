import { CONDITIONAL, D, GET_ATT, KC, MessageCase, REF, RuleCase, UNKNOWN_KIND } from '../support';

/** `count` distinct filters. */
export const filters = (count: number) => ({
  Filters: Array.from({ length: count }, (_, i) => ({ Pattern: JSON.stringify({ data: { shard: [i] } }) })),
});
const withPatterns = (...patterns: unknown[]) => ({ FilterCriteria: { Filters: patterns.map((Pattern) => ({ Pattern })) } });
/** A valid pattern of exactly `length` characters. */
export const patternOfLength = (length: number) => `{"data":{"k":["${'x'.repeat(length - 19)}"]}}`;
const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

export const FILTER_COUNT_CASES: RuleCase[] = [
  { name: '0 filters fail ESM601', set: { FilterCriteria: filters(0) }, expected: ['ESM601'] },
  { name: '1 filter passes', set: { FilterCriteria: filters(1) }, expected: [] },
  { name: '5 filters pass (the default quota)', set: { FilterCriteria: filters(5) }, expected: [] },
  { name: '6 filters fail ESM803 (above the default quota of 5)', set: { FilterCriteria: filters(6) }, expected: ['ESM803'] },
  { name: '9 filters fail ESM803 only (below the highest quota of 10)', set: { FilterCriteria: filters(9) }, expected: ['ESM803'] },
  { name: '10 filters fail ESM803 only (at the highest quota) and pass ESM601', set: { FilterCriteria: filters(10) }, expected: ['ESM803'] },
  { name: '11 filters fail ESM601 only (above the highest quota) and pass ESM803', set: { FilterCriteria: filters(11) }, expected: ['ESM601'] },
  { name: '20 filters (CloudFormation\'s maximum) fail ESM601 only', set: { FilterCriteria: filters(20) }, expected: ['ESM601'] },
  { name: '21 filters fail ESM601 only', set: { FilterCriteria: filters(21) }, expected: ['ESM601'] },
  { name: '11 filters fail ESM601 on a DynamoDB stream', kind: D, set: { FilterCriteria: filters(11) }, expected: ['ESM601'] },
  { name: '11 filters fail ESM601 on a mapping of unknown kind', kind: UNKNOWN_KIND, set: { FilterCriteria: filters(11) }, expected: ['ESM601'] },
  { name: 'an unresolved filter list passes ESM601 and ESM803', set: { FilterCriteria: { Filters: REF } }, expected: [] },
  { name: '11 filters that are each unresolved fail ESM601 (the count is known)', set: { FilterCriteria: { Filters: Array.from({ length: 11 }, () => REF) } }, expected: ['ESM601'] },
  { name: '6 filters fail ESM803 on a mapping of unknown kind', kind: UNKNOWN_KIND, set: { FilterCriteria: filters(6) }, expected: ['ESM803'] },
  { name: 'FilterCriteria without Filters passes', set: { FilterCriteria: {} }, expected: [] },
  { name: 'FilterCriteria unresolved passes every filter rule', set: { FilterCriteria: REF }, expected: [] },
  { name: 'Filters unresolved passes every filter rule', set: { FilterCriteria: { Filters: GET_ATT } }, expected: [] },
];

export const ESM601_CASES: RuleCase[] = [
  { name: 'Filters as a string fails ESM601', set: { FilterCriteria: { Filters: 'abc' } }, expected: ['ESM601'] },
  { name: 'a Pattern that is a number fails ESM601', set: { FilterCriteria: { Filters: [{ Pattern: 5 }] } }, expected: ['ESM601'] },
  { name: 'a repeated pattern fails ESM601', set: withPatterns('{"data":{"k":["a"]}}', '{"data":{"k":["b"]}}', '{"data":{"k":["a"]}}'), expected: ['ESM601'] },
  { name: 'a filter that is a string fails ESM601', set: { FilterCriteria: { Filters: ['{"data":{"k":["a"]}}'] } }, expected: ['ESM601'] },
  { name: 'a filter that is null fails ESM601', set: { FilterCriteria: { Filters: [null] } }, expected: ['ESM601'] },
  { name: 'a filter that is a list fails ESM601', set: { FilterCriteria: { Filters: [[]] } }, expected: ['ESM601'] },
  { name: 'a filter with "pattern" (lower case) fails ESM601 and ESM604 (no Pattern)', set: { FilterCriteria: { Filters: [{ pattern: '{"data":{"k":["a"]}}' }] } }, expected: ['ESM601', 'ESM604'] },
  { name: 'an unresolved filter passes', set: { FilterCriteria: { Filters: [REF] } }, expected: [] },
  { name: 'an unresolved pattern passes every pattern rule', set: { FilterCriteria: { Filters: [{ Pattern: REF }] } }, expected: [] },
  { name: 'two unresolved patterns pass ESM601', set: { FilterCriteria: { Filters: [{ Pattern: REF }, { Pattern: REF }] } }, expected: [] },
  { name: 'two filters without Pattern fail ESM601 (CloudFormation\'s uniqueItems) and ESM604', set: { FilterCriteria: { Filters: [{}, {}] } }, expected: ['ESM601', 'ESM604', 'ESM604'] },
  { name: 'a filter without Pattern beside one with a Pattern passes ESM601', set: { FilterCriteria: { Filters: [{}, { Pattern: '{"data":{"k":["a"]}}' }] } }, expected: ['ESM604'] },
  { name: 'two unresolved filters pass ESM601', set: { FilterCriteria: { Filters: [REF, REF] } }, expected: [] },
];

export const ESM602_CASES: RuleCase[] = [
  { name: 'pattern of 4096 characters passes ESM602', set: withPatterns(patternOfLength(4096)), expected: [] },
  { name: 'pattern of 4097 characters fails ESM602', set: withPatterns(patternOfLength(4097)), expected: ['ESM602'] },
  { name: 'second pattern of 4097 characters fails ESM602 on a consumer', kind: KC, set: withPatterns('{"data":{"k":["a"]}}', patternOfLength(4097)), expected: ['ESM602'] },
];

export const ESM603_CASES: RuleCase[] = [
  ...['{data', '[]', '[{"data":{"k":["a"]}}]', '"data"', '1', 'null', '']
    .map((pattern): RuleCase => ({ name: `pattern ${JSON.stringify(pattern)} fails ESM603`, set: withPatterns(pattern), expected: ['ESM603'] })),
  { name: 'invalid JSON fails ESM603 on a DynamoDB stream', kind: D, set: withPatterns('{"dynamodb": '), expected: ['ESM603'] },
];

export const ESM604_CASES: RuleCase[] = [
  { name: 'pattern {} fails ESM604', set: withPatterns('{}'), expected: ['ESM604'] },
  { name: 'a bare string leaf fails ESM604', set: withPatterns('{"data":{"kind":"order"}}'), expected: ['ESM604'] },
  { name: 'a bare number leaf fails ESM604', set: withPatterns('{"data":{"count":1}}'), expected: ['ESM604'] },
  { name: 'a null leaf fails ESM604', set: withPatterns('{"data":null}'), expected: ['ESM604'] },
  { name: 'a filter without Pattern fails ESM604', set: { FilterCriteria: { Filters: [{}] } }, expected: ['ESM604'] },
  { name: 'a list leaf passes ESM604', set: withPatterns('{"data":{"kind":["order"]}}'), expected: [] },
  { name: 'a DynamoDB pattern passes', kind: D, set: withPatterns('{"eventName":["INSERT"],"dynamodb":{"NewImage":{"status":{"S":["open"]}}}}'), expected: [] },
  { name: 'a numeric-range pattern passes', set: withPatterns('{"data":{"count":[{"numeric":[">",0,"<=",5]}]}}'), expected: [] },
  { name: 'a conditional Filters list passes', set: { FilterCriteria: { Filters: CONDITIONAL([{ Pattern: '{}' }]) } }, expected: [] },
];

export const ESM605_CASES: RuleCase[] = [
  { name: 'KMS key ARN with filters passes', set: { KmsKeyArn: KEY_ARN, FilterCriteria: filters(1) }, expected: [] },
  { name: 'KMS alias ARN with filters passes', set: { KmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:alias/orders', FilterCriteria: filters(1) }, expected: [] },
  { name: 'KMS key ARN in aws-eusc with filters passes', set: { KmsKeyArn: 'arn:aws-eusc:kms:eusc-de-east-1:123456789012:key/k', FilterCriteria: filters(1) }, expected: [] },
  { name: 'KMS key ARN of 2048 characters passes ESM605', set: { KmsKeyArn: `${KEY_ARN}${'k'.repeat(2048 - KEY_ARN.length)}`, FilterCriteria: filters(1) }, expected: [] },
  { name: 'KMS key ARN of 2049 characters fails ESM605', set: { KmsKeyArn: `${KEY_ARN}${'k'.repeat(2049 - KEY_ARN.length)}`, FilterCriteria: filters(1) }, expected: ['ESM605'] },
  { name: 'KMS key ID fails ESM605', set: { KmsKeyArn: '1234abcd-12ab-34cd-56ef-1234567890ab', FilterCriteria: filters(1) }, expected: ['ESM605'] },
  { name: 'KMS alias name fails ESM605', set: { KmsKeyArn: 'alias/orders', FilterCriteria: filters(1) }, expected: ['ESM605'] },
  { name: 'S3 ARN as KmsKeyArn fails ESM605', set: { KmsKeyArn: 'arn:aws:s3:::orders', FilterCriteria: filters(1) }, expected: ['ESM605'] },
  { name: 'KmsKeyArn "" fails ESM605', set: { KmsKeyArn: '', FilterCriteria: filters(1) }, expected: ['ESM605'] },
  { name: 'KmsKeyArn unresolved passes ESM605', set: { KmsKeyArn: GET_ATT, FilterCriteria: filters(1) }, expected: [] },
];

export const ESM606_CASES: RuleCase[] = [
  { name: 'KmsKeyArn without FilterCriteria fails ESM606', set: { KmsKeyArn: KEY_ARN }, expected: ['ESM606'] },
  { name: 'KmsKeyArn without FilterCriteria fails ESM606 on a DynamoDB stream', kind: D, set: { KmsKeyArn: KEY_ARN }, expected: ['ESM606'] },
  { name: 'an unresolved KmsKeyArn without FilterCriteria fails ESM606 (it is there, whatever its value)', set: { KmsKeyArn: GET_ATT }, expected: ['ESM606'] },
  { name: 'a conditional KmsKeyArn without FilterCriteria passes ESM606', set: { KmsKeyArn: CONDITIONAL(KEY_ARN) }, expected: [] },
  { name: 'KmsKeyArn with an unresolved FilterCriteria passes ESM606', set: { KmsKeyArn: KEY_ARN, FilterCriteria: REF }, expected: [] },
];

export const FILTER_MESSAGES: MessageCase[] = [
  {
    name: 'ESM601 message for 11 filters',
    labels: true,
    set: { FilterCriteria: filters(11) },
    messages: ['ESM601: filters (FilterCriteria.Filters) has 11 filters, got 11; give 1 to 10 filters (Lambda\'s default quota is 5, raisable to 10), or leave filters unset'],
  },
  {
    name: 'ESM601 message for a repeated pattern',
    labels: false,
    set: withPatterns('{"data":{"k":["a"]}}', '{"data":{"k":["a"]}}'),
    messages: ['ESM601: FilterCriteria.Filters[1].Pattern repeats filter 0, got "{\\"data\\":{\\"k\\":[\\"a\\"]}}"; remove the duplicate filter'],
  },
  {
    name: 'ESM601 message for a repeated filter without Pattern',
    labels: false,
    set: { FilterCriteria: { Filters: [{}, { Pattern: '{"data":{"k":["a"]}}' }, {}] } },
    messages: [
      'ESM601: FilterCriteria.Filters[2] repeats filter 0, got {}; remove the duplicate filter',
      'ESM604: FilterCriteria.Filters[0].Pattern is missing, got nothing; give each filter a Pattern with at least one rule, or remove the filter',
      'ESM604: FilterCriteria.Filters[2].Pattern is missing, got nothing; give each filter a Pattern with at least one rule, or remove the filter',
    ],
  },
  {
    name: 'ESM601 message for a filter that is not an object',
    labels: false,
    set: { FilterCriteria: { Filters: ['x'] } },
    messages: ['ESM601: FilterCriteria.Filters[0] is not a filter object, got "x"; build each filter with lambda.FilterCriteria.filter({...})'],
  },
  {
    name: 'ESM601 and ESM604 messages for a filter with another key',
    labels: true,
    set: { FilterCriteria: { Filters: [{ pattern: '{}' }] } },
    messages: [
      'ESM601: filters (FilterCriteria.Filters[0]) has pattern, but a filter takes only Pattern, got {"pattern":"{}"}; build each filter with lambda.FilterCriteria.filter({...})',
      'ESM604: filters (FilterCriteria.Filters[0].Pattern) is missing, got nothing; give each filter a Pattern with at least one rule, or remove the filter',
    ],
  },
  {
    name: 'ESM602 message',
    labels: false,
    set: withPatterns(patternOfLength(4097)),
    messages: ['ESM602: FilterCriteria.Filters[0].Pattern is 4097 characters long, got "{\\"data\\":{\\"k\\":[\\"xxxxxxxxxxxxxxxxxxxxxxxxx..."; keep each pattern within 4096 characters, or split it into several filters'],
  },
  {
    name: 'ESM603 message',
    labels: false,
    set: withPatterns('[]'),
    messages: ['ESM603: FilterCriteria.Filters[0].Pattern is not a JSON object, got "[]"; build the pattern with lambda.FilterCriteria.filter({ data: { kind: lambda.FilterRule.isEqual("order") } })'],
  },
  {
    name: 'ESM603 message shows the start of a long pattern',
    labels: false,
    set: withPatterns(`{${'x'.repeat(300)}`),
    messages: [`ESM603: FilterCriteria.Filters[0].Pattern is not a JSON object, got "{${'x'.repeat(196)}..."; build the pattern with lambda.FilterCriteria.filter({ data: { kind: lambda.FilterRule.isEqual("order") } })`],
  },
  {
    name: 'ESM604 messages for {} and a bare value',
    labels: true,
    set: withPatterns('{}', '{"data":{"kind":"order"}}'),
    messages: [
      'ESM604: filters (FilterCriteria.Filters[0].Pattern) has no filter rule, got "{}"; use lambda.FilterRule helpers, which wrap each match value in a list',
      'ESM604: filters (FilterCriteria.Filters[1].Pattern) has a match value that is not a list, got "{\\"data\\":{\\"kind\\":\\"order\\"}}"; use lambda.FilterRule helpers, which wrap each match value in a list',
    ],
  },
  {
    name: 'ESM605 message',
    labels: true,
    set: { KmsKeyArn: 'alias/orders', FilterCriteria: filters(1) },
    messages: ['ESM605: filterEncryption (KmsKeyArn) is not a KMS key ARN, got "alias/orders"; pass a kms.IKey as filterEncryption (its keyArn is used)'],
  },
  {
    name: 'ESM606 message',
    labels: false,
    set: { KmsKeyArn: KEY_ARN },
    messages: [`ESM606: KmsKeyArn is set but there are no filters to encrypt, got "${KEY_ARN}"; remove filterEncryption, or add filters`],
  },
  {
    name: 'ESM606 message for an unresolved key',
    labels: false,
    set: { KmsKeyArn: GET_ATT },
    messages: ['ESM606: KmsKeyArn is set but there are no filters to encrypt, got "(unresolved)"; remove filterEncryption, or add filters'],
  },
];

/** Rows at the valid side of each rule, named for the rules they pass. */
export const PASSING_CASES: RuleCase[] = [
  { name: '5 distinct filters passes ESM601 and ESM803', set: { FilterCriteria: filters(5) }, expected: [] },
  { name: 'a JSON object pattern passes ESM603', set: withPatterns('{"data":{"k":["v"]}}'), expected: [] },
];

export const CASES = [
  ...PASSING_CASES, ...FILTER_COUNT_CASES, ...ESM601_CASES, ...ESM602_CASES, ...ESM603_CASES, ...ESM604_CASES, ...ESM605_CASES, ...ESM606_CASES,
];
