// What README code blocks use without defining it (see readme-blocks.mjs):
// the clients and values a reader has in scope, and the parts of Deno's and
// Bun's own APIs the blocks call. Not the package's exports: a block imports
// what it uses. readme-runner.mjs gives the same names at run time.
import type { ClerkUsersApi as Clerk, KindeUsersApi as Kinde } from 'idp-users';
import type { UsersProxyOptions } from 'idp-users/proxy';

type Handler = (request: Request) => Response | Promise<Response>;

declare global {
  var kinde: Kinde;
  var clerk: Clerk;
  var domain: string;
  var clientId: string;
  var clientSecret: string;
  var id: string;
  var userIds: string[];
  var controller: AbortController;
  var bar: { update(fraction: number): void };
  var file: File;
  var password: string;
  var adminToken: string;
  var ADMIN_TOKEN: string;
  function isAdmin(request: Request, env: Record<string, string>): boolean | Promise<boolean>;
  var options: UsersProxyOptions;
  // As @types/node declares it: a variable may be unset.
  var process: { env: Record<string, string | undefined> };
  var Deno: { serve(options: { port?: number; hostname?: string }, handler: Handler): unknown };
  var Bun: { serve(options: { port?: number; hostname?: string; fetch: Handler }): unknown };
}

export {};
