import { filters } from './filters';
import { D, GET_ATT, K, KC, Kind, MessageCase, NOW, REF, RuleCase, UNKNOWN_KIND } from '../support';

const KINDS: Kind[] = [K, KC, D, UNKNOWN_KIND];
const KINESIS: Kind[] = [K, KC];
const atTimestamp = (timestamp: unknown) => ({ StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: timestamp });
/** The mapping as CloudFormation defaults it: retries, record age and destination unset. */
const DEFAULTS = { MaximumRetryAttempts: undefined };
const DESTINATION = { DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:failed' } } };

export const ESM801_CASES: RuleCase[] = [
  ...KINESIS.map((kind): RuleCase => ({ name: `timestamp in milliseconds fails ESM801 (${kind})`, kind, set: atTimestamp(NOW * 1000), expected: ['ESM801'] })),
  { name: 'timestamp 1e11 + 1 fails ESM801', set: atTimestamp(1e11 + 1), expected: ['ESM801'] },
  { name: 'timestamp 1e11 fails ESM802, not ESM801', set: atTimestamp(1e11), expected: ['ESM802'] },
  { name: 'timestamp in milliseconds with TRIM_HORIZON on a DynamoDB stream fails ESM105 only', kind: D, set: { StartingPosition: 'TRIM_HORIZON', StartingPositionTimestamp: NOW * 1000 }, expected: ['ESM105'] },
  { name: 'unresolved timestamp passes ESM801 and ESM802', set: atTimestamp(REF), expected: [] },
];

export const ESM802_CASES: RuleCase[] = [
  { name: 'timestamp one second before synth passes ESM802', set: atTimestamp(NOW - 1), expected: [] },
  { name: 'timestamp at synth passes ESM802', set: atTimestamp(NOW), expected: [] },
  ...KINESIS.map((kind): RuleCase => ({ name: `timestamp one second after synth fails ESM802 (${kind})`, kind, set: atTimestamp(NOW + 1), expected: ['ESM802'] })),
  { name: 'fractional timestamp after synth fails ESM802', set: atTimestamp(NOW + 0.5), expected: ['ESM802'] },
  { name: 'timestamp after another synth time passes ESM802', set: atTimestamp(NOW + 1), facts: { nowSeconds: NOW + 2 }, expected: [] },
];

export const ESM804_CASES: RuleCase[] = [
  ...KINDS.map((kind): RuleCase => ({ name: `the default mapping (no retry limit, record age or destination) fails ESM804 (${kind})`, kind, set: DEFAULTS, expected: ['ESM804'] })),
  { name: 'MaximumRetryAttempts -1 and MaximumRecordAgeInSeconds -1 fail ESM804', set: { MaximumRetryAttempts: -1, MaximumRecordAgeInSeconds: -1 }, expected: ['ESM804'] },
  { name: 'MaximumRetryAttempts 0 passes ESM804', set: { MaximumRetryAttempts: 0 }, expected: [] },
  { name: 'MaximumRecordAgeInSeconds 60 passes ESM804', set: { ...DEFAULTS, MaximumRecordAgeInSeconds: 60 }, expected: [] },
  { name: 'an on-failure destination passes ESM804', set: { ...DEFAULTS, ...DESTINATION }, expected: [] },
  { name: 'DestinationConfig {} fails ESM804 (no destination)', set: { ...DEFAULTS, DestinationConfig: {} }, expected: ['ESM804'] },
  { name: 'unresolved MaximumRetryAttempts passes ESM804', set: { MaximumRetryAttempts: REF }, expected: [] },
  { name: 'unresolved MaximumRecordAgeInSeconds passes ESM804', set: { ...DEFAULTS, MaximumRecordAgeInSeconds: GET_ATT }, expected: [] },
  { name: 'unresolved DestinationConfig passes ESM804', set: { ...DEFAULTS, DestinationConfig: REF }, expected: [] },
  { name: 'unresolved destination passes ESM804', set: { ...DEFAULTS, DestinationConfig: { OnFailure: { Destination: GET_ATT } } }, expected: [] },
];

export const ESM805_CASES: RuleCase[] = [
  { name: 'bisect with unlimited retries fails ESM805', set: { ...DEFAULTS, MaximumRecordAgeInSeconds: 3600, BisectBatchOnFunctionError: true }, expected: ['ESM805'] },
  { name: 'bisect with retries -1 fails ESM805 on a DynamoDB stream', kind: D, set: { MaximumRetryAttempts: -1, ...DESTINATION, BisectBatchOnFunctionError: true }, expected: ['ESM805'] },
  { name: 'bisect on the default mapping fails ESM804 and ESM805', set: { ...DEFAULTS, BisectBatchOnFunctionError: true }, expected: ['ESM804', 'ESM805'] },
  { name: 'bisect with 3 retries passes ESM805', set: { BisectBatchOnFunctionError: true }, expected: [] },
  { name: 'no bisect with unlimited retries passes ESM805', set: { ...DEFAULTS, ...DESTINATION, BisectBatchOnFunctionError: false }, expected: [] },
  { name: 'bisect with unresolved retries passes ESM805', set: { MaximumRetryAttempts: REF, BisectBatchOnFunctionError: true }, expected: [] },
  { name: 'unresolved bisect with unlimited retries passes ESM805', set: { ...DEFAULTS, ...DESTINATION, BisectBatchOnFunctionError: REF }, expected: [] },
];

export const ESM803_CASES: RuleCase[] = [
  { name: 'ESM803 counts literal filters only: 6 filters fail ESM803', set: { FilterCriteria: filters(6) }, expected: ['ESM803'] },
];

export const OPERATIONS_MESSAGES: MessageCase[] = [
  {
    name: 'ESM801 message',
    labels: true,
    set: atTimestamp(NOW * 1000),
    messages: ['ESM801: startingPositionTimestamp (StartingPositionTimestamp) looks like milliseconds, but the unit is seconds, got 1767225600000; divide by 1000 (1767225600)'],
  },
  {
    name: 'ESM802 message',
    labels: false,
    set: atTimestamp(NOW + 1),
    messages: ['ESM802: StartingPositionTimestamp is 2026-01-01T00:00:01.000Z, after the time of synth, got 1767225601; use a time in the past; to read only new records use StartingPosition LATEST'],
  },
  {
    name: 'ESM803 message',
    labels: true,
    set: { FilterCriteria: filters(6) },
    messages: ['ESM803: filters (FilterCriteria.Filters) has 6 filters, more than the default quota of 5, got 6; combine filters, or acknowledge this warning once the quota is raised for the account (at most 10)'],
  },
  {
    name: 'ESM804 message for the default mapping',
    labels: true,
    set: DEFAULTS,
    messages: ['ESM804: retryAttempts (MaximumRetryAttempts) is unlimited, as is MaximumRecordAgeInSeconds, and there is no on-failure destination: a record that keeps failing stalls its shard until it expires from the stream, got "(default: unlimited)"; set retryAttempts or maxRecordAge, and an onFailure destination to keep the failed batches'],
  },
  {
    name: 'ESM804 message for an explicit -1',
    labels: false,
    set: { MaximumRetryAttempts: -1 },
    messages: ['ESM804: MaximumRetryAttempts is unlimited, as is MaximumRecordAgeInSeconds, and there is no on-failure destination: a record that keeps failing stalls its shard until it expires from the stream, got -1; set retryAttempts or maxRecordAge, and an onFailure destination to keep the failed batches'],
  },
  {
    name: 'ESM805 message',
    labels: true,
    set: { ...DEFAULTS, MaximumRecordAgeInSeconds: 3600, BisectBatchOnFunctionError: true },
    messages: ['ESM805: bisectBatchOnError (BisectBatchOnFunctionError) is on but MaximumRetryAttempts is unlimited, so the failing half is retried until the record expires, got true; set retryAttempts (for example 3) so that bisection ends with the record isolated'],
  },
];

export const CASES = [...ESM801_CASES, ...ESM802_CASES, ...ESM803_CASES, ...ESM804_CASES, ...ESM805_CASES];
