/**
 * What a README example's `declare const name: Type;` becomes when test/readme/readme-examples.test.ts runs it:
 * TypeScript source, evaluated inside the rosetta fixture's stack constructor (`this` is the stack), that builds a
 * real value of that type. An example that declares a type missing here fails the test; add the type here.
 *
 * Each value is plain and valid (no warning of its own), so that what an example's expectations name comes from
 * the example.
 */
export const DECLARED_VALUES: Record<string, (id: string) => string> = {
  'App': () => '(this.node.root as App)',
  'Stack': () => 'this',
  'kinesis.Stream': (id) => `new kinesis.Stream(this, '${id}')`,
  'kinesis.StreamConsumer': (id) => `new kinesis.StreamConsumer(this, '${id}', { stream: new kinesis.Stream(this, '${id}Stream'), streamConsumerName: '${id.toLowerCase()}' })`,
  'dynamodb.Table': (id) => `new dynamodb.Table(this, '${id}', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES })`,
  'sqs.Queue': (id) => `new sqs.Queue(this, '${id}')`,
  'lambda.Function': (id) => `new lambda.Function(this, '${id}', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {};') })`,
  'StreamEventSourceMapping': (id) => `new StreamEventSourceMapping(this, '${id}', {
    target: ${DECLARED_VALUES_FN('lambda.Function', `${id}Target`)},
    source: StreamSource.kinesis(new kinesis.Stream(this, '${id}Source')),
    startingPosition: lambda.StartingPosition.LATEST,
    retryAttempts: 3,
  })`,
};

function DECLARED_VALUES_FN(type: string, id: string): string {
  return DECLARED_VALUES[type]!(id);
}
