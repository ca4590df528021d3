import { IConstruct } from 'constructs';
import { isObject } from '../template/values';

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

/** A rule acknowledged on a construct path (`/Stack/Mapping`), as the cloud assembly records it. */
export interface AcknowledgedPath {
  readonly path: string;
  readonly ruleId: string;
}

/** A cloud assembly artifact's construct metadata: construct path (`/Stack/Mapping`) -> entries. */
export type ArtifactMetadata = Record<string, ReadonlyArray<{ readonly type?: string; readonly data?: unknown }>>;

/**
 * A cloud assembly artifact's construct metadata: inline in the manifest (older aws-cdk-lib releases) or in the
 * file its `additionalMetadataFile` names (current ones), which `read` reads; empty where there is none.
 */
export function artifactMetadata(artifact: unknown, read: (file: string) => unknown): ArtifactMetadata {
  if (!isObject(artifact)) {
    return {};
  }
  const metadata = isObject(artifact.metadata) ? artifact.metadata
    : typeof artifact.additionalMetadataFile === 'string' ? read(artifact.additionalMetadataFile) : undefined;
  return isObject(metadata) ? metadata as ArtifactMetadata : {};
}

/** The acknowledgements recorded in an artifact's metadata (by `acknowledgeRule`). */
export function acknowledgementsIn(metadata: ArtifactMetadata): AcknowledgedPath[] {
  return Object.entries(metadata).flatMap(([path, entries]) => (Array.isArray(entries) ? entries : [])
    .filter((entry) => entry?.type === ACKNOWLEDGEMENT_METADATA)
    .map((entry) => ({ path, ruleId: String((entry.data as { ruleId?: unknown } | undefined)?.ruleId) })));
}

/** Whether `ruleId` is acknowledged at a construct path (`Stack/Mapping/Resource`) or above it. */
export function isAcknowledgedAtPath(acknowledged: readonly AcknowledgedPath[], constructPath: string, ruleId: string): boolean {
  const path = `/${constructPath}`;
  return acknowledged.some((ack) => ack.ruleId === ruleId && (path === ack.path || path.startsWith(`${ack.path}/`)));
}
