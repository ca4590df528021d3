import { ALL_KINDS, Finding, MappingFacts, Rule, RuleSeverity } from '../rules';
import { STREAM_PROPERTIES } from '../rules/properties';

/** One broken rule on one mapping, ready to print. */
export interface Violation {
  readonly rule: Rule;
  /** `RULE-ID: <property> <what is wrong>, got <value>; <what is allowed / how to fix>` (the path is added by CDK or the annotation). */
  readonly message: string;
}

/**
 * Runs the rule table over one mapping. A mapping of unknown kind is judged only by the rules that hold
 * for every kind.
 *
 * @param constructLabels name the `StreamEventSourceMapping` prop beside the CloudFormation property
 */
export function evaluate(rules: readonly Rule[], facts: MappingFacts, constructLabels: boolean): Violation[] {
  const violations: Violation[] = [];
  for (const rule of rules) {
    const applies = facts.kind ? rule.appliesTo.includes(facts.kind) : rule.appliesTo.length === ALL_KINDS.length;
    if (!applies) {
      continue;
    }
    const found = rule.check(facts);
    if (found === undefined) {
      continue;
    }
    for (const finding of Array.isArray(found) ? found : [found]) {
      violations.push({ rule, message: formatMessage(rule, finding, constructLabels) });
    }
  }
  return violations;
}

export function formatMessage(rule: Rule, finding: Finding, constructLabels: boolean): string {
  const path = finding.path ?? rule.property;
  const prop = STREAM_PROPERTIES[path.split(/[.[]/)[0]]?.prop;
  const label = constructLabels && prop ? `${prop} (${path})` : path;
  return `${rule.id}: ${label} ${finding.problem}, got ${formatValue(finding.got)}; ${finding.fix}`;
}

/**
 * The value for `got`: numbers as they are, everything else as JSON. Lists and objects are cut at 200 characters;
 * strings are shown whole, since a rule that reports a string (a name, an ARN, the statements to grant by hand)
 * shortens it itself where it may be long.
 */
function formatValue(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (typeof value === 'number') {
    return String(value);
  }
  const text = JSON.stringify(value) ?? String(value);
  return typeof value !== 'string' && text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

export { RuleSeverity };
