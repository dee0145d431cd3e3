// Typings of jobs/copy.js: the Kinde <-> Clerk user copy.

import type {
  ClerkCreateUserRequest,
  ClerkUser,
  ClerkUsersApi,
  KindeCreateUserRequest,
  KindeIdentity,
  KindePropertyValue,
  KindeUpdateUserPropertiesRequest,
  KindeUpdateUserRequest,
  KindeUsersApi,
  KindeUsersResponseUser,
} from 'idp-users';

/** What `copyUser` did with one user. */
export type CopyOutcome = 'created' | 'exists' | 'dry-run';

/**
 * A write a Kinde target needs after `createUser`, which takes neither a
 * suspension nor properties: sent by `copyUser` (or due, in a dry run).
 */
export type CopyFollowUp =
  | { operation: 'updateUser'; params: KindeUpdateUserRequest }
  | { operation: 'updateUserProperties'; params: KindeUpdateUserPropertiesRequest };

/** The arguments of `copyUser`: one item of a copy job. */
export type CopyUserArgs =
  | {
      from: 'kinde';
      to: 'clerk';
      /** The Kinde client the user comes from (reads only: identities, properties). */
      source: KindeUsersApi;
      /** The Clerk client to copy to. */
      target: ClerkUsersApi;
      /** One item of `getUsers`. */
      user: KindeUsersResponseUser;
      /** Send no write; the lookup and the source reads are still sent. Default false. */
      dryRun?: boolean;
    }
  | {
      from: 'clerk';
      to: 'kinde';
      /** The Clerk client the user comes from (not called: the list item holds the whole user). */
      source: ClerkUsersApi;
      /** The Kinde client to copy to. */
      target: KindeUsersApi;
      /** One item of `getUserList`. */
      user: ClerkUser;
      /** Send no write; the lookup and property reads are still sent. Default false. */
      dryRun?: boolean;
    };

/** What `copyUser` resolves to. */
export interface CopyUserResult<TMapping = ClerkCreateUserRequest | KindeCreateUserRequest> {
  /**
   * `created`: the target user was created now. `exists`: the target already
   * has a user whose external id (Clerk `external_id`, Kinde `provided_id`)
   * is the source id, so nothing was created. `dry-run`: nothing was written.
   */
  outcome: CopyOutcome;
  /** The target user's id (`null` in a dry run of a user not yet copied). */
  targetId: string | null;
  /**
   * The target's `createUser` body, in its own wire names: the one sent, or
   * that would be sent. On `exists` from Kinde it is built from the list item
   * alone (no identity or property reads), so emails show as `reserved`.
   */
  mapping: TMapping;
  /** One short entry per thing that cannot move, e.g. `password: neither API exports password hashes; ...`. */
  notMoved: string[];
  /** Kinde target only: the writes after the create (always `[]` for a Clerk target). */
  followUps: CopyFollowUp[];
}

/**
 * Copies one user to the other provider, keeping the source id as the
 * target's external id. First looks the target up by that id (Clerk:
 * `getUserList({ external_id })`; Kinde: `getUsers` filtered by the user's
 * email, else phone, else username, then its `provided_id` checked) and
 * answers `exists` without creating. Rejects with an `IdpUsersError`:
 * `validation` for bad arguments (nothing sent), `decode` for a create
 * answered without the new user's id, else the client's error.
 *
 * @example
 * for await (const user of kinde.getUsers({ page_size: 500 })) {
 *   const r = await copyUser({ from: 'kinde', to: 'clerk', source: kinde, target: clerk, user });
 *   console.log(user.id, r.outcome, r.targetId, r.notMoved.length);
 * }
 */
export declare function copyUser(args: CopyUserArgs): Promise<CopyUserResult>;

/** What a Kinde -> Clerk copy reads beyond the list item. */
export interface KindeCopyExtras {
  /** Every identity of the user (`getUserIdentities`): all emails/phones/usernames with their confirmed state. */
  identities?: ReadonlyArray<KindeIdentity>;
  /** The user's properties (`getUserPropertyValues().properties`): into `private_metadata.kinde_properties`. */
  properties?: ReadonlyArray<KindePropertyValue>;
}

/** A Clerk metadata value bound for a Kinde property, and where it came from. */
export interface KindePropertyCandidate {
  key: string;
  value: string | number | boolean;
  /** The metadata path it came from, e.g. `public_metadata.plan`. */
  from: string;
}

/**
 * Maps one Kinde user to Clerk's `createUser` body. Pure: no I/O.
 * Without `extras.identities`, only the list item's primary email, phone and
 * username move, created `reserved` (their verified state is unknown).
 */
export declare function mapKindeToClerk(
  kindeUser: KindeUsersResponseUser,
  extras?: KindeCopyExtras,
): { params: ClerkCreateUserRequest; notMoved: string[] };

/**
 * Maps one Clerk user to Kinde's `createUser` body, plus what must be written
 * after it (`after`): the suspension of a banned user and the metadata values
 * that may go to Kinde properties (written only for keys Kinde defines).
 * Pure: no I/O. `extras` is unused (the Clerk list item is the whole user).
 */
export declare function mapClerkToKinde(
  clerkUser: ClerkUser,
  extras?: Record<string, never>,
): { params: KindeCreateUserRequest; notMoved: string[]; after: { suspend: boolean; properties: KindePropertyCandidate[] } };
