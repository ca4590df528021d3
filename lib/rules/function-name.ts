import { knownText, requiredProperty } from './helpers';
import { ALL_KINDS, DOCS, RECORDED, Rule, RuleSeverity } from './rule';
import { functionNameParts, hasArnWithoutRegionOrAccount, isValidQualifier, parseArn } from '../template/arns';
import { subNotation } from '../template/display';
import { rawValueAt } from '../template/values';

const FORMS = 'a function name, name:qualifier, a function ARN, a qualified (version or alias) ARN, or 123456789012:function:name';
const QUALIFIERS = '$LATEST, $LATEST.PUBLISHED, a version number, or an alias of letters, digits, - and _';

/** Which part of the function's ARN must equal the stream's. */
interface SameArnPartSpec {
  readonly id: string;
  readonly severity: RuleSeverity;
  readonly part: 'partition' | 'region';
  readonly summary: string;
  readonly source: string;
  readonly fix: string;
}

/** A rule that the function's and the stream's partition (or region), where both are literal, are the same. */
function sameArnPart(spec: SameArnPartSpec): Rule {
  return {
    id: spec.id,
    severity: spec.severity,
    appliesTo: ALL_KINDS,
    property: 'FunctionName',
    // Both ARNs must be literal; FunctionName alone decides whether the rule can find anything.
    whenSet: ['FunctionName'],
    summary: spec.summary,
    source: spec.source,
    check: (facts) => {
      const fn = knownText(facts, 'FunctionName');
      const source = knownText(facts, 'EventSourceArn');
      const ofFunction = fn?.exact ? functionNameParts(fn.text)?.[spec.part] : undefined;
      const ofStream = source?.exact ? parseArn(source.text)?.[spec.part] : undefined;
      return ofFunction && ofStream && ofFunction !== ofStream ? {
        problem: `is in ${spec.part} ${ofFunction} but the stream is in ${ofStream}`,
        got: fn!.text,
        fix: spec.fix,
      } : undefined;
    },
  };
}

/** ESM401: the function is required. */
export const ESM401: Rule = requiredProperty({
  id: 'ESM401',
  property: 'FunctionName',
  summary: 'FunctionName is required.',
  source: DOCS.cfn,
  problem: 'is required',
  fix: 'name the function, version or alias to invoke',
});

/** ESM402: CloudFormation caps FunctionName at 140 characters (the API at 256). */
export const ESM402: Rule = {
  id: 'ESM402',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'FunctionName',
  whenSet: ['FunctionName'],
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

/** ESM403: the function is named in one of the forms the API's pattern accepts (2026-07 model). */
export const ESM403: Rule = {
  id: 'ESM403',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'FunctionName',
  whenSet: ['FunctionName'],
  summary: `FunctionName is ${FORMS}; names use letters, digits, - and _; a qualifier is ${QUALIFIERS} (no other "."); a Lambda ARN carries its region and account.`,
  source: `${DOCS.api} ; ${DOCS.managedInstanceVersions}`,
  check: (facts) => {
    const name = knownText(facts, 'FunctionName');
    if (!name || name.text.length === 0) {
      return undefined;
    }
    const parts = functionNameParts(name.text);
    if (!parts) {
      return { problem: 'is not a function name or function ARN', got: name.text, fix: `use ${FORMS}` };
    }
    if (hasArnWithoutRegionOrAccount(parts)) {
      return {
        problem: 'is a Lambda ARN without its region or account',
        got: name.text,
        fix: 'use arn:<partition>:lambda:<region>:<12-digit account>:function:<name>, or the function name alone',
      };
    }
    return parts.qualifier !== undefined && !isValidQualifier(parts.qualifier) ? {
      problem: `has the qualifier ${JSON.stringify(parts.qualifier)}, which is no version or alias`,
      got: name.text,
      fix: `use ${QUALIFIERS} (the only qualifier with a "." is $LATEST.PUBLISHED)`,
    } : undefined;
  },
};

/** The API's Version shape (`$LATEST` or digits); any other qualifier is an alias. */
const isVersion = (qualifier: string) => /^(?:\$LATEST|[0-9]+)$/.test(qualifier);

/** ESM404: a function name is at most 64 characters, an alias at most 128 (a version is digits, of any length). */
export const ESM404: Rule = {
  id: 'ESM404',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'FunctionName',
  whenSet: ['FunctionName'],
  summary: 'The function name part is at most 64 characters and an alias at most 128 (a version number is not an alias).',
  source: DOCS.api,
  check: (facts) => {
    const text = knownText(facts, 'FunctionName');
    const parsed = text && functionNameParts(text.text);
    if (!parsed) {
      return undefined;
    }
    if (parsed.name.length > 64) {
      return { problem: `has a function name of ${parsed.name.length} characters`, got: text.text, fix: 'function names are at most 64 characters' };
    }
    if (parsed.qualifier && parsed.qualifier.length > 128 && !isVersion(parsed.qualifier)) {
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
  whenSet: ['FunctionName'],
  summary: 'A "." in the function name is not verified to be accepted.',
  source: DOCS.api,
  check: (facts) => {
    const text = knownText(facts, 'FunctionName');
    const parsed = text && functionNameParts(text.text);
    return parsed && parsed.name.includes('.') ? {
      problem: 'has a "." in the function name, which Lambda function names do not contain',
      got: text.text,
      fix: 'check the function name; Lambda names use letters, digits, - and _',
    } : undefined;
  },
};

/** ESM406: function and stream live in one partition. */
export const ESM406: Rule = sameArnPart({
  id: 'ESM406',
  severity: RuleSeverity.ERROR,
  part: 'partition',
  summary: 'A function ARN and the EventSourceArn are in the same partition (partitions are isolated).',
  source: DOCS.arns,
  fix: 'map the stream to a function in the same partition',
});

/** ESM407: cross-region mappings are not documented. */
export const ESM407: Rule = sameArnPart({
  id: 'ESM407',
  severity: RuleSeverity.WARNING,
  part: 'region',
  summary: 'A function ARN and the EventSourceArn are in the same region (cross-region mappings are not documented).',
  source: DOCS.api,
  fix: 'map the stream to a function in its own region',
});

/**
 * ESM408: one mapping per event source and function. Lambda answers a second CreateEventSourceMapping for the same
 * stream (or consumer) and function, version or alias with 409 ResourceConflictException "provided mapping already
 * exists". The validation layer finds the earlier mapping (`MappingFacts.duplicateOf`); the rule reports it.
 */
export const ESM408: Rule = {
  id: 'ESM408',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'EventSourceArn',
  summary: 'No two mappings of an app (one Stage) pair the same EventSourceArn with the same FunctionName, qualifier included, in one account and region: Lambda rejects the second with 409 ResourceConflictException.',
  source: `${DOCS.api} ; ${RECORDED.duplicateMapping} ; ${RECORDED.replacementConflict}`,
  check: (facts) => {
    if (facts.duplicateOf === undefined) {
      return undefined;
    }
    const fn = knownText(facts, 'FunctionName');
    return {
      problem: `is already mapped to ${fn?.exact ? JSON.stringify(fn.text) : 'the same function'} by ${facts.duplicateOf}`,
      got: subNotation(rawValueAt(facts.properties, 'EventSourceArn')),
      fix: 'Lambda keeps one mapping per stream (or consumer) and function, version or alias (409 ResourceConflictException): '
        + 'remove one of the two, or map another alias, or read the stream through an enhanced fan-out consumer',
    };
  },
};
