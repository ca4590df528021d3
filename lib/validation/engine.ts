import { ALL_KINDS, DOCS, Finding, groupOf, MappingFacts, Rule, RuleGroup, RuleSeverity } from '../rules';
import { displayValue } from '../template/display';
import { STREAM_PROPERTIES } from '../template/properties';

/** One broken rule on one mapping, ready to print. */
export interface Violation {
  readonly rule: Rule;
  /** The CloudFormation property the finding is about (`FilterCriteria.Filters[2].Pattern`). */
  readonly path: string;
  /** `RULE-ID: <property> <what is wrong>, got <value>; <what is allowed / how to fix>` (the path is added by CDK or the annotation). */
  readonly message: string;
}

/** How a message names a property. */
export enum MessageLabels {
  /** `BatchSize`: for mappings written as CloudFormation (the aspect, templates). */
  CLOUDFORMATION = 'cloudformation',
  /** `batchSize (BatchSize)`: for `StreamEventSourceMapping`, whose users wrote the prop. */
  CONSTRUCT_PROPS = 'construct-props',
}

export interface EvaluateOptions {
  readonly labels: MessageLabels;
  /** The rule groups to run; every group when absent. ESM000 (a rule that threw) is always reported. */
  readonly groups?: readonly RuleGroup[];
  /** For a SAM function's event: its name, so that messages name the property as written (`Events.<name>.Properties.Stream`). */
  readonly samEvent?: string;
}

/**
 * The engine's own finding: a rule that threw. It is reported instead of crashing synth (as cdk-nag reports a
 * rule that fails), as a warning, since the mapping may well be valid; acknowledging ESM000 lets synth go on quietly.
 */
export const RULE_FAILURE: Rule = {
  id: 'ESM000',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: '(any)',
  summary: 'Every rule could be evaluated; a rule that throws is reported with its ID instead of crashing synth.',
  source: DOCS.api,
  check: () => undefined,
};

/**
 * Runs the rule table over one mapping: the rules for its kind (a mapping of unknown kind is judged only by the
 * rules that hold for every kind) that can find something in the properties it sets (`Rule.whenSet`), in table order.
 */
export function evaluate(rules: readonly Rule[], facts: MappingFacts, options: EvaluateOptions): Violation[] {
  const violations: Violation[] = [];
  for (const rule of rulesFor(rules, facts)) {
    if (options.groups && !options.groups.includes(groupOf(rule))) {
      continue;
    }
    let found: Finding | Finding[] | undefined;
    try {
      found = rule.check(facts);
    } catch (e) {
      violations.push({ rule: RULE_FAILURE, path: rule.property, message: formatMessage(RULE_FAILURE, ruleFailure(rule, e), options) });
      continue;
    }
    if (found === undefined) {
      continue;
    }
    for (const finding of Array.isArray(found) ? found : [found]) {
      violations.push({ rule, path: finding.path ?? rule.property, message: formatMessage(rule, finding, options) });
    }
  }
  return violations;
}

/**
 * The rules that apply to a kind and a set of property names, worked out once per combination: the mappings of an
 * app share a few such combinations, so that judging a mapping costs only the rules that can find something in it.
 */
const PLANS = new WeakMap<readonly Rule[], Map<string, readonly Rule[]>>();
/** More distinct combinations than this (generated apps) are worked out each time instead of remembered. */
const MAX_PLANS = 1000;

function rulesFor(rules: readonly Rule[], facts: MappingFacts): readonly Rule[] {
  let plans = PLANS.get(rules);
  if (!plans) {
    plans = new Map();
    PLANS.set(rules, plans);
  }
  let key = facts.kind ?? '';
  for (const name in facts.properties) {
    if (facts.properties[name] !== undefined) {
      key += `,${name}`;
    }
  }
  let plan = plans.get(key);
  if (!plan) {
    plan = rules.filter((rule) => (facts.kind ? rule.appliesTo.includes(facts.kind) : rule.appliesTo.length === ALL_KINDS.length)
      && (!rule.whenSet || rule.whenSet.some((name) => facts.properties[name] !== undefined)));
    if (plans.size < MAX_PLANS) {
      plans.set(key, plan);
    }
  }
  return plan;
}

function ruleFailure(rule: Rule, error: unknown): Finding {
  return {
    path: rule.property,
    problem: `could not be checked by ${rule.id}, which threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    got: '(not judged)',
    fix: `check ${rule.property} by hand against ${rule.id} (${rule.summary}) and report this bug; acknowledge ESM000 to silence it`,
  };
}

export function formatMessage(rule: Rule, finding: Finding, options: EvaluateOptions): string {
  const path = finding.path ?? rule.property;
  const prop = STREAM_PROPERTIES[path.split(/[.[]/)[0]]?.prop;
  const label = options.samEvent !== undefined ? `Events.${options.samEvent}.Properties.${path.replace(/^EventSourceArn/, 'Stream')}`
    : options.labels === MessageLabels.CONSTRUCT_PROPS && prop ? `${prop} (${path})` : path;
  return `${rule.id}: ${label} ${finding.problem}, got ${displayValue(finding.got)}; ${finding.fix}`;
}
