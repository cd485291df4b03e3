/**
 * A route serializer that writes JSON without running the zod response schema: for the
 * large analysis responses (hundreds of kB), where checking every tie cost about as much
 * again as `JSON.stringify` itself (bench/README.md). The schema stays on the route, so
 * OpenAPI documents it, and the API tests parse these responses with it.
 */
export const plainJson = {
  serializerCompiler: () => (data: unknown) => JSON.stringify(data),
};
