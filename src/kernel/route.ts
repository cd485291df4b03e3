/**
 * Routes bind a handler to an operation of the contract (`contract/*.api.ts`: method, path,
 * summary, request schemas and the one success response). The handler returns the response
 * body; the success status is the key of the operation's `response`, so no handler sets it
 * by hand.
 */
import type {
  FastifyContextConfig,
  FastifyInstance,
  FastifyPluginAsync,
  FastifyPluginOptions,
  FastifyReply,
  FastifyRequest,
  FastifySerializerCompiler,
} from 'fastify';
import type { z } from 'zod';
import type { Operation, SuccessStatus } from '../../contract/operation.js';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth/auth.service.js';
import type { Database } from '../db/schema.js';
import { requireUser } from './request-context.js';

type Schema = z.ZodType;
type Parsed<S> = S extends Schema ? z.output<S> : undefined;
type Field<O, K extends string> = O extends { [_ in K]: infer S extends Schema } ? S : undefined;

/** The request a handler sees: params, query and body as the route's schemas parsed them. */
export type RouteRequest<P, Q, B> = FastifyRequest & {
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
};

type Status<O extends Operation> = keyof O['response'] & SuccessStatus;
type Success<O extends Operation> = Extract<O['response'][Status<O>], Schema>;

/** What a handler returns: the body (none for 204), or the reply when it sent something else. */
type Body<O extends Operation> =
  (204 extends Status<O> ? void | z.output<Success<O>> : z.output<Success<O>>) | FastifyReply;

/** A handler of operation `O`; `Args` lead its arguments (the user, the course id). */
type Handler<Args extends unknown[], O extends Operation> = (
  ...args: [
    ...Args,
    RouteRequest<Field<O, 'params'>, Field<O, 'querystring'>, Field<O, 'body'>>,
    FastifyReply,
  ]
) => Body<O> | Promise<Body<O>>;

/** How the server runs a route, beyond what the contract says. */
export interface RouteOptions {
  config?: FastifyContextConfig;
  /** The largest request body this route takes, in bytes, when not the app's default. */
  bodyLimit?: number;
  serializerCompiler?: FastifySerializerCompiler<unknown>;
}

/** Binds a handler to an operation; every route gets the builder's OpenAPI tags. */
export type Routes<Args extends unknown[]> = <O extends Operation>(
  operation: O,
  handler: Handler<Args, O>,
  options?: RouteOptions,
) => void;

function builder<Args extends unknown[]>(
  app: FastifyInstance,
  tags: string[],
  leading: (request: FastifyRequest) => Args,
): Routes<Args> {
  const bind = (
    operation: Operation,
    handler: (...args: unknown[]) => unknown,
    options: RouteOptions = {},
  ): void => {
    const { method, path, summary, response, errors, ...input } = operation;
    const status = Number(Object.keys(response)[0]) as SuccessStatus;
    app.route({
      method,
      url: path,
      ...options,
      schema: { tags, summary, ...input, response: { ...response, ...errors } },
      handler: async (request, reply) => {
        const body = await handler(...leading(request), request, reply);
        // A handler that sent something else (a file, a stream) returns the reply itself.
        return body === reply || reply.sent ? reply : reply.status(status).send(body);
      },
    });
  };
  return bind as Routes<Args>;
}

/** Routes anyone may call (a token in the path or a citizen session decides what they see). */
export function routes(app: FastifyInstance, tags: string[]): Routes<[]> {
  return builder(app, tags, () => []);
}

/** Routes for a signed-in user: a 401 without a session, else the handler gets the user first. */
export function userRoutes(app: FastifyInstance, tags: string[]): Routes<[AuthUser]> {
  return builder(app, tags, (request) => [requireUser(request)]);
}

/** Routes for a signed-in user below `/api/courses/:id`: the handler gets the course id after the user. */
export function courseRoutes(app: FastifyInstance, tags: string[]): Routes<[AuthUser, string]> {
  return builder(app, tags, (request) => [
    requireUser(request),
    (request.params as { id: string }).id,
  ]);
}

/** The options of a plugin that needs only the database. */
export interface DbOptions {
  db: Kysely<Database>;
}

/** The routes a user plugin declares: its own, and those below a course. */
export interface UserRoutes {
  route: Routes<[AuthUser]>;
  course: Routes<[AuthUser, string]>;
}

/**
 * A route plugin for signed-in users whose routes carry `tags`; `declare` gets the routes and
 * the plugin's options (the app context, e.g. `{ deps }`).
 */
export function userPlugin<Options extends FastifyPluginOptions>(
  tags: string[],
  declare: (routes: UserRoutes, options: Options) => void,
): FastifyPluginAsync<Options> {
  return async (app, options) => {
    declare({ route: userRoutes(app, tags), course: courseRoutes(app, tags) }, options);
  };
}
