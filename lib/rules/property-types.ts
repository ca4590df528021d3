import { jsonType, NON_STREAM_PROPERTIES, STREAM_PROPERTIES } from './properties';
import { ALL_KINDS, DOCS, Finding, Rule, RuleSeverity } from './rule';
import { UNKNOWN, valueAt } from '../checks/template-values';

/** ESM001: every stream property has its CloudFormation JSON type (catches wrong types passed from JavaScript). */
export const ESM001: Rule = {
  id: 'ESM001',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: '*',
  summary: 'Each property has the JSON type CloudFormation defines for it (number, string, boolean, list or object).',
  source: DOCS.cfn,
  check: (facts) => {
    const found: Finding[] = [];
    for (const [name, { type }] of Object.entries(STREAM_PROPERTIES)) {
      const value = valueAt(facts.properties, name);
      if (value === undefined || value === UNKNOWN || jsonType(value) === type) {
        continue;
      }
      found.push({ path: name, problem: `must be a ${type === 'array' ? 'list' : type}, not ${jsonType(value) === 'array' ? 'a list' : `a ${jsonType(value)}`}`, got: value, fix: `give a ${type === 'array' ? 'list' : type}` });
    }
    return found;
  },
};

/** ESM002: properties of other event source types on a stream mapping. */
export const ESM002: Rule = {
  id: 'ESM002',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: NON_STREAM_PROPERTIES.join(', '),
  summary: 'Properties of SQS, Kafka, MQ and DocumentDB mappings (ScalingConfig, Topics, ProvisionedPollerConfig, ...) are not set on a stream mapping (rejection not verified).',
  source: DOCS.api,
  check: (facts) => NON_STREAM_PROPERTIES.filter((name) => valueAt(facts.properties, name) !== undefined).map((name) => ({
    path: name,
    problem: 'applies only to other event source types (SQS, Kafka, MQ, DocumentDB)',
    got: valueAt(facts.properties, name) === UNKNOWN ? '(unresolved)' : valueAt(facts.properties, name),
    fix: `remove ${name} from this stream mapping`,
  })),
};
