//! The Kinde Users operations: the 18 of the seed SDKs, the organization-user
//! operations of the older SDK on today's endpoints, and
//! `removeOrganizationUser`.

use super::models::*;
use crate::core::op::{Arg, Extra, Operation, operation};
use crate::core::paging::Paging;
use crate::core::schema::Ty;

const USER_ID: Arg = Arg::path("userId", "user_id", "The user's id.");
const ORG_CODE: Arg = Arg::path("orgCode", "org_code", "The organization's code.");
const ID: Arg = Arg::query("id", "id", Ty::Id, "The user's id.");

operation!(CREATE_USER, "createUser", "create_user", Post "/api/v1/user", [],
    Extra::Body(&CREATE_USER_REQUEST), "KindeCreateUserResponse",
    "Creates a user, optionally with identities (scope `create:users`).");
operation!(CREATE_USER_IDENTITY, "createUserIdentity", "create_user_identity", Post "/api/v1/users/{user_id}/identities", [USER_ID],
    Extra::Body(&CREATE_USER_IDENTITY_REQUEST), "KindeCreateIdentityResponse",
    "Adds an identity to a user (scope `create:user_identities`).");
operation!(DELETE_USER, "deleteUser", "delete_user", Delete "/api/v1/user", [ID],
    Extra::Query(&DELETE_USER_PARAMS), "KindeSuccessResponse",
    "Deletes a user (scope `delete:users`).");
operation!(DELETE_USER_SESSIONS, "deleteUserSessions", "delete_user_sessions", Delete "/api/v1/users/{user_id}/sessions", [USER_ID],
    Extra::None, "KindeSuccessResponse",
    "Ends all of a user's sessions (scope `delete:user_sessions`).");
operation!(GET_USER_DATA, "getUserData", "get_user_data", Get "/api/v1/user", [ID],
    Extra::Query(&GET_USER_DATA_PARAMS), "KindeUser",
    "Gets one user (scope `read:users`).");
operation!(GET_USER_IDENTITIES, "getUserIdentities", "get_user_identities", Get "/api/v1/users/{user_id}/identities", [USER_ID],
    Extra::Query(&GET_USER_IDENTITIES_PARAMS), "KindeGetIdentitiesResponse",
    "Lists a user's identities (scope `read:user_identities`).",
    paging: Paging::StartingAfter { items: "identities" });
operation!(GET_USER_PROPERTY_VALUES, "getUserPropertyValues", "get_user_property_values", Get "/api/v1/users/{user_id}/properties", [USER_ID],
    Extra::None, "KindeGetPropertyValuesResponse",
    "Lists a user's property values (scope `read:user_properties`).");
operation!(GET_USER_SESSIONS, "getUserSessions", "get_user_sessions", Get "/api/v1/users/{user_id}/sessions", [USER_ID],
    Extra::None, "KindeGetUserSessionsResponse",
    "Lists a user's sessions (scope `read:user_sessions`).");
operation!(GET_USERS, "getUsers", "get_users", Get "/api/v1/users", [],
    Extra::Query(&GET_USERS_PARAMS), "KindeUsersResponse",
    "Lists users, a page at a time, with optional filters (scope `read:users`).",
    paging: Paging::NextToken { items: "users", size: "page_size" });
operation!(GET_USERS_MFA, "getUsersMfa", "get_users_mfa", Get "/api/v1/users/{user_id}/mfa", [USER_ID],
    Extra::None, "KindeGetUserMfaResponse",
    "Gets a user's MFA configuration (scope `read:user_mfa`).");
operation!(REFRESH_USER_CLAIMS, "refreshUserClaims", "refresh_user_claims", Post "/api/v1/users/{user_id}/refresh_claims", [USER_ID],
    Extra::None, "KindeSuccessResponse",
    "Refreshes a user's token claims and invalidates their cache (scope `update:user_refresh_claims`).");
operation!(RESET_USERS_MFA, "resetUsersMfa", "reset_users_mfa", Delete "/api/v1/users/{user_id}/mfa/{factor_id}",
    [USER_ID, Arg::path("factorId", "factor_id", "The MFA factor's id.")],
    Extra::None, "KindeSuccessResponse",
    "Removes one MFA factor of a user (scope `delete:user_mfa`).");
operation!(RESET_USERS_MFA_ALL, "resetUsersMfaAll", "reset_users_mfa_all", Delete "/api/v1/users/{user_id}/mfa", [USER_ID],
    Extra::None, "KindeSuccessResponse",
    "Removes all MFA factors of a user (scope `delete:user_mfa`).");
operation!(SET_USER_PASSWORD, "setUserPassword", "set_user_password", Put "/api/v1/users/{user_id}/password",
    [USER_ID, Arg::body("body", &SET_USER_PASSWORD_REQUEST, "The hashed password.")],
    Extra::None, "KindeSuccessResponse",
    "Sets a user's password from a hash (scope `update:user_passwords`).");
operation!(UPDATE_USER, "updateUser", "update_user", Patch "/api/v1/user",
    [ID, Arg::body("body", &UPDATE_USER_REQUEST, "The fields to change.")],
    Extra::None, "KindeUpdateUserResponse",
    "Updates a user (scope `update:users`).");
operation!(UPDATE_USER_FEATURE_FLAG_OVERRIDE, "updateUserFeatureFlagOverride", "update_user_feature_flag_override",
    Patch "/api/v1/users/{user_id}/feature_flags/{feature_flag_key}",
    [USER_ID, Arg::path("featureFlagKey", "feature_flag_key", "The feature flag's key."),
     Arg::query("value", "value", Ty::Scalar, "The override value.")],
    Extra::None, "KindeSuccessResponse",
    "Overrides a feature flag's value for a user (scope `update:user_feature_flags`).");
operation!(UPDATE_USER_PROPERTIES, "updateUserProperties", "update_user_properties", Patch "/api/v1/users/{user_id}/properties",
    [USER_ID, Arg::body("body", &UPDATE_USER_PROPERTIES_REQUEST, "The properties to set.")],
    Extra::None, "KindeSuccessResponse",
    "Sets several property values of a user (scope `update:user_properties`).");
operation!(UPDATE_USER_PROPERTY, "updateUserProperty", "update_user_property", Put "/api/v1/users/{user_id}/properties/{property_key}",
    [USER_ID, Arg::path("propertyKey", "property_key", "The property's key."),
     Arg::query("value", "value", Ty::Scalar, "The new value.")],
    Extra::None, "KindeSuccessResponse",
    "Sets one property value of a user (scope `update:user_properties`).");
operation!(ADD_ORGANIZATION_USERS, "addOrganizationUsers", "add_organization_users", Post "/api/v1/organizations/{org_code}/users",
    [ORG_CODE, Arg::body("body", &ADD_ORGANIZATION_USERS_REQUEST, "The users to add.")],
    Extra::None, "KindeAddOrganizationUsersResponse",
    "Adds users to an organization (scope `create:organization_users`). The older SDK's `POST /api/v1/organization/users?code=` is now this endpoint.");
operation!(GET_ORGANIZATION_USERS, "getOrganizationUsers", "get_organization_users", Get "/api/v1/organizations/{org_code}/users", [ORG_CODE],
    Extra::Query(&GET_ORGANIZATION_USERS_PARAMS), "KindeGetOrganizationUsersResponse",
    "Lists an organization's members (scope `read:organization_users`). The older SDK's `GET /api/v1/organization/users?code=` is now this endpoint.",
    paging: Paging::NextToken { items: "organization_users", size: "page_size" });
operation!(REMOVE_ORGANIZATION_USERS, "removeOrganizationUsers", "remove_organization_users", Patch "/api/v1/organizations/{org_code}/users",
    [ORG_CODE, Arg::body("body", &REMOVE_ORGANIZATION_USERS_REQUEST, "The users to remove.")],
    Extra::None, "KindeUpdateOrganizationUsersResponse",
    "Removes users from an organization (scope `update:organization_users`): sent to today's `PATCH` as `operation: \"delete\"` entries.");
operation!(REMOVE_ORGANIZATION_USER, "removeOrganizationUser", "remove_organization_user", Delete "/api/v1/organizations/{org_code}/users/{user_id}",
    [ORG_CODE, USER_ID],
    Extra::None, "KindeSuccessResponse",
    "Removes one user from an organization (scope `delete:organization_users`). Not in the seeds; today's single-user form.");

/// Every operation of `KindeUsersApi`, in the order the typings list them.
pub static OPERATIONS: &[&Operation] = &[
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
    use crate::core::op::testing::{check_builds, check_table};
    use crate::core::request::build;
    use crate::core::value::json::j;
    use std::collections::BTreeSet;

    #[test]
    fn the_table_is_consistent() {
        check_table(OPERATIONS);
    }

    #[test]
    fn names_are_unique_and_cover_the_seeds() {
        let names: BTreeSet<&str> = OPERATIONS.iter().map(|op| op.name).collect();
        assert_eq!(names.len(), OPERATIONS.len());
        let seeds: BTreeSet<&str> = OPERATIONS.iter().map(|op| op.seed).collect();
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

    #[test]
    fn organization_bodies_map_ids_to_objects() {
        let args = [j("\"org\""), j(r#"{"users":["kp_1",{"id":"kp_2"}]}"#)];
        let req = build(&REMOVE_ORGANIZATION_USERS, &args, None).map(|r| r.body);
        assert_eq!(
            req.ok().flatten().as_deref(),
            Some(r#"{"users":[{"id":"kp_1","operation":"delete"},{"id":"kp_2","operation":"delete"}]}"#)
        );
        let args = [j("\"org\""), j(r#"{"users":["kp_1",{"id":"kp_2","roles":["admin"]}]}"#)];
        let req = build(&ADD_ORGANIZATION_USERS, &args, None).map(|r| r.body);
        assert_eq!(req.ok().flatten().as_deref(), Some(r#"{"users":[{"id":"kp_1"},{"id":"kp_2","roles":["admin"]}]}"#));
    }
}
