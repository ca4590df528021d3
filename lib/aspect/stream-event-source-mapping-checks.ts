import { CfnResource, IAspect, Stack } from 'aws-cdk-lib/core';
import { IConstruct } from 'constructs';
import { stackResourceTypes, stackSource } from './stack-source';
import { DEFAULT_GROUPS } from '../rules/rule';
import { RuleGroup } from '../rules/rule-group';
import { MAPPING_TYPE, SAM_FUNCTION_TYPE, samStreamEvents } from '../template/mappings';
import { acknowledgeRule } from '../validation/acknowledgements';
import { MessageLabels } from '../validation/engine';
import { checkAtSynth } from '../validation/synth-hook';


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
 * The Kinesis and DynamoDB events of an `AWS::Serverless::Function` (a SAM template included with `CfnInclude`)
 * are judged as the mappings SAM makes of them, and rules acknowledged in a resource's template `Metadata`
 * (`cdk-stream-event-source-mapping: { acknowledge: [{ id, reason }] }`) are not reported on it.
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
    if (!CfnResource.isCfnResource(node)) {
      return;
    }
    if (node.cfnResourceType === SAM_FUNCTION_TYPE) {
      this.visitSamFunction(node);
      return;
    }
    if (node.cfnResourceType !== MAPPING_TYPE) {
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

  /** A SAM function (an included SAM template): each Kinesis and DynamoDB event, as the mapping SAM makes of it. */
  private visitSamFunction(node: CfnResource): void {
    checkAtSynth(node, {
      reportOn: node,
      labels: MessageLabels.CLOUDFORMATION,
      groups: this.ruleGroups,
      context: () => undefined,
      mappings: (properties) => samStreamEvents(Stack.of(node).resolve(node.logicalId), properties, stackResourceTypes(node))
        .mappings.map(({ properties: mapping, source, samEvent }) => ({
          properties: mapping, samEvent, context: { kind: source.kind, sourceProblem: source.problem },
        })),
    });
  }
}
