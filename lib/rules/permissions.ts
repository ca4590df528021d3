import { ALL_KINDS, DOCS, PermissionStatement, ResourcePolicyStatement, Rule, RuleSeverity } from './rule';

/** Statements as messages list them: `actions on resources; ...`. */
function listed(statements: readonly PermissionStatement[]): string {
  return statements.map((s) => `${s.actions.join(',')} on ${s.resources.join(',')}`).join('; ');
}

/** ESM901: a target without a role (imported by name or ARN) needs its permissions granted by hand. */
export const ESM901: Rule = {
  id: 'ESM901',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: 'FunctionName',
  summary: 'The target has a role CDK can add the read (and failure destination) permissions to; for a function imported without a role, the statements to grant by hand are listed.',
  source: DOCS.permissions,
  check: (facts) => facts.manualGrants && facts.manualGrants.length > 0 && facts.immutableRole === undefined ? {
    problem: 'has no role that CDK can change, so the mapping\'s permissions were not granted',
    got: listed(facts.manualGrants),
    fix: 'grant these to the function\'s execution role, or import the function with Function.fromFunctionAttributes({ functionArn, role })',
  } : undefined,
};

/** ESM902: an immutable role (Role.fromRoleArn(..., { mutable: false })) takes no statements from CDK. */
export const ESM902: Rule = {
  id: 'ESM902',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: 'FunctionName',
  summary: 'The target\'s role is one CDK can change; for an immutable role (imported with mutable: false, or from another account) the statements to grant by hand are listed.',
  source: DOCS.permissions,
  check: (facts) => facts.immutableRole !== undefined && facts.manualGrants && facts.manualGrants.length > 0 ? {
    problem: `has the immutable role ${facts.immutableRole}, so the mapping's permissions were not granted`,
    got: listed(facts.manualGrants),
    fix: 'grant these to that role by hand, or import it with Role.fromRoleArn(scope, id, arn, { mutable: true }) in its own account',
  } : undefined,
};

/** The statement as its owner pastes it into a resource policy. */
function policyJson(statement: ResourcePolicyStatement): string {
  const one = (list: string[]) => (list.length === 1 ? list[0] : list);
  return JSON.stringify({ Effect: 'Allow', Principal: { AWS: statement.principal }, Action: one(statement.actions), Resource: one(statement.resources) });
}

/** ESM903: a source or destination given by ARN in another account cannot be read until its owner allows the role. */
export const ESM903: Rule = {
  id: 'ESM903',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: 'EventSourceArn',
  summary: 'A stream, consumer, table, key or failure destination of another account, given by ARN, lets the role in through its resource policy; the statements its owner must attach are listed (JSON, with the role ARN).',
  source: `${DOCS.kinesisCrossAccount} ; ${DOCS.dynamoDbCrossAccount} ; ${DOCS.kmsKeyPolicies}`,
  check: (facts) => (facts.ownerStatements ?? []).map((statement) => ({
    path: statement.property,
    problem: `is in another account, so its owner must allow the role in the resource policy of ${statement.policyOf}`,
    got: statement.resources.join(','),
    fix: `the owner attaches ${policyJson(statement)}; acknowledge ESM903 once it is attached`,
  })),
};

/** ESM904: resource policies in another account's stack name a role this app creates: CloudFormation cannot order that. */
export const ESM904: Rule = {
  id: 'ESM904',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: 'EventSourceArn',
  summary: 'Resource policies in another account\'s stack that name a role of this app deploy after the role and before the mapping (CloudFormation orders resources only within one stack; express it with stack dependencies, or deploy in that order).',
  source: `${DOCS.cfnDependsOn} ; ${DOCS.principal}`,
  check: (facts) => (facts.crossAccountOrdering ?? []).map((ordering) => ({
    problem: `needs the resource policy of ${ordering.policyOf} in stack ${ordering.ownerStack} (another account), which names the role of stack ${ordering.roleStack}, so the stacks must deploy in an order no template can express`,
    got: ordering.ownerStack,
    fix: `deploy ${ordering.roleStack} first (the policy's principal must exist), then ${ordering.ownerStack}, then the mapping's stack ${ordering.mappingStack} (put the mapping in a stack of its own if it is ${ordering.roleStack}), `
      + `with ${ordering.ownerStack}.addStackDependency(${ordering.roleStack}) and ${ordering.mappingStack}.addStackDependency(${ordering.ownerStack}); acknowledge ESM904 once the order is kept`,
  })),
};

/** ESM905: a resource used across environments without a physical name cannot be named there (aws-cdk-lib rejects it). */
export const ESM905: Rule = {
  id: 'ESM905',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'FunctionName',
  summary: 'A role, stream, table or destination used in another account\'s or region\'s stack has a physical name (aws-cdk-lib cannot reference a generated name across environments).',
  source: DOCS.cdkPhysicalNames,
  check: (facts) => [...(facts.crossEnvironmentNames ?? [])],
};
