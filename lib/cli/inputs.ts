import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { InputError, parseTemplate, ParsedTemplate } from './parse';
import { nestedTemplates } from '../template/mappings';
import { AcknowledgedPath, acknowledgementsIn, artifactMetadata } from '../validation/acknowledgements';

/** One template to judge, with what a cloud assembly adds: rules acknowledged in CDK, by construct path. */
export interface TemplateInput {
  readonly parsed: ParsedTemplate;
  /** Construct paths (`/Stack/Mapping`) and the rules acknowledged there with `StreamEventSourceMappingChecks.acknowledge`. */
  readonly acknowledgedPaths: readonly AcknowledgedPath[];
  /** Construct path of a resource (`Stack/Mapping/Resource`), from the manifest, where the template has no `aws:cdk:path`. */
  readonly constructPathOf?: (logicalId: string) => string | undefined;
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
  }>;
}

function readJson<T>(file: string, what: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf-8')) as T;
  } catch (e) {
    throw new InputError(`${file}: cannot read the cloud assembly's ${what}: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** Every stack template of an assembly, nested assemblies (stages) and nested stacks included. */
function readAssembly(dir: string): TemplateInput[] {
  const manifest = readJson<Manifest>(join(dir, 'manifest.json'), 'manifest');
  const inputs: TemplateInput[] = [];
  const read = new Set<string>();
  const allAcknowledged: AcknowledgedPath[] = [];
  const stacks = Object.values(manifest.artifacts ?? {}).filter((a) => a.type === 'aws:cloudformation:stack' && a.properties?.templateFile);
  for (const artifact of stacks) {
    const metadata = artifactMetadata(artifact, (file) => readJson<unknown>(join(dir, file), 'metadata'));
    const acknowledgedPaths = acknowledgementsIn(metadata);
    allAcknowledged.push(...acknowledgedPaths);
    const paths = new Map(Object.entries(metadata).flatMap(([path, entries]) => entries
      .filter((entry) => entry.type === 'aws:cdk:logicalId' && typeof entry.data === 'string')
      .map((entry) => [entry.data as string, path.replace(/^\//, '')] as const)));
    const stackTemplate = artifact.properties!.templateFile!;
    const pending = [stackTemplate];
    while (pending.length > 0) {
      const file = pending.shift()!;
      if (read.has(file)) {
        continue;
      }
      const parsed = readTemplate(join(dir, file));
      // The manifest's logical IDs are the stack's own; a nested stack's template names its paths itself.
      inputs.push({ parsed, acknowledgedPaths, constructPathOf: file === stackTemplate ? (id) => paths.get(id) : undefined });
      read.add(file);
      pending.push(...nestedTemplates(parsed.template));
    }
  }
  // Nested stack templates that no aws:asset:path names (asset metadata turned off).
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.nested.template.json') && !read.has(name)).sort()) {
    inputs.push({ parsed: readTemplate(join(dir, file)), acknowledgedPaths: allAcknowledged });
  }
  for (const artifact of Object.values(manifest.artifacts ?? {})) {
    if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      inputs.push(...readAssembly(join(dir, artifact.properties.directoryName)));
    }
  }
  return inputs;
}
