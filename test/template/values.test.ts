import {
  containsUnknown, HOLE, isIntrinsic, literalParts, mayBeAbsent, partialString, rawValueAt, UNKNOWN, valueAt,
} from '../../lib/template/values';

const PARTITION = { Ref: 'AWS::Partition' };
const REGION = { Ref: 'AWS::Region' };
const ACCOUNT = { Ref: 'AWS::AccountId' };
const URL_SUFFIX = { Ref: 'AWS::URLSuffix' };
const join = (delimiter: string, parts: unknown[]) => ({ 'Fn::Join': [delimiter, parts] });
const select = (index: unknown, delimiter: unknown, source: unknown) => ({ 'Fn::Select': [index, { 'Fn::Split': [delimiter, source] }] });
const FUNCTION_ARN = join('', ['arn:', PARTITION, ':lambda:', REGION, ':', ACCOUNT, ':function:orders']);

describe('isIntrinsic', () => {
  test.each([
    ['Ref', { Ref: 'P' }, true],
    ['Fn::GetAtt', { 'Fn::GetAtt': ['R', 'Arn'] }, true],
    ['Fn::Join', { 'Fn::Join': ['', []] }, true],
    ['an object with Ref and another key', { Ref: 'P', Other: 1 }, false],
    ['an object with another single key', { Pattern: '{}' }, false],
    ['an empty object', {}, false],
    ['a list', [{ Ref: 'P' }], false],
    ['null', null, false],
    ['a string', 'Ref', false],
  ])('%s → %s', (_name, value, expected) => {
    expect(isIntrinsic(value)).toBe(expected);
  });
});

describe('valueAt and rawValueAt', () => {
  const root = {
    BatchSize: 10,
    DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:q' } },
    Unresolved: { 'Fn::GetAtt': ['R', 'Arn'] },
    Nested: { Inner: { Ref: 'P' } },
    Text: 'abc',
    Nothing: null,
  };

  test.each([
    ['a top-level value', 'BatchSize', 10],
    ['a nested value', 'DestinationConfig.OnFailure.Destination', 'arn:aws:sqs:us-east-1:123456789012:q'],
    ['an absent property', 'Missing', undefined],
    ['below an absent property', 'Missing.Deeper', undefined],
    ['below a string', 'Text.length', undefined],
    ['below null', 'Nothing.Deeper', undefined],
    ['an intrinsic at the end', 'Unresolved', UNKNOWN],
    ['below an intrinsic', 'Unresolved.Deeper', UNKNOWN],
    ['an intrinsic nested at the end', 'Nested.Inner', UNKNOWN],
  ])('valueAt: %s', (_name, path, expected) => {
    expect(valueAt(root, path)).toBe(expected);
  });

  test('rawValueAt keeps an intrinsic at the end of the path, for partialString', () => {
    expect(rawValueAt(root, 'Unresolved')).toEqual({ 'Fn::GetAtt': ['R', 'Arn'] });
    expect(rawValueAt(root, 'Unresolved.Deeper')).toBe(UNKNOWN);
    expect(rawValueAt(root, 'DestinationConfig.OnFailure')).toEqual({ Destination: 'arn:aws:sqs:us-east-1:123456789012:q' });
  });
});

describe('containsUnknown', () => {
  test.each([
    ['UNKNOWN', UNKNOWN, true],
    ['an intrinsic', { Ref: 'P' }, true],
    ['an intrinsic deep in a list', { Filters: [{ Pattern: 'x' }, { Pattern: { Ref: 'P' } }] }, true],
    ['literals only', { Filters: [{ Pattern: 'x' }], Count: 1, Flag: null }, false],
    ['a string', 'x', false],
    ['null', null, false],
  ])('%s → %s', (_name, value, expected) => {
    expect(containsUnknown(value)).toBe(expected);
  });
});

describe('mayBeAbsent', () => {
  test.each([
    ['Ref AWS::NoValue', { Ref: 'AWS::NoValue' }, true],
    ['Fn::If with AWS::NoValue in the else branch', { 'Fn::If': ['C', 1, { Ref: 'AWS::NoValue' }] }, true],
    ['Fn::If with AWS::NoValue in the then branch', { 'Fn::If': ['C', { Ref: 'AWS::NoValue' }, 1] }, true],
    ['nested Fn::If with AWS::NoValue', { 'Fn::If': ['C', 1, { 'Fn::If': ['D', 2, { Ref: 'AWS::NoValue' }] }] }, true],
    ['Fn::If with two values', { 'Fn::If': ['C', 1, 2] }, false],
    ['Fn::If with a malformed argument', { 'Fn::If': 'C' }, false],
    ['a parameter Ref', { Ref: 'P' }, false],
    ['Fn::GetAtt', { 'Fn::GetAtt': ['R', 'Arn'] }, false],
    ['a literal', 5, false],
    ['undefined', undefined, false],
  ])('%s → %s', (_name, value, expected) => {
    expect(mayBeAbsent(value)).toBe(expected);
  });
});

describe('literalParts', () => {
  test.each([
    ['a literal', 'orders', 'orders'],
    ['a parameter', { Ref: 'P' }, HOLE],
    ['Fn::Sub with a parameter', { 'Fn::Sub': 'arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${Name}' }, `arn:aws:kinesis:us-east-1:123456789012:stream/${HOLE}`],
    ['Fn::Join with a GetAtt', join('', ['arn:aws:dynamodb:', REGION, ':', { 'Fn::GetAtt': ['T', 'Name'] }, '/stream/x']), `arn:aws:dynamodb:us-east-1:${HOLE}/stream/x`],
    ['Fn::Select of an unresolved value', select(0, ':', { Ref: 'P' }), HOLE],
    ['Fn::Sub with a bad variable map', { 'Fn::Sub': ['x', ['y']] }, HOLE],
    ['a number', 7, undefined],
    ['a list', ['a'], undefined],
  ])('%s', (_name, value, expected) => {
    expect(literalParts(value)).toBe(expected);
  });
});

describe('partialString', () => {
  test.each([
    ['a literal string', 'orders', { text: 'orders', exact: true }],
    ['an empty string', '', { text: '', exact: true }],
    ['Fn::Join of literals', join('-', ['a', 'b', 'c']), { text: 'a-b-c', exact: true }],
    ['Fn::Join with an empty delimiter', join('', ['a', 'b']), { text: 'ab', exact: true }],
    ['Fn::Join of nothing', join(',', []), { text: '', exact: true }],
    ['Fn::Join of one part adds no delimiter', join(',', ['a']), { text: 'a', exact: true }],
    ['Fn::Join with a number', join(':', ['a', 7]), { text: 'a:7', exact: true }],
    ['Fn::Join with AWS::Partition', join(':', ['arn', PARTITION]), { text: 'arn:aws', exact: false }],
    ['AWS::Region', REGION, { text: 'us-east-1', exact: false }],
    ['AWS::AccountId', ACCOUNT, { text: '123456789012', exact: false }],
    ['AWS::URLSuffix', URL_SUFFIX, { text: 'c2s.ic.gov', exact: false }],
    ['a function ARN built from pseudo parameters', FUNCTION_ARN, { text: 'arn:aws:lambda:us-east-1:123456789012:function:orders', exact: false }],
    ['Select(6, Split(":", function ARN)): the literal name', select(6, ':', FUNCTION_ARN), { text: 'orders', exact: true }],
    ['Select("6", ...) with the index as a string', select('6', ':', FUNCTION_ARN), { text: 'orders', exact: true }],
    ['Select(1, Split(":", ...)): a stand-in piece', select(1, ':', FUNCTION_ARN), { text: 'aws', exact: false }],
    ['Select(0, Split(",", "")): the one empty piece', select(0, ',', ''), { text: '', exact: true }],
    ['Select(2, Split("/", literal))', select(2, '/', 'a/b/c'), { text: 'c', exact: true }],
    ['Select(1, Split("-", literal with empty pieces))', select(1, '-', 'a--b'), { text: '', exact: true }],
    ['Select inside Join', join('', ['fn-', select(1, '/', 'a/b')]), { text: 'fn-b', exact: true }],
    ['Split on ":" of a Join whose account part is split', select(4, ':', join(':', ['arn', PARTITION, 'sqs', REGION, ACCOUNT, 'q'])), { text: '123456789012', exact: false }],
    ['Select of a Select', select(1, '.', select(1, '/', 'x/a.b')), { text: 'b', exact: true }],
    ['Fn::Sub of a literal', { 'Fn::Sub': 'orders' }, { text: 'orders', exact: true }],
    ['Fn::Sub with pseudo parameters', { 'Fn::Sub': 'arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/o' },
      { text: 'arn:aws:kinesis:us-east-1:123456789012:stream/o', exact: false }],
    ['Fn::Sub with a literal variable, spaces inside the braces', { 'Fn::Sub': ['stream/${ Name }', { Name: 'orders' }] }, { text: 'stream/orders', exact: true }],
    ['Fn::Sub with an escaped ${!Literal}', { 'Fn::Sub': 'a-${!Literal}' }, { text: 'a-${Literal}', exact: true }],
    ['Fn::Sub with a variable bound to a Join', { 'Fn::Sub': ['${A}/x', { A: join('-', ['a', 'b']) }] }, { text: 'a-b/x', exact: true }],
  ])('%s', (_name, value, expected) => {
    expect(partialString(value)).toEqual(expected);
  });

  test.each([
    ['a parameter Ref', { Ref: 'P' }],
    ['AWS::StackName', { Ref: 'AWS::StackName' }],
    ['AWS::NoValue', { Ref: 'AWS::NoValue' }],
    ['a Ref to a non-string', { Ref: 7 }],
    ['Fn::GetAtt', { 'Fn::GetAtt': ['R', 'Arn'] }],
    ['Fn::Sub with a parameter', { 'Fn::Sub': 'arn:${AWS::Partition}:${P}' }],
    ['Fn::Sub with an attribute', { 'Fn::Sub': '${Stream.Arn}' }],
    ['Fn::Sub with a variable bound to a Ref', { 'Fn::Sub': ['x-${Name}', { Name: { Ref: 'P' } }] }],
    ['Fn::Sub that is neither a string nor a pair', { 'Fn::Sub': 7 }],
    ['Fn::Sub with variables that are not an object', { 'Fn::Sub': ['x', ['y']] }],
    ['Fn::Join with an unresolved part', join('', ['a', { Ref: 'P' }])],
    ['Fn::Join with a non-string delimiter', { 'Fn::Join': [1, ['a']] }],
    ['Fn::Join of an unresolved list', { 'Fn::Join': ['', { Ref: 'List' }] }],
    ['Fn::Join with a list part', join('', ['a', ['b']])],
    ['Fn::Select from a literal list', { 'Fn::Select': [0, ['a', 'b']] }],
    ['Fn::Select with a non-integer index', select(1.5, ':', 'a:b')],
    ['Fn::Select with a non-numeric index', select('x', ':', 'a:b')],
    ['Fn::Select with a negative index', select(-1, ':', 'a:b')],
    ['Fn::Select past the end', select(2, ':', 'a:b')],
    ['Fn::Split with an empty delimiter', select(0, '', 'ab')],
    ['Fn::Split with a non-string delimiter', select(0, 1, 'a1b')],
    ['Fn::Split that is not a list', { 'Fn::Select': [0, { 'Fn::Split': 'a:b' }] }],
    ['Fn::Split of an unresolved value', select(0, ':', { Ref: 'P' })],
    ['Fn::Split on "-" of a region (the stand-in contains it)', select(0, '-', REGION)],
    ['Fn::Split on "-" of a partition (aws-cn contains it, the stand-in aws does not)', select(0, '-', join('', ['x', PARTITION]))],
    ['Fn::Split on "c" of a partition (aws-cn contains it)', select(0, 'c', PARTITION)],
    ['Fn::Split on "." of the URL suffix', select(0, '.', URL_SUFFIX)],
    ['Fn::Split on "1" of the account', select(0, '1', ACCOUNT)],
    ['Fn::Split on "e" of a region (eu-west-1 contains it)', select(0, 'e', join('', ['a', REGION]))],
    ['Fn::Split on "0" of a split region piece', select(0, '0', select(0, ':', join(':', [REGION, 'x'])))],
    ['UNKNOWN', UNKNOWN],
  ])('%s is unknown', (_name, value) => {
    expect(partialString(value)).toBe(UNKNOWN);
  });

  test('Fn::Split on ":" and "/" keeps pseudo parameters (no real value contains them)', () => {
    expect(partialString(select(0, '/', join('', [ACCOUNT, '/x'])))).toEqual({ text: '123456789012', exact: false });
    expect(partialString(select(3, ':', join(':', ['a', PARTITION, URL_SUFFIX, REGION])))).toEqual({ text: 'us-east-1', exact: false });
  });

  test.each([
    ['undefined', undefined],
    ['a number', 5],
    ['a boolean', true],
    ['null', null],
    ['a list', ['a']],
    ['an object', { Pattern: 'x' }],
  ])('%s is not a string: undefined', (_name, value) => {
    expect(partialString(value)).toBeUndefined();
  });

  test('stand-ins are the shortest real values, so a length found with them is a lower bound', () => {
    const shortest = ['aws', 'us-east-1', '123456789012', 'c2s.ic.gov'];
    const others = [['aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-eusc'], ['eu-west-1', 'cn-north-1', 'us-gov-west-1', 'eusc-de-east-1', 'us-isob-east-1'],
      ['210987654321'], ['amazonaws.com', 'amazonaws.com.cn', 'sc2s.sgov.gov']];
    const refs = [PARTITION, REGION, ACCOUNT, URL_SUFFIX];
    refs.forEach((ref, i) => {
      const standIn = partialString(ref);
      expect(standIn).toEqual({ text: shortest[i], exact: false });
      for (const other of others[i]) {
        expect(other.length).toBeGreaterThanOrEqual(shortest[i].length);
      }
    });
  });
});
