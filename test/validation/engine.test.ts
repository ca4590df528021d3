import { ALL_KINDS, DYNAMODB_KINDS, groupOf, KINESIS_KINDS, Rule, RuleGroup, RULES, RuleSeverity } from '../../lib/rules';
import { StreamSourceKind } from '../../lib/template/stream-source-kind';
import { evaluate, formatMessage, MessageLabels } from '../../lib/validation/engine';

const NOW = 1_767_225_600;

/** A rule that reports whatever it is given, for one group of kinds. */
function probe(id: string, appliesTo: readonly StreamSourceKind[], finding: ReturnType<Rule['check']>): Rule {
  return { id, severity: RuleSeverity.WARNING, appliesTo, property: 'BatchSize', summary: 'Probe.', source: 'https://docs.aws.amazon.com/x', check: () => finding };
}

const L1 = { labels: MessageLabels.CLOUDFORMATION };
const PROPS = { labels: MessageLabels.CONSTRUCT_PROPS };

const FOUND = { problem: 'is wrong', got: 1, fix: 'fix it' };

describe('evaluate: which rules apply', () => {
  const rules = [
    probe('ESM991', ALL_KINDS, FOUND),
    probe('ESM992', KINESIS_KINDS, FOUND),
    probe('ESM993', DYNAMODB_KINDS, FOUND),
    probe('ESM994', [StreamSourceKind.KINESIS_CONSUMER], FOUND),
  ];

  test.each([
    [StreamSourceKind.KINESIS_STREAM, ['ESM991', 'ESM992']],
    [StreamSourceKind.KINESIS_CONSUMER, ['ESM991', 'ESM992', 'ESM994']],
    [StreamSourceKind.DYNAMODB_STREAM, ['ESM991', 'ESM993']],
    [undefined, ['ESM991']],
  ])('a mapping of kind %s is judged by %j', (kind, expected) => {
    expect(evaluate(rules, { properties: {}, kind, nowSeconds: NOW }, L1).map((v) => v.rule.id)).toEqual(expected);
  });

  test('a rule reporting nothing, one finding, or several', () => {
    const several = [
      probe('ESM981', ALL_KINDS, undefined),
      probe('ESM982', ALL_KINDS, []),
      probe('ESM983', ALL_KINDS, FOUND),
      probe('ESM984', ALL_KINDS, [FOUND, { ...FOUND, got: 2 }]),
    ];
    expect(evaluate(several, { properties: {}, nowSeconds: NOW }, L1).map((v) => v.message)).toEqual([
      'ESM983: BatchSize is wrong, got 1; fix it',
      'ESM984: BatchSize is wrong, got 1; fix it',
      'ESM984: BatchSize is wrong, got 2; fix it',
    ]);
  });

  test('each violation carries its rule', () => {
    const [violation] = evaluate(RULES, { properties: { FunctionName: 'f', EventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/s', StartingPosition: 'LATEST', BatchSize: 0, MaximumRetryAttempts: 1 }, kind: StreamSourceKind.KINESIS_STREAM, nowSeconds: NOW }, PROPS);
    expect(violation.rule).toBe(RULES.find((r) => r.id === 'ESM201'));
    expect(violation.message).toBe('ESM201: batchSize (BatchSize) is out of range, got 0; use a whole number from 1 to 10000');
  });

  test('no rule, no violation', () => {
    expect(evaluate([], { properties: { BatchSize: 0 }, nowSeconds: NOW }, PROPS)).toEqual([]);
  });
});

describe('formatMessage', () => {
  const rule = probe('ESM990', ALL_KINDS, undefined);
  const tagsRule = { ...rule, property: 'Tags' };
  const otherRule = { ...rule, property: 'ScalingConfig' };

  test.each([
    ['the construct prop beside the property', rule, { problem: 'is wrong', got: 0, fix: 'fix it' }, true, 'ESM990: batchSize (BatchSize) is wrong, got 0; fix it'],
    ['the property alone for an L1', rule, { problem: 'is wrong', got: 0, fix: 'fix it' }, false, 'ESM990: BatchSize is wrong, got 0; fix it'],
    ['a finding path instead of the rule property', rule, { path: 'FilterCriteria.Filters[2].Pattern', problem: 'is wrong', got: 'x', fix: 'fix it' }, true,
      'ESM990: filters (FilterCriteria.Filters[2].Pattern) is wrong, got "x"; fix it'],
    ['an indexed path', tagsRule, { path: 'Tags[0].Key', problem: 'is wrong', got: 'k', fix: 'fix it' }, true, 'ESM990: Tags.of(mapping) (Tags[0].Key) is wrong, got "k"; fix it'],
    ['a property the construct does not set', otherRule, { problem: 'is wrong', got: {}, fix: 'fix it' }, true, 'ESM990: ScalingConfig is wrong, got {}; fix it'],
    ['no value', rule, { problem: 'is missing', fix: 'add it' }, true, 'ESM990: batchSize (BatchSize) is missing, got nothing; add it'],
    ['a negative fraction', rule, { problem: 'is wrong', got: -1.5, fix: 'fix it' }, false, 'ESM990: BatchSize is wrong, got -1.5; fix it'],
    ['NaN', rule, { problem: 'is wrong', got: NaN, fix: 'fix it' }, false, 'ESM990: BatchSize is wrong, got NaN; fix it'],
    ['a boolean', rule, { problem: 'is wrong', got: false, fix: 'fix it' }, false, 'ESM990: BatchSize is wrong, got false; fix it'],
    ['null', rule, { problem: 'is wrong', got: null, fix: 'fix it' }, false, 'ESM990: BatchSize is wrong, got null; fix it'],
    ['a string with quotes', rule, { problem: 'is wrong', got: 'a "b"', fix: 'fix it' }, false, 'ESM990: BatchSize is wrong, got "a \\"b\\""; fix it'],
    ['a list', rule, { problem: 'is wrong', got: ['a', 1], fix: 'fix it' }, false, 'ESM990: BatchSize is wrong, got ["a",1]; fix it'],
    ['a symbol', rule, { problem: 'is wrong', got: Symbol('s'), fix: 'fix it' }, false, 'ESM990: BatchSize is wrong, got Symbol(s); fix it'],
  ])('%s', (_name, r, finding, labels, expected) => {
    expect(formatMessage(r, finding, labels ? PROPS : L1)).toBe(expected);
  });

  test('a list or object longer than 200 characters is cut to 197 and "..."', () => {
    const message = formatMessage(rule, { problem: 'is wrong', got: ['x'.repeat(300)], fix: 'fix it' }, L1);
    expect(message).toBe(`ESM990: BatchSize is wrong, got ["${'x'.repeat(195)}...; fix it`);
  });

  test('a list of exactly 200 characters is shown whole', () => {
    const got = ['x'.repeat(196)];
    expect(JSON.stringify(got)).toHaveLength(200);
    expect(formatMessage(rule, { problem: 'is wrong', got, fix: 'fix it' }, L1)).toBe(`ESM990: BatchSize is wrong, got ${JSON.stringify(got)}; fix it`);
  });

  test('a string is shown whole, however long (names, ARNs and statements to grant stay readable)', () => {
    const got = 'y'.repeat(300);
    expect(formatMessage(rule, { problem: 'is wrong', got, fix: 'fix it' }, L1)).toBe(`ESM990: BatchSize is wrong, got "${got}"; fix it`);
  });
});

describe('evaluate: rule groups', () => {
  const error: Rule = { ...probe('ESM971', ALL_KINDS, FOUND), severity: RuleSeverity.ERROR };
  const warning = probe('ESM972', ALL_KINDS, FOUND);
  const operations: Rule = { ...probe('ESM973', ALL_KINDS, FOUND), group: RuleGroup.OPERATIONS };
  const rules = [error, warning, operations];

  test('a rule\'s group is its own, or AWS_REJECTS for an error and NOT_VERIFIED for a warning', () => {
    expect(rules.map(groupOf)).toEqual([RuleGroup.AWS_REJECTS, RuleGroup.NOT_VERIFIED, RuleGroup.OPERATIONS]);
  });

  test.each<[RuleGroup[] | undefined, string[]]>([
    [undefined, ['ESM971', 'ESM972', 'ESM973']],
    [[], []],
    [[RuleGroup.AWS_REJECTS], ['ESM971']],
    [[RuleGroup.NOT_VERIFIED, RuleGroup.OPERATIONS], ['ESM972', 'ESM973']],
    [[RuleGroup.OPERATIONS], ['ESM973']],
  ])('groups %j run %j', (groups, expected) => {
    expect(evaluate(rules, { properties: {}, nowSeconds: NOW }, { ...L1, groups }).map((v) => v.rule.id)).toEqual(expected);
  });

  test('ESM000 (a rule of a chosen group threw) is reported whatever the groups, though it is a warning', () => {
    const throwing: Rule = { ...error, check: () => { throw new Error('bug'); } };
    const violations = evaluate([throwing], { properties: {}, nowSeconds: NOW }, { ...L1, groups: [RuleGroup.AWS_REJECTS] });
    expect(violations.map((v) => [v.rule.id, v.rule.severity])).toEqual([['ESM000', RuleSeverity.WARNING]]);
  });

  test('the table\'s operations rules are ESM804 and ESM805; every error is AWS_REJECTS', () => {
    expect(RULES.filter((rule) => groupOf(rule) === RuleGroup.OPERATIONS).map((rule) => rule.id)).toEqual(['ESM804', 'ESM805']);
    expect(RULES.filter((rule) => rule.severity === RuleSeverity.ERROR && groupOf(rule) !== RuleGroup.AWS_REJECTS)).toEqual([]);
  });

  test('each violation carries the property it is about', () => {
    const found = evaluate([{ ...warning, check: () => [FOUND, { ...FOUND, path: 'FilterCriteria.Filters[1].Pattern' }] }], { properties: {}, nowSeconds: NOW }, L1);
    expect(found.map((v) => v.path)).toEqual(['BatchSize', 'FilterCriteria.Filters[1].Pattern']);
  });
});

describe('a rule that throws', () => {
  const throwing: Rule = { ...probe('ESM995', ALL_KINDS, undefined), property: 'StartingPositionTimestamp', check: () => { throw new TypeError('x is undefined'); } };

  test('is reported as ESM000 naming the rule, and the rules after it still run', () => {
    const after = probe('ESM996', ALL_KINDS, FOUND);
    const violations = evaluate([throwing, after], { properties: {}, nowSeconds: NOW }, PROPS);
    expect(violations.map((v) => [v.rule.id, v.rule.severity, v.message])).toEqual([
      ['ESM000', RuleSeverity.WARNING, 'ESM000: startingPositionTimestamp (StartingPositionTimestamp) could not be checked by ESM995, which threw TypeError: x is undefined, got "(not judged)"; check StartingPositionTimestamp by hand against ESM995 (Probe.) and report this bug; acknowledge ESM000 to silence it'],
      ['ESM996', RuleSeverity.WARNING, 'ESM996: batchSize (BatchSize) is wrong, got 1; fix it'],
    ]);
  });

  test('a thrown value that is not an Error is shown as text', () => {
    const [violation] = evaluate([{ ...throwing, check: () => { throw 'boom'; } }], { properties: {}, nowSeconds: NOW }, L1);
    expect(violation.message).toBe('ESM000: StartingPositionTimestamp could not be checked by ESM995, which threw boom, got "(not judged)"; check StartingPositionTimestamp by hand against ESM995 (Probe.) and report this bug; acknowledge ESM000 to silence it');
  });
});
