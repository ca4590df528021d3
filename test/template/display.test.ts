import { displayValue } from '../../lib/template/display';

describe('displayValue', () => {
  test.each<[string, unknown, string]>([
    ['nothing', undefined, 'nothing'],
    ['a number', 7, '7'],
    ['a string', 'x', '"x"'],
    ['Fn::GetAtt as a list', { 'Fn::GetAtt': ['T', 'Arn'] }, '{"Fn::GetAtt":["T","Arn"]}'],
    ['Fn::GetAtt as a dotted string, shown as the list', { 'Fn::GetAtt': 'T.Arn' }, '{"Fn::GetAtt":["T","Arn"]}'],
    ['Fn::GetAtt inside another value', { 'Fn::Join': ['', [{ 'Fn::GetAtt': 'T.StreamArn' }]] }, '{"Fn::Join":["",[{"Fn::GetAtt":["T","StreamArn"]}]]}'],
  ])('%s', (_name, value, expected) => {
    expect(displayValue(value)).toBe(expected);
  });
});
