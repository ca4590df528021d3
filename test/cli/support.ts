import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');

/** The command as users run it: lib/cli/main.ts compiled by tsc into a fresh directory, run by node in a child process. */
export interface Cli {
  run(args: readonly string[], options?: { cwd?: string }): { status: number | null; stdout: string; stderr: string };
  dispose(): void;
}

export function buildCli(): Cli {
  // Inside the repository, so that the compiled command resolves its dependency (yaml) from node_modules.
  const out = mkdtempSync(join(ROOT, 'test', 'cli', '.build-'));
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--outDir', out, '--rootDir', ROOT, '--module', 'commonjs',
    '--target', 'ES2020', '--skipLibCheck', '--strict', '--esModuleInterop', '--types', 'node', join(ROOT, 'lib', 'cli', 'main.ts')], { stdio: 'pipe' });
  const main = join(out, 'lib', 'cli', 'main.js');
  return {
    run: (args, options = {}) => {
      const result = spawnSync(process.execPath, [main, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf-8' });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    dispose: () => rmSync(out, { recursive: true, force: true }),
  };
}
