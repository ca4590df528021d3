import { Duration, Token } from 'aws-cdk-lib/core';
import { Finding } from '../rules';
import { l1PropName, PropConversion, STREAM_PROPERTIES } from '../template/properties';

const PROPERTY_ENTRIES = Object.entries(STREAM_PROPERTIES);

/**
 * Converts `StreamEventSourceMapping` props to CloudFormation values without throwing: a value that cannot be
 * converted (a number where a Duration belongs, a Duration in minutes built from a token, a string where a
 * boolean belongs) is kept out of the template and recorded, and ESM005 reports it at synth with the others.
 */
export class PropInputs {
  public readonly problems: Finding[] = [];

  /** Whole or fractional seconds of a Duration (the range rules judge them); tokens pass through. */
  public seconds(prop: string, path: string, value: unknown): number | undefined {
    if (value === undefined) {
      return undefined;
    }
    if (!(value instanceof Duration)) {
      this.problems.push({ path, problem: 'must be a Duration', got: value, fix: `give ${prop} as Duration.seconds(n)` });
      return undefined;
    }
    try {
      return value.toSeconds({ integral: false });
    } catch (e) {
      // aws-cdk-lib cannot convert a token amount between units (Duration.minutes(token)).
      this.problems.push({ path, problem: `cannot be converted to seconds (${(e as Error).message})`, got: `Duration.${value.unitLabel()}(<token>)`, fix: `give ${prop} as Duration.seconds(...)` });
      return undefined;
    }
  }

  /** A prop that must be a boolean when given; anything else is recorded, never coerced. */
  public boolean(prop: string, path: string, value: unknown): boolean | undefined {
    if (value === undefined || typeof value === 'boolean') {
      return value;
    }
    this.problems.push({ path, problem: 'must be true or false', got: value, fix: `give ${prop} as a boolean` });
    return undefined;
  }

  /** A prop that must be an object with the member an interface promises (a StreamSource, an IKey, ...). */
  public has<T>(prop: string, path: string, value: T | undefined, member: string, expected: string): T | undefined {
    if (value === undefined || (value !== null && typeof value === 'object' && member in value)) {
      return value;
    }
    this.problems.push({ path, problem: `must be ${expected}`, got: value, fix: `give ${prop} as ${expected}` });
    return undefined;
  }

  /** A prop that must be a list when given. */
  public list<T>(prop: string, path: string, value: T[] | undefined): T[] | undefined {
    if (value === undefined || Array.isArray(value)) {
      return value;
    }
    this.problems.push({ path, problem: 'must be a list', got: value, fix: `give ${prop} as a list` });
    return undefined;
  }

  /**
   * The L1's props, by the property table: each prop converted as its row says; the values the construct
   * computes from objects (FROM_CONSTRUCT: the function, source, destination and key) are given by CloudFormation name.
   */
  public l1Props(props: object, fromConstruct: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const given = props as Record<string, unknown>;
    const l1: Record<string, unknown> = {};
    for (const [property, { prop, conversion, value: listed }] of PROPERTY_ENTRIES) {
      const input = conversion === PropConversion.FROM_CONSTRUCT ? fromConstruct[property] : given[prop];
      l1[l1PropName(property)] = this.convert(prop, property, conversion, listed, input);
    }
    return l1;
  }

  private convert(prop: string, property: string, conversion: PropConversion, value: string | undefined, given: unknown): unknown {
    switch (conversion) {
      case PropConversion.SECONDS:
        return this.seconds(prop, property, given);
      case PropConversion.FLAG:
        return this.boolean(prop, property, given) ? [value] : undefined;
      case PropConversion.NESTED_LIST: {
        const list = property === 'FilterCriteria'
          ? this.filters(prop, property, given as Array<Record<string, unknown>> | undefined)
          : this.list(prop, property, given as unknown[] | undefined);
        return list ? { [value!]: list } : undefined;
      }
      case PropConversion.TAGS:
        return undefined;
      default:
        // AS_IS, and FROM_CONSTRUCT (already converted). Wrong types go to the L1 as given: the checks report them.
        return given;
    }
  }

  /**
   * Filters: a list whose entries are `lambda.FilterCriteria.filter(...)` output, `{ pattern: string }`. aws-cdk-lib's L1
   * renders only `pattern`, so an entry with other keys (a bare pattern object) would reach the template as `{}` and
   * pass every record: it is recorded and kept out. Tokens pass through.
   */
  public filters(prop: string, path: string, value: Array<{ [key: string]: any }> | undefined): Array<{ [key: string]: any }> | undefined {
    const list = this.list(prop, path, value);
    if (!list) {
      return list;
    }
    const kept = list.filter((entry, index) => {
      if (Token.isUnresolved(entry) || (entry !== null && typeof entry === 'object' && !Array.isArray(entry)
        && Object.keys(entry).every((key) => key === 'pattern'))) {
        return true;
      }
      this.problems.push({
        path: `FilterCriteria.Filters[${index}]`,
        problem: 'is not a filter built by lambda.FilterCriteria.filter(...) (an object with only pattern)',
        got: entry,
        fix: `build ${prop}[${index}] with lambda.FilterCriteria.filter({...}), which turns the pattern into { pattern: '<JSON>' }`,
      });
      return false;
    });
    return kept;
  }
}
