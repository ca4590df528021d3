import { MappingFacts, RULES } from '../../lib/rules';
import { StreamSourceKind } from '../../lib/template/stream-source-kind';
import { evaluate, EvaluateOptions, MessageLabels } from '../../lib/validation/engine';

/** The time of "synth" in these tests: 2026-01-01T00:00:00Z. */
export const NOW = 1_767_225_600;

export const K = StreamSourceKind.KINESIS_STREAM;
export const KC = StreamSourceKind.KINESIS_CONSUMER;
export const D = StreamSourceKind.DYNAMODB_STREAM;
/** A mapping whose kind could not be read: only the rules for every kind apply. */
export const UNKNOWN_KIND = 'unknown kind';
export type Kind = StreamSourceKind | typeof UNKNOWN_KIND;

export const STREAM_ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders';
export const CONSUMER_ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders/consumer/orders-app:1767225600';
export const DYNAMODB_STREAM_ARN = 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2026-01-01T00:00:00.000';

const ARN_OF: Record<Kind, string> = {
  [K]: STREAM_ARN,
  [KC]: CONSUMER_ARN,
  [D]: DYNAMODB_STREAM_ARN,
  [UNKNOWN_KIND]: STREAM_ARN,
};

/**
 * One row of a boundary table: a mapping that differs from a valid one by `set` (a property set to `undefined`
 * is removed), and the exact rule IDs evaluate reports for it, each once per finding.
 */
export interface RuleCase {
  readonly name: string;
  /** Defaults to a Kinesis data stream. */
  readonly kind?: Kind;
  readonly set?: Record<string, unknown>;
  readonly facts?: Partial<Omit<MappingFacts, 'properties' | 'kind'>>;
  readonly expected: readonly string[];
}

/** A message row: the exact strings evaluate produces, with or without the construct's prop names. */
export interface MessageCase extends Omit<RuleCase, 'expected'> {
  readonly labels: boolean;
  readonly messages: readonly string[];
}

/**
 * The valid mapping every case starts from: it breaks no rule (MaximumRetryAttempts 3 keeps ESM804 quiet).
 */
export function validProperties(kind: Kind): Record<string, unknown> {
  return {
    FunctionName: 'orders-handler',
    EventSourceArn: ARN_OF[kind],
    StartingPosition: 'LATEST',
    MaximumRetryAttempts: 3,
  };
}

export function factsFor(c: Omit<RuleCase, 'expected' | 'name'>): MappingFacts {
  const kind = c.kind ?? K;
  const properties: Record<string, unknown> = { ...validProperties(kind), ...c.set };
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined) {
      delete properties[key];
    }
  }
  return { nowSeconds: NOW, ...c.facts, properties, kind: kind === UNKNOWN_KIND ? undefined : kind };
}

/** How messages name properties: with the construct's prop names, or CloudFormation's alone. */
export function labelsFor(propNames: boolean): EvaluateOptions {
  return { labels: propNames ? MessageLabels.CONSTRUCT_PROPS : MessageLabels.CLOUDFORMATION };
}

/** The rule IDs evaluate reports, sorted, one per finding. */
export function ruleIds(c: Omit<RuleCase, 'expected' | 'name'>): string[] {
  return evaluate(RULES, factsFor(c), labelsFor(false)).map((v) => v.rule.id).sort();
}

export function messages(c: Omit<MessageCase, 'messages' | 'name'>): string[] {
  return evaluate(RULES, factsFor(c), labelsFor(c.labels)).map((v) => v.message);
}

/** Runs a boundary table: each row reports exactly its expected rule IDs. */
export function runCases(cases: readonly RuleCase[]): void {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(ruleIds(c)).toEqual([...c.expected].sort());
  });
}

/** Runs a message table: each row prints exactly its messages, in rule-table order. */
export function runMessages(cases: readonly MessageCase[]): void {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(messages(c)).toEqual(c.messages);
  });
}

/** `Fn::Join` of a Kinesis-style ARN from pseudo parameters, as aws-cdk-lib renders ARNs it builds. */
export function joinArn(service: string, resource: string): unknown {
  return {
    'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:${service}:`, { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:${resource}`]],
  };
}

/** The function name aws-cdk-lib hands over for a function of the same stack: Select(6, Split(':', arn)). */
export function selectedFunctionName(name: string): unknown {
  return { 'Fn::Select': [6, { 'Fn::Split': [':', joinArn('lambda', `function:${name}`)] }] };
}

export const REF = { Ref: 'P' };
export const GET_ATT = { 'Fn::GetAtt': ['Resource', 'Attribute'] };
/** A value that is there only when a condition holds. */
export const CONDITIONAL = (value: unknown) => ({ 'Fn::If': ['Condition', value, { Ref: 'AWS::NoValue' }] });
