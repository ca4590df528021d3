#!/usr/bin/env node
import { readFileSync } from 'fs';
import { join } from 'path';
import { checkInputs } from './check';
import { Format, FORMATS, render, TOOL_NAME } from './formats';
import { readInputs, TemplateInput } from './inputs';
import { InputError } from './parse';
import { DEFAULT_GROUPS, RuleGroup, RULES, RuleSeverity } from '../rules';
import { RULE_FAILURE } from '../validation/engine';

const GROUPS = Object.values(RuleGroup) as string[];
const RULE_IDS = new Set([RULE_FAILURE.id, ...RULES.map((rule) => rule.id)]);

const USAGE = `Usage: ${TOOL_NAME} check [options] PATH...

Checks the Kinesis and DynamoDB stream event source mappings of CloudFormation templates (JSON or YAML),
SAM templates (Kinesis and DynamoDB events of AWS::Serverless::Function) and cdk.out directories.

Options:
  --format text|json|sarif|junit   output format (default: text)
  --groups GROUP,...               rule groups to report: ${GROUPS.join(', ')}, or all
                                   (default: ${DEFAULT_GROUPS.join(',')})
  --ignore RULE-ID,...             rule IDs not to report (repeatable)
  -h, --help                       this help
  --version                        the version

Exit status: 0 no error finding, 1 an error finding, 2 bad invocation or unreadable input.
Acknowledge a rule on one resource in its Metadata:
  Metadata:
    ${TOOL_NAME}:
      acknowledge:
        - id: ESM804
          reason: why the finding is accepted
`;

interface Invocation {
  readonly format: Format;
  readonly groups: readonly RuleGroup[];
  readonly ignore: readonly string[];
  readonly paths: readonly string[];
}

class UsageError extends Error {}

function parseArgs(args: readonly string[]): Invocation | 'help' | 'version' {
  if (args.includes('-h') || args.includes('--help')) {
    return 'help';
  }
  if (args.includes('--version')) {
    return 'version';
  }
  const [command, ...rest] = args;
  if (command !== 'check') {
    throw new UsageError(command === undefined ? 'missing command: check' : `unknown command: ${command}`);
  }
  let format: Format = 'text';
  let groups: readonly RuleGroup[] = DEFAULT_GROUPS;
  const ignore: string[] = [];
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined || v === '') {
        throw new UsageError(`${name} needs a value`);
      }
      return v;
    };
    if (name === '--format') {
      const v = value();
      if (!(FORMATS as readonly string[]).includes(v)) {
        throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got ${v}`);
      }
      format = v as Format;
    } else if (name === '--groups') {
      const list = value().split(',').map((g) => g.trim());
      const unknown = list.filter((g) => g !== 'all' && !GROUPS.includes(g));
      if (unknown.length > 0) {
        throw new UsageError(`--groups takes ${GROUPS.join(', ')} or all, got ${unknown.join(', ')}`);
      }
      groups = list.includes('all') ? Object.values(RuleGroup) : list as RuleGroup[];
    } else if (name === '--ignore') {
      const list = value().split(',').map((id) => id.trim().toUpperCase());
      const unknown = list.filter((id) => !RULE_IDS.has(id));
      if (unknown.length > 0) {
        throw new UsageError(`--ignore takes rule IDs such as ESM804, got ${unknown.join(', ')}`);
      }
      ignore.push(...list);
    } else if (name.startsWith('-') && name !== '-') {
      throw new UsageError(`unknown option: ${name}`);
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) {
    throw new UsageError('no PATH given: name template files or cdk.out directories');
  }
  return { format, groups, ignore, paths };
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf-8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Runs the command; returns the exit status. Output goes to `out`, problems to `err`. */
export function run(args: readonly string[], out: (text: string) => void, err: (text: string) => void, nowSeconds = Date.now() / 1000): number {
  let invocation: ReturnType<typeof parseArgs>;
  try {
    invocation = parseArgs(args);
  } catch (e) {
    err(`${TOOL_NAME}: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (invocation === 'help') {
    out(USAGE);
    return 0;
  }
  if (invocation === 'version') {
    out(`${version()}\n`);
    return 0;
  }
  try {
    const inputs: TemplateInput[] = invocation.paths.flatMap(readInputs);
    const report = checkInputs(inputs, { groups: invocation.groups, ignore: invocation.ignore, nowSeconds });
    out(render(invocation.format, report, version()));
    return report.findings.some((f) => f.severity === RuleSeverity.ERROR) ? 1 : 0;
  } catch (e) {
    if (e instanceof InputError) {
      err(`${TOOL_NAME}: ${e.message}\n`);
      return 2;
    }
    // A bug of ours: still no stack trace for the user, but enough to report it.
    err(`${TOOL_NAME}: internal error, please report it: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`);
    return 2;
  }
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), (text) => process.stdout.write(text), (text) => process.stderr.write(text));
}
