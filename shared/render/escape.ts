/**
 * Text inside HTML, XML or SVG markup: every character that could open or close markup becomes a
 * numeric character reference, which both HTML and XML read back as the character. The site's
 * pages escape through Preact; this is for markup written as strings (the window card's SVG, feeds).
 */
export const escapeMarkup = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
