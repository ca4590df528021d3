/** How `StreamEventSourceMapping` turns a prop into its CloudFormation value. */
export enum PropConversion {
  /** The value as given. */
  AS_IS = 'as-is',
  /** A `Duration`, as (possibly fractional) seconds. */
  SECONDS = 'seconds',
  /** A boolean that, when true, writes a one-value list (`reportBatchItemFailures` -> `["ReportBatchItemFailures"]`). */
  FLAG = 'flag',
  /** A list, wrapped in the object CloudFormation nests it in (`filters` -> `{ Filters: [...] }`). */
  NESTED_LIST = 'nested-list',
  /** Computed by the construct from an object the prop names (the function, the source, the destination, the key). */
  FROM_CONSTRUCT = 'from-construct',
  /** Not a prop: written by `Tags.of(mapping)`. */
  TAGS = 'tags',
}

/** A CloudFormation property of a stream mapping, and the `StreamEventSourceMapping` prop that writes it. */
export interface StreamProperty {
  /** The prop of `StreamEventSourceMappingProps` that writes it, as messages name it (`batchSize (BatchSize)`). */
  readonly prop: string;
  /** JSON type CloudFormation expects (ESM001). */
  readonly type: 'string' | 'number' | 'boolean' | 'array' | 'object';
  readonly conversion: PropConversion;
  /** For FLAG: the value the list holds; for NESTED_LIST: the key of the list. */
  readonly value?: string;
}

/**
 * The one table pairing each construct prop with its CloudFormation property, JSON type and conversion: the
 * construct builds its L1 from it, and the rules and messages read it.
 */
export const STREAM_PROPERTIES: Readonly<Record<string, StreamProperty>> = {
  FunctionName: { prop: 'target', type: 'string', conversion: PropConversion.FROM_CONSTRUCT },
  EventSourceArn: { prop: 'source', type: 'string', conversion: PropConversion.FROM_CONSTRUCT },
  StartingPosition: { prop: 'startingPosition', type: 'string', conversion: PropConversion.AS_IS },
  StartingPositionTimestamp: { prop: 'startingPositionTimestamp', type: 'number', conversion: PropConversion.AS_IS },
  BatchSize: { prop: 'batchSize', type: 'number', conversion: PropConversion.AS_IS },
  MaximumBatchingWindowInSeconds: { prop: 'maxBatchingWindow', type: 'number', conversion: PropConversion.SECONDS },
  ParallelizationFactor: { prop: 'parallelizationFactor', type: 'number', conversion: PropConversion.AS_IS },
  MaximumRecordAgeInSeconds: { prop: 'maxRecordAge', type: 'number', conversion: PropConversion.SECONDS },
  MaximumRetryAttempts: { prop: 'retryAttempts', type: 'number', conversion: PropConversion.AS_IS },
  BisectBatchOnFunctionError: { prop: 'bisectBatchOnError', type: 'boolean', conversion: PropConversion.AS_IS },
  FunctionResponseTypes: { prop: 'reportBatchItemFailures', type: 'array', conversion: PropConversion.FLAG, value: 'ReportBatchItemFailures' },
  TumblingWindowInSeconds: { prop: 'tumblingWindow', type: 'number', conversion: PropConversion.SECONDS },
  DestinationConfig: { prop: 'onFailure', type: 'object', conversion: PropConversion.FROM_CONSTRUCT },
  FilterCriteria: { prop: 'filters', type: 'object', conversion: PropConversion.NESTED_LIST, value: 'filters' },
  KmsKeyArn: { prop: 'filterEncryption', type: 'string', conversion: PropConversion.FROM_CONSTRUCT },
  MetricsConfig: { prop: 'metricsConfig', type: 'object', conversion: PropConversion.AS_IS },
  Enabled: { prop: 'enabled', type: 'boolean', conversion: PropConversion.AS_IS },
  Tags: { prop: 'Tags.of(mapping)', type: 'array', conversion: PropConversion.TAGS },
};

/** The name of a CloudFormation property among the L1's props (`BatchSize` -> `batchSize`). */
export function l1PropName(property: string): string {
  return property.charAt(0).toLowerCase() + property.slice(1);
}

/**
 * Properties of other event source types (SQS, Kafka, MQ, DocumentDB).
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html
 */
export const NON_STREAM_PROPERTIES: readonly string[] = [
  'ScalingConfig',
  'ProvisionedPollerConfig',
  'LoggingConfig',
  'Topics',
  'Queues',
  'SourceAccessConfigurations',
  'SelfManagedEventSource',
  'AmazonManagedKafkaEventSourceConfig',
  'SelfManagedKafkaEventSourceConfig',
  'DocumentDBEventSourceConfig',
];

/** The JSON type of a value, in the words the messages use. */
export function jsonType(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'array' : typeof value;
}
