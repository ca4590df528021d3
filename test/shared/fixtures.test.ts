import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Aspects, Stack } from 'aws-cdk-lib';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import { RuleGroup, StreamEventSourceMappingChecks, StreamEventSourceMappingValidator } from '../../lib';
import { DEFAULT_GROUPS } from '../../lib/rules';
import { buildCli, Cli } from '../cli/support';

process.env.CDK_VALIDATION = 'false';

/**
 * The fixture templates (test/fixtures, built from AWS's documented Kinesis and DynamoDB examples for SAM and
 * CloudFormation) judged by the three entry points: the aspect on the template included with CfnInclude, the
 * policy-validation plugin on the synthesized template, and the command on the file. Each finding is
 * `<logical ID> <message>`; the three must agree exactly.
 */
const FIXTURES = join(__dirname, '..', 'fixtures');
const TEMPLATES = readdirSync(FIXTURES).filter((name) => /\.(ya?ml|json)$/.test(name)).sort();
const ALL_GROUPS = [RuleGroup.AWS_REJECTS, RuleGroup.NOT_VERIFIED, RuleGroup.OPERATIONS];

let cli: Cli;
const dirs: string[] = [];
beforeAll(() => {
  cli = buildCli();
}, 120_000);
afterAll(() => {
  cli.dispose();
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function includeApp(template: string, outdir?: string): { app: App; stack: Stack } {
  const app = new App(outdir ? { outdir } : {});
  const stack = new Stack(app, 'Fixture');
  new CfnInclude(stack, 'Included', { templateFile: join(FIXTURES, template) });
  return { app, stack };
}

function byAspect(template: string, ruleGroups: RuleGroup[]): string[] {
  const { app, stack } = includeApp(template);
  Aspects.of(app).add(new StreamEventSourceMappingChecks({ ruleGroups }));
  const found: string[] = [];
  try {
    app.synth();
  } catch (e) {
    found.push(...(e as Error).message.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('['))
      .map((line) => line.replace(/^\[Fixture\/Included\/([^\]]+)\] /, '$1 ')));
  }
  // Read off the constructs: Annotations.fromStack would synthesize again, and throw where synth failed.
  const warnings = stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:warning')
    .map((m) => `${c.node.id} ${(m.data as string).replace(/ \[ack: ESM\d{3}\]$/, '')}`));
  return [...found, ...warnings].sort();
}

function byPlugin(template: string, ruleGroups: RuleGroup[]): string[] {
  const outdir = mkdtempSync(join(tmpdir(), 'esm-shared-'));
  dirs.push(outdir);
  const { app } = includeApp(template, outdir);
  app.synth();
  const report = new StreamEventSourceMappingValidator({ ruleGroups }).validate({ templatePaths: [join(outdir, 'Fixture.template.json')], appConstruct: app });
  return report.violations.map((v) => `${v.violatingResources[0].resourceLogicalId} ${v.description}`).sort();
}

function byCommand(template: string, ruleGroups: readonly RuleGroup[]): string[] {
  const result = cli.run(['check', '--format', 'json', '--groups', ruleGroups.join(','), join(FIXTURES, template)]);
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as { findings: Array<{ resource: string; message: string }> }).findings.map((f) => `${f.resource} ${f.message}`).sort();
}

describe.each(TEMPLATES)('%s', (template) => {
  test('the aspect (through CfnInclude), the plugin and the command find the same, with every group', () => {
    const command = byCommand(template, ALL_GROUPS);
    expect(command.length).toBeGreaterThan(0);
    expect(byAspect(template, ALL_GROUPS)).toEqual(command);
    expect(byPlugin(template, ALL_GROUPS)).toEqual(command);
  });

  test('and with the default groups', () => {
    const command = byCommand(template, DEFAULT_GROUPS);
    expect(byAspect(template, [...DEFAULT_GROUPS])).toEqual(command);
    expect(byPlugin(template, [...DEFAULT_GROUPS])).toEqual(command);
  });
});

test('the fixtures\' findings, by rule: the table-ARN mistake is rejected in every one', () => {
  const ids = (template: string) => byCommand(template, ALL_GROUPS).map((f) => f.split(' ')[1].replace(':', '')).sort();
  expect(Object.fromEntries(TEMPLATES.map((t) => [t, ids(t)]))).toEqual({
    'cfn-stream-mappings.json': ['ESM103', 'ESM204', 'ESM302', 'ESM302', 'ESM303', 'ESM304', 'ESM603', 'ESM801', 'ESM804'],
    'cfn-stream-mappings.yaml': ['ESM103', 'ESM204', 'ESM302', 'ESM302', 'ESM303', 'ESM304', 'ESM603', 'ESM801', 'ESM804'],
    'sam-stream-events.transformed.yaml': ['ESM103', 'ESM104', 'ESM204', 'ESM303', 'ESM804'],
    'sam-stream-events.yaml': ['ESM103', 'ESM104', 'ESM204', 'ESM303', 'ESM804'],
  });
});
