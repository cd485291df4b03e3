/**
 * Route declarations in one shape: the OpenAPI description (summary, request schemas, the one
 * success response from the contract) and a handler that returns the response body. The
 * success status is the key of `response`, so no handler sets it by hand.
 */
import type {
  FastifyContextConfig,
  FastifyInstance,
  FastifyPluginAsync,
  FastifyPluginOptions,
  FastifyReply,
  FastifyRequest,
  HTTPMethods,
} from 'fastify';
import type { z } from 'zod';
import { courseParams } from '../../contract/en-plan.schema.js';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth/auth.service.js';
import type { Database } from '../db/schema.js';
import { requireUser } from './request-context.js';

type Schema = z.ZodType;
/** A redirect (302) is the success of a sign-in step; its handler returns `reply.redirect(…)`. */
type SuccessStatus = 200 | 201 | 204 | 302 | 303;
type Parsed<S> = S extends Schema ? z.output<S> : undefined;

/** The request a handler sees: params, query and body as the route's schemas parsed them. */
export type RouteRequest<P, Q, B> = FastifyRequest & {
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
};

/** What a handler returns: the body (none for 204), or the reply when it sent something else. */
type Body<S, R extends Schema> = (S extends 204 ? void | z.output<R> : z.output<R>) | FastifyReply;
type Result<S, R extends Schema> = Body<S, R> | Promise<Body<S, R>>;

/** What a route declares besides its method and path; `Args` lead the handler's arguments. */
type RouteSpec<Args extends unknown[], P, Q, B, S extends SuccessStatus, R extends Schema> = {
  summary: string;
  params?: P;
  querystring?: Q;
  body?: B;
  /** Request content types besides JSON (OpenAPI `consumes`). */
  consumes?: string[];
  /** The one success response: its status and schema. */
  response: { [K in S]: R };
  /** Error responses with a body of their own (an HTML page), for the description. */
  errors?: Record<number, Schema>;
  config?: FastifyContextConfig;
  /** The largest request body this route takes, in bytes, when not the app's default. */
  bodyLimit?: number;
  handler: (...args: [...Args, RouteRequest<P, Q, B>, FastifyReply]) => Result<S, R>;
};

type Register<Args extends unknown[]> = <
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  S extends SuccessStatus = 200,
  R extends Schema = Schema,
>(
  url: string,
  spec: RouteSpec<Args, P, Q, B, S, R>,
) => void;

/** Registers routes by method; every route gets the builder's OpenAPI tags. */
export interface Routes<Args extends unknown[]> {
  get: Register<Args>;
  post: Register<Args>;
  put: Register<Args>;
  patch: Register<Args>;
  delete: Register<Args>;
}

type AnySpec = RouteSpec<unknown[], Schema, Schema, Schema, SuccessStatus, Schema>;

/** Routes below one resource: paths relative to `prefix`, `params` its schema unless a route names its own. */
interface Scope {
  prefix: string;
  params: Schema;
}

function builder<Args extends unknown[]>(
  app: FastifyInstance,
  tags: string[],
  leading: (request: FastifyRequest) => Args,
  scope?: Scope,
): Routes<Args> {
  const register =
    (method: HTTPMethods) =>
    (url: string, spec: AnySpec): void => {
      const { handler, config, bodyLimit, response, errors, summary, params, ...input } = spec;
      const status = Number(Object.keys(response)[0]) as SuccessStatus;
      const resource = params ?? scope?.params;
      app.route({
        method,
        url: (scope?.prefix ?? '') + url,
        config,
        bodyLimit,
        schema: {
          tags,
          summary,
          ...(resource && { params: resource }),
          ...input,
          response: { ...response, ...errors },
        },
        handler: async (request, reply) => {
          const args = leading(request);
          const body = await handler(...args, request, reply);
          // A handler that sent something else (a file, a stream) returns the reply itself.
          return body === reply || reply.sent ? reply : reply.status(status).send(body);
        },
      });
    };
  return {
    get: register('GET'),
    post: register('POST'),
    put: register('PUT'),
    patch: register('PATCH'),
    delete: register('DELETE'),
  } as unknown as Routes<Args>;
}

/** Routes anyone may call (a token in the path or a citizen session decides what they see). */
export function routes(app: FastifyInstance, tags: string[]): Routes<[]> {
  return builder(app, tags, () => []);
}

/** Routes for a signed-in user: a 401 without a session, else the handler gets the user first. */
export function userRoutes(app: FastifyInstance, tags: string[]): Routes<[AuthUser]> {
  return builder(app, tags, (request) => [requireUser(request)]);
}

/**
 * Routes for a signed-in user below `/api/courses/:id`: the path is relative to it, `params`
 * is `courseParams` unless the route names its own, and the handler gets the course id after
 * the user.
 */
export function courseRoutes(app: FastifyInstance, tags: string[]): Routes<[AuthUser, string]> {
  return builder(
    app,
    tags,
    (request) => [requireUser(request), (request.params as { id: string }).id],
    { prefix: '/api/courses/:id', params: courseParams },
  );
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
