import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { TableDefinition } from '#shared/kernel/store/table-definitions.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The construct id of a handler or a job: `officers/create-officer` -> `OfficersCreateOfficer`. */
export const constructIdOf = (name: string) =>
  name
    .split(/[/-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

export interface ProjectFunctionProps {
  /** The module that exports `handler`, relative to the project root, without extension. */
  entry: string;
  environment: Record<string, string>;
  description?: string;
  timeout?: Duration;
  memorySize?: number;
  /** The Powertools service name: the API area or `jobs`. */
  serviceName: string;
  /** Files from node_modules to put beside the handler in the bundle (fonts and the like). */
  bundledFiles?: readonly { from: string; to: string }[];
}

/**
 * Every Lambda of the platform: Node.js 24 on arm64, X-Ray tracing, its own log group, an ESM
 * bundle with source maps. Table access is granted through `useTable`, which also says why.
 */
export class ProjectFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ProjectFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    super(scope, id, {
      entry: `${projectRoot}${props.entry}.ts`,
      handler: 'handler',
      projectRoot,
      depsLockFilePath: `${projectRoot}package-lock.json`,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(29),
      logGroup,
      description: props.description ?? props.entry,
      environment: {
        ...props.environment,
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.serviceName,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        platform: 'node',
        mainFields: ['module', 'main'],
        sourceMap: true,
        minify: true,
        // Node's own Brotli in place of the pure-JS decoder fontkit imports (470 KB of each PDF bundle).
        esbuildArgs: { '--alias:brotli': `${projectRoot}infra/bundling/brotli` },
        // Some dependencies are CommonJS and call require(): give the ESM bundle one.
        banner:
          "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        ...(props.bundledFiles?.length
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) =>
                  (props.bundledFiles ?? []).map(
                    (file) => `cp "${inputDir}/node_modules/${file.from}" "${outputDir}/${file.to}"`,
                  ),
              },
            }
          : {}),
      },
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'The AWS managed basic execution role only allows writing to CloudWatch Logs.',
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments/PutTelemetryRecords do not support resource-level permissions.',
    });
  }

  /**
   * Grants table access for a stated purpose, on the table and its named indexes only (no
   * wildcards). `append-only` is the journal's: put new items and read, never update or delete (REC-3).
   */
  useTable(
    table: ITableV2,
    definition: TableDefinition,
    access: 'read' | 'read-write' | 'append-only',
  ): this {
    const actions = [
      ...readActions,
      ...(access === 'read-write' ? writeActions : []),
      ...(access === 'append-only' ? ['dynamodb:PutItem'] : []),
    ];
    const resources = [
      table.tableArn,
      ...definition.indexes.map((index) => `${table.tableArn}/index/${index.name}`),
    ];
    this.addToRolePolicy(new PolicyStatement({ actions, resources }));
    return this;
  }
}

const readActions = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];
const writeActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];
