import { ALL_KINDS, DOCS, MappingFacts, Rule, RuleSeverity } from './rule';
import { mayBeAbsent, partialString, PartialString, rawValueAt, UNKNOWN, valueAt } from '../template/values';

/** A property's value when it is known and of its CloudFormation type; wrong types are ESM001's to report. */
export function knownNumber(facts: MappingFacts, property: string): number | undefined {
  const value = valueAt(facts.properties, property);
  if (typeof value === 'number') {
    return value;
  }
  // A numeric string in the template (an override) is range-checked as the number CloudFormation would read.
  return isNumericString(value) && !facts.rejectedByCdk ? Number(value) : undefined;
}

/** A string CloudFormation may read as a number (`"10"`, `"-1"`); its coercion is not verified (ESM003). */
export function isNumericString(value: unknown): value is string {
  return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim());
}

/** A string CloudFormation may read as a boolean. */
export function isBooleanString(value: unknown): value is string {
  return value === 'true' || value === 'false';
}

/** A string property evaluated as far as literals allow; undefined when absent, unknown or not a string. */
export function knownText(facts: MappingFacts, property: string): PartialString | undefined {
  const value = partialString(rawValueAt(facts.properties, property));
  return value === UNKNOWN ? undefined : value;
}

/** Whether a property is set at all (known or not). */
export function isSet(facts: MappingFacts, property: string): boolean {
  return valueAt(facts.properties, property) !== undefined;
}

/**
 * Whether a property is certainly in the deployed template: set, and not an intrinsic that may resolve to
 * `AWS::NoValue`. Rules that reject a property's mere presence use this, so that a conditional value is not
 * reported.
 */
export function isPresent(facts: MappingFacts, property: string): boolean {
  const raw = rawValueAt(facts.properties, property);
  return raw !== undefined && raw !== UNKNOWN && !mayBeAbsent(raw);
}

export interface WholeNumberRangeSpec {
  readonly id: string;
  readonly property: string;
  readonly min: number;
  readonly max: number;
  /** 'seconds' for the Duration props. */
  readonly unit?: string;
  /** Values allowed outside [min, max] (-1 for unlimited). */
  readonly special?: { readonly value: number; readonly meaning: string };
  /** Values inside [min, max] that AWS still rejects. */
  readonly gap?: { readonly from: number; readonly to: number; readonly why: string };
  readonly source: string;
}

/** The integer-range rules (batch size, windows, parallelization, record age, retries) share one shape. */
export function wholeNumberRange(spec: WholeNumberRangeSpec): Rule {
  const unit = spec.unit ? ` ${spec.unit}` : '';
  // With a special value (-1) and a gap (0..59), the whole numbers allowed start above both.
  const lowest = spec.gap ? spec.gap.to + 1 : spec.special ? spec.special.value + 1 : spec.min;
  const range = `a whole number from ${lowest} to ${spec.max}${unit}`;
  const allowed = spec.special ? `${spec.special.value} (${spec.special.meaning}) or ${range}` : range;
  return {
    id: spec.id,
    severity: RuleSeverity.ERROR,
    appliesTo: ALL_KINDS,
    property: spec.property,
    whenSet: [spec.property],
    summary: `${spec.property} is ${allowed}.`,
    source: spec.source,
    check: (facts) => {
      const value = knownNumber(facts, spec.property);
      if (value === undefined || (spec.special && value === spec.special.value)) {
        return undefined;
      }
      if (!Number.isInteger(value)) {
        return { problem: `must be a whole number${unit ? ` of${unit}` : ''}`, got: value, fix: `use ${allowed}` };
      }
      if (value < spec.min || value > spec.max) {
        return { problem: 'is out of range', got: value, fix: `use ${allowed}` };
      }
      if (spec.gap && value >= spec.gap.from && value <= spec.gap.to) {
        return { problem: spec.gap.why, got: value, fix: `use ${allowed}` };
      }
      return undefined;
    },
  };
}

/** The API and CloudFormation references, the usual sources of a bound. */
export const API_AND_CFN = `${DOCS.api} ; ${DOCS.cfn}`;

export interface RequiredPropertySpec {
  readonly id: string;
  readonly property: string;
  readonly summary: string;
  readonly source: string;
  /** Phrased to follow the property name ("is required for a stream source"). */
  readonly problem: string;
  readonly fix: string;
}

/** A property that must be set (known or not). */
export function requiredProperty(spec: RequiredPropertySpec): Rule {
  return {
    id: spec.id,
    severity: RuleSeverity.ERROR,
    appliesTo: ALL_KINDS,
    property: spec.property,
    summary: spec.summary,
    source: spec.source,
    check: (facts) => isSet(facts, spec.property) ? undefined : { problem: spec.problem, got: undefined, fix: spec.fix },
  };
}
