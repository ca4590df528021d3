import { CfnResource, Stack } from 'aws-cdk-lib/core';

/** The parts of `CfnResource` the fast read uses: protected or private there, stable across aws-cdk-lib 2. */
interface CfnInternals {
  readonly cfnProperties: Record<string, unknown>;
  readonly rawOverrides?: Record<string, unknown>;
  renderProperties(props: Record<string, unknown>): Record<string, unknown>;
}

/**
 * The mapping's `Properties` as they will appear in the template: props, property overrides and tags,
 * resolved, with intrinsics left as objects. Where aws-cdk-lib's own renderer rejects values of the wrong
 * JavaScript type (it would fail synth with its own error), the props as given, so that ESM001 names them.
 *
 * Without overrides, the props are rendered and resolved alone, not as the whole resource entry synth builds
 * (type, metadata, dependencies): the same properties for a third of the cost. With overrides, the entry.
 */
export function synthesizedProperties(mapping: CfnResource): { properties: Record<string, unknown>; rejectedByCdk?: string } {
  const stack = Stack.of(mapping);
  const internals = mapping as unknown as CfnInternals;
  let rendered: Record<string, unknown>;
  try {
    rendered = internals.renderProperties(internals.cfnProperties);
  } catch (e) {
    return { properties: pascalCaseKeys(stack.resolve(internals.cfnProperties)) as Record<string, unknown>, rejectedByCdk: (e as Error).message };
  }
  if (internals.rawOverrides && Object.keys(internals.rawOverrides).length > 0) {
    const entry = Object.values((mapping._toCloudFormation() as { Resources: Record<string, unknown> }).Resources)[0];
    return { properties: (stack.resolve(entry) as { Properties?: Record<string, unknown> }).Properties ?? {} };
  }
  return { properties: (stack.resolve(rendered) as Record<string, unknown> | undefined) ?? {} };
}

function pascalCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(pascalCaseKeys);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), pascalCaseKeys(v)]));
}
