/**
 * Remembers a function's results for the last few texts it read. One complaint is read by many rules,
 * each asking for the sums or the places of the same few strings (the caller's words, the operator's,
 * a masked copy); the answers are read-only, so they are computed once per string.
 */
export function recentResults<T>(read: (text: string) => T, size = 16): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const value = read(text);
    cache.set(text, value);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return value;
  };
}
