import { CfnResource, Reference, Stack, Token, Tokenization } from 'aws-cdk-lib/core';
import { kindOfArn } from './arns';
import { StreamSourceKind } from './stream-source-kind';
import { isIntrinsic, partialString, UNKNOWN } from './values';

/** The stream kind an `Fn::GetAtt` or `Ref` returns, by resource type and attribute. */
const KIND_BY_REFERENCE: Record<string, StreamSourceKind> = {
  'AWS::Kinesis::Stream.Arn': StreamSourceKind.KINESIS_STREAM,
  'AWS::Kinesis::StreamConsumer.ConsumerARN': StreamSourceKind.KINESIS_CONSUMER,
  'AWS::Kinesis::StreamConsumer.Ref': StreamSourceKind.KINESIS_CONSUMER,
  'AWS::DynamoDB::Table.StreamArn': StreamSourceKind.DYNAMODB_STREAM,
  'AWS::DynamoDB::GlobalTable.StreamArn': StreamSourceKind.DYNAMODB_STREAM,
};

/**
 * The kind of stream a mapping reads, from its EventSourceArn: a literal ARN, a reference to a stream resource
 * in the same stack, or a reference that CDK turned into an import or a nested stack parameter (a stream in
 * another stack).
 */
export function sourceKind(mapping: CfnResource, arn: unknown): StreamSourceKind | undefined {
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
