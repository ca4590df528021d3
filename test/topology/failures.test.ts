/** Each failure issue 9 lists, tried as a new user would: exact messages and statements. */
import { App, PhysicalName, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { StreamEventSourceMapping, StreamSource } from '../../lib';

const ENV_A = { account: '111111111111', region: 'us-east-1' };
const ENV_B = { account: '222222222222', region: 'us-east-1' };

function functionStack(app: App, roleName?: string) {
  const stack = new Stack(app, 'Functions', { env: ENV_A });
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), roleName });
  const fn = new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => {};'),
    role,
  });
  return { stack, role, fn };
}

/** The function orders-handler of 111111111111, imported with its role orders-handler. */
function importedFunction(stack: Stack, roleOptions?: iam.FromRoleArnOptions) {
  return lambda.Function.fromFunctionAttributes(stack, 'Fn', {
    functionArn: 'arn:aws:lambda:us-east-1:111111111111:function:orders-handler',
    role: iam.Role.fromRoleArn(stack, 'Role', 'arn:aws:iam::111111111111:role/orders-handler', roleOptions),
  });
}

/** ESM903 for the stream arn:aws:kinesis:us-east-1:222222222222:stream/orders and the role orders-handler of 111111111111. */
const STREAM_OWNER_STATEMENT = 'ESM903: source (EventSourceArn) is in another account, so its owner must allow the role in the resource policy of the Kinesis stream '
    + 'arn:aws:kinesis:us-east-1:222222222222:stream/orders, got "arn:aws:kinesis:us-east-1:222222222222:stream/orders"; the owner attaches '
    + '{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/orders-handler"},"Action":["kinesis:DescribeStream","kinesis:DescribeStreamSummary",'
    + '"kinesis:GetRecords","kinesis:GetShardIterator","kinesis:ListShards"],"Resource":"arn:aws:kinesis:us-east-1:222222222222:stream/orders"}; '
    + 'acknowledge ESM903 once it is attached [ack: ESM903]';

const warningsOf = (stack: Stack) => Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('^ESM')).map((m) => m.entry.data);

describe('a KMS-encrypted source in another account', () => {
  test('synthesizes: the key policy names the role, the role names the owner\'s keys, the mapping waits only for its own policy', () => {
    const app = new App();
    const { stack, fn } = functionStack(app, 'orders-handler');
    const owner = new Stack(app, 'Owner', { env: ENV_B });
    const key = new kms.Key(owner, 'Key');
    const stream = new kinesis.Stream(owner, 'Orders', { streamName: 'orders', encryption: kinesis.StreamEncryption.KMS, encryptionKey: key });
    new StreamEventSourceMapping(stack, 'Mapping', { target: fn, source: StreamSource.kinesis(stream), startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 3 });

    app.synth(); // used to throw: ${Token[PolicyDocument.47]} does not implement IDependable
    const roleArn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111111111111:role/orders-handler']] };
    const ownerTemplate = Template.fromStack(owner);
    ownerTemplate.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([{ Action: 'kms:Decrypt', Effect: 'Allow', Principal: { AWS: roleArn }, Resource: '*' }]) },
    });
    ownerTemplate.hasResourceProperties('AWS::Kinesis::ResourcePolicy', {
      ResourcePolicy: {
        Statement: [{
          Action: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards'],
          Effect: 'Allow',
          Principal: { AWS: roleArn },
          Resource: { 'Fn::GetAtt': ['OrdersA9B65338', 'Arn'] },
        }],
      },
    });
  });
});

test('an SQS destination of another account gets least-privilege statements naming the role on both sides', () => {
  const app = new App();
  const { stack, fn } = functionStack(app, 'orders-handler');
  const failures = new Stack(app, 'Failures', { env: ENV_B });
  const key = new kms.Key(failures, 'Key');
  const queue = new sqs.Queue(failures, 'Failed', { queueName: 'failed', encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: key });
  new StreamEventSourceMapping(stack, 'Mapping', {
    target: fn,
    source: StreamSource.fromKinesisStreamArn('arn:aws:kinesis:us-east-1:111111111111:stream/orders'),
    startingPosition: lambda.StartingPosition.LATEST,
    onFailure: new sources.SqsDlq(queue),
  });

  const roleArn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111111111111:role/orders-handler']] };
  Template.fromStack(failures).hasResourceProperties('AWS::SQS::QueuePolicy', {
    PolicyDocument: { Statement: [{ Action: 'sqs:SendMessage', Effect: 'Allow', Principal: { AWS: roleArn }, Resource: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } }] },
  });
  Template.fromStack(failures).hasResourceProperties('AWS::KMS::Key', {
    KeyPolicy: { Statement: Match.arrayWith([{ Action: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey', 'kms:ReEncrypt*'], Effect: 'Allow', Principal: { AWS: roleArn }, Resource: '*' }]) },
  });
  const keys = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':kms:us-east-1:222222222222:key/*']] };
  Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: {
      Statement: Match.arrayWith([
        { Action: 'sqs:SendMessage', Effect: 'Allow', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sqs:us-east-1:222222222222:failed']] } },
        { Action: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey', 'kms:ReEncrypt*'], Effect: 'Allow', Resource: keys },
      ]),
    },
  });
});

test('a stream by ARN in another account warns ESM903 with the statement its owner attaches', () => {
  const app = new App();
  const stack = new Stack(app, 'Functions', { env: ENV_A });
  const fn = importedFunction(stack);
  new StreamEventSourceMapping(stack, 'Mapping', {
    target: fn,
    source: StreamSource.fromKinesisStreamArn('arn:aws:kinesis:us-east-1:222222222222:stream/orders'),
    startingPosition: lambda.StartingPosition.LATEST,
    retryAttempts: 3,
  });

  expect(warningsOf(stack)).toEqual([
    STREAM_OWNER_STATEMENT,
  ]);
});

test('an environment-agnostic stack gets no ESM903 for a stream ARN of any account', () => {
  const app = new App();
  const stack = new Stack(app, 'Functions');
  const fn = importedFunction(stack);
  new StreamEventSourceMapping(stack, 'Mapping', {
    target: fn,
    source: StreamSource.fromKinesisStreamArn('arn:aws:kinesis:us-east-1:222222222222:stream/orders'),
    startingPosition: lambda.StartingPosition.LATEST,
    retryAttempts: 3,
  });
  expect(warningsOf(stack)).toEqual([]);
});

test('an immutable role warns ESM902 with the statements to grant by hand', () => {
  const app = new App();
  const stack = new Stack(app, 'Functions', { env: ENV_A });
  const fn = importedFunction(stack, { mutable: false });
  new StreamEventSourceMapping(stack, 'Mapping', {
    target: fn,
    source: StreamSource.fromDynamoDbStreamArn('arn:aws:dynamodb:us-east-1:111111111111:table/orders/stream/2026-01-01T00:00:00.000'),
    startingPosition: lambda.StartingPosition.LATEST,
    retryAttempts: 3,
  });
  expect(warningsOf(stack)).toEqual([
    'ESM902: target (FunctionName) has the immutable role arn:aws:iam::111111111111:role/orders-handler, so the mapping\'s permissions were not granted, got '
    + '"dynamodb:DescribeStream,dynamodb:GetRecords,dynamodb:GetShardIterator on arn:aws:dynamodb:us-east-1:111111111111:table/orders/stream/2026-01-01T00:00:00.000; '
    + 'dynamodb:ListStreams on *"; grant these to that role by hand, or import it with Role.fromRoleArn(scope, id, arn, { mutable: true }) in its own account [ack: ESM902]',
  ]);
  Template.fromStack(stack).resourceCountIs('AWS::IAM::Policy', 0);
});

test('a role without a physical name named by another account\'s policy fails synth with ESM905 naming the mapping and the fix', () => {
  const app = new App();
  const { stack, fn } = functionStack(app);
  const owner = new Stack(app, 'Owner', { env: ENV_B });
  const stream = new kinesis.Stream(owner, 'Orders', { streamName: 'orders' });
  new StreamEventSourceMapping(stack, 'Mapping', { target: fn, source: StreamSource.kinesis(stream), startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 3 });

  expect(() => app.synth()).toThrow('[Functions/Mapping] ESM905: target (FunctionName) has the role Functions/Role, which the resource policy of the Kinesis stream Owner/Orders '
    + 'in stack Owner (another environment) must name, but the role has no physical name (Resolution error: Cannot use resource \'Functions/Role\' in a cross-environment fashion, '
    + 'the resource\'s physical name must be explicit set or use `PhysicalName.GENERATE_IF_NEEDED`.), got "Functions/Role"; '
    + 'create the role with roleName: PhysicalName.GENERATE_IF_NEEDED (or a name) and pass it to the function as role');
});

test('a DynamoDB table of another account\'s stack fails synth with ESM905: its stream ARN exists only once deployed', () => {
  const app = new App();
  const { stack, fn } = functionStack(app, PhysicalName.GENERATE_IF_NEEDED);
  const owner = new Stack(app, 'Owner', { env: ENV_B });
  const table = new dynamodb.Table(owner, 'Orders', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, stream: dynamodb.StreamViewType.NEW_IMAGE });
  new StreamEventSourceMapping(stack, 'Mapping', { target: fn, source: StreamSource.dynamoDb(table), startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 3 });

  expect(() => app.synth()).toThrow('[Functions/Mapping] ESM905: source (EventSourceArn) is the ARN of Owner/Orders, in a stack of another environment: it holds a creation time or stream label '
    + 'that is known only once that stack is deployed, and no template can import it across accounts, got "Owner/Orders"; deploy Owner first, then give the ARN it outputs with StreamSource.fromDynamoDbStreamArn(arn)');
});

test('a filter that is a pattern object, not FilterCriteria.filter output, fails synth with ESM005 and never reaches the template', () => {
  const app = new App();
  const { stack, fn } = functionStack(app);
  new StreamEventSourceMapping(stack, 'Mapping', {
    target: fn,
    source: StreamSource.fromKinesisStreamArn('arn:aws:kinesis:us-east-1:111111111111:stream/orders'),
    startingPosition: lambda.StartingPosition.LATEST,
    retryAttempts: 3,
    filters: [lambda.FilterCriteria.filter({ data: { status: lambda.FilterRule.isEqual('NEW') } }), { data: { status: ['PAID'] } }],
  });

  expect(() => app.synth()).toThrow('[Functions/Mapping] ESM005: filters (FilterCriteria.Filters[1]) is not a filter built by lambda.FilterCriteria.filter(...) (an object with only pattern), '
    + 'got {"data":{"status":["PAID"]}}; build filters[1] with lambda.FilterCriteria.filter({...}), which turns the pattern into { pattern: \'<JSON>\' }');
});

test('README "Across accounts": the function\'s stack, the owner\'s stack and a mapping stack deploy in order without ESM904', () => {
  const app = new App();
  // The function and its role, in the consuming account; the role has a name the owner's policies can use.
  const functions = new Stack(app, 'Functions', { env: { account: '111111111111', region: 'us-east-1' } });
  const role = new iam.Role(functions, 'Role', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    roleName: PhysicalName.GENERATE_IF_NEEDED,
  });
  const handler = new lambda.Function(functions, 'Handler', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => {};'),
    role,
  });

  // The stream and its key, in the owning account.
  const owner = new Stack(app, 'Owner', { env: { account: '222222222222', region: 'us-east-1' } });
  const orders = new kinesis.Stream(owner, 'Orders', {
    streamName: 'orders',
    encryption: kinesis.StreamEncryption.KMS,
    encryptionKey: new kms.Key(owner, 'OrdersKey'),
  });

  // The mapping, in the consuming account, after the owner's resource policies.
  const mappings = new Stack(app, 'Mappings', { env: { account: '111111111111', region: 'us-east-1' } });
  new StreamEventSourceMapping(mappings, 'Orders', {
    target: handler,
    source: StreamSource.kinesis(orders),
    startingPosition: lambda.StartingPosition.LATEST,
    retryAttempts: 3,
  });
  owner.addStackDependency(functions);
  mappings.addStackDependency(owner);

  app.synth();
  expect(warningsOf(mappings)).toEqual([]);
  Template.fromStack(owner).resourceCountIs('AWS::Kinesis::ResourcePolicy', 1);
});

test('a KMS-encrypted stream by ARN in another account lists the stream and key statements, the role by its named ARN', () => {
  const app = new App();
  const { stack, fn } = functionStack(app, 'orders-handler');
  const key = kms.Key.fromKeyArn(stack, 'OrdersKey', 'arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab');
  new StreamEventSourceMapping(stack, 'Mapping', {
    target: fn,
    source: StreamSource.fromKinesisStreamArn('arn:aws:kinesis:us-east-1:222222222222:stream/orders', key),
    startingPosition: lambda.StartingPosition.LATEST,
    retryAttempts: 3,
  });

  expect(warningsOf(stack)).toEqual([
    STREAM_OWNER_STATEMENT,
    'ESM903: source (EventSourceArn) is in another account, so its owner must allow the role in the resource policy of the KMS key '
    + 'arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab, got "*"; the owner attaches '
    + '{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/orders-handler"},"Action":"kms:Decrypt","Resource":"*"}; '
    + 'acknowledge ESM903 once it is attached [ack: ESM903]',
  ]);
  Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: {
      Statement: Match.arrayWith([
        { Action: 'kms:Decrypt', Effect: 'Allow', Resource: 'arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
      ]),
    },
  });
});

test('a stream of another account\'s stack read from the role\'s own stack warns ESM904 with the deploy order', () => {
  const app = new App();
  const { stack, fn } = functionStack(app, 'orders-handler');
  const owner = new Stack(app, 'Owner', { env: ENV_B });
  const stream = new kinesis.Stream(owner, 'Orders', { streamName: 'orders' });
  new StreamEventSourceMapping(stack, 'Mapping', { target: fn, source: StreamSource.kinesis(stream), startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 3 });

  expect(warningsOf(stack)).toEqual([
    'ESM904: source (EventSourceArn) needs the resource policy of the Kinesis stream Owner/Orders in stack Owner (another account), which names the role of stack Functions, '
    + 'so the stacks must deploy in an order no template can express, got "Owner"; deploy Functions first (the policy\'s principal must exist), then Owner, '
    + 'then the mapping\'s stack Functions (put the mapping in a stack of its own if it is Functions), with Owner.addStackDependency(Functions) and '
    + 'Functions.addStackDependency(Owner); acknowledge ESM904 once the order is kept [ack: ESM904]',
  ]);
});
