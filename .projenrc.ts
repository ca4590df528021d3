import { awscdk, javascript, JsonFile, TextFile } from 'projen';

/** Lowest aws-cdk-lib with every type the library uses (lambda.EventSourceMappingReference, which IEventSourceMapping requires from 2.215.0; kinesis.IStreamConsumer; lambda.MetricsConfig). */
const MIN_CDK_VERSION = '2.215.0';
/**
 * The aws-cdk-lib that the tests, the example and the language apps run against: the newest release that
 * npm, PyPI, Maven Central and the Go proxy all serve, so every language synthesizes with the same library.
 */
const TEST_CDK_VERSION = '2.263.0';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-stream-event-source-mapping',
  description:
    'A validated, least-privilege AWS CDK L2 for Lambda event source mappings on Kinesis streams, Kinesis consumers and DynamoDB streams.',
  author: 'cdk-stream-event-source-mapping maintainers',
  authorAddress: 'maintainers@example.com',
  repositoryUrl: 'https://github.com/example/cdk-stream-event-source-mapping.git',
  keywords: ['aws-cdk', 'cdk', 'lambda', 'kinesis', 'dynamodb', 'event-source-mapping', 'validation'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  license: 'Apache-2.0',

  cdkVersion: MIN_CDK_VERSION,
  jsiiVersion: '~6.0.16',

  // Sources in lib/, compiled JavaScript beside them and ignored by git.
  srcdir: 'lib',
  libdir: 'lib',
  testdir: 'test',

  publishToPypi: {
    distName: 'cdk-stream-event-source-mapping',
    module: 'cdk_stream_event_source_mapping',
  },
  publishToMaven: {
    javaPackage: 'io.github.cdkstreamesm',
    mavenGroupId: 'io.github.cdkstreamesm',
    mavenArtifactId: 'cdk-stream-event-source-mapping',
  },
  publishToGo: {
    moduleName: 'github.com/example/cdk-stream-event-source-mapping-go',
    packageName: 'cdkstreamesm',
  },
  publishToNuget: {
    dotNetNamespace: 'CdkStreamEventSourceMapping',
    packageId: 'CdkStreamEventSourceMapping',
  },

  // The command reads YAML templates with line and column; a jsii library's runtime dependencies are bundled.
  bundledDeps: ['yaml@^2.9.1'],
  bin: { 'cdk-stream-event-source-mapping': 'lib/cli/main.js' },

  // Tests and the example run against one pinned aws-cdk-lib; the peer range stays at the minimum.
  peerDependencyOptions: { pinnedDevDependency: false },
  devDeps: [`aws-cdk-lib@${TEST_CDK_VERSION}`, 'constructs@10.5.1', 'typescript@~5.9.3', '@types/node@^20', 'aws-cdk@^2', 'fast-check@^4', 'cdk-nag@^3'],

  jestOptions: {
    // Snapshot drift must fail the test run, never rewrite the snapshot.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      coverageThreshold: { lines: 95, branches: 95, statements: 95, functions: 95 },
      // Compiled .js sit beside the sources in lib/: resolve the .ts so tests never run a stale build.
      moduleFileExtensions: ['ts', 'tsx', 'js', 'json', 'node'],
      testPathIgnorePatterns: ['/node_modules/', '/test/languages/'],
      coveragePathIgnorePatterns: ['/node_modules/', '/test/'],
    },
  },

  githubOptions: { mergify: false },
  buildWorkflow: false,
  release: false,
  pullRequestTemplate: false,
  depsUpgrade: false,
});


// README examples must compile in every language.
project.package.addField('jsii', {
  ...(project.package.manifest.jsii ?? {}),
});

new JsonFile(project, 'cdk.json', {
  obj: {
    app: 'npx ts-node --prefer-ts-exts example/app.ts',
    notices: false,
    context: { 'cli-telemetry': false },
  },
});

// Suites beyond the unit tests; each script is the one place its suite is defined.
project.addTask('test:languages', {
  description: 'Build the Python, Java and Go packages and run the consumer apps in each language',
  exec: 'bash test/languages/run.sh',
});
project.addTask('test:cfn-lint', {
  description: 'Run cfn-lint over every template the tests and the example synthesize',
  exec: 'bash test/cfn-lint/run.sh',
});
project.addTask('test:fuzz', {
  description: 'Property-based run: 10,000 generated mappings, accepted ones judged by aws-cdk-lib\'s validator and cfn-lint',
  exec: 'bash test/fuzz/run.sh',
});
project.addTask('test:package', {
  description: 'Pack the package, install the tarball into a strict TypeScript consumer with the newest aws-cdk-lib, type-check and synthesize it',
  exec: 'bash test/package/run.sh',
});
// The consumer app compiles against the installed tarball, in a temp dir, under its own tsconfig.
project.eslint?.addIgnorePattern('test/package/consumer/');
project.addTask('test:cdk-versions', {
  description: 'Run the unit tests against other aws-cdk-lib versions (default: the peer minimum and the newest), in a scratch copy',
  exec: 'bash test/cdk-versions/run.sh',
  receiveArgs: true,
});
project.addTask('bench', {
  description: 'Measure synth cost against raw L1 and aws-cdk-lib EventSourceMapping',
  exec: 'bash bench/run.sh',
});
project.addTask('bench:cli', {
  description: 'Time the check command on one template and on a cdk.out of 1,000 mappings (needs a compiled lib)',
  exec: 'node bench/cli.js',
});
const ruleDocs = project.addTask('docs:rules', {
  description: 'Write the rule list in README.md and RULES.md from the rule table',
  exec: 'ts-node --prefer-ts-exts --transpile-only scripts/rule-docs.ts',
});
project.postCompileTask.spawn(ruleDocs);

// README examples compile in every jsii language, strictly (as cdk-validator-cfnguard does).
const rosetta = project.addTask('rosetta:extract', {
  description: 'Compile the README examples with jsii-rosetta in strict mode',
  exec: 'jsii-rosetta extract --strict',
});
project.postCompileTask.spawn(rosetta);
new TextFile(project, 'rosetta/default.ts-fixture', {
  marker: false,
  lines: [
    '// Fixture for the README examples: the imports they use, inside a stack.',
    "import { Construct } from 'constructs';",
    "import { Annotations, App, Aspects, Duration, Names, PhysicalName, Stack } from 'aws-cdk-lib';",
    "import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';",
    "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
    "import * as iam from 'aws-cdk-lib/aws-iam';",
    "import * as kinesis from 'aws-cdk-lib/aws-kinesis';",
    "import * as kms from 'aws-cdk-lib/aws-kms';",
    "import * as lambda from 'aws-cdk-lib/aws-lambda';",
    "import { DynamoEventSource, KinesisEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';",
    "import * as sqs from 'aws-cdk-lib/aws-sqs';",
    "import { RuleGroup, StreamEventSourceMapping, StreamEventSourceMappingChecks, StreamEventSourceMappingValidator, StreamSource } from 'cdk-stream-event-source-mapping';",
    '',
    'class Fixture extends Stack {',
    '  constructor(scope: Construct, id: string) {',
    '    super(scope, id);',
    '    /// here',
    '  }',
    '}',
  ],
});

// Layers import only downward; a back-edge fails lint (and so the build). Entry points sit on top, side by side.
const LAYERS = ['template', 'rules', 'validation'];
const ENTRY_POINTS = ['construct', 'aspect', 'cli', 'plugin'];
project.eslint?.addRules({
  'import/no-restricted-paths': ['error', {
    zones: LAYERS.map((layer, i) => ({
      target: `./lib/${layer}`,
      from: [...LAYERS.slice(i + 1), ...ENTRY_POINTS].map((above) => `./lib/${above}`).concat('./lib/index.ts'),
      message: `lib/${layer} is layer ${i + 1} of ${LAYERS.join(' < ')} < entry points (${ENTRY_POINTS.join(', ')}): it may import only from the layers below it.`,
    })),
  }],
});

project.eslint?.addLintPattern('example');
project.eslint?.addLintPattern('scripts');
// The example and the scripts are type-checked and linted like the tests (eslint finds the nearest tsconfig).
for (const dir of ['example', 'scripts']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: { extends: '../tsconfig.json', compilerOptions: { rootDir: '..', noEmit: true }, include: ['**/*.ts'] },
  });
}

project.gitignore.exclude('cdk.out', '.venv', '__pycache__', 'target/', '.bench/', '.jsii.tabl.json', '.m2/', 'test/languages/out/', 'test/cfn-lint/templates/', 'test/cli/.build-*');
project.npmignore?.exclude('example', 'bench', '.bench', '.ci', 'scripts', 'rosetta', 'cdk.json', 'cdk.out', 'test', '/docs/');
// The package holds compiled JavaScript and declarations only: with a .ts beside its .d.ts, a consumer's tsc
// resolves the .ts and type-checks the library's sources under the consumer's flags (test/package/run.sh).
project.npmignore?.exclude('/lib/**/*.ts');
project.npmignore?.include('/lib/**/*.d.ts');

project.synth();
