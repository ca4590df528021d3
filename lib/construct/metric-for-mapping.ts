import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Token } from 'aws-cdk-lib/core';
import { EventSourceMappingMetric } from './event-source-mapping-metric';

const EVENT_COUNT_METRICS: readonly string[] = Object.values(EventSourceMappingMetric);

/** What the metric methods need of a mapping. */
export interface MetricSubject {
  readonly eventSourceMappingId: string;
  readonly target: lambda.IFunction;
  readonly _metricsConfig?: lambda.MetricsConfig;
  readonly node: { readonly path: string };
}

/**
 * `IteratorAge` of the target (version or alias included), or an event source mapping metric.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
 */
export function metricForMapping(mapping: MetricSubject, metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
  if (metricName === 'IteratorAge') {
    return iteratorAge(mapping.target, props);
  }
  if (EVENT_COUNT_METRICS.includes(metricName) && !mapping._metricsConfig?.metrics?.includes(lambda.MetricType.EVENT_COUNT)) {
    throw new Error(`${mapping.node.path}: ${metricName} is published only for mappings with event count metrics; `
      + 'set metricsConfig: { metrics: [lambda.MetricType.EVENT_COUNT] } on the StreamEventSourceMapping');
  }
  return new cloudwatch.Metric({
    namespace: 'AWS/Lambda',
    metricName,
    dimensionsMap: { EventSourceMappingUUID: mapping.eventSourceMappingId },
    statistic: cloudwatch.Stats.SUM,
    ...props,
  });
}

/**
 * IteratorAge by function and, for a version or alias, by `Resource` = `name:qualifier` (the dimensions Lambda
 * publishes per version and alias).
 */
function iteratorAge(target: lambda.IFunction, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
  const options = { statistic: cloudwatch.Stats.MAXIMUM, ...props };
  if (!Token.isUnresolved(target.functionArn)) {
    // Imported by a literal ARN: aws-cdk-lib's own metric would drop the qualifier.
    const [, , , , , , name, qualifier] = target.functionArn.split(':');
    if (name) {
      const dimensionsMap: Record<string, string> = qualifier ? { FunctionName: name, Resource: `${name}:${qualifier}` } : { FunctionName: name };
      return new cloudwatch.Metric({ namespace: 'AWS/Lambda', metricName: 'IteratorAge', dimensionsMap, ...options });
    }
  }
  const version = target as Partial<lambda.IVersion>;
  if (typeof version.version === 'string' && version.lambda) {
    // aws-cdk-lib's Version.metric gives FunctionName name:version (and a Resource built from the ARN).
    const name = version.lambda.functionName;
    return new cloudwatch.Metric({
      namespace: 'AWS/Lambda',
      metricName: 'IteratorAge',
      dimensionsMap: { FunctionName: name, Resource: `${name}:${version.version}` },
      ...options,
    });
  }
  return target.metric('IteratorAge', options);
}
