/**
 * Generated inputs for the fuzz run, as plain data so that fast-check can print, shrink and replay them.
 *
 * A case is either a `StreamEventSourceMapping` (construct props) or a raw `CfnEventSourceMapping` whose
 * CloudFormation properties are set partly through the L1 props and partly through `addPropertyOverride`.
 * Values are drawn around every bound, plus non-integers, NaN/Infinity, wrong JavaScript types and tokens;
 * half of the cases are "clean" (valid values only, bounds included) so that the external validators see
 * many accepted mappings.
 */
import * as fc from 'fast-check';
import { ARN_SHAPES, kindOfArn } from '../../lib/template/arns';
import { StreamSourceKind } from '../../lib/template/stream-source-kind';

const KINDS = {
  kinesis: StreamSourceKind.KINESIS_STREAM,
  consumer: StreamSourceKind.KINESIS_CONSUMER,
  dynamodb: StreamSourceKind.DYNAMODB_STREAM,
} as const;

/** A token in place of a value: a CfnParameter (resolves to a Ref) or a Lazy (resolves to `value`). */
export type TokenSpec = { readonly $token: 'number' } | { readonly $token: 'string' } | { readonly $token: 'lazy'; readonly value: unknown };

/** A Duration prop: built with Duration.seconds/millis/minutes, or a wrong JavaScript value given instead. */
export type DurationSpec = { readonly $duration: 'seconds' | 'millis' | 'minutes'; readonly amount: number | TokenSpec } | { readonly $raw: unknown };

export type TargetSpec = 'function' | 'alias' | 'version' | { readonly byName: string } | { readonly byArn: string };
export type SourceSpec =
  | { readonly of: 'stream' | 'consumer' | 'table' | 'tableWithoutStream' }
  | { readonly fromArn: 'kinesis' | 'consumer' | 'dynamodb'; readonly arn: string | TokenSpec };
export type DestinationSpec = 'sqs' | 'sqsFifo' | 'sns' | 's3' | { readonly queueArn: string } | { readonly topicArn: string };
export type KeySpec = 'key' | { readonly keyArn: string } | { readonly aliasName: string };

export interface ConstructCase {
  readonly origin: 'construct';
  readonly target: TargetSpec;
  readonly source: SourceSpec;
  /** Props of StreamEventSourceMappingProps other than target, source and the objects below. */
  readonly props: Readonly<Record<string, unknown>>;
  readonly maxBatchingWindow?: DurationSpec;
  readonly maxRecordAge?: DurationSpec;
  readonly tumblingWindow?: DurationSpec;
  readonly onFailure?: DestinationSpec;
  readonly filterEncryption?: KeySpec;
  /** Given with Tags.of(mapping).add(key, value). */
  readonly tags: ReadonlyArray<readonly [string, string]>;
}

export type EventSourceSpec = { readonly getAtt: 'stream' | 'consumer' | 'table' } | { readonly refConsumer: true } | { readonly arn: string };

export interface L1Case {
  readonly origin: 'l1';
  readonly eventSource: EventSourceSpec;
  /** CloudFormation-shaped properties given through the L1 props (keys camel-cased when building). */
  readonly viaProps: Readonly<Record<string, unknown>>;
  /** CloudFormation-shaped properties given with addPropertyOverride(key, value); keys may be dotted paths. */
  readonly viaOverrides: Readonly<Record<string, unknown>>;
}

export type FuzzCase = ConstructCase | L1Case;

const ACCOUNT = '123456789012';
const PARTITIONS: ReadonlyArray<readonly [string, string]> = [['aws', 'us-east-1'], ['aws', 'eu-west-1'], ['aws-cn', 'cn-north-1'], ['aws-us-gov', 'us-gov-west-1']];
/** Fixed instants (not the clock), so that a seed replays the same cases on any day: 2026-01-01 and 2100-01-01. */
const PAST = 1767225600;
const FUTURE = 4102444800;

/** Kinesis / DynamoDB names, including the edges of their length limits and characters outside the set. */
const kinesisName = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-zA-Z0-9_.-]{1,20}$/) },
  { weight: 1, arbitrary: fc.constantFrom('a'.repeat(128), 'a'.repeat(129), 'has space', 'slash/inside', 'ünïcode', '') },
);
const tableName = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-zA-Z0-9_.-]{3,20}$/) },
  { weight: 1, arbitrary: fc.constantFrom('ab', 'a'.repeat(255), 'a'.repeat(256), 'has space') },
);
const partition = fc.constantFrom(...PARTITIONS);

/** Stream, consumer and DynamoDB stream ARNs in every partition, well-formed or subtly broken. */
export function streamArn(kind: 'kinesis' | 'consumer' | 'dynamodb'): fc.Arbitrary<string> {
  const good = fc.tuple(partition, kinesisName, kinesisName, tableName, fc.integer({ min: 1, max: 2_000_000_000 })).map(([[p, r], s, c, t, ts]) => {
    switch (kind) {
      case 'kinesis': return `arn:${p}:kinesis:${r}:${ACCOUNT}:stream/${s}`;
      case 'consumer': return `arn:${p}:kinesis:${r}:${ACCOUNT}:stream/${s}/consumer/${c}:${ts}`;
      default: return `arn:${p}:dynamodb:${r}:${ACCOUNT}:table/${t}/stream/2026-01-01T00:00:00.000`;
    }
  });
  const broken = fc.constantFrom(
    'arn:aws:kinesis:us-east-1:12345678901:stream/orders',
    'arn:aws:kinesis:us-east-1:123456789012:stream/',
    'arn:aws:kinesis:us-east-1:123456789012:stream/orders/consumer/audit',
    'arn:aws:kinesis:us-east-1:123456789012:stream/orders/consumer/audit:1767225600',
    'arn:aws:kinesis:us-east-1:123456789012:stream/orders',
    'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
    'arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000',
    'arn:aws:sqs:us-east-1:123456789012:orders',
    'ARN:aws:kinesis:us-east-1:123456789012:stream/orders',
    'arn:aws:kinesis:US-EAST-1:123456789012:stream/orders',
    'arn:aws:kinesis:::stream/orders',
    'orders',
    '',
  );
  return fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: broken });
}

const WRONG_TYPES: readonly unknown[] = ['100', 'abc', '', true, false, null, {}, [], [1], { value: 1 }];
const wrongType = fc.constantFrom(...WRONG_TYPES);
const SPECIAL_NUMBERS = [NaN, Infinity, -Infinity, -0, 1e21, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE, -1e-7, 0.1];
const numberToken: fc.Arbitrary<TokenSpec> = fc.oneof(
  fc.constant({ $token: 'number' } as const),
  fc.integer({ min: -2, max: 20000 }).map((value) => ({ $token: 'lazy', value }) as const),
);

interface NumberSpec {
  /** Valid values (clean cases draw only these). */
  readonly valid: fc.Arbitrary<number>;
  /** Values around which to probe (each bound b gives b-1, b, b+1, b±0.5). */
  readonly bounds: readonly number[];
}

const NUMBER_PROPS: Readonly<Record<string, NumberSpec>> = {
  BatchSize: { valid: fc.integer({ min: 1, max: 10000 }), bounds: [1, 10000] },
  MaximumBatchingWindowInSeconds: { valid: fc.integer({ min: 0, max: 300 }), bounds: [0, 300] },
  ParallelizationFactor: { valid: fc.integer({ min: 1, max: 10 }), bounds: [1, 10] },
  MaximumRecordAgeInSeconds: { valid: fc.oneof(fc.constant(-1), fc.integer({ min: 60, max: 604800 })), bounds: [-1, 0, 59, 60, 604800] },
  MaximumRetryAttempts: { valid: fc.integer({ min: -1, max: 10000 }), bounds: [-1, 0, 10000] },
  TumblingWindowInSeconds: { valid: fc.integer({ min: 0, max: 900 }), bounds: [0, 900] },
  StartingPositionTimestamp: { valid: fc.integer({ min: 1, max: PAST }), bounds: [0, 1, 1e11, FUTURE, PAST * 1000] },
};

function around(bounds: readonly number[]): number[] {
  return [...new Set(bounds.flatMap((b) => [b - 1, b, b + 1, b - 0.5, b + 0.5]))];
}

function wildNumber(spec: NumberSpec): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: spec.valid },
    { weight: 6, arbitrary: fc.constantFrom(...around(spec.bounds)) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.constantFrom(...SPECIAL_NUMBERS) },
    { weight: 2, arbitrary: wrongType },
    { weight: 2, arbitrary: numberToken },
  );
}

const BOOLEAN = fc.boolean();
const wildBoolean = fc.oneof({ weight: 4, arbitrary: BOOLEAN }, { weight: 1, arbitrary: fc.constantFrom('true', 'false', 0, 1, null, {}) });

const POSITIONS = ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'];
const wildPosition = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...POSITIONS) },
  { weight: 2, arbitrary: fc.constantFrom('latest', 'Latest', 'trim_horizon', 'At_Timestamp', 'LATESTLATEST', 'XLATEST', 'LATEST ', '', 'NOW') },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(5, null, true, ['LATEST'], { $token: 'string' }) },
);

/** Filter patterns: FilterCriteria.filter output, DynamoDB-style rules, and everything Lambda rejects or may reject. */
const filterKey = fc.stringMatching(/^[a-z]{1,8}$/);
const matchValues = fc.array(fc.oneof(fc.stringMatching(/^[a-z0-9]{0,8}$/), fc.integer({ min: -5, max: 5 }), fc.constant(null)), { minLength: 1, maxLength: 3 });
const validPattern = fc.oneof(
  fc.dictionary(filterKey, matchValues, { minKeys: 1, maxKeys: 3 }).map((rules) => JSON.stringify({ data: rules })),
  fc.constantFrom('{"eventName":["INSERT","MODIFY"]}', '{"dynamodb":{"NewImage":{"status":{"S":["open"]}}}}', '{"data":{"amount":[{"numeric":[">",0]}]}}'),
);
const wildPattern = fc.oneof(
  { weight: 8, arbitrary: validPattern },
  { weight: 1, arbitrary: fc.constantFrom('{}', '{"data":{"a":"b"}}', '[]', '[1]', 'null', '"text"', '5', 'not json', '{"data":', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(4095, 4096, 4097).map((length) => `{"data":{"k":["${'x'.repeat(length - 17)}"]}}`) },
);

function filterList(pattern: fc.Arbitrary<string>, key: 'pattern' | 'Pattern', clean: boolean): fc.Arbitrary<unknown[]> {
  const filter = clean
    ? pattern.map((p) => ({ [key]: p }))
    : fc.oneof(
      { weight: 10, arbitrary: pattern.map((p): unknown => ({ [key]: p })) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 5, 'x', {}, { [key]: 5 }, { [key]: null }, { [key]: {} }) },
    );
  return fc.oneof(
    { weight: 8, arbitrary: fc.uniqueArray(filter, { minLength: clean ? 1 : 0, maxLength: clean ? 5 : 7, selector: (f) => JSON.stringify(f) }) },
    { weight: clean ? 0 : 1, arbitrary: fc.array(filter, { minLength: 19, maxLength: 22 }) },
    { weight: clean ? 0 : 1, arbitrary: filter.map((f) => [f, f]) },
  );
}

const METRICS = ['EventCount', 'ErrorCount', 'KafkaMetrics'];
const wildMetrics = fc.oneof(
  { weight: 6, arbitrary: fc.constant(['EventCount']) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...METRICS, 'Bogus', 'eventcount'), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>([5], 'EventCount', null) },
);

const tagKey = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_.:/=+@ -]{0,15}$/) },
  { weight: 1, arbitrary: fc.constantFrom('a'.repeat(128), 'a'.repeat(129), 'aws:reserved', 'AWS:Reserved', 'has#hash', 'ünïcode', 'emoji🙂') },
);
const tagValue = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-zA-Z0-9_.:/=+@ -]{0,15}$/) },
  { weight: 1, arbitrary: fc.constantFrom('v'.repeat(256), 'v'.repeat(257), 'has#hash', 'new\nline') },
);
const cleanTagKey = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_.:/=+@ -]{0,15}$/).filter((k) => !k.toLowerCase().startsWith('aws:'));
const cleanTagValue = fc.stringMatching(/^[a-zA-Z0-9_.:/=+@-]{0,15}$/);

function tagList(clean: boolean): fc.Arbitrary<Array<[string, string]>> {
  return fc.uniqueArray(fc.tuple(clean ? cleanTagKey : tagKey, clean ? cleanTagValue : tagValue), { maxLength: 3, selector: ([k]) => k });
}

/** Function names and ARNs in every form the API accepts, and forms it rejects. */
const functionNameText = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/) },
  { weight: 2, arbitrary: fc.tuple(partition, fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/), fc.constantFrom('', ':live', ':7', ':$LATEST')).map(([[p, r], n, q]) => `arn:${p}:lambda:${r}:${ACCOUNT}:function:${n}${q}`) },
  { weight: 1, arbitrary: fc.constantFrom(`${ACCOUNT}:function:orders`, 'orders:live', 'a'.repeat(64), 'a'.repeat(65), 'has space', 'dotted.name', 'orders:bad.qualifier', `arn:aws:sqs:us-east-1:${ACCOUNT}:q`, `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${'f'.repeat(130)}`, '') },
);
const cleanFunctionNameText = fc.oneof(
  fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/),
  fc.constant('a'.repeat(64)),
);

function cleanOr<T>(clean: boolean, valid: fc.Arbitrary<T>, wild: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return clean ? valid : wild;
}

/** An optional record entry: absent most of the time. */
function maybe<T>(arb: fc.Arbitrary<T>, freq = 2): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq });
}

function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

// ----- StreamEventSourceMapping -----

const TARGETS: fc.Arbitrary<TargetSpec> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<TargetSpec>('function', 'alias', 'version') },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-zA-Z0-9_-]{1,70}$/).map((byName) => ({ byName })) },
  { weight: 1, arbitrary: fc.tuple(partition, fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/), fc.constantFrom('', ':live', ':3')).map(([[p, r], n, q]) => ({ byArn: `arn:${p}:lambda:${r}:${ACCOUNT}:function:${n}${q}` })) },
);

function sourceSpec(clean: boolean): fc.Arbitrary<SourceSpec> {
  const fromArn = fc.constantFrom('kinesis', 'consumer', 'dynamodb').chain((kind) =>
    (clean ? streamArn(kind).filter((arn) => ARN_SHAPES[KINDS[kind]].pattern.test(arn))
      : fc.oneof({ weight: 8, arbitrary: streamArn(kind) }, { weight: 1, arbitrary: fc.constant({ $token: 'string' } as TokenSpec) }))
      .map((arn): SourceSpec => ({ fromArn: kind, arn })));
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom<SourceSpec>({ of: 'stream' }, { of: 'consumer' }, { of: 'table' }) },
    { weight: clean ? 0 : 1, arbitrary: fc.constant<SourceSpec>({ of: 'tableWithoutStream' }) },
    { weight: 3, arbitrary: fromArn },
  );
}

function durationSpec(spec: NumberSpec, clean: boolean): fc.Arbitrary<DurationSpec> {
  const validSeconds = spec.valid.filter((n) => n >= 0).map((amount): DurationSpec => ({ $duration: 'seconds', amount }));
  if (clean) {
    return fc.oneof(
      { weight: 6, arbitrary: validSeconds },
      { weight: 1, arbitrary: fc.constant<DurationSpec>({ $duration: 'seconds', amount: { $token: 'number' } }) },
    );
  }
  const amount = fc.oneof(
    fc.constantFrom(...around(spec.bounds).filter((n) => n >= 0)),
    fc.double({ min: 0, max: 1e7, noNaN: true }),
    fc.constant(NaN),
  );
  return fc.oneof(
    { weight: 4, arbitrary: validSeconds },
    { weight: 3, arbitrary: amount.map((a): DurationSpec => ({ $duration: 'seconds', amount: a })) },
    { weight: 1, arbitrary: fc.constantFrom(1500, 60000, 999, 300000, 300001).map((a): DurationSpec => ({ $duration: 'millis', amount: a })) },
    { weight: 1, arbitrary: fc.constantFrom(1, 5, 10, 15, 16, 10080, 10081).map((a): DurationSpec => ({ $duration: 'minutes', amount: a })) },
    { weight: 1, arbitrary: fc.constant<DurationSpec>({ $duration: 'seconds', amount: { $token: 'number' } }) },
    { weight: 1, arbitrary: fc.constant<DurationSpec>({ $duration: 'minutes', amount: { $token: 'number' } }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(5, '5', null, {}, true).map((raw): DurationSpec => ({ $raw: raw })) },
  );
}

function constructCase(clean: boolean): fc.Arbitrary<ConstructCase> {
  const number = (name: string) => maybe(cleanOr(clean, NUMBER_PROPS[name].valid, wildNumber(NUMBER_PROPS[name])));
  return fc.record({
    target: TARGETS,
    source: sourceSpec(clean),
    startingPosition: cleanOr(clean, fc.constantFrom(...POSITIONS), wildPosition),
    startingPositionTimestamp: number('StartingPositionTimestamp'),
    batchSize: number('BatchSize'),
    parallelizationFactor: number('ParallelizationFactor'),
    retryAttempts: number('MaximumRetryAttempts'),
    bisectBatchOnError: maybe(cleanOr(clean, BOOLEAN, wildBoolean)),
    reportBatchItemFailures: maybe(cleanOr(clean, BOOLEAN, wildBoolean)),
    enabled: maybe(cleanOr(clean, BOOLEAN, wildBoolean)),
    filters: maybe(clean ? filterList(validPattern, 'pattern', true) : fc.oneof({ weight: 8, arbitrary: filterList(wildPattern, 'pattern', false) }, { weight: 1, arbitrary: wrongType })),
    metricsConfig: maybe(clean ? fc.constant({ metrics: ['EventCount'] }) : fc.oneof({ weight: 6, arbitrary: wildMetrics.map((metrics) => ({ metrics })) }, { weight: 1, arbitrary: fc.constantFrom<unknown>({}, 'EventCount', null) })),
    maxBatchingWindow: maybe(durationSpec(NUMBER_PROPS.MaximumBatchingWindowInSeconds, clean)),
    maxRecordAge: maybe(durationSpec({ valid: fc.integer({ min: 60, max: 604800 }), bounds: [0, 59, 60, 604800] }, clean)),
    tumblingWindow: maybe(durationSpec(NUMBER_PROPS.TumblingWindowInSeconds, clean)),
    onFailure: maybe(fc.oneof(
      fc.constantFrom<DestinationSpec>('sqs', 'sns', 's3', ...(clean ? [] : ['sqsFifo'] as const)),
      partition.map(([p, r]): DestinationSpec => ({ queueArn: `arn:${p}:sqs:${r}:${ACCOUNT}:failed` })),
      partition.map(([p, r]): DestinationSpec => ({ topicArn: `arn:${p}:sns:${r}:${ACCOUNT}:failed` })),
    )),
    filterEncryption: maybe(fc.oneof(
      fc.constant<KeySpec>('key'),
      partition.map(([p, r]): KeySpec => ({ keyArn: `arn:${p}:kms:${r}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab` })),
      fc.constant<KeySpec>({ aliasName: 'alias/filters' }),
    )),
    tags: tagList(clean),
  }).map(({ target, source, maxBatchingWindow, maxRecordAge, tumblingWindow, onFailure, filterEncryption, tags, ...props }): ConstructCase => ({
    origin: 'construct',
    target: clean && typeof target === 'object' && 'byArn' in target ? 'function' : target,
    source,
    props: clean ? coherentPosition(defined(props), 'startingPosition', 'startingPositionTimestamp', isDynamoDb(source)) : defined(props),
    ...defined({ maxBatchingWindow, maxRecordAge, tumblingWindow, onFailure, filterEncryption }),
    tags,
  }));
}

// ----- raw CfnEventSourceMapping -----

const cleanL1Arn = fc.constantFrom('kinesis', 'consumer', 'dynamodb').chain((kind) => streamArn(kind).filter((arn) => ARN_SHAPES[KINDS[kind]].pattern.test(arn)));

function eventSourceSpec(clean: boolean): fc.Arbitrary<EventSourceSpec> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<EventSourceSpec>({ getAtt: 'stream' }, { getAtt: 'consumer' }, { getAtt: 'table' }, { refConsumer: true }) },
    { weight: 3, arbitrary: (clean ? cleanL1Arn : fc.constantFrom('kinesis', 'consumer', 'dynamodb').chain((kind) => streamArn(kind)).filter((arn) => kindOfArn(arn) !== undefined)).map((arn) => ({ arn })) },
  );
}

/** CloudFormation properties of a raw mapping, each drawn independently. */
function l1Properties(clean: boolean): fc.Arbitrary<Record<string, unknown>> {
  const number = (name: string) => maybe(cleanOr(clean, NUMBER_PROPS[name].valid, wildNumber(NUMBER_PROPS[name])));
  const destination = fc.oneof(
    partition.map(([p, r]) => `arn:${p}:sqs:${r}:${ACCOUNT}:failed`),
    partition.map(([p, r]) => `arn:${p}:sns:${r}:${ACCOUNT}:failed`),
    partition.map(([p]) => `arn:${p}:s3:::failed-batches`),
    ...(clean ? [] : [fc.constantFrom<unknown>(`arn:aws:sqs:us-east-1:${ACCOUNT}:failed.fifo`, `arn:aws:lambda:us-east-1:${ACCOUNT}:function:f`, 'kafka://topic', `arn:aws:sqs:us-east-1:${ACCOUNT}:${'q'.repeat(340)}`, 'not-an-arn', '', 5, null)]),
  );
  const destinationConfig = clean
    ? destination.map((d) => ({ OnFailure: { Destination: d } }))
    : fc.oneof(
      { weight: 8, arbitrary: destination.map((d): unknown => ({ OnFailure: { Destination: d } })) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>({ OnFailure: {} }, { OnSuccess: { Destination: `arn:aws:sqs:us-east-1:${ACCOUNT}:ok` } }, {}, 'arn', null) },
    );
  const kmsKeyArn = clean
    ? partition.map(([p, r]) => `arn:${p}:kms:${r}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`)
    : fc.oneof(
      partition.map(([p, r]): unknown => `arn:${p}:kms:${r}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`),
      fc.constantFrom<unknown>(`arn:aws:kms:us-east-1:${ACCOUNT}:alias/filters`, '1234abcd-12ab-34cd-56ef-1234567890ab', 'alias/filters', `arn:aws:sqs:us-east-1:${ACCOUNT}:q`, '', 5),
    );
  const tagObjects = tagList(clean).map((list) => list.map(([Key, Value]) => ({ Key, Value })));
  // Unclean cases sometimes list a tag twice (CloudFormation's uniqueItems; aws-cdk-lib's tag manager keeps one).
  const tags = clean ? tagObjects : fc.oneof(
    { weight: 8, arbitrary: tagObjects.map((list): unknown => list) },
    { weight: 1, arbitrary: tagObjects.filter((list) => list.length > 0).map((list): unknown => [...list, { ...list[0] }]) },
  );
  return fc.record({
    FunctionName: clean ? fc.oneof(fc.constant<unknown>({ $fn: 'shared' }), cleanFunctionNameText) : fc.oneof(
      { weight: 3, arbitrary: fc.constant<unknown>({ $fn: 'shared' }) },
      { weight: 4, arbitrary: functionNameText },
      { weight: 1, arbitrary: wrongType },
    ),
    StartingPosition: clean ? fc.constantFrom(...POSITIONS) : maybe(wildPosition, 12),
    StartingPositionTimestamp: number('StartingPositionTimestamp'),
    BatchSize: number('BatchSize'),
    MaximumBatchingWindowInSeconds: number('MaximumBatchingWindowInSeconds'),
    ParallelizationFactor: number('ParallelizationFactor'),
    MaximumRecordAgeInSeconds: number('MaximumRecordAgeInSeconds'),
    MaximumRetryAttempts: number('MaximumRetryAttempts'),
    TumblingWindowInSeconds: number('TumblingWindowInSeconds'),
    BisectBatchOnFunctionError: maybe(cleanOr(clean, BOOLEAN, wildBoolean)),
    Enabled: maybe(cleanOr(clean, BOOLEAN, wildBoolean)),
    FunctionResponseTypes: maybe(clean ? fc.constantFrom([], ['ReportBatchItemFailures']) : fc.constantFrom<unknown>([], ['ReportBatchItemFailures'], ['ReportBatchItemFailures', 'ReportBatchItemFailures'], ['reportbatchitemfailures'], 'ReportBatchItemFailures', [5])),
    DestinationConfig: maybe(destinationConfig),
    FilterCriteria: maybe(clean ? filterList(validPattern, 'Pattern', true).map((Filters) => ({ Filters })) : fc.oneof(
      { weight: 8, arbitrary: filterList(wildPattern, 'Pattern', false).map((Filters): unknown => ({ Filters })) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>({}, 'x', null) },
    )),
    KmsKeyArn: maybe(kmsKeyArn),
    MetricsConfig: maybe(clean ? fc.constant({ Metrics: ['EventCount'] }) : wildMetrics.map((Metrics): unknown => ({ Metrics }))),
    Tags: maybe(tags),
    ...(clean ? {} : {
      ScalingConfig: maybe(fc.constant<unknown>({ MaximumConcurrency: 5 }), 12),
      Topics: maybe(fc.constant<unknown>(['orders']), 12),
    }),
  }).map(defined);
}

/**
 * Clean cases start where the source allows: AT_TIMESTAMP (with its timestamp) only on Kinesis, a timestamp
 * only with AT_TIMESTAMP.
 */
function coherentPosition(props: Record<string, unknown>, position: string, timestamp: string, dynamoDb: boolean): Record<string, unknown> {
  const out = { ...props };
  if (dynamoDb && out[position] === 'AT_TIMESTAMP') {
    out[position] = 'TRIM_HORIZON';
  }
  if (out[position] === 'AT_TIMESTAMP') {
    out[timestamp] = out[timestamp] ?? 1767225600;
  } else {
    delete out[timestamp];
  }
  return out;
}

function isDynamoDb(source: SourceSpec | EventSourceSpec): boolean {
  return ('of' in source && (source.of === 'table' || source.of === 'tableWithoutStream')) || ('fromArn' in source && source.fromArn === 'dynamodb')
    || ('getAtt' in source && source.getAtt === 'table') || ('arn' in source && typeof source.arn === 'string' && source.arn.includes(':dynamodb:'));
}

/** Nested keys aws-cdk-lib's CfnEventSourceMapping props define, by property. */
const NESTED_KEYS: Record<string, { readonly keys: readonly string[]; readonly inner?: Record<string, readonly string[]> }> = {
  DestinationConfig: { keys: ['OnFailure'], inner: { OnFailure: ['Destination'] } },
  FilterCriteria: { keys: ['Filters'], inner: { Filters: ['Pattern'] } },
  MetricsConfig: { keys: ['Metrics'] },
};

function hasKeysCdkDrops(property: string, value: unknown): boolean {
  const known = NESTED_KEYS[property];
  if (!known || !isObject(value) || '$token' in value || '$fn' in value) {
    return false;
  }
  return Object.entries(value).some(([key, inner]) => {
    if (!known.keys.includes(key)) {
      return true;
    }
    const innerKeys = known.inner?.[key];
    const objects = Array.isArray(inner) ? inner : [inner];
    return innerKeys !== undefined && objects.some((o) => isObject(o) && !('$token' in o) && Object.keys(o).some((k) => !innerKeys.includes(k)));
  });
}

function l1Case(clean: boolean): fc.Arbitrary<L1Case> {
  return fc.tuple(eventSourceSpec(clean), l1Properties(clean), fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }), fc.boolean())
    .map(([eventSource, generated, viaOverride, nested]): L1Case => {
      const properties = clean ? coherentPosition(generated, 'StartingPosition', 'StartingPositionTimestamp', isDynamoDb(eventSource)) : generated;
      const viaProps: Record<string, unknown> = {};
      const viaOverrides: Record<string, unknown> = {};
      Object.entries(properties).forEach(([key, value], i) => {
        // Nested overrides (DestinationConfig.OnFailure.Destination) where the object came through the props.
        if (nested && key === 'DestinationConfig' && isObject(value) && isObject(value.OnFailure) && 'Destination' in value.OnFailure) {
          viaProps[key] = { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:placeholder' } };
          viaOverrides['DestinationConfig.OnFailure.Destination'] = value.OnFailure.Destination;
          return;
        }
        // aws-cdk-lib's L1 props know only the documented nested keys and drop others before the template (its
        // behaviour, not this library's): such values come by override, which reaches the template as written.
        if (hasKeysCdkDrops(key, value)) {
          viaOverrides[key] = value;
          return;
        }
        // aws-cdk-lib's L1 requires functionName in its props; an override may replace it.
        // Its constructor type-checks functionName at once (TypeError), so wrong types come by override.
        if (key === 'FunctionName') {
          const override = viaOverride[i] || (typeof value !== 'string' && !(isObject(value) && '$fn' in value));
          viaProps[key] = override ? { $fn: 'shared' } : value;
          if (override) {
            viaOverrides[key] = value;
          }
          return;
        }
        (viaOverride[i] ? viaOverrides : viaProps)[key] = value;
      });
      return { origin: 'l1', eventSource, viaProps, viaOverrides };
    });
}

export function isObject(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A clean raw mapping with one property replaced by a wild value (by override): each rejection has one cause,
 * for comparing rule by rule with the external validators (compare.ts).
 */
export const singleFaultL1Case: fc.Arbitrary<L1Case> = fc.tuple(l1Case(true), l1Properties(false), fc.nat())
  .map(([clean, wild, pick]): L1Case => {
    const keys = Object.keys(wild).filter((k) => k !== 'FunctionName' || typeof wild[k] === 'string');
    if (keys.length === 0) {
      return clean;
    }
    const key = keys[pick % keys.length];
    // The wild value is the property's only source: a clean value left in the props, or a nested override of it,
    // would be merged with it by aws-cdk-lib (FunctionName stays in the props, which require it).
    const viaProps = Object.fromEntries(Object.entries(clean.viaProps).filter(([k]) => k !== key || k === 'FunctionName'));
    const viaOverrides = Object.fromEntries(Object.entries(clean.viaOverrides).filter(([k]) => k !== key && !k.startsWith(`${key}.`)));
    return { ...clean, viaProps, viaOverrides: { ...viaOverrides, [key]: wild[key] } };
  });

/** The construct's fields a single-fault case may replace (each one prop, or the object a prop is built from). */
const CONSTRUCT_FIELDS = ['target', 'source', 'maxBatchingWindow', 'maxRecordAge', 'tumblingWindow', 'onFailure', 'filterEncryption', 'tags'] as const;

/** A clean construct mapping with one prop replaced by a wild value: what the rules let through reaches the validators. */
export const singleFaultConstructCase: fc.Arbitrary<ConstructCase> = fc.tuple(constructCase(true), constructCase(false), fc.nat())
  .map(([clean, wild, pick]): ConstructCase => {
    const fields = [...Object.keys(wild.props), ...CONSTRUCT_FIELDS.filter((field) => wild[field] !== undefined)];
    const field = fields[pick % fields.length];
    if (field in wild.props) {
      return { ...clean, props: { ...clean.props, [field]: wild.props[field] } };
    }
    return { ...clean, [field]: wild[field as typeof CONSTRUCT_FIELDS[number]] };
  });

/**
 * Every case: construct and raw L1 mappings, clean (valid values, bounds included) or wild; and clean mappings of
 * both kinds with one wild property, where a wild value the rules let through is the only thing between the mapping and the
 * external validators (a wild case has so many faults that another rule nearly always rejects it first).
 */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 4, arbitrary: constructCase(true) },
  { weight: 4, arbitrary: constructCase(false) },
  { weight: 2, arbitrary: l1Case(true) },
  { weight: 2, arbitrary: l1Case(false) },
  { weight: 1, arbitrary: singleFaultL1Case },
  { weight: 1, arbitrary: singleFaultConstructCase },
);
