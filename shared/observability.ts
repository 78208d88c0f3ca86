import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/** Module-scope singletons, shared by every handler in a bundle. */
const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'enforcement-platform';

export const logger = new Logger({ serviceName });
export const metrics = new Metrics({ serviceName, namespace: 'EnforcementPlatform', logger });
