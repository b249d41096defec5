/**
 * Starts an async iterable now rather than at its first `for await`: its first `next()` is
 * called at once (for a stream, the request goes out in this task), and the returned iterable
 * hands that first result to whoever iterates it later. A factory that throws gives an iterable
 * whose first step rejects, as a later start would have.
 *
 * @example
 * const events = startedNow(() => client.runs.stream(threadId, "agent", options));
 * renderSomethingExpensive(); // the request is already on its way
 * for await (const event of events) handle(event);
 */
export function startedNow<T>(start: () => AsyncIterable<T>): AsyncIterable<T> {
  let iterator: AsyncIterator<T>;
  let first: Promise<IteratorResult<T>> | undefined;
  try {
    iterator = start()[Symbol.asyncIterator]();
    first = iterator.next();
  } catch (error) {
    first = Promise.reject(error as Error);
    iterator = { next: () => Promise.resolve({ done: true, value: undefined }) };
  }
  // Whoever iterates later handles a rejection; until then it is not "unhandled".
  first.catch(() => undefined);
  return {
    [Symbol.asyncIterator]: () => ({
      next: () => {
        const step = first ?? iterator.next();
        first = undefined;
        return step;
      },
      return: (value?: unknown) =>
        iterator.return?.(value) ?? Promise.resolve({ done: true, value: undefined }),
    }),
  };
}
