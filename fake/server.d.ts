/**
 * The fake providers over real HTTP (node:http; Node, Bun and Deno), with
 * CORS for browser pages on other origins.
 *
 * @example
 * ```ts
 * import { startFakeServer } from 'idp-users/fake/server';
 * const server = await startFakeServer();
 * // point a Kinde client at server.url with server.providers.kinde.clientId / clientSecret,
 * // a Clerk client at `${server.url}/v1` with server.providers.clerk.secretKey
 * await server.close();
 * ```
 */
import type { FakeControls, FakeProviders } from './index.js';

/**
 * Options of {@link startFakeServer}. The load controls (`rateLimit`,
 * `failRate`, `latencyMs`, `randomSeed`) work as in `createFakeProviders`;
 * change them later with `server.providers.setControls()`. A client that hangs
 * up during the latency wait aborts its request.
 */
export interface FakeServerOptions extends FakeControls {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** Number of seeded users of each provider, Kinde and Clerk (default 25). */
  seed?: number;
  /** Lifetime of issued access tokens, in seconds (default 3600). */
  tokenTtlSeconds?: number;
}

/** A running fake server. */
export interface FakeServer {
  /** Base URL, e.g. `http://127.0.0.1:8790` (no trailing slash). */
  readonly url: string;
  /** The port actually listened on. */
  readonly port: number;
  /** The in-process fake behind the server: state, request log, faults, clock. */
  readonly providers: FakeProviders;
  /** Stops listening and closes open connections. Safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server in front of a fresh fake. Resolves once it listens.
 * @throws when the port cannot be bound (e.g. `EADDRINUSE`).
 */
export declare function startFakeServer(options?: FakeServerOptions): Promise<FakeServer>;
