process.env.CDK_VALIDATION = 'false';

import { App, Aws, CfnCondition, Duration, Fn, Lazy, Stack, Tags, Token } from 'aws-cdk-lib';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { StreamEventSourceMapping, StreamSource } from '../../lib';
import { synthesizedProperties } from '../../lib/template/cfn-resource';

/**
 * The checks read a mapping's properties without rendering the whole resource (for speed): what they read
 * must be exactly what the template gets, for tokens, overrides, deletions, tags, lazies, conditions and
 * empty values, on L1s and on both L2s. (The template is valid: test/cfn-lint lints it.)
 */
test('the properties the checks read are the properties the template gets', () => {
  const app = new App();
  const stack = new Stack(app, 'S', { env: { account: '123456789012', region: 'us-east-1' } });
  const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'i.h', code: lambda.Code.fromInline('x') });
  const stream = new kinesis.Stream(stack, 'Stream');
  const cond = new CfnCondition(stack, 'C', { expression: Fn.conditionEquals('a', 'b') });
  const arn = 'arn:aws:kinesis:us-east-1:123456789012:stream/s';
  const l1 = (id: string, props: Partial<lambda.CfnEventSourceMappingProps>) =>
    new lambda.CfnEventSourceMapping(stack, id, { functionName: 'f', eventSourceArn: arn, startingPosition: 'LATEST', ...props });

  const mappings = [
    l1('Literal', { batchSize: 10, functionResponseTypes: ['ReportBatchItemFailures'] }),
    l1('Tokens', { functionName: fn.functionName, eventSourceArn: stream.streamArn, batchSize: Lazy.number({ produce: () => 7 }) }),
    l1('Conditional', { batchSize: Token.asNumber(Fn.conditionIf(cond.logicalId, 5, Aws.NO_VALUE)) }),
    l1('Empty', { functionResponseTypes: [], destinationConfig: {} }),
    // A number token written into a string has no token marker; an IResolvable is rendered by aws-cdk-lib.
    l1('NumberInString', { functionName: `f-${Lazy.number({ produce: () => 7 })}`, filterCriteria: { filters: [{ pattern: `{"n":[${Lazy.number({ produce: () => 8 })}]}` }] } }),
    l1('Resolvable', { destinationConfig: Lazy.any({ produce: () => ({ onFailure: { destination: 'arn:aws:sqs:us-east-1:123456789012:q' } }) }) }),
  ];
  const overridden = l1('Overrides', { batchSize: 10, maximumRetryAttempts: 3 });
  overridden.addPropertyOverride('BatchSize', 20);
  overridden.addPropertyDeletionOverride('MaximumRetryAttempts');
  overridden.addOverride('Properties.FilterCriteria.Filters', [{ Pattern: '{"a":[1]}' }]);
  const tagged = l1('Tagged', {});
  Tags.of(tagged).add('team', 'orders');
  const ours = new StreamEventSourceMapping(stack, 'Ours', {
    target: fn,
    source: StreamSource.kinesis(stream),
    startingPosition: lambda.StartingPosition.LATEST,
    onFailure: new sources.SqsDlq(new sqs.Queue(stack, 'Q')),
    filters: [lambda.FilterCriteria.filter({ a: lambda.FilterRule.isEqual('b') })],
    metricsConfig: { metrics: [lambda.MetricType.EVENT_COUNT] },
    maxBatchingWindow: Duration.seconds(3),
    retryAttempts: 2,
  });
  const cdkLib = new lambda.EventSourceMapping(stack, 'CdkLib', { target: fn, eventSourceArn: arn, startingPosition: lambda.StartingPosition.LATEST, batchSize: 3 });
  mappings.push(overridden, tagged, ours.node.defaultChild as lambda.CfnEventSourceMapping, cdkLib.node.defaultChild as lambda.CfnEventSourceMapping);

  const template = app.synth().getStackByName('S').template;
  for (const mapping of mappings) {
    const inTemplate = template.Resources[stack.resolve(mapping.logicalId)].Properties ?? {};
    expect({ path: mapping.node.path, ...JSON.parse(JSON.stringify(synthesizedProperties(mapping).properties)) })
      .toEqual({ path: mapping.node.path, ...inTemplate });
  }
  expect(mappings).toHaveLength(10);
});

test('props aws-cdk-lib rejects are read as given, with its message', () => {
  const stack = new Stack(new App(), 'S');
  const mapping = new lambda.CfnEventSourceMapping(stack, 'M', { functionName: 'f', batchSize: 'ten' as any, enabled: 'yes' as any });

  const { properties, rejectedByCdk } = synthesizedProperties(mapping);

  expect(properties).toEqual({ FunctionName: 'f', BatchSize: 'ten', Enabled: 'yes' });
  expect(rejectedByCdk).toContain('batchSize: "ten" should be a number');
});
