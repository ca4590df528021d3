import { readSource, ResourceTypeOf, SourceReading } from './source-kind';
import { StreamSourceKind } from './stream-source-kind';
import { isObject } from './values';

export const MAPPING_TYPE = 'AWS::Lambda::EventSourceMapping';
export const SAM_FUNCTION_TYPE = 'AWS::Serverless::Function';

/** SAM event types that become a stream mapping, with the kind a `Stream` of unknown value reads. */
const SAM_STREAM_EVENTS: Record<string, StreamSourceKind> = {
  Kinesis: StreamSourceKind.KINESIS_STREAM,
  DynamoDB: StreamSourceKind.DYNAMODB_STREAM,
};
/** SAM event types that become a mapping of another kind (skipped, but counted). */
const SAM_OTHER_MAPPING_EVENTS = new Set(['SQS', 'MSK', 'MQ', 'SelfManagedKafka', 'DocumentDB']);

/** One stream mapping a template defines, as the rules judge it. */
export interface TemplateMapping {
  /** Logical ID of the resource that defines it: the mapping, or the SAM function whose event it is. */
  readonly logicalId: string;
  /** The SAM event it is made from (`Events.<name>`), where it is one. */
  readonly samEvent?: string;
  /** `Properties` of the `AWS::Lambda::EventSourceMapping` (for a SAM event: the mapping SAM makes of it). */
  readonly properties: Record<string, unknown>;
  readonly source: SourceReading;
}

/** The stream mappings of a template's `Resources`, and how many other mappings (SQS, Kafka, unknown sources) were skipped. */
export interface TemplateMappings {
  readonly mappings: TemplateMapping[];
  readonly skipped: number;
}

/** A template's `Resources` as a lookup of resource types. */
export function resourceTypes(resources: Record<string, unknown>): ResourceTypeOf {
  return (logicalId) => {
    const resource = Object.prototype.hasOwnProperty.call(resources, logicalId) ? resources[logicalId] : undefined;
    const type = isObject(resource) ? resource.Type : undefined;
    return typeof type === 'string' ? type : undefined;
  };
}

/**
 * Every stream mapping of a template: each `AWS::Lambda::EventSourceMapping` whose source is a stream, and each
 * Kinesis or DynamoDB event of an `AWS::Serverless::Function`.
 */
export function templateMappings(resources: Record<string, unknown>): TemplateMappings {
  const typeOf = resourceTypes(resources);
  const mappings: TemplateMapping[] = [];
  let skipped = 0;
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isObject(resource)) {
      continue;
    }
    const properties = isObject(resource.Properties) ? resource.Properties : {};
    if (resource.Type === MAPPING_TYPE) {
      const source = readSource(properties.EventSourceArn, typeOf);
      if (source) {
        mappings.push({ logicalId, properties, source });
      } else {
        skipped++;
      }
    } else if (resource.Type === SAM_FUNCTION_TYPE) {
      const events = samStreamEvents(logicalId, properties, typeOf);
      mappings.push(...events.mappings);
      skipped += events.skipped;
    }
  }
  return { mappings, skipped };
}

/**
 * The Kinesis and DynamoDB events of a SAM function as the mappings SAM makes of them: `Stream` becomes
 * `EventSourceArn`, `DestinationConfig.OnFailure.Type` (which only chooses SAM's IAM policy) is removed, the
 * function (or its alias) is the `FunctionName`, and every other property passes through.
 */
export function samStreamEvents(logicalId: string, properties: Record<string, unknown>, typeOf: ResourceTypeOf): TemplateMappings {
  const mappings: TemplateMapping[] = [];
  let skipped = 0;
  const events = isObject(properties.Events) ? properties.Events : {};
  for (const [samEvent, event] of Object.entries(events)) {
    const type = isObject(event) ? event.Type : undefined;
    if (typeof type !== 'string' || !isObject(event)) {
      continue;
    }
    if (SAM_OTHER_MAPPING_EVENTS.has(type)) {
      skipped++;
    }
    const kind = SAM_STREAM_EVENTS[type];
    if (kind === undefined) {
      continue;
    }
    const { Stream: stream, ...rest } = isObject(event.Properties) ? event.Properties : {};
    const mapping: Record<string, unknown> = {
      FunctionName: properties.AutoPublishAlias !== undefined ? { Ref: `${logicalId}Alias${String(properties.AutoPublishAlias)}` } : { Ref: logicalId },
      ...(stream !== undefined ? { EventSourceArn: stream } : {}),
      ...rest,
    };
    const destination = rest.DestinationConfig;
    if (isObject(destination) && isObject(destination.OnFailure) && 'Type' in destination.OnFailure) {
      const { Type: _type, ...onFailure } = destination.OnFailure;
      mapping.DestinationConfig = { ...destination, OnFailure: onFailure };
    }
    // A Stream of unknown value (a parameter, an import) is still a stream of the event's kind.
    const source = readSource(stream, typeOf) ?? { kind };
    mappings.push({ logicalId, samEvent, properties: mapping, source });
  }
  return { mappings, skipped };
}

/**
 * Where a CloudFormation property of a mapping is written in the template, as keys from the resource:
 * `Properties.BatchSize`, or for a SAM event `Properties.Events.<name>.Properties.BatchSize` (`Stream` for
 * `EventSourceArn`). `FilterCriteria.Filters[2].Pattern` gives `Filters`, 2, `Pattern`.
 */
export function propertyLocation(mapping: Pick<TemplateMapping, 'samEvent'>, path: string): Array<string | number> {
  const keys: Array<string | number> = path.split(/\.|(?=\[)/).map((key) => /^\[\d+\]$/.test(key) ? Number(key.slice(1, -1)) : key);
  if (mapping.samEvent === undefined) {
    return ['Properties', ...keys];
  }
  if (keys[0] === 'EventSourceArn') {
    keys[0] = 'Stream';
  }
  return ['Properties', 'Events', mapping.samEvent, 'Properties', ...keys];
}

/** The cloud assembly files of a template's nested stacks: the `aws:asset:path` of each `AWS::CloudFormation::Stack`. */
export function nestedTemplates(template: unknown): string[] {
  const resources = isObject(template) && isObject(template.Resources) ? template.Resources : {};
  return Object.values(resources).flatMap((resource) => {
    const path = isObject(resource) && resource.Type === 'AWS::CloudFormation::Stack' && isObject(resource.Metadata) ? resource.Metadata['aws:asset:path'] : undefined;
    return typeof path === 'string' && path.endsWith('.json') ? [path] : [];
  });
}
