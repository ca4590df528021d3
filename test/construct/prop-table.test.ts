import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { StreamEventSourceMapping, StreamSource } from '../../lib';
import { PropConversion, STREAM_PROPERTIES } from '../../lib/template/properties';
import { newStack, STREAM_ARN } from '../support/stacks';

process.env.CDK_VALIDATION = 'false';

/** A distinct valid value for each prop the table converts, and what the template must then hold. */
const GIVEN: Record<string, [unknown, unknown]> = {
  startingPosition: [lambda.StartingPosition.AT_TIMESTAMP, 'AT_TIMESTAMP'],
  startingPositionTimestamp: [1_700_000_001, 1_700_000_001],
  batchSize: [123, 123],
  maxBatchingWindow: [Duration.seconds(7), 7],
  parallelizationFactor: [4, 4],
  maxRecordAge: [Duration.minutes(2), 120],
  retryAttempts: [9, 9],
  bisectBatchOnError: [true, true],
  reportBatchItemFailures: [true, ['ReportBatchItemFailures']],
  tumblingWindow: [Duration.seconds(30), 30],
  filters: [[lambda.FilterCriteria.filter({ data: { k: lambda.FilterRule.isEqual('v') } })], { Filters: [{ Pattern: '{"data":{"k":["v"]}}' }] }],
  metricsConfig: [{ metrics: [lambda.MetricType.EVENT_COUNT] }, { Metrics: ['EventCount'] }],
  enabled: [false, false],
};

const CONVERTED = Object.entries(STREAM_PROPERTIES)
  .filter(([, { conversion }]) => conversion !== PropConversion.FROM_CONSTRUCT && conversion !== PropConversion.TAGS);

test('the table lists every converted prop this test gives a value for, and no other', () => {
  expect(CONVERTED.map(([, { prop }]) => prop).sort()).toEqual(Object.keys(GIVEN).sort());
});

test('each prop the table converts reaches its CloudFormation property with its converted value', () => {
  const { stack, fn } = newStack();
  const props = Object.fromEntries(Object.entries(GIVEN).map(([prop, [value]]) => [prop, value]));
  new StreamEventSourceMapping(stack, 'Mapping', { target: fn, source: StreamSource.fromKinesisStreamArn(STREAM_ARN), ...props } as any);
  const [mapping] = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::EventSourceMapping')) as any[];
  for (const [property, { prop }] of CONVERTED) {
    expect([prop, mapping.Properties[property]]).toEqual([prop, GIVEN[prop][1]]);
  }
});
