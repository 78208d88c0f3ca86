import { inject } from 'vitest';

// Every test process talks to the run's DynamoDB Local and radosgw, as a handler would.
Object.assign(process.env, inject('localEnv'));
