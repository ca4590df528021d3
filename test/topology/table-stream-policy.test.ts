/** The stream resource policy of a table defined in the app: Table's L1 StreamSpecification, TableV2's own API. */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { StreamSource } from '../../lib';

const STATEMENT = {
  Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111111111111:role/orders-handler' },
  Resource: '*', // the table's own stream ARN would be a dependency cycle
};

test('the read statement lands in the stream policy of a Table (one document for several mappings) and of a TableV2', () => {
  const app = new App();
  const owner = new Stack(app, 'Owner', { env: { account: '222222222222', region: 'us-east-1' } });
  const role = iam.Role.fromRoleArn(owner, 'Role', 'arn:aws:iam::111111111111:role/orders-handler');
  const table = new dynamodb.Table(owner, 'Orders', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, stream: dynamodb.StreamViewType.NEW_IMAGE });
  const tableV2 = new dynamodb.TableV2(owner, 'Invoices', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, dynamoStream: dynamodb.StreamViewType.NEW_IMAGE });
  for (const source of [StreamSource.dynamoDb(table), StreamSource.dynamoDb(tableV2), StreamSource.dynamoDb(table)]) {
    const { actions, resourcePolicy } = source._statements()[0];
    const statement = new iam.PolicyStatement({ principals: [role], actions, resources: resourcePolicy!.resources });
    expect(resourcePolicy!.add!(statement).statementAdded).toBe(true);
  }

  const template = Template.fromStack(owner);
  template.hasResourceProperties('AWS::DynamoDB::Table', {
    StreamSpecification: { StreamViewType: 'NEW_IMAGE', ResourcePolicy: { PolicyDocument: { Statement: [STATEMENT], Version: '2012-10-17' } } },
  });
  template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
    Replicas: [{ Region: 'us-east-1', ReplicaStreamSpecification: { ResourcePolicy: { PolicyDocument: { Statement: [STATEMENT], Version: '2012-10-17' } } } }],
  });
});

test('an imported table, or a Table whose L1 already carries a stream policy, is not changed', () => {
  const app = new App();
  const owner = new Stack(app, 'Owner', { env: { account: '222222222222', region: 'us-east-1' } });
  const imported = dynamodb.Table.fromTableAttributes(owner, 'Imported', {
    tableArn: 'arn:aws:dynamodb:us-east-1:222222222222:table/orders',
    tableStreamArn: 'arn:aws:dynamodb:us-east-1:222222222222:table/orders/stream/2026-01-01T00:00:00.000',
  });
  const table = new dynamodb.Table(owner, 'Orders', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, stream: dynamodb.StreamViewType.NEW_IMAGE });
  const cfn = table.node.defaultChild as dynamodb.CfnTable;
  cfn.streamSpecification = { streamViewType: 'NEW_IMAGE', resourcePolicy: { policyDocument: { Statement: [] } } };

  expect(StreamSource.dynamoDb(imported)._statements()[0].resourcePolicy!.add).toBeUndefined();
  const own = StreamSource.dynamoDb(table)._statements()[0].resourcePolicy!;
  expect(own.add!(new iam.PolicyStatement({ principals: [new iam.AccountPrincipal('111111111111')], actions: ['dynamodb:GetRecords'], resources: ['*'] }))).toEqual({ statementAdded: false });
});
