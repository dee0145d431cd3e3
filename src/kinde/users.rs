//! The Kinde Users operations: the 18 of the seed SDKs, the organization-user
//! operations of the older SDK on today's endpoints, and
//! `removeOrganizationUser`.

use super::models::*;
use crate::engine::op::{Arg, Operation, operation};
use crate::engine::paging::Paging;
use crate::engine::schema::Ty;

const USER_ID: Arg = Arg::path("userId", "user_id", "The user's id.");
const ORG_CODE: Arg = Arg::path("orgCode", "org_code", "The organization's code.");
const ID: Arg = Arg::query("id", "id", Ty::Id, "The user's id.");

operation! {
    /// Creates a user, optionally with identities (scope `create:users`).
    CREATE_USER,
    name: createUser, method: Post, path: "/api/v1/user",
    body: CREATE_USER_REQUEST,
    returns: "KindeCreateUserResponse",
    example: created = "{ profile: { given_name: 'Ada', family_name: 'Lovelace' } }",
}
operation! {
    /// Adds an identity to a user (scope `create:user_identities`).
    CREATE_USER_IDENTITY,
    name: createUserIdentity, method: Post, path: "/api/v1/users/{user_id}/identities",
    args: [USER_ID], body: CREATE_USER_IDENTITY_REQUEST,
    returns: "KindeCreateIdentityResponse",
    example: created = "'kp_123', { type: 'email', value: 'ada@example.com' }",
}
operation! {
    /// Deletes a user (scope `delete:users`). Resolves to `null` when Kinde answers `204 No Content`.
    DELETE_USER,
    name: deleteUser, method: Delete, path: "/api/v1/user",
    args: [ID], params: DELETE_USER_PARAMS,
    // Kinde documents `204 No Content` for a deleted user too (null then).
    returns: "KindeSuccessResponse | null",
    example: result = "'kp_123', { is_delete_profile: true }",
}
operation! {
    /// Ends all of a user's sessions (scope `delete:user_sessions`).
    DELETE_USER_SESSIONS,
    name: deleteUserSessions, method: Delete, path: "/api/v1/users/{user_id}/sessions",
    args: [USER_ID],
    returns: "KindeSuccessResponse",
    example: result = "'kp_123'",
}
operation! {
    /// Gets one user (scope `read:users`).
    GET_USER_DATA,
    name: getUserData, method: Get, path: "/api/v1/user",
    args: [ID], params: GET_USER_DATA_PARAMS,
    returns: "KindeUser",
    example: user = "'kp_123', { expand: 'organizations' }",
}
operation! {
    /// Lists a user's identities (scope `read:user_identities`).
    GET_USER_IDENTITIES,
    name: getUserIdentities, method: Get, path: "/api/v1/users/{user_id}/identities",
    args: [USER_ID], params: GET_USER_IDENTITIES_PARAMS,
    returns: "KindeGetIdentitiesResponse",
    paging: Paging::StartingAfter { items: "identities" },
    example: page = "'kp_123'",
}
operation! {
    /// Lists a user's property values (scope `read:user_properties`).
    GET_USER_PROPERTY_VALUES,
    name: getUserPropertyValues, method: Get, path: "/api/v1/users/{user_id}/properties",
    args: [USER_ID],
    returns: "KindeGetPropertyValuesResponse",
    example: properties = "'kp_123'",
}
operation! {
    /// Lists a user's sessions (scope `read:user_sessions`).
    GET_USER_SESSIONS,
    name: getUserSessions, method: Get, path: "/api/v1/users/{user_id}/sessions",
    args: [USER_ID],
    returns: "KindeGetUserSessionsResponse",
    example: sessions = "'kp_123'",
}
operation! {
    /// Lists users, a page at a time, with optional filters (scope `read:users`).
    GET_USERS,
    name: getUsers, method: Get, path: "/api/v1/users",
    params: GET_USERS_PARAMS,
    returns: "KindeUsersResponse",
    paging: Paging::NextToken { items: "users", size: "page_size" },
    example: page = "{ page_size: 100, expand: 'organizations' }",
}
operation! {
    /// Gets a user's MFA configuration (scope `read:user_mfa`).
    GET_USERS_MFA,
    name: getUsersMfa, method: Get, path: "/api/v1/users/{user_id}/mfa",
    args: [USER_ID],
    returns: "KindeGetUserMfaResponse",
    example: mfa = "'kp_123'",
}
operation! {
    /// Refreshes a user's token claims and invalidates their cache (scope `update:user_refresh_claims`).
    REFRESH_USER_CLAIMS,
    name: refreshUserClaims, method: Post, path: "/api/v1/users/{user_id}/refresh_claims",
    args: [USER_ID],
    returns: "KindeSuccessResponse",
    example: result = "'kp_123'",
}
operation! {
    /// Removes one MFA factor of a user (scope `delete:user_mfa`).
    RESET_USERS_MFA,
    name: resetUsersMfa, method: Delete, path: "/api/v1/users/{user_id}/mfa/{factor_id}",
    args: [USER_ID, Arg::path("factorId", "factor_id", "The MFA factor's id.")],
    returns: "KindeSuccessResponse",
    example: result = "'kp_123', 'mfa_456'",
}
operation! {
    /// Removes all MFA factors of a user (scope `delete:user_mfa`).
    RESET_USERS_MFA_ALL,
    name: resetUsersMfaAll, method: Delete, path: "/api/v1/users/{user_id}/mfa",
    args: [USER_ID],
    returns: "KindeSuccessResponse",
    example: result = "'kp_123'",
}
operation! {
    /// Sets a user's password from a hash (scope `update:user_passwords`).
    SET_USER_PASSWORD,
    name: setUserPassword, method: Put, path: "/api/v1/users/{user_id}/password",
    args: [USER_ID, Arg::body("body", &SET_USER_PASSWORD_REQUEST, "The hashed password.")],
    returns: "KindeSuccessResponse",
    example: result = "'kp_123', { hashed_password: '<bcrypt hash>', hashing_method: 'bcrypt' }",
}
operation! {
    /// Updates a user (scope `update:users`).
    UPDATE_USER,
    name: updateUser, method: Patch, path: "/api/v1/user",
    args: [ID, Arg::body("body", &UPDATE_USER_REQUEST, "The fields to change.")],
    returns: "KindeUpdateUserResponse",
    example: updated = "'kp_123', { given_name: 'Ada', is_suspended: false }",
}
operation! {
    /// Overrides a feature flag's value for a user (scope `update:user_feature_flags`).
    UPDATE_USER_FEATURE_FLAG_OVERRIDE,
    name: updateUserFeatureFlagOverride, method: Patch, path: "/api/v1/users/{user_id}/feature_flags/{feature_flag_key}",
    args: [
        USER_ID,
        Arg::path("featureFlagKey", "feature_flag_key", "The feature flag's key."),
        Arg::query("value", "value", Ty::Scalar, "The override value."),
    ],
    returns: "KindeSuccessResponse",
    example: result = "'kp_123', 'new_dashboard', true",
}
operation! {
    /// Sets several property values of a user (scope `update:user_properties`).
    UPDATE_USER_PROPERTIES,
    name: updateUserProperties, method: Patch, path: "/api/v1/users/{user_id}/properties",
    args: [USER_ID, Arg::body("body", &UPDATE_USER_PROPERTIES_REQUEST, "The properties to set.")],
    returns: "KindeSuccessResponse",
    example: result = "'kp_123', { properties: { plan: 'pro', seats: 5 } }",
}
operation! {
    /// Sets one property value of a user (scope `update:user_properties`).
    UPDATE_USER_PROPERTY,
    name: updateUserProperty, method: Put, path: "/api/v1/users/{user_id}/properties/{property_key}",
    args: [
        USER_ID,
        Arg::path("propertyKey", "property_key", "The property's key."),
        Arg::query("value", "value", Ty::Scalar, "The new value."),
    ],
    returns: "KindeSuccessResponse",
    example: result = "'kp_123', 'plan', 'pro'",
}
operation! {
    /// Adds users to an organization (scope `create:organization_users`). The older SDK's
    /// `POST /api/v1/organization/users?code=` is now this endpoint.
    ADD_ORGANIZATION_USERS,
    name: addOrganizationUsers, method: Post, path: "/api/v1/organizations/{org_code}/users",
    args: [ORG_CODE, Arg::body("body", &ADD_ORGANIZATION_USERS_REQUEST, "The users to add.")],
    returns: "KindeAddOrganizationUsersResponse",
    example: added = "'org_123', { users: ['kp_123', { id: 'kp_456', roles: ['admin'] }] }",
}
operation! {
    /// Lists an organization's members (scope `read:organization_users`). The older SDK's
    /// `GET /api/v1/organization/users?code=` is now this endpoint.
    GET_ORGANIZATION_USERS,
    name: getOrganizationUsers, method: Get, path: "/api/v1/organizations/{org_code}/users",
    args: [ORG_CODE], params: GET_ORGANIZATION_USERS_PARAMS,
    returns: "KindeGetOrganizationUsersResponse",
    paging: Paging::NextToken { items: "organization_users", size: "page_size" },
    example: page = "'org_123', { roles: 'admin' }",
}
operation! {
    /// Removes users from an organization (scope `update:organization_users`): sent to today's
    /// `PATCH` as `operation: "delete"` entries.
    REMOVE_ORGANIZATION_USERS,
    name: removeOrganizationUsers, method: Patch, path: "/api/v1/organizations/{org_code}/users",
    args: [ORG_CODE, Arg::body("body", &REMOVE_ORGANIZATION_USERS_REQUEST, "The users to remove.")],
    returns: "KindeUpdateOrganizationUsersResponse",
    example: removed = "'org_123', { users: ['kp_123'] }",
}
operation! {
    /// Removes one user from an organization (scope `delete:organization_users`). Not in the
    /// seeds; today's single-user form.
    REMOVE_ORGANIZATION_USER,
    name: removeOrganizationUser, method: Delete, path: "/api/v1/organizations/{org_code}/users/{user_id}",
    args: [ORG_CODE, USER_ID],
    returns: "KindeSuccessResponse",
    example: result = "'org_123', 'kp_123'",
}

/// Every operation of `KindeUsersApi`, in the order the typings list them.
pub(crate) static OPERATIONS: &[&Operation] = &[
    &CREATE_USER,
    &CREATE_USER_IDENTITY,
    &DELETE_USER,
    &DELETE_USER_SESSIONS,
    &GET_USER_DATA,
    &GET_USER_IDENTITIES,
    &GET_USER_PROPERTY_VALUES,
    &GET_USER_SESSIONS,
    &GET_USERS,
    &GET_USERS_MFA,
    &REFRESH_USER_CLAIMS,
    &RESET_USERS_MFA,
    &RESET_USERS_MFA_ALL,
    &SET_USER_PASSWORD,
    &UPDATE_USER,
    &UPDATE_USER_FEATURE_FLAG_OVERRIDE,
    &UPDATE_USER_PROPERTIES,
    &UPDATE_USER_PROPERTY,
    &ADD_ORGANIZATION_USERS,
    &GET_ORGANIZATION_USERS,
    &REMOVE_ORGANIZATION_USERS,
    &REMOVE_ORGANIZATION_USER,
];

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::engine::exchange::OutBody;
    use crate::engine::op::testing::check_table;
    use crate::engine::request::build;
    use crate::engine::request::testing::check_builds;
    use crate::engine::value::json::j;
    use std::collections::BTreeSet;

    #[test]
    fn the_table_is_consistent() {
        check_table(OPERATIONS);
    }

    #[test]
    fn names_are_unique_and_cover_the_seeds() {
        let names: BTreeSet<&str> = OPERATIONS.iter().map(|op| op.name).collect();
        assert_eq!(names.len(), OPERATIONS.len());
        let seeds: BTreeSet<String> = OPERATIONS.iter().map(|op| op.seed()).collect();
        for seed in [
            "create_user",
            "create_user_identity",
            "delete_user",
            "delete_user_sessions",
            "get_user_data",
            "get_user_identities",
            "get_user_property_values",
            "get_user_sessions",
            "get_users",
            "get_users_mfa",
            "refresh_user_claims",
            "reset_users_mfa",
            "reset_users_mfa_all",
            "set_user_password",
            "update_user",
            "update_user_feature_flag_override",
            "update_user_properties",
            "update_user_property",
            "add_organization_users",
            "get_organization_users",
            "remove_organization_users",
        ] {
            assert!(seeds.contains(seed), "{seed}");
        }
    }

    /// Sample arguments for each operation: every one builds a request with
    /// the documented method and path.
    #[test]
    fn every_operation_builds_its_request() {
        let cases: &[(&Operation, &[&str], &str, &str)] = &[
            (&CREATE_USER, &[], r#"{"profile":{"given_name":"A"}}"#, "POST /api/v1/user"),
            (
                &CREATE_USER_IDENTITY,
                &["\"u\""],
                r#"{"type":"email","value":"a@b.c"}"#,
                "POST /api/v1/users/u/identities",
            ),
            (
                &DELETE_USER,
                &["\"u\""],
                r#"{"is_delete_profile":true}"#,
                "DELETE /api/v1/user?id=u&is_delete_profile=true",
            ),
            (&DELETE_USER_SESSIONS, &["\"u\""], "", "DELETE /api/v1/users/u/sessions"),
            (&GET_USER_DATA, &["\"u\""], r#"{"expand":"billing"}"#, "GET /api/v1/user?id=u&expand=billing"),
            (
                &GET_USER_IDENTITIES,
                &["\"u\""],
                r#"{"ending_before":"i"}"#,
                "GET /api/v1/users/u/identities?ending_before=i",
            ),
            (&GET_USER_PROPERTY_VALUES, &["\"u\""], "", "GET /api/v1/users/u/properties"),
            (&GET_USER_SESSIONS, &["\"u\""], "", "GET /api/v1/users/u/sessions"),
            (&GET_USERS, &[], r#"{"phone":["+1","+2"]}"#, "GET /api/v1/users?phone=%2B1%2C%2B2"),
            (&GET_USERS_MFA, &["\"u\""], "", "GET /api/v1/users/u/mfa"),
            (&REFRESH_USER_CLAIMS, &["\"u\""], "", "POST /api/v1/users/u/refresh_claims"),
            (&RESET_USERS_MFA, &["\"u\"", "\"f\""], "", "DELETE /api/v1/users/u/mfa/f"),
            (&RESET_USERS_MFA_ALL, &["\"u\""], "", "DELETE /api/v1/users/u/mfa"),
            (&SET_USER_PASSWORD, &["\"u\"", r#"{"hashed_password":"h"}"#], "", "PUT /api/v1/users/u/password"),
            (&UPDATE_USER, &["\"u\"", r#"{"given_name":"A"}"#], "", "PATCH /api/v1/user?id=u"),
            (
                &UPDATE_USER_FEATURE_FLAG_OVERRIDE,
                &["\"u\"", "\"k\"", "false"],
                "",
                "PATCH /api/v1/users/u/feature_flags/k?value=false",
            ),
            (&UPDATE_USER_PROPERTIES, &["\"u\"", r#"{"properties":{"k":1}}"#], "", "PATCH /api/v1/users/u/properties"),
            (&UPDATE_USER_PROPERTY, &["\"u\"", "\"k\"", "0"], "", "PUT /api/v1/users/u/properties/k?value=0"),
            (&ADD_ORGANIZATION_USERS, &["\"o\"", r#"{"users":["u"]}"#], "", "POST /api/v1/organizations/o/users"),
            (
                &GET_ORGANIZATION_USERS,
                &["\"o\""],
                r#"{"roles":"admin"}"#,
                "GET /api/v1/organizations/o/users?roles=admin",
            ),
            (&REMOVE_ORGANIZATION_USERS, &["\"o\"", r#"{"users":["u"]}"#], "", "PATCH /api/v1/organizations/o/users"),
            (&REMOVE_ORGANIZATION_USER, &["\"o\"", "\"u\""], "", "DELETE /api/v1/organizations/o/users/u"),
        ];
        check_builds(OPERATIONS, cases);
    }

    /// The text of a JSON body.
    fn json_body(body: Option<OutBody>) -> Option<String> {
        match body {
            Some(OutBody::Json(text)) => Some(text),
            _ => None,
        }
    }

    #[test]
    fn organization_bodies_map_ids_to_objects() {
        let args = [j("\"org\""), j(r#"{"users":["kp_1",{"id":"kp_2"}]}"#)];
        let req = build(&REMOVE_ORGANIZATION_USERS, &args, None, "").map(|r| json_body(r.body));
        assert_eq!(
            req.ok().flatten().as_deref(),
            Some(r#"{"users":[{"id":"kp_1","operation":"delete"},{"id":"kp_2","operation":"delete"}]}"#)
        );
        let args = [j("\"org\""), j(r#"{"users":["kp_1",{"id":"kp_2","roles":["admin"]}]}"#)];
        let req = build(&ADD_ORGANIZATION_USERS, &args, None, "").map(|r| json_body(r.body));
        assert_eq!(req.ok().flatten().as_deref(), Some(r#"{"users":[{"id":"kp_1"},{"id":"kp_2","roles":["admin"]}]}"#));
    }
}
