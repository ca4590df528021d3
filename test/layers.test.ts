import { readdirSync, statSync } from 'fs';
import { join, relative } from 'path';
import { loadESLint } from 'eslint';

const LIB = join(__dirname, '..', 'lib');
/** Bottom to top; the entry points stand side by side on top. */
const LAYERS = ['template', 'rules', 'validation'];
const ENTRY_POINTS = ['construct', 'aspect', 'cli', 'plugin'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return sources(path);
    }
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [relative(LIB, path)] : [];
  });
}

test('every source file of lib/ is in a layer folder (or is the index)', () => {
  const outside = sources(LIB).filter((file) => file !== 'index.ts' && ![...LAYERS, ...ENTRY_POINTS].includes(file.split('/')[0]));
  expect(outside).toEqual([]);
});

describe('lint rejects an import that goes up a layer', () => {
  jest.setTimeout(60_000);
  /** An existing file of each folder (the linter's TypeScript project must know the file); its text is replaced. */
  const FILE_IN: Record<string, string> = {
    template: 'template/display.ts',
    rules: 'rules/helpers.ts',
    validation: 'validation/engine.ts',
    construct: 'construct/prop-inputs.ts',
    aspect: 'aspect/stream-event-source-mapping-checks.ts',
  };
  // The project's own .eslintrc.json, as `npx projen eslint` runs it.
  const lint = async (file: string, importPath: string) => {
    const LegacyESLint = await loadESLint({ useFlatConfig: false });
    const eslint = new LegacyESLint({ cwd: join(__dirname, '..') });
    const [result] = await eslint.lintText(`import { X } from '${importPath}';\nexport const Y = X;\n`, { filePath: join(LIB, FILE_IN[file]) });
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
    return result.messages.filter((m) => m.ruleId === 'import/no-restricted-paths').map((m) => m.message);
  };

  test.each([
    ['template', '../rules'],
    ['template', '../validation/engine'],
    ['template', '../construct/stream-source'],
    ['rules', '../validation/engine'],
    ['rules', '../aspect/stream-event-source-mapping-checks'],
    ['validation', '../construct/stream-event-source-mapping'],
    ['validation', '../index'],
  ])('%s importing %s', async (layer, importPath) => {
    const messages = await lint(layer, importPath);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`lib/${layer} is layer`);
  });

  test.each([
    ['rules', '../template/values'],
    ['validation', '../rules'],
    ['construct', '../validation/synth-hook'],
    ['aspect', '../template/source-kind'],
  ])('%s importing %s (downward) is allowed', async (layer, importPath) => {
    expect(await lint(layer, importPath)).toEqual([]);
  });
});
