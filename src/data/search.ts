/** Lower-case without diacritics, so "sunni" finds "sünni" and "Õ" matches "o". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** True when every word of the query occurs in one of the texts. */
export function matchesQuery(query: string, texts: string[]): boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldForSearch(texts.join(' '));
  return words.every((word) => haystack.includes(word));
}
