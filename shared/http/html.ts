/** Text for an HTML page: every character that could open markup is escaped. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Does the caller (a browser) ask for a page rather than JSON? */
export const wantsPage = (headers: Record<string, string | undefined>) =>
  (headers.accept ?? '').includes('text/html');
