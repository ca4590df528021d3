import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { ArnFormat, Fn, Resource, ResourceEnvironment, Stack, Token, TokenComparison } from 'aws-cdk-lib/core';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Dependable, IConstruct, IDependable } from 'constructs';
import { CrossAccountOrdering, Finding, PermissionStatement, ResourcePolicyStatement } from '../rules';
import { subNotation } from '../template/display';

/**
 * The policy of the resource a statement is about (a stream's, consumer's, table stream's, key's, queue's,
 * topic's or bucket's): where the role is of another account, it must name the role too.
 */
export interface ResourcePolicy {
  /** The account and region of the resource. */
  readonly env: ResourceEnvironment;
  /** What messages call the policy's resource (`the Kinesis stream Owner/Orders`). */
  readonly policyOf: string;
  /** Adds a statement to the policy; undefined where CDK cannot change it (a resource imported by ARN). */
  readonly add?: (statement: iam.PolicyStatement) => iam.AddToResourcePolicyResult;
  /** The construct whose stack holds the policy; undefined for a resource given by ARN. */
  readonly scope?: IConstruct;
  /** The resources the policy's statement names, where they differ from the role's (a key policy names `*`). */
  readonly resources?: string[];
}

/** One statement the target's role needs, and the resource whose own policy must agree across accounts. */
export interface GrantStatement extends PermissionStatement {
  /** The mapping property the statement serves, for messages. */
  readonly property: string;
  readonly resourcePolicy?: ResourcePolicy;
  /**
   * The statement's key, where it is about a KMS key: its ARN cannot be named from another environment
   * (keys have no physical name), so the role then names the keys of the key's account and region.
   */
  readonly key?: kms.IKey;
  /** Actions added where the key is of another account than the role (the Lambda docs list them for destinations). */
  readonly crossAccountActions?: string[];
}

/** A resource policy statement added in another stack, remembered for the ordering check at synth. */
interface AddedPolicy {
  readonly policyOf: string;
  readonly ownerStack: Stack;
}

/** What granting found: what to grant by hand, what the owners must attach, what cannot be named. */
export class GrantResult {
  public readonly manualGrants: PermissionStatement[] = [];
  public immutableRole?: iam.IRole;
  public readonly ownerStatements: Array<Omit<ResourcePolicyStatement, 'principal'>> = [];
  public readonly crossEnvironmentNames: Finding[] = [];
  public readonly addedPolicies: AddedPolicy[] = [];
}

/**
 * Whether two accounts may differ: literal and different, or one unresolved (aws-cdk-lib's grants treat that
 * as another account too). Two unresolved accounts (environment-agnostic stacks) are taken to be the same.
 */
export function mayBeOtherAccount(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) {
    return false;
  }
  const comparison = Token.compareStrings(a, b);
  return comparison === TokenComparison.DIFFERENT || comparison === TokenComparison.ONE_UNRESOLVED;
}

/** Both accounts known and different. */
export function isOtherAccount(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && Token.compareStrings(a, b) === TokenComparison.DIFFERENT;
}

/** Another account or another region than the stack: aws-cdk-lib then needs physical names to reference across. */
export function isOtherEnvironment(env: ResourceEnvironment, stack: Stack): boolean {
  return mayBeOtherAccount(env.account, stack.account) || mayBeOtherAccount(env.region, stack.region);
}

/**
 * The error aws-cdk-lib raises when `value` is used in `stack` but names a resource of another environment
 * that has no physical name ("Cannot use resource ... in a cross-environment fashion"); undefined when it resolves.
 */
export function unnameableIn(stack: Stack, value: string): string | undefined {
  // Only a token can reference a resource; resolving every literal ARN was a measurable part of synth.
  if (!Token.isUnresolved(value)) {
    return undefined;
  }
  try {
    stack.resolve(value);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** The environment of an ARN: its account and region, unresolved where the ARN is a token; never throws. */
export function envOfArn(arn: string): ResourceEnvironment {
  if (Token.isUnresolved(arn)) {
    return { account: Fn.select(4, Fn.split(':', arn)), region: Fn.select(3, Fn.split(':', arn)) };
  }
  const parts = arn.split(':');
  return { account: parts[4] ?? '', region: parts[3] ?? '' };
}

/** A statement on a KMS key: on the role, and (another account) in the key policy, where `*` is the key itself. */
export function keyStatement(property: string, key: kms.IKey, actions: string[], crossAccountActions?: string[]): GrantStatement {
  return {
    property,
    actions,
    resources: [key.keyArn],
    key,
    crossAccountActions,
    resourcePolicy: {
      env: key.env,
      policyOf: Token.isUnresolved(key.keyArn) ? `the KMS key ${key.node.path}` : `the KMS key ${key.keyArn}`,
      scope: key,
      // An imported key has no policy CDK can change (addToResourcePolicy reports statementAdded: false).
      add: (statement) => key.addToResourcePolicy(statement),
      resources: ['*'],
    },
  };
}

/** The policy of a resource given by ARN: CDK cannot change it, so its owner attaches what ESM903 lists. */
export function byArn(what: string, arn: string): ResourcePolicy {
  return { env: envOfArn(arn), policyOf: Token.isUnresolved(arn) ? what : `${what} ${arn}` };
}

/**
 * Grants `statements` to the target's role the least-privilege way, across accounts included: each statement on
 * the role, and, where the resource is of another account than the role, on the resource's own policy naming the
 * role (never a statement without a principal). The mapping depends on every policy of its own stack that carries
 * its permissions. Returns what could not be done, for the rules to report at synth.
 */
export function grantToRole(mapping: IConstruct, dependent: IConstruct, role: iam.IRole, statements: GrantStatement[]): GrantResult {
  const result = new GrantResult();
  const mappingStack = Stack.of(mapping);
  const roleAccount = role.principalAccount ?? Stack.of(role).account;
  for (const statement of statements) {
    const keyOfOtherEnv = statement.key !== undefined && Token.isUnresolved(statement.key.keyArn)
      && isOtherEnvironment(statement.key.env, mappingStack);
    const otherAccount = statement.resourcePolicy !== undefined && mayBeOtherAccount(statement.resourcePolicy.env.account, roleAccount);
    const actions = otherAccount && statement.crossAccountActions ? [...statement.actions, ...statement.crossAccountActions] : statement.actions;
    const resources = keyOfOtherEnv ? [keysOf(mappingStack, statement.key!.env)] : statement.resources;

    const unnameable = resources.flatMap((resource) => unnameableIn(mappingStack, resource) ?? []);
    for (const error of unnameable) {
      result.crossEnvironmentNames.push(unnamedResource(statement.property, error));
    }
    if (unnameable.length === 0) {
      const added = role.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources }));
      // An immutable import claims the statement was added, with nothing that carries it. (A role of the app
      // fills its dependable only at synth, once its policy is split; an imported mutable role names its Policy now.)
      if (!added.statementAdded || (!Resource.isOwnedResource(role) && rootsOf(added.policyDependable).length === 0)) {
        result.manualGrants.push({ actions, resources });
        result.immutableRole = role;
      }
      dependOnOwnStack(dependent, mappingStack, added.policyDependable);
    }

    if (otherAccount) {
      addToResourcePolicy(result, mappingStack, dependent, role, statement, actions);
    }
  }
  return result;
}

/** The statement on the resource's own policy, naming the role; or, where CDK cannot add it, for its owner to attach. */
function addToResourcePolicy(result: GrantResult, mappingStack: Stack, dependent: IConstruct, role: iam.IRole,
  statement: GrantStatement, actions: string[]): void {
  const policy = statement.resourcePolicy!;
  const resources = policy.resources ?? statement.resources;
  if (policy.add && policy.scope) {
    const ownerStack = Stack.of(policy.scope);
    const error = unnameableIn(ownerStack, role.roleArn);
    if (error) {
      result.crossEnvironmentNames.push({
        path: 'FunctionName',
        problem: `has the role ${Resource.isResource(role) ? role.node.path : role.roleArn}, which the resource policy of ${policy.policyOf} `
          + `in stack ${ownerStack.node.path} (another environment) must name, but the role has no physical name (${error})`,
        got: Resource.isResource(role) ? role.node.path : role.roleArn,
        fix: 'create the role with roleName: PhysicalName.GENERATE_IF_NEEDED (or a name) and pass it to the function as role',
      });
      return;
    }
    const added = policy.add(new iam.PolicyStatement({ principals: [role], actions, resources }));
    if (added.statementAdded) {
      dependOnOwnStack(dependent, mappingStack, added.policyDependable);
      result.addedPolicies.push({ policyOf: policy.policyOf, ownerStack });
      return;
    }
  }
  if (isOtherAccount(policy.env.account, mappingStack.account)) {
    result.ownerStatements.push({ property: statement.property, policyOf: policy.policyOf, actions, resources });
  }
}

/** A resource of another environment that the mapping's stack cannot name (aws-cdk-lib's message says which). */
export function unnamedResource(property: string, error: string): Finding {
  return {
    path: property,
    problem: 'names a resource of another environment that has no physical name, so this stack cannot reference it',
    got: error,
    fix: 'give that resource a physical name (streamName, queueName, topicName, bucketName: PhysicalName.GENERATE_IF_NEEDED), or give it by ARN',
  };
}

/** The keys of one account and region: the narrowest ARN the role can name for a key of another environment. */
function keysOf(stack: Stack, env: ResourceEnvironment): string {
  return stack.formatArn({ service: 'kms', resource: 'key', resourceName: '*', account: env.account, region: env.region, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
}

/**
 * Makes the mapping wait for what carries its permissions in its own environment. A policy of another account's
 * stack cannot be waited for (CloudFormation orders only within a stack; ESM904 says so), and a key policy grant
 * returns a PolicyDocument, which is no construct to depend on.
 */
function dependOnOwnStack(dependent: IConstruct, mappingStack: Stack, dependable: IDependable | undefined): void {
  if (!dependable) {
    return;
  }
  // Read when the template is rendered: a role's dependable is filled once its policy is split, at synth.
  const ownEnvironment: IDependable = {};
  Dependable.implement(ownEnvironment, {
    get dependencyRoots() {
      return rootsOf(dependable).filter((root) => {
        const stack = Stack.of(root);
        return stack === mappingStack || !isOtherEnvironment({ account: stack.account, region: stack.region }, mappingStack);
      });
    },
  });
  dependent.node.addDependency(ownEnvironment);
}

/** The constructs a dependable stands for; none for what is not one (a key grant's PolicyDocument token). */
function rootsOf(dependable: IDependable | undefined): IConstruct[] {
  if (!dependable) {
    return [];
  }
  try {
    return Dependable.of(dependable).dependencyRoots;
  } catch {
    return [];
  }
}

/** The orderings CloudFormation cannot express: policies of other accounts' stacks naming a role this app creates. */
export function orderingProblems(mapping: IConstruct, role: iam.IRole, added: readonly AddedPolicy[]): CrossAccountOrdering[] {
  if (!Resource.isOwnedResource(role)) {
    return []; // an imported role exists before any stack of this app deploys
  }
  const roleStack = Stack.of(role);
  const mappingStack = Stack.of(mapping);
  const policies = [...new Map(added.map((policy) => [`${policy.ownerStack.node.path}|${policy.policyOf}`, policy])).values()];
  return policies
    .filter(({ ownerStack }) => !(mappingStack !== roleStack && dependsOn(ownerStack, roleStack) && dependsOn(mappingStack, ownerStack)))
    .map(({ policyOf, ownerStack }) => ({
      policyOf,
      ownerStack: ownerStack.node.path,
      roleStack: roleStack.node.path,
      mappingStack: mappingStack.node.path,
    }));
}

/** Whether `stack` depends on `other`, directly or through other stacks. */
function dependsOn(stack: Stack, other: Stack, seen = new Set<Stack>()): boolean {
  if (seen.has(stack)) {
    return false;
  }
  seen.add(stack);
  return stack.dependencies.some((dep) => dep === other || dependsOn(dep, other, seen));
}

/**
 * A role ARN as messages show it: for a role of the app with a literal name, the ARN its owner's policy names
 * (as aws-cdk-lib formats it across environments); otherwise as the template references it.
 */
export function roleArnText(mapping: IConstruct, role: iam.IRole): string {
  // `physicalName` is protected on Resource; a literal one is the name given to the role.
  const name = Resource.isOwnedResource(role) ? (role as unknown as { physicalName?: string }).physicalName : undefined;
  const roleStack = Stack.of(role);
  // The partition of the role's region, so that the owner can paste the ARN (no ${AWS::Partition} in it).
  const partition = Token.isUnresolved(roleStack.region) ? undefined : RegionInfo.get(roleStack.region).partition;
  const arn = name !== undefined && !Token.isUnresolved(name)
    ? roleStack.formatArn({ partition, region: '', service: 'iam', resource: 'role', resourceName: name })
    : role.roleArn;
  return Token.isUnresolved(arn) ? subNotation(Stack.of(mapping).resolve(arn)) : arn;
}
