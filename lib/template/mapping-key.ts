/**
 * Which mappings Lambda counts as one: it keeps a single mapping per event source and function (version or alias
 * included) in an account and region, and rejects a second with 409 ResourceConflictException "provided mapping
 * already exists". Read from template values alone, so that any checker of templates (the synth hook, a
 * command-line checker) can compare mappings with it.
 */
import { parseArn, parseFunctionName } from './arns';
import { canonicalJson, isIntrinsic, partialString, UNKNOWN } from './values';

/** Where a mapping is deployed. */
export interface MappingPlace {
  /** The stack's account, when it is a literal. */
  readonly account?: string;
  /** The stack's region, when it is a literal. */
  readonly region?: string;
  /**
   * The template the mapping is in (a stack path, a file name): references (`Ref`, `Fn::GetAtt`, ...) name the same
   * thing only within one template, as does everything else where the account or region is unknown.
   */
  readonly template: string;
}

/**
 * A key that two mappings share only when Lambda would certainly take them for the same event source and
 * function: equal literals (a bare or partial function name completed with the stack's region and account), or
 * equal references within one template. Undefined when either property is absent or cannot be compared (not a
 * string or reference, a malformed name); a literal and a reference never share a key, since they may well differ.
 */
export function mappingKey(properties: Record<string, unknown>, place: MappingPlace): string | undefined {
  const source = sourceIdentity(properties.EventSourceArn, place);
  const fn = source && functionIdentity(properties.FunctionName, place);
  if (!fn) {
    return undefined;
  }
  // The mapping lives in its stack's account and region: the same pair elsewhere is another mapping.
  const where = place.account !== undefined && place.region !== undefined ? `${place.account}/${place.region}` : `template ${place.template}`;
  return JSON.stringify([where, source, fn]);
}

/**
 * The attribute whose `Fn::GetAtt` names the same thing as the resource's `Ref`, per property: a function's
 * `Arn` (its Ref is its name; both name the function), a Kinesis consumer's `ConsumerARN` (its Ref is that ARN).
 * Neither attribute exists on another resource type that could stand in these properties.
 */
const SAME_AS_REF = { EventSourceArn: 'ConsumerARN', FunctionName: 'Arn' } as const;

function sourceIdentity(value: unknown, place: MappingPlace): string | undefined {
  const text = literal(value);
  if (text !== undefined) {
    return parseArn(text) ? text : undefined;
  }
  return reference(value, SAME_AS_REF.EventSourceArn, place);
}

function functionIdentity(value: unknown, place: MappingPlace): string | undefined {
  const text = literal(value);
  if (text === undefined) {
    return reference(value, SAME_AS_REF.FunctionName, place);
  }
  const parts = parseFunctionName(text);
  if (!parts) {
    return undefined;
  }
  // `orders`, `123456789012:function:orders` and the full ARN name one function where the stack's region and
  // account are those of the ARN; a part left unknown stays unknown, and so matches only the same form.
  const region = parts.region ?? place.region ?? '(stack region)';
  const account = parts.account ?? place.account ?? '(stack account)';
  return `${region}:${account}:function:${parts.name}${parts.qualifier !== undefined ? `:${parts.qualifier}` : ''}`;
}

/** The value's text when every character of it is literal (pseudo parameters are not). */
function literal(value: unknown): string | undefined {
  const text = partialString(value);
  return text !== undefined && text !== UNKNOWN && text.exact ? text.text : undefined;
}

/** An intrinsic, which equals another only in the same template; `Fn::GetAtt` of `sameAsRef` is written as the Ref. */
function reference(value: unknown, sameAsRef: string, place: MappingPlace): string | undefined {
  if (!isIntrinsic(value)) {
    return undefined;
  }
  const getAtt = value['Fn::GetAtt'];
  // Fn::GetAtt is a [logicalId, attribute] list, or the short "logicalId.attribute" string.
  const [logicalId, attribute] = Array.isArray(getAtt) ? getAtt : typeof getAtt === 'string' ? getAtt.split(/\.(.*)/s) : [];
  const canonical = typeof logicalId === 'string' && attribute === sameAsRef ? { Ref: logicalId } : value;
  return `${place.template}: ${canonicalJson(canonical)}`;
}
