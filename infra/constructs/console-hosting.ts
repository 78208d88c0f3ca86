import { existsSync } from 'node:fs';
import {
  Annotations,
  type CfnElement,
  Duration,
  RemovalPolicy,
  Stack,
  Token,
  Validations,
} from 'aws-cdk-lib';
import {
  AllowedMethods,
  type BehaviorOptions,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Function as CloudFrontFunction,
  type Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  type IOrigin,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';

/** A stack's account or region as cdk-nag names it: the value, or its placeholder if unresolved. */
const shown = (value: string, placeholder: string) => (Token.isUnresolved(value) ? placeholder : value);

/** Where `npm run console:build` writes the staff console. */
export const CONSOLE_DIST = 'console/dist';

/**
 * How the console signs staff in: the OpenID Connect issuer and the console's client there, and
 * the origins the browser calls for it (discovery, token endpoint), which the CSP must allow.
 */
export interface ConsoleSignIn {
  authority: string;
  clientId: string;
  scope: string;
  origins: string[];
}

/**
 * The staff console in AWS (issue 15): its built files in a private bucket behind the public
 * site's CloudFront distribution at `/console/` (read through an origin access identity), with the staff API at `/v1/*` on the same
 * origin (never cached, the token forwarded), so the console calls the API as it does locally.
 */
export class ConsoleHosting extends Construct {
  readonly bucket: Bucket;
  /** The distribution's behaviours for the console and the staff API. */
  readonly behaviours: Record<string, BehaviorOptions>;

  readonly #signIn: ConsoleSignIn;

  constructor(
    scope: Construct,
    id: string,
    props: { apiOrigin: IOrigin; evidenceStoreOrigin: string; signIn: ConsoleSignIn },
  ) {
    super(scope, id);
    this.#signIn = props.signIn;
    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Build output, put back by every deployment.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Public build output read only through CloudFront (origin access control); nothing here to audit.',
    });
    // The single-page app: a path under /console/ that is not a file is the app's index. CloudFront
    // Functions (and Lambda@Edge) do not exist in the China regions: there the console opens at
    // /console/ and moves within itself, and a deep link reloaded is refused (docs/architecture.md).
    const region = Stack.of(this).region;
    const inChina = !Token.isUnresolved(region) && region.startsWith('cn-');
    const appRoutes = inChina
      ? undefined
      : new CloudFrontFunction(this, 'AppRoutes', {
          runtime: FunctionRuntime.JS_2_0,
          comment: 'Console paths without a file extension serve /console/index.html',
          code: FunctionCode.fromInline(
            "function handler(event){var r=event.request;if(r.uri==='/console'){return{statusCode:301,statusDescription:'Moved Permanently',headers:{location:{value:'/console/'}}};}if(!/\\.[A-Za-z0-9]+$/.test(r.uri)){r.uri='/console/index.html';}return r;}",
          ),
        });
    const headers = new ResponseHeadersPolicy(this, 'Headers', {
      comment: 'The console: its own code and WebAssembly only, the API and the evidence store',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          // As local/console-assets.ts sends it, with the evidence store of this deployment.
          contentSecurityPolicy:
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; " +
            `img-src 'self' data: blob:; frame-src blob:; connect-src 'self' ${[props.evidenceStoreOrigin, ...props.signIn.origins].join(' ')}; frame-ancestors 'none'; ` +
            "base-uri 'self'; form-action 'self'",
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.SAME_ORIGIN, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
      },
    });
    // A cache policy that caches nothing a person may not see: at most a second, per token.
    // (CloudFront forwards Authorization on GET only when the cache key holds it.)
    const staffApi = new CachePolicy(this, 'StaffApi', {
      comment: 'Staff API: per token, at most one second',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(1),
      headerBehavior: CacheHeaderBehavior.allowList('Authorization'),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      cookieBehavior: CacheCookieBehavior.none(),
    });
    this.behaviours = {
      '/console*': {
        // An origin access identity: origin access control does not exist in the China regions.
        origin: S3BucketOrigin.withOriginAccessIdentity(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
        ...(appRoutes
          ? { functionAssociations: [{ function: appRoutes, eventType: FunctionEventType.VIEWER_REQUEST }] }
          : {}),
      },
      '/v1/*': {
        origin: props.apiOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: staffApi,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      },
    };
  }

  /**
   * Uploads console/dist and clears the distribution's copies; without a build (`npm run
   * console:build`) the stack still synthesises, with a warning, and the bucket stays as it is.
   */
  deploy(distribution: Distribution): void {
    if (!existsSync(`${CONSOLE_DIST}/index.html`)) {
      Annotations.of(this).addWarningV2(
        'enforcement:console-not-built',
        `${CONSOLE_DIST} is missing: run npm run console:build before deploying the console`,
      );
      return;
    }
    const upload = new BucketDeployment(this, 'Upload', {
      sources: [
        Source.asset(CONSOLE_DIST),
        // The identity platform of this deployment, read by the console at start (console/src/config.ts).
        Source.jsonData('config.json', {
          oidc: {
            authority: this.#signIn.authority,
            clientId: this.#signIn.clientId,
            scope: this.#signIn.scope,
          },
        }),
      ],
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'console/',
      distribution,
      distributionPaths: ['/console/*'],
      memoryLimit: 256,
    });
    // CDK's own copying function, run at deployment only: its runtime and role are CDK's.
    const copier = upload.handlerRole.node.scope as Construct;
    const copies = 'The copier reads the CDK asset and writes the console bucket, as CDK grants it.';
    const findings: [string, string][] = [
      ['AwsSolutions-L1', "CDK's BucketDeployment function; its runtime follows aws-cdk-lib."],
      [
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'The basic execution role of CDK’s deployment-time copier (logs only).',
      ],
      ...['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*'].map(
        (action): [string, string] => [`AwsSolutions-IAM5[Action::${action}]`, copies],
      ),
      ...[
        '*',
        `<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnElement)}.Arn>/*`,
        `arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${shown(Stack.of(this).account, '<AWS::AccountId>')}-${shown(Stack.of(this).region, '<AWS::Region>')}/*`,
      ].map((resource): [string, string] => [`AwsSolutions-IAM5[Resource::${resource}]`, copies]),
    ];
    for (const [id, reason] of findings) {
      Validations.of(copier).acknowledge({ id, reason });
    }
  }
}
