import { CfnResource, IAspect, Reference, Stack, Token, Tokenization } from 'aws-cdk-lib/core';
import { IConstruct } from 'constructs';
import { acknowledgeRule, checkAtSynth } from './mapping-checks';
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
    checkAtSynth(node, node, (properties) => {
      const kind = sourceKind(node, properties.EventSourceArn);
      return kind ? { kind } : undefined;
    }, false);
  }
}

/**
 * The kind of stream a mapping reads, from its EventSourceArn: a literal ARN, a reference to a stream resource
 * in the same stack, or a reference that CDK turned into an import or a nested stack parameter (a stream in
 * another stack).
 */
function sourceKind(mapping: CfnResource, arn: unknown): StreamSourceKind | undefined {
  const text = partialString(arn);
  if (text !== undefined && text !== UNKNOWN) {
    return kindOfArn(text.text);
  }
  if (!isIntrinsic(arn)) {
    return undefined;
  }
  const [fn, args] = Object.entries(arn)[0];
  // Fn::GetAtt is a [logicalId, attribute] list, or the short "logicalId.attribute" string.
  const [logicalId, attribute] = fn === 'Fn::GetAtt' && Array.isArray(args) ? args
    : fn === 'Fn::GetAtt' && typeof args === 'string' ? [args.slice(0, args.indexOf('.')), args.slice(args.indexOf('.') + 1)]
      : fn === 'Ref' ? [args, 'Ref'] : [];
  const type = typeof logicalId === 'string' ? resourceType(Stack.of(mapping), logicalId) : undefined;
  return type ? KIND_BY_REFERENCE[`${type}.${attribute}`] : referencedKind(mapping, arn);
}

/**
 * For a stream defined in another stack, the template holds Fn::ImportValue (or a nested stack's Ref to a
 * parameter); the L1's own EventSourceArn token still names the stream resource and attribute. Used only when
 * that token renders to exactly the template's value, so that a property override is never second-guessed.
 */
function referencedKind(mapping: CfnResource, arn: unknown): StreamSourceKind | undefined {
  const given = (mapping as { eventSourceArn?: unknown }).eventSourceArn;
  if (typeof given !== 'string' || !Token.isUnresolved(given)) {
    return undefined;
  }
  const reference = Tokenization.reverseString(given).firstToken;
  if (!Reference.isReference(reference) || !CfnResource.isCfnResource(reference.target)
    || JSON.stringify(Stack.of(mapping).resolve(given)) !== JSON.stringify(arn)) {
    return undefined;
  }
  return KIND_BY_REFERENCE[`${reference.target.cfnResourceType}.${reference.displayName}`];
}

/**
 * Logical ID to resource type for a stack, built once per stack at synth. An ID it lacks (a resource added after
 * an earlier synth) rebuilds it once; an ID still missing then (a parameter) is remembered, so that a thousand
 * mappings reading one parameter walk the stack once, not a thousand times.
 */
const TYPES = new WeakMap<Stack, { types: Map<string, string>; missing: Set<string> }>();

function resourceType(stack: Stack, logicalId: string): string | undefined {
  let entry = TYPES.get(stack);
  if (!entry || (!entry.types.has(logicalId) && !entry.missing.has(logicalId))) {
    const types = new Map<string, string>();
    for (const child of stack.node.findAll()) {
      if (CfnResource.isCfnResource(child) && Stack.of(child) === stack) {
        types.set(stack.resolve(child.logicalId), child.cfnResourceType);
      }
    }
    entry = { types, missing: new Set(entry?.missing) };
    TYPES.set(stack, entry);
    if (!types.has(logicalId)) {
      entry.missing.add(logicalId);
    }
  }
  return entry.types.get(logicalId);
}
