import { D, MessageCase, RuleCase, STREAM_ARN, UNKNOWN_KIND } from '../support';

const READ = { actions: ['kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards'], resources: [STREAM_ARN] };
const SEND = { actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:us-east-1:123456789012:failed'] };

export const ESM901_CASES: RuleCase[] = [
  { name: 'no manual grants passes ESM901', expected: [] },
  { name: 'an empty list of manual grants passes ESM901', facts: { manualGrants: [] }, expected: [] },
  { name: 'a manual grant fails ESM901', facts: { manualGrants: [READ] }, expected: ['ESM901'] },
  { name: 'two manual grants fail ESM901 once', facts: { manualGrants: [READ, SEND] }, expected: ['ESM901'] },
  { name: 'a manual grant fails ESM901 on a DynamoDB stream', kind: D, facts: { manualGrants: [SEND] }, expected: ['ESM901'] },
  { name: 'a manual grant fails ESM901 on a mapping of unknown kind', kind: UNKNOWN_KIND, facts: { manualGrants: [SEND] }, expected: ['ESM901'] },
];

const ROLE = 'arn:aws:iam::123456789012:role/orders-handler';
const OTHER_STREAM = 'arn:aws:kinesis:us-east-1:210987654321:stream/orders';
const OWNER_STATEMENT = {
  property: 'EventSourceArn',
  policyOf: `the Kinesis stream ${OTHER_STREAM}`,
  principal: ROLE,
  actions: ['kinesis:DescribeStream', 'kinesis:GetRecords'],
  resources: [OTHER_STREAM],
};
const ORDERING = { ownerStack: 'Owner', roleStack: 'Functions', mappingStack: 'Functions', policyOf: 'the Kinesis stream Owner/Orders' };
const UNNAMED = { path: 'FunctionName', problem: 'has the role Functions/Role, which has no physical name', got: 'Functions/Role', fix: 'create the role with roleName: PhysicalName.GENERATE_IF_NEEDED' };

export const ESM902_CASES: RuleCase[] = [
  { name: 'manual grants without an immutable role pass ESM902', facts: { manualGrants: [READ] }, expected: ['ESM901'] },
  { name: 'an immutable role without statements passes ESM902', facts: { immutableRole: ROLE, manualGrants: [] }, expected: [] },
  { name: 'an immutable role with statements fails ESM902 (not ESM901)', facts: { immutableRole: ROLE, manualGrants: [READ, SEND] }, expected: ['ESM902'] },
  { name: 'an immutable role fails ESM902 on a DynamoDB stream', kind: D, facts: { immutableRole: ROLE, manualGrants: [SEND] }, expected: ['ESM902'] },
];

export const ESM903_CASES: RuleCase[] = [
  { name: 'an empty list of owner statements passes ESM903', facts: { ownerStatements: [] }, expected: [] },
  { name: 'an owner statement fails ESM903', facts: { ownerStatements: [OWNER_STATEMENT] }, expected: ['ESM903'] },
  { name: 'two owner statements fail ESM903 twice', facts: { ownerStatements: [OWNER_STATEMENT, { ...OWNER_STATEMENT, policyOf: 'the KMS key arn:aws:kms:us-east-1:210987654321:key/k', actions: ['kms:Decrypt'], resources: ['*'] }] }, expected: ['ESM903', 'ESM903'] },
  { name: 'an owner statement fails ESM903 on a mapping of unknown kind', kind: UNKNOWN_KIND, facts: { ownerStatements: [OWNER_STATEMENT] }, expected: ['ESM903'] },
];

export const ESM904_CASES: RuleCase[] = [
  { name: 'no ordering problem passes ESM904', facts: { crossAccountOrdering: [] }, expected: [] },
  { name: 'a policy of another account naming this app\'s role fails ESM904', facts: { crossAccountOrdering: [ORDERING] }, expected: ['ESM904'] },
  { name: 'two such policies fail ESM904 twice', kind: D, facts: { crossAccountOrdering: [ORDERING, { ...ORDERING, policyOf: 'the KMS key Owner/Key' }] }, expected: ['ESM904', 'ESM904'] },
];

export const ESM905_CASES: RuleCase[] = [
  { name: 'no unnamed resource passes ESM905', facts: { crossEnvironmentNames: [] }, expected: [] },
  { name: 'a role without a physical name used across environments fails ESM905', facts: { crossEnvironmentNames: [UNNAMED] }, expected: ['ESM905'] },
  { name: 'an unnamed EventSourceArn fails ESM905 and not ESM301 (it is kept out of the template)', set: { EventSourceArn: undefined }, facts: { crossEnvironmentNames: [{ ...UNNAMED, path: 'EventSourceArn' }] }, expected: ['ESM905'] },
  { name: 'a missing EventSourceArn with an unnamed role still fails ESM301', set: { EventSourceArn: undefined }, facts: { crossEnvironmentNames: [UNNAMED] }, expected: ['ESM301', 'ESM905'] },
];

export const PERMISSION_MESSAGES: MessageCase[] = [
  {
    name: 'ESM901 message lists every statement in full',
    labels: true,
    facts: { manualGrants: [READ, SEND] },
    messages: [
      'ESM901: target (FunctionName) has no role that CDK can change, so the mapping\'s permissions were not granted, got '
      + `"kinesis:DescribeStreamSummary,kinesis:GetRecords,kinesis:GetShardIterator,kinesis:ListShards on ${STREAM_ARN}; sqs:SendMessage on arn:aws:sqs:us-east-1:123456789012:failed"; `
      + 'grant these to the function\'s execution role, or import the function with Function.fromFunctionAttributes({ functionArn, role })',
    ],
  },
  {
    name: 'ESM902 message names the immutable role and lists every statement',
    labels: true,
    facts: { immutableRole: ROLE, manualGrants: [SEND] },
    messages: [
      `ESM902: target (FunctionName) has the immutable role ${ROLE}, so the mapping's permissions were not granted, got `
      + '"sqs:SendMessage on arn:aws:sqs:us-east-1:123456789012:failed"; '
      + 'grant these to that role by hand, or import it with Role.fromRoleArn(scope, id, arn, { mutable: true }) in its own account',
    ],
  },
  {
    name: 'ESM903 message gives the statement as JSON with the role ARN',
    labels: true,
    facts: { ownerStatements: [OWNER_STATEMENT] },
    messages: [
      `ESM903: source (EventSourceArn) is in another account, so its owner must allow the role in the resource policy of the Kinesis stream ${OTHER_STREAM}, got "${OTHER_STREAM}"; `
      + `the owner attaches {"Effect":"Allow","Principal":{"AWS":"${ROLE}"},"Action":["kinesis:DescribeStream","kinesis:GetRecords"],"Resource":"${OTHER_STREAM}"}; acknowledge ESM903 once it is attached`,
    ],
  },
  {
    name: 'ESM904 message gives the deploy order',
    labels: false,
    facts: { crossAccountOrdering: [ORDERING] },
    messages: [
      'ESM904: EventSourceArn needs the resource policy of the Kinesis stream Owner/Orders in stack Owner (another account), which names the role of stack Functions, '
      + 'so the stacks must deploy in an order no template can express, got "Owner"; deploy Functions first (the policy\'s principal must exist), then Owner, '
      + 'then the mapping\'s stack Functions (put the mapping in a stack of its own if it is Functions), with Owner.addStackDependency(Functions) and Functions.addStackDependency(Owner); '
      + 'acknowledge ESM904 once the order is kept',
    ],
  },
  {
    name: 'ESM905 message is the finding as given',
    labels: true,
    facts: { crossEnvironmentNames: [UNNAMED] },
    messages: [
      'ESM905: target (FunctionName) has the role Functions/Role, which has no physical name, got "Functions/Role"; create the role with roleName: PhysicalName.GENERATE_IF_NEEDED',
    ],
  },
];

export const CASES = [...ESM901_CASES, ...ESM902_CASES, ...ESM903_CASES, ...ESM904_CASES, ...ESM905_CASES];
