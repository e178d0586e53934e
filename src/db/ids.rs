//! The domain's typed ids as SQL text: stored exactly as the plain strings they always were, so
//! rows and queries can carry `ReportId`, `SpocId`, … and the compiler keeps them apart.

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Text;

use crate::domain::ids::{
    AlertId, DisclosureId, MessageId, OrgId, ReportId, SpocId, StaffId, SubscriberId,
};
use crate::domain::{
    ConsentLevel, DeliveryKind, DeliveryStatus, ReportStatus, Role, SubscriberStatus,
};

macro_rules! text_id {
    ($($id:ident => $proxy:ident),+ $(,)?) => {$(
        // `foreign_derive` puts the derives' impls on the field's type, the domain's id.
        #[derive(AsExpression, FromSqlRow)]
        #[diesel(foreign_derive, sql_type = Text)]
        #[allow(dead_code)]
        struct $proxy($id);

        impl<DB: Backend> ToSql<Text, DB> for $id
        where
            str: ToSql<Text, DB>,
        {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, DB>) -> serialize::Result {
                <str as ToSql<Text, DB>>::to_sql(self.as_str(), out)
            }
        }

        impl<DB: Backend> FromSql<Text, DB> for $id
        where
            String: FromSql<Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
                <String as FromSql<Text, DB>>::from_sql(bytes).map($id::from)
            }
        }
    )+};
}

text_id! {
    ReportId => ReportIdSql,
    SpocId => SpocIdSql,
    StaffId => StaffIdSql,
    AlertId => AlertIdSql,
    SubscriberId => SubscriberIdSql,
    OrgId => OrgIdSql,
    MessageId => MessageIdSql,
    DisclosureId => DisclosureIdSql,
}

// The domain's states, stored as their words. A word this release does not know fails the read
// (a fault, logged by kind), never silently becomes another state.
macro_rules! text_state {
    ($($state:ident => $proxy:ident),+ $(,)?) => {$(
        #[derive(AsExpression, FromSqlRow)]
        #[diesel(foreign_derive, sql_type = Text)]
        #[allow(dead_code)]
        struct $proxy($state);

        impl<DB: Backend> ToSql<Text, DB> for $state
        where
            str: ToSql<Text, DB>,
        {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, DB>) -> serialize::Result {
                <str as ToSql<Text, DB>>::to_sql(self.as_str(), out)
            }
        }

        impl<DB: Backend> FromSql<Text, DB> for $state
        where
            String: FromSql<Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
                let word = <String as FromSql<Text, DB>>::from_sql(bytes)?;
                Ok(word.parse::<$state>()?)
            }
        }
    )+};
}

text_state! {
    ReportStatus => ReportStatusSql,
    ConsentLevel => ConsentLevelSql,
    DeliveryKind => DeliveryKindSql,
    DeliveryStatus => DeliveryStatusSql,
    SubscriberStatus => SubscriberStatusSql,
    Role => RoleSql,
}
