import { api, must } from './api/client.ts';
import { allPages } from './use-pages.ts';

/**
 * The agency's officers to choose from or to name by certificate (pickers, custodians): paged
 * through fully, bounded by `allPages` (1,000 officers, more than any county agency has), not a
 * search, because the pickers filter them by certificate status on the device.
 */
export const allOfficers = () => allPages((query) => must(api.GET('/v1/officers', { params: { query } })));
