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
];

export const CASES = ESM901_CASES;
