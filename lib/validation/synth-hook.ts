import { Annotations, CfnResource } from 'aws-cdk-lib/core';
import { IConstruct } from 'constructs';
import { isAcknowledged } from './acknowledgements';
import { evaluate, MessageLabels } from './engine';
import { MappingFacts, RuleGroup, RuleSeverity, RULES } from '../rules';
import { synthesizedProperties } from '../template/cfn-resource';
import { acknowledgedInMetadata } from '../template/metadata';

/** The L1 mappings already checked, so that the construct and the aspect never report one twice. */
const CHECKED = new WeakSet<CfnResource>();

/** What a caller knows of a mapping beyond its properties. */
export type MappingContext = Omit<MappingFacts, 'properties' | 'nowSeconds' | 'rejectedByCdk'>;

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
  check.reportOn.node.addValidation({
    validate: () => {
      const { properties, rejectedByCdk } = synthesizedProperties(mapping);
      const known = check.mappings ? undefined : check.context(properties);
      const mappings: ResourceMapping[] = check.mappings?.(properties) ?? (known ? [{ properties, context: known }] : []);
      // Acknowledgements written in the template (a CfnInclude'd one) count as the command counts them.
      const inTemplate = mappings.length > 0 ? acknowledgedInMetadata(mapping.cfnOptions.metadata) : undefined;
      const errors: string[] = [...inTemplate?.problems ?? []];
      for (const one of mappings) {
        const facts: MappingFacts = { ...one.context, properties: one.properties, rejectedByCdk, nowSeconds: Date.now() / 1000 };
        for (const { rule, message } of evaluate(RULES, facts, { labels: check.labels, groups: check.groups, samEvent: one.samEvent })) {
          if (isAcknowledged(check.reportOn, rule.id) || inTemplate?.rules.has(rule.id)) {
            continue;
          }
          if (rule.severity === RuleSeverity.ERROR) {
            errors.push(message);
          } else {
            Annotations.of(mapping).addWarningV2(rule.id, message);
          }
        }
      }
      return errors;
    },
  });
}
