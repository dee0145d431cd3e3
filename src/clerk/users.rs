//! The Clerk Users operations: the 25 of the seed SDK, on API version
//! 2026-05-12 (paths are relative to the `/v1` base URL).

use super::models::*;
use crate::engine::op::{Arg, Operation, operation};
use crate::engine::paging::Paging;

const USER_ID: Arg = Arg::path("userId", "user_id", "The user's id.");

operation! {
    /// Bans a user: their sessions are revoked and they cannot sign in until unbanned.
    BAN_USER,
    name: banUser, method: Post, path: "/users/{user_id}/ban",
    args: [USER_ID],
    returns: "ClerkUser",
    example: user = "'user_123'",
}
operation! {
    /// Creates a user. Which identifiers are required depends on the instance's settings.
    CREATE_USER,
    name: createUser, method: Post, path: "/users",
    args: [Arg::body("body", &CREATE_USER_REQUEST, "The new user's identifiers, password and settings.")],
    returns: "ClerkUser",
    example: user = "{ email_address: ['ada@example.com'], first_name: 'Ada', skip_password_requirement: true }",
}
operation! {
    /// Creates a TOTP for a user, as the seed SDK documents it.
    CREATE_USER_TOTP,
    name: createUserTotp, method: Post, path: "/users/{user_id}/totp",
    args: [USER_ID],
    returns: "ClerkTotp",
    removed: "Clerk removed POST /users/{user_id}/totp from the Backend API in January 2025: set a TOTP with `totp_secret` in createUser or updateUser",
    example: totp = "'user_123'",
}
operation! {
    /// Disables all of a user's backup codes.
    DELETE_BACKUP_CODE,
    name: deleteBackupCode, method: Delete, path: "/users/{user_id}/backup_code",
    args: [USER_ID],
    returns: "ClerkUserIdResult",
    example: result = "'user_123'",
}
operation! {
    /// Deletes one of a user's external (OAuth) accounts.
    DELETE_EXTERNAL_ACCOUNT,
    name: deleteExternalAccount, method: Delete, path: "/users/{user_id}/external_accounts/{external_account_id}",
    args: [USER_ID, Arg::path("externalAccountId", "external_account_id", "The external account's id.")],
    returns: "ClerkDeletedObject",
    example: deleted = "'user_123', 'eac_123'",
}
operation! {
    /// Deletes all of a user's TOTPs.
    DELETE_TOTP,
    name: deleteTotp, method: Delete, path: "/users/{user_id}/totp",
    args: [USER_ID],
    returns: "ClerkUserIdResult",
    example: result = "'user_123'",
}
operation! {
    /// Deletes a user.
    DELETE_USER,
    name: deleteUser, method: Delete, path: "/users/{user_id}",
    args: [USER_ID],
    returns: "ClerkDeletedObject",
    example: deleted = "'user_123'",
}
operation! {
    /// Deletes a user's profile image.
    DELETE_USER_PROFILE_IMAGE,
    name: deleteUserProfileImage, method: Delete, path: "/users/{user_id}/profile_image",
    args: [USER_ID],
    returns: "ClerkUser",
    example: user = "'user_123'",
}
operation! {
    /// Disables all of a user's MFA methods (TOTP, backup codes, second-factor phone numbers).
    DISABLE_MFA,
    name: disableMfa, method: Delete, path: "/users/{user_id}/mfa",
    args: [USER_ID],
    returns: "ClerkUserIdResult",
    example: result = "'user_123'",
}
operation! {
    /// Gets the OAuth access tokens a user holds for one provider.
    GET_OAUTH_ACCESS_TOKEN,
    name: getOAuthAccessToken, method: Get, path: "/users/{user_id}/oauth_access_tokens/{provider}",
    args: [USER_ID, Arg::path("provider", "provider", "The OAuth provider's id, such as `oauth_google`.")],
    params: OAUTH_ACCESS_TOKEN_PARAMS,
    returns: "Array<ClerkOAuthAccessToken>",
    // With `paginated: true` Clerk answers `{ data, total_count }` (the
    // official SDKs read that), not the array its OpenAPI document says:
    // either is accepted.
    paging: Paging::Offset { items: None, only_with: Some("paginated"), envelope: Some("data") },
    example: tokens = "'user_123', 'oauth_google'",
}
operation! {
    /// Gets one user.
    GET_USER,
    name: getUser, method: Get, path: "/users/{user_id}",
    args: [USER_ID],
    returns: "ClerkUser",
    example: user = "'user_123'",
}
operation! {
    /// Lists users, newest first unless `order_by` says otherwise, with optional filters and
    /// `limit`/`offset` paging.
    GET_USER_LIST,
    name: getUserList, method: Get, path: "/users",
    params: GET_USER_LIST_PARAMS,
    returns: "Array<ClerkUser>",
    paging: Paging::Offset { items: None, only_with: None, envelope: None },
    example: users = "{ limit: 100, order_by: '-created_at', banned: false }",
}
operation! {
    /// Counts the users that match the same filters as getUserList.
    GET_USERS_COUNT,
    name: getUsersCount, method: Get, path: "/users/count",
    params: GET_USERS_COUNT_PARAMS,
    returns: "ClerkTotalCount",
    example: count = "{ banned: false }",
}
operation! {
    /// Locks a user: they cannot sign in until unlocked or the lockout expires.
    LOCK_USER,
    name: lockUser, method: Post, path: "/users/{user_id}/lock",
    args: [USER_ID],
    returns: "ClerkUser",
    example: user = "'user_123'",
}
operation! {
    /// Uploads a user's profile image (sent as `multipart/form-data`).
    SET_USER_PROFILE_IMAGE,
    name: setUserProfileImage, method: Post, path: "/users/{user_id}/profile_image",
    args: [
        USER_ID,
        Arg::file("file", "file", "The image: a `Blob` or `File`, or its bytes as an `ArrayBuffer` or `Uint8Array`."),
    ],
    returns: "ClerkUser",
    example: user = "'user_123', new Blob([await (await fetch('https://example.com/ada.png')).arrayBuffer()], { type: 'image/png' })",
}
operation! {
    /// Lifts a user's ban.
    UNBAN_USER,
    name: unbanUser, method: Post, path: "/users/{user_id}/unban",
    args: [USER_ID],
    returns: "ClerkUser",
    example: user = "'user_123'",
}
operation! {
    /// Unlocks a user.
    UNLOCK_USER,
    name: unlockUser, method: Post, path: "/users/{user_id}/unlock",
    args: [USER_ID],
    returns: "ClerkUser",
    example: user = "'user_123'",
}
operation! {
    /// Updates a user. Metadata is changed with updateUserMetadata.
    UPDATE_USER,
    name: updateUser, method: Patch, path: "/users/{user_id}",
    args: [USER_ID, Arg::body("body", &UPDATE_USER_REQUEST, "The fields to change.")],
    returns: "ClerkUser",
    example: user = "'user_123', { first_name: 'Ada', last_name: 'Lovelace' }",
}
operation! {
    /// Deep-merges metadata into a user's: a `null` value removes that key.
    UPDATE_USER_METADATA,
    name: updateUserMetadata, method: Patch, path: "/users/{user_id}/metadata",
    args: [USER_ID], body: UPDATE_USER_METADATA_REQUEST,
    returns: "ClerkUser",
    example: user = "'user_123', { public_metadata: { plan: 'pro' }, private_metadata: { legacy_id: null } }",
}
operation! {
    /// Deletes one of a user's passkeys.
    USER_PASSKEY_DELETE,
    name: userPasskeyDelete, method: Delete, path: "/users/{user_id}/passkeys/{passkey_identification_id}",
    args: [USER_ID, Arg::path("passkeyIdentificationId", "passkey_identification_id", "The passkey's id.")],
    returns: "ClerkDeletedObject",
    example: deleted = "'user_123', 'idn_123'",
}
operation! {
    /// Deletes one of a user's web3 wallets.
    USER_WEB3_WALLET_DELETE,
    name: userWeb3WalletDelete, method: Delete, path: "/users/{user_id}/web3_wallets/{web3_wallet_identification_id}",
    args: [USER_ID, Arg::path("web3WalletIdentificationId", "web3_wallet_identification_id", "The web3 wallet's id.")],
    returns: "ClerkDeletedObject",
    example: deleted = "'user_123', 'idn_456'",
}
operation! {
    /// Lists the organization invitations sent to a user, optionally by status.
    USERS_GET_ORGANIZATION_INVITATIONS,
    name: usersGetOrganizationInvitations, method: Get, path: "/users/{user_id}/organization_invitations",
    args: [USER_ID], params: ORGANIZATION_INVITATIONS_PARAMS,
    returns: "ClerkOrganizationInvitations",
    paging: Paging::Offset { items: Some("data"), only_with: None, envelope: None },
    example: page = "'user_123', { status: 'pending' }",
}
operation! {
    /// Lists a user's organization memberships.
    USERS_GET_ORGANIZATION_MEMBERSHIPS,
    name: usersGetOrganizationMemberships, method: Get, path: "/users/{user_id}/organization_memberships",
    args: [USER_ID], params: ORGANIZATION_MEMBERSHIPS_PARAMS,
    returns: "ClerkOrganizationMemberships",
    paging: Paging::Offset { items: Some("data"), only_with: None, envelope: None },
    example: page = "'user_123', { limit: 100 }",
}
operation! {
    /// Checks a user's password: resolves when it is right; a wrong one rejects with status 422,
    /// no password set with 400.
    VERIFY_PASSWORD,
    name: verifyPassword, method: Post, path: "/users/{user_id}/verify_password",
    args: [USER_ID, Arg::body("body", &VERIFY_PASSWORD_REQUEST, "The password to check.")],
    returns: "ClerkVerifyPasswordResult",
    example: check = "'user_123', { password: 'the password to check' }",
}
operation! {
    /// Checks a TOTP or backup code: resolves when it is right; a wrong one rejects with status
    /// 422, no TOTP set with 400.
    VERIFY_TOTP,
    name: verifyTotp, method: Post, path: "/users/{user_id}/verify_totp",
    args: [USER_ID, Arg::body("body", &VERIFY_TOTP_REQUEST, "The TOTP or backup code to check.")],
    returns: "ClerkVerifyTotpResult",
    example: check = "'user_123', { code: '123456' }",
}

/// Every operation of `ClerkUsersApi`, in the seed's order.
pub(crate) static OPERATIONS: &[&Operation] = &[
    &BAN_USER,
    &CREATE_USER,
    &CREATE_USER_TOTP,
    &DELETE_BACKUP_CODE,
    &DELETE_EXTERNAL_ACCOUNT,
    &DELETE_TOTP,
    &DELETE_USER,
    &DELETE_USER_PROFILE_IMAGE,
    &DISABLE_MFA,
    &GET_OAUTH_ACCESS_TOKEN,
    &GET_USER,
    &GET_USER_LIST,
    &GET_USERS_COUNT,
    &LOCK_USER,
    &SET_USER_PROFILE_IMAGE,
    &UNBAN_USER,
    &UNLOCK_USER,
    &UPDATE_USER,
    &UPDATE_USER_METADATA,
    &USER_PASSKEY_DELETE,
    &USER_WEB3_WALLET_DELETE,
    &USERS_GET_ORGANIZATION_INVITATIONS,
    &USERS_GET_ORGANIZATION_MEMBERSHIPS,
    &VERIFY_PASSWORD,
    &VERIFY_TOTP,
];

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::engine::exchange::{OutBody, Prepared, Upload};
    use crate::engine::op::testing::check_table;
    use crate::engine::request;
    use crate::engine::request::testing::check_builds;

    /// The request relative to the API base.
    fn build(op: &Operation, args: &[J], extra: Option<&J>) -> Result<Prepared, crate::engine::error::Error> {
        request::build(op, args, extra, "")
    }
    use crate::engine::value::json::{J, j};
    use std::collections::BTreeSet;

    #[test]
    fn the_table_is_consistent() {
        check_table(OPERATIONS);
    }

    #[test]
    fn names_are_unique_and_the_issue_names_all_25() {
        let names: BTreeSet<&str> = OPERATIONS.iter().map(|op| op.name).collect();
        let expected: BTreeSet<&str> = "banUser createUser createUserTotp deleteBackupCode deleteExternalAccount \
            deleteTotp deleteUser deleteUserProfileImage disableMfa getOAuthAccessToken getUser getUserList \
            getUsersCount lockUser setUserProfileImage unbanUser unlockUser updateUser updateUserMetadata \
            userPasskeyDelete userWeb3WalletDelete usersGetOrganizationInvitations usersGetOrganizationMemberships \
            verifyPassword verifyTotp"
            .split_whitespace()
            .collect();
        assert_eq!(names, expected);
        assert_eq!(OPERATIONS.len(), 25);
        let removed: Vec<&str> = OPERATIONS.iter().filter(|op| op.removed.is_some()).map(|op| op.name).collect();
        assert_eq!(removed, ["createUserTotp"]);
    }

    /// Sample arguments for each operation: every one builds a request with
    /// the documented method and path.
    #[test]
    fn every_operation_builds_its_request() {
        let cases: &[(&Operation, &[&str], &str, &str)] = &[
            (&BAN_USER, &["\"u\""], "", "POST /users/u/ban"),
            (&CREATE_USER, &[r#"{"email_address":["a@b.c"]}"#], "", "POST /users"),
            (&CREATE_USER_TOTP, &["\"u\""], "", "POST /users/u/totp"),
            (&DELETE_BACKUP_CODE, &["\"u\""], "", "DELETE /users/u/backup_code"),
            (&DELETE_EXTERNAL_ACCOUNT, &["\"u\"", "\"e\""], "", "DELETE /users/u/external_accounts/e"),
            (&DELETE_TOTP, &["\"u\""], "", "DELETE /users/u/totp"),
            (&DELETE_USER, &["\"u\""], "", "DELETE /users/u"),
            (&DELETE_USER_PROFILE_IMAGE, &["\"u\""], "", "DELETE /users/u/profile_image"),
            (&DISABLE_MFA, &["\"u\""], "", "DELETE /users/u/mfa"),
            (
                &GET_OAUTH_ACCESS_TOKEN,
                &["\"u\"", "\"oauth_google\""],
                r#"{"paginated":false,"offset":0}"#,
                "GET /users/u/oauth_access_tokens/oauth_google?paginated=false&offset=0",
            ),
            (&GET_USER, &["\"u\""], "", "GET /users/u"),
            (
                &GET_USER_LIST,
                &[],
                r#"{"email_address":["a@x.com","b@x.com"],"user_id":"u1","banned":false,"query":"","offset":0,"created_at_after":{"$date":"2024-10-29T00:00:00Z","ms":1730160000000}}"#,
                "GET /users?email_address=a%40x.com&email_address=b%40x.com&user_id=u1&query=&banned=false&created_at_after=1730160000000&offset=0",
            ),
            (
                &GET_USERS_COUNT,
                &[],
                r#"{"organization_id":["-org_1"],"last_active_at_since":0}"#,
                "GET /users/count?organization_id=-org_1&last_active_at_since=0",
            ),
            (&LOCK_USER, &["\"u\""], "", "POST /users/u/lock"),
            (&SET_USER_PROFILE_IMAGE, &["\"u\"", r#"{"$bytes":3}"#], "", "POST /users/u/profile_image"),
            (&UNBAN_USER, &["\"u\""], "", "POST /users/u/unban"),
            (&UNLOCK_USER, &["\"u\""], "", "POST /users/u/unlock"),
            (&UPDATE_USER, &["\"u\"", r#"{"first_name":null}"#], "", "PATCH /users/u"),
            (&UPDATE_USER_METADATA, &["\"u\""], r#"{"public_metadata":{"a":{"b":null}}}"#, "PATCH /users/u/metadata"),
            (&USER_PASSKEY_DELETE, &["\"u\"", "\"p\""], "", "DELETE /users/u/passkeys/p"),
            (&USER_WEB3_WALLET_DELETE, &["\"u\"", "\"w\""], "", "DELETE /users/u/web3_wallets/w"),
            (
                &USERS_GET_ORGANIZATION_INVITATIONS,
                &["\"u\""],
                r#"{"status":"pending","limit":500}"#,
                "GET /users/u/organization_invitations?limit=500&status=pending",
            ),
            (
                &USERS_GET_ORGANIZATION_MEMBERSHIPS,
                &["\"u\""],
                r#"{"limit":1}"#,
                "GET /users/u/organization_memberships?limit=1",
            ),
            (&VERIFY_PASSWORD, &["\"u\"", r#"{"password":"p"}"#], "", "POST /users/u/verify_password"),
            (&VERIFY_TOTP, &["\"u\"", r#"{"code":"123456"}"#], "", "POST /users/u/verify_totp"),
        ];
        check_builds(OPERATIONS, cases);
    }

    fn param_of(op: &Operation, args: &[&str], extra: &str) -> String {
        let args: Vec<J> = args.iter().map(|a| j(a)).collect();
        let e = build(op, &args, Some(&j(extra))).expect_err("should fail"); // ok: test
        e.param.clone().unwrap_or_default()
    }

    #[test]
    fn list_params_are_checked_before_sending() {
        let list = |extra: &str| param_of(&GET_USER_LIST, &[], extra);
        assert_eq!(list(r#"{"limit":0}"#), "params.limit");
        assert_eq!(list(r#"{"limit":501}"#), "params.limit");
        assert_eq!(list(r#"{"limit":8.14}"#), "params.limit");
        assert_eq!(list(r#"{"offset":-1}"#), "params.offset");
        assert_eq!(list(r#"{"email_address":[]}"#), "params.email_address");
        assert_eq!(list(r#"{"email_address":["a",1]}"#), "params.email_address[1]");
        assert_eq!(list(r#"{"created_at_before":"yesterday"}"#), "params.created_at_before");
        assert_eq!(list(r#"{"created_at_before":-5}"#), "params.created_at_before");
        assert_eq!(list(r#"{"banned":"false"}"#), "params.banned");
        assert_eq!(list(r#"{"emailAddress":["a"]}"#), "params.emailAddress");
        assert_eq!(param_of(&GET_USERS_COUNT, &[], r#"{"limit":5}"#), "params.limit");
        let status = param_of(&USERS_GET_ORGANIZATION_INVITATIONS, &["\"u\""], r#"{"status":"open"}"#);
        assert_eq!(status, "params.status");
    }

    #[test]
    fn bodies_are_checked_before_sending() {
        assert_eq!(param_of(&CREATE_USER, &[r#"{"public_metadata":[1]}"#], ""), "body.public_metadata");
        assert_eq!(param_of(&CREATE_USER, &[r#"{"emailAddress":["a"]}"#], ""), "body.emailAddress");
        assert_eq!(param_of(&CREATE_USER, &[], ""), "body");
        // 2026-05-12 moved metadata out of updateUser.
        assert_eq!(param_of(&UPDATE_USER, &["\"u\"", r#"{"public_metadata":{}}"#], ""), "body.public_metadata");
        assert_eq!(param_of(&VERIFY_PASSWORD, &["\"u\"", "{}"], ""), "body.password");
        assert_eq!(param_of(&VERIFY_TOTP, &["\"u\"", r#"{"code":123456}"#], ""), "body.code");
    }

    #[test]
    fn uploads_take_binary_data_only() {
        let args = [j("\"u\""), j(r#"{"$bytes":10}"#)];
        let req = build(&SET_USER_PROFILE_IMAGE, &args, None).expect("upload"); // ok: test
        assert_eq!(req.body, Some(OutBody::Multipart(Upload { part: "file", arg: 1, wrapped: false })));
        for bad in [r#""a string""#, "{}", "[1,2]", r#"{"$bytes":0}"#, ""] {
            assert_eq!(param_of(&SET_USER_PROFILE_IMAGE, &["\"u\"", bad], ""), "file", "{bad}");
        }
    }

    #[test]
    fn uploads_take_the_seeds_file_wrapper_too() {
        let args = [j("\"u\""), j(r#"{"file":{"$bytes":10}}"#)];
        let req = build(&SET_USER_PROFILE_IMAGE, &args, None).expect("upload"); // ok: test
        assert_eq!(req.body, Some(OutBody::Multipart(Upload { part: "file", arg: 1, wrapped: true })));
        for bad in [r#"{"file":"x"}"#, r#"{"file":{"$bytes":0}}"#, r#"{"file":{}}"#] {
            assert_eq!(param_of(&SET_USER_PROFILE_IMAGE, &["\"u\"", bad], ""), "file.file", "{bad}");
        }
    }
}
