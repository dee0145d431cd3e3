//! Kinde Management API wire types (request bodies, query parameters and
//! results), with the API's own field names.

use crate::core::schema::{Field, Model, Ty, ts};

const S: Ty = Ty::Str;
const B: Ty = Ty::Bool;
/// Integers the API counts with.
const N: Ty = Ty::Int { min: i32::MIN, max: i32::MAX };
const STRINGS: Ty = Ty::Array(&Ty::Str);
/// `page_size`: Kinde serves at most 500 users a page.
pub const PAGE_SIZE: Ty = Ty::Int { min: 1, max: 500 };
/// Values of `expand` on the user endpoints.
pub const EXPAND: Ty = Ty::List(&["organizations", "identities", "billing"]);

// ---- request bodies -------------------------------------------------------

static PROFILE: Model = Model {
    name: ts(""),
    doc: ts(""),
    fields: &[
        Field::opt("given_name", S, "First name."),
        Field::opt("family_name", S, "Last name."),
        Field::opt("picture", S, "Profile picture URL."),
    ],
};

static IDENTITY_DETAILS: Model = Model {
    name: ts(""),
    doc: ts(""),
    fields: &[
        Field::opt("email", S, "Email address (for an `email` identity)."),
        Field::opt("phone", S, "Phone number (for a `phone` identity)."),
        Field::opt("phone_country_id", S, "Country code of the phone number."),
        Field::opt("username", S, "Username (for a `username` identity)."),
    ],
};

static NEW_IDENTITY: Model = Model {
    name: ts("KindeCreateUserIdentity"),
    doc: ts("An identity created together with a user."),
    fields: &[
        Field::opt("type", Ty::Enum(&["email", "phone", "username"]), "Kind of identity."),
        Field::opt("is_verified", B, "Whether an email or phone identity counts as verified."),
        Field::opt("details", Ty::Object(&IDENTITY_DETAILS), "The identity's value."),
    ],
};

/// Body of `createUser`.
pub static CREATE_USER_REQUEST: Model = Model {
    name: ts("KindeCreateUserRequest"),
    doc: ts("Body of `createUser`."),
    fields: &[
        Field::opt("profile", Ty::Object(&PROFILE), "Names and picture."),
        Field::opt("organization_code", S, "Organization the new user joins."),
        Field::opt("provided_id", S, "Your own id for the user."),
        Field::opt("identities", Ty::Array(&Ty::Object(&NEW_IDENTITY)), "Identities to create with the user."),
    ],
};

/// Body of `createUserIdentity`.
pub static CREATE_USER_IDENTITY_REQUEST: Model = Model {
    name: ts("KindeCreateUserIdentityRequest"),
    doc: ts("Body of `createUserIdentity`."),
    fields: &[
        Field::opt("value", S, "The email address, phone number, username or social identity."),
        Field::opt("type", Ty::Enum(&["email", "username", "phone", "enterprise", "social"]), "Kind of identity."),
        Field::opt("phone_country_id", S, "Country code, for a `phone` identity."),
        Field::opt("connection_id", S, "Connection id, for a `social` or `enterprise` identity."),
    ],
};

/// Body of `setUserPassword`.
pub static SET_USER_PASSWORD_REQUEST: Model = Model {
    name: ts("KindeSetUserPasswordRequest"),
    doc: ts("Body of `setUserPassword`: an already-hashed password and how it was hashed."),
    fields: &[
        Field::req("hashed_password", S, "The password hash."),
        Field::opt(
            "hashing_method",
            Ty::Enum(&[
                "bcrypt",
                "crypt",
                "md5",
                "sha256",
                "wordpress",
                "pbkdf2",
                "firebase-scrypt",
                "aspnet-identity-v2",
            ]),
            "Hash algorithm (bcrypt when omitted).",
        ),
        Field::opt("salt", S, "Salt, for algorithms that use one."),
        Field::opt("salt_position", Ty::Enum(&["prefix", "suffix"]), "Where the salt goes."),
        Field::opt("iterations", Ty::Int { min: 1, max: i32::MAX }, "Iteration count (pbkdf2)."),
        Field::opt("variant", S, "Hash variant (pbkdf2)."),
        Field::opt("signer_key", S, "Base64 signer key (firebase-scrypt)."),
        Field::opt("salt_separator", S, "Base64 salt separator (firebase-scrypt)."),
        Field::opt("rounds", Ty::Int { min: 1, max: 16 }, "Scrypt rounds, 1 to 16 (firebase-scrypt)."),
        Field::opt("mem_cost", Ty::Int { min: 1, max: 20 }, "Scrypt memory cost, 1 to 20 (firebase-scrypt)."),
        Field::opt("is_temporary_password", B, "Ask the user for a new password at next sign-in."),
    ],
};

/// Body of `updateUser`.
pub static UPDATE_USER_REQUEST: Model = Model {
    name: ts("KindeUpdateUserRequest"),
    doc: ts("Body of `updateUser`: the fields to change."),
    fields: &[
        Field::opt("given_name", S, "First name."),
        Field::opt("family_name", S, "Last name."),
        Field::opt("picture", S, "Profile picture URL."),
        Field::opt("is_suspended", B, "Suspend or reinstate the user."),
        Field::opt("is_password_reset_requested", B, "Ask for a new password at next sign-in."),
        Field::opt("provided_id", S, "Your own id for the user."),
    ],
};

/// Body of `updateUserProperties`.
pub static UPDATE_USER_PROPERTIES_REQUEST: Model = Model {
    name: ts("KindeUpdateUserPropertiesRequest"),
    doc: ts("Body of `updateUserProperties` (the seeds call it `UpdateOrganizationPropertiesRequest`)."),
    fields: &[Field::req("properties", Ty::Map(&Ty::Scalar), "Property keys and their new values.")],
};

static ORG_USER_REF: Model = Model {
    name: ts("KindeOrganizationUserInput"),
    doc: ts("A user to add to an organization, with the roles and permissions to give them."),
    fields: &[
        Field::req("id", Ty::Id, "The user's id."),
        Field::opt("roles", STRINGS, "Role keys."),
        Field::opt("permissions", STRINGS, "Permission keys."),
    ],
};

static ORG_USER_REMOVAL: Model = Model {
    name: ts("KindeOrganizationUserRemoval"),
    doc: ts("A user to remove from an organization."),
    fields: &[Field::req("id", Ty::Id, "The user's id.")],
};

/// Body of `addOrganizationUsers`.
pub static ADD_ORGANIZATION_USERS_REQUEST: Model = Model {
    name: ts("KindeAddOrganizationUsersRequest"),
    doc: ts("Body of `addOrganizationUsers`: user ids (as in the older SDK) or user objects."),
    fields: &[Field::req("users", Ty::Array(&Ty::IdOr(&ORG_USER_REF, &[])), "The users to add.")],
};

/// Body of `removeOrganizationUsers` (sent as removals to today's endpoint).
pub static REMOVE_ORGANIZATION_USERS_REQUEST: Model = Model {
    name: ts("KindeRemoveOrganizationUsersRequest"),
    doc: ts("Body of `removeOrganizationUsers`: user ids (as in the older SDK) or `{ id }` objects."),
    fields: &[Field::req(
        "users",
        Ty::Array(&Ty::IdOr(&ORG_USER_REMOVAL, &[("operation", "delete")])),
        "The users to remove.",
    )],
};

// ---- query parameters -----------------------------------------------------

/// Optional query parameters of `getUsers`.
pub static GET_USERS_PARAMS: Model = Model {
    name: ts("KindeGetUsersParams"),
    doc: ts("Optional query parameters of `getUsers`."),
    fields: &[
        Field::opt("page_size", PAGE_SIZE, "Users per page, 1 to 500 (10 when omitted).").nullable(),
        Field::opt("user_id", Ty::List(&[]), "Only these user ids (comma-separated string or array).").nullable(),
        Field::opt("next_token", S, "The `next_token` of the previous page.").nullable(),
        Field::opt("email", Ty::List(&[]), "Only these email addresses.").nullable(),
        Field::opt("username", Ty::List(&[]), "Only these usernames.").nullable(),
        Field::opt("phone", Ty::List(&[]), "Only these phone numbers.").nullable(),
        Field::opt("expand", EXPAND, "Extra data to include.").nullable(),
        Field::opt("has_organization", B, "Only users with (or without) an organization.").nullable(),
        Field::opt("active_since", Ty::DateTime, "Only users active since this date-time.").nullable(),
    ],
};

/// Optional query parameters of `getUserData`.
pub static GET_USER_DATA_PARAMS: Model = Model {
    name: ts("KindeGetUserDataParams"),
    doc: ts("Optional query parameters of `getUserData`."),
    fields: &[Field::opt("expand", EXPAND, "Extra data to include.").nullable()],
};

/// Optional query parameters of `deleteUser`.
pub static DELETE_USER_PARAMS: Model = Model {
    name: ts("KindeDeleteUserParams"),
    doc: ts("Optional query parameters of `deleteUser`."),
    fields: &[Field::opt("is_delete_profile", B, "Also delete the user's profile everywhere in Kinde.").nullable()],
};

/// Optional query parameters of `getUserIdentities`.
pub static GET_USER_IDENTITIES_PARAMS: Model = Model {
    name: ts("KindeGetUserIdentitiesParams"),
    doc: ts("Optional query parameters of `getUserIdentities`."),
    fields: &[
        Field::opt("starting_after", S, "Identities after this identity id.").nullable(),
        Field::opt("ending_before", S, "Identities before this identity id.").nullable(),
    ],
};

/// Optional query parameters of `getOrganizationUsers`.
pub static GET_ORGANIZATION_USERS_PARAMS: Model = Model {
    name: ts("KindeGetOrganizationUsersParams"),
    doc: ts("Optional query parameters of `getOrganizationUsers`."),
    fields: &[
        Field::opt("sort", Ty::Enum(&["name_asc", "name_desc", "email_asc", "email_desc"]), "Sort order.").nullable(),
        Field::opt("page_size", PAGE_SIZE, "Users per page, 1 to 500 (10 when omitted).").nullable(),
        Field::opt("next_token", S, "The `next_token` of the previous page.").nullable(),
        Field::opt("permissions", Ty::List(&[]), "Only users with all of these permissions."),
        Field::opt("roles", Ty::List(&[]), "Only users with all of these roles."),
    ],
};

// ---- results ----------------------------------------------------------------

/// `{ code, message }`, the answer of most updates.
pub static SUCCESS_RESPONSE: Model = Model {
    name: ts("KindeSuccessResponse"),
    doc: ts("Outcome of an operation that returns no data."),
    fields: &[Field::opt("message", S, "Outcome message."), Field::opt("code", S, "Outcome code.")],
};

static IDENTITY_RESULT: Model =
    Model { name: ts(""), doc: ts(""), fields: &[Field::opt("created", B, "Whether the identity was created.")] };

static USER_IDENTITY: Model = Model {
    name: ts("KindeUserIdentity"),
    doc: ts("Outcome of creating one identity of a new user."),
    fields: &[
        Field::opt("type", S, "Kind of identity."),
        Field::opt("result", Ty::Object(&IDENTITY_RESULT), "Outcome."),
    ],
};

/// Result of `createUser`.
pub static CREATE_USER_RESPONSE: Model = Model {
    name: ts("KindeCreateUserResponse"),
    doc: ts("Result of `createUser`."),
    fields: &[
        Field::opt("id", S, "The new user's id."),
        Field::opt("created", B, "Whether the user was created."),
        Field::opt("identities", Ty::Array(&Ty::Object(&USER_IDENTITY)), "Outcome per identity."),
    ],
};

static IDENTITY_REF: Model = Model { name: ts(""), doc: ts(""), fields: &[Field::opt("id", S, "The identity's id.")] };

/// Result of `createUserIdentity`.
pub static CREATE_IDENTITY_RESPONSE: Model = Model {
    name: ts("KindeCreateIdentityResponse"),
    doc: ts("Result of `createUserIdentity`."),
    fields: &[
        Field::opt("message", S, "Outcome message."),
        Field::opt("code", S, "Outcome code."),
        Field::opt("identity", Ty::Object(&IDENTITY_REF), "The new identity."),
    ],
};

static BILLING: Model = Model {
    name: ts("KindeUserBilling"),
    doc: ts("Billing data of a user (with `expand: \"billing\"`)."),
    fields: &[Field::opt("customer_id", S, "Billing customer id.")],
};

// Fields both user shapes (`KindeUser`, `KindeUsersResponseUser`) share.
const U_ID: Field = Field::opt("id", S, "Kinde's id of the user.");
const U_PROVIDED_ID: Field = Field::opt("provided_id", S, "Your own id for the user.");
const U_PHONE: Field = Field::opt("phone", S, "Primary phone number.");
const U_USERNAME: Field = Field::opt("username", S, "Primary username.");
const U_LAST_NAME: Field = Field::opt("last_name", S, "Last name.");
const U_FIRST_NAME: Field = Field::opt("first_name", S, "First name.");
const U_IS_SUSPENDED: Field = Field::opt("is_suspended", B, "Whether the user is suspended.");
const U_PICTURE: Field = Field::opt("picture", S, "Profile picture URL.");
const U_TOTAL_SIGN_INS: Field = Field::opt("total_sign_ins", N, "Number of sign-ins.").nullable();
const U_FAILED_SIGN_INS: Field = Field::opt("failed_sign_ins", N, "Consecutive failed sign-ins.").nullable();
const U_LAST_SIGNED_IN: Field = Field::opt("last_signed_in", S, "Last sign-in (ISO 8601).").nullable();
const U_CREATED_ON: Field = Field::opt("created_on", S, "Creation date (ISO 8601).").nullable();
const U_ORGANIZATIONS: Field =
    Field::opt("organizations", STRINGS, "Codes of the user's organizations (with `expand`).");
const U_BILLING: Field = Field::opt("billing", Ty::Object(&BILLING), "Billing data (with `expand`).");

static USER_IDENTITY_SUMMARY: Model = Model {
    name: ts(""),
    doc: ts(""),
    fields: &[Field::opt("type", S, "Kind of identity."), Field::opt("identity", S, "The identity's value.")],
};

/// Result of `getUserData`.
pub static USER: Model = Model {
    name: ts("KindeUser"),
    doc: ts("A user, as `getUserData` returns it (note `preferred_email`)."),
    fields: &[
        U_ID,
        U_PROVIDED_ID,
        Field::opt("preferred_email", S, "Primary email address."),
        U_PHONE,
        U_USERNAME,
        U_LAST_NAME,
        U_FIRST_NAME,
        U_IS_SUSPENDED,
        U_PICTURE,
        U_TOTAL_SIGN_INS,
        U_FAILED_SIGN_INS,
        U_LAST_SIGNED_IN,
        U_CREATED_ON,
        U_ORGANIZATIONS,
        Field::opt("identities", Ty::Array(&Ty::Object(&USER_IDENTITY_SUMMARY)), "Identities (with `expand`)."),
        U_BILLING,
    ],
};

static ORG_SIGN_IN: Model = Model {
    name: ts(""),
    doc: ts(""),
    fields: &[
        Field::opt("org_code", S, "Organization code."),
        Field::opt("last_signed_in", S, "Last sign-in to it (ISO 8601)."),
    ],
};

static LIST_IDENTITY: Model = Model {
    name: ts(""),
    doc: ts(""),
    fields: &[
        Field::opt("type", S, "Kind of identity."),
        Field::opt("identity", S, "The identity's value."),
        Field::opt("connection_id", S, "Social or enterprise connection id (null for others).").nullable(),
    ],
};

static USERS_RESPONSE_USER: Model = Model {
    name: ts("KindeUsersResponseUser"),
    doc: ts("A user, as `getUsers` lists it (note `email`, not `preferred_email`)."),
    fields: &[
        U_ID,
        U_PROVIDED_ID,
        Field::opt("email", S, "Primary email address."),
        U_PHONE,
        U_USERNAME,
        U_LAST_NAME,
        U_FIRST_NAME,
        U_IS_SUSPENDED,
        U_PICTURE,
        U_TOTAL_SIGN_INS,
        U_FAILED_SIGN_INS,
        U_LAST_SIGNED_IN,
        U_CREATED_ON,
        Field::opt(
            "last_organization_sign_ins",
            Ty::Array(&Ty::Object(&ORG_SIGN_IN)),
            "Last sign-in per organization.",
        )
        .nullable(),
        U_ORGANIZATIONS,
        Field::opt("identities", Ty::Array(&Ty::Object(&LIST_IDENTITY)), "Identities (with `expand`)."),
        U_BILLING,
    ],
};

/// Result of `getUsers`.
pub static USERS_RESPONSE: Model = Model {
    name: ts("KindeUsersResponse"),
    doc: ts("A page of users (result of `getUsers`)."),
    fields: &[
        Field::opt("code", S, "Response code."),
        Field::opt("message", S, "Response message."),
        Field::opt("users", Ty::Array(&Ty::Object(&USERS_RESPONSE_USER)), "The users of this page."),
        Field::opt("next_token", S, "Pass as `next_token` for the next page; absent on the last page."),
    ],
};

static IDENTITY: Model = Model {
    name: ts("KindeIdentity"),
    doc: ts("One identity of a user."),
    fields: &[
        Field::opt("id", S, "The identity's id."),
        Field::opt("type", S, "Kind of identity."),
        Field::opt("is_confirmed", B, "Whether it is confirmed."),
        Field::opt("created_on", S, "Creation date (ISO 8601)."),
        Field::opt("last_login_on", S, "Last sign-in with it (ISO 8601)."),
        Field::opt("total_logins", N, "Sign-ins with it."),
        Field::opt("name", S, "The identity's value."),
        Field::opt("email", S, "Associated email address."),
        Field::opt("connection_id", S, "Social or enterprise connection id (null for others).").nullable(),
        Field::opt("is_primary", B, "Whether it is the user's primary identity.").nullable(),
    ],
};

/// Result of `getUserIdentities`.
pub static GET_IDENTITIES_RESPONSE: Model = Model {
    name: ts("KindeGetIdentitiesResponse"),
    doc: ts("Result of `getUserIdentities`."),
    fields: &[
        Field::opt("code", S, "Response code."),
        Field::opt("message", S, "Response message."),
        Field::opt("identities", Ty::Array(&Ty::Object(&IDENTITY)), "The identities."),
        Field::opt("has_more", B, "Whether more identities follow."),
    ],
};

static PROPERTY_VALUE: Model = Model {
    name: ts("KindePropertyValue"),
    doc: ts("One property and the user's value for it."),
    fields: &[
        Field::opt("id", S, "Property id."),
        Field::opt("name", S, "Property name."),
        Field::opt("description", S, "Property description.").nullable(),
        Field::opt("key", S, "Property key."),
        Field::opt("value", S, "The user's value.").nullable(),
    ],
};

/// Result of `getUserPropertyValues`.
pub static GET_PROPERTY_VALUES_RESPONSE: Model = Model {
    name: ts("KindeGetPropertyValuesResponse"),
    doc: ts("Result of `getUserPropertyValues`."),
    fields: &[
        Field::opt("code", S, "Response code."),
        Field::opt("message", S, "Response message."),
        Field::opt("properties", Ty::Array(&Ty::Object(&PROPERTY_VALUE)), "The properties."),
        Field::opt("next_token", S, "Pagination token."),
    ],
};

static SESSION: Model = Model {
    name: ts("KindeUserSession"),
    doc: ts("One session of a user."),
    fields: &[
        Field::opt("user_id", S, "The user's id."),
        Field::opt("org_code", S, "Organization of the session, if any.").nullable(),
        Field::opt("client_id", S, "Client that started it."),
        Field::opt("expires_on", S, "Expiry (ISO 8601)."),
        Field::opt("session_id", S, "Session id."),
        Field::opt("started_on", S, "Start (ISO 8601)."),
        Field::opt("updated_on", S, "Last update (ISO 8601)."),
        Field::opt("connection_id", S, "Connection used."),
        Field::opt("last_ip_address", S, "Last IP address."),
        Field::opt("last_user_agent", S, "Last user agent."),
        Field::opt("initial_ip_address", S, "First IP address."),
        Field::opt("initial_user_agent", S, "First user agent."),
    ],
};

/// Result of `getUserSessions`.
pub static GET_USER_SESSIONS_RESPONSE: Model = Model {
    name: ts("KindeGetUserSessionsResponse"),
    doc: ts("Result of `getUserSessions`."),
    fields: &[
        Field::opt("code", S, "Response code."),
        Field::opt("message", S, "Response message."),
        Field::opt("has_more", B, "Whether more sessions follow."),
        Field::opt("sessions", Ty::Array(&Ty::Object(&SESSION)), "The sessions."),
    ],
};

static MFA: Model = Model {
    name: ts("KindeUserMfa"),
    doc: ts("A user's MFA configuration."),
    fields: &[
        Field::opt("id", S, "Factor id."),
        Field::opt("type", S, "Factor type (email, SMS, authenticator app...)."),
        Field::opt("created_on", S, "Creation date (ISO 8601)."),
        Field::opt("name", S, "The factor's identifier (an email address, a phone number...)."),
        Field::opt("is_verified", B, "Whether it is verified."),
        Field::opt("usage_count", N, "Times used."),
        Field::opt("last_used_on", S, "Last use (ISO 8601)."),
    ],
};

/// Result of `getUsersMfa`.
pub static GET_USER_MFA_RESPONSE: Model = Model {
    name: ts("KindeGetUserMfaResponse"),
    doc: ts("Result of `getUsersMfa`."),
    fields: &[
        Field::opt("message", S, "Response message."),
        Field::opt("code", S, "Response code."),
        Field::opt("mfa", Ty::Object(&MFA), "The MFA configuration."),
    ],
};

/// Result of `updateUser`.
pub static UPDATE_USER_RESPONSE: Model = Model {
    name: ts("KindeUpdateUserResponse"),
    doc: ts("Result of `updateUser`."),
    fields: &[
        Field::opt("id", S, "The user's id."),
        Field::opt("given_name", S, "First name."),
        Field::opt("family_name", S, "Last name."),
        Field::opt("email", S, "Preferred email address."),
        Field::opt("is_suspended", B, "Whether the user is suspended."),
        Field::opt("is_password_reset_requested", B, "Whether a new password is requested."),
        Field::opt("picture", S, "Profile picture URL.").nullable(),
    ],
};

/// Result of `addOrganizationUsers`.
pub static ADD_ORGANIZATION_USERS_RESPONSE: Model = Model {
    name: ts("KindeAddOrganizationUsersResponse"),
    doc: ts("Result of `addOrganizationUsers`."),
    fields: &[
        Field::opt("code", S, "Response code."),
        Field::opt("message", S, "Response message."),
        Field::opt("users_added", STRINGS, "Ids of the users added."),
    ],
};

static ORGANIZATION_USER: Model = Model {
    name: ts("KindeOrganizationUser"),
    doc: ts("A member of an organization."),
    fields: &[
        Field::opt("id", S, "The user's id.").nullable(),
        Field::opt("email", S, "Email address.").nullable(),
        Field::opt("full_name", S, "Full name."),
        Field::opt("last_name", S, "Last name.").nullable(),
        Field::opt("first_name", S, "First name.").nullable(),
        Field::opt("picture", S, "Profile picture URL.").nullable(),
        Field::opt("joined_on", S, "When the user joined (ISO 8601)."),
        Field::opt("last_accessed_on", S, "Last access (ISO 8601).").nullable(),
        Field::opt("is_suspended", B, "Whether the user is suspended."),
        Field::opt("roles", STRINGS, "Role keys in the organization."),
    ],
};

/// Result of `getOrganizationUsers`.
pub static GET_ORGANIZATION_USERS_RESPONSE: Model = Model {
    name: ts("KindeGetOrganizationUsersResponse"),
    doc: ts("A page of organization members (result of `getOrganizationUsers`)."),
    fields: &[
        Field::opt("code", S, "Response code."),
        Field::opt("message", S, "Response message."),
        Field::opt("organization_users", Ty::Array(&Ty::Object(&ORGANIZATION_USER)), "The members of this page."),
        Field::opt("next_token", S, "Pass as `next_token` for the next page."),
    ],
};

/// Result of `removeOrganizationUsers`.
pub static UPDATE_ORGANIZATION_USERS_RESPONSE: Model = Model {
    name: ts("KindeUpdateOrganizationUsersResponse"),
    doc: ts("Result of `removeOrganizationUsers`."),
    fields: &[
        Field::opt("message", S, "Response message."),
        Field::opt("code", S, "Response code."),
        Field::opt("users_added", STRINGS, "Ids of users added."),
        Field::opt("users_updated", STRINGS, "Ids of users updated."),
        Field::opt("users_removed", STRINGS, "Ids of users removed."),
    ],
};

/// Every model, in the order the typings list them.
pub static MODELS: &[&Model] = &[
    &CREATE_USER_REQUEST,
    &NEW_IDENTITY,
    &CREATE_USER_IDENTITY_REQUEST,
    &SET_USER_PASSWORD_REQUEST,
    &UPDATE_USER_REQUEST,
    &UPDATE_USER_PROPERTIES_REQUEST,
    &ADD_ORGANIZATION_USERS_REQUEST,
    &ORG_USER_REF,
    &REMOVE_ORGANIZATION_USERS_REQUEST,
    &ORG_USER_REMOVAL,
    &GET_USERS_PARAMS,
    &GET_USER_DATA_PARAMS,
    &DELETE_USER_PARAMS,
    &GET_USER_IDENTITIES_PARAMS,
    &GET_ORGANIZATION_USERS_PARAMS,
    &SUCCESS_RESPONSE,
    &CREATE_USER_RESPONSE,
    &USER_IDENTITY,
    &CREATE_IDENTITY_RESPONSE,
    &USER,
    &BILLING,
    &USERS_RESPONSE,
    &USERS_RESPONSE_USER,
    &GET_IDENTITIES_RESPONSE,
    &IDENTITY,
    &GET_PROPERTY_VALUES_RESPONSE,
    &PROPERTY_VALUE,
    &GET_USER_SESSIONS_RESPONSE,
    &SESSION,
    &GET_USER_MFA_RESPONSE,
    &MFA,
    &UPDATE_USER_RESPONSE,
    &ADD_ORGANIZATION_USERS_RESPONSE,
    &GET_ORGANIZATION_USERS_RESPONSE,
    &ORGANIZATION_USER,
    &UPDATE_ORGANIZATION_USERS_RESPONSE,
];
