import { Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routeTable } from '#functions/routes.ts';
import { areaOf, writeAreaEntry } from '#infra/constructs/area-entry.ts';
import { grantEvidenceArchive } from '#infra/constructs/evidence-grants.ts';
import { constructIdOf, ProjectFunction } from '#infra/constructs/project-function.ts';
import type { StatefulStack } from '#infra/stacks/stateful-stack.ts';
import { grantsOf } from '#shared/http/grants.ts';
import { type RouteDef, routeKey } from '#shared/http/route.ts';
import { idempotencyTable, journalTable, mainTable } from '#shared/kernel/store/table-definitions.ts';

export interface ApiProps {
  stateful: StatefulStack;
  environment: Record<string, string>;
  /** The JWT issuer and audience of staff tokens (Cognito or the province's platform). */
  issuer: string;
  audience: string[];
  /** The publication sweep and the role its one-time due-date schedules run under (PUB-12). */
  sweep: ProjectFunction;
  schedulerRole: Role;
}

/**
 * The HTTP API: its JWT authorizer, the stage with its access log and throttling (anonymous
 * routes a quarter of a staff route's rate), and one function per API area, granted the union of
 * what its routes need (a function per route would exceed CloudFormation's 500 resources). The
 * route table (functions/routes.ts) drives it, as it drives the local runtime.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { stateful } = props;
    const authorizer = new HttpJwtAuthorizer('JwtAuthorizer', props.issuer, {
      jwtAudience: props.audience,
      identitySource: ['$request.header.Authorization'],
    });
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: '行政执法三项制度平台 HTTP API',
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
      corsPreflight: {
        allowOrigins: ['*'],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
        allowMethods: [CorsHttpMethod.ANY],
        maxAge: Duration.hours(1),
      },
    });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_YEAR });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
      throttle: { rateLimit: 200, burstLimit: 400 },
    });
    // Anonymous routes get a quarter of a staff route's rate: a crawler or a flood of complaints
    // reaches its own limit long before the account's, which staff routes share.
    (stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      (routeTable as RouteDef[])
        .filter((route) => route.access === 'public')
        .map((route) => [routeKey(route), { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }]),
    );
    const environment = {
      ...props.environment,
      SWEEP_FUNCTION_ARN: props.sweep.functionArn,
      SCHEDULER_ROLE_ARN: props.schedulerRole.roleArn,
      SCHEDULE_GROUP: stateful.scheduleGroup.scheduleGroupName,
    };
    for (const [area, routes] of Map.groupBy(routeTable as RouteDef[], areaOf)) {
      const bundledFiles = routes.flatMap((route) => route.bundledFiles ?? []);
      const fn = new ProjectFunction(this, constructIdOf(`api-${area}`), {
        entry: writeAreaEntry(area, routes),
        serviceName: area,
        environment,
        description: `API: ${area}`,
        ...(bundledFiles.length > 0 ? { bundledFiles, memorySize: 2048 } : {}),
      });
      this.#grant(fn, routes, props);
      const integration = new HttpLambdaIntegration(`${constructIdOf(`api-${area}`)}Integration`, fn);
      for (const route of routes) {
        const [addedRoute] = this.httpApi.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration,
          ...(route.access === 'public' ? { authorizer: new HttpNoneAuthorizer() } : {}),
        });
        if (route.access === 'public' && addedRoute) {
          Validations.of(addedRoute).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason:
              'A public route of docs/api.md: it serves only published, desensitised data or accepts public complaints.',
          });
        }
      }
    }
  }

  /** Exactly what the area's routes need (`grantsOf`): tables, events, archive, schedules, identities. */
  #grant(fn: ProjectFunction, routes: RouteDef[], { stateful, schedulerRole }: ApiProps) {
    const grants = grantsOf(routes);
    fn.useTable(stateful.tables.MAIN_TABLE, mainTable, grants.main);
    if (grants.journal) fn.useTable(stateful.tables.JOURNAL_TABLE, journalTable, 'append-only');
    if (grants.idempotency) fn.useTable(stateful.tables.IDEMPOTENCY_TABLE, idempotencyTable, 'read-write');
    if (grants.putEvents) stateful.eventBus.grantPutEventsTo(fn);
    for (const access of grants.evidenceArchive) grantEvidenceArchive(fn, access, stateful);
    if (grants.schedulesDueDates) this.#grantDueDateSchedules(fn, stateful, schedulerRole);
    if (grants.identities && stateful.userPool) {
      // Exactly the admin actions of shared/organisation/store/cognito-identity.ts, on this pool only.
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: [
            'cognito-idp:AdminCreateUser',
            'cognito-idp:AdminGetUser',
            'cognito-idp:AdminUpdateUserAttributes',
            'cognito-idp:AdminDeleteUserAttributes',
            'cognito-idp:AdminAddUserToGroup',
            'cognito-idp:AdminRemoveUserFromGroup',
            'cognito-idp:AdminListGroupsForUser',
            'cognito-idp:AdminDisableUser',
            'cognito-idp:AdminUserGlobalSignOut',
          ],
          resources: [stateful.userPool.userPoolArn],
        }),
      );
    }
  }

  /** Each publication's due date gets a one-time schedule that runs the sweep (PUB-12). */
  #grantDueDateSchedules(fn: ProjectFunction, stateful: StatefulStack, schedulerRole: Role) {
    const stack = Stack.of(this);
    const group = stateful.scheduleGroup.scheduleGroupName;
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['scheduler:CreateSchedule'],
        resources: [
          stack.formatArn({
            service: 'scheduler',
            resource: 'schedule',
            resourceName: `${group}/publication-*`,
          }),
        ],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({ actions: ['iam:PassRole'], resources: [schedulerRole.roleArn] }),
    );
    // How cdk-nag prints the ARN: unresolved region and account as pseudo parameters.
    const shown = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
    Validations.of(fn).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:${shown(stack.region, 'Region')}:${shown(stack.account, 'AccountId')}:schedule/${group}/publication-*]`,
      reason: 'One schedule per publication, named publication-{id}, in the platform group only.',
    });
  }
}
