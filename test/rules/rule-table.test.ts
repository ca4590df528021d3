import * as batchingCases from './cases/batching';
import * as eventSourceArnCases from './cases/event-source-arn';
import * as failureDestinationCases from './cases/failure-destination';
import * as filterCases from './cases/filters';
import * as functionNameCases from './cases/function-name';
import * as metricsAndTagsCases from './cases/metrics-and-tags';
import * as operationsCases from './cases/operations';
import * as permissionsCases from './cases/permissions';
import * as propertyTypeCases from './cases/property-types';
import * as startingPositionCases from './cases/starting-position';
import { D, factsFor, GET_ATT, K, KC, Kind, labelsFor, MessageCase, NOW, REF, RuleCase, ruleIds, UNKNOWN_KIND } from './support';
import { ALL_KINDS, RECORDED, Rule, RULES, RuleSeverity } from '../../lib/rules';
import * as batching from '../../lib/rules/batching';
import * as errorHandling from '../../lib/rules/error-handling';
import * as eventSourceArn from '../../lib/rules/event-source-arn';
import * as failureDestination from '../../lib/rules/failure-destination';
import * as filters from '../../lib/rules/filters';
import * as functionName from '../../lib/rules/function-name';
import * as metricsAndTags from '../../lib/rules/metrics-and-tags';
import * as permissions from '../../lib/rules/permissions';
import * as propertyTypes from '../../lib/rules/property-types';
import * as startingPosition from '../../lib/rules/starting-position';
import { NON_STREAM_PROPERTIES, STREAM_PROPERTIES } from '../../lib/template/properties';
import { evaluate } from '../../lib/validation/engine';

/** Each rule module of lib/rules: one group of properties. */
const GROUPS: Array<[string, Record<string, unknown>]> = [
  ['property-types', propertyTypes],
  ['starting-position', startingPosition],
  ['batching', batching],
  ['error-handling', errorHandling],
  ['event-source-arn', eventSourceArn],
  ['function-name', functionName],
  ['failure-destination', failureDestination],
  ['filters', filters],
  ['metrics-and-tags', metricsAndTags],
  ['permissions', permissions],
];

const CASE_MODULES = [
  propertyTypeCases, startingPositionCases, batchingCases, eventSourceArnCases, functionNameCases,
  failureDestinationCases, filterCases, metricsAndTagsCases, operationsCases, permissionsCases,
];
const ALL_CASES: RuleCase[] = CASE_MODULES.flatMap((m) => m.CASES);
const ALL_MESSAGES: MessageCase[] = CASE_MODULES.flatMap((m) => Object.values(m).filter(Array.isArray).flat()
  .filter((c): c is MessageCase => (c as MessageCase).messages !== undefined));

const exportedRules = (module: Record<string, unknown>): Rule[] => Object.values(module)
  .filter((value): value is Rule => typeof value === 'object' && value !== null && typeof (value as Rule).check === 'function');

describe('the rule table', () => {
  test.each(RULES.map((rule) => [rule.id, rule] as const))('%s has an ID, severity, kinds, property, summary and https sources', (_id, rule) => {
    expect(rule.id).toMatch(/^ESM\d{3}$/);
    expect(Object.values(RuleSeverity)).toContain(rule.severity);
    expect(rule.appliesTo.length).toBeGreaterThan(0);
    expect(rule.appliesTo.every((kind) => ALL_KINDS.includes(kind))).toBe(true);
    expect(new Set(rule.appliesTo).size).toBe(rule.appliesTo.length);
    expect(rule.property).not.toBe('');
    expect(rule.summary).toMatch(/^\S.{9,}\.$/s);
    const sources = rule.source.split(' ; ');
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      // AWS's documentation, or AWS's error messages as recorded in public repositories on GitHub.
      expect(source).toMatch(/^https:\/\/([a-z0-9.-]+\.(amazon|aws)\.com|github\.com)\/\S+$/);
    }
  });

  test('the rules AWS-recorded errors confirm cite them', () => {
    const sourcesOf = (id: string) => RULES.find((rule) => rule.id === id)!.source.split(' ; ');
    for (const id of ['ESM101', 'ESM102', 'ESM103', 'ESM204']) {
      expect(sourcesOf(id)).toContain(RECORDED.lambdaApiErrors);
    }
    expect(sourcesOf('ESM204')).toContain(RECORDED.recordAgeError);
  });

  test('IDs are unique', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  test('rules are listed in ID order', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(ids).toEqual([...ids].sort());
  });

  test.each(GROUPS)('every rule exported by %s is in RULES', (_name, module) => {
    const rules = exportedRules(module);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(RULES).toContain(rule);
    }
  });

  test('the timestamp rules live together, as do the filter rules', () => {
    const idsOf = (module: Record<string, unknown>) => exportedRules(module).map((rule) => rule.id).sort();
    expect(RULES.filter((rule) => rule.property === 'StartingPositionTimestamp').map((rule) => rule.id).filter((id) => !idsOf(startingPosition).includes(id))).toEqual([]);
    expect(RULES.filter((rule) => rule.property.startsWith('FilterCriteria')).map((rule) => rule.id).filter((id) => !idsOf(filters).includes(id))).toEqual([]);
  });

  test('RULES holds exactly the rules the groups export', () => {
    const exported = GROUPS.flatMap(([, module]) => exportedRules(module));
    expect(new Set(exported)).toEqual(new Set(RULES));
  });

  test('a rule finds nothing on a mapping that sets none of its whenSet properties (so the engine may skip it)', () => {
    // Every row of the tables, with the rule's whenSet properties taken out: the rule must stay quiet.
    const skippable = RULES.filter((rule) => rule.whenSet);
    const loud: string[] = [];
    for (const c of [...ALL_CASES, ...ALL_MESSAGES]) {
      const facts = factsFor(c);
      for (const rule of skippable) {
        const properties = Object.fromEntries(Object.entries(facts.properties).filter(([name]) => !rule.whenSet!.includes(name)));
        const found = rule.check({ ...facts, properties });
        if (found !== undefined && (!Array.isArray(found) || found.length > 0)) {
          loud.push(`${rule.id} on "${c.name}"`);
        }
      }
    }
    expect(loud).toEqual([]);
    expect(skippable.length).toBeGreaterThan(30);
  });

  test('the rules that run on every mapping: types, prop problems, required properties, ESM408 (a fact from other mappings), ESM804, the permission rules (facts of the grants)', () => {
    // Rules without whenSet report an absence or read facts other than the properties; a change here is deliberate.
    expect(RULES.filter((rule) => !rule.whenSet).map((rule) => rule.id))
      .toEqual(['ESM001', 'ESM003', 'ESM004', 'ESM005', 'ESM101', 'ESM301', 'ESM401', 'ESM408', 'ESM804', 'ESM901', 'ESM902', 'ESM903', 'ESM904', 'ESM905']);
  });

  test('the engine reports the same with and without whenSet, for every row of the tables', () => {
    const everyRule = RULES.map((rule) => ({ ...rule, whenSet: undefined }));
    for (const c of [...ALL_CASES, ...ALL_MESSAGES]) {
      const facts = factsFor(c);
      expect({ row: c.name, messages: evaluate(RULES, facts, labelsFor(true)).map((v) => v.message) })
        .toEqual({ row: c.name, messages: evaluate(everyRule, facts, labelsFor(true)).map((v) => v.message) });
    }
  });

  test('ESM002 names every non-stream property and ESM001 every stream property type', () => {
    expect(propertyTypes.ESM002.property).toBe(NON_STREAM_PROPERTIES.join(', '));
    expect(Object.keys(STREAM_PROPERTIES)).toHaveLength(18);
  });
});

describe('the boundary tables', () => {
  const IDS = RULES.map((rule) => rule.id);
  const named = (c: RuleCase) => c.name.match(/ESM\d{3}/g) ?? [];

  test.each(IDS)('%s is broken by a row that expects it, and the row reports it', (id) => {
    const breaking = ALL_CASES.filter((c) => c.expected.includes(id));
    expect(breaking.length).toBeGreaterThan(0);
    for (const c of breaking) {
      expect(ruleIds(c)).toContain(id);
    }
  });

  test.each(IDS)('%s is passed by a row named "... passes %s", and the row does not report it', (id) => {
    // A passing row sits next to the boundary: a value the rule must let through.
    const passing = ALL_CASES.filter((c) => / passes/.test(c.name) && named(c).includes(id));
    expect(passing.map((c) => c.name)).not.toEqual([]);
    for (const c of passing) {
      expect(ruleIds(c)).not.toContain(id);
    }
  });

  test('every rule of RULES has an exact message in the message tables', () => {
    const covered = new Set(ALL_MESSAGES.flatMap((c) => c.messages.map((m) => m.slice(0, 6))));
    expect(RULES.map((rule) => rule.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  test('row names are unique', () => {
    const names = ALL_CASES.map((c) => `${c.name}`);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  test('the valid starting mapping breaks no rule, for every kind', () => {
    for (const kind of [K, KC, D, UNKNOWN_KIND] as Kind[]) {
      expect(ruleIds({ kind })).toEqual([]);
    }
  });
});

describe('unresolved values', () => {
  // Every stream property unresolved at once: no rule may report anything (required properties count as set).
  test.each([
    ['Ref', REF],
    ['Fn::GetAtt', GET_ATT],
    ['Fn::ImportValue', { 'Fn::ImportValue': 'exported' }],
  ])('every stream property given as %s produces no finding, for every kind', (_name, value) => {
    for (const kind of [K, KC, D, UNKNOWN_KIND] as Kind[]) {
      const set = Object.fromEntries(Object.keys(STREAM_PROPERTIES).map((name) => [name, value]));
      expect(ruleIds({ kind, set })).toEqual([]);
    }
  });

  test('every nested stream value unresolved produces no finding', () => {
    const set = {
      StartingPosition: 'AT_TIMESTAMP',
      StartingPositionTimestamp: REF,
      DestinationConfig: { OnFailure: { Destination: GET_ATT } },
      FilterCriteria: { Filters: [{ Pattern: REF }, REF] },
      KmsKeyArn: GET_ATT,
      MetricsConfig: { Metrics: [REF] },
      Tags: [{ Key: REF, Value: GET_ATT }],
      FunctionResponseTypes: [REF],
    };
    expect(ruleIds({ kind: K, set })).toEqual([]);
  });

  test('nowSeconds is what ESM802 compares with', () => {
    const facts = factsFor({ set: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: NOW + 10 } });
    expect(evaluate(RULES, facts, labelsFor(false)).map((v) => v.rule.id)).toEqual(['ESM802']);
    expect(evaluate(RULES, { ...facts, nowSeconds: NOW + 10 }, labelsFor(false))).toEqual([]);
  });
});
