import { Annotations, CfnResource, Stack } from 'aws-cdk-lib/core';
import { IConstruct } from 'constructs';
import { evaluate } from './evaluate';
import { MappingFacts, RuleSeverity, RULES } from '../rules';

/** The L1 mappings already checked, so that the construct and the aspect never report one twice. */
const CHECKED = new WeakSet<CfnResource>();

/** Rules acknowledged on a construct and everything below it, with the reason given. */
const ACKNOWLEDGED = new WeakMap<IConstruct, Map<string, string>>();

export function acknowledgeRule(scope: IConstruct, ruleId: string, reason: string): void {
  const rules = ACKNOWLEDGED.get(scope) ?? new Map<string, string>();
  rules.set(ruleId, reason);
  ACKNOWLEDGED.set(scope, rules);
}

function isAcknowledged(node: IConstruct, ruleId: string): boolean {
  return node.node.scopes.some((scope) => ACKNOWLEDGED.get(scope)?.has(ruleId));
}

/** What a caller knows of a mapping beyond its properties. */
export type MappingContext = Omit<MappingFacts, 'properties' | 'nowSeconds' | 'rejectedByCdk'>;

/**
 * Checks an `AWS::Lambda::EventSourceMapping` when the app is synthesized: errors fail synth through
 * `node.addValidation` on `reportOn` (CDK adds the path and collects every error of the app), warnings become
 * acknowledgeable annotations on the L1 (under `reportOn`: aws-cdk-lib before aws/aws-cdk#38821 applies an
 * acknowledgement made during construction only to warnings added later on children, not on the construct itself).
 *
 * @param context read at synth time, after every mutation of the app, from the mapping's properties
 * @returns false where the mapping was already checked
 */
export function checkAtSynth(mapping: CfnResource, reportOn: IConstruct,
  context: (properties: Record<string, unknown>) => MappingContext | undefined, constructLabels: boolean): boolean {
  if (CHECKED.has(mapping)) {
    return false;
  }
  CHECKED.add(mapping);
  reportOn.node.addValidation({
    validate: () => {
      const { properties, rejectedByCdk } = synthesizedProperties(mapping);
      const known = context(properties);
      if (!known) {
        return [];
      }
      const facts: MappingFacts = { ...known, properties, rejectedByCdk, nowSeconds: Date.now() / 1000 };
      const errors: string[] = [];
      for (const { rule, message } of evaluate(RULES, facts, constructLabels)) {
        if (isAcknowledged(reportOn, rule.id)) {
          continue;
        }
        if (rule.severity === RuleSeverity.ERROR) {
          errors.push(message);
        } else {
          Annotations.of(mapping).addWarningV2(rule.id, message);
        }
      }
      return errors;
    },
  });
  return true;
}

/** The parts of `CfnResource` the fast read uses: protected or private there, stable across aws-cdk-lib 2. */
interface CfnInternals {
  readonly cfnProperties: Record<string, unknown>;
  readonly rawOverrides?: Record<string, unknown>;
  renderProperties(props: Record<string, unknown>): Record<string, unknown>;
}

/**
 * The mapping's `Properties` as they will appear in the template: props, property overrides and tags,
 * resolved, with intrinsics left as objects. Where aws-cdk-lib's own renderer rejects values of the wrong
 * JavaScript type (it would fail synth with its own error), the props as given, so that ESM001 names them.
 *
 * Without overrides, the props are rendered and resolved alone, not as the whole resource entry synth builds
 * (type, metadata, dependencies): the same properties for a third of the cost. With overrides, the entry.
 */
export function synthesizedProperties(mapping: CfnResource): { properties: Record<string, unknown>; rejectedByCdk?: string } {
  const stack = Stack.of(mapping);
  const internals = mapping as unknown as CfnInternals;
  let rendered: Record<string, unknown>;
  try {
    rendered = internals.renderProperties(internals.cfnProperties);
  } catch (e) {
    return { properties: pascalCaseKeys(stack.resolve(internals.cfnProperties)) as Record<string, unknown>, rejectedByCdk: (e as Error).message };
  }
  if (internals.rawOverrides && Object.keys(internals.rawOverrides).length > 0) {
    const entry = Object.values((mapping._toCloudFormation() as { Resources: Record<string, unknown> }).Resources)[0];
    return { properties: (stack.resolve(entry) as { Properties?: Record<string, unknown> }).Properties ?? {} };
  }
  return { properties: (stack.resolve(rendered) as Record<string, unknown> | undefined) ?? {} };
}

function pascalCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(pascalCaseKeys);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), pascalCaseKeys(v)]));
}
