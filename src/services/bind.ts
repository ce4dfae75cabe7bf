/**
 * `f` with its first parameter (the dependencies, or the database) already given: how a use-case
 * group (services/<feature>/index.ts) hands a service to the bot and the jobs without handing them
 * what it closes over.
 */
export function bindDeps<D, A extends unknown[], R>(deps: D, f: (deps: D, ...args: A) => R): (...args: A) => R {
  return (...args) => f(deps, ...args);
}
