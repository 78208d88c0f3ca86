import { Duration, Fn, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Construct } from 'constructs';
import { ConsoleHosting, type ConsoleSignIn } from '#infra/constructs/console-hosting.ts';
import type { StatefulStack } from '#infra/stacks/stateful-stack.ts';

/**
 * The public site and the public API through CloudFront (PUB-14), and the staff console beside
 * them. Nothing stays cached longer than a minute, so a withdrawn decision leaves every cached
 * page within a minute (PUB-11); pages that must be live (a certificate's status) say no-store
 * and are not kept at all.
 */
export class PublicSite extends Construct {
  readonly distribution: Distribution;

  constructor(
    scope: Construct,
    id: string,
    props: { api: HttpApi; stateful: StatefulStack; signIn: ConsoleSignIn },
  ) {
    super(scope, id);
    const apiOrigin = new HttpOrigin(Fn.select(2, Fn.split('/', props.api.apiEndpoint)), {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
    });
    const publicCache = new CachePolicy(this, 'PublicPagesCache', {
      comment: 'Public pages and answers: at most 60 s, every query parameter in the key',
      defaultTtl: Duration.seconds(60),
      maxTtl: Duration.seconds(60),
      minTtl: Duration.seconds(0),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      headerBehavior: CacheHeaderBehavior.none(),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const publicBehaviour = {
      origin: apiOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: publicCache,
      compress: true,
    };
    const consoleHosting = new ConsoleHosting(this, 'Console', {
      apiOrigin,
      evidenceStoreOrigin: `https://${props.stateful.evidenceBucket.bucketRegionalDomainName}`,
      signIn: props.signIn,
    });
    this.distribution = new Distribution(this, 'PublicSite', {
      comment: '行政执法公示平台 public site, public API and staff console',
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultBehavior: { ...publicBehaviour, allowedMethods: AllowedMethods.ALLOW_GET_HEAD },
      additionalBehaviors: {
        // Public JSON, PDFs and feeds, and the complaint form's POST (never cached).
        '/public/v1/*': {
          ...publicBehaviour,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
        ...consoleHosting.behaviours,
      },
    });
    consoleHosting.deploy(this.distribution);
    for (const [rule, reason] of [
      ['AwsSolutions-CFR1', 'Public disclosure (公示) is for everyone: no geographic restriction.'],
      [
        'AwsSolutions-CFR7',
        'The console bucket is read through an origin access identity: origin access control does not exist in the China regions.',
      ],
      [
        'AwsSolutions-CFR2',
        'Anonymous routes are throttled per route at the API stage and per address in the handlers; a WAF web ACL is attached per deployment.',
      ],
      [
        'AwsSolutions-CFR3',
        'The API stage logs every request, including those CloudFront forwards; cached pages are published data.',
      ],
      [
        'AwsSolutions-CFR4',
        'Served on the default CloudFront certificate until the deployment sets its filed (ICP) domain and certificate.',
      ],
    ] as const) {
      Validations.of(this.distribution).acknowledge({ id: rule, reason });
    }
  }
}
