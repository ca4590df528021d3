process.env.CDK_VALIDATION = 'false';

import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { EventSourceMappingMetric, StreamEventSourceMapping, StreamEventSourceMappingProps, StreamSource } from '../../lib';
import { metricForMapping } from '../../lib/construct/metric-for-mapping';
import { ENV, STREAM_ARN, newStack } from '../support/stacks';


function map(stack: Stack, target: lambda.IFunction, props: Partial<StreamEventSourceMappingProps> = {}) {
  return new StreamEventSourceMapping(stack, 'Mapping', {
    target,
    source: StreamSource.fromKinesisStreamArn(STREAM_ARN),
    startingPosition: lambda.StartingPosition.LATEST,
    retryAttempts: 3,
    ...props,
  });
}

/** What CloudWatch receives: namespace, name, statistic, period and resolved dimensions. */
function describeMetric(stack: Stack, metric: cloudwatch.Metric) {
  return {
    namespace: metric.namespace,
    metricName: metric.metricName,
    statistic: metric.statistic,
    period: metric.period.toSeconds(),
    dimensions: stack.resolve(metric.dimensions),
  };
}

describe('metricIteratorAge', () => {
  test('a function: Maximum of AWS/Lambda IteratorAge by FunctionName', () => {
    const { stack, fn } = newStack();
    const mapping = map(stack, fn);

    expect(describeMetric(stack, mapping.metricIteratorAge())).toEqual({
      namespace: 'AWS/Lambda',
      metricName: 'IteratorAge',
      statistic: 'Maximum',
      period: 300,
      dimensions: { FunctionName: { Ref: 'Fn9270CBC0' } },
    });
  });

  test('an alias: by FunctionName and Resource name:alias', () => {
    const { stack, fn } = newStack();
    const alias = new lambda.Alias(stack, 'Live', { aliasName: 'live', version: fn.currentVersion });
    const mapping = map(stack, alias);

    expect(describeMetric(stack, mapping.metricIteratorAge())).toEqual({
      namespace: 'AWS/Lambda',
      metricName: 'IteratorAge',
      statistic: 'Maximum',
      period: 300,
      dimensions: { FunctionName: { Ref: 'Fn9270CBC0' }, Resource: { 'Fn::Join': ['', [{ Ref: 'Fn9270CBC0' }, ':live']] } },
    });
  });

  test('a version: by FunctionName and Resource name:version', () => {
    const { stack, fn } = newStack();
    const mapping = map(stack, fn.currentVersion);

    expect(describeMetric(stack, mapping.metricIteratorAge()).dimensions).toEqual({
      FunctionName: { Ref: 'Fn9270CBC0' },
      Resource: { 'Fn::Join': ['', [{ Ref: 'Fn9270CBC0' }, ':', { 'Fn::GetAtt': ['FnCurrentVersion17A89ABBad0ba51de3418de79888d2044b1049c6', 'Version'] }]] },
    });
    // aws-cdk-lib's own Version.metric puts name:version in FunctionName, where Lambda publishes no data.
    expect(stack.resolve(fn.currentVersion.metric('IteratorAge').dimensions)).toEqual({
      FunctionName: { 'Fn::Join': ['', [{ Ref: 'Fn9270CBC0' }, ':', { 'Fn::GetAtt': ['FnCurrentVersion17A89ABBad0ba51de3418de79888d2044b1049c6', 'Version'] }]] },
    });
  });

  test('a version imported by attributes: by FunctionName and Resource name:version', () => {
    const { stack } = newStack();
    const orders = lambda.Function.fromFunctionName(stack, 'Orders', 'orders');
    const version = lambda.Version.fromVersionAttributes(stack, 'V3', { lambda: orders, version: '3' });
    const mapping = map(stack, version);

    expect(describeMetric(stack, mapping.metricIteratorAge()).dimensions).toEqual({
      FunctionName: stack.resolve(orders.functionName),
      Resource: { 'Fn::Join': ['', [stack.resolve(orders.functionName), ':3']] },
    });
  });

  test('a function imported by a qualified ARN keeps its qualifier in Resource', () => {
    const { stack } = newStack();
    const mapping = map(stack, lambda.Function.fromFunctionArn(stack, 'Orders', 'arn:aws:lambda:us-east-1:123456789012:function:orders:live'));

    expect(describeMetric(stack, mapping.metricIteratorAge())).toEqual({
      namespace: 'AWS/Lambda',
      metricName: 'IteratorAge',
      statistic: 'Maximum',
      period: 300,
      dimensions: { FunctionName: 'orders', Resource: 'orders:live' },
    });
  });

  test('a function imported by an unqualified ARN: by FunctionName only', () => {
    const { stack } = newStack();
    const mapping = map(stack, lambda.Function.fromFunctionArn(stack, 'Orders', 'arn:aws:lambda:us-east-1:123456789012:function:orders'));

    expect(describeMetric(stack, mapping.metricIteratorAge()).dimensions).toEqual({ FunctionName: 'orders' });
  });

  test('a function imported by name: by its FunctionName token', () => {
    const { stack } = newStack();
    const target = lambda.Function.fromFunctionName(stack, 'Orders', 'orders');
    const mapping = map(stack, target);

    expect(describeMetric(stack, mapping.metricIteratorAge()).dimensions).toEqual({ FunctionName: stack.resolve(target.functionName) });
  });

  test('options override the statistic and period', () => {
    const { stack, fn } = newStack();
    const metric = map(stack, fn).metricIteratorAge({ statistic: cloudwatch.Stats.p(99), period: Duration.minutes(1) });

    expect(describeMetric(stack, metric)).toEqual({
      namespace: 'AWS/Lambda',
      metricName: 'IteratorAge',
      statistic: 'p99',
      period: 60,
      dimensions: { FunctionName: { Ref: 'Fn9270CBC0' } },
    });
  });

  test('metric(\'IteratorAge\') is the same metric as metricIteratorAge()', () => {
    const { stack } = newStack();
    const mapping = map(stack, lambda.Function.fromFunctionArn(stack, 'Orders', 'arn:aws:lambda:us-east-1:123456789012:function:orders:live'));

    expect(describeMetric(stack, mapping.metric('IteratorAge'))).toEqual(describeMetric(stack, mapping.metricIteratorAge()));
  });

  test('an alarm on the iterator age of an alias synthesizes with its dimensions', () => {
    const { stack, fn } = newStack();
    const alias = new lambda.Alias(stack, 'Live', { aliasName: 'live', version: fn.currentVersion });
    map(stack, alias).metricIteratorAge().createAlarm(stack, 'Behind', { threshold: 60_000, evaluationPeriods: 3 });

    expect(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm')).toEqual({
      BehindAD375235: {
        Type: 'AWS::CloudWatch::Alarm',
        Properties: {
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          Dimensions: [
            { Name: 'FunctionName', Value: { Ref: 'Fn9270CBC0' } },
            { Name: 'Resource', Value: { 'Fn::Join': ['', [{ Ref: 'Fn9270CBC0' }, ':live']] } },
          ],
          EvaluationPeriods: 3,
          MetricName: 'IteratorAge',
          Namespace: 'AWS/Lambda',
          Period: 300,
          Statistic: 'Maximum',
          Threshold: 60000,
        },
      },
    });
  });

  test('an alarm on a qualified imported ARN synthesizes with literal dimensions', () => {
    const { stack } = newStack();
    const mapping = map(stack, lambda.Function.fromFunctionArn(stack, 'Orders', 'arn:aws:lambda:us-east-1:123456789012:function:orders:live'));
    new cloudwatch.Alarm(stack, 'Behind', { metric: mapping.metricIteratorAge(), threshold: 60_000, evaluationPeriods: 1 });

    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      Dimensions: [{ Name: 'FunctionName', Value: 'orders' }, { Name: 'Resource', Value: 'orders:live' }],
      MetricName: 'IteratorAge',
      Namespace: 'AWS/Lambda',
      Statistic: 'Maximum',
    });
  });
});

describe('event count metrics', () => {
  const METHODS: Array<[string, (m: StreamEventSourceMapping) => cloudwatch.Metric]> = [
    ['PolledEventCount', (m) => m.metricPolledEventCount()],
    ['FilteredOutEventCount', (m) => m.metricFilteredOutEventCount()],
    ['InvokedEventCount', (m) => m.metricInvokedEventCount()],
    ['FailedInvokeEventCount', (m) => m.metricFailedInvokeEventCount()],
    ['DroppedEventCount', (m) => m.metricDroppedEventCount()],
    ['OnFailureDestinationDeliveredEventCount', (m) => m.metricOnFailureDestinationDeliveredEventCount()],
  ];

  test('the enum lists the six metrics Lambda publishes', () => {
    expect(Object.values(EventSourceMappingMetric)).toEqual(METHODS.map(([name]) => name));
  });

  test.each(METHODS)('%s: Sum by EventSourceMappingUUID = the mapping\'s Ref', (metricName, method) => {
    const { stack, fn } = newStack();
    const mapping = map(stack, fn, { metricsConfig: { metrics: [lambda.MetricType.EVENT_COUNT] } });

    expect(describeMetric(stack, method(mapping))).toEqual({
      namespace: 'AWS/Lambda',
      metricName,
      statistic: 'Sum',
      period: 300,
      dimensions: { EventSourceMappingUUID: { Ref: 'MappingE24B359D' } },
    });
  });

  test.each(METHODS)('%s without metricsConfig EventCount throws, telling how to turn it on', (metricName, method) => {
    const { stack, fn } = newStack();
    const mapping = map(stack, fn);

    expect(() => method(mapping)).toThrow(new Error(`Stack/Mapping: ${metricName} is published only for mappings with event count metrics; `
      + 'set metricsConfig: { metrics: [lambda.MetricType.EVENT_COUNT] } on the StreamEventSourceMapping'));
  });

  test('metricsConfig without EventCount (an empty list) throws too', () => {
    const { stack, fn } = newStack();
    const mapping = map(stack, fn, { metricsConfig: { metrics: [] } });

    expect(() => mapping.metricDroppedEventCount()).toThrow(
      'Stack/Mapping: DroppedEventCount is published only for mappings with event count metrics; '
      + 'set metricsConfig: { metrics: [lambda.MetricType.EVENT_COUNT] } on the StreamEventSourceMapping');
  });

  test('metric(name) for an event count metric checks metricsConfig as well', () => {
    const { stack, fn } = newStack();

    expect(() => map(stack, fn).metric('PolledEventCount')).toThrow('Stack/Mapping: PolledEventCount is published only for mappings with event count metrics');
  });

  test('an alarm on an event count metric synthesizes with the mapping\'s UUID', () => {
    const { stack, fn } = newStack();
    const mapping = map(stack, fn, { metricsConfig: { metrics: [lambda.MetricType.EVENT_COUNT] } });
    mapping.metricDroppedEventCount({ period: Duration.minutes(1) }).createAlarm(stack, 'Dropped', { threshold: 1, evaluationPeriods: 1 });

    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      Dimensions: [{ Name: 'EventSourceMappingUUID', Value: { Ref: 'MappingE24B359D' } }],
      MetricName: 'DroppedEventCount',
      Namespace: 'AWS/Lambda',
      Period: 60,
      Statistic: 'Sum',
    });
  });
});

describe('metric', () => {
  test('a custom metric name: Sum by EventSourceMappingUUID, without metricsConfig', () => {
    const { stack, fn } = newStack();
    const mapping = map(stack, fn);

    expect(describeMetric(stack, mapping.metric('Custom'))).toEqual({
      namespace: 'AWS/Lambda',
      metricName: 'Custom',
      statistic: 'Sum',
      period: 300,
      dimensions: { EventSourceMappingUUID: { Ref: 'MappingE24B359D' } },
    });
  });

  test('options override the statistic, period and label', () => {
    const { stack, fn } = newStack();
    const metric = map(stack, fn).metric('Custom', { statistic: cloudwatch.Stats.AVERAGE, period: Duration.minutes(1), label: 'custom' });

    expect(describeMetric(stack, metric)).toEqual({
      namespace: 'AWS/Lambda',
      metricName: 'Custom',
      statistic: 'Average',
      period: 60,
      dimensions: { EventSourceMappingUUID: { Ref: 'MappingE24B359D' } },
    });
    expect(metric.label).toBe('custom');
  });

  test('metricForMapping falls back to the target\'s own metric for a literal ARN without a function name', () => {
    const { stack } = newStack();
    const fallback = new cloudwatch.Metric({ namespace: 'AWS/Lambda', metricName: 'IteratorAge', dimensionsMap: { FunctionName: 'x' } });
    const target = { functionArn: 'arn:aws:lambda', metric: jest.fn(() => fallback) } as unknown as lambda.IFunction;

    const metric = metricForMapping({ eventSourceMappingId: 'uuid', target, node: { path: 'Stack/Mapping' } }, 'IteratorAge');

    expect(metric).toBe(fallback);
    expect(target.metric).toHaveBeenCalledWith('IteratorAge', { statistic: 'Maximum' });
    expect(stack.resolve(metric.dimensions)).toEqual({ FunctionName: 'x' });
  });
});
