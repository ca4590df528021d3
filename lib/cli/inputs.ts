import { existsSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { InputError, parseTemplate, ParsedTemplate } from './parse';
import { nestedTemplates } from '../template/mappings';
import { ACKNOWLEDGEMENT_METADATA } from '../validation/acknowledgements';

/** One template to judge, with what a cloud assembly adds: rules acknowledged in CDK, by construct path. */
export interface TemplateInput {
  readonly parsed: ParsedTemplate;
  /** Construct paths (`/Stack/Mapping`) and the rules acknowledged there with `StreamEventSourceMappingChecks.acknowledge`. */
  readonly acknowledgedPaths: ReadonlyArray<{ readonly path: string; readonly ruleId: string }>;
}

/** The templates a PATH names: a template file, or every stack (nested ones too) of a `cdk.out` directory. */
export function readInputs(path: string): TemplateInput[] {
  if (!existsSync(path)) {
    throw new InputError(`${path}: no such file or directory`);
  }
  if (!statSync(path).isDirectory()) {
    return [{ parsed: readTemplate(path), acknowledgedPaths: [] }];
  }
  const manifest = join(path, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new InputError(`${path}: a directory must be a cloud assembly (cdk.out, with manifest.json)`);
  }
  return readAssembly(path);
}

function readTemplate(file: string): ParsedTemplate {
  let text: string;
  try {
    text = readFileSync(file, 'utf-8');
  } catch (e) {
    throw new InputError(`${file}: cannot read: ${(e as Error).message}`);
  }
  const parsed = parseTemplate(file, text);
  const template = parsed.template as { Resources?: unknown } | null;
  if (template === null || typeof template !== 'object' || Array.isArray(template)
    || template.Resources === null || typeof template.Resources !== 'object' || Array.isArray(template.Resources)) {
    throw new InputError(`${file}:1:1: not a CloudFormation template: it has no Resources section`);
  }
  return parsed;
}

interface Manifest {
  readonly artifacts?: Record<string, {
    readonly type?: string;
    readonly properties?: { readonly templateFile?: string; readonly directoryName?: string };
    readonly metadata?: Record<string, ReadonlyArray<{ readonly type?: string; readonly data?: unknown }>>;
  }>;
}

/** Every stack template of an assembly, nested assemblies (stages) and nested stacks included. */
function readAssembly(dir: string): TemplateInput[] {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf-8')) as Manifest;
  } catch (e) {
    throw new InputError(`${join(dir, 'manifest.json')}: cannot read the cloud assembly manifest: ${(e as Error).message.split('\n')[0]}`);
  }
  const inputs: TemplateInput[] = [];
  for (const artifact of Object.values(manifest.artifacts ?? {})) {
    if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      inputs.push(...readAssembly(join(dir, artifact.properties.directoryName)));
    }
    if (artifact.type !== 'aws:cloudformation:stack' || !artifact.properties?.templateFile) {
      continue;
    }
    const acknowledgedPaths = Object.entries(artifact.metadata ?? {}).flatMap(([path, entries]) => entries
      .filter((entry) => entry.type === ACKNOWLEDGEMENT_METADATA)
      .map((entry) => ({ path, ruleId: String((entry.data as { ruleId?: unknown } | undefined)?.ruleId) })));
    const pending = [artifact.properties.templateFile];
    const seen = new Set<string>();
    while (pending.length > 0) {
      const file = pending.shift()!;
      if (seen.has(file)) {
        continue;
      }
      seen.add(file);
      const parsed = readTemplate(join(dir, file));
      inputs.push({ parsed, acknowledgedPaths });
      pending.push(...nestedTemplates(parsed.template));
    }
  }
  return inputs;
}
