/**
 * A computation in steps: the generator yields wherever a caller may let other work run, and
 * returns the result. Steps are small (a few milliseconds at most); whoever runs them decides how
 * many go in one turn of the event loop.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs steps to their end at once. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
