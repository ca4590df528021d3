import { isPresent, isSet, knownText } from './helpers';
import { ALL_KINDS, DOCS, Finding, Rule, RuleSeverity } from './rule';
import { parseArn } from '../template/arns';
import { canonicalJson, containsUnknown, isIntrinsic, isObject, UNKNOWN, valueAt } from '../template/values';

/** The filters as given, or undefined when absent or unknown. */
function filtersOf(properties: Record<string, unknown>): unknown[] | undefined {
  const filters = valueAt(properties, 'FilterCriteria.Filters');
  return Array.isArray(filters) ? filters : undefined;
}

/** Each filter's pattern text (undefined where unknown or not a string), with its index. */
function patterns(properties: Record<string, unknown>): Array<{ index: number; pattern: string }> {
  return (filtersOf(properties) ?? []).flatMap((filter, index) => {
    const pattern = valueAt(filter, 'Pattern');
    return typeof pattern === 'string' ? [{ index, pattern }] : [];
  });
}

/** Lambda's default filter quota per mapping. */
const DEFAULT_FILTER_QUOTA = 5;
/** The highest quota Lambda grants; more filters are rejected under every quota (CloudFormation alone allows 20). */
const MAX_FILTER_QUOTA = 10;

const path = (index: number) => `FilterCriteria.Filters[${index}].Pattern`;

/** ESM601: 1 to 10 filters (CloudFormation takes 20, but Lambda rejects more than 10 under every quota). */
export const ESM601: Rule = {
  id: 'ESM601',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'FilterCriteria.Filters',
  whenSet: ['FilterCriteria'],
  summary: 'FilterCriteria.Filters holds 1 to 10 filters (the highest quota Lambda grants), each an object with only a Pattern, none repeated.',
  source: `${DOCS.cfn} ; ${DOCS.filtering}`,
  check: (facts) => {
    const given = valueAt(facts.properties, 'FilterCriteria.Filters');
    if (given !== undefined && given !== UNKNOWN && !Array.isArray(given)) {
      return { problem: 'must be a list of filters', got: given, fix: 'give filters as a list of lambda.FilterCriteria.filter({...})' };
    }
    const filters = filtersOf(facts.properties);
    if (!filters) {
      return undefined;
    }
    if (filters.length === 0 || filters.length > MAX_FILTER_QUOTA) {
      return {
        problem: `has ${filters.length} filters`,
        got: filters.length,
        fix: `give 1 to ${MAX_FILTER_QUOTA} filters (Lambda's default quota is ${DEFAULT_FILTER_QUOTA}, raisable to ${MAX_FILTER_QUOTA}), or leave filters unset`,
      };
    }
    const found: Finding[] = [];
    filters.forEach((filter, index) => {
      if (isIntrinsic(filter)) {
        return;
      }
      if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) {
        found.push({ path: `FilterCriteria.Filters[${index}]`, problem: 'is not a filter object', got: filter, fix: 'build each filter with lambda.FilterCriteria.filter({...})' });
        return;
      }
      // A filter without Pattern passes the schema (ESM604 warns); other keys do not (additionalProperties: false).
      const extra = Object.keys(filter).filter((key) => key !== 'Pattern');
      if (extra.length > 0) {
        found.push({ path: `FilterCriteria.Filters[${index}]`, problem: `has ${extra.join(', ')}, but a filter takes only Pattern`, got: filter, fix: 'build each filter with lambda.FilterCriteria.filter({...})' });
      }
      const pattern = valueAt(filter, 'Pattern');
      if (pattern !== undefined && pattern !== UNKNOWN && typeof pattern !== 'string') {
        found.push({ path: path(index), problem: 'must be a string (the JSON of the filter rules)', got: pattern, fix: 'build each filter with lambda.FilterCriteria.filter({...})' });
      }
    });
    // CloudFormation's schema makes Filters uniqueItems: equal filter objects are rejected, with or without a Pattern.
    const seen = new Map<string, number>();
    filters.forEach((filter, index) => {
      if (!isObject(filter) || containsUnknown(filter)) {
        return;
      }
      const key = canonicalJson(filter);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, index);
        return;
      }
      const pattern = filter.Pattern;
      found.push(typeof pattern === 'string' && Object.keys(filter).length === 1
        ? { path: path(index), problem: `repeats filter ${first}`, got: excerpt(pattern), fix: 'remove the duplicate filter' }
        : { path: `FilterCriteria.Filters[${index}]`, problem: `repeats filter ${first}`, got: filter, fix: 'remove the duplicate filter' });
    });
    return found;
  },
};

/** ESM602: a filter pattern is at most 4096 characters. */
export const ESM602: Rule = {
  id: 'ESM602',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'FilterCriteria.Filters[].Pattern',
  whenSet: ['FilterCriteria'],
  summary: 'Each filter Pattern is at most 4096 characters.',
  source: `${DOCS.api} ; ${DOCS.cfn}`,
  check: (facts) => patterns(facts.properties).filter(({ pattern }) => pattern.length > 4096).map(({ index, pattern }) => ({
    path: path(index),
    problem: `is ${pattern.length} characters long`,
    got: `${pattern.slice(0, 40)}...`,
    fix: 'keep each pattern within 4096 characters, or split it into several filters',
  })),
};

/** ESM603: a filter pattern is a JSON object ("Invalid filter pattern definition" otherwise). */
export const ESM603: Rule = {
  id: 'ESM603',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'FilterCriteria.Filters[].Pattern',
  whenSet: ['FilterCriteria'],
  summary: 'Each filter Pattern is a JSON object (filter rule syntax).',
  source: DOCS.filtering,
  check: (facts) => patterns(facts.properties).flatMap(({ index, pattern }) => {
    const parsed = parseJson(pattern);
    return parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) ? [{
      path: path(index),
      problem: 'is not a JSON object',
      got: excerpt(pattern),
      fix: 'build the pattern with lambda.FilterCriteria.filter({ data: { kind: lambda.FilterRule.isEqual("order") } })',
    }] : [];
  }),
};

/** ESM604: empty patterns and bare (non-list) match values are not verified to be accepted. */
export const ESM604: Rule = {
  id: 'ESM604',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: 'FilterCriteria.Filters[].Pattern',
  whenSet: ['FilterCriteria'],
  summary: 'Each filter has a Pattern with at least one rule, and its match values are lists (missing or empty patterns and bare values are not verified).',
  source: DOCS.filtering,
  check: (facts) => [...missingPatterns(facts.properties), ...patterns(facts.properties).flatMap(({ index, pattern }) => {
    const parsed = parseJson(pattern);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return [];
    }
    const problem = Object.keys(parsed).length === 0 ? 'has no filter rule' : hasBareLeaf(parsed) ? 'has a match value that is not a list' : undefined;
    return problem ? [{ path: path(index), problem, got: excerpt(pattern), fix: 'use lambda.FilterRule helpers, which wrap each match value in a list' }] : [];
  })],
};

/** Filter objects without a Pattern (the schema allows them; what Lambda does with one is not verified). */
function missingPatterns(properties: Record<string, unknown>): Finding[] {
  return (filtersOf(properties) ?? []).flatMap((filter, index) => filter !== null && typeof filter === 'object' && !Array.isArray(filter)
    && valueAt(filter, 'Pattern') === undefined
    ? [{ path: path(index), problem: 'is missing', got: undefined, fix: 'give each filter a Pattern with at least one rule, or remove the filter' }]
    : []);
}

/** ESM605: KmsKeyArn is a key ARN, not a key ID or alias name. */
export const ESM605: Rule = {
  id: 'ESM605',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'KmsKeyArn',
  whenSet: ['KmsKeyArn'],
  summary: 'KmsKeyArn is a KMS key ARN of 12 to 2048 characters (a key ID or alias name is rejected).',
  source: `${DOCS.api} ; ${DOCS.cfn}`,
  check: (facts) => {
    const arn = knownText(facts, 'KmsKeyArn');
    if (!arn) {
      return undefined;
    }
    const parts = parseArn(arn.text);
    return !parts || parts.service !== 'kms' || arn.text.length > 2048 ? {
      problem: 'is not a KMS key ARN',
      got: arn.text,
      fix: 'pass a kms.IKey as filterEncryption (its keyArn is used)',
    } : undefined;
  },
};

/** ESM606: the key only encrypts filter criteria. */
export const ESM606: Rule = {
  id: 'ESM606',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: 'KmsKeyArn',
  whenSet: ['KmsKeyArn'],
  summary: 'KmsKeyArn (filterEncryption) is set only together with FilterCriteria; it encrypts nothing else (rejection not verified).',
  source: DOCS.filtering,
  check: (facts) => isPresent(facts, 'KmsKeyArn') && !isSet(facts, 'FilterCriteria') ? {
    problem: 'is set but there are no filters to encrypt',
    got: knownText(facts, 'KmsKeyArn')?.text ?? '(unresolved)',
    fix: 'remove filterEncryption, or add filters',
  } : undefined,
};

/** A pattern as messages show it: whole up to 200 characters, else its start. */
function excerpt(pattern: string): string {
  return pattern.length > 200 ? `${pattern.slice(0, 197)}...` : pattern;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function hasBareLeaf(node: object): boolean {
  return Object.values(node).some((child) => child !== null && typeof child === 'object' ? !Array.isArray(child) && hasBareLeaf(child) : true);
}

/** ESM803: more filters than Lambda's default quota, but within the highest one (more is ESM601's). */
export const ESM803: Rule = {
  id: 'ESM803',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: 'FilterCriteria.Filters',
  whenSet: ['FilterCriteria'],
  summary: 'At most 5 filters, Lambda\'s default quota: 6 to 10 need the account\'s quota raised, or Lambda rejects the mapping (more than 10 is ESM601).',
  source: DOCS.filtering,
  check: (facts) => {
    const filters = valueAt(facts.properties, 'FilterCriteria.Filters');
    return Array.isArray(filters) && filters.length > DEFAULT_FILTER_QUOTA && filters.length <= MAX_FILTER_QUOTA ? {
      problem: `has ${filters.length} filters, more than the default quota of ${DEFAULT_FILTER_QUOTA}`,
      got: filters.length,
      fix: `combine filters, or acknowledge this warning once the quota is raised for the account (at most ${MAX_FILTER_QUOTA})`,
    } : undefined;
  },
};
