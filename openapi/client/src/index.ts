// A typed client of the Zuofeng API: openapi-fetch over the types openapi-typescript generates from the contract
// (`npm run client` writes ./schema.d.ts from ../../openapi.yaml, then type-checks this and the examples).
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./schema";

export type { components, operations, paths };

/** The contract's schemas by name: `Schemas["FindingWrite"]`, `Schemas["UnitPage"]`, `Schemas["Problem"]`. */
export type Schemas = components["schemas"];

export type ZuofengClient = Client<paths>;

/**
 * The caller's OIDC access token (its `aud` must name `zuofeng-api`), or a function that returns the current one,
 * called before every request, so a token refreshed by the OIDC library is used as soon as it is.
 */
export type AccessToken = string | (() => string | Promise<string>);

export interface ZuofengClientOptions {
  /** Where the API is served, without `/api/v1`: e.g. `https://zuofeng.example.org`. */
  baseUrl: string;
  token: AccessToken;
  /** Another fetch (tests, a proxy); the global one otherwise. */
  fetch?: typeof globalThis.fetch;
}

/** Sends `Authorization: Bearer <token>` with every request. */
export function bearerAuth(token: AccessToken): Middleware {
  return {
    async onRequest({ request }) {
      const value = typeof token === "function" ? await token() : token;
      request.headers.set("Authorization", `Bearer ${value}`);
      return request;
    },
  };
}

/** A client whose paths, parameters, bodies, responses and problems are the contract's. */
export function createZuofengClient(options: ZuofengClientOptions): ZuofengClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use(bearerAuth(options.token));
  return client;
}

/**
 * The `Idempotency-Key` header of a POST (a UUID; a new one unless given). Every POST takes one: keep the key and
 * send it again to retry the same request safely, for 24 hours, and get the first answer (`Idempotency-Replayed`).
 *
 *     const key = idempotencyKey();
 *     await api.POST("/api/v1/inspections/{id}/findings", { params: { path: { id }, header: key }, body });
 */
export function idempotencyKey(key: string = crypto.randomUUID()): { "Idempotency-Key": string } {
  return { "Idempotency-Key": key };
}

/**
 * The `If-Match` header that every change to an existing resource requires (PUT, DELETE, the POSTs of transitions,
 * publications and secret rotations): the `ETag` of the version read, as received (`"<version>-<hash>"`; never built
 * from `version`), of which the server compares the version (428 without it, 412 when another change came first).
 * A POST that needs both: `header: { ...ifMatch(etag), ...idempotencyKey() }`.
 */
export function ifMatch(etag: string): { "If-Match": string } {
  return { "If-Match": etag };
}
