/**
 * The CloudFormation properties of a stream mapping: their JSON type and the `StreamEventSourceMapping`
 * prop that sets each, so that messages name both (`batchSize (BatchSize)`).
 */
export interface StreamProperty {
  /** The prop of `StreamEventSourceMappingProps` that writes it. */
  readonly prop: string;
  /** JSON type CloudFormation expects. */
  readonly type: 'string' | 'number' | 'boolean' | 'array' | 'object';
}

export const STREAM_PROPERTIES: Readonly<Record<string, StreamProperty>> = {
  FunctionName: { prop: 'target', type: 'string' },
  EventSourceArn: { prop: 'source', type: 'string' },
  StartingPosition: { prop: 'startingPosition', type: 'string' },
  StartingPositionTimestamp: { prop: 'startingPositionTimestamp', type: 'number' },
  BatchSize: { prop: 'batchSize', type: 'number' },
  MaximumBatchingWindowInSeconds: { prop: 'maxBatchingWindow', type: 'number' },
  ParallelizationFactor: { prop: 'parallelizationFactor', type: 'number' },
  MaximumRecordAgeInSeconds: { prop: 'maxRecordAge', type: 'number' },
  MaximumRetryAttempts: { prop: 'retryAttempts', type: 'number' },
  BisectBatchOnFunctionError: { prop: 'bisectBatchOnError', type: 'boolean' },
  FunctionResponseTypes: { prop: 'reportBatchItemFailures', type: 'array' },
  TumblingWindowInSeconds: { prop: 'tumblingWindow', type: 'number' },
  DestinationConfig: { prop: 'onFailure', type: 'object' },
  FilterCriteria: { prop: 'filters', type: 'object' },
  KmsKeyArn: { prop: 'filterEncryption', type: 'string' },
  MetricsConfig: { prop: 'metricsConfig', type: 'object' },
  Enabled: { prop: 'enabled', type: 'boolean' },
  Tags: { prop: 'Tags.of(mapping)', type: 'array' },
};

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
