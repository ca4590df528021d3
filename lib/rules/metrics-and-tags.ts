import { ALL_KINDS, DOCS, Finding, Rule, RuleSeverity } from './rule';
import { isIntrinsic, UNKNOWN, valueAt } from '../template/values';

const METRICS = ['EventCount', 'ErrorCount', 'KafkaMetrics'];
const KAFKA_ONLY_METRICS = ['ErrorCount', 'KafkaMetrics'];
/** The API's TagKey/TagValue pattern: letters, separators, numbers and _ . : / = + - @. */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

function metricsOf(properties: Record<string, unknown>): unknown[] | undefined {
  const metrics = valueAt(properties, 'MetricsConfig.Metrics');
  return Array.isArray(metrics) ? metrics : undefined;
}

/** ESM701: metrics come from the API's enum, at most once each. */
export const ESM701: Rule = {
  id: 'ESM701',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'MetricsConfig.Metrics',
  whenSet: ['MetricsConfig'],
  summary: 'MetricsConfig.Metrics lists EventCount, ErrorCount or KafkaMetrics, each at most once.',
  source: DOCS.metricsConfig,
  check: (facts) => {
    const given = valueAt(facts.properties, 'MetricsConfig.Metrics');
    if (given !== undefined && given !== UNKNOWN && !Array.isArray(given)) {
      return { problem: 'must be a list', got: given, fix: 'use metricsConfig: { metrics: [lambda.MetricType.EVENT_COUNT] }' };
    }
    const metrics = metricsOf(facts.properties);
    if (!metrics) {
      return undefined;
    }
    const unknown = metrics.filter((m) => !isIntrinsic(m) && !(typeof m === 'string' && METRICS.includes(m)));
    const repeated = metrics.filter((m, i) => typeof m === 'string' && metrics.indexOf(m) !== i);
    if (unknown.length > 0 || repeated.length > 0) {
      return { problem: unknown.length > 0 ? `has unknown metrics ${unknown.map((m) => typeof m === 'string' ? m : JSON.stringify(m)).join(', ')}` : `repeats ${repeated.join(', ')}`, got: metrics, fix: 'use lambda.MetricType.EVENT_COUNT, each metric once' };
    }
    return undefined;
  },
};

/** ESM702: ErrorCount and KafkaMetrics are documented for Kafka sources only. */
export const ESM702: Rule = {
  id: 'ESM702',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: 'MetricsConfig.Metrics',
  whenSet: ['MetricsConfig'],
  summary: 'A stream mapping asks only for EventCount metrics; ErrorCount and KafkaMetrics are documented for Kafka sources (rejection not verified).',
  source: DOCS.metricsConfig,
  check: (facts) => {
    const kafka = (metricsOf(facts.properties) ?? []).filter((m) => typeof m === 'string' && KAFKA_ONLY_METRICS.includes(m));
    return kafka.length > 0 ? { problem: `asks for ${kafka.join(', ')}, which Lambda documents for Kafka sources only`, got: kafka, fix: 'use lambda.MetricType.EVENT_COUNT' } : undefined;
  },
};

function tagsOf(properties: Record<string, unknown>): Array<{ index: number; key: unknown; value: unknown }> {
  const tags = valueAt(properties, 'Tags');
  return Array.isArray(tags) ? tags.map((tag, index) => ({ index, key: valueAt(tag, 'Key'), value: valueAt(tag, 'Value') })) : [];
}

/** ESM703: tag keys 1..128 and values 0..256 characters of the allowed set. */
export const ESM703: Rule = {
  id: 'ESM703',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'Tags',
  whenSet: ['Tags'],
  summary: 'Tag keys are 1 to 128 and values 0 to 256 characters of letters, digits, spaces and _ . : / = + - @; each key is given once.',
  source: `${DOCS.tags} ; ${DOCS.cfn} ; ${DOCS.tagKeys}`,
  check: (facts) => [...invalidTags(facts.properties), ...repeatedTags(facts.properties)],
};

function invalidTags(properties: Record<string, unknown>): Finding[] {
  return tagsOf(properties).flatMap(({ index, key, value }): Finding[] => {
    const found: Finding[] = [];
    if (typeof key === 'string' && (key.length < 1 || key.length > 128 || !TAG_TEXT.test(key))) {
      found.push({ path: `Tags[${index}].Key`, problem: 'is not a valid tag key', got: key, fix: 'use 1 to 128 letters, digits, spaces and _ . : / = + - @' });
    }
    if (typeof value === 'string' && (value.length > 256 || !TAG_TEXT.test(value))) {
      found.push({ path: `Tags[${index}].Value`, problem: 'is not a valid tag value', got: value, fix: 'use up to 256 letters, digits, spaces and _ . : / = + - @' });
    }
    return found;
  });
}

/** Tags that repeat a key: each key of a resource has one value (and CloudFormation's schema makes Tags uniqueItems). */
function repeatedTags(properties: Record<string, unknown>): Finding[] {
  const seen = new Map<string, number>();
  return tagsOf(properties).flatMap(({ index, key }): Finding[] => {
    if (typeof key !== 'string') {
      return [];
    }
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      return [];
    }
    return [{ path: `Tags[${index}].Key`, problem: `repeats the key of tag ${first}`, got: key, fix: 'give each key once, with the one value it should have' }];
  });
}

/** ESM704: the aws: prefix is reserved; the resource schema says keys and values cannot start with it. */
export const ESM704: Rule = {
  id: 'ESM704',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'Tags',
  whenSet: ['Tags'],
  summary: 'Tag keys and values do not start with the reserved prefix aws:.',
  source: `${DOCS.cfn} ; ${DOCS.tags}`,
  check: (facts) => tagsOf(facts.properties).flatMap(({ index, key, value }) => [
    ...(typeof key === 'string' && key.startsWith('aws:') ? [{ path: `Tags[${index}].Key`, got: key }] : []),
    ...(typeof value === 'string' && value.startsWith('aws:') ? [{ path: `Tags[${index}].Value`, got: value }] : []),
  ].map((f) => ({ ...f, problem: 'starts with the reserved prefix aws:', fix: 'choose a tag without the aws: prefix' }))),
};
