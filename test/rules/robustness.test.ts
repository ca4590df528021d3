import * as fc from 'fast-check';
import { D, K, KC, labelsFor, NOW } from './support';
import { RULES } from '../../lib/rules';
import { NON_STREAM_PROPERTIES, STREAM_PROPERTIES } from '../../lib/template/properties';
import { evaluate } from '../../lib/validation/engine';

/** Template values: JSON, intrinsics (resolvable or not), and JSON holding intrinsics. */
const intrinsic = fc.oneof(
  fc.constantFrom({ Ref: 'P' }, { Ref: 'AWS::Partition' }, { Ref: 'AWS::Region' }, { Ref: 'AWS::AccountId' }, { Ref: 'AWS::NoValue' }, { 'Fn::GetAtt': ['R', 'Arn'] }),
  fc.record({ 'Fn::Join': fc.tuple(fc.constantFrom('', ':', '-', '/'), fc.array(fc.oneof(fc.string(), fc.constant({ Ref: 'AWS::Region' })), { maxLength: 4 })) }),
  fc.record({ 'Fn::Select': fc.tuple(fc.integer({ min: -1, max: 8 }), fc.record({ 'Fn::Split': fc.tuple(fc.constantFrom(':', '/', '-', ''), fc.string()) })) }),
);
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), intrinsic, fc.array(tie('any'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('Pattern', 'Key', 'Value', 'OnFailure', 'Destination', 'Filters', 'Metrics', 'X'), tie('any'), { maxKeys: 3 })),
})).any;
const NAMES = [...Object.keys(STREAM_PROPERTIES), ...NON_STREAM_PROPERTIES];

test('any template values: every rule runs without throwing and every message has the documented form', () => {
  const seen = new Set<string>();
  fc.assert(fc.property(
    fc.dictionary(fc.constantFrom(...NAMES), value, { maxKeys: 8 }),
    fc.constantFrom(K, KC, D, undefined),
    fc.boolean(),
    (properties, kind, labels) => {
      for (const violation of evaluate(RULES, { properties, kind, nowSeconds: NOW }, labelsFor(labels))) {
        // ESM000 would mean a rule threw: the engine turns that into a finding, which must never happen here.
        expect(violation.rule.id).not.toBe('ESM000');
        seen.add(violation.rule.id);
        expect(violation.message).toMatch(new RegExp(`^${violation.rule.id}: \\S.*, got .*; \\S`, 's'));
      }
    },
  ), { numRuns: 1000, seed: 20261126 });
  // The generated values must break rules, or the message assertions above checked nothing.
  expect(seen.size).toBeGreaterThan(20);
});
