import { RuleGroup } from './rule-group';
import { SourceProblem } from '../template/source-kind';
import { StreamSourceKind } from '../template/stream-source-kind';

/** What breaking a rule does to `cdk synth`. */
export enum RuleSeverity {
  /** AWS documents that it rejects the value: synth fails. */
  ERROR = 'error',
  /** AWS's behaviour is not verified, or the value is accepted but risky: synth warns with an acknowledgeable ID. */
  WARNING = 'warning',
}

/** One problem a rule found. The message reads `<label> <problem>, got <got>; <fix>`. */
export interface Finding {
  /** CloudFormation path when it is narrower than the rule's property (`FilterCriteria.Filters[2].Pattern`). */
  readonly path?: string;
  /** What is wrong, phrased to follow the property name ("must be from 1 to 10000"). */
  readonly problem: string;
  /** The value given; omitted where there is none (a missing property). */
  readonly got?: unknown;
  /** What is allowed, or how to fix it. */
  readonly fix: string;
}

/** One IAM statement as data: what a principal may do, on which resources. */
export interface PermissionStatement {
  readonly actions: string[];
  readonly resources: string[];
}

/** A statement that must go on a resource's own policy (a stream's, a key's, a queue's), naming the role. */
export interface ResourcePolicyStatement extends PermissionStatement {
  /** The mapping property the resource serves (`EventSourceArn`, `DestinationConfig.OnFailure.Destination`). */
  readonly property: string;
  /** The role ARN the statement names as principal, as messages show it. */
  readonly principal: string;
  /** What the policy belongs to and where it lives (`Kinesis stream arn:...`, `KMS key policy of ...`). */
  readonly policyOf: string;
}

/** A resource policy in another account's stack that names a role created in this app. */
export interface CrossAccountOrdering {
  /** The stack holding the resource policy (deployed by the resource owner). */
  readonly ownerStack: string;
  /** The stack that creates the role. */
  readonly roleStack: string;
  /** The stack of the mapping. */
  readonly mappingStack: string;
  /** What the policy belongs to. */
  readonly policyOf: string;
}

/** What the rules see of one mapping. */
export interface MappingFacts {
  /** `Properties` of the `AWS::Lambda::EventSourceMapping` as they will be synthesized (intrinsics left in). */
  readonly properties: Record<string, unknown>;
  /** The kind of stream, where it is known (declared by a `StreamSource`, or read off the template). */
  readonly kind?: StreamSourceKind;
  /** Why AWS rejects the EventSourceArn where it is not a stream's ARN (a table's ARN, an S3 bucket's). */
  readonly sourceProblem?: SourceProblem;
  /** Path of a DynamoDB table given as a source without a stream. */
  readonly tableWithoutStream?: string;
  /** Statements that CDK could not add because the target has no role, or a role CDK cannot change. */
  readonly manualGrants?: readonly PermissionStatement[];
  /** The ARN of the target's role where CDK cannot change it (an immutable import); with `manualGrants`. */
  readonly immutableRole?: string;
  /** Statements the owner of a source or destination in another account must attach to its resource policies. */
  readonly ownerStatements?: readonly ResourcePolicyStatement[];
  /** Resource policies of other accounts' stacks naming a role of this app, in an order CloudFormation cannot express. */
  readonly crossAccountOrdering?: readonly CrossAccountOrdering[];
  /** Values used across environments that CDK cannot name there (no physical name), each a finding. */
  readonly crossEnvironmentNames?: readonly Finding[];
  /** Seconds since the epoch at synth time, for the timestamp rules. */
  readonly nowSeconds: number;
  /**
   * aws-cdk-lib's own renderer rejected the props' JavaScript types (its message), so `properties` are the props
   * as given and no template can be synthesized: every value of the wrong type is an error, numeric strings included.
   */
  readonly rejectedByCdk?: string;
  /** `StreamEventSourceMapping` props that could not be converted to CloudFormation values (ESM005). */
  readonly inputProblems?: readonly Finding[];
  /**
   * Path of a mapping before this one (in construct-tree or template order) with the same event source and
   * function in the same account and region (`mappingKey`), which Lambda refuses to create twice (ESM408).
   */
  readonly duplicateOf?: string;
}

/** A rule of the rule table: written once, used by the construct, the aspect, the docs and the tests. */
export interface Rule {
  /** Stable ID, printed in every message and used to acknowledge the rule. */
  readonly id: string;
  readonly severity: RuleSeverity;
  /** What a finding means for a deploy; defaults to `AWS_REJECTS` for errors, `NOT_VERIFIED` for warnings (see `groupOf`). */
  readonly group?: RuleGroup;
  /** The stream kinds the rule applies to; a mapping of unknown kind is checked only by rules for every kind. */
  readonly appliesTo: readonly StreamSourceKind[];
  /** The CloudFormation property it judges (top level, or a dotted path). */
  readonly property: string;
  /**
   * The top-level properties at least one of which must be set for the rule to find anything: the engine runs the
   * rule only on mappings that set one of them. Omitted, the rule runs on every mapping, as a rule must that reports
   * an absence (a required property, ESM804) or reads facts other than the properties (ESM005, ESM901).
   */
  readonly whenSet?: readonly string[];
  /** One line for the docs: what the rule requires. */
  readonly summary: string;
  /** Where AWS documents the constraint. */
  readonly source: string;
  readonly check: (facts: MappingFacts) => Finding | Finding[] | undefined;
}

/** The group of a rule: its own, or the one its severity implies. */
export function groupOf(rule: Rule): RuleGroup {
  return rule.group ?? (rule.severity === RuleSeverity.ERROR ? RuleGroup.AWS_REJECTS : RuleGroup.NOT_VERIFIED);
}

/**
 * The groups the aspect, the plugin and the command show unless told otherwise: what can break a deploy. Turned on
 * for an existing app, they show what AWS rejects and what it may reject, not the operational advice (ESM804 alone
 * fired on 79 % of valid real mappings), which is one option away.
 */
export const DEFAULT_GROUPS: readonly RuleGroup[] = [RuleGroup.AWS_REJECTS, RuleGroup.NOT_VERIFIED];
/** Every group: what StreamEventSourceMapping shows, since its mappings are written with this library from the start. */
export const ALL_GROUPS: readonly RuleGroup[] = [RuleGroup.AWS_REJECTS, RuleGroup.NOT_VERIFIED, RuleGroup.OPERATIONS];

export const ALL_KINDS: readonly StreamSourceKind[] = [
  StreamSourceKind.KINESIS_STREAM,
  StreamSourceKind.KINESIS_CONSUMER,
  StreamSourceKind.DYNAMODB_STREAM,
];
export const KINESIS_KINDS: readonly StreamSourceKind[] = [StreamSourceKind.KINESIS_STREAM, StreamSourceKind.KINESIS_CONSUMER];
export const DYNAMODB_KINDS: readonly StreamSourceKind[] = [StreamSourceKind.DYNAMODB_STREAM];

/** AWS documentation the rules cite. */
export const DOCS = {
  api: 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html',
  cfn: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-eventsourcemapping.html',
  cfnOnFailure: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-lambda-eventsourcemapping-onfailure.html',
  kinesisParams: 'https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html',
  dynamoDbParams: 'https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html',
  kinesisOnFailure: 'https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html',
  dynamoDbErrors: 'https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html',
  filtering: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html',
  kinesisApi: 'https://docs.aws.amazon.com/kinesis/latest/APIReference/API_StreamDescription.html',
  kinesisConsumerApi: 'https://docs.aws.amazon.com/kinesis/latest/APIReference/API_Consumer.html',
  dynamoDbStreamsApi: 'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_DescribeStream.html',
  arns: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html',
  metricsConfig: 'https://docs.aws.amazon.com/lambda/latest/api/API_EventSourceMappingMetricsConfig.html',
  tags: 'https://docs.aws.amazon.com/lambda/latest/api/API_TagResource.html',
  /** "For each resource, each tag key must be unique, and each tag key can have only one value" (cfn-lint E3024's source). */
  tagKeys: 'https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html',
  kinesisErrors: 'https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html',
  permissions: 'https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html',
  managedInstanceVersions: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-version-publishing.html',
  kinesisCrossAccount: 'https://docs.aws.amazon.com/streams/latest/dev/resource-based-policy-examples.html',
  dynamoDbCrossAccount: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-examples.html',
  kmsKeyPolicies: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html',
  principal: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
  cfnDependsOn: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-dependson.html',
  cdkPhysicalNames: 'https://docs.aws.amazon.com/cdk/v2/guide/resources.html#resources-physical-names',
} as const;

/**
 * AWS's own error messages, recorded against the service by others: where a constraint is enforced, not only
 * documented.
 */
export const RECORDED = {
  /** LocalStack's snapshots of Lambda API calls, validated against AWS (StartingPosition, record age, ...). */
  lambdaApiErrors: 'https://github.com/localstack/localstack/blob/main/tests/aws/services/lambda_/test_lambda_api.snapshot.json',
  /** "MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800". */
  recordAgeError: 'https://github.com/hashicorp/terraform-provider-aws/issues/16113',
  /** A second mapping of one event source and function: 409 ResourceConflictException, recorded for Kinesis and DynamoDB. */
  duplicateMapping: 'https://github.com/localstack/localstack/pull/9996',
  /** CloudFormation creates a replacement mapping before deleting the old one, and hits the same 409. */
  replacementConflict: 'https://github.com/aws/serverless-application-model/issues/1320',
} as const;
