import { documentClient } from '#shared/kernel/store/clients.ts';
import { LocalIdentity } from '#shared/organisation/store/local-identity.ts';
import { identityContract } from '#test/contracts/identity.ts';

const identity = new LocalIdentity(documentClient, process.env.MAIN_TABLE ?? '');
identityContract('the local identity store on DynamoDB Local', () => identity);
