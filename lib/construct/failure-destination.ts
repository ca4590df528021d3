import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { IResource, Stack, Token } from 'aws-cdk-lib/core';
import { DependencyGroup, IConstruct } from 'constructs';
import { byArn, GrantStatement, keyStatement, ResourcePolicy } from './grants';
import { PermissionStatement } from '../rules';

const DESTINATION = 'DestinationConfig.OnFailure.Destination';

/**
 * For a destination encrypted with a key of another account, the role also needs these (the Lambda docs list them
 * for SQS and SNS destinations).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html
 */
const OTHER_ACCOUNT_KEY_ACTIONS = ['kms:DescribeKey', 'kms:ReEncrypt*'];

/**
 * What Lambda needs to deliver failed batches, by destination service; KMS actions apply to the keys the
 * destination's own grant named.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html
 */
const DELIVERY: Record<string, { actions: (arn: string) => PermissionStatement[]; kms: string[]; otherAccountKms?: string[] }> = {
  sqs: { actions: (arn) => [{ actions: ['sqs:SendMessage'], resources: [arn] }], kms: ['kms:Decrypt', 'kms:GenerateDataKey'], otherAccountKms: OTHER_ACCOUNT_KEY_ACTIONS },
  sns: { actions: (arn) => [{ actions: ['sns:Publish'], resources: [arn] }], kms: ['kms:Decrypt', 'kms:GenerateDataKey'], otherAccountKms: OTHER_ACCOUNT_KEY_ACTIONS },
  s3: {
    actions: (arn) => [
      { actions: ['s3:PutObject'], resources: [`${arn}/*`] },
      { actions: ['s3:ListBucket'], resources: [arn] },
    ],
    kms: ['kms:GenerateDataKey'],
  },
};

/** The resource behind one of aws-cdk-lib's destinations, with its service and key. */
interface KnownDestination {
  readonly service: keyof typeof DELIVERY;
  readonly arn: string;
  readonly resource: IResource & { addToResourcePolicy(statement: iam.PolicyStatement): iam.AddToResourcePolicyResult };
  readonly key?: kms.IKey;
  readonly what: string;
}

/**
 * The queue, topic or bucket of `SqsDlq`, `SnsDlq` and `S3OnFailureDestination`. Their `bind` would grant
 * aws-cdk-lib's broad action sets and, across accounts, resource-policy statements whose principal is whatever
 * grantee it was given; reading the resource lets the mapping grant what Lambda documents, naming the role.
 * (The fields are private in aws-cdk-lib's typings, set by each constructor.)
 */
function knownDestination(destination: lambda.IEventSourceDlq): KnownDestination | undefined {
  const held = destination as unknown as { queue?: sqs.IQueue; topic?: sns.ITopic; bucket?: s3.IBucket };
  if (destination instanceof sources.SqsDlq && held.queue) {
    return { service: 'sqs', arn: held.queue.queueArn, resource: held.queue, key: held.queue.encryptionMasterKey, what: 'SQS queue' };
  }
  if (destination instanceof sources.SnsDlq && held.topic) {
    return { service: 'sns', arn: held.topic.topicArn, resource: held.topic, key: held.topic.masterKey, what: 'SNS topic' };
  }
  if (destination instanceof sources.S3OnFailureDestination && held.bucket) {
    return { service: 's3', arn: held.bucket.bucketArn, resource: held.bucket, key: held.bucket.encryptionKey, what: 'S3 bucket' };
  }
  return undefined;
}

/**
 * Binds a failure destination and returns the statements the target's role needs, least privilege, each with the
 * resource policy that must name the role where the destination (or its key) is of another account. aws-cdk-lib's
 * own destinations are read directly; a destination of another kind binds through a recording principal, which
 * tells its service and keys, and keeps the statements its own grant asked for where the service is not one Lambda
 * documents.
 */
export function bindFailureDestination(destination: lambda.IEventSourceDlq, mapping: lambda.IEventSourceMapping,
  target: lambda.IFunction): { arn: string; statements: GrantStatement[] } {
  const known = knownDestination(destination);
  if (known) {
    const policy: ResourcePolicy = {
      env: known.resource.env,
      policyOf: Token.isUnresolved(known.arn) ? `the ${known.what} ${known.resource.node.path}` : `the ${known.what} ${known.arn}`,
      scope: known.resource,
      add: (statement) => known.resource.addToResourcePolicy(statement),
    };
    return {
      arn: known.arn,
      statements: [
        ...DELIVERY[known.service].actions(known.arn).map((s) => ({ ...s, property: DESTINATION, resourcePolicy: policy })),
        ...(known.key ? [keyStatement(DESTINATION, known.key, DELIVERY[known.service].kms, DELIVERY[known.service].otherAccountKms)] : []),
      ],
    };
  }
  return recordedDestination(destination, mapping, target);
}

/** A destination of another kind: bound through a recording principal. */
function recordedDestination(destination: lambda.IEventSourceDlq, mapping: lambda.IEventSourceMapping,
  target: lambda.IFunction): { arn: string; statements: GrantStatement[] } {
  const recorder = new RecordingPrincipal(Stack.of(mapping as unknown as IConstruct).account);
  const handler = new Proxy(target, {
    get: (fn, key) => (key === 'grantPrincipal' ? recorder : Reflect.get(fn, key)),
  });
  const { destination: arn } = destination.bind(mapping, handler);
  const recorded = recorder.statements.map((s) => s.toStatementJson() as { Action: string | string[]; Resource?: string | string[] });
  const actions = (s: { Action: string | string[] }) => ([] as string[]).concat(s.Action);
  const resources = (s: { Resource?: string | string[] }) => ([] as string[]).concat(s.Resource ?? []);
  const service = Object.keys(DELIVERY).find((name) => recorded.some((s) => actions(s).some((a) => a.startsWith(`${name}:`))));
  if (!service) {
    return { arn, statements: recorded.map((s) => ({ property: DESTINATION, actions: actions(s), resources: resources(s) })) };
  }
  const keys = recorded.filter((s) => actions(s).some((a) => a.startsWith('kms:'))).flatMap(resources);
  const policy = Token.isUnresolved(arn) ? undefined : byArn(`the ${service.toUpperCase()} destination`, arn);
  return {
    arn,
    statements: [
      ...DELIVERY[service].actions(arn).map((s) => ({ ...s, property: DESTINATION, resourcePolicy: policy })),
      ...(keys.length > 0 ? [{ property: DESTINATION, actions: DELIVERY[service].kms, resources: keys }] : []),
    ],
  };
}

/** Collects what a grant would add to a role, and adds nothing. */
class RecordingPrincipal implements iam.IPrincipal {
  public readonly grantPrincipal: iam.IPrincipal = this;
  public readonly assumeRoleAction = 'sts:AssumeRole';
  public readonly policyFragment = new iam.PrincipalPolicyFragment({});
  public readonly statements: iam.PolicyStatement[] = [];

  constructor(public readonly principalAccount: string | undefined) {}

  public addToPolicy(statement: iam.PolicyStatement): boolean {
    return this.addToPrincipalPolicy(statement).statementAdded;
  }

  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    this.statements.push(statement);
    return { statementAdded: true, policyDependable: new DependencyGroup() };
  }
}
