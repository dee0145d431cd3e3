//! Kinde Management API result models: what the operations resolve to, as
//! the typings declare it. Typings only (compiled natively only, see
//! [`crate::engine::schema`]): results are handed to the caller exactly as the
//! API sent them, never checked field by field.

use super::models::{BOOLEAN, STRING, STRINGS};
use crate::engine::schema::{Field, Model, Ty};

/// Integers the API counts with.
const INTEGER: Ty = Ty::Int { min: i32::MIN, max: i32::MAX };

static SUCCESS_RESPONSE: Model = Model {
    name: "KindeSuccessResponse",
    doc: "Outcome of an operation that returns no data.",
    fields: &[Field::opt("message", STRING, "Outcome message."), Field::opt("code", STRING, "Outcome code.")],
};

static IDENTITY_RESULT: Model =
    Model { name: "", doc: "", fields: &[Field::opt("created", BOOLEAN, "Whether the identity was created.")] };

static USER_IDENTITY: Model = Model {
    name: "KindeUserIdentity",
    doc: "Outcome of creating one identity of a new user.",
    fields: &[
        Field::opt("type", STRING, "Kind of identity."),
        Field::opt("result", Ty::Object(&IDENTITY_RESULT), "Outcome."),
    ],
};

static CREATE_USER_RESPONSE: Model = Model {
    name: "KindeCreateUserResponse",
    doc: "Result of `createUser`.",
    fields: &[
        Field::opt("id", STRING, "The new user's id."),
        Field::opt("created", BOOLEAN, "Whether the user was created."),
        Field::opt("identities", Ty::Array(&Ty::Object(&USER_IDENTITY)), "Outcome per identity."),
    ],
};

static IDENTITY_REF: Model = Model { name: "", doc: "", fields: &[Field::opt("id", STRING, "The identity's id.")] };

static CREATE_IDENTITY_RESPONSE: Model = Model {
    name: "KindeCreateIdentityResponse",
    doc: "Result of `createUserIdentity`.",
    fields: &[
        Field::opt("message", STRING, "Outcome message."),
        Field::opt("code", STRING, "Outcome code."),
        Field::opt("identity", Ty::Object(&IDENTITY_REF), "The new identity."),
    ],
};

static BILLING: Model = Model {
    name: "KindeUserBilling",
    doc: "Billing data of a user (with `expand: \"billing\"`).",
    fields: &[Field::opt("customer_id", STRING, "Billing customer id.")],
};

// Fields both user shapes (`KindeUser`, `KindeUsersResponseUser`) share.
const U_ID: Field = Field::opt("id", STRING, "Kinde's id of the user.");
const U_PROVIDED_ID: Field = Field::opt("provided_id", STRING, "Your own id for the user.");
const U_PHONE: Field = Field::opt("phone", STRING, "Primary phone number.");
const U_USERNAME: Field = Field::opt("username", STRING, "Primary username.");
const U_LAST_NAME: Field = Field::opt("last_name", STRING, "Last name.");
const U_FIRST_NAME: Field = Field::opt("first_name", STRING, "First name.");
const U_IS_SUSPENDED: Field = Field::opt("is_suspended", BOOLEAN, "Whether the user is suspended.");
const U_PICTURE: Field = Field::opt("picture", STRING, "Profile picture URL.");
const U_TOTAL_SIGN_INS: Field = Field::opt("total_sign_ins", INTEGER, "Number of sign-ins.").nullable();
const U_FAILED_SIGN_INS: Field = Field::opt("failed_sign_ins", INTEGER, "Consecutive failed sign-ins.").nullable();
const U_LAST_SIGNED_IN: Field = Field::opt("last_signed_in", STRING, "Last sign-in (ISO 8601).").nullable();
const U_CREATED_ON: Field = Field::opt("created_on", STRING, "Creation date (ISO 8601).").nullable();
const U_ORGANIZATIONS: Field =
    Field::opt("organizations", STRINGS, "Codes of the user's organizations (with `expand`).");
const U_BILLING: Field = Field::opt("billing", Ty::Object(&BILLING), "Billing data (with `expand`).");

static USER_IDENTITY_SUMMARY: Model = Model {
    name: "",
    doc: "",
    fields: &[Field::opt("type", STRING, "Kind of identity."), Field::opt("identity", STRING, "The identity's value.")],
};

static USER: Model = Model {
    name: "KindeUser",
    doc: "A user, as `getUserData` returns it (note `preferred_email`).",
    fields: &[
        U_ID,
        U_PROVIDED_ID,
        Field::opt("preferred_email", STRING, "Primary email address."),
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
    name: "",
    doc: "",
    fields: &[
        Field::opt("org_code", STRING, "Organization code."),
        Field::opt("last_signed_in", STRING, "Last sign-in to it (ISO 8601)."),
    ],
};

static LIST_IDENTITY: Model = Model {
    name: "",
    doc: "",
    fields: &[
        Field::opt("type", STRING, "Kind of identity."),
        Field::opt("identity", STRING, "The identity's value."),
        Field::opt("connection_id", STRING, "Social or enterprise connection id (null for others).").nullable(),
    ],
};

static USERS_RESPONSE_USER: Model = Model {
    name: "KindeUsersResponseUser",
    doc: "A user, as `getUsers` lists it (note `email`, not `preferred_email`).",
    fields: &[
        U_ID,
        U_PROVIDED_ID,
        Field::opt("email", STRING, "Primary email address."),
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

static USERS_RESPONSE: Model = Model {
    name: "KindeUsersResponse",
    doc: "A page of users (result of `getUsers`).",
    fields: &[
        Field::opt("code", STRING, "Response code."),
        Field::opt("message", STRING, "Response message."),
        Field::opt("users", Ty::Array(&Ty::Object(&USERS_RESPONSE_USER)), "The users of this page."),
        Field::opt("next_token", STRING, "Pass as `next_token` for the next page; absent on the last page."),
    ],
};

static IDENTITY: Model = Model {
    name: "KindeIdentity",
    doc: "One identity of a user.",
    fields: &[
        Field::opt("id", STRING, "The identity's id."),
        Field::opt("type", STRING, "Kind of identity."),
        Field::opt("is_confirmed", BOOLEAN, "Whether it is confirmed."),
        Field::opt("created_on", STRING, "Creation date (ISO 8601)."),
        Field::opt("last_login_on", STRING, "Last sign-in with it (ISO 8601)."),
        Field::opt("total_logins", INTEGER, "Sign-ins with it."),
        Field::opt("name", STRING, "The identity's value."),
        Field::opt("email", STRING, "Associated email address."),
        Field::opt("connection_id", STRING, "Social or enterprise connection id (null for others).").nullable(),
        Field::opt("is_primary", BOOLEAN, "Whether it is the user's primary identity.").nullable(),
    ],
};

static GET_IDENTITIES_RESPONSE: Model = Model {
    name: "KindeGetIdentitiesResponse",
    doc: "Result of `getUserIdentities`.",
    fields: &[
        Field::opt("code", STRING, "Response code."),
        Field::opt("message", STRING, "Response message."),
        Field::opt("identities", Ty::Array(&Ty::Object(&IDENTITY)), "The identities."),
        Field::opt("has_more", BOOLEAN, "Whether more identities follow."),
    ],
};

static PROPERTY_VALUE: Model = Model {
    name: "KindePropertyValue",
    doc: "One property and the user's value for it.",
    fields: &[
        Field::opt("id", STRING, "Property id."),
        Field::opt("name", STRING, "Property name."),
        Field::opt("description", STRING, "Property description.").nullable(),
        Field::opt("key", STRING, "Property key."),
        Field::opt("value", STRING, "The user's value.").nullable(),
    ],
};

static GET_PROPERTY_VALUES_RESPONSE: Model = Model {
    name: "KindeGetPropertyValuesResponse",
    doc: "Result of `getUserPropertyValues`.",
    fields: &[
        Field::opt("code", STRING, "Response code."),
        Field::opt("message", STRING, "Response message."),
        Field::opt("properties", Ty::Array(&Ty::Object(&PROPERTY_VALUE)), "The properties."),
        Field::opt("next_token", STRING, "Pagination token."),
    ],
};

static SESSION: Model = Model {
    name: "KindeUserSession",
    doc: "One session of a user.",
    fields: &[
        Field::opt("user_id", STRING, "The user's id."),
        Field::opt("org_code", STRING, "Organization of the session, if any.").nullable(),
        Field::opt("client_id", STRING, "Client that started it."),
        Field::opt("expires_on", STRING, "Expiry (ISO 8601)."),
        Field::opt("session_id", STRING, "Session id."),
        Field::opt("started_on", STRING, "Start (ISO 8601)."),
        Field::opt("updated_on", STRING, "Last update (ISO 8601)."),
        Field::opt("connection_id", STRING, "Connection used."),
        Field::opt("last_ip_address", STRING, "Last IP address."),
        Field::opt("last_user_agent", STRING, "Last user agent."),
        Field::opt("initial_ip_address", STRING, "First IP address."),
        Field::opt("initial_user_agent", STRING, "First user agent."),
    ],
};

static GET_USER_SESSIONS_RESPONSE: Model = Model {
    name: "KindeGetUserSessionsResponse",
    doc: "Result of `getUserSessions`.",
    fields: &[
        Field::opt("code", STRING, "Response code."),
        Field::opt("message", STRING, "Response message."),
        Field::opt("has_more", BOOLEAN, "Whether more sessions follow."),
        Field::opt("sessions", Ty::Array(&Ty::Object(&SESSION)), "The sessions."),
    ],
};

static MFA: Model = Model {
    name: "KindeUserMfa",
    doc: "A user's MFA configuration.",
    fields: &[
        Field::opt("id", STRING, "Factor id."),
        Field::opt("type", STRING, "Factor type (email, SMS, authenticator app...)."),
        Field::opt("created_on", STRING, "Creation date (ISO 8601)."),
        Field::opt("name", STRING, "The factor's identifier (an email address, a phone number...)."),
        Field::opt("is_verified", BOOLEAN, "Whether it is verified."),
        Field::opt("usage_count", INTEGER, "Times used."),
        Field::opt("last_used_on", STRING, "Last use (ISO 8601)."),
    ],
};

static GET_USER_MFA_RESPONSE: Model = Model {
    name: "KindeGetUserMfaResponse",
    doc: "Result of `getUsersMfa`.",
    fields: &[
        Field::opt("message", STRING, "Response message."),
        Field::opt("code", STRING, "Response code."),
        Field::opt("mfa", Ty::Object(&MFA), "The MFA configuration."),
    ],
};

static UPDATE_USER_RESPONSE: Model = Model {
    name: "KindeUpdateUserResponse",
    doc: "Result of `updateUser`.",
    fields: &[
        Field::opt("id", STRING, "The user's id."),
        Field::opt("given_name", STRING, "First name."),
        Field::opt("family_name", STRING, "Last name."),
        Field::opt("email", STRING, "Preferred email address."),
        Field::opt("is_suspended", BOOLEAN, "Whether the user is suspended."),
        Field::opt("is_password_reset_requested", BOOLEAN, "Whether a new password is requested."),
        Field::opt("picture", STRING, "Profile picture URL.").nullable(),
    ],
};

static ADD_ORGANIZATION_USERS_RESPONSE: Model = Model {
    name: "KindeAddOrganizationUsersResponse",
    doc: "Result of `addOrganizationUsers`.",
    fields: &[
        Field::opt("code", STRING, "Response code."),
        Field::opt("message", STRING, "Response message."),
        Field::opt("users_added", STRINGS, "Ids of the users added."),
    ],
};

static ORGANIZATION_USER: Model = Model {
    name: "KindeOrganizationUser",
    doc: "A member of an organization.",
    fields: &[
        Field::opt("id", STRING, "The user's id.").nullable(),
        Field::opt("email", STRING, "Email address.").nullable(),
        Field::opt("full_name", STRING, "Full name."),
        Field::opt("last_name", STRING, "Last name.").nullable(),
        Field::opt("first_name", STRING, "First name.").nullable(),
        Field::opt("picture", STRING, "Profile picture URL.").nullable(),
        Field::opt("joined_on", STRING, "When the user joined (ISO 8601)."),
        Field::opt("last_accessed_on", STRING, "Last access (ISO 8601).").nullable(),
        Field::opt("is_suspended", BOOLEAN, "Whether the user is suspended."),
        Field::opt("roles", STRINGS, "Role keys in the organization."),
    ],
};

static GET_ORGANIZATION_USERS_RESPONSE: Model = Model {
    name: "KindeGetOrganizationUsersResponse",
    doc: "A page of organization members (result of `getOrganizationUsers`).",
    fields: &[
        Field::opt("code", STRING, "Response code."),
        Field::opt("message", STRING, "Response message."),
        Field::opt("organization_users", Ty::Array(&Ty::Object(&ORGANIZATION_USER)), "The members of this page."),
        Field::opt("next_token", STRING, "Pass as `next_token` for the next page."),
    ],
};

static UPDATE_ORGANIZATION_USERS_RESPONSE: Model = Model {
    name: "KindeUpdateOrganizationUsersResponse",
    doc: "Result of `removeOrganizationUsers`.",
    fields: &[
        Field::opt("message", STRING, "Response message."),
        Field::opt("code", STRING, "Response code."),
        Field::opt("users_added", STRINGS, "Ids of users added."),
        Field::opt("users_updated", STRINGS, "Ids of users updated."),
        Field::opt("users_removed", STRINGS, "Ids of users removed."),
    ],
};

/// Every result model, in the order the typings list them (after [`MODELS`](super::models::MODELS)).
pub(crate) static MODELS: &[&Model] = &[
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
