import { parseArn } from './arns';
import { ALL_KINDS, DOCS, MappingFacts, Rule, RuleSeverity } from './rule';
import { isSet, knownText } from './values';

/**
 * The API's FunctionName pattern (full match), allowing `.` in the name as `NamespacedFunctionName` does.
 * Groups: 1 partition, 2 region, 3 account, 4 name, 5 qualifier.
 */
const FUNCTION_NAME = /^(?:arn:(aws[a-zA-Z-]*)?:lambda:)?((?:eusc-)?[a-z]{2}(?:(?:-gov)|(?:-iso[a-z]?))?-[a-z]+-\d:)?(\d{12}:)?(?:function:)?([a-zA-Z0-9-_.]+)(?::(\$LATEST(?:\.PUBLISHED)?|[a-zA-Z0-9-_]+))?$/;

const FORMS = 'a function name, name:qualifier, a function ARN, a qualified (version or alias) ARN, or 123456789012:function:name';

function parseFunctionName(text: string): { name: string; qualifier?: string; partition?: string; region?: string } | undefined {
  const m = FUNCTION_NAME.exec(text);
  return m ? { partition: m[1], region: m[2]?.slice(0, -1), name: m[4], qualifier: m[5] } : undefined;
}

/** The function's and the stream's partition or region where both are literal and they differ. */
function differingArnPart(facts: MappingFacts, part: 'partition' | 'region'): { ofFunction: string; ofStream: string; functionName: string } | undefined {
  const fn = knownText(facts, 'FunctionName');
  const source = knownText(facts, 'EventSourceArn');
  const ofFunction = fn?.exact ? parseFunctionName(fn.text)?.[part] : undefined;
  const ofStream = source?.exact ? parseArn(source.text)?.[part] : undefined;
  return ofFunction && ofStream && ofFunction !== ofStream ? { ofFunction, ofStream, functionName: fn!.text } : undefined;
}

/** ESM401: the function is required. */
export const ESM401: Rule = {
  id: 'ESM401',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'FunctionName',
  summary: 'FunctionName is required.',
  source: DOCS.cfn,
  check: (facts) => isSet(facts, 'FunctionName') ? undefined : { problem: 'is required', got: undefined, fix: 'name the function, version or alias to invoke' },
};

/** ESM402: CloudFormation caps FunctionName at 140 characters (the API at 256). */
export const ESM402: Rule = {
  id: 'ESM402',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'FunctionName',
  summary: 'FunctionName is 1 to 140 characters long.',
  source: DOCS.cfn,
  check: (facts) => {
    const name = knownText(facts, 'FunctionName');
    // Stand-ins for pseudo parameters are the shortest valid values, so an overlong result is overlong for real.
    return name && (name.text.length > 140 || (name.exact && name.text.length === 0)) ? {
      problem: `is ${name.text.length} characters long`,
      got: name.text,
      fix: 'use 1 to 140 characters: a shorter function name or alias, or name:qualifier instead of the full ARN',
    } : undefined;
  },
};

/** ESM403: the function is named in one of the forms the API accepts. */
export const ESM403: Rule = {
  id: 'ESM403',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'FunctionName',
  summary: `FunctionName is ${FORMS}; names use letters, digits, - and _.`,
  source: DOCS.api,
  check: (facts) => {
    const name = knownText(facts, 'FunctionName');
    return name && name.text.length > 0 && !FUNCTION_NAME.test(name.text) ? {
      problem: 'is not a function name or function ARN',
      got: name.text,
      fix: `use ${FORMS}`,
    } : undefined;
  },
};

/** ESM404: a function name is at most 64 characters, an alias at most 128. */
export const ESM404: Rule = {
  id: 'ESM404',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'FunctionName',
  summary: 'The function name part is at most 64 characters and an alias at most 128.',
  source: DOCS.api,
  check: (facts) => {
    const text = knownText(facts, 'FunctionName');
    const parsed = text && parseFunctionName(text.text);
    if (!parsed) {
      return undefined;
    }
    if (parsed.name.length > 64) {
      return { problem: `has a function name of ${parsed.name.length} characters`, got: text.text, fix: 'function names are at most 64 characters' };
    }
    if (parsed.qualifier && parsed.qualifier.length > 128) {
      return { problem: `has a qualifier of ${parsed.qualifier.length} characters`, got: text.text, fix: 'aliases are at most 128 characters' };
    }
    return undefined;
  },
};

/** ESM405: `.` in a function name passes the API's NamespacedFunctionName but not the older FunctionName shape. */
export const ESM405: Rule = {
  id: 'ESM405',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: 'FunctionName',
  summary: 'A "." in the function name is not verified to be accepted.',
  source: DOCS.api,
  check: (facts) => {
    const text = knownText(facts, 'FunctionName');
    const parsed = text && parseFunctionName(text.text);
    return parsed && parsed.name.includes('.') ? {
      problem: 'has a "." in the function name, which Lambda function names do not contain',
      got: text.text,
      fix: 'check the function name; Lambda names use letters, digits, - and _',
    } : undefined;
  },
};

/** ESM406: function and stream live in one partition. */
export const ESM406: Rule = {
  id: 'ESM406',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'FunctionName',
  summary: 'A function ARN and the EventSourceArn are in the same partition (partitions are isolated).',
  source: DOCS.arns,
  check: (facts) => {
    const differ = differingArnPart(facts, 'partition');
    return differ ? {
      problem: `is in partition ${differ.ofFunction} but the stream is in ${differ.ofStream}`,
      got: differ.functionName,
      fix: 'map the stream to a function in the same partition',
    } : undefined;
  },
};

/** ESM407: cross-region mappings are not documented. */
export const ESM407: Rule = {
  id: 'ESM407',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: 'FunctionName',
  summary: 'A function ARN and the EventSourceArn are in the same region (cross-region mappings are not documented).',
  source: DOCS.api,
  check: (facts) => {
    const differ = differingArnPart(facts, 'region');
    return differ ? {
      problem: `is in region ${differ.ofFunction} but the stream is in ${differ.ofStream}`,
      got: differ.functionName,
      fix: 'map the stream to a function in its own region',
    } : undefined;
  },
};

