/**
 * A Kinesis stream read directly and through an enhanced fan-out consumer, and a DynamoDB table's stream,
 * each mapped to a function with production-minded settings.
 */
import { Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { S3OnFailureDestination, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { StreamEventSourceMapping, StreamSource } from '../lib';

export class OrdersPipelineStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const key = new kms.Key(this, 'StreamKey', { enableKeyRotation: true });
    const orders = new kinesis.Stream(this, 'Orders', { encryption: kinesis.StreamEncryption.KMS, encryptionKey: key });
    const analytics = new kinesis.StreamConsumer(this, 'AnalyticsConsumer', { stream: orders, streamConsumerName: 'analytics' });
    const customers = new dynamodb.Table(this, 'Customers', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    });

    const failedBatches = new sqs.Queue(this, 'FailedBatches', { enforceSSL: true, encryption: sqs.QueueEncryption.KMS_MANAGED });
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
    });
    const failedBatchArchive = new s3.Bucket(this, 'FailedBatchArchive', {
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'failed-batch-archive/',
    });

    const handler = (name: string) => new lambda.Function(this, name, {
      runtime: lambda.Runtime.NODEJS_24_X,
      memorySize: 256,
      tracing: lambda.Tracing.ACTIVE,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ batchItemFailures: [] });'),
      timeout: Duration.seconds(30),
    });
    const orderProcessor = handler('OrderProcessor');
    const live = new lambda.Alias(this, 'OrderProcessorLive', { aliasName: 'live', version: orderProcessor.currentVersion });

    // Replays the last day of orders once, then keeps up.
    new StreamEventSourceMapping(this, 'OrdersToProcessor', {
      target: live,
      source: StreamSource.kinesis(orders),
      startingPosition: lambda.StartingPosition.AT_TIMESTAMP,
      startingPositionTimestamp: 1767225600, // 2026-01-01T00:00:00Z
      batchSize: 500,
      maxBatchingWindow: Duration.seconds(5),
      parallelizationFactor: 2,
      retryAttempts: 5,
      maxRecordAge: Duration.hours(6),
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(failedBatches),
      filters: [lambda.FilterCriteria.filter({ data: { type: lambda.FilterRule.isEqual('order') } })],
      metricsConfig: { metrics: [lambda.MetricType.EVENT_COUNT] },
    });

    new StreamEventSourceMapping(this, 'AnalyticsFanOut', {
      target: handler('AnalyticsAggregator'),
      source: StreamSource.kinesisConsumer(analytics),
      startingPosition: lambda.StartingPosition.LATEST,
      batchSize: 1000,
      tumblingWindow: Duration.minutes(5),
      retryAttempts: 3,
      onFailure: new S3OnFailureDestination(failedBatchArchive),
    });

    new StreamEventSourceMapping(this, 'CustomerChanges', {
      target: handler('CustomerSync'),
      source: StreamSource.dynamoDb(customers),
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 100,
      retryAttempts: 10,
      maxRecordAge: Duration.days(1),
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(failedBatches),
    });
  }
}
