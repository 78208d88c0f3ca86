import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import { Api } from '#infra/constructs/api.ts';
import { EvidenceArrival } from '#infra/constructs/evidence-arrival.ts';
import { Jobs } from '#infra/constructs/jobs.ts';
import { PublicSite } from '#infra/constructs/public-site.ts';
import type { DeploymentContext } from '#infra/context.ts';
import type { StatefulStack } from '#infra/stacks/stateful-stack.ts';

export interface StatelessStackProps extends StackProps {
  deployment: DeploymentContext;
  stateful: StatefulStack;
}

/**
 * What can be redeployed at will, as four constructs: the jobs on their schedules
 * (`constructs/jobs.ts`), the HTTP API with one function per area (`constructs/api.ts`), the
 * public site and the console behind CloudFront (`constructs/public-site.ts`), and the check of
 * arriving evidence (`constructs/evidence-arrival.ts`). The route table (functions/routes.ts) and
 * the job table (functions/jobs.ts) drive them, as they drive the local runtime.
 */
export class StatelessStack extends Stack {
  readonly api: HttpApi;
  /** The public site (functions/site/) and the public API, cached at the edge. */
  readonly site: Distribution;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { deployment, stateful } = props;
    const { identity } = deployment;
    const environment = {
      MAIN_TABLE: stateful.tables.MAIN_TABLE.tableName,
      JOURNAL_TABLE: stateful.tables.JOURNAL_TABLE.tableName,
      IDEMPOTENCY_TABLE: stateful.tables.IDEMPOTENCY_TABLE.tableName,
      EVIDENCE_BUCKET: stateful.evidenceBucket.bucketName,
      EVIDENCE_RETENTION_DAYS: String(deployment.evidenceRetentionDays),
      EVIDENCE_CHECKSUMS: 's3',
      PUBLIC_BASE_URL: deployment.publicBaseUrl,
      ROLES_CLAIM: identity.rolesClaim,
      AGENCY_CLAIM: identity.agencyClaim,
      UNIT_CLAIM: identity.unitClaim,
      EVENT_BUS_NAME: stateful.eventBus.eventBusName,
      IDENTITY_PROVIDER: identity.provider,
      ...(stateful.userPool ? { USER_POOL_ID: stateful.userPool.userPoolId } : {}),
    };
    const cognito = identity.provider === 'cognito';
    const issuer = cognito
      ? `https://cognito-idp.${this.region}.${this.urlSuffix}/${stateful.userPool?.userPoolId}`
      : identity.issuer;

    const jobs = new Jobs(this, 'Jobs', { environment, stateful });
    this.api = new Api(this, 'Api', {
      stateful,
      environment,
      issuer,
      audience: cognito ? [stateful.userPoolClient?.userPoolClientId ?? ''] : identity.audience,
      sweep: jobs.function('publication-sweep'),
      schedulerRole: jobs.schedulerRole,
    }).httpApi;
    this.site = new PublicSite(this, 'Site', {
      api: this.api,
      stateful,
      signIn: cognito
        ? {
            authority: issuer,
            clientId: stateful.userPoolClient?.userPoolClientId ?? '',
            scope: 'openid profile',
            origins: [
              `https://cognito-idp.${this.region}.${this.urlSuffix}`,
              stateful.signInDomain?.baseUrl() ?? '',
            ],
          }
        : {
            authority: identity.issuer,
            clientId: identity.consoleClientId ?? identity.audience[0] ?? '',
            scope: identity.consoleScope,
            origins: [new URL(identity.issuer).origin, ...identity.consoleOrigins],
          },
    }).distribution;
    new EvidenceArrival(this, 'EvidenceArrival', { environment, stateful });
    new CfnOutput(this, 'PublicSiteUrl', {
      value: `https://${this.site.distributionDomainName}/`,
      description:
        'The public site; set the publicBaseUrl context to it (or to its own domain) so QR codes open it',
    });
  }
}
