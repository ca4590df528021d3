import { isObject } from './values';

/**
 * The `Metadata` key of a resource under which rules are acknowledged in a template (as cdk-nag's `cdk_nag` key):
 *
 * ```yaml
 * Metadata:
 *   cdk-stream-event-source-mapping:
 *     acknowledge:
 *       - id: ESM804
 *         reason: records are idempotent and expire after a day
 * ```
 */
export const METADATA_KEY = 'cdk-stream-event-source-mapping';

/** The rules a resource's `Metadata` acknowledges, with the reasons given; problems name entries that cannot be read. */
export interface MetadataAcknowledgements {
  readonly rules: ReadonlyMap<string, string>;
  readonly problems: readonly string[];
}

export function acknowledgedInMetadata(metadata: unknown): MetadataAcknowledgements {
  const rules = new Map<string, string>();
  const problems: string[] = [];
  const entry = isObject(metadata) ? metadata[METADATA_KEY] : undefined;
  if (entry === undefined) {
    return { rules, problems };
  }
  const list = isObject(entry) ? entry.acknowledge : undefined;
  if (!Array.isArray(list)) {
    return { rules, problems: [`Metadata.${METADATA_KEY} must be { acknowledge: [{ id: <rule ID>, reason: <why> }, ...] }`] };
  }
  list.forEach((ack, i) => {
    if (isObject(ack) && typeof ack.id === 'string' && /^ESM\d{3}$/.test(ack.id) && typeof ack.reason === 'string' && ack.reason.trim() !== '') {
      rules.set(ack.id, ack.reason);
    } else {
      problems.push(`Metadata.${METADATA_KEY}.acknowledge[${i}] must be { id: <rule ID such as ESM804>, reason: <why, not empty> }, got ${JSON.stringify(ack)}`);
    }
  });
  return { rules, problems };
}
