//! SQLite statements whose text never changes, for the writes every report makes.
//!
//! diesel cannot know that an `insert_into(..).values(row)` has the same text each time (on
//! SQLite an empty optional column is left out of it), so it writes the SQL out again on every
//! execution and finds the prepared statement by that text. On the one thread that writes SQLite,
//! where every report waits its turn, that was about a tenth of its time per report
//! (docs/performance.md). A [`Fixed`] statement is found by its type instead: its text is built
//! once per connection, then only its values are bound.

use std::marker::PhantomData;

use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::result::{Error as QueryError, QueryResult};
use diesel::sql_types::{BigInt, Binary, Integer, Nullable, Text};
use diesel::sqlite::Sqlite;
use diesel::{RunQueryDsl, SqliteConnection};

/// A statement's text, one `?` per value. Implemented by a type of its own for each statement:
/// that type is what the statement cache knows it by, so one type can never run another's text.
pub trait FixedSql: 'static {
    const SQL: &'static str;
}

/// One value to bind, with the SQL type it is bound as.
pub enum Value<'a> {
    Text(&'a str),
    OptionalText(Option<&'a str>),
    Bytes(&'a [u8]),
    Integer(i32),
    BigInt(i64),
}

/// [`FixedSql::SQL`] with `values` bound to its `?`s, in order.
pub struct Fixed<'a, S: FixedSql> {
    values: &'a [Value<'a>],
    sql: PhantomData<S>,
}

impl<'a, S: FixedSql> Fixed<'a, S> {
    pub fn new(values: &'a [Value<'a>]) -> Self {
        Self {
            values,
            sql: PhantomData,
        }
    }
}

impl<S: FixedSql> QueryId for Fixed<'_, S> {
    type QueryId = S;
    const HAS_STATIC_QUERY_ID: bool = true;
}

fn miscounted(what: &str) -> QueryError {
    QueryError::QueryBuilderError(format!("a fixed statement has {what} values than `?`s").into())
}

impl<S: FixedSql> QueryFragment<Sqlite> for Fixed<'_, S> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Sqlite>) -> QueryResult<()> {
        let mut values = self.values.iter();
        for (i, text) in S::SQL.split('?').enumerate() {
            if i > 0 {
                match values.next().ok_or_else(|| miscounted("fewer"))? {
                    Value::Text(v) => out.push_bind_param::<Text, str>(v)?,
                    Value::OptionalText(v) => {
                        out.push_bind_param::<Nullable<Text>, Option<&str>>(v)?;
                    }
                    Value::Bytes(v) => out.push_bind_param::<Binary, [u8]>(v)?,
                    Value::Integer(v) => out.push_bind_param::<Integer, i32>(v)?,
                    Value::BigInt(v) => out.push_bind_param::<BigInt, i64>(v)?,
                }
            }
            out.push_sql(text);
        }
        match values.next() {
            Some(_) => Err(miscounted("more")),
            None => Ok(()),
        }
    }
}

impl<S: FixedSql> RunQueryDsl<SqliteConnection> for Fixed<'_, S> {}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use diesel::connection::SimpleConnection;
    use diesel::prelude::*;

    use super::*;

    struct Insert;
    impl FixedSql for Insert {
        const SQL: &'static str = "INSERT INTO t (a, b, c, d, e) VALUES (?, ?, ?, ?, ?)";
    }

    #[derive(QueryableByName, Debug, PartialEq)]
    struct Row {
        #[diesel(sql_type = Text)]
        a: String,
        #[diesel(sql_type = Nullable<Text>)]
        b: Option<String>,
        #[diesel(sql_type = Binary)]
        c: Vec<u8>,
        #[diesel(sql_type = Integer)]
        d: i32,
        #[diesel(sql_type = BigInt)]
        e: i64,
    }

    fn table() -> SqliteConnection {
        let mut conn = SqliteConnection::establish(":memory:").unwrap();
        conn.batch_execute(
            "CREATE TABLE t (a TEXT NOT NULL, b TEXT, c BLOB NOT NULL, d INTEGER NOT NULL, \
             e BIGINT NOT NULL)",
        )
        .unwrap();
        conn
    }

    fn rows(conn: &mut SqliteConnection) -> Vec<Row> {
        diesel::sql_query("SELECT a, b, c, d, e FROM t ORDER BY e")
            .load(conn)
            .unwrap()
    }

    /// The same statement run again with other values (an absent optional one among them)
    /// stores each set as given: the cached statement is reused, with the new values bound.
    #[test]
    fn binds_each_runs_values_in_order() {
        let mut conn = table();
        Fixed::<Insert>::new(&[
            Value::Text("one"),
            Value::OptionalText(Some("b")),
            Value::Bytes(&[1, 2]),
            Value::Integer(7),
            Value::BigInt(1),
        ])
        .execute(&mut conn)
        .unwrap();
        Fixed::<Insert>::new(&[
            Value::Text("two"),
            Value::OptionalText(None),
            Value::Bytes(&[]),
            Value::Integer(-3),
            Value::BigInt(i64::MAX),
        ])
        .execute(&mut conn)
        .unwrap();
        assert_eq!(
            rows(&mut conn),
            vec![
                Row {
                    a: "one".into(),
                    b: Some("b".into()),
                    c: vec![1, 2],
                    d: 7,
                    e: 1
                },
                Row {
                    a: "two".into(),
                    b: None,
                    c: vec![],
                    d: -3,
                    e: i64::MAX
                },
            ]
        );
    }

    /// A statement given too few or too many values fails, and stores nothing.
    #[test]
    fn a_miscounted_statement_fails() {
        let mut conn = table();
        let few = Fixed::<Insert>::new(&[Value::Text("x")]).execute(&mut conn);
        assert!(
            matches!(few, Err(QueryError::QueryBuilderError(_))),
            "{few:?}"
        );
        let values = [
            Value::Text("x"),
            Value::OptionalText(None),
            Value::Bytes(&[]),
            Value::Integer(1),
            Value::BigInt(1),
            Value::BigInt(2),
        ];
        let many = Fixed::<Insert>::new(&values).execute(&mut conn);
        assert!(
            matches!(many, Err(QueryError::QueryBuilderError(_))),
            "{many:?}"
        );
        assert!(rows(&mut conn).is_empty());
    }
}
