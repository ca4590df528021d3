import { CfnResource, IAspect, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { acknowledgeRule, checkAtSynth, synthesizedProperties } from './mapping-checks';
import { isIntrinsic, partialString, UNKNOWN } from './template-values';
import { kindOfArn } from '../rules/arns';
import { StreamSourceKind } from '../sources/stream-source-kind';

const MAPPING_TYPE = 'AWS::Lambda::EventSourceMapping';

/** The stream kind an `Fn::GetAtt` or `Ref` returns, by resource type and attribute. */
const KIND_BY_REFERENCE: Record<string, StreamSourceKind> = {
  'AWS::Kinesis::Stream.Arn': StreamSourceKind.KINESIS_STREAM,
  'AWS::Kinesis::StreamConsumer.ConsumerARN': StreamSourceKind.KINESIS_CONSUMER,
  'AWS::Kinesis::StreamConsumer.Ref': StreamSourceKind.KINESIS_CONSUMER,
  'AWS::DynamoDB::Table.StreamArn': StreamSourceKind.DYNAMODB_STREAM,
  'AWS::DynamoDB::GlobalTable.StreamArn': StreamSourceKind.DYNAMODB_STREAM,
};

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

  public visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node) || node.cfnResourceType !== MAPPING_TYPE) {
      return;
    }
    checkAtSynth(node, node, () => {
      const kind = sourceKind(node);
      return kind ? { kind } : undefined;
    }, false);
  }
}

/** The kind of stream a mapping reads, from its EventSourceArn: a literal ARN, or a reference to a stream resource. */
function sourceKind(mapping: CfnResource): StreamSourceKind | undefined {
  const arn = synthesizedProperties(mapping).EventSourceArn;
  const text = partialString(arn);
  if (text !== undefined && text !== UNKNOWN) {
    return kindOfArn(text.text);
  }
  if (!isIntrinsic(arn)) {
    return undefined;
  }
  const [fn, args] = Object.entries(arn)[0];
  const [logicalId, attribute] = fn === 'Fn::GetAtt' && Array.isArray(args) ? args : fn === 'Ref' ? [args, 'Ref'] : [];
  const type = typeof logicalId === 'string' ? resourceTypes(Stack.of(mapping)).get(logicalId) : undefined;
  return type ? KIND_BY_REFERENCE[`${type}.${attribute}`] : undefined;
}

/** Logical ID to resource type for a stack, computed once per stack at synth. */
const TYPES = new WeakMap<Stack, Map<string, string>>();

function resourceTypes(stack: Stack): Map<string, string> {
  let types = TYPES.get(stack);
  if (!types) {
    types = new Map();
    for (const child of stack.node.findAll()) {
      if (CfnResource.isCfnResource(child) && Stack.of(child) === stack) {
        types.set(stack.resolve(child.logicalId), child.cfnResourceType);
      }
    }
    TYPES.set(stack, types);
  }
  return types;
}
