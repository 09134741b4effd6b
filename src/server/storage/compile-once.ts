import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Schema } from './schema.js';

const marker = '\u0000hearth-arg:';

/**
 * Building a query with Kysely and compiling it costs more CPU than SQLite takes to run it: on the
 * hot paths (every send, every request's session) that was a quarter of the server's time. A hot
 * query is built once, with markers where its arguments go; each call binds the real values in the
 * markers' places and runs the same SQL. Only for queries whose shape does not depend on the values
 * (no IN list of varying length), and arguments must reach the builder untouched (no toLowerCase on
 * a marker): building checks that every marker arrived as a parameter.
 *
 * `db` only compiles; each call runs on the executor it is given (the database, or a transaction).
 */
export function compileOnce<A extends unknown[], R>(
  db: Kysely<Schema>,
  build: (db: Kysely<Schema>, ...args: A) => Compilable<R>,
): (executor: Kysely<Schema>, ...args: A) => Promise<QueryResult<R>> {
  const bind = bindOnce(db, build);
  return (executor, ...args) => executor.executeQuery<R>(bind(...args));
}

/** compileOnce's binding alone: the query with these arguments, to run by other means. */
export function bindOnce<A extends unknown[], R>(
  db: Kysely<Schema>,
  build: (db: Kysely<Schema>, ...args: A) => Compilable<R>,
): (...args: A) => CompiledQuery<R> {
  const markers = Array.from({ length: build.length - 1 }, (_, i) => `${marker}${i}`) as A;
  const template = build(db, ...markers).compile();
  const slots = template.parameters.map((value) =>
    typeof value === 'string' && value.startsWith(marker) ? Number(value.slice(marker.length)) : -1,
  );
  const missing = markers.findIndex((_, i) => !slots.includes(i));
  if (missing >= 0) throw new Error(`compileOnce: argument ${missing} of ${template.sql} did not reach the query as a parameter`);
  return (...args) => ({ ...template, parameters: slots.map((slot, i) => (slot < 0 ? template.parameters[i] : args[slot])) });
}
