import { Annotations, CfnResource, Stack, Stage, Token } from 'aws-cdk-lib/core';
import { IConstruct } from 'constructs';
import { isAcknowledged } from './acknowledgements';
import { evaluate, MessageLabels } from './engine';
import { MappingFacts, RuleGroup, RuleSeverity, RULES } from '../rules';
import { synthesizedProperties } from '../template/cfn-resource';
import { mappingKey, MappingPlace } from '../template/mapping-key';
import { acknowledgedInMetadata } from '../template/metadata';

/** The L1 mappings already checked, so that the construct and the aspect never report one twice. */
const CHECKED = new WeakSet<CfnResource>();

/**
 * For each unit of synthesis (a Stage, usually the App), the path of the first mapping of each key (`mappingKey`)
 * in this synth. CDK validates a Stage's constructs in construct-tree order, the Stage itself first: a validation
 * on the Stage empties the map, so every synth (tests synthesize an app more than once) starts afresh and the
 * second mapping of a pair is the one reported, whichever entry point (construct or aspect) checks each.
 */
const FIRST_OF_KEY = new WeakMap<IConstruct, Map<string, string>>();

/** What a caller knows of a mapping beyond its properties. */
export type MappingContext = Omit<MappingFacts, 'properties' | 'nowSeconds' | 'rejectedByCdk' | 'duplicateOf'>;

/** One of the mappings a resource defines, where it defines several (the Kinesis and DynamoDB events of a SAM function). */
export interface ResourceMapping {
  readonly properties: Record<string, unknown>;
  readonly context: MappingContext;
  /** The SAM event, so that messages name its properties. */
  readonly samEvent?: string;
}

/** How one mapping is checked at synth. */
export interface SynthCheck {
  /** Where errors are reported (CDK prefixes their path) and acknowledgements are looked up. */
  readonly reportOn: IConstruct;
  /**
   * What is known of the mapping beyond its properties, read at synth time (after every mutation of the app);
   * undefined skips the mapping (not a stream mapping, or a source that cannot be known).
   */
  readonly context: (properties: Record<string, unknown>) => MappingContext | undefined;
  /** Instead of `context`, for a resource that defines several mappings: each one, read at synth time. */
  readonly mappings?: (properties: Record<string, unknown>) => ResourceMapping[];
  /** How messages name properties. */
  readonly labels: MessageLabels;
  /** The rule groups to report; every group when absent. */
  readonly groups?: readonly RuleGroup[];
}

/**
 * Checks an `AWS::Lambda::EventSourceMapping` when the app is synthesized: errors fail synth through
 * `node.addValidation` on `reportOn` (CDK adds the path and collects every error of the app), warnings become
 * acknowledgeable annotations on the L1 (under `reportOn`: aws-cdk-lib before aws/aws-cdk#38821 applies an
 * acknowledgement made during construction only to warnings added later on children, not on the construct itself).
 * A mapping already checked is left alone.
 */
export function checkAtSynth(mapping: CfnResource, check: SynthCheck): void {
  if (CHECKED.has(mapping)) {
    return;
  }
  CHECKED.add(mapping);
  const firsts = firstOfKeyIn(Stage.of(mapping) ?? mapping.node.root);
  check.reportOn.node.addValidation({
    validate: () => {
      const { properties, rejectedByCdk } = synthesizedProperties(mapping);
      const known = check.mappings ? undefined : check.context(properties);
      const mappings: ResourceMapping[] = check.mappings?.(properties) ?? (known ? [{ properties, context: known }] : []);
      // Acknowledgements written in the template (a CfnInclude'd one) count as the command counts them.
      const inTemplate = mappings.length > 0 ? acknowledgedInMetadata(mapping.cfnOptions.metadata) : undefined;
      const errors: string[] = [...inTemplate?.problems ?? []];
      for (const one of mappings) {
        const duplicateOf = firstWithSameKey(firsts, mappingKey(one.properties, placeOf(mapping)),
          one.samEvent === undefined ? check.reportOn.node.path : `${check.reportOn.node.path} Events.${one.samEvent}`);
        const facts: MappingFacts = { ...one.context, properties: one.properties, rejectedByCdk, duplicateOf, nowSeconds: Date.now() / 1000 };
        for (const { rule, message } of evaluate(RULES, facts, { labels: check.labels, groups: check.groups, samEvent: one.samEvent })) {
          if (isAcknowledged(check.reportOn, rule.id) || inTemplate?.rules.has(rule.id)) {
            continue;
          }
          if (rule.severity === RuleSeverity.ERROR) {
            errors.push(message);
          } else {
            addWarning(mapping, rule.id, message);
          }
        }
      }
      return errors;
    },
  });
}

/** The map of first mappings of a unit of synthesis, emptied when CDK starts validating the unit. */
function firstOfKeyIn(unit: IConstruct): Map<string, string> {
  let firsts = FIRST_OF_KEY.get(unit);
  if (!firsts) {
    const created = new Map<string, string>();
    FIRST_OF_KEY.set(unit, created);
    unit.node.addValidation({ validate: () => { created.clear(); return []; } });
    firsts = created;
  }
  return firsts;
}

/** The path of the first mapping with this key, when it is another mapping's; records this one as first otherwise. */
function firstWithSameKey(firsts: Map<string, string>, key: string | undefined, path: string): string | undefined {
  if (key === undefined) {
    return undefined;
  }
  const first = firsts.get(key);
  if (first === undefined) {
    firsts.set(key, path);
    return undefined;
  }
  return first === path ? undefined : first;
}

/** The stack's account and region where they are literals, and the stack's path as the template. */
function placeOf(mapping: CfnResource): MappingPlace {
  const stack = Stack.of(mapping);
  const literal = (value: string) => (Token.isUnresolved(value) ? undefined : value);
  return { account: literal(stack.account), region: literal(stack.region), template: stack.node.path };
}

/** The private flag of `Annotations` that records a stack trace with each message (stable across aws-cdk-lib 2). */
interface AnnotationsInternals {
  stackTraces?: boolean;
}

/**
 * `addWarningV2` (acknowledgeable, shown once), without the stack trace: at synth it would show aws-cdk-lib's
 * synthesis, not where the mapping was defined, and capturing it costs more than judging the mapping. Should the
 * flag ever be renamed, the warning still comes, with a trace.
 */
function addWarning(mapping: CfnResource, ruleId: string, message: string): void {
  const annotations = Annotations.of(mapping);
  (annotations as unknown as AnnotationsInternals).stackTraces = false;
  annotations.addWarningV2(ruleId, message);
}
