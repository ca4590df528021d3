import { CfnResource, Reference, Stack, Token, Tokenization } from 'aws-cdk-lib/core';
import { readSource, referenceReading, ResourceTypeOf, SourceReading } from '../template/source-kind';

/**
 * What a mapping of a CDK app reads: the template's reading of its EventSourceArn against the resources of its
 * stack, or, for a stream in another stack, the stream the L1's own token names.
 */
export function stackSource(mapping: CfnResource, arn: unknown): SourceReading | undefined {
  return readSource(arn, stackResourceTypes(mapping)) ?? referencedSource(mapping, arn);
}

/** The resources of a construct's stack as the template layer's lookup. */
export function stackResourceTypes(scope: CfnResource): ResourceTypeOf {
  const stack = Stack.of(scope);
  return (logicalId) => resourceType(stack, logicalId);
}

/**
 * For a stream defined in another stack, the template holds Fn::ImportValue (or a nested stack's Ref to a
 * parameter); the L1's own EventSourceArn token still names the stream resource and attribute. Used only when
 * that token renders to exactly the template's value, so that a property override is never second-guessed.
 */
function referencedSource(mapping: CfnResource, arn: unknown): SourceReading | undefined {
  const given = (mapping as { eventSourceArn?: unknown }).eventSourceArn;
  if (typeof given !== 'string' || !Token.isUnresolved(given)) {
    return undefined;
  }
  const reference = Tokenization.reverseString(given).firstToken;
  if (!Reference.isReference(reference) || !CfnResource.isCfnResource(reference.target)
    || JSON.stringify(Stack.of(mapping).resolve(given)) !== JSON.stringify(arn)) {
    return undefined;
  }
  return referenceReading(reference.target.cfnResourceType, reference.displayName, Stack.of(reference.target).resolve(reference.target.logicalId));
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
