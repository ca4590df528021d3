import { isBooleanString, isNumericString, isPresent } from './helpers';
import { ALL_KINDS, DOCS, Finding, Rule, RuleSeverity } from './rule';
import { jsonType, NON_STREAM_PROPERTIES, STREAM_PROPERTIES } from '../template/properties';
import { UNKNOWN, valueAt } from '../template/values';

/** Each stream property's place in STREAM_PROPERTIES, the order findings are listed in. */
const PROPERTY_ORDER = new Map(Object.keys(STREAM_PROPERTIES).map((name, i) => [name, i]));

/**
 * The findings of `judge` for each stream property the mapping sets, in STREAM_PROPERTIES order: a mapping sets
 * a few of them, so the rules walk its properties rather than the whole list.
 */
function eachStreamProperty(properties: Record<string, unknown>, judge: (name: string, type: string) => Finding | undefined): Finding[] {
  const found: Array<{ order: number; finding: Finding }> = [];
  for (const name in properties) {
    const order = PROPERTY_ORDER.get(name);
    const finding = order === undefined ? undefined : judge(name, STREAM_PROPERTIES[name].type);
    if (finding) {
      found.push({ order: order!, finding });
    }
  }
  return found.sort((a, b) => a.order - b.order).map(({ finding }) => finding);
}

/** ESM001: every stream property has its CloudFormation JSON type (catches wrong types passed from JavaScript). */
export const ESM001: Rule = {
  id: 'ESM001',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: '*',
  summary: 'Each property has the JSON type CloudFormation defines for it (number, string, boolean, list or object).',
  source: DOCS.cfn,
  check: (facts) => {
    const found = eachStreamProperty(facts.properties, (name, type) => {
      const value = valueAt(facts.properties, name);
      if (value === undefined || value === UNKNOWN || jsonType(value) === type || (looselyTyped(value, type) && !facts.rejectedByCdk)) {
        return undefined;
      }
      return { path: name, problem: `must be ${typeName(type)}, not ${typeName(jsonType(value))}`, got: value, fix: `give ${typeName(type)}` };
    });
    // A wrong type deeper inside a property (a Pattern that is not a string): aws-cdk-lib names it. Its
    // "required but missing" can only be FunctionName, which ESM401 reports.
    const cdkProblems = (facts.rejectedByCdk ?? '').split('\n').filter((line) => /should be|not a/.test(line) && !/required but missing/.test(line));
    if (found.length === 0 && cdkProblems.length > 0) {
      found.push({ path: 'Properties', problem: 'are rejected by aws-cdk-lib\'s CfnEventSourceMapping', got: cdkProblems.map((l) => l.trim()).join('; '), fix: 'give each property the type CloudFormation defines for it' });
    }
    return found;
  },
};

/** ESM005: props of `StreamEventSourceMapping` that cannot become CloudFormation values. */
export const ESM005: Rule = {
  id: 'ESM005',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: '*',
  summary: 'Each StreamEventSourceMapping prop has the type its declaration gives (a Duration, a boolean, a StreamSource, a list, ...) and converts to its CloudFormation value.',
  source: DOCS.cfn,
  check: (facts) => facts.inputProblems ? [...facts.inputProblems] : undefined,
};

/**
 * ESM003: a number or boolean written as a string (`"10"`, `"true"`) in the template, as an override can do.
 * CloudFormation generally reads such strings as their values; for this resource that is not verified.
 */
export const ESM003: Rule = {
  id: 'ESM003',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: '*',
  summary: 'Numbers and booleans are written as JSON numbers and booleans, not as strings ("10", "true"): CloudFormation\'s coercion is not verified for this resource.',
  source: DOCS.cfn,
  check: (facts) => facts.rejectedByCdk ? undefined : eachStreamProperty(facts.properties, (name, type) => {
    const value = valueAt(facts.properties, name);
    return looselyTyped(value, type) ? { path: name, problem: `is ${type === 'number' ? 'a number' : 'a boolean'} written as a string`, got: value, fix: `write ${value} without quotes` } : undefined;
  }),
};

/** ESM002: properties of other event source types on a stream mapping. */
export const ESM002: Rule = {
  id: 'ESM002',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: NON_STREAM_PROPERTIES.join(', '),
  whenSet: NON_STREAM_PROPERTIES,
  summary: 'Properties of SQS, Kafka, MQ and DocumentDB mappings (ScalingConfig, Topics, ProvisionedPollerConfig, ...) are not set on a stream mapping (rejection not verified).',
  source: DOCS.api,
  check: (facts) => NON_STREAM_PROPERTIES.filter((name) => isPresent(facts, name)).map((name) => ({
    path: name,
    problem: 'applies only to other event source types (SQS, Kafka, MQ, DocumentDB)',
    got: valueAt(facts.properties, name) === UNKNOWN ? '(unresolved)' : valueAt(facts.properties, name),
    fix: `remove ${name} from this stream mapping`,
  })),
};

/**
 * ESM004: a property name CloudFormation does not define for this resource (a typo in an override). The schema
 * rejects unknown properties; this is a warning because the list here is a copy that AWS may extend.
 */
export const ESM004: Rule = {
  id: 'ESM004',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: '*',
  summary: 'Every property name is one AWS::Lambda::EventSourceMapping defines (CloudFormation rejects unknown properties).',
  source: DOCS.cfn,
  check: (facts) => Object.keys(facts.properties)
    .filter((name) => !(name in STREAM_PROPERTIES) && !NON_STREAM_PROPERTIES.includes(name))
    .map((name) => ({ path: name, problem: 'is not a property of AWS::Lambda::EventSourceMapping', got: valueAt(facts.properties, name) === UNKNOWN ? '(unresolved)' : valueAt(facts.properties, name), fix: 'check the spelling (property names are case-sensitive)' })),
};

/** A string that stands for a value of the expected type. */
function looselyTyped(value: unknown, type: string): boolean {
  return (type === 'number' && isNumericString(value)) || (type === 'boolean' && isBooleanString(value));
}

/** A JSON type in the words messages use: `a list`, `an object`, `null`. */
function typeName(type: string): string {
  if (type === 'null') {
    return 'null';
  }
  const word = type === 'array' ? 'list' : type;
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}
