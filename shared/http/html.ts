/** Does the caller (a browser) ask for a page rather than JSON? */
export const wantsPage = (headers: Record<string, string | undefined>) =>
  (headers.accept ?? '').includes('text/html');
