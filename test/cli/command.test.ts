import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildCli, Cli } from './support';

let cli: Cli;
let dir: string;

beforeAll(() => {
  cli = buildCli();
  dir = mkdtempSync(join(tmpdir(), 'esm-cli-'));
}, 120_000);

afterAll(() => {
  cli.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a file into the test directory; returns its name, which the command is run with (cwd = the directory). */
function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

const run = (...args: string[]) => cli.run(args, { cwd: dir });

const TABLE_MISTAKE_YAML = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  StreamName:
    Type: String
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
  OrdersMapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: !Ref Handler
      EventSourceArn: !GetAtt Orders.Arn
      StartingPosition: LATEST
      MaximumRetryAttempts: 3
  ClicksMapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: !Ref Handler
      EventSourceArn: !Sub arn:\${AWS::Partition}:kinesis:\${AWS::Region}:\${AWS::AccountId}:stream/\${StreamName}
      StartingPosition: AT_TIMESTAMP
      BatchSize: 0
  Jobs:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: !Ref Handler
      EventSourceArn: !GetAtt Queue.Arn
      BatchSize: 10
  Queue:
    Type: AWS::SQS::Queue
`;

const TABLE_MISTAKE_LINES = [
  'template.yaml:16:7: ESM303 error: EventSourceArn is the ARN of DynamoDB table Orders (Fn::GetAtt returns the table ARN), not of its stream, got {"Fn::GetAtt":["Orders","Arn"]}; use Fn::GetAtt [Orders, StreamArn], with StreamSpecification set on the table [OrdersMapping]',
  'template.yaml:21:5: ESM104 error: StartingPositionTimestamp is required when StartingPosition is AT_TIMESTAMP, got nothing; set startingPositionTimestamp to the Unix time in seconds to start reading from [ClicksMapping]',
  'template.yaml:25:7: ESM201 error: BatchSize is out of range, got 0; use a whole number from 1 to 10000 [ClicksMapping]',
  '2 stream mappings checked (1 other skipped): 3 errors, 0 warnings',
];

describe('the check command on CloudFormation', () => {
  test('YAML with short-form tags: the table-ARN mistake is rejected with its fix, Fn::Sub is judged as Kinesis, SQS is skipped; exit 1', () => {
    const result = run('check', file('template.yaml', TABLE_MISTAKE_YAML));
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${TABLE_MISTAKE_LINES.join('\n')}\n`);
    expect(result.status).toBe(1);
  });

  test('the same template as JSON gives the same findings, with JSON\'s lines and columns', () => {
    const template = {
      Resources: {
        Orders: { Type: 'AWS::DynamoDB::Table', Properties: {} },
        OrdersMapping: {
          Type: 'AWS::Lambda::EventSourceMapping',
          Properties: { FunctionName: 'orders', EventSourceArn: { 'Fn::GetAtt': ['Orders', 'Arn'] }, StartingPosition: 'LATEST', MaximumRetryAttempts: 3 },
        },
      },
    };
    const result = run('check', file('template.json', JSON.stringify(template, null, 2)));
    expect(result.stdout).toBe([
      'template.json:11:9: ESM303 error: EventSourceArn is the ARN of DynamoDB table Orders (Fn::GetAtt returns the table ARN), not of its stream, got {"Fn::GetAtt":["Orders","Arn"]}; use Fn::GetAtt [Orders, StreamArn], with StreamSpecification set on the table [OrdersMapping]',
      '1 stream mapping checked (0 other skipped): 1 error, 0 warnings',
      '',
    ].join('\n'));
    expect(result.status).toBe(1);
  });

  test('--format json', () => {
    const result = run('check', '--format', 'json', file('template.yaml', TABLE_MISTAKE_YAML));
    expect(JSON.parse(result.stdout)).toEqual({
      findings: [
        {
          file: 'template.yaml',
          resource: 'OrdersMapping',
          path: null,
          ruleId: 'ESM303',
          severity: 'error',
          group: 'aws-rejects',
          property: 'EventSourceArn',
          message: 'ESM303: EventSourceArn is the ARN of DynamoDB table Orders (Fn::GetAtt returns the table ARN), not of its stream, got {"Fn::GetAtt":["Orders","Arn"]}; use Fn::GetAtt [Orders, StreamArn], with StreamSpecification set on the table',
          line: 16,
          column: 7,
        },
        {
          file: 'template.yaml',
          resource: 'ClicksMapping',
          path: null,
          ruleId: 'ESM104',
          severity: 'error',
          group: 'aws-rejects',
          property: 'StartingPositionTimestamp',
          message: 'ESM104: StartingPositionTimestamp is required when StartingPosition is AT_TIMESTAMP, got nothing; set startingPositionTimestamp to the Unix time in seconds to start reading from',
          line: 21,
          column: 5,
        },
        {
          file: 'template.yaml',
          resource: 'ClicksMapping',
          path: null,
          ruleId: 'ESM201',
          severity: 'error',
          group: 'aws-rejects',
          property: 'BatchSize',
          message: 'ESM201: BatchSize is out of range, got 0; use a whole number from 1 to 10000',
          line: 25,
          column: 7,
        },
      ],
      mappingsChecked: 2,
      mappingsSkipped: 1,
    });
    expect(result.status).toBe(1);
  });

  test('a valid template exits 0', () => {
    const result = run('check', file('valid.yaml', `Resources:
  M:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: orders
      EventSourceArn: arn:aws:kinesis:us-east-1:123456789012:stream/orders
      StartingPosition: LATEST
      MaximumRetryAttempts: 3
`));
    expect([result.status, result.stdout, result.stderr]).toEqual([0, '1 stream mapping checked (0 other skipped): 0 errors, 0 warnings\n', '']);
  });
});

const RISKY_YAML = `Resources:
  Risky:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: orders
      EventSourceArn: arn:aws:kinesis:us-east-1:123456789012:stream/orders
      StartingPosition: LATEST
      Topics: [orders]
`;
const ESM002 = 'risky.yaml:8:7: ESM002 warning: Topics applies only to other event source types (SQS, Kafka, MQ, DocumentDB), got ["orders"]; remove Topics from this stream mapping [Risky]';
const ESM804 = 'risky.yaml:4:5: ESM804 warning: MaximumRetryAttempts is unlimited, as is MaximumRecordAgeInSeconds, and there is no on-failure destination: a record that keeps failing stalls its shard until it expires from the stream, got "(default: unlimited)"; set retryAttempts or maxRecordAge, and an onFailure destination to keep the failed batches [Risky]';

test('two mappings of one template for the same stream and function: the second is ESM408, naming the first', () => {
  const mapping = (position: string) => `    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: orders
      EventSourceArn: arn:aws:kinesis:us-east-1:123456789012:stream/orders
      StartingPosition: ${position}
      MaximumRetryAttempts: 3
`;
  const result = run('check', file('duplicate-mapping.yaml', `Resources:\n  First:\n${mapping('LATEST')}  Second:\n${mapping('TRIM_HORIZON')}`));
  expect([result.status, result.stdout]).toEqual([1, [
    'duplicate-mapping.yaml:13:7: ESM408 error: EventSourceArn is already mapped to "orders" by First, got "arn:aws:kinesis:us-east-1:123456789012:stream/orders"; Lambda keeps one mapping per stream (or consumer) and function, version or alias (409 ResourceConflictException): remove one of the two, or map another alias, or read the stream through an enhanced fan-out consumer [Second]',
    '2 stream mappings checked (0 other skipped): 1 error, 0 warnings',
    '',
  ].join('\n')]);
});

describe('groups and acknowledgements', () => {
  test.each<[string, string[], string[]]>([
    ['by default, not the operations group (ESM804)', [], [ESM002, '1 stream mapping checked (0 other skipped): 0 errors, 1 warning']],
    ['--groups all', ['--groups', 'all'], [ESM804, ESM002, '1 stream mapping checked (0 other skipped): 0 errors, 2 warnings']],
    ['--groups=operations', ['--groups=operations'], [ESM804, '1 stream mapping checked (0 other skipped): 0 errors, 1 warning']],
    ['--groups all --ignore ESM804,esm002', ['--groups', 'all', '--ignore', 'ESM804,esm002'], ['1 stream mapping checked (0 other skipped): 0 errors, 0 warnings']],
    ['--ignore twice', ['--groups', 'all', '--ignore', 'ESM804', '--ignore', 'ESM002'], ['1 stream mapping checked (0 other skipped): 0 errors, 0 warnings']],
  ])('%s; warnings exit 0', (_name, args, lines) => {
    const result = run('check', ...args, file('risky.yaml', RISKY_YAML));
    expect([result.status, result.stdout]).toEqual([0, `${lines.join('\n')}\n`]);
  });

  test('a rule acknowledged in the resource\'s Metadata is not reported there', () => {
    const acknowledged = RISKY_YAML.replace('    Type: AWS::Lambda::EventSourceMapping\n', `    Type: AWS::Lambda::EventSourceMapping
    Metadata:
      cdk-stream-event-source-mapping:
        acknowledge:
          - id: ESM804
            reason: records are idempotent and expire after a day
`);
    const result = run('check', '--groups', 'all', file('risky.yaml', acknowledged));
    expect(result.stdout).toBe(`${ESM002.replace(':8:7:', ':13:7:')}\n1 stream mapping checked (0 other skipped): 0 errors, 1 warning\n`);
  });

  test('an acknowledgement without a reason is bad input (exit 2), not silently ignored', () => {
    const broken = RISKY_YAML.replace('    Type: AWS::Lambda::EventSourceMapping\n', `    Type: AWS::Lambda::EventSourceMapping
    Metadata:
      cdk-stream-event-source-mapping:
        acknowledge: [{ id: ESM804 }]
`);
    const result = run('check', file('risky.yaml', broken));
    expect([result.status, result.stdout, result.stderr]).toEqual([2, '',
      'cdk-stream-event-source-mapping: risky.yaml:4:5: resource Risky: Metadata.cdk-stream-event-source-mapping.acknowledge[0] must be { id: <rule ID such as ESM804>, reason: <why, not empty> }, got {"id":"ESM804"}\n']);
  });
});

describe('bad invocation and unreadable input exit 2 with one line naming the file and where the parser stopped', () => {
  test.each<[string, string[], string]>([
    ['broken YAML', ['broken.yaml'], 'broken.yaml:4:1: cannot parse YAML: All mapping items must start at the same column'],
    ['broken JSON', ['broken.json'], 'broken.json:3:25: cannot parse JSON: Expected double-quoted property name in JSON at position 43'],
    ['a duplicate key', ['duplicate.yaml'], 'duplicate.yaml:4:3: cannot parse YAML: Map keys must be unique'],
    ['no Resources', ['empty.yaml'], 'empty.yaml:1:1: not a CloudFormation template: it has no Resources section'],
    ['a missing file', ['missing.yaml'], 'missing.yaml: no such file or directory'],
    ['a directory that is no cloud assembly', ['plain-dir'], 'plain-dir: a directory must be a cloud assembly (cdk.out, with manifest.json)'],
  ])('%s', (_name, paths, message) => {
    file('broken.yaml', 'Resources:\n  A:\n    Type: x\n   Properties: [\n');
    file('broken.json', '{\n  "Resources": {\n    "A": { "Type": "x", }\n  }\n}\n');
    file('duplicate.yaml', 'Resources:\n  A:\n    Type: x\n  A:\n    Type: y\n');
    file('empty.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\n');
    mkdirSync(join(dir, 'plain-dir'), { recursive: true });
    const result = run('check', ...paths);
    expect([result.status, result.stdout, result.stderr]).toEqual([2, '', `cdk-stream-event-source-mapping: ${message}\n`]);
  });

  test.each<[string, string[], string]>([
    ['no command', [], 'missing command: check'],
    ['an unknown command', ['lint', 'x.yaml'], 'unknown command: lint'],
    ['no PATH', ['check'], 'no PATH given: name template files or cdk.out directories'],
    ['an unknown option', ['check', '--strict', 'x.yaml'], 'unknown option: --strict'],
    ['an unknown format', ['check', '--format', 'xml', 'x.yaml'], '--format must be one of text, json, sarif, junit, got xml'],
    ['a format without value', ['check', 'x.yaml', '--format'], '--format needs a value'],
    ['an unknown group', ['check', '--groups', 'aws-rejects,style', 'x.yaml'], '--groups takes aws-rejects, not-verified, operations or all, got style'],
    ['an unknown rule ID', ['check', '--ignore', 'ESM999', 'x.yaml'], '--ignore takes rule IDs such as ESM804, got ESM999'],
  ])('%s', (_name, args, message) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n\n')[0]).toBe(`cdk-stream-event-source-mapping: ${message}`);
    expect(result.stderr).toContain('Usage: cdk-stream-event-source-mapping check [options] PATH...');
  });

  test('--help prints the usage and exits 0', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Usage: cdk-stream-event-source-mapping check [options] PATH...');
  });
});

describe('sarif and junit', () => {
  test('--format sarif: SARIF 2.1.0 with every rule and one result per finding, located', () => {
    const result = run('check', '--format', 'sarif', file('template.yaml', TABLE_MISTAKE_YAML));
    const sarif = JSON.parse(result.stdout);
    expect(result.status).toBe(1);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    const driver = sarif.runs[0].tool.driver;
    expect(driver.name).toBe('cdk-stream-event-source-mapping');
    expect(driver.rules[0].id).toBe('ESM000');
    const esm303 = driver.rules.find((r: { id: string }) => r.id === 'ESM303');
    expect(esm303.defaultConfiguration).toEqual({ level: 'error' });
    expect(esm303.properties).toEqual({ group: 'aws-rejects', property: 'EventSourceArn' });
    expect(sarif.runs[0].results[0]).toEqual({
      ruleId: 'ESM303',
      ruleIndex: driver.rules.indexOf(esm303),
      level: 'error',
      message: { text: 'EventSourceArn is the ARN of DynamoDB table Orders (Fn::GetAtt returns the table ARN), not of its stream, got {"Fn::GetAtt":["Orders","Arn"]}; use Fn::GetAtt [Orders, StreamArn], with StreamSpecification set on the table' },
      locations: [{
        physicalLocation: { artifactLocation: { uri: 'template.yaml' }, region: { startLine: 16, startColumn: 7 } },
        logicalLocations: [{ fullyQualifiedName: 'OrdersMapping', kind: 'resource' }],
      }],
    });
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['ESM303', 'ESM104', 'ESM201']);
  });

  test('--format junit: errors are failures, warnings pass with their message', () => {
    const result = run('check', '--format', 'junit', '--groups', 'all', file('risky.yaml', RISKY_YAML.replace('StartingPosition: LATEST', 'StartingPosition: LATEST\n      BatchSize: 0')));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="cdk-stream-event-source-mapping" tests="3" failures="1">
  <testsuite name="cdk-stream-event-source-mapping" tests="3" failures="1">
    <testcase classname="risky.yaml" name="ESM804 Risky">
      <system-out>risky.yaml:4:5: warning: MaximumRetryAttempts is unlimited, as is MaximumRecordAgeInSeconds, and there is no on-failure destination: a record that keeps failing stalls its shard until it expires from the stream, got &quot;(default: unlimited)&quot;; set retryAttempts or maxRecordAge, and an onFailure destination to keep the failed batches</system-out>
    </testcase>
    <testcase classname="risky.yaml" name="ESM201 Risky">
      <failure type="ESM201" message="BatchSize is out of range, got 0; use a whole number from 1 to 10000">risky.yaml:8:7</failure>
    </testcase>
    <testcase classname="risky.yaml" name="ESM002 Risky">
      <system-out>risky.yaml:9:7: warning: Topics applies only to other event source types (SQS, Kafka, MQ, DocumentDB), got [&quot;orders&quot;]; remove Topics from this stream mapping</system-out>
    </testcase>
  </testsuite>
</testsuites>
`);
  });

  test('--format junit with no finding: one passing case', () => {
    const result = run('check', '--format', 'junit', file('risky.yaml', RISKY_YAML.replace('      Topics: [orders]\n', '      MaximumRetryAttempts: 3\n')));
    expect([result.status, result.stdout]).toEqual([0, `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="cdk-stream-event-source-mapping" tests="1" failures="0">
  <testsuite name="cdk-stream-event-source-mapping" tests="1" failures="0">
    <testcase classname="cdk-stream-event-source-mapping" name="1 stream mappings checked"/>
  </testsuite>
</testsuites>
`]);
  });
});

describe('SAM templates', () => {
  const FIXTURES = join(__dirname, '..', 'fixtures');
  const findings = (path: string) => {
    const result = cli.run(['check', '--format', 'json', '--groups', 'all', path]);
    type Finding = { resource: string; event?: string; ruleId: string; property: string };
    const report = JSON.parse(result.stdout) as { findings: Finding[]; mappingsChecked: number; mappingsSkipped: number };
    return {
      status: result.status,
      checked: report.mappingsChecked,
      skipped: report.mappingsSkipped,
      // SAM names the mapping of event E of function F `FE`.
      found: report.findings.map((f) => `${f.resource}${f.event ?? ''} ${f.ruleId} ${f.property}`).sort(),
    };
  };

  test('a SAM template gets the same findings as the CloudFormation SAM makes of it', () => {
    const sam = findings(join(FIXTURES, 'sam-stream-events.yaml'));
    expect(sam).toEqual({
      status: 1,
      checked: 4,
      skipped: 1,
      found: [
        'OrdersFunctionClicks ESM104 StartingPositionTimestamp',
        'OrdersFunctionClicks ESM204 MaximumRecordAgeInSeconds',
        'OrdersFunctionTableArnMistake ESM103 StartingPosition',
        'OrdersFunctionTableArnMistake ESM303 EventSourceArn',
        'OrdersFunctionTableArnMistake ESM804 MaximumRetryAttempts',
      ],
    });
    expect(findings(join(FIXTURES, 'sam-stream-events.transformed.yaml'))).toEqual(sam);
  });

  test('SAM findings name the event\'s property as written and point at it', () => {
    const result = cli.run(['check', join('test', 'fixtures', 'sam-stream-events.yaml')]);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      'test/fixtures/sam-stream-events.yaml:59:11: ESM104 error: Events.Clicks.Properties.StartingPositionTimestamp is required when StartingPosition is AT_TIMESTAMP, got nothing; set startingPositionTimestamp to the Unix time in seconds to start reading from [OrdersFunction Events.Clicks]',
      'test/fixtures/sam-stream-events.yaml:62:13: ESM204 error: Events.Clicks.Properties.MaximumRecordAgeInSeconds is below the 60-second minimum (values from 0 to 59 are not allowed), got 30; use -1 (unlimited) or a whole number from 60 to 604800 seconds [OrdersFunction Events.Clicks]',
    ]);
  });

  test('a Kinesis event whose Stream is a parameter is still judged as Kinesis (the event type says so); OnFailure.Type is SAM\'s own', () => {
    const result = run('check', file('sam-parameter.yaml', `Transform: AWS::Serverless-2016-10-31
Parameters:
  StreamArn:
    Type: String
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      InlineCode: exports.handler = async () => ({})
      AutoPublishAlias: live
      Events:
        Orders:
          Type: Kinesis
          Properties:
            Stream: !Ref StreamArn
            StartingPosition: AT_TIMESTAMP
            StartingPositionTimestamp: 1767225600
            BatchSize: 0
            MaximumRetryAttempts: 3
            DestinationConfig:
              OnFailure:
                Type: SNS
                Destination: arn:aws:sns:us-east-1:123456789012:failed
        Changes:
          Type: DynamoDB
          Properties:
            Stream: !ImportValue OrdersTableStreamArn
            StartingPosition: AT_TIMESTAMP
            MaximumRetryAttempts: 3
        Api:
          Type: Api
          Properties:
            Path: /
            Method: get
`));
    expect(result.stdout).toBe([
      'sam-parameter.yaml:20:13: ESM201 error: Events.Orders.Properties.BatchSize is out of range, got 0; use a whole number from 1 to 10000 [Fn Events.Orders]',
      'sam-parameter.yaml:30:13: ESM103 error: Events.Changes.Properties.StartingPosition is not supported for a DynamoDB stream, got "AT_TIMESTAMP"; use TRIM_HORIZON or LATEST (AT_TIMESTAMP is for Kinesis streams and consumers only) [Fn Events.Changes]',
      '2 stream mappings checked (0 other skipped): 2 errors, 0 warnings',
      '',
    ].join('\n'));
  });
});
