import { CONDITIONAL, D, GET_ATT, K, KC, Kind, MessageCase, REF, RuleCase, UNKNOWN_KIND } from '../support';

const KINDS: Kind[] = [K, KC, D, UNKNOWN_KIND];
const KINESIS: Kind[] = [K, KC];
const TS = 1_700_000_000;

export const ESM101_CASES: RuleCase[] = [
  ...KINDS.map((kind): RuleCase => ({ name: `no StartingPosition fails ESM101 (${kind})`, kind, set: { StartingPosition: undefined }, expected: ['ESM101'] })),
  { name: 'StartingPosition unresolved (Ref) passes ESM101 and ESM102', set: { StartingPosition: REF }, expected: [] },
  { name: 'StartingPosition under Fn::If passes ESM101', set: { StartingPosition: { 'Fn::If': ['C', 'LATEST', 'TRIM_HORIZON'] } }, expected: [] },
  { name: 'StartingPositionTimestamp without StartingPosition fails ESM101 only', set: { StartingPosition: undefined, StartingPositionTimestamp: TS }, expected: ['ESM101'] },
];

export const ESM102_CASES: RuleCase[] = [
  ...['TRIM_HORIZON', 'LATEST'].flatMap((position) => KINDS.map((kind): RuleCase => ({ name: `${position} passes (${kind})`, kind, set: { StartingPosition: position }, expected: [] }))),
  { name: '"latest" (lower case) fails ESM102', set: { StartingPosition: 'latest' }, expected: ['ESM102'] },
  { name: '"LATESTLATEST" (passes the CloudFormation pattern) fails ESM102', set: { StartingPosition: 'LATESTLATEST' }, expected: ['ESM102'] },
  { name: '"XLATEST" fails ESM102', set: { StartingPosition: 'XLATEST' }, expected: ['ESM102'] },
  { name: '"" fails ESM102', set: { StartingPosition: '' }, expected: ['ESM102'] },
  { name: '"TRIM_HORIZON " (trailing space) fails ESM102 on a DynamoDB stream', kind: D, set: { StartingPosition: 'TRIM_HORIZON ' }, expected: ['ESM102'] },
  { name: '"latest" fails ESM102 on a mapping of unknown kind', kind: UNKNOWN_KIND, set: { StartingPosition: 'latest' }, expected: ['ESM102'] },
  { name: 'StartingPosition joined from literals to "LATEST" passes', set: { StartingPosition: { 'Fn::Join': ['', ['LAT', 'EST']] } }, expected: [] },
  { name: 'StartingPosition joined from literals to "LATEST_" fails ESM102', set: { StartingPosition: { 'Fn::Join': ['_', ['LATEST', '']] } }, expected: ['ESM102'] },
  { name: 'StartingPosition Fn::GetAtt passes ESM102', set: { StartingPosition: GET_ATT }, expected: [] },
];

export const ESM103_CASES: RuleCase[] = [
  { name: 'AT_TIMESTAMP fails ESM103 on a DynamoDB stream', kind: D, set: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: TS }, expected: ['ESM103'] },
  { name: 'AT_TIMESTAMP without timestamp fails ESM103 only on a DynamoDB stream', kind: D, set: { StartingPosition: 'AT_TIMESTAMP' }, expected: ['ESM103'] },
  ...KINESIS.map((kind): RuleCase => ({ name: `AT_TIMESTAMP with a timestamp passes (${kind})`, kind, set: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: TS }, expected: [] })),
  { name: 'AT_TIMESTAMP joined from literals fails ESM103 on a DynamoDB stream', kind: D, set: { StartingPosition: { 'Fn::Join': ['_', ['AT', 'TIMESTAMP']] }, StartingPositionTimestamp: TS }, expected: ['ESM103'] },
  { name: 'StartingPosition unresolved passes ESM103 on a DynamoDB stream', kind: D, set: { StartingPosition: REF, StartingPositionTimestamp: TS }, expected: [] },
  { name: 'AT_TIMESTAMP on a mapping of unknown kind is not judged by the Kinesis- or DynamoDB-only rules', kind: UNKNOWN_KIND, set: { StartingPosition: 'AT_TIMESTAMP' }, expected: [] },
];

export const ESM104_CASES: RuleCase[] = [
  ...KINESIS.map((kind): RuleCase => ({ name: `AT_TIMESTAMP without StartingPositionTimestamp fails ESM104 (${kind})`, kind, set: { StartingPosition: 'AT_TIMESTAMP' }, expected: ['ESM104'] })),
  { name: 'AT_TIMESTAMP with an unresolved timestamp passes ESM104', set: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: REF }, expected: [] },
  { name: 'AT_TIMESTAMP with a conditional timestamp passes ESM104', set: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: CONDITIONAL(TS) }, expected: [] },
  { name: 'AT_TIMESTAMP with a fractional timestamp passes', set: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: TS + 0.5 }, expected: [] },
];

export const ESM105_CASES: RuleCase[] = [
  ...KINDS.flatMap((kind) => ['LATEST', 'TRIM_HORIZON'].map((position): RuleCase => ({
    name: `StartingPositionTimestamp with ${position} fails ESM105 (${kind})`,
    kind,
    set: { StartingPosition: position, StartingPositionTimestamp: TS },
    expected: ['ESM105'],
  }))),
  { name: 'an unresolved StartingPositionTimestamp with LATEST fails ESM105 (a parameter always has a value)', set: { StartingPositionTimestamp: REF }, expected: ['ESM105'] },
  { name: 'a conditional StartingPositionTimestamp (Fn::If with AWS::NoValue) with LATEST passes ESM105', set: { StartingPositionTimestamp: CONDITIONAL(TS) }, expected: [] },
  { name: 'StartingPositionTimestamp { Ref: AWS::NoValue } with LATEST passes ESM105', set: { StartingPositionTimestamp: { Ref: 'AWS::NoValue' } }, expected: [] },
  { name: 'StartingPositionTimestamp with an unresolved StartingPosition passes ESM105', set: { StartingPosition: REF, StartingPositionTimestamp: TS }, expected: [] },
  { name: 'a string StartingPositionTimestamp with LATEST fails ESM001 and ESM105', set: { StartingPositionTimestamp: '2026-01-01T00:00:00Z' }, expected: ['ESM001', 'ESM105'] },
];

export const ESM106_CASES: RuleCase[] = [
  { name: 'StartingPositionTimestamp Infinity fails ESM106 only', set: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: Infinity }, expected: ['ESM106'] },
  { name: 'StartingPositionTimestamp NaN fails ESM106 only', set: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: NaN }, expected: ['ESM106'] },
  { name: 'StartingPositionTimestamp -Infinity fails ESM106 and ESM107', set: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: -Infinity }, expected: ['ESM106', 'ESM107'] },
  { name: 'StartingPositionTimestamp Infinity fails ESM106 on a mapping of unknown kind', kind: UNKNOWN_KIND, set: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: Infinity }, expected: ['ESM106'] },
];

export const ESM107_CASES: RuleCase[] = [
  ...KINESIS.flatMap((kind) => [0, -1].map((timestamp): RuleCase => ({
    name: `StartingPositionTimestamp ${timestamp} fails ESM107 (${kind})`,
    kind,
    set: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: timestamp },
    expected: ['ESM107'],
  }))),
  { name: 'StartingPositionTimestamp 0.5 passes ESM107', set: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: 0.5 }, expected: [] },
  { name: 'StartingPositionTimestamp 1 passes ESM107', set: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: 1 }, expected: [] },
  { name: 'StartingPositionTimestamp 0 with TRIM_HORIZON on a DynamoDB stream fails ESM105 only', kind: D, set: { StartingPosition: 'TRIM_HORIZON', StartingPositionTimestamp: 0 }, expected: ['ESM105'] },
];

export const STARTING_POSITION_MESSAGES: MessageCase[] = [
  {
    name: 'ESM101 message',
    labels: true,
    set: { StartingPosition: undefined },
    messages: ['ESM101: startingPosition (StartingPosition) is required for a stream source, got nothing; set it to TRIM_HORIZON, LATEST or (Kinesis only) AT_TIMESTAMP'],
  },
  {
    name: 'ESM102 message',
    labels: false,
    set: { StartingPosition: 'latest' },
    messages: ['ESM102: StartingPosition is not a starting position, got "latest"; use lambda.StartingPosition.TRIM_HORIZON, LATEST or AT_TIMESTAMP (exact, upper case)'],
  },
  {
    name: 'ESM103 message',
    labels: true,
    kind: D,
    set: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: TS },
    messages: ['ESM103: startingPosition (StartingPosition) is not supported for a DynamoDB stream, got "AT_TIMESTAMP"; use TRIM_HORIZON or LATEST (AT_TIMESTAMP is for Kinesis streams and consumers only)'],
  },
  {
    name: 'ESM104 message',
    labels: true,
    kind: KC,
    set: { StartingPosition: 'AT_TIMESTAMP' },
    messages: ['ESM104: startingPositionTimestamp (StartingPositionTimestamp) is required when StartingPosition is AT_TIMESTAMP, got nothing; set startingPositionTimestamp to the Unix time in seconds to start reading from'],
  },
  {
    name: 'ESM105 message for a Kinesis stream',
    labels: false,
    set: { StartingPositionTimestamp: TS },
    messages: ['ESM105: StartingPositionTimestamp is only valid with StartingPosition AT_TIMESTAMP, not LATEST, got 1700000000; remove startingPositionTimestamp, or use StartingPosition AT_TIMESTAMP'],
  },
  {
    name: 'ESM105 message for a DynamoDB stream',
    labels: true,
    kind: D,
    set: { StartingPosition: 'TRIM_HORIZON', StartingPositionTimestamp: TS },
    messages: ['ESM105: startingPositionTimestamp (StartingPositionTimestamp) is only valid with StartingPosition AT_TIMESTAMP, not TRIM_HORIZON, got 1700000000; remove startingPositionTimestamp (DynamoDB streams cannot start at a timestamp)'],
  },
  {
    name: 'ESM105 message for an unresolved timestamp',
    labels: false,
    set: { StartingPositionTimestamp: REF },
    messages: ['ESM105: StartingPositionTimestamp is only valid with StartingPosition AT_TIMESTAMP, not LATEST, got "(unresolved)"; remove startingPositionTimestamp, or use StartingPosition AT_TIMESTAMP'],
  },
  {
    name: 'ESM106 message',
    labels: false,
    set: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: Infinity },
    messages: ['ESM106: StartingPositionTimestamp must be a finite number of seconds, got Infinity; give the Unix time in seconds, for example Math.floor(Date.parse("2026-01-01T00:00:00Z") / 1000)'],
  },
  {
    name: 'ESM107 message',
    labels: true,
    set: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: 0 },
    messages: ['ESM107: startingPositionTimestamp (StartingPositionTimestamp) is not after the Unix epoch, got 0; give a positive Unix time in seconds'],
  },
];

/** Rows at the valid side of each rule, named for the rules they pass. */
export const PASSING_CASES: RuleCase[] = [
  { name: 'AT_TIMESTAMP with timestamp 1700000000 passes ESM104, ESM105, ESM106 and ESM107', kind: K, set: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: TS }, expected: [] },
];

export const CASES = [
  ...PASSING_CASES, ...ESM101_CASES, ...ESM102_CASES, ...ESM103_CASES, ...ESM104_CASES, ...ESM105_CASES, ...ESM106_CASES, ...ESM107_CASES,
];
