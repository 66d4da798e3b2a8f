/**
 * Answers kept per argument, for the word lookups every candidate repeats (a
 * name recurs through an article and across a corpus). The store is emptied
 * when it reaches `limit`, so a long build cannot grow it without bound.
 */
export function remembered<T>(compute: (key: string) => T, limit = 100_000): (key: string) => T {
  const answers = new Map<string, T>();
  return (key: string): T => {
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as T;
    const answer = compute(key);
    if (answers.size >= limit) answers.clear();
    answers.set(key, answer);
    return answer;
  };
}
