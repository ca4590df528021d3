/**
 * The logical IDs of the example app's mappings, pinned: a refactor that moves a mapping to another scope or ID
 * changes its logical ID, and CloudFormation would replace the deployed mapping (which then starts again from its
 * starting position). If this fails, keep the old scope and ID (README "Adopting an existing mapping").
 */
import { App, Stack } from 'aws-cdk-lib';
import { OrdersPipelineStack } from '../example/orders-pipeline-stack';
import { StreamEventSourceMapping } from '../lib';

process.env.CDK_VALIDATION = 'false';

test('the example app\'s mappings keep their logical IDs', () => {
  const app = new App();
  const stack = new OrdersPipelineStack(app, 'OrdersPipeline');
  const mappings = stack.node.findAll().filter((c): c is StreamEventSourceMapping => c instanceof StreamEventSourceMapping);
  const byPath = Object.fromEntries(mappings.map((m) => [m.node.path, Stack.of(m).resolve(m.eventSourceMappingId).Ref]));
  expect(byPath).toEqual({
    'OrdersPipeline/OrdersToProcessor': 'OrdersToProcessor140B534B',
    'OrdersPipeline/AnalyticsFanOut': 'AnalyticsFanOut11E501D6',
    'OrdersPipeline/CustomerChanges': 'CustomerChanges48EC94C4',
  });
  const template = app.synth().getStackByName('OrdersPipeline').template;
  const inTemplate = Object.entries(template.Resources as Record<string, { Type: string }>)
    .filter(([, resource]) => resource.Type === 'AWS::Lambda::EventSourceMapping').map(([logicalId]) => logicalId);
  expect(inTemplate.sort()).toEqual(Object.values(byPath).sort());
});
