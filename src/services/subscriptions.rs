//! Alert subscriptions: double opt-in, filters by region and category, one-click unsubscribe.
//! Addresses are sealed at rest and found through a keyed blind index; tokens are random and
//! stored only as keyed hashes.

use serde::Deserialize;

use crate::clock::now_unix;
use crate::crypto::records::Direct;
use crate::crypto::tokens::keyed_hash;
use crate::crypto::{KeyRing, Purpose};
use crate::db::alerts::{self as store, DeliveryRow, SubscriberRow};
use crate::db::{self, DbConn};
use crate::domain::{DeliveryKind, Error, ErrorKind, FieldError, SubscriberId, SubscriberStatus};
use crate::i18n::Language;
use crate::state::AppState;

pub const CONFIRM: &str = "confirm";
pub const UNSUBSCRIBE: &str = "unsubscribe";
/// A confirmation link works for a week.
pub const CONFIRM_TTL_SECS: i64 = 7 * 24 * 3600;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubscribeInput {
    pub email: String,
    pub regions: Vec<String>,
    #[serde(default)]
    pub categories: Option<Vec<String>>,
    #[serde(default)]
    pub language: Option<String>,
}

pub fn email_index(keys: &KeyRing, email: &str) -> String {
    keyed_hash(
        keys.get(Purpose::BlindIndex),
        "subscriber-email",
        email.as_bytes(),
    )
}

pub fn token_hash(keys: &KeyRing, purpose: &str, token: &str) -> String {
    keyed_hash(keys.get(Purpose::Tokens), purpose, token.as_bytes())
}

pub fn open_email(keys: &KeyRing, row: &SubscriberRow) -> Result<String, Error> {
    let plain = keys.open_direct(Direct::SubscriberEmail, &row.id, &row.email)?;
    String::from_utf8(plain.to_vec())
        .map_err(|_| Error::internal("a subscriber address is not UTF-8"))
}

struct Valid {
    email: String,
    regions: String,
    categories: Option<String>,
    language: String,
}

fn validate(state: &AppState, input: &SubscribeInput) -> Result<Valid, Error> {
    let mut errors = Vec::new();
    let email = crate::identifiers::mailbox(&input.email).unwrap_or_default();
    if email.is_empty() {
        errors.push(FieldError::new("email", "must be an email address"));
    }
    let settings = &state.settings;
    if input.regions.is_empty() || input.regions.len() > 64 {
        errors.push(FieldError::new(
            "regions",
            "must list between 1 and 64 region codes from /meta",
        ));
    } else if input.regions.iter().any(|r| settings.region(r).is_none()) {
        errors.push(FieldError::new(
            "regions",
            "must be region codes from /meta",
        ));
    }
    if let Some(categories) = &input.categories
        && (categories.is_empty() || categories.iter().any(|c| settings.category(c).is_none()))
    {
        errors.push(FieldError::new(
            "categories",
            "must be category codes from /meta (leave out for all)",
        ));
    }
    // Any tag is accepted: one Lookout does not speak becomes English. The canonical tag is
    // stored (`pt-BR`, `zh-Hans`); rows from before hold lowercase tags, which read the same.
    let language = input
        .language
        .as_deref()
        .and_then(Language::from_tag)
        .unwrap_or_default()
        .tag()
        .to_string();
    if !errors.is_empty() {
        return Err(Error::validation(errors));
    }
    let mut regions = input.regions.clone();
    regions.sort();
    regions.dedup();
    let categories = input.categories.clone().map(|mut c| {
        c.sort();
        c.dedup();
        c
    });
    Ok(Valid {
        email,
        regions: serde_json::to_string(&regions)?,
        categories: categories.map(|c| serde_json::to_string(&c)).transpose()?,
        language,
    })
}

/// Always answers the same (202): whether an address is subscribed is never revealed. A
/// confirmed subscription is left as it is (nobody else can change its filters); a pending one
/// gets its filters updated and one confirmation email in flight at a time.
pub async fn subscribe(state: &AppState, input: SubscribeInput) -> Result<(), Error> {
    let v = validate(state, &input)?;
    let index = email_index(&state.keys, &v.email);
    let id = SubscriberId::random();
    let sealed = state
        .keys
        .seal_direct(Direct::SubscriberEmail, &id, v.email.as_bytes())?;
    let row = SubscriberRow {
        id,
        email_index: index,
        key_id: state
            .keys
            .direct_key_id(Direct::SubscriberEmail)
            .to_string(),
        email: sealed,
        regions: v.regions,
        categories: v.categories,
        language: v.language,
        status: SubscriberStatus::Pending,
        created_on: crate::clock::today_string(),
    };
    let queued = state
        .db
        .run(move |conn| db::write_tx(conn, |conn| subscribe_tx(conn, &row)))
        .await?;
    if queued {
        state.deliveries_wake.notify_one();
    }
    Ok(())
}

/// A pending address is sent a new confirmation at most this often: subscribing someone else's
/// address over and over cannot flood their inbox.
const CONFIRM_RESEND_SECS: i64 = 3600;

/// Unconfirmed subscribers are deleted this many days after subscribing (their link lasts 7).
pub const UNCONFIRMED_DAYS: u64 = 8;

/// Deletes subscribers that never confirmed; returns how many.
pub async fn expire_unconfirmed(state: &AppState) -> Result<usize, Error> {
    let cutoff = (crate::clock::today() - chrono::Days::new(UNCONFIRMED_DAYS))
        .format("%Y-%m-%d")
        .to_string();
    state
        .db
        .run(move |conn| {
            let mut total = 0;
            loop {
                let ids = store::unconfirmed_before(conn, &cutoff, 500)?;
                if ids.is_empty() {
                    break;
                }
                db::write_tx(conn, |conn| {
                    for id in &ids {
                        store::delete_subscriber(conn, id)?;
                    }
                    Ok::<_, Error>(())
                })?;
                total += ids.len();
            }
            if total > 0 {
                db::flush_deleted(conn);
            }
            Ok(total)
        })
        .await
}

fn subscribe_tx(conn: &mut DbConn, new: &SubscriberRow) -> Result<bool, Error> {
    let now = now_unix();
    match store::subscriber_by_index(conn, &new.email_index)? {
        Some(existing) if existing.status == SubscriberStatus::Confirmed => Ok(false),
        Some(existing) => {
            store::update_filters(
                conn,
                &existing.id,
                &new.regions,
                new.categories.as_deref(),
                &new.language,
            )?;
            if store::recent_confirmation_exists(conn, &existing.id, now - CONFIRM_RESEND_SECS)? {
                return Ok(false);
            }
            store::insert_deliveries(
                conn,
                &[DeliveryRow::new(
                    DeliveryKind::Confirm,
                    &existing.id,
                    None,
                    now,
                )],
            )?;
            Ok(true)
        }
        None => {
            store::insert_subscriber(conn, new)?;
            store::insert_deliveries(
                conn,
                &[DeliveryRow::new(DeliveryKind::Confirm, &new.id, None, now)],
            )?;
            Ok(true)
        }
    }
}

pub async fn confirm(state: &AppState, token: &str) -> Result<(), Error> {
    let hash = token_hash(&state.keys, CONFIRM, token);
    state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                let id = store::token_subscriber(conn, &hash, CONFIRM, now_unix())?
                    .ok_or_else(token_unknown)?;
                store::set_subscriber_status(conn, &id, SubscriberStatus::Confirmed)?;
                store::delete_tokens(conn, &id, CONFIRM)?;
                Ok(())
            })
        })
        .await
}

pub async fn unsubscribe(state: &AppState, token: &str) -> Result<(), Error> {
    let hash = token_hash(&state.keys, UNSUBSCRIBE, token);
    state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                let id = store::token_subscriber(conn, &hash, UNSUBSCRIBE, now_unix())?
                    .ok_or_else(token_unknown)?;
                store::delete_subscriber(conn, &id)?;
                Ok::<_, Error>(())
            })?;
            db::flush_deleted(conn);
            Ok(())
        })
        .await
}

fn token_unknown() -> Error {
    Error::new(ErrorKind::NotFound).with_detail(
        "This link is not valid any more: it has expired, was already used, or the subscription has ended.",
    )
}

/// Whether a subscriber's filters match an alert.
pub fn matches(
    regions_json: &str,
    categories_json: Option<&str>,
    alert_regions: &[String],
    category: &str,
) -> bool {
    let regions: Vec<String> = serde_json::from_str(regions_json).unwrap_or_default();
    let region_ok = regions.iter().any(|r| alert_regions.contains(r));
    let category_ok = match categories_json {
        None => true,
        Some(c) => serde_json::from_str::<Vec<String>>(c)
            .unwrap_or_default()
            .iter()
            .any(|x| x == category),
    };
    region_ok && category_ok
}
