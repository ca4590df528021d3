import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Stack } from 'aws-cdk-lib/core';
import { DependencyGroup, IConstruct } from 'constructs';

/** A statement the target's role needs for the failure destination. */
export interface DestinationStatement {
  readonly actions: string[];
  readonly resources: string[];
}

/**
 * What Lambda needs to deliver failed batches, by destination service; KMS actions apply to the keys the
 * destination's own grant named.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html
 */
const DELIVERY: Record<string, { actions: (arn: string) => DestinationStatement[]; kms: string[] }> = {
  sqs: { actions: (arn) => [{ actions: ['sqs:SendMessage'], resources: [arn] }], kms: ['kms:Decrypt', 'kms:GenerateDataKey'] },
  sns: { actions: (arn) => [{ actions: ['sns:Publish'], resources: [arn] }], kms: ['kms:Decrypt', 'kms:GenerateDataKey'] },
  s3: {
    actions: (arn) => [
      { actions: ['s3:PutObject'], resources: [`${arn}/*`] },
      { actions: ['s3:ListBucket'], resources: [arn] },
    ],
    kms: ['kms:GenerateDataKey'],
  },
};

/**
 * Binds an aws-cdk-lib failure destination without letting it grant on the real role: its `bind` grants
 * through a recording principal, which tells the destination's service and KMS keys. The statements
 * returned are the ones Lambda documents (S3 gets PutObject and ListBucket, not aws-cdk-lib's read/write);
 * a destination of another kind keeps the statements its own grant asked for.
 */
export function bindFailureDestination(destination: lambda.IEventSourceDlq, mapping: lambda.IEventSourceMapping,
  target: lambda.IFunction): { arn: string; statements: DestinationStatement[] } {
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
    return { arn, statements: recorded.map((s) => ({ actions: actions(s), resources: resources(s) })) };
  }
  const keys = recorded.filter((s) => actions(s).some((a) => a.startsWith('kms:'))).flatMap(resources);
  return {
    arn,
    statements: [
      ...DELIVERY[service].actions(arn),
      ...(keys.length > 0 ? [{ actions: DELIVERY[service].kms, resources: keys }] : []),
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
