import { IConstruct } from 'constructs';

/** The metadata type under which an acknowledgement is recorded, so that it shows in the cloud assembly. */
export const ACKNOWLEDGEMENT_METADATA = 'cdk-stream-event-source-mapping:acknowledgement';

/** Rules acknowledged on a construct and everything below it, with the reason given. */
const ACKNOWLEDGED = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Turns a rule off for `scope` and everything below it. The rule ID and the reason are recorded in the
 * construct's metadata (as cdk-nag records suppressions), so a review of the cloud assembly sees why.
 */
export function acknowledgeRule(scope: IConstruct, ruleId: string, reason: string): void {
  const rules = ACKNOWLEDGED.get(scope) ?? new Map<string, string>();
  rules.set(ruleId, reason);
  ACKNOWLEDGED.set(scope, rules);
  scope.node.addMetadata(ACKNOWLEDGEMENT_METADATA, { ruleId, reason });
}

/** Whether `ruleId` was acknowledged on `node` or any construct above it. */
export function isAcknowledged(node: IConstruct, ruleId: string): boolean {
  return node.node.scopes.some((scope) => ACKNOWLEDGED.get(scope)?.has(ruleId));
}
