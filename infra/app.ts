import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readContext } from '#infra/context.ts';
import { StatefulStack } from '#infra/stacks/stateful-stack.ts';
import { StatelessStack } from '#infra/stacks/stateless-stack.ts';

/** Builds the platform's stacks on an app; tests call this with their own context. */
export function buildApp(app: App): { stateful: StatefulStack; stateless: StatelessStack } {
  const deployment = readContext(app);
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const stateful = new StatefulStack(app, 'EnforcementStateful', { deployment, env });
  const stateless = new StatelessStack(app, 'EnforcementStateless', { deployment, stateful, env });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { stateful, stateless };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const app = new App();
  buildApp(app);
  app.synth();
}
