import { D, GET_ATT, K, KC, Kind, MessageCase, REF, RuleCase, UNKNOWN_KIND } from '../support';

const KINDS: Kind[] = [K, KC, D, UNKNOWN_KIND];

/** [property, rule, passing values, failing values, other properties that keep the mapping otherwise valid]. */
const BOUNDS: Array<[string, string, number[], number[], Record<string, unknown>?]> = [
  ['BatchSize', 'ESM201', [1, 100, 10000], [0, -1, 10001, 1.5]],
  ['MaximumBatchingWindowInSeconds', 'ESM202', [0, 1, 300], [-1, 301, 0.5]],
  ['ParallelizationFactor', 'ESM203', [1, 10], [0, 11, 2.5]],
  ['MaximumRecordAgeInSeconds', 'ESM204', [-1, 60, 604800], [-2, 0, 1, 59, 604801, 60.5, -1.5]],
  // Retries -1 alone would be ESM804's unlimited mapping: give it a record age.
  ['MaximumRetryAttempts', 'ESM205', [-1, 0, 10000], [-2, 10001, 2.5], { MaximumRecordAgeInSeconds: 3600 }],
  ['TumblingWindowInSeconds', 'ESM206', [0, 900], [-1, 901, 1.5]],
];

export const RANGE_CASES: RuleCase[] = BOUNDS.flatMap(([property, rule, passing, failing, extra]) => KINDS.flatMap((kind) => [
  ...passing.map((value): RuleCase => ({ name: `${property} ${value} passes ${rule} (${kind})`, kind, set: { ...extra, [property]: value }, expected: [] })),
  ...failing.map((value): RuleCase => ({ name: `${property} ${value} fails ${rule} (${kind})`, kind, set: { ...extra, [property]: value }, expected: [rule] })),
  { name: `${property} "10" given to aws-cdk-lib fails ESM001 only, not ${rule} (${kind})`, kind, set: { ...extra, [property]: '10' }, facts: { rejectedByCdk: 'Supplied properties not correct' }, expected: ['ESM001'] },
  { name: `${property} "${passing[0]}" in the template warns ESM003 only (${kind})`, kind, set: { ...extra, [property]: String(passing[0]) }, expected: ['ESM003'] },
  { name: `${property} "${failing[0]}" in the template warns ESM003 and fails ${rule} (${kind})`, kind, set: { ...extra, [property]: String(failing[0]) }, expected: ['ESM003', rule] },
  { name: `${property} unresolved (Ref) passes ${rule} (${kind})`, kind, set: { ...extra, [property]: REF }, expected: [] },
  { name: `${property} unresolved (Fn::GetAtt) passes ${rule} (${kind})`, kind, set: { ...extra, [property]: GET_ATT }, expected: [] },
]));

export const BATCHING_CASES: RuleCase[] = [
  { name: 'BatchSize 10000 with MaximumBatchingWindowInSeconds 0 passes (the BatchSize > 10 window rule is for SQS)', set: { BatchSize: 10000, MaximumBatchingWindowInSeconds: 0 }, expected: [] },
  { name: 'BatchSize 0 and ParallelizationFactor 11 fail ESM201 and ESM203', set: { BatchSize: 0, ParallelizationFactor: 11 }, expected: ['ESM201', 'ESM203'] },
];

export const ESM207_CASES: RuleCase[] = [
  { name: 'FunctionResponseTypes [] passes ESM207', set: { FunctionResponseTypes: [] }, expected: [] },
  ...KINDS.map((kind): RuleCase => ({ name: `FunctionResponseTypes ["ReportBatchItemFailures"] passes ESM207 (${kind})`, kind, set: { FunctionResponseTypes: ['ReportBatchItemFailures'] }, expected: [] })),
  ...KINDS.map((kind): RuleCase => ({ name: `FunctionResponseTypes ["Other"] fails ESM207 (${kind})`, kind, set: { FunctionResponseTypes: ['Other'] }, expected: ['ESM207'] })),
  { name: 'FunctionResponseTypes repeated fails ESM207', set: { FunctionResponseTypes: ['ReportBatchItemFailures', 'ReportBatchItemFailures'] }, expected: ['ESM207'] },
  { name: 'FunctionResponseTypes in lower case fails ESM207', set: { FunctionResponseTypes: ['reportBatchItemFailures'] }, expected: ['ESM207'] },
  { name: 'FunctionResponseTypes [1] fails ESM207', set: { FunctionResponseTypes: [1] }, expected: ['ESM207'] },
  { name: 'FunctionResponseTypes [null] fails ESM207', set: { FunctionResponseTypes: [null] }, expected: ['ESM207'] },
  { name: 'FunctionResponseTypes [Ref] passes ESM207', set: { FunctionResponseTypes: [REF] }, expected: [] },
  { name: 'FunctionResponseTypes with two unresolved items fails ESM207 (one value, unique items)', set: { FunctionResponseTypes: [REF, GET_ATT] }, expected: ['ESM207'] },
  { name: 'FunctionResponseTypes unresolved passes ESM207', set: { FunctionResponseTypes: REF }, expected: [] },
];

export const BATCHING_MESSAGES: MessageCase[] = [
  {
    name: 'ESM201 message out of range, with the construct prop',
    labels: true,
    set: { BatchSize: 0 },
    messages: ['ESM201: batchSize (BatchSize) is out of range, got 0; use a whole number from 1 to 10000'],
  },
  {
    name: 'ESM201 message for a fraction',
    labels: false,
    set: { BatchSize: 1.5 },
    messages: ['ESM201: BatchSize must be a whole number, got 1.5; use a whole number from 1 to 10000'],
  },
  {
    name: 'ESM202 messages out of range and for a fraction',
    labels: true,
    set: { MaximumBatchingWindowInSeconds: 301 },
    messages: ['ESM202: maxBatchingWindow (MaximumBatchingWindowInSeconds) is out of range, got 301; use a whole number from 0 to 300 seconds'],
  },
  {
    name: 'ESM202 message for a fraction names the unit',
    labels: false,
    set: { MaximumBatchingWindowInSeconds: 0.5 },
    messages: ['ESM202: MaximumBatchingWindowInSeconds must be a whole number of seconds, got 0.5; use a whole number from 0 to 300 seconds'],
  },
  {
    name: 'ESM203 message',
    labels: true,
    set: { ParallelizationFactor: 11 },
    messages: ['ESM203: parallelizationFactor (ParallelizationFactor) is out of range, got 11; use a whole number from 1 to 10'],
  },
  {
    name: 'ESM204 message in the 0..59 gap',
    labels: true,
    set: { MaximumRecordAgeInSeconds: 59 },
    messages: ['ESM204: maxRecordAge (MaximumRecordAgeInSeconds) is below the 60-second minimum (values from 0 to 59 are not allowed), got 59; use -1 (unlimited) or a whole number from 60 to 604800 seconds'],
  },
  {
    name: 'ESM204 message below -1',
    labels: false,
    set: { MaximumRecordAgeInSeconds: -2 },
    messages: ['ESM204: MaximumRecordAgeInSeconds is out of range, got -2; use -1 (unlimited) or a whole number from 60 to 604800 seconds'],
  },
  {
    name: 'ESM205 message',
    labels: false,
    set: { MaximumRetryAttempts: 10001 },
    messages: ['ESM205: MaximumRetryAttempts is out of range, got 10001; use -1 (unlimited) or a whole number from 0 to 10000'],
  },
  {
    name: 'ESM206 message',
    labels: true,
    set: { TumblingWindowInSeconds: 901 },
    messages: ['ESM206: tumblingWindow (TumblingWindowInSeconds) is out of range, got 901; use a whole number from 0 to 900 seconds'],
  },
  {
    name: 'ESM207 message',
    labels: true,
    set: { FunctionResponseTypes: ['Other'] },
    messages: ['ESM207: reportBatchItemFailures (FunctionResponseTypes) must be empty or exactly ["ReportBatchItemFailures"], got ["Other"]; use reportBatchItemFailures: true'],
  },
];

export const CASES = [...RANGE_CASES, ...BATCHING_CASES, ...ESM207_CASES];
