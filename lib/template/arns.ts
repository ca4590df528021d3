import { rememberLast } from './remember-last';
import { StreamSourceKind } from './stream-source-kind';

/** Partition and region forms of the Lambda API's ARN patterns (aws, aws-cn, aws-us-gov, aws-iso*, aws-eusc). */
const PARTITION = 'aws[a-zA-Z0-9-]*';
const REGION = '(?:eusc-)?[a-z]{2}(?:(?:-gov)|(?:-iso[a-z]?))?-[a-z]+-\\d';
const ACCOUNT = '\\d{12}';
/** Kinesis stream and consumer names: 1 to 128 of `[a-zA-Z0-9_.-]`. */
const KINESIS_NAME = '[a-zA-Z0-9_.-]{1,128}';

/** The ARN shape each stream kind takes, with the wording messages use. */
export const ARN_SHAPES: Readonly<Record<StreamSourceKind, { readonly pattern: RegExp; readonly shape: string }>> = {
  [StreamSourceKind.KINESIS_STREAM]: {
    pattern: new RegExp(`^arn:${PARTITION}:kinesis:${REGION}:${ACCOUNT}:stream/${KINESIS_NAME}$`),
    shape: 'arn:<partition>:kinesis:<region>:<12-digit account>:stream/<stream name>',
  },
  [StreamSourceKind.KINESIS_CONSUMER]: {
    pattern: new RegExp(`^arn:${PARTITION}:kinesis:${REGION}:${ACCOUNT}:stream/${KINESIS_NAME}/consumer/${KINESIS_NAME}:\\d+$`),
    shape: 'arn:<partition>:kinesis:<region>:<12-digit account>:stream/<stream name>/consumer/<consumer name>:<creation timestamp>',
  },
  [StreamSourceKind.DYNAMODB_STREAM]: {
    pattern: new RegExp(`^arn:${PARTITION}:dynamodb:${REGION}:${ACCOUNT}:table/[a-zA-Z0-9_.-]{3,255}/stream/[^/]+$`),
    shape: 'arn:<partition>:dynamodb:<region>:<12-digit account>:table/<table name>/stream/<stream label>',
  },
};

/** The generic ARN pattern of `EventSourceArn` and `DestinationConfig.OnFailure.Destination` (API, full match). */
export const GENERIC_ARN = new RegExp(`^arn:(${PARTITION}):([a-zA-Z0-9-]+):(${REGION})?:(${ACCOUNT})?:(.*)$`, 's');

/** The parts of an ARN, or undefined when the text is not one. */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

export const parseArn: (text: string) => ArnParts | undefined = rememberLast((text) => {
  const m = GENERIC_ARN.exec(text);
  return m ? { partition: m[1], service: m[2], region: m[3] ?? '', account: m[4] ?? '', resource: m[5] } : undefined;
});

/**
 * The stream kind an ARN denotes, read from its service and resource alone (so `arn:aws:kinesis:...:stream/x/consumer/y:1`
 * is a consumer even if its name is too long); undefined for anything that is not a stream.
 */
export function kindOfArn(text: string): StreamSourceKind | undefined {
  const parts = /^arn:[^:]*:(kinesis|dynamodb):[^:]*:[^:]*:(.*)$/s.exec(text);
  if (!parts) {
    return undefined;
  }
  if (parts[1] === 'kinesis') {
    if (!parts[2].startsWith('stream/')) {
      return undefined;
    }
    return parts[2].includes('/consumer/') ? StreamSourceKind.KINESIS_CONSUMER : StreamSourceKind.KINESIS_STREAM;
  }
  return /^table\/[^/]+\/stream\//.test(parts[2]) ? StreamSourceKind.DYNAMODB_STREAM : undefined;
}

/** The parts of a FunctionName (`name`, `name:qualifier`, a partial ARN, a function ARN), read by form alone. */
export interface FunctionNameParts {
  /** Whether it starts with `arn:<partition>:lambda:`. */
  readonly arn: boolean;
  readonly partition?: string;
  readonly region?: string;
  readonly account?: string;
  readonly name: string;
  /** The version or alias after the name, as given (checked by `isValidQualifier`). */
  readonly qualifier?: string;
}

/**
 * The forms of the Lambda API's FunctionName pattern, with `.` in the name as `NamespacedFunctionName` allows,
 * but any qualifier and an ARN without region or account, so that a rule can say which part is wrong.
 * Groups: 1 `arn:...:lambda:`, 2 partition, 3 region, 4 account, 5 name, 6 qualifier.
 */
const FUNCTION_NAME_FORM = new RegExp(`^(arn:(aws[a-zA-Z-]*)?:lambda:)?(?:(${REGION}):)?(?:(${ACCOUNT}):)?(?:function:)?([a-zA-Z0-9-_.]+)(?::([^:]+))?$`);

/** A version (`$LATEST`, digits), `$LATEST.PUBLISHED`, or an alias (`[a-zA-Z0-9-_]+`): the API's Version and Alias shapes. */
const QUALIFIER = /^(?:\$LATEST(?:\.PUBLISHED)?|[a-zA-Z0-9-_]+)$/;

export function functionNameParts(text: string): FunctionNameParts | undefined {
  const m = FUNCTION_NAME_FORM.exec(text);
  return m ? { arn: m[1] !== undefined, partition: m[2], region: m[3], account: m[4], name: m[5], qualifier: m[6] } : undefined;
}

export function isValidQualifier(qualifier: string): boolean {
  return QUALIFIER.test(qualifier);
}

/** Since the 2026-07 Lambda model, an `arn:...:lambda:` FunctionName carries both region and account. */
export function hasArnWithoutRegionOrAccount(parts: FunctionNameParts): boolean {
  return parts.arn && (parts.region === undefined || parts.account === undefined);
}

/** A FunctionName the Lambda API's pattern accepts (full match), by its parts; undefined otherwise. */
export function parseFunctionName(text: string): FunctionNameParts | undefined {
  const parts = functionNameParts(text);
  return parts && !hasArnWithoutRegionOrAccount(parts) && (parts.qualifier === undefined || isValidQualifier(parts.qualifier))
    ? parts : undefined;
}

/** Human names of the kinds for messages. */
export const KIND_NAMES: Readonly<Record<StreamSourceKind, string>> = {
  [StreamSourceKind.KINESIS_STREAM]: 'Kinesis data stream',
  [StreamSourceKind.KINESIS_CONSUMER]: 'Kinesis stream consumer',
  [StreamSourceKind.DYNAMODB_STREAM]: 'DynamoDB stream',
};
