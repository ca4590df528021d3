import { NON_STREAM_PROPERTIES } from '../../../lib/template/properties';
import { CONDITIONAL, D, GET_ATT, KC, MessageCase, REF, RuleCase, UNKNOWN_KIND } from '../support';

const FILTERS = { Filters: [{ Pattern: '{"data":{"kind":["order"]}}' }] };

export const ESM001_CASES: RuleCase[] = [
  { name: 'BatchSize "10" (a string) given to aws-cdk-lib fails ESM001 only', set: { BatchSize: '10' }, facts: { rejectedByCdk: 'Supplied properties not correct' }, expected: ['ESM001'] },
  { name: 'BatchSize null fails ESM001', set: { BatchSize: null }, expected: ['ESM001'] },
  { name: 'MaximumBatchingWindowInSeconds "5" given to aws-cdk-lib fails ESM001', set: { MaximumBatchingWindowInSeconds: '5' }, facts: { rejectedByCdk: 'Supplied properties not correct' }, expected: ['ESM001'] },
  { name: 'ParallelizationFactor "2" given to aws-cdk-lib fails ESM001', set: { ParallelizationFactor: '2' }, facts: { rejectedByCdk: 'Supplied properties not correct' }, expected: ['ESM001'] },
  { name: 'MaximumRecordAgeInSeconds "60" given to aws-cdk-lib fails ESM001', set: { MaximumRecordAgeInSeconds: '60' }, facts: { rejectedByCdk: 'Supplied properties not correct' }, expected: ['ESM001'] },
  { name: 'MaximumRetryAttempts "3" given to aws-cdk-lib fails ESM001', set: { MaximumRetryAttempts: '3' }, facts: { rejectedByCdk: 'Supplied properties not correct' }, expected: ['ESM001'] },
  { name: 'TumblingWindowInSeconds "0" given to aws-cdk-lib fails ESM001', set: { TumblingWindowInSeconds: '0' }, facts: { rejectedByCdk: 'Supplied properties not correct' }, expected: ['ESM001'] },
  { name: 'StartingPositionTimestamp "1700000000" given to aws-cdk-lib fails ESM001 only', set: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: '1700000000' }, facts: { rejectedByCdk: 'Supplied properties not correct' }, expected: ['ESM001'] },
  { name: 'Enabled "true" given to aws-cdk-lib fails ESM001', set: { Enabled: 'true' }, facts: { rejectedByCdk: 'Supplied properties not correct' }, expected: ['ESM001'] },
  { name: 'BisectBatchOnFunctionError 1 fails ESM001 only', set: { BisectBatchOnFunctionError: 1 }, expected: ['ESM001'] },
  { name: 'FunctionResponseTypes as a string fails ESM001 only', set: { FunctionResponseTypes: 'ReportBatchItemFailures' }, expected: ['ESM001'] },
  { name: 'DestinationConfig as a list fails ESM001 only', set: { DestinationConfig: [] }, expected: ['ESM001'] },
  { name: 'FilterCriteria as a string fails ESM001 only', set: { FilterCriteria: 'data.kind = order' }, expected: ['ESM001'] },
  { name: 'MetricsConfig as a list fails ESM001 only', set: { MetricsConfig: ['EventCount'] }, expected: ['ESM001'] },
  { name: 'Tags as an object fails ESM001 only', set: { Tags: { Key: 'team', Value: 'orders' } }, expected: ['ESM001'] },
  { name: 'FunctionName 42 fails ESM001 only', set: { FunctionName: 42 }, expected: ['ESM001'] },
  { name: 'EventSourceArn 42 fails ESM001 only', set: { EventSourceArn: 42 }, expected: ['ESM001'] },
  { name: 'StartingPosition 1 fails ESM001 only', set: { StartingPosition: 1 }, expected: ['ESM001'] },
  { name: 'KmsKeyArn true fails ESM001 only', set: { KmsKeyArn: true, FilterCriteria: FILTERS }, expected: ['ESM001'] },
  { name: 'three wrong types fail ESM001 three times', set: { BatchSize: '10', Enabled: 'yes', Tags: {} }, facts: { rejectedByCdk: 'Supplied properties not correct' }, expected: ['ESM001', 'ESM001', 'ESM001'] },
  { name: 'in the template a numeric string warns ESM003, the others fail ESM001', set: { BatchSize: '10', Enabled: 'yes', Tags: {} }, expected: ['ESM001', 'ESM001', 'ESM003'] },
  { name: 'Enabled "false" in the template warns ESM003', set: { Enabled: 'false' }, expected: ['ESM003'] },
  { name: 'StartingPositionTimestamp "1700000000" in the template warns ESM003 only', set: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: '1700000000' }, expected: ['ESM003'] },
  { name: 'FunctionName "123" is a string property: no ESM003', set: { FunctionName: '123' }, expected: [] },
  { name: 'BatchSzie (a typo) warns ESM004', set: { BatchSzie: 10 }, expected: ['ESM004'] },
  { name: 'batchSize (camel case) warns ESM004', set: { batchSize: 10 }, expected: ['ESM004'] },
  { name: 'BatchSize "10" given to aws-cdk-lib fails ESM001 on a DynamoDB stream', kind: D, set: { BatchSize: '10' }, facts: { rejectedByCdk: 'Supplied properties not correct' }, expected: ['ESM001'] },
  { name: 'BatchSize "10" given to aws-cdk-lib fails ESM001 on a consumer', kind: KC, set: { BatchSize: '10' }, facts: { rejectedByCdk: 'Supplied properties not correct' }, expected: ['ESM001'] },
  { name: 'BatchSize "10" given to aws-cdk-lib fails ESM001 on a mapping of unknown kind', kind: UNKNOWN_KIND, set: { BatchSize: '10' }, facts: { rejectedByCdk: 'Supplied properties not correct' }, expected: ['ESM001'] },
  {
    name: 'every property of its CloudFormation type passes ESM001',
    set: {
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 0,
      ParallelizationFactor: 1,
      MaximumRecordAgeInSeconds: 60,
      TumblingWindowInSeconds: 0,
      BisectBatchOnFunctionError: false,
      Enabled: true,
      FunctionResponseTypes: [],
      DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:failed' } },
      FilterCriteria: FILTERS,
      KmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      MetricsConfig: { Metrics: ['EventCount'] },
      Tags: [{ Key: 'team', Value: 'orders' }],
    },
    expected: [],
  },
  { name: 'BatchSize unresolved (Ref) passes ESM001', set: { BatchSize: REF }, expected: [] },
  { name: 'Tags unresolved (Fn::GetAtt) passes ESM001', set: { Tags: GET_ATT }, expected: [] },
  { name: 'Enabled conditional (Fn::If) passes ESM001', set: { Enabled: CONDITIONAL(true) }, expected: [] },
];

/** aws-cdk-lib's renderer message for a Pattern given as a number. */
const CDK_NESTED = 'Resolution error: Supplied properties not correct for "CfnEventSourceMappingProps"\n'
  + '  filterCriteria: supplied properties not correct for "FilterCriteriaProperty"\n'
  + '    filters: element 0: supplied properties not correct for "FilterProperty"\n'
  + '      pattern: 5 should be a string.';

export const ESM001_FALLBACK_CASES: RuleCase[] = [
  { name: 'a nested wrong type aws-cdk-lib rejects fails ESM001 once', set: { FilterCriteria: { Filters: [{ Pattern: 5 }] } }, facts: { rejectedByCdk: CDK_NESTED }, expected: ['ESM001', 'ESM601'] },
  { name: 'a missing FunctionName aws-cdk-lib rejects is ESM401 only', set: { FunctionName: undefined }, facts: { rejectedByCdk: 'Supplied properties not correct\n  functionName: required but missing.' }, expected: ['ESM401'] },
];

export const ESM005_CASES: RuleCase[] = [
  { name: 'no input problems pass ESM005', facts: { inputProblems: [] }, expected: [] },
  {
    name: 'each input problem fails ESM005',
    facts: {
      inputProblems: [
        { path: 'MaximumBatchingWindowInSeconds', problem: 'must be a Duration', got: 5, fix: 'give maxBatchingWindow as Duration.seconds(n)' },
        { path: 'FunctionResponseTypes', problem: 'must be true or false', got: 'false', fix: 'give reportBatchItemFailures as a boolean' },
      ],
    },
    expected: ['ESM005', 'ESM005'],
  },
];

export const ESM002_CASES: RuleCase[] = [
  ...NON_STREAM_PROPERTIES.map((name): RuleCase => ({ name: `${name} on a stream mapping fails ESM002`, set: { [name]: { X: 1 } }, expected: ['ESM002'] })),
  { name: 'ScalingConfig on a DynamoDB stream fails ESM002', kind: D, set: { ScalingConfig: { MaximumConcurrency: 5 } }, expected: ['ESM002'] },
  { name: 'Topics on a mapping of unknown kind fails ESM002', kind: UNKNOWN_KIND, set: { Topics: ['orders'] }, expected: ['ESM002'] },
  { name: 'Topics and Queues fail ESM002 twice', set: { Topics: ['orders'], Queues: ['orders'] }, expected: ['ESM002', 'ESM002'] },
  { name: 'ScalingConfig given by Ref still fails ESM002 (it is there, whatever its value)', set: { ScalingConfig: REF }, expected: ['ESM002'] },
  { name: 'ScalingConfig { Ref: AWS::NoValue } passes ESM002 (removed from the template)', set: { ScalingConfig: { Ref: 'AWS::NoValue' } }, expected: [] },
  { name: 'ScalingConfig under Fn::If with AWS::NoValue passes ESM002', set: { ScalingConfig: CONDITIONAL({ MaximumConcurrency: 5 }) }, expected: [] },
];

export const PROPERTY_TYPE_MESSAGES: MessageCase[] = [
  {
    name: 'ESM005 message names the construct prop',
    labels: true,
    facts: { inputProblems: [{ path: 'MaximumBatchingWindowInSeconds', problem: 'must be a Duration', got: 5, fix: 'give maxBatchingWindow as Duration.seconds(n)' }] },
    messages: ['ESM005: maxBatchingWindow (MaximumBatchingWindowInSeconds) must be a Duration, got 5; give maxBatchingWindow as Duration.seconds(n)'],
  },
  {
    name: 'ESM001 message for a nested wrong type names what aws-cdk-lib rejected',
    labels: false,
    set: { MetricsConfig: { Metrics: 'EventCount' } },
    facts: { rejectedByCdk: 'Supplied properties not correct for "CfnEventSourceMappingProps"\n  metricsConfig: supplied properties not correct for "MetricsConfigProperty"\n    metrics: "EventCount" should be a list.' },
    messages: [
      'ESM001: Properties are rejected by aws-cdk-lib\'s CfnEventSourceMapping, got "metrics: \\"EventCount\\" should be a list."; give each property the type CloudFormation defines for it',
      'ESM701: MetricsConfig.Metrics must be a list, got "EventCount"; use metricsConfig: { metrics: [lambda.MetricType.EVENT_COUNT] }',
    ],
  },

  {
    name: 'ESM004 message for a misspelt property',
    labels: false,
    set: { BatchSzie: 10 },
    messages: ['ESM004: BatchSzie is not a property of AWS::Lambda::EventSourceMapping, got 10; check the spelling (property names are case-sensitive)'],
  },
  {
    name: 'ESM003 message for a number written as a string by an override',
    labels: false,
    set: { ParallelizationFactor: '2' },
    messages: ['ESM003: ParallelizationFactor is a number written as a string, got "2"; write 2 without quotes'],
  },
  {
    name: 'ESM001 message names the prop for the construct',
    labels: true,
    set: { BatchSize: '10' },
    facts: { rejectedByCdk: 'Supplied properties not correct' },
    messages: ['ESM001: batchSize (BatchSize) must be a number, not a string, got "10"; give a number'],
  },
  {
    name: 'ESM001 message names only the CloudFormation property for an L1',
    labels: false,
    set: { FunctionResponseTypes: 'ReportBatchItemFailures', DestinationConfig: [], BatchSize: null },
    messages: [
      'ESM001: BatchSize must be a number, not null, got null; give a number',
      'ESM001: FunctionResponseTypes must be a list, not a string, got "ReportBatchItemFailures"; give a list',
      'ESM001: DestinationConfig must be an object, not a list, got []; give an object',
    ],
  },
  {
    name: 'ESM002 message',
    labels: true,
    set: { ScalingConfig: { MaximumConcurrency: 5 } },
    messages: ['ESM002: ScalingConfig applies only to other event source types (SQS, Kafka, MQ, DocumentDB), got {"MaximumConcurrency":5}; remove ScalingConfig from this stream mapping'],
  },
  {
    name: 'ESM002 message for an unresolved value',
    labels: false,
    set: { Topics: REF },
    messages: ['ESM002: Topics applies only to other event source types (SQS, Kafka, MQ, DocumentDB), got "(unresolved)"; remove Topics from this stream mapping'],
  },
];

/** Rows at the valid side of each rule, named for the rules they pass. */
export const PASSING_CASES: RuleCase[] = [
  { name: 'BatchSize as a JSON number passes ESM001 and ESM003', set: { BatchSize: 10 }, expected: [] },
  { name: 'Enabled, a property the resource defines, passes ESM004', set: { Enabled: false }, expected: [] },
  { name: 'props that all convert passes ESM005', facts: { inputProblems: [] }, expected: [] },
];

export const CASES = [...PASSING_CASES, ...ESM001_CASES, ...ESM001_FALLBACK_CASES, ...ESM005_CASES, ...ESM002_CASES];

