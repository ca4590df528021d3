import { CfnResource, IAspect } from 'aws-cdk-lib/core';
import { IConstruct } from 'constructs';
import { stackSource } from './stack-source';
import { DEFAULT_GROUPS } from '../rules/rule';
import { RuleGroup } from '../rules/rule-group';
import { acknowledgeRule } from '../validation/acknowledgements';
import { MessageLabels } from '../validation/engine';
import { checkAtSynth } from '../validation/synth-hook';

const MAPPING_TYPE = 'AWS::Lambda::EventSourceMapping';

/** Options of the `StreamEventSourceMappingChecks` aspect. */
export interface StreamEventSourceMappingChecksProps {
  /**
   * The rule groups to report (ESM000, a rule that could not be evaluated, is always reported).
   *
   * @default - `AWS_REJECTS` and `NOT_VERIFIED`: what breaks or may break a deploy. Add `RuleGroup.OPERATIONS`
   * for the advice on risky defaults (unlimited retries without a failure destination, ESM804), which fires on
   * most existing mappings.
   */
  readonly ruleGroups?: RuleGroup[];
}

/**
 * Applies the stream mapping rules to every `AWS::Lambda::EventSourceMapping` in scope whose source is a
 * Kinesis stream, Kinesis consumer or DynamoDB stream, however it was defined (aws-cdk-lib's event sources,
 * `EventSourceMapping`, `CfnEventSourceMapping`, other libraries), judging the properties as they will be
 * synthesized, overrides included. Errors fail synth, warnings are acknowledgeable annotations.
 *
 * Mappings of other kinds (SQS, Kafka, MQ, DocumentDB) and mappings whose source cannot be known are skipped;
 * mappings of `StreamEventSourceMapping` are checked once, by the construct.
 *
 * @example
 * declare const app: App;
 * Aspects.of(app).add(new StreamEventSourceMappingChecks());
 */
export class StreamEventSourceMappingChecks implements IAspect {
  /**
   * Turns a rule off for one construct and everything under it, with the reason for the record.
   * Warnings can also be acknowledged with `Annotations.of(scope).acknowledgeWarning(ruleId)`.
   */
  public static acknowledge(scope: IConstruct, ruleId: string, reason: string): void {
    acknowledgeRule(scope, ruleId, reason);
  }

  private readonly ruleGroups: readonly RuleGroup[];

  constructor(props: StreamEventSourceMappingChecksProps = {}) {
    this.ruleGroups = props.ruleGroups ?? DEFAULT_GROUPS;
  }

  public visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node) || node.cfnResourceType !== MAPPING_TYPE) {
      return;
    }
    checkAtSynth(node, {
      reportOn: node,
      labels: MessageLabels.CLOUDFORMATION,
      groups: this.ruleGroups,
      context: (properties) => {
        const source = stackSource(node, properties.EventSourceArn);
        return source ? { kind: source.kind, sourceProblem: source.problem } : undefined;
      },
    });
  }
}
