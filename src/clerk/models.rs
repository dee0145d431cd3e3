//! Clerk Backend API (version 2026-05-12) wire types for the Users endpoints
//! (request bodies and query parameters), with the API's own field names: what
//! the client validates and encodes. Results are declared for the typings
//! only, in `results`.

use crate::engine::schema::{Field, Model, Ty, concat, ts};

pub(super) const STRING: Ty = Ty::Str;
pub(super) const BOOLEAN: Ty = Ty::Bool;
pub(super) const STRINGS: Ty = Ty::Array(&Ty::Str);
/// Free-form metadata objects.
pub(super) const META: Ty = Ty::Map(&Ty::Json);
/// `create_organizations_limit` in request bodies (0 means no limit).
const ORGS_LIMIT: Ty = Ty::Int { min: 0, max: i32::MAX };
/// Status of each identifier created with a user.
const IDENTIFICATION_STATUS: Ty = Ty::Array(&Ty::Enum(&["verified", "reserved"]));
/// `limit`: Clerk serves at most 500 results a page.
pub(crate) const LIMIT: Ty = Ty::Int { min: 1, max: 500 };
/// `offset`: results to skip when paginating.
pub(crate) const OFFSET: Ty = Ty::Int { min: 0, max: i32::MAX };

// ---- request bodies -------------------------------------------------------

/// Body of `POST /users`.
pub(crate) static CREATE_USER_REQUEST: Model = Model {
    name: ts("ClerkCreateUserRequest"),
    doc: ts("Body of `POST /users`: the new user's identifiers, password and settings."),
    fields: &[
        Field::opt("external_id", STRING, "Your own unique id for the user.").nullable(),
        Field::opt("first_name", STRING, "First name.").nullable(),
        Field::opt("last_name", STRING, "Last name.").nullable(),
        Field::opt("locale", STRING, "Locale, such as `en-US`.").nullable(),
        Field::opt("email_address", STRINGS, "Email addresses to add; the first one becomes the primary one."),
        Field::opt(
            "email_address_identification_status",
            IDENTIFICATION_STATUS,
            "Status of each email address, one item per address, in the same order.",
        ),
        Field::opt("phone_number", STRINGS, "Phone numbers to add; the first one becomes the primary one."),
        Field::opt(
            "phone_number_identification_status",
            IDENTIFICATION_STATUS,
            "Status of each phone number, one item per number, in the same order.",
        ),
        Field::opt("web3_wallet", STRINGS, "Web3 wallet addresses to add; the first one becomes the primary one."),
        Field::opt("username", STRING, "Unique username.").nullable(),
        Field::opt("password", STRING, "Plaintext password (8 characters or more, not a known leaked one).").nullable(),
        Field::opt("password_digest", STRING, "An existing password hash to import instead of a password.").nullable(),
        Field::opt(
            "password_hasher",
            STRING,
            "Algorithm of `password_digest` (`bcrypt`, `argon2id`, `scrypt_firebase`, `pbkdf2_sha256`...).",
        ),
        Field::opt("skip_password_checks", BOOLEAN, "Skip the password policy checks (for migrations).").nullable(),
        Field::opt("skip_password_requirement", BOOLEAN, "Allow creating the user without a password.").nullable(),
        Field::opt("totp_secret", STRING, "An existing TOTP secret to enable authenticator-app MFA with.").nullable(),
        Field::opt("backup_codes", STRINGS, "Existing backup codes to enable them for the user."),
        Field::opt("public_metadata", META, "Metadata readable by the frontend and the backend."),
        Field::opt("private_metadata", META, "Metadata readable by the backend only."),
        Field::opt("unsafe_metadata", META, "Metadata the frontend may also write (do not trust it)."),
        Field::opt("delete_self_enabled", BOOLEAN, "Let the user delete their own account from the frontend.")
            .nullable(),
        Field::opt("legal_accepted_at", Ty::DateTime, "When the user accepted the legal terms.").nullable(),
        Field::opt("skip_legal_checks", BOOLEAN, "Skip the legal-acceptance requirement.").nullable(),
        Field::opt("skip_user_requirement", BOOLEAN, "Do not enforce the instance's required identifiers.").nullable(),
        Field::opt("create_organization_enabled", BOOLEAN, "Let the user create organizations from the frontend.")
            .nullable(),
        Field::opt("create_organizations_limit", ORGS_LIMIT, "Most organizations the user may create (0: no limit).")
            .nullable(),
        Field::opt("created_at", Ty::DateTime, "Sign-up date to record instead of now (for migrations).").nullable(),
        Field::opt("bypass_client_trust", BOOLEAN, "Exempt the user from Device Trust checks at sign-in.").nullable(),
        Field::opt("banned", BOOLEAN, "Create the user already banned.").nullable(),
        Field::opt("locked", BOOLEAN, "Create the user already locked (needs lockout enabled).").nullable(),
    ],
};

/// Body of `PATCH /users/{user_id}`.
pub(crate) static UPDATE_USER_REQUEST: Model = Model {
    name: ts("ClerkUpdateUserRequest"),
    doc: ts("Body of `PATCH /users/{user_id}`: the fields to change (metadata has its own endpoint)."),
    fields: &[
        Field::opt("external_id", STRING, "Your own unique id for the user.").nullable(),
        Field::opt("first_name", STRING, "First name.").nullable(),
        Field::opt("last_name", STRING, "Last name.").nullable(),
        Field::opt("locale", STRING, "Locale, such as `en-US`.").nullable(),
        Field::opt("primary_email_address_id", STRING, "Id of a verified email address of the user to make primary.")
            .nullable(),
        Field::opt("notify_primary_email_address_changed", BOOLEAN, "Tell the user that their primary email changed.")
            .nullable(),
        Field::opt("primary_phone_number_id", STRING, "Id of a verified phone number of the user to make primary.")
            .nullable(),
        Field::opt("primary_web3_wallet_id", STRING, "Id of a verified web3 wallet of the user to make primary.")
            .nullable(),
        Field::opt("username", STRING, "Unique username.").nullable(),
        Field::opt("profile_image_id", STRING, "Id of an uploaded image to use as profile picture.").nullable(),
        Field::opt("password", STRING, "New plaintext password.").nullable(),
        Field::opt("password_digest", STRING, "An existing password hash to set instead of a password."),
        Field::opt("password_hasher", STRING, "Algorithm of `password_digest`."),
        Field::opt("skip_password_checks", BOOLEAN, "Skip the password policy checks for the new password.").nullable(),
        Field::opt("sign_out_of_other_sessions", BOOLEAN, "End the user's other sessions after the password change.")
            .nullable(),
        Field::opt("totp_secret", STRING, "A TOTP secret to enable authenticator-app MFA with.").nullable(),
        Field::opt("backup_codes", STRINGS, "Backup codes to enable for the user."),
        Field::opt("delete_self_enabled", BOOLEAN, "Let the user delete their own account from the frontend.")
            .nullable(),
        Field::opt("create_organization_enabled", BOOLEAN, "Let the user create organizations from the frontend.")
            .nullable(),
        Field::opt("legal_accepted_at", Ty::DateTime, "When the user accepted the legal terms.").nullable(),
        Field::opt("skip_legal_checks", BOOLEAN, "Skip the legal-acceptance requirement.").nullable(),
        Field::opt("create_organizations_limit", ORGS_LIMIT, "Most organizations the user may create (0: no limit).")
            .nullable(),
        Field::opt("created_at", Ty::DateTime, "Sign-up date to record.").nullable(),
        Field::opt("bypass_client_trust", BOOLEAN, "Exempt the user from Device Trust checks at sign-in.").nullable(),
    ],
};

/// Body of `PATCH /users/{user_id}/metadata`.
pub(crate) static UPDATE_USER_METADATA_REQUEST: Model = Model {
    name: ts("ClerkUpdateUserMetadataRequest"),
    doc: ts("Body of `PATCH /users/{user_id}/metadata`: objects merged into the user's metadata."),
    fields: &[
        Field::opt("public_metadata", META, "Merged into the metadata readable by the frontend and the backend."),
        Field::opt("private_metadata", META, "Merged into the metadata readable by the backend only."),
        Field::opt("unsafe_metadata", META, "Merged into the metadata the frontend may also write."),
    ],
};

/// Body of `POST /users/{user_id}/verify_password`.
pub(crate) static VERIFY_PASSWORD_REQUEST: Model = Model {
    name: ts("ClerkVerifyPasswordRequest"),
    doc: ts("Body of `POST /users/{user_id}/verify_password`."),
    fields: &[Field::req("password", STRING, "The password to check.")],
};

/// Body of `POST /users/{user_id}/verify_totp`.
pub(crate) static VERIFY_TOTP_REQUEST: Model = Model {
    name: ts("ClerkVerifyTotpRequest"),
    doc: ts("Body of `POST /users/{user_id}/verify_totp`."),
    fields: &[Field::req("code", STRING, "The TOTP code or backup code to check.")],
};

// ---- query parameters -----------------------------------------------------

/// The user filters that `GET /users` and `GET /users/count` share.
const USER_FILTERS: [Field; 22] = [
    Field::opt("email_address", STRINGS, "Only these email addresses (up to 100)."),
    Field::opt("phone_number", STRINGS, "Only these phone numbers (up to 100)."),
    Field::opt("external_id", STRINGS, "Only these external ids (up to 100)."),
    Field::opt("username", STRINGS, "Only these usernames (up to 100)."),
    Field::opt("web3_wallet", STRINGS, "Only these web3 wallet addresses (up to 100)."),
    Field::opt("user_id", STRINGS, "Only these user ids (up to 100); on lists, prefix `-` to exclude one."),
    Field::opt("organization_id", STRINGS, "Only members of these organizations; `+`/`-` prefixes allowed."),
    Field::opt("query", STRING, "Fuzzy search over identifiers, ids and names."),
    Field::opt("email_address_query", STRING, "Case-insensitive substring of an email address."),
    Field::opt("phone_number_query", STRING, "Case-insensitive substring of a phone number."),
    Field::opt("username_query", STRING, "Case-insensitive substring of a username."),
    Field::opt("name_query", STRING, "Case-insensitive substring of a first or last name."),
    Field::opt("banned", BOOLEAN, "Only banned (`true`) or only not banned (`false`) users."),
    Field::opt("last_active_at_before", Ty::Millis, "Last session activity before this time."),
    Field::opt("last_active_at_after", Ty::Millis, "Last session activity after this time."),
    Field::opt("last_active_at_since", Ty::Millis, "Deprecated: use `last_active_at_after`."),
    Field::opt("created_at_before", Ty::Millis, "Created before this time."),
    Field::opt("created_at_after", Ty::Millis, "Created after this time."),
    Field::opt("last_sign_in_at_before", Ty::Millis, "Last sign-in before this time."),
    Field::opt("last_sign_in_at_after", Ty::Millis, "Last sign-in after this time."),
    Field::opt("provider", STRING, "OAuth provider of `provider_user_id`, such as `oauth_google`."),
    Field::opt("provider_user_id", STRINGS, "Only these user ids at `provider` (needs `provider`)."),
];

/// The filters, then paging and order.
static USER_LIST_FIELDS: [Field; 26] = concat(
    USER_FILTERS,
    [
        Field::opt("limit", LIMIT, "Users per page, 1 to 500 (10 when omitted)."),
        Field::opt("offset", OFFSET, "Users to skip (0 when omitted)."),
        Field::opt(
            "starting_after",
            STRING,
            "Cursor: id of the last user of the previous page (needs `created_at` order).",
        ),
        Field::opt("order_by", STRING, "Sort field, prefixed with `+` or `-` (`-created_at` when omitted)."),
    ],
);

/// Optional query parameters of `GET /users`.
pub(crate) static GET_USER_LIST_PARAMS: Model = Model {
    name: ts("ClerkGetUserListParams"),
    doc: ts("Optional query parameters of `GET /users`."),
    fields: &USER_LIST_FIELDS,
};

/// Optional query parameters of `GET /users/count`.
pub(crate) static GET_USERS_COUNT_PARAMS: Model = Model {
    name: ts("ClerkGetUsersCountParams"),
    doc: ts("Optional query parameters of `GET /users/count`."),
    fields: &USER_FILTERS,
};

/// Optional query parameters of `GET /users/{user_id}/oauth_access_tokens/{provider}`.
pub(crate) static OAUTH_ACCESS_TOKEN_PARAMS: Model = Model {
    name: ts("ClerkGetOAuthAccessTokenParams"),
    doc: ts("Optional query parameters of `GET /users/{user_id}/oauth_access_tokens/{provider}`."),
    fields: &[
        Field::opt("paginated", BOOLEAN, "Whether to page the tokens with `limit` and `offset`."),
        Field::opt("limit", LIMIT, "Tokens per page, 1 to 500 (10 when omitted)."),
        Field::opt("offset", OFFSET, "Tokens to skip (0 when omitted)."),
    ],
};

/// Optional query parameters of `GET /users/{user_id}/organization_invitations`.
pub(crate) static ORGANIZATION_INVITATIONS_PARAMS: Model = Model {
    name: ts("ClerkOrganizationInvitationsParams"),
    doc: ts("Optional query parameters of `GET /users/{user_id}/organization_invitations`."),
    fields: &[
        Field::opt("limit", LIMIT, "Invitations per page, 1 to 500 (10 when omitted)."),
        Field::opt("offset", OFFSET, "Invitations to skip (0 when omitted)."),
        Field::opt(
            "status",
            Ty::Enum(&["pending", "accepted", "revoked", "expired"]),
            "Only invitations in this state.",
        ),
    ],
};

/// Optional query parameters of `GET /users/{user_id}/organization_memberships`.
pub(crate) static ORGANIZATION_MEMBERSHIPS_PARAMS: Model = Model {
    name: ts("ClerkOrganizationMembershipsParams"),
    doc: ts("Optional query parameters of `GET /users/{user_id}/organization_memberships`."),
    fields: &[
        Field::opt("limit", LIMIT, "Memberships per page, 1 to 500 (10 when omitted)."),
        Field::opt("offset", OFFSET, "Memberships to skip (0 when omitted)."),
    ],
};

/// Every input model (bodies and query parameters), in the order the typings list them.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static MODELS: &[&Model] = &[
    &CREATE_USER_REQUEST,
    &UPDATE_USER_REQUEST,
    &UPDATE_USER_METADATA_REQUEST,
    &VERIFY_PASSWORD_REQUEST,
    &VERIFY_TOTP_REQUEST,
    &GET_USER_LIST_PARAMS,
    &GET_USERS_COUNT_PARAMS,
    &OAUTH_ACCESS_TOKEN_PARAMS,
    &ORGANIZATION_INVITATIONS_PARAMS,
    &ORGANIZATION_MEMBERSHIPS_PARAMS,
];
