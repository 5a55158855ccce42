/** Escapes LIKE's wildcards (and its escape character) so user text matches itself: `name LIKE '%' || escaped || '%'`. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
