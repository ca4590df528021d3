'use strict';
// Checks that the prototype's synthesizedProperties() (bench/proto/make-proto.js, patches render + fast)
// gives the rules exactly what lib/'s gives, on mappings with tokens, overrides, deletions, tags, lazies,
// conditions, empty values and wrong types (keys whose value is undefined count as absent, as for the rules). Run after make-proto: node bench/proto/equivalence.js
process.env.CDK_VALIDATION = 'false';
const assert = require('assert');
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const kinesis = require('aws-cdk-lib/aws-kinesis');
const sqs = require('aws-cdk-lib/aws-sqs');
const sources = require('aws-cdk-lib/aws-lambda-event-sources');

const ROOT = path.resolve(__dirname, '..', '..');
const before = require(path.join(ROOT, 'lib', 'checks', 'mapping-checks.js'));
const after = require(path.join(ROOT, '.bench', 'proto-lib', 'checks', 'mapping-checks.js'));
const lib = require(path.join(ROOT, 'lib'));

const app = new cdk.App();
const stack = new cdk.Stack(app, 'S', { env: { account: '123456789012', region: 'us-east-1' } });
const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'i.h', code: lambda.Code.fromInline('x') });
const stream = new kinesis.Stream(stack, 'Stream');
const cond = new cdk.CfnCondition(stack, 'C', { expression: cdk.Fn.conditionEquals('a', 'b') });
const arn = 'arn:aws:kinesis:us-east-1:123456789012:stream/s';
const l1 = (id, props) => new lambda.CfnEventSourceMapping(stack, id, { functionName: 'f', eventSourceArn: arn, startingPosition: 'LATEST', ...props });

const cases = [];
cases.push(l1('Literal', { batchSize: 10, functionResponseTypes: ['ReportBatchItemFailures'] }));
cases.push(l1('Tokens', { functionName: fn.functionName, eventSourceArn: stream.streamArn, batchSize: cdk.Lazy.number({ produce: () => 7 }) }));
const over = l1('Overrides', { batchSize: 10 });
over.addPropertyOverride('BatchSize', 20);
over.addPropertyDeletionOverride('StartingPosition');
over.addOverride('Properties.FilterCriteria.Filters', [{ Pattern: '{"a":[1]}' }]);
cases.push(over);
const tagged = l1('Tagged', {});
cdk.Tags.of(tagged).add('team', 'x');
cases.push(tagged);
cases.push(l1('Conditional', { batchSize: cdk.Token.asNumber(cdk.Fn.conditionIf(cond.logicalId, 5, cdk.Aws.NO_VALUE)), tumblingWindowInSeconds: undefined }));
cases.push(l1('Empty', { functionResponseTypes: [], filterCriteria: { filters: [] }, destinationConfig: {} }));
cases.push(l1('WrongType', { batchSize: 'ten', enabled: 'yes' }));
const dep = l1('DependsOn', {});
dep.node.addDependency(fn);
cases.push(dep);
const ours = new lib.StreamEventSourceMapping(stack, 'Ours', {
  target: fn, source: lib.StreamSource.kinesis(stream), startingPosition: lambda.StartingPosition.LATEST,
  onFailure: new sources.SqsDlq(new sqs.Queue(stack, 'Q')), filters: [lambda.FilterCriteria.filter({ a: lambda.FilterRule.isEqual('b') })],
  metricsConfig: { metrics: [lambda.MetricType.EVENT_COUNT] }, maxBatchingWindow: cdk.Duration.seconds(3),
});
cases.push(ours.node.defaultChild);
const esm = new lambda.EventSourceMapping(stack, 'Cdklib', { target: fn, eventSourceArn: arn, startingPosition: lambda.StartingPosition.LATEST, batchSize: 3 });
cases.push(esm.node.defaultChild);

/** Keys whose value is undefined are absent to every rule (valueAt reads them as absent): drop them. */
function defined(value) {
  if (Array.isArray(value)) return value.map(defined);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, defined(v)]));
}

let compared = 0;
stack.node.addValidation({
  validate: () => {
    for (const mapping of cases) {
      const [a, b] = [defined(before.synthesizedProperties(mapping)), defined(after.synthesizedProperties(mapping))];
      assert.ok(a.properties && b.properties, 'synthesizedProperties returns { properties, rejectedByCdk }');
      assert.deepStrictEqual(b, a, `${mapping.node.path}: prototype differs`);
      compared++;
    }
    return [];
  },
});
try {
  app.synth();
} catch (e) {
  // The WrongType case fails aws-cdk-lib's own renderer when the template is written, after validation.
  if (!/batchSize: "ten" should be a number/.test(e.message)) throw e;
}
assert.strictEqual(compared, cases.length);
console.log(`equivalent on ${compared} mappings: ${cases.map((m) => m.node.path).join(', ')}`);
