//! Table definitions shared by both backends. The schema is portable: ids are UUIDs as text,
//! dates are `YYYY-MM-DD` text, instants are Unix seconds, no arrays or dialect-only types.

diesel::table! {
    master_keys (key_id) {
        key_id -> Text,
        added_on -> Text,
    }
}

diesel::table! {
    spocs (id) {
        id -> Text,
        name -> Text,
        region -> Text,
        email -> Text,
        active -> Bool,
        created_on -> Text,
        retired_on -> Nullable<Text>,
    }
}

diesel::table! {
    reports (id) {
        id -> Text,
        receipt_hash -> Text,
        category -> Text,
        region -> Text,
        status -> Text,
        submitted_on -> Text,
        consent_level -> Text,
        consent_spoc_id -> Nullable<Text>,
        relayed_by -> Nullable<Text>,
        content -> Binary,
        /// Internal: what the report's key, contact and consents are keyed by. Never leaves the
        /// database.
        serial -> BigInt,
    }
}

diesel::table! {
    report_keys (report_serial) {
        report_id -> Text,
        key_id -> Text,
        wrapped_key -> Binary,
        report_serial -> BigInt,
    }
}

diesel::table! {
    report_contacts (report_serial) {
        report_id -> Text,
        key_id -> Text,
        wrapped_key -> Binary,
        content -> Binary,
        report_serial -> BigInt,
    }
}

diesel::table! {
    report_messages (id) {
        id -> Text,
        report_id -> Text,
        seq -> Integer,
        sender -> Text,
        sent_on -> Text,
        body -> Binary,
    }
}

diesel::table! {
    consent_history (report_serial, seq) {
        report_id -> Text,
        seq -> Integer,
        level -> Text,
        spoc_id -> Nullable<Text>,
        statement_version -> Nullable<Text>,
        given_on -> Text,
        mac -> Nullable<Text>,
        report_serial -> BigInt,
    }
}

diesel::table! {
    staff (id) {
        id -> Text,
        email_index -> Text,
        email -> Binary,
        role -> Text,
        password_hash -> Text,
        totp_secret -> Nullable<Binary>,
        totp_enabled -> Bool,
        totp_last_step -> Nullable<BigInt>,
        failed_logins -> Integer,
        last_failed_at -> Nullable<BigInt>,
        active -> Bool,
        created_on -> Text,
        must_change_password -> Bool,
    }
}

diesel::table! {
    sessions (token_hash) {
        token_hash -> Text,
        staff_id -> Text,
        expires_at -> BigInt,
        last_seen_at -> BigInt,
    }
}

diesel::table! {
    audit_log (seq) {
        seq -> BigInt,
        on_date -> Text,
        actor -> Text,
        action -> Text,
        target -> Nullable<Text>,
        prev_hash -> Text,
        hash -> Text,
    }
}

diesel::table! {
    alerts (id) {
        id -> Text,
        report_id -> Nullable<Text>,
        category -> Text,
        regions -> Text,
        published_on -> Text,
        key_id -> Text,
        wrapped_key -> Binary,
        content -> Binary,
    }
}

diesel::table! {
    subscribers (id) {
        id -> Text,
        email_index -> Text,
        key_id -> Text,
        email -> Binary,
        regions -> Text,
        categories -> Nullable<Text>,
        language -> Text,
        status -> Text,
        created_on -> Text,
    }
}

diesel::table! {
    subscriber_tokens (token_hash) {
        token_hash -> Text,
        subscriber_id -> Text,
        purpose -> Text,
        expires_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    deliveries (id) {
        id -> Text,
        kind -> Text,
        subscriber_id -> Text,
        alert_id -> Nullable<Text>,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> BigInt,
        claimed_until -> Nullable<BigInt>,
        created_at -> BigInt,
        sent_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    orgs (id) {
        id -> Text,
        name -> Text,
        email -> Text,
        key_hash -> Text,
        active -> Bool,
        created_on -> Text,
        revoked_on -> Nullable<Text>,
    }
}

diesel::table! {
    disclosures (id) {
        id -> Text,
        report_id -> Text,
        spoc_id -> Text,
        level -> Text,
        disclosed_on -> Text,
        content -> Binary,
    }
}

diesel::table! {
    identifier_index (id) {
        id -> Text,
        hash -> Text,
        alert_id -> Text,
        report_id -> Nullable<Text>,
        category -> Text,
        region -> Text,
        published_on -> Text,
    }
}

diesel::table! {
    statistics_counts (quarter, figure) {
        quarter -> Text,
        figure -> Text,
        count -> BigInt,
    }
}

diesel::table! {
    police_requests (id) {
        id -> Text,
        report_id -> Nullable<Text>,
        spoc_id -> Nullable<Text>,
        requester -> Text,
        asked_for -> Text,
        recorded_on -> Text,
    }
}

diesel::table! {
    exception_disclosures (id) {
        id -> Text,
        report_id -> Text,
        spoc_id -> Text,
        policy_version -> Text,
        status -> Text,
        proposed_by -> Text,
        proposed_on -> Text,
        decided_by -> Nullable<Text>,
        decided_on -> Nullable<Text>,
        reason -> Binary,
        content -> Nullable<Binary>,
    }
}

diesel::joinable!(reports -> spocs (consent_spoc_id));
diesel::joinable!(report_keys -> reports (report_id));
diesel::joinable!(report_contacts -> reports (report_id));
diesel::joinable!(report_messages -> reports (report_id));
diesel::joinable!(consent_history -> reports (report_id));
diesel::joinable!(sessions -> staff (staff_id));
diesel::joinable!(alerts -> reports (report_id));
diesel::joinable!(subscriber_tokens -> subscribers (subscriber_id));
diesel::joinable!(deliveries -> subscribers (subscriber_id));
diesel::joinable!(deliveries -> alerts (alert_id));
diesel::joinable!(disclosures -> reports (report_id));
diesel::joinable!(disclosures -> spocs (spoc_id));
diesel::joinable!(identifier_index -> alerts (alert_id));

diesel::allow_tables_to_appear_in_same_query!(
    master_keys,
    spocs,
    reports,
    report_keys,
    report_contacts,
    report_messages,
    consent_history,
    staff,
    sessions,
    audit_log,
    alerts,
    subscribers,
    subscriber_tokens,
    deliveries,
    orgs,
    disclosures,
    identifier_index,
    statistics_counts,
    police_requests,
    exception_disclosures,
);
