//! Kinde Management API wire types (request bodies and query parameters),
//! with the API's own field names: what the client validates and encodes.
//! Results are declared for the typings only, in `results`.

use crate::engine::schema::{Field, Model, Ty, ts};

pub(super) const STRING: Ty = Ty::Str;
pub(super) const BOOLEAN: Ty = Ty::Bool;
pub(super) const STRINGS: Ty = Ty::Array(&Ty::Str);
/// `page_size`: Kinde serves at most 500 users a page.
pub(crate) const PAGE_SIZE: Ty = Ty::Int { min: 1, max: 500 };
/// Values of `expand` on the user endpoints.
pub(crate) const EXPAND: Ty = Ty::List(&["organizations", "identities", "billing"]);

// ---- request bodies -------------------------------------------------------

static PROFILE: Model = Model {
    name: ts(""),
    doc: ts(""),
    fields: &[
        Field::opt("given_name", STRING, "First name."),
        Field::opt("family_name", STRING, "Last name."),
        Field::opt("picture", STRING, "Profile picture URL."),
    ],
};

static IDENTITY_DETAILS: Model = Model {
    name: ts(""),
    doc: ts(""),
    fields: &[
        Field::opt("email", STRING, "Email address (for an `email` identity)."),
        Field::opt("phone", STRING, "Phone number (for a `phone` identity)."),
        Field::opt("phone_country_id", STRING, "Country code of the phone number."),
        Field::opt("username", STRING, "Username (for a `username` identity)."),
    ],
};

static NEW_IDENTITY: Model = Model {
    name: ts("KindeCreateUserIdentity"),
    doc: ts("An identity created together with a user."),
    fields: &[
        Field::opt("type", Ty::Enum(&["email", "phone", "username"]), "Kind of identity."),
        Field::opt("is_verified", BOOLEAN, "Whether an email or phone identity counts as verified."),
        Field::opt("details", Ty::Object(&IDENTITY_DETAILS), "The identity's value."),
    ],
};

/// Body of `createUser`.
pub(crate) static CREATE_USER_REQUEST: Model = Model {
    name: ts("KindeCreateUserRequest"),
    doc: ts("Body of `createUser`."),
    fields: &[
        Field::opt("profile", Ty::Object(&PROFILE), "Names and picture."),
        Field::opt("organization_code", STRING, "Organization the new user joins."),
        Field::opt("provided_id", STRING, "Your own id for the user."),
        Field::opt("identities", Ty::Array(&Ty::Object(&NEW_IDENTITY)), "Identities to create with the user."),
    ],
};

/// Body of `createUserIdentity`.
pub(crate) static CREATE_USER_IDENTITY_REQUEST: Model = Model {
    name: ts("KindeCreateUserIdentityRequest"),
    doc: ts("Body of `createUserIdentity`."),
    fields: &[
        Field::opt("value", STRING, "The email address, phone number, username or social identity."),
        Field::opt("type", Ty::Enum(&["email", "username", "phone", "enterprise", "social"]), "Kind of identity."),
        Field::opt("phone_country_id", STRING, "Country code, for a `phone` identity."),
        Field::opt("connection_id", STRING, "Connection id, for a `social` or `enterprise` identity."),
    ],
};

/// Body of `setUserPassword`.
pub(crate) static SET_USER_PASSWORD_REQUEST: Model = Model {
    name: ts("KindeSetUserPasswordRequest"),
    doc: ts("Body of `setUserPassword`: an already-hashed password and how it was hashed."),
    fields: &[
        Field::req("hashed_password", STRING, "The password hash."),
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
        Field::opt("salt", STRING, "Salt, for algorithms that use one."),
        Field::opt("salt_position", Ty::Enum(&["prefix", "suffix"]), "Where the salt goes."),
        Field::opt("iterations", Ty::Int { min: 1, max: i32::MAX }, "Iteration count (pbkdf2)."),
        Field::opt("variant", STRING, "Hash variant (pbkdf2)."),
        Field::opt("signer_key", STRING, "Base64 signer key (firebase-scrypt)."),
        Field::opt("salt_separator", STRING, "Base64 salt separator (firebase-scrypt)."),
        Field::opt("rounds", Ty::Int { min: 1, max: 16 }, "Scrypt rounds, 1 to 16 (firebase-scrypt)."),
        Field::opt("mem_cost", Ty::Int { min: 1, max: 20 }, "Scrypt memory cost, 1 to 20 (firebase-scrypt)."),
        Field::opt("is_temporary_password", BOOLEAN, "Ask the user for a new password at next sign-in."),
    ],
};

/// Body of `updateUser`.
pub(crate) static UPDATE_USER_REQUEST: Model = Model {
    name: ts("KindeUpdateUserRequest"),
    doc: ts("Body of `updateUser`: the fields to change."),
    fields: &[
        Field::opt("given_name", STRING, "First name."),
        Field::opt("family_name", STRING, "Last name."),
        Field::opt("picture", STRING, "Profile picture URL."),
        Field::opt("is_suspended", BOOLEAN, "Suspend or reinstate the user."),
        Field::opt("is_password_reset_requested", BOOLEAN, "Ask for a new password at next sign-in."),
        Field::opt("provided_id", STRING, "Your own id for the user."),
    ],
};

/// Body of `updateUserProperties`.
pub(crate) static UPDATE_USER_PROPERTIES_REQUEST: Model = Model {
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
pub(crate) static ADD_ORGANIZATION_USERS_REQUEST: Model = Model {
    name: ts("KindeAddOrganizationUsersRequest"),
    doc: ts("Body of `addOrganizationUsers`: user ids (as in the older SDK) or user objects."),
    fields: &[Field::req("users", Ty::Array(&Ty::IdOr(&(&ORG_USER_REF, &[]))), "The users to add.")],
};

/// Body of `removeOrganizationUsers` (sent as removals to today's endpoint).
pub(crate) static REMOVE_ORGANIZATION_USERS_REQUEST: Model = Model {
    name: ts("KindeRemoveOrganizationUsersRequest"),
    doc: ts("Body of `removeOrganizationUsers`: user ids (as in the older SDK) or `{ id }` objects."),
    fields: &[Field::req(
        "users",
        Ty::Array(&Ty::IdOr(&(&ORG_USER_REMOVAL, &[("operation", "delete")]))),
        "The users to remove.",
    )],
};

// ---- query parameters -----------------------------------------------------

/// Optional query parameters of `getUsers`.
pub(crate) static GET_USERS_PARAMS: Model = Model {
    name: ts("KindeGetUsersParams"),
    doc: ts("Optional query parameters of `getUsers`."),
    fields: &[
        Field::opt("page_size", PAGE_SIZE, "Users per page, 1 to 500 (10 when omitted).").nullable(),
        Field::opt("user_id", Ty::List(&[]), "Only these user ids (comma-separated string or array).").nullable(),
        Field::opt("next_token", STRING, "The `next_token` of the previous page.").nullable(),
        Field::opt("email", Ty::List(&[]), "Only these email addresses.").nullable(),
        Field::opt("username", Ty::List(&[]), "Only these usernames.").nullable(),
        Field::opt("phone", Ty::List(&[]), "Only these phone numbers.").nullable(),
        Field::opt("expand", EXPAND, "Extra data to include.").nullable(),
        Field::opt("has_organization", BOOLEAN, "Only users with (or without) an organization.").nullable(),
        Field::opt("active_since", Ty::DateTime, "Only users active since this date-time.").nullable(),
    ],
};

/// Optional query parameters of `getUserData`.
pub(crate) static GET_USER_DATA_PARAMS: Model = Model {
    name: ts("KindeGetUserDataParams"),
    doc: ts("Optional query parameters of `getUserData`."),
    fields: &[Field::opt("expand", EXPAND, "Extra data to include.").nullable()],
};

/// Optional query parameters of `deleteUser`.
pub(crate) static DELETE_USER_PARAMS: Model = Model {
    name: ts("KindeDeleteUserParams"),
    doc: ts("Optional query parameters of `deleteUser`."),
    fields: &[
        Field::opt("is_delete_profile", BOOLEAN, "Also delete the user's profile everywhere in Kinde.").nullable()
    ],
};

/// Optional query parameters of `getUserIdentities`.
pub(crate) static GET_USER_IDENTITIES_PARAMS: Model = Model {
    name: ts("KindeGetUserIdentitiesParams"),
    doc: ts("Optional query parameters of `getUserIdentities`."),
    fields: &[
        Field::opt("starting_after", STRING, "Identities after this identity id.").nullable(),
        Field::opt("ending_before", STRING, "Identities before this identity id.").nullable(),
    ],
};

/// Optional query parameters of `getOrganizationUsers`.
pub(crate) static GET_ORGANIZATION_USERS_PARAMS: Model = Model {
    name: ts("KindeGetOrganizationUsersParams"),
    doc: ts("Optional query parameters of `getOrganizationUsers`."),
    fields: &[
        Field::opt("sort", Ty::Enum(&["name_asc", "name_desc", "email_asc", "email_desc"]), "Sort order.").nullable(),
        Field::opt("page_size", PAGE_SIZE, "Users per page, 1 to 500 (10 when omitted).").nullable(),
        Field::opt("next_token", STRING, "The `next_token` of the previous page.").nullable(),
        Field::opt("permissions", Ty::List(&[]), "Only users with all of these permissions."),
        Field::opt("roles", Ty::List(&[]), "Only users with all of these roles."),
    ],
};

/// Every input model (bodies and query parameters), in the order the typings list them.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static MODELS: &[&Model] = &[
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
];
