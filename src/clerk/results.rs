//! Clerk Backend API result models for the Users endpoints: what the
//! operations resolve to, as the typings declare it. Typings only (compiled
//! natively only, see [`crate::engine::schema`]): results are handed to the
//! caller exactly as the API sent them, never checked field by field.

use super::models::{BOOLEAN, META, STRING, STRINGS};
use crate::engine::schema::{Field, Model, Ty};

/// Integers the API counts with (timestamps are Unix milliseconds).
const INTEGER: Ty = Ty::Int { min: i32::MIN, max: i32::MAX };

static CLERK_ERROR: Model = Model {
    name: "ClerkErrorDetail",
    doc: "One error as Clerk reports it (also found in failed verifications).",
    fields: &[
        Field::req("message", STRING, "Short description."),
        Field::req("long_message", STRING, "Longer description."),
        Field::req("code", STRING, "Machine-readable error code."),
        Field::opt("meta", META, "Extra details, such as the offending parameter."),
    ],
};

static VERIFICATION: Model = Model {
    name: "ClerkVerification",
    doc: "How (`strategy`) and how far (`status`) an identifier or account was verified; all kinds share it.",
    fields: &[
        Field::opt("object", STRING, "Kind of verification, such as `verification_otp` or `verification_oauth`."),
        Field::req("status", STRING, "State: `unverified`, `verified`, `failed`, `expired` or `transferable`."),
        Field::req("strategy", STRING, "Method, such as `email_code`, `admin`, `oauth_google`, `saml` or `passkey`."),
        Field::req("attempts", INTEGER, "Attempts made so far.").nullable(),
        Field::opt("expire_at", INTEGER, "When the verification expires (Unix ms).").nullable(),
        Field::opt("error", Ty::Object(&CLERK_ERROR), "Why it failed (OAuth, Google One Tap and SAML).").nullable(),
        Field::opt("nonce", STRING, "Nonce to sign (web3 wallets and passkeys).").nullable(),
        Field::opt("message", STRING, "Message to sign (web3 wallets and passkeys).").nullable(),
        Field::opt("external_verification_redirect_url", STRING, "Where to send the user to finish (OAuth and SAML).")
            .nullable(),
        Field::opt("channel", STRING, "Channel the code was sent through (phone codes).").nullable(),
        Field::opt("verified_at_client", STRING, "Client on which the verification completed.").nullable(),
    ],
};

static IDENTIFICATION_LINK: Model = Model {
    name: "ClerkIdentificationLink",
    doc: "A link from an identifier to an account, such as an OAuth account.",
    fields: &[
        Field::req("type", STRING, "Kind of account, such as `oauth_google`."),
        Field::req("id", STRING, "The linked account's id."),
    ],
};

static EMAIL_ADDRESS: Model = Model {
    name: "ClerkEmailAddress",
    doc: "An email address of a user.",
    fields: &[
        Field::opt("id", STRING, "The email address's id."),
        Field::req("object", Ty::Enum(&["email_address"]), "Always `email_address`."),
        Field::req("email_address", STRING, "The address."),
        Field::req("reserved", BOOLEAN, "Whether the address is reserved for the user but not usable yet."),
        Field::req("verification", Ty::Object(&VERIFICATION), "Its verification, if any.").nullable(),
        Field::req("linked_to", Ty::Array(&Ty::Object(&IDENTIFICATION_LINK)), "Accounts it is linked to."),
        Field::opt("matches_sso_connection", BOOLEAN, "Whether its domain belongs to an active enterprise connection."),
        Field::req("created_at", INTEGER, "Creation time (Unix ms)."),
        Field::req("updated_at", INTEGER, "Last update (Unix ms)."),
    ],
};

static PHONE_NUMBER: Model = Model {
    name: "ClerkPhoneNumber",
    doc: "A phone number of a user.",
    fields: &[
        Field::opt("id", STRING, "The phone number's id."),
        Field::req("object", Ty::Enum(&["phone_number"]), "Always `phone_number`."),
        Field::req("phone_number", STRING, "The number."),
        Field::opt("reserved_for_second_factor", BOOLEAN, "Whether it is kept for second-factor codes."),
        Field::opt("default_second_factor", BOOLEAN, "Whether it is the default second factor."),
        Field::req("reserved", BOOLEAN, "Whether the number is reserved for the user but not usable yet."),
        Field::req("verification", Ty::Object(&VERIFICATION), "Its verification, if any.").nullable(),
        Field::req("linked_to", Ty::Array(&Ty::Object(&IDENTIFICATION_LINK)), "Accounts it is linked to."),
        Field::opt("backup_codes", STRINGS, "Backup codes tied to it.").nullable(),
        Field::req("created_at", INTEGER, "Creation time (Unix ms)."),
        Field::req("updated_at", INTEGER, "Last update (Unix ms)."),
    ],
};

static WEB3_WALLET: Model = Model {
    name: "ClerkWeb3Wallet",
    doc: "A web3 wallet of a user.",
    fields: &[
        Field::opt("id", STRING, "The wallet's id."),
        Field::req("object", Ty::Enum(&["web3_wallet"]), "Always `web3_wallet`."),
        Field::req("web3_wallet", STRING, "The wallet address."),
        Field::req("verification", Ty::Object(&VERIFICATION), "Its verification, if any.").nullable(),
        Field::req("created_at", INTEGER, "Creation time (Unix ms)."),
        Field::req("updated_at", INTEGER, "Last update (Unix ms)."),
    ],
};

static PASSKEY: Model = Model {
    name: "ClerkPasskey",
    doc: "A passkey of a user.",
    fields: &[
        Field::opt("id", STRING, "The passkey's id."),
        Field::req("object", Ty::Enum(&["passkey"]), "Always `passkey`."),
        Field::req("name", STRING, "Display name."),
        Field::req("last_used_at", INTEGER, "Last use (Unix ms)."),
        Field::req("verification", Ty::Object(&VERIFICATION), "Its verification, if any.").nullable(),
    ],
};

static EXTERNAL_ACCOUNT: Model = Model {
    name: "ClerkExternalAccount",
    doc: "An account of a user at an OAuth provider, with its verification.",
    fields: &[
        Field::req(
            "object",
            Ty::Enum(&["external_account", "facebook_account", "google_account"]),
            "Kind of object (usually `external_account`).",
        ),
        Field::req("id", STRING, "The account's id."),
        Field::req("provider", STRING, "The provider, such as `oauth_google`."),
        Field::req("identification_id", STRING, "Id of the identification behind it."),
        Field::req("provider_user_id", STRING, "The user's id at the provider."),
        Field::req("approved_scopes", STRING, "Scopes the user granted (space-separated)."),
        Field::req("email_address", STRING, "Email address the provider reported."),
        Field::opt(
            "email_address_verified",
            BOOLEAN,
            "Whether the provider said the email was verified (null: unknown).",
        )
        .nullable(),
        Field::req("first_name", STRING, "First name at the provider."),
        Field::req("last_name", STRING, "Last name at the provider."),
        Field::opt("avatar_url", STRING, "Deprecated: use `image_url`."),
        Field::opt("image_url", STRING, "Profile picture URL at the provider.").nullable(),
        Field::opt("username", STRING, "Username at the provider.").nullable(),
        Field::opt("phone_number", STRING, "Phone number at the provider.").nullable(),
        Field::req("public_metadata", META, "Public metadata of the account."),
        Field::opt("label", STRING, "Label of the account.").nullable(),
        Field::req("created_at", INTEGER, "Creation time (Unix ms)."),
        Field::req("updated_at", INTEGER, "Last update (Unix ms)."),
        Field::req("verification", Ty::Object(&VERIFICATION), "Its verification, if any.").nullable(),
    ],
};

static SAML_ACCOUNT_CONNECTION: Model = Model {
    name: "ClerkSamlAccountConnection",
    doc: "The SAML connection behind a SAML account.",
    fields: &[
        Field::req("id", STRING, "The connection's id."),
        Field::req("name", STRING, "Display name."),
        Field::opt("domain", STRING, "Deprecated: use `domains`."),
        Field::opt("domains", STRINGS, "Email domains the connection serves."),
        Field::req("active", BOOLEAN, "Whether the connection is enabled."),
        Field::req("provider", STRING, "Identity provider."),
        Field::req("sync_user_attributes", BOOLEAN, "Whether user attributes are updated at each sign-in."),
        Field::opt("allow_subdomains", BOOLEAN, "Whether subdomains of `domains` are accepted."),
        Field::opt("allow_idp_initiated", BOOLEAN, "Whether sign-ins started at the identity provider are accepted."),
        Field::opt("disable_additional_identifications", BOOLEAN, "Whether users may not add other identifiers."),
        Field::req("created_at", INTEGER, "Creation time (Unix ms)."),
        Field::req("updated_at", INTEGER, "Last update (Unix ms)."),
    ],
};

static SAML_ACCOUNT: Model = Model {
    name: "ClerkSamlAccount",
    doc: "An account of a user at a SAML identity provider.",
    fields: &[
        Field::req("id", STRING, "The account's id."),
        Field::req("object", Ty::Enum(&["saml_account"]), "Always `saml_account`."),
        Field::req("provider", STRING, "Identity provider."),
        Field::req("active", BOOLEAN, "Whether the account is enabled."),
        Field::req("email_address", STRING, "Email address of the account."),
        Field::opt("first_name", STRING, "First name at the provider.").nullable(),
        Field::opt("last_name", STRING, "Last name at the provider.").nullable(),
        Field::opt("provider_user_id", STRING, "The user's id at the provider.").nullable(),
        Field::opt("last_authenticated_at", INTEGER, "Last sign-in with it (Unix ms).").nullable(),
        Field::opt("public_metadata", META, "Public metadata of the account."),
        Field::req("verification", Ty::Object(&VERIFICATION), "Its verification, if any.").nullable(),
        Field::opt("saml_connection", Ty::Object(&SAML_ACCOUNT_CONNECTION), "The connection used.").nullable(),
    ],
};

static ENTERPRISE_ACCOUNT_CONNECTION: Model = Model {
    name: "ClerkEnterpriseAccountConnection",
    doc: "The enterprise connection behind an enterprise account.",
    fields: &[
        Field::req("id", STRING, "The connection's id."),
        Field::req("protocol", STRING, "Protocol, such as `saml` or `oauth`."),
        Field::req("provider", STRING, "Identity provider."),
        Field::req("name", STRING, "Display name."),
        Field::req("logo_public_url", STRING, "Logo URL.").nullable(),
        Field::opt("domain", STRING, "Deprecated: use `domains`."),
        Field::opt("domains", STRINGS, "Email domains the connection serves."),
        Field::req("active", BOOLEAN, "Whether the connection is enabled."),
        Field::req("sync_user_attributes", BOOLEAN, "Whether user attributes are updated at each sign-in."),
        Field::req("allow_subdomains", BOOLEAN, "Whether subdomains of `domains` are accepted."),
        Field::req("allow_idp_initiated", BOOLEAN, "Whether sign-ins started at the identity provider are accepted."),
        Field::req("disable_additional_identifications", BOOLEAN, "Whether users may not add other identifiers."),
        Field::req("created_at", INTEGER, "Creation time (Unix ms)."),
        Field::req("updated_at", INTEGER, "Last update (Unix ms)."),
    ],
};

static ENTERPRISE_ACCOUNT: Model = Model {
    name: "ClerkEnterpriseAccount",
    doc: "An account of a user at an enterprise identity provider (SAML or OAuth).",
    fields: &[
        Field::req("id", STRING, "The account's id."),
        Field::req("object", Ty::Enum(&["enterprise_account"]), "Always `enterprise_account`."),
        Field::opt("protocol", Ty::Enum(&["oauth", "saml"]), "Protocol used to sign in."),
        Field::req("provider", STRING, "Identity provider."),
        Field::req("active", BOOLEAN, "Whether the account is enabled."),
        Field::req("email_address", STRING, "Email address of the account."),
        Field::opt("first_name", STRING, "First name at the provider.").nullable(),
        Field::opt("last_name", STRING, "Last name at the provider.").nullable(),
        Field::opt("provider_user_id", STRING, "The user's id at the provider.").nullable(),
        Field::opt("enterprise_connection_id", STRING, "Id of the connection used.").nullable(),
        Field::opt("public_metadata", META, "Public metadata of the account."),
        Field::req("verification", Ty::Object(&VERIFICATION), "Its verification, if any.").nullable(),
        Field::opt("enterprise_connection", Ty::Object(&ENTERPRISE_ACCOUNT_CONNECTION), "The connection used.")
            .nullable(),
        Field::opt("last_authenticated_at", INTEGER, "Last sign-in with it (Unix ms).").nullable(),
    ],
};

static ORGANIZATION: Model = Model {
    name: "ClerkOrganization",
    doc: "An organization.",
    fields: &[
        Field::req("object", Ty::Enum(&["organization"]), "Always `organization`."),
        Field::req("id", STRING, "The organization's id."),
        Field::req("name", STRING, "Name."),
        Field::req("slug", STRING, "URL-friendly unique name."),
        Field::opt("image_url", STRING, "Logo URL."),
        Field::req("has_image", BOOLEAN, "Whether a logo was uploaded."),
        Field::opt("members_count", INTEGER, "Number of members."),
        Field::opt("missing_member_with_elevated_permissions", BOOLEAN, "Whether no member holds admin permissions."),
        Field::opt("pending_invitations_count", INTEGER, "Number of pending invitations."),
        Field::req("max_allowed_memberships", INTEGER, "Most members allowed (0: no limit)."),
        Field::req("admin_delete_enabled", BOOLEAN, "Whether admins may delete the organization."),
        Field::req("public_metadata", META, "Metadata readable by the frontend and the backend."),
        Field::opt("private_metadata", META, "Metadata readable by the backend only."),
        Field::opt("created_by", STRING, "Id of the user who created it."),
        Field::req("created_at", INTEGER, "Creation time (Unix ms)."),
        Field::req("updated_at", INTEGER, "Last update (Unix ms)."),
        Field::opt("last_active_at", INTEGER, "Last activity (Unix ms)."),
        Field::opt("role_set_key", STRING, "Key of the role set the organization uses.").nullable(),
    ],
};

static ORGANIZATION_MEMBERSHIP_PUBLIC_USER_DATA: Model = Model {
    name: "ClerkOrganizationMembershipPublicUserData",
    doc: "The public data of the member of an organization membership.",
    fields: &[
        Field::req("user_id", STRING, "The user's id."),
        Field::req("first_name", STRING, "First name.").nullable(),
        Field::req("last_name", STRING, "Last name.").nullable(),
        Field::req("profile_image_url", STRING, "Deprecated: use `image_url`.").nullable(),
        Field::req("image_url", STRING, "Profile picture URL."),
        Field::req("has_image", BOOLEAN, "Whether a profile picture was uploaded."),
        Field::opt("identifier", STRING, "Primary identifier, such as the email address.").nullable(),
        Field::opt("username", STRING, "Username.").nullable(),
        Field::opt("banned", BOOLEAN, "Whether the user is banned."),
        Field::opt("deprovisioned", BOOLEAN, "Whether the user was deprovisioned."),
    ],
};

static ORGANIZATION_MEMBERSHIP: Model = Model {
    name: "ClerkOrganizationMembership",
    doc: "A user's membership in an organization.",
    fields: &[
        Field::req("id", STRING, "The membership's id."),
        Field::req("object", Ty::Enum(&["organization_membership"]), "Always `organization_membership`."),
        Field::req("role", STRING, "Role key."),
        Field::opt("role_name", STRING, "Role display name."),
        Field::req("permissions", STRINGS, "Permission keys the role grants."),
        Field::req("public_metadata", META, "Metadata readable by the frontend and the backend."),
        Field::opt("private_metadata", META, "Metadata readable by the backend only."),
        Field::req("organization", Ty::Object(&ORGANIZATION), "The organization."),
        Field::opt(
            "public_user_data",
            Ty::Object(&ORGANIZATION_MEMBERSHIP_PUBLIC_USER_DATA),
            "Public data of the member.",
        ),
        Field::req("created_at", INTEGER, "Creation time (Unix ms)."),
        Field::req("updated_at", INTEGER, "Last update (Unix ms)."),
    ],
};

static ORGANIZATION_MEMBERSHIPS: Model = Model {
    name: "ClerkOrganizationMemberships",
    doc: "A page of a user's organization memberships.",
    fields: &[
        Field::req("data", Ty::Array(&Ty::Object(&ORGANIZATION_MEMBERSHIP)), "The memberships of this page."),
        Field::req("total_count", INTEGER, "Number of memberships across all pages."),
    ],
};

static ORGANIZATION_INVITATION_PUBLIC_USER_DATA: Model = Model {
    name: "ClerkOrganizationInvitationPublicUserData",
    doc: "The public data of the user who sent an organization invitation.",
    fields: &[
        Field::req("user_id", STRING, "The inviter's id."),
        Field::req("first_name", STRING, "First name.").nullable(),
        Field::req("last_name", STRING, "Last name.").nullable(),
        Field::req("image_url", STRING, "Profile picture URL."),
        Field::req("has_image", BOOLEAN, "Whether a profile picture was uploaded."),
        Field::req("identifier", STRING, "Primary identifier, such as the email address."),
    ],
};

static ORGANIZATION_INVITATION_PUBLIC_ORGANIZATION_DATA: Model = Model {
    name: "ClerkOrganizationInvitationPublicOrganizationData",
    doc: "The public data of the organization an invitation is for.",
    fields: &[
        Field::req("id", STRING, "The organization's id."),
        Field::req("name", STRING, "Name."),
        Field::req("slug", STRING, "URL-friendly unique name."),
        Field::opt("image_url", STRING, "Logo URL."),
        Field::req("has_image", BOOLEAN, "Whether a logo was uploaded."),
    ],
};

static ORGANIZATION_INVITATION: Model = Model {
    name: "ClerkOrganizationInvitation",
    doc: "An invitation to join an organization, with public data of the organization.",
    fields: &[
        Field::opt("object", Ty::Enum(&["organization_invitation"]), "Always `organization_invitation`."),
        Field::opt("id", STRING, "The invitation's id."),
        Field::opt("email_address", STRING, "Address the invitation was sent to."),
        Field::opt("role", STRING, "Role key the invitee gets."),
        Field::opt("role_name", STRING, "Role display name."),
        Field::opt("organization_id", STRING, "The organization's id."),
        Field::opt("inviter_id", STRING, "Id of the user who sent it.").nullable(),
        Field::opt(
            "public_inviter_data",
            Ty::Object(&ORGANIZATION_INVITATION_PUBLIC_USER_DATA),
            "Public data of the user who sent it.",
        )
        .nullable(),
        Field::opt("status", STRING, "State, such as `pending`, `accepted`, `revoked` or `expired`."),
        Field::opt("public_metadata", META, "Metadata readable by the frontend and the backend."),
        Field::opt("private_metadata", META, "Metadata readable by the backend only."),
        Field::opt("url", STRING, "Link to accept the invitation.").nullable(),
        Field::opt("expires_at", INTEGER, "Expiry (Unix ms).").nullable(),
        Field::opt("created_at", INTEGER, "Creation time (Unix ms)."),
        Field::opt("updated_at", INTEGER, "Last update (Unix ms)."),
        Field::opt(
            "public_organization_data",
            Ty::Object(&ORGANIZATION_INVITATION_PUBLIC_ORGANIZATION_DATA),
            "Public data of the organization.",
        ),
    ],
};

static ORGANIZATION_INVITATIONS: Model = Model {
    name: "ClerkOrganizationInvitations",
    doc: "A page of a user's organization invitations.",
    fields: &[
        Field::req("data", Ty::Array(&Ty::Object(&ORGANIZATION_INVITATION)), "The invitations of this page."),
        Field::req("total_count", INTEGER, "Number of invitations across all pages."),
    ],
};

static SCIM_USER_METADATA: Model = Model {
    name: "ClerkScimUserMetadata",
    doc: "How a user is linked to the directory that provisions them (webhook events only).",
    fields: &[
        Field::req("directory_id", STRING, "The directory's id."),
        Field::opt("directory_enabled", BOOLEAN, "Whether the directory is enabled (absent when not)."),
        Field::req("external_id", STRING, "The user's id in the directory.").nullable(),
    ],
};

static USER: Model = Model {
    name: "ClerkUser",
    doc: "A user, with identifiers, accounts and settings.",
    fields: &[
        Field::req("id", STRING, "The user's id."),
        Field::req("object", Ty::Enum(&["user"]), "Always `user`."),
        Field::req("external_id", STRING, "Your own id for the user.").nullable(),
        Field::req("primary_email_address_id", STRING, "Id of the primary email address.").nullable(),
        Field::req("primary_phone_number_id", STRING, "Id of the primary phone number.").nullable(),
        Field::req("primary_web3_wallet_id", STRING, "Id of the primary web3 wallet.").nullable(),
        Field::req("username", STRING, "Username.").nullable(),
        Field::req("first_name", STRING, "First name.").nullable(),
        Field::req("last_name", STRING, "Last name.").nullable(),
        Field::opt("locale", STRING, "Locale, such as `en-US`.").nullable(),
        Field::opt("profile_image_url", STRING, "Deprecated: use `image_url`."),
        Field::opt("image_url", STRING, "Profile picture URL."),
        Field::req("has_image", BOOLEAN, "Whether a profile picture was uploaded."),
        Field::req("public_metadata", META, "Metadata readable by the frontend and the backend."),
        Field::opt("private_metadata", META, "Metadata readable by the backend only.").nullable(),
        Field::opt("unsafe_metadata", META, "Metadata the frontend may also write."),
        Field::req("email_addresses", Ty::Array(&Ty::Object(&EMAIL_ADDRESS)), "Email addresses."),
        Field::req("phone_numbers", Ty::Array(&Ty::Object(&PHONE_NUMBER)), "Phone numbers."),
        Field::req("web3_wallets", Ty::Array(&Ty::Object(&WEB3_WALLET)), "Web3 wallets."),
        Field::req("passkeys", Ty::Array(&Ty::Object(&PASSKEY)), "Passkeys."),
        Field::req("password_enabled", BOOLEAN, "Whether the user has a password."),
        Field::req("two_factor_enabled", BOOLEAN, "Whether a second factor is enabled."),
        Field::req("totp_enabled", BOOLEAN, "Whether authenticator-app codes are enabled."),
        Field::req("backup_code_enabled", BOOLEAN, "Whether backup codes are enabled."),
        Field::req("mfa_enabled_at", INTEGER, "When MFA was last turned on (Unix ms; kept after turning it off).")
            .nullable(),
        Field::req("mfa_disabled_at", INTEGER, "When MFA was last turned off (Unix ms; kept after turning it on).")
            .nullable(),
        Field::opt("password_last_updated_at", INTEGER, "Last password change (Unix ms).").nullable(),
        Field::req("external_accounts", Ty::Array(&Ty::Object(&EXTERNAL_ACCOUNT)), "OAuth accounts."),
        Field::req("saml_accounts", Ty::Array(&Ty::Object(&SAML_ACCOUNT)), "SAML accounts."),
        Field::req("enterprise_accounts", Ty::Array(&Ty::Object(&ENTERPRISE_ACCOUNT)), "Enterprise accounts."),
        Field::opt(
            "organization_memberships",
            Ty::Array(&Ty::Object(&ORGANIZATION_MEMBERSHIP)),
            "Organization memberships.",
        ),
        Field::req("last_sign_in_at", INTEGER, "Last sign-in (Unix ms).").nullable(),
        Field::req("banned", BOOLEAN, "Whether the user is banned."),
        Field::req("locked", BOOLEAN, "Whether the user is locked out of signing in."),
        Field::opt("deprovisioned", BOOLEAN, "Whether the user was deprovisioned and may not sign in."),
        Field::req(
            "lockout_expires_in_seconds",
            INTEGER,
            "Seconds until the lockout ends (null for a locked user: never).",
        )
        .nullable(),
        Field::req(
            "verification_attempts_remaining",
            INTEGER,
            "Failed attempts left before a lockout (null: no lockout).",
        )
        .nullable(),
        Field::req("updated_at", INTEGER, "Last update (Unix ms)."),
        Field::req("created_at", INTEGER, "Creation time (Unix ms)."),
        Field::req("delete_self_enabled", BOOLEAN, "Whether the user may delete their own account from the frontend."),
        Field::req(
            "create_organization_enabled",
            BOOLEAN,
            "Whether the user may create organizations from the frontend.",
        ),
        Field::opt("create_organizations_limit", INTEGER, "Most organizations the user may create (0: no limit).")
            .nullable(),
        Field::req("last_active_at", INTEGER, "Latest session activity (Unix ms, day precision).").nullable(),
        Field::req("legal_accepted_at", INTEGER, "When the user accepted the legal terms (Unix ms).").nullable(),
        Field::opt("bypass_client_trust", BOOLEAN, "Whether Device Trust checks are skipped at sign-in."),
        Field::opt("scim", Ty::Object(&SCIM_USER_METADATA), "Directory linkage (webhook events only).").nullable(),
    ],
};

static DELETED_OBJECT: Model = Model {
    name: "ClerkDeletedObject",
    doc: "What a deletion removed.",
    fields: &[
        Field::req("object", STRING, "Kind of object removed."),
        Field::opt("id", STRING, "Its id."),
        Field::opt("slug", STRING, "Its slug, if it had one."),
        Field::req("deleted", BOOLEAN, "Whether it was deleted."),
        Field::opt("external_id", STRING, "Its external id, if it had one."),
    ],
};

static TOTAL_COUNT: Model = Model {
    name: "ClerkTotalCount",
    doc: "A number of users.",
    fields: &[
        Field::req("object", Ty::Enum(&["total_count"]), "Always `total_count`."),
        Field::req("total_count", INTEGER, "The count."),
    ],
};

static OAUTH_ACCESS_TOKEN: Model = Model {
    name: "ClerkOAuthAccessToken",
    doc: "An OAuth access token of a user at a provider.",
    fields: &[
        Field::req("object", Ty::Enum(&["oauth_access_token"]), "Always `oauth_access_token`."),
        Field::req("external_account_id", STRING, "Id of the external account it belongs to."),
        Field::req("provider_user_id", STRING, "The user's id at the provider."),
        Field::req("token", STRING, "The access token."),
        Field::req("expires_at", INTEGER, "Expiry (Unix ms).").nullable(),
        Field::req("provider", STRING, "The provider, such as `oauth_google`."),
        Field::req("public_metadata", META, "Public metadata of the account."),
        Field::req("label", STRING, "Label of the account.").nullable(),
        Field::opt("scopes", STRINGS, "Scopes the token grants (OAuth 2.0 only)."),
        Field::opt("id_token", STRING, "OpenID Connect ID token, when the provider issued one."),
        Field::opt("token_secret", STRING, "Token secret (OAuth 1.0 only)."),
    ],
};

static OAUTH_ACCESS_TOKENS: Model = Model {
    name: "ClerkOAuthAccessTokenPage",
    doc: "A page of a user's OAuth access tokens: what `paginated: true` answers, as the official SDKs read it (the OpenAPI document says an array).",
    fields: &[
        Field::req("data", Ty::Array(&Ty::Object(&OAUTH_ACCESS_TOKEN)), "The tokens of this page."),
        Field::req("total_count", INTEGER, "Number of tokens across all pages."),
    ],
};

static USER_ID_RESULT: Model = Model {
    name: "ClerkUserIdResult",
    doc: "Result of removing backup codes, TOTP or all MFA methods: the user's id.",
    fields: &[Field::opt("user_id", STRING, "The user's id.")],
};

static VERIFY_PASSWORD_RESULT: Model = Model {
    name: "ClerkVerifyPasswordResult",
    doc: "Result of a correct password check.",
    fields: &[Field::opt("verified", BOOLEAN, "Whether the password matched.")],
};

static VERIFY_TOTP_RESULT: Model = Model {
    name: "ClerkVerifyTotpResult",
    doc: "Result of a correct TOTP or backup code check.",
    fields: &[
        Field::opt("verified", BOOLEAN, "Whether the code matched."),
        Field::opt("code_type", Ty::Enum(&["totp", "backup_code"]), "Which kind of code matched."),
    ],
};

static TOTP: Model = Model {
    name: "ClerkTotp",
    doc: "A TOTP authenticator; historical, as returned by `POST /users/{user_id}/totp` before Clerk removed it.",
    fields: &[
        Field::req("object", STRING, "Kind of object."),
        Field::req("id", STRING, "The authenticator's id."),
        Field::req("secret", STRING, "Shared secret.").nullable(),
        Field::req("uri", STRING, "`otpauth://` URI for authenticator apps.").nullable(),
        Field::req("verified", BOOLEAN, "Whether it was verified."),
        Field::opt("backup_codes", STRINGS, "Backup codes issued with it.").nullable(),
    ],
};

/// Every result model, in the order the typings list them (after [`MODELS`](super::models::MODELS)).
pub(crate) static MODELS: &[&Model] = &[
    &USER,
    &EMAIL_ADDRESS,
    &PHONE_NUMBER,
    &WEB3_WALLET,
    &PASSKEY,
    &EXTERNAL_ACCOUNT,
    &SAML_ACCOUNT,
    &SAML_ACCOUNT_CONNECTION,
    &ENTERPRISE_ACCOUNT,
    &ENTERPRISE_ACCOUNT_CONNECTION,
    &IDENTIFICATION_LINK,
    &VERIFICATION,
    &CLERK_ERROR,
    &SCIM_USER_METADATA,
    &ORGANIZATION_MEMBERSHIPS,
    &ORGANIZATION_MEMBERSHIP,
    &ORGANIZATION,
    &ORGANIZATION_MEMBERSHIP_PUBLIC_USER_DATA,
    &ORGANIZATION_INVITATIONS,
    &ORGANIZATION_INVITATION,
    &ORGANIZATION_INVITATION_PUBLIC_USER_DATA,
    &ORGANIZATION_INVITATION_PUBLIC_ORGANIZATION_DATA,
    &DELETED_OBJECT,
    &TOTAL_COUNT,
    &OAUTH_ACCESS_TOKEN,
    &OAUTH_ACCESS_TOKENS,
    &USER_ID_RESULT,
    &VERIFY_PASSWORD_RESULT,
    &VERIFY_TOTP_RESULT,
    &TOTP,
];
