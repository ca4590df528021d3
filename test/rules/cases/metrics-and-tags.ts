import { D, GET_ATT, KC, MessageCase, REF, RuleCase, UNKNOWN_KIND } from '../support';

const metrics = (...names: unknown[]) => ({ MetricsConfig: { Metrics: names } });
const tag = (Key: unknown, Value: unknown = 'orders') => ({ Tags: [{ Key, Value }] });

export const ESM701_CASES: RuleCase[] = [
  { name: 'Metrics as a string fails ESM701', set: { MetricsConfig: { Metrics: 'EventCount' } }, expected: ['ESM701'] },
  { name: 'Metrics [EventCount] passes', set: metrics('EventCount'), expected: [] },
  { name: 'Metrics [EventCount] passes on a DynamoDB stream', kind: D, set: metrics('EventCount'), expected: [] },
  { name: 'Metrics [] passes', set: metrics(), expected: [] },
  { name: 'MetricsConfig {} passes', set: { MetricsConfig: {} }, expected: [] },
  { name: 'an unknown metric fails ESM701', set: metrics('Bogus'), expected: ['ESM701'] },
  { name: 'a metric in the wrong case fails ESM701', set: metrics('eventcount'), expected: ['ESM701'] },
  { name: 'a metric that is a number fails ESM701', set: metrics(1), expected: ['ESM701'] },
  { name: 'a repeated metric fails ESM701', set: metrics('EventCount', 'EventCount'), expected: ['ESM701'] },
  { name: 'a repeated metric fails ESM701 on a mapping of unknown kind', kind: UNKNOWN_KIND, set: metrics('EventCount', 'EventCount'), expected: ['ESM701'] },
  { name: 'an unresolved metric passes ESM701', set: metrics(REF), expected: [] },
  { name: 'unresolved Metrics pass', set: { MetricsConfig: { Metrics: GET_ATT } }, expected: [] },
  { name: 'unresolved MetricsConfig passes', set: { MetricsConfig: REF }, expected: [] },
];

export const ESM702_CASES: RuleCase[] = [
  { name: 'ErrorCount fails ESM702', set: metrics('ErrorCount'), expected: ['ESM702'] },
  { name: 'KafkaMetrics fails ESM702 on a consumer', kind: KC, set: metrics('KafkaMetrics'), expected: ['ESM702'] },
  { name: 'all three metrics fail ESM702 once', set: metrics('EventCount', 'ErrorCount', 'KafkaMetrics'), expected: ['ESM702'] },
  { name: 'ErrorCount twice fails ESM701 and ESM702', set: metrics('ErrorCount', 'ErrorCount'), expected: ['ESM701', 'ESM702'] },
];

export const ESM703_CASES: RuleCase[] = [
  { name: 'tag key of 128 and value of 256 characters pass', set: tag('k'.repeat(128), 'v'.repeat(256)), expected: [] },
  { name: 'tag key of 1 character and an empty value pass', set: tag('k', ''), expected: [] },
  { name: 'tags of letters of any script, digits, spaces and _ . : / = + - @ pass', set: tag('Équipe チーム 1_.:/=+-@', 'Zürich ５ a/b=c+d-e@f'), expected: [] },
  { name: 'tag key of 129 characters fails ESM703', set: tag('k'.repeat(129)), expected: ['ESM703'] },
  { name: 'tag value of 257 characters fails ESM703', set: tag('team', 'v'.repeat(257)), expected: ['ESM703'] },
  { name: 'empty tag key fails ESM703', set: tag(''), expected: ['ESM703'] },
  { name: 'tag key with # fails ESM703', set: tag('team#1'), expected: ['ESM703'] },
  { name: 'tag value with * fails ESM703', set: tag('team', 'a*b'), expected: ['ESM703'] },
  { name: 'tag key and value with a comma fail ESM703 twice', set: tag('a,b', 'c,d'), expected: ['ESM703', 'ESM703'] },
  { name: 'tag key with a tab fails ESM703 on a DynamoDB stream', kind: D, set: tag('a\tb'), expected: ['ESM703'] },
  { name: 'an unresolved tag key and value pass', set: tag(REF, GET_ATT), expected: [] },
  { name: 'unresolved Tags pass', set: { Tags: REF }, expected: [] },
  { name: 'a tag listed twice fails ESM703 (CloudFormation\'s uniqueItems)', set: { Tags: [{ Key: 'team', Value: 'orders' }, { Value: 'orders', Key: 'team' }] }, expected: ['ESM703'] },
  { name: 'one key with two values fails ESM703 (a key has one value)', set: { Tags: [{ Key: 'team', Value: 'orders' }, { Key: 'team', Value: 'billing' }] }, expected: ['ESM703'] },
  { name: 'keys that differ only in case pass ESM703 (keys are case-sensitive)', set: { Tags: [{ Key: 'team', Value: 'orders' }, { Key: 'Team', Value: 'orders' }] }, expected: [] },
  { name: 'two tags with unresolved keys pass ESM703', set: { Tags: [{ Key: REF, Value: 'a' }, { Key: REF, Value: 'a' }] }, expected: [] },
  { name: 'two unresolved tags pass ESM703', set: { Tags: [REF, REF] }, expected: [] },
];

export const ESM704_CASES: RuleCase[] = [
  { name: 'tag key aws:team fails ESM704', set: tag('aws:team'), expected: ['ESM704'] },
  { name: 'tag key AWS:team passes ESM704 (the schema reserves aws: in lower case)', set: tag('AWS:team'), expected: [] },
  { name: 'tag value aws:orders fails ESM704', set: { Tags: [{ Key: 'team', Value: 'aws:orders' }] }, expected: ['ESM704'] },
  { name: 'tag key awsteam passes ESM704', set: tag('awsteam'), expected: [] },
  { name: 'tag key team:aws: passes ESM704', set: tag('team:aws:'), expected: [] },
  { name: 'tag key aws: with 129 characters fails ESM703 and ESM704', set: tag(`aws:${'k'.repeat(125)}`), expected: ['ESM703', 'ESM704'] },
];

export const METRICS_AND_TAGS_MESSAGES: MessageCase[] = [
  {
    name: 'ESM701 message for an unknown metric',
    labels: true,
    set: metrics('Bogus', 7),
    messages: ['ESM701: metricsConfig (MetricsConfig.Metrics) has unknown metrics Bogus, 7, got ["Bogus",7]; use lambda.MetricType.EVENT_COUNT, each metric once'],
  },
  {
    name: 'ESM701 message for a repeated metric',
    labels: false,
    set: metrics('EventCount', 'EventCount'),
    messages: ['ESM701: MetricsConfig.Metrics repeats EventCount, got ["EventCount","EventCount"]; use lambda.MetricType.EVENT_COUNT, each metric once'],
  },
  {
    name: 'ESM702 message',
    labels: false,
    set: metrics('EventCount', 'ErrorCount'),
    messages: ['ESM702: MetricsConfig.Metrics asks for ErrorCount, which Lambda documents for Kafka sources only, got ["ErrorCount"]; use lambda.MetricType.EVENT_COUNT'],
  },
  {
    name: 'ESM703 messages',
    labels: true,
    set: tag('team#1', 'a*b'),
    messages: [
      'ESM703: Tags.of(mapping) (Tags[0].Key) is not a valid tag key, got "team#1"; use 1 to 128 letters, digits, spaces and _ . : / = + - @',
      'ESM703: Tags.of(mapping) (Tags[0].Value) is not a valid tag value, got "a*b"; use up to 256 letters, digits, spaces and _ . : / = + - @',
    ],
  },
  {
    name: 'ESM703 message for a repeated tag',
    labels: false,
    set: { Tags: [{ Key: 'team', Value: 'orders' }, { Key: 'cost', Value: '1' }, { Key: 'team', Value: 'orders' }] },
    messages: ['ESM703: Tags[2].Key repeats the key of tag 0, got "team"; give each key once, with the one value it should have'],
  },
  {
    name: 'ESM704 message',
    labels: false,
    set: tag('aws:team'),
    messages: ['ESM704: Tags[0].Key starts with the reserved prefix aws:, got "aws:team"; choose a tag without the aws: prefix'],
  },
];

/** Rows at the valid side of each rule, named for the rules they pass. */
export const PASSING_CASES: RuleCase[] = [
  { name: 'Metrics [EventCount] on a stream passes ESM702', set: metrics('EventCount'), expected: [] },
  { name: 'tags of letters, digits, spaces and _ . : / = + - @ passes ESM703', set: tag('team name_.:/=+-@', 'orders 1'), expected: [] },
];

export const CASES = [...PASSING_CASES, ...ESM701_CASES, ...ESM702_CASES, ...ESM703_CASES, ...ESM704_CASES];
