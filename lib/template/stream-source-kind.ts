/** The kinds of stream a `StreamEventSourceMapping` can read. */
export enum StreamSourceKind {
  /** A Kinesis data stream read with shared-throughput iterators. */
  KINESIS_STREAM = 'KINESIS_STREAM',
  /** A Kinesis data stream read through an enhanced fan-out consumer. */
  KINESIS_CONSUMER = 'KINESIS_CONSUMER',
  /** A DynamoDB stream. */
  DYNAMODB_STREAM = 'DYNAMODB_STREAM',
}
