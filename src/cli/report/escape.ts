/** HTML text and attribute escaping: every string from a dump (symbols, file names) goes through here. */
const MAP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => MAP[c]);
