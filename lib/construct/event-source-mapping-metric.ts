/**
 * The event source mapping metrics Lambda publishes for Kinesis and DynamoDB streams when the mapping's
 * `metricsConfig` has `EventCount`, in namespace `AWS/Lambda` with dimension `EventSourceMappingUUID`.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html#event-source-mapping-metrics
 */
export enum EventSourceMappingMetric {
  /** Records Lambda read from the stream. */
  POLLED_EVENT_COUNT = 'PolledEventCount',
  /** Records the filter criteria dropped. */
  FILTERED_OUT_EVENT_COUNT = 'FilteredOutEventCount',
  /** Records that invoked the function. */
  INVOKED_EVENT_COUNT = 'InvokedEventCount',
  /** Records whose invocation failed. */
  FAILED_INVOKE_EVENT_COUNT = 'FailedInvokeEventCount',
  /** Records dropped after expiry or retry exhaustion (not those sent to the failure destination). */
  DROPPED_EVENT_COUNT = 'DroppedEventCount',
  /** Records delivered to the on-failure destination. */
  ON_FAILURE_DESTINATION_DELIVERED_EVENT_COUNT = 'OnFailureDestinationDeliveredEventCount',
}
