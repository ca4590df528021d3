import { Annotations, CfnResource } from 'aws-cdk-lib/core';
import { IConstruct } from 'constructs';
import { isAcknowledged } from './acknowledgements';
import { evaluate, MessageLabels } from './engine';
import { MappingFacts, RuleGroup, RuleSeverity, RULES } from '../rules';
import { synthesizedProperties } from '../template/cfn-resource';

/** The L1 mappings already checked, so that the construct and the aspect never report one twice. */
const CHECKED = new WeakSet<CfnResource>();

/** What a caller knows of a mapping beyond its properties. */
export type MappingContext = Omit<MappingFacts, 'properties' | 'nowSeconds' | 'rejectedByCdk'>;

/** How one mapping is checked at synth. */
export interface SynthCheck {
  /** Where errors are reported (CDK prefixes their path) and acknowledgements are looked up. */
  readonly reportOn: IConstruct;
  /**
   * What is known of the mapping beyond its properties, read at synth time (after every mutation of the app);
   * undefined skips the mapping (not a stream mapping, or a source that cannot be known).
   */
  readonly context: (properties: Record<string, unknown>) => MappingContext | undefined;
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
      const known = check.context(properties);
      if (!known) {
        return [];
      }
      const facts: MappingFacts = { ...known, properties, rejectedByCdk, nowSeconds: Date.now() / 1000 };
      const errors: string[] = [];
      for (const { rule, message } of evaluate(RULES, facts, { labels: check.labels, groups: check.groups })) {
        if (isAcknowledged(check.reportOn, rule.id)) {
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
}
