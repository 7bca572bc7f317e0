/**
 * Maps a value that may still be on its way. Resolvers return plain values when the data is
 * already there (embedded relations, read columns), so graphql-js completes those fields
 * synchronously: a page of cases has thousands of them, and a promise for each showed in profiles.
 */
export function map<T, U>(value: T | Promise<T>, transform: (ready: T) => U): U | Promise<U> {
  return value instanceof Promise ? value.then(transform) : transform(value);
}
