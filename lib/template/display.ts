/**
 * A value as messages show it: numbers as they are, everything else as JSON. Lists and objects are cut at
 * 200 characters; strings are shown whole, since a rule that reports a string (a name, an ARN, the statements
 * to grant by hand) shortens it itself where it may be long.
 */
export function displayValue(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (typeof value === 'number') {
    return String(value);
  }
  const text = JSON.stringify(value, canonicalIntrinsics) ?? String(value);
  return typeof value !== 'string' && text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/** `Fn::GetAtt` in its list form, whichever form the template used, so that every entry point shows it alike. */
function canonicalIntrinsics(key: string, value: unknown): unknown {
  return key === 'Fn::GetAtt' && typeof value === 'string' && value.includes('.')
    ? [value.slice(0, value.indexOf('.')), value.slice(value.indexOf('.') + 1)]
    : value;
}

/**
 * A resolved template value (a literal, or the intrinsic a string token resolves to) as text:
 * literals as they are, intrinsics in `Fn::Sub` notation (`${Bucket83908E77.Arn}/*`, `arn:${AWS::Partition}:...`),
 * other intrinsics as JSON.
 */
export function subNotation(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  const [fn, args] = Object.entries(value as object)[0];
  if (fn === 'Ref') {
    return `\${${args}}`;
  }
  if (fn === 'Fn::GetAtt') {
    return `\${${(args as string[]).join('.')}}`;
  }
  if (fn === 'Fn::Join') {
    const [separator, parts] = args as [string, unknown[]];
    return parts.map(subNotation).join(separator);
  }
  return JSON.stringify(value);
}
