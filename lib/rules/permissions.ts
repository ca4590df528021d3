import { ALL_KINDS, DOCS, Rule, RuleSeverity } from './rule';

/** ESM901: a target without a role (imported by name or ARN) needs its permissions granted by hand. */
export const ESM901: Rule = {
  id: 'ESM901',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: 'FunctionName',
  summary: 'The target has a role CDK can add the read (and failure destination) permissions to; for a function imported without a role, the statements to grant by hand are listed.',
  source: DOCS.permissions,
  check: (facts) => facts.manualGrants && facts.manualGrants.length > 0 ? {
    problem: 'has no role that CDK can change, so the mapping\'s permissions were not granted',
    got: facts.manualGrants.map((s) => `${s.actions.join(',')} on ${s.resources.join(',')}`).join('; '),
    fix: 'grant these to the function\'s execution role, or import the function with Function.fromFunctionAttributes({ functionArn, role })',
  } : undefined,
};
