import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ArnFormat, Duration, Lazy, Names, Resource, Stack, Token } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';
import { EventSourceMappingMetric } from './event-source-mapping-metric';
import { bindFailureDestination } from './failure-destination';
import { GrantResult, GrantStatement, grantToRole, isOtherEnvironment, orderingProblems, roleArnText, unnameableIn, unnamedResource } from './grants';
import { metricForMapping } from './metric-for-mapping';
import { PropInputs } from './prop-inputs';
import { StreamSource } from './stream-source';
import { Finding, PermissionStatement } from '../rules';
import { RuleGroup } from '../rules/rule-group';
import { functionNameParts } from '../template/arns';
import { subNotation } from '../template/display';
import { StreamSourceKind } from '../template/stream-source-kind';
import { partialString, UNKNOWN } from '../template/values';
import { MessageLabels } from '../validation/engine';
import { checkAtSynth } from '../validation/synth-hook';

/** Properties of a `StreamEventSourceMapping`. */
export interface StreamEventSourceMappingProps {
  /**
   * The function, version or alias that Lambda invokes: defined in the app, or imported by name or ARN.
   *
   * A version or alias stays qualified in the template, also when imported by a qualified ARN.
   */
  readonly target: lambda.IFunction;

  /** The stream to read: `StreamSource.kinesis(...)`, `.kinesisConsumer(...)`, `.dynamoDb(...)` or one of the `from*Arn` factories. */
  readonly source: StreamSource;

  /**
   * Where in the stream Lambda starts reading. `AT_TIMESTAMP` is for Kinesis streams and consumers only and
   * needs `startingPositionTimestamp`.
   */
  readonly startingPosition: lambda.StartingPosition;

  /**
   * With `AT_TIMESTAMP`, the time to start reading from, in Unix time seconds (not milliseconds).
   *
   * @default - none; only valid, and then required, with `AT_TIMESTAMP`
   */
  readonly startingPositionTimestamp?: number;

  /**
   * The most records Lambda reads into one batch (1 to 10,000).
   *
   * @default 100 (AWS default for Kinesis and DynamoDB)
   */
  readonly batchSize?: number;

  /**
   * How long Lambda gathers records before invoking the function (whole seconds, 0 to 300).
   *
   * @default Duration.seconds(0) (AWS default: no batching window)
   */
  readonly maxBatchingWindow?: Duration;

  /**
   * How many batches of each shard Lambda processes at once (1 to 10).
   *
   * @default 1 (AWS default)
   */
  readonly parallelizationFactor?: number;

  /**
   * The oldest record Lambda sends to the function (60 seconds to 7 days, whole seconds); older records are
   * discarded (and sent to `onFailure`).
   *
   * @default - unlimited (AWS default -1): records are retried until they expire from the stream
   */
  readonly maxRecordAge?: Duration;

  /**
   * How often Lambda retries a failing batch (-1 for unlimited, or 0 to 10,000).
   *
   * @default - unlimited (AWS default -1)
   */
  readonly retryAttempts?: number;

  /**
   * Split a failing batch in two and retry each half, to isolate a bad record.
   *
   * @default false (AWS default)
   */
  readonly bisectBatchOnError?: boolean;

  /**
   * Let the function report the records of a batch that failed (`ReportBatchItemFailures`), so that only
   * those are retried.
   *
   * @default false (AWS default)
   */
  readonly reportBatchItemFailures?: boolean;

  /**
   * The tumbling window for aggregating records across invocations (whole seconds, 0 to 900).
   *
   * @default - no tumbling window (AWS default 0)
   */
  readonly tumblingWindow?: Duration;

  /**
   * Where Lambda sends the record of a batch it discarded: an SQS queue, SNS topic or S3 bucket
   * (`SqsDlq`, `SnsDlq`, `S3OnFailureDestination` from `aws-cdk-lib/aws-lambda-event-sources`).
   *
   * @default - discarded batches are not recorded
   */
  readonly onFailure?: lambda.IEventSourceDlq;

  /**
   * Filters the records Lambda sends to the function: each entry is the output of
   * `lambda.FilterCriteria.filter(...)`.
   *
   * @default - no filtering; every record is sent
   */
  readonly filters?: Array<{ [key: string]: any }>;

  /**
   * A customer managed key that encrypts the filter criteria.
   *
   * @default - filter criteria are encrypted with an AWS owned key
   */
  readonly filterEncryption?: kms.IKey;

  /**
   * Event source mapping metrics (`EventCount`) that Lambda publishes to CloudWatch.
   *
   * @default - no event source mapping metrics
   */
  readonly metricsConfig?: lambda.MetricsConfig;

  /**
   * Whether the mapping polls the stream once created.
   *
   * @default true (AWS default)
   */
  readonly enabled?: boolean;

  /**
   * The rule groups whose findings synth reports for this mapping (ESM000, a rule that could not be evaluated,
   * is always reported). Leave `OPERATIONS` out to silence the operational advice (ESM804, ESM805).
   *
   * @default - every group
   */
  readonly ruleGroups?: RuleGroup[];
}

/**
 * A Lambda event source mapping for a Kinesis data stream, a Kinesis enhanced fan-out consumer or a
 * DynamoDB stream, checked when the app is synthesized and granted least-privilege read on its source.
 *
 * @resource AWS::Lambda::EventSourceMapping
 */
export class StreamEventSourceMapping extends Resource implements lambda.IEventSourceMapping {
  /** Imports a mapping by its ID (the UUID Lambda assigns). */
  public static fromEventSourceMappingId(scope: Construct, id: string, eventSourceMappingId: string): lambda.IEventSourceMapping {
    return lambda.EventSourceMapping.fromEventSourceMappingId(scope, id, eventSourceMappingId);
  }

  /**
   * The construct ID of the mapping that `fn.addEventSource(new KinesisEventSource(stream, ...))` creates in `fn`.
   *
   * A `StreamEventSourceMapping` created in the same scope (the function, version or alias the event source was
   * added to) with this ID has the logical ID of the deployed mapping, so CloudFormation updates that mapping in
   * place instead of replacing it. Set `batchSize: 100` unless the event source set one: `KinesisEventSource`
   * writes 100 by default. See "Adopting an existing mapping" in the README.
   *
   * @param stream the stream given to `KinesisEventSource`
   */
  public static idOfKinesisEventSource(stream: kinesis.IStream): string {
    return `KinesisEventSource:${Names.nodeUniqueId(stream.node)}`;
  }

  /**
   * The construct ID of the mapping that `fn.addEventSource(new KinesisConsumerEventSource(consumer, ...))` creates
   * in `fn`; see `idOfKinesisEventSource`.
   *
   * @param consumer the stream consumer given to `KinesisConsumerEventSource`
   */
  public static idOfKinesisConsumerEventSource(consumer: kinesis.IStreamConsumer): string {
    return `KinesisConsumerEventSource:${Names.nodeUniqueId(consumer.node)}`;
  }

  /**
   * The construct ID of the mapping that `fn.addEventSource(new DynamoEventSource(table, ...))` creates in `fn`;
   * see `idOfKinesisEventSource` (`DynamoEventSource` also writes `batchSize` 100 by default).
   *
   * @param table the table given to `DynamoEventSource`
   */
  public static idOfDynamoEventSource(table: dynamodb.ITable): string {
    return `DynamoDBEventSource:${Names.nodeUniqueId(table.node)}`;
  }


  /** The function, version or alias the mapping invokes. */
  public readonly target: lambda.IFunction;

  /** The stream the mapping reads. */
  public readonly source: StreamSource;

  private readonly resource: lambda.CfnEventSourceMapping;

  constructor(scope: Construct, id: string, props: StreamEventSourceMappingProps) {
    super(scope, id);
    this.target = props.target;
    this.source = props.source;

    // Props of the wrong type (from JavaScript, or across jsii) are reported at synth, never thrown here.
    const inputs = new PropInputs();
    const target = inputs.has('target', 'FunctionName', props.target, 'functionArn', 'a lambda.IFunction');
    const source = inputs.has('source', 'EventSourceArn', props.source, 'grantRead', 'a StreamSource (StreamSource.kinesis(stream), ...)');
    const onFailure = inputs.has('onFailure', 'DestinationConfig', props.onFailure, 'bind', 'a lambda.IEventSourceDlq (SqsDlq, SnsDlq, S3OnFailureDestination)');
    const filterEncryption = inputs.has('filterEncryption', 'KmsKeyArn', props.filterEncryption, 'keyArn', 'a kms.IKey');
    const failure = onFailure && target ? bindFailureDestination(onFailure, this, target) : undefined;
    const sourceUnnamed = source ? this.unnamedSource(source) : undefined;
    const destinationUnnamed = failure ? unnameableIn(Stack.of(this), failure.arn) : undefined;

    // Values go to the L1 as given (wrong types included): the checks report them at synth, before
    // aws-cdk-lib's renderer would throw on them.
    this.resource = new lambda.CfnEventSourceMapping(this, 'Resource', inputs.l1Props(props, {
      // Without a target (a JavaScript caller), an empty Lazy passes the L1's required-property check at
      // construction, so that ESM401 reports it at synth.
      FunctionName: functionNameOf(target, Stack.of(this)) ?? Lazy.string({ produce: () => undefined }),
      // A value this stack cannot name stays out (ESM905 reports it): aws-cdk-lib would throw on it before the checks run.
      EventSourceArn: sourceUnnamed ? undefined : source?.eventSourceArn,
      DestinationConfig: failure && !destinationUnnamed ? { onFailure: { destination: failure.arn } } : undefined,
      KmsKeyArn: filterEncryption?.keyArn,
    }) as unknown as lambda.CfnEventSourceMappingProps);

    // Lambda decrypts the filter criteria with the customer managed key; the key policy must let it.
    // https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html#filter-criteria-encryption
    filterEncryption?.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('lambda.amazonaws.com')],
      actions: ['kms:Decrypt'],
      resources: ['*'],
    }));

    const sourceStatements = source && !sourceUnnamed ? source._statements() : [];
    const granted = target && source ? this.grantPermissions(target, [...sourceStatements, ...(failure?.statements ?? [])]) : undefined;
    const unnamed = [
      ...(sourceUnnamed ? [sourceUnnamed] : []),
      ...(destinationUnnamed ? [unnamedResource('DestinationConfig.OnFailure.Destination', destinationUnnamed)] : []),
      ...(granted?.result?.crossEnvironmentNames ?? []),
    ];
    checkAtSynth(this.resource, {
      reportOn: this,
      labels: MessageLabels.CONSTRUCT_PROPS,
      groups: props.ruleGroups,
      context: () => ({
        kind: source?.kind,
        tableWithoutStream: source?._tableWithoutStream,
        inputProblems: inputs.problems,
        ...this.grantFacts(target?.role, granted),
        crossEnvironmentNames: unique(unnamed),
      }),
    });
  }

  /**
   * The ID (UUID) Lambda assigns to the mapping.
   * @attribute
   */
  public get eventSourceMappingId(): string {
    // Computed on use: most mappings are never referenced, and thousands of eager tokens cost synth time.
    return this.resource.ref;
  }

  /**
   * The ARN of the mapping.
   * @attribute
   */
  public get eventSourceMappingArn(): string {
    return Stack.of(this).formatArn({
      service: 'lambda',
      resource: 'event-source-mapping',
      resourceName: this.eventSourceMappingId,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }

  /** A reference to this mapping for aws-cdk-lib APIs that take an `IEventSourceMappingRef`. */
  public get eventSourceMappingRef(): lambda.EventSourceMappingReference {
    return { eventSourceMappingId: this.eventSourceMappingId, eventSourceMappingArn: this.eventSourceMappingArn };
  }

  /**
   * The age of the last record of each batch the target receives (`IteratorAge`, milliseconds, Maximum):
   * how far behind the function is. Scoped to the version or alias where the target is one.
   *
   * @default - Maximum over 5 minutes
   */
  public metricIteratorAge(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return metricForMapping(this, 'IteratorAge', props);
  }

  /**
   * An event source mapping metric by name (`PolledEventCount`, ...), dimensioned by this mapping's ID.
   *
   * @default - Sum over 5 minutes
   */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return metricForMapping(this, metricName, props);
  }

  /** Records Lambda read from the stream (`PolledEventCount`, Sum); needs `metricsConfig` EventCount. */
  public metricPolledEventCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return metricForMapping(this, EventSourceMappingMetric.POLLED_EVENT_COUNT, props);
  }

  /** Records the filters dropped (`FilteredOutEventCount`, Sum); needs `metricsConfig` EventCount. */
  public metricFilteredOutEventCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return metricForMapping(this, EventSourceMappingMetric.FILTERED_OUT_EVENT_COUNT, props);
  }

  /** Records that invoked the function (`InvokedEventCount`, Sum); needs `metricsConfig` EventCount. */
  public metricInvokedEventCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return metricForMapping(this, EventSourceMappingMetric.INVOKED_EVENT_COUNT, props);
  }

  /** Records whose invocation failed (`FailedInvokeEventCount`, Sum); needs `metricsConfig` EventCount. */
  public metricFailedInvokeEventCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return metricForMapping(this, EventSourceMappingMetric.FAILED_INVOKE_EVENT_COUNT, props);
  }

  /** Records dropped after expiry or retry exhaustion (`DroppedEventCount`, Sum); needs `metricsConfig` EventCount. */
  public metricDroppedEventCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return metricForMapping(this, EventSourceMappingMetric.DROPPED_EVENT_COUNT, props);
  }

  /** Records delivered to the failure destination (`OnFailureDestinationDeliveredEventCount`, Sum); needs `metricsConfig` EventCount. */
  public metricOnFailureDestinationDeliveredEventCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return metricForMapping(this, EventSourceMappingMetric.ON_FAILURE_DESTINATION_DELIVERED_EVENT_COUNT, props);
  }

  /** @internal the metrics configuration, for the metric methods */
  public get _metricsConfig(): lambda.MetricsConfig | undefined {
    return this.resource.metricsConfig as lambda.MetricsConfig | undefined;
  }

  /**
   * Grants the source's read permissions and the failure destination's delivery permissions to the target's role,
   * and across accounts on the resources' own policies; the mapping waits for those of its own stack. A target
   * without a role gets nothing: its statements are returned to be granted by hand.
   */
  private grantPermissions(target: lambda.IFunction, statements: GrantStatement[]): { manual?: PermissionStatement[]; result?: GrantResult } {
    if (!target.role) {
      return { manual: statements.map(({ actions, resources }) => ({ actions, resources })) };
    }
    return { result: grantToRole(this, this.resource, target.role, statements) };
  }

  /** What granting left to the rules, rendered at synth so that statements name resources as the template does. */
  private grantFacts(role: iam.IRole | undefined, granted: { manual?: PermissionStatement[]; result?: GrantResult } | undefined) {
    const render = (statements: readonly PermissionStatement[]) => statements.map(({ actions, resources }) => ({
      actions,
      // Rendered at synth, so that the statements name resources as the template does; only tokens need resolving.
      resources: resources.map((resource) => Token.isUnresolved(resource) ? subNotation(Stack.of(this).resolve(resource)) : resource),
    }));
    if (!granted) {
      return {};
    }
    if (granted.manual || !role || !granted.result) {
      return { manualGrants: granted.manual ? render(granted.manual) : undefined };
    }
    const { result } = granted;
    const principal = roleArnText(this, role);
    return {
      manualGrants: result.immutableRole ? render(result.manualGrants) : undefined,
      immutableRole: result.immutableRole ? principal : undefined,
      ownerStatements: result.ownerStatements.map((statement) => ({
        ...statement,
        resources: render([statement])[0].resources,
        principal,
      })),
      crossAccountOrdering: orderingProblems(this, role, result.addedPolicies),
    };
  }

  /**
   * The source's ARN where this stack cannot name it: a consumer's or DynamoDB stream's ARN from a stack of another
   * environment (it holds a creation time or stream label known only once that stack is deployed), or a resource
   * of another environment without a physical name.
   */
  private unnamedSource(source: StreamSource): Finding | undefined {
    const arn = source.eventSourceArn;
    const owner = source._arnKnownOnlyIn;
    if (arn === undefined) {
      return undefined;
    }
    if (owner && Token.isUnresolved(arn) && isOtherEnvironment(Stack.of(owner), Stack.of(this))) {
      const factory = source.kind === StreamSourceKind.KINESIS_CONSUMER ? 'StreamSource.fromKinesisConsumerArn' : 'StreamSource.fromDynamoDbStreamArn';
      return {
        path: 'EventSourceArn',
        problem: `is the ARN of ${owner.node.path}, in a stack of another environment: it holds a creation time or stream label that is known only once that stack is deployed, and no template can import it across accounts`,
        got: owner.node.path,
        fix: `deploy ${Stack.of(owner).node.path} first, then give the ARN it outputs with ${factory}(arn)`,
      };
    }
    const error = unnameableIn(Stack.of(this), arn);
    return error ? unnamedResource('EventSourceArn', error) : undefined;
  }
}

/** Findings without repeats (the same resource may be named by several statements). */
function unique(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.path}|${f.problem}|${String(f.got)}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * What the mapping writes to FunctionName: a function imported by a literal ARN keeps that ARN (so a
 * qualified ARN stays qualified); everything else gives its name, which for versions and aliases is
 * `name:qualifier`. A function imported by a qualified name (`fromFunctionName(scope, id, 'orders:live')`)
 * has an ARN built from pseudo parameters, whose name aws-cdk-lib reads as its seventh part, dropping the
 * qualifier: that ARN is written instead, so the qualifier is kept and checked.
 */
function functionNameOf(target: lambda.IFunction | undefined, stack: Stack): string | undefined {
  if (!target) {
    return undefined;
  }
  if (!Token.isUnresolved(target.functionArn)) {
    return target.functionArn;
  }
  const arn = partialString(stack.resolve(target.functionArn));
  const qualified = arn !== undefined && arn !== UNKNOWN && functionNameParts(arn.text)?.qualifier !== undefined;
  return qualified ? target.functionArn : target.functionName;
}
