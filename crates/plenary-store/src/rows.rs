//! Writing many rows in few statements, the same SQL on SQLite and PostgreSQL.

use sqlx::AnyConnection;

use crate::Error;

/// The most bound values one statement carries: under SQLite's 32,766 and PostgreSQL's 65,535.
const MAX_BINDS: usize = 12_000;
/// The most bound values one SQLite statement carries: SQLite compiles a long `VALUES` list
/// more slowly per row than a short one run again from the statement cache.
const SQLITE_BINDS: usize = 1_000;

/// The most values one statement binds: [`SQLITE_BINDS`] with SQLite's positional
/// placeholders, [`MAX_BINDS`] otherwise.
pub(crate) fn max_binds(positional: bool) -> usize {
    if positional { SQLITE_BINDS } else { MAX_BINDS }
}

/// One value of a row.
#[derive(Debug, Clone)]
pub(crate) enum Value {
    /// Text.
    Text(String),
    /// Text or NULL.
    MaybeText(Option<String>),
    /// A 64-bit integer.
    Int(i64),
    /// A 64-bit integer or NULL.
    MaybeInt(Option<i64>),
}

/// Inserts `rows` into `table`'s `columns`, as multi-row `INSERT` statements of at most
/// [`MAX_BINDS`] values each.
///
/// On SQLite the placeholders are plain `?`: SQLite looks a named placeholder such as `$7` up
/// in a list, so thousands of them in one statement cost time quadratic in their number.
pub(crate) async fn insert_rows(
    conn: &mut AnyConnection,
    table: &str,
    columns: &[&str],
    rows: &[Vec<Value>],
    doing: &str,
) -> Result<(), Error> {
    let positional = conn.backend_name() == "SQLite";
    let binds = max_binds(positional);
    let per_statement = (binds / columns.len().max(1)).max(1);
    for chunk in rows.chunks(per_statement) {
        let sql = insert_sql(table, columns, chunk.len(), positional);
        let mut query = sqlx::query(&sql);
        for row in chunk {
            for value in row {
                query = match value {
                    Value::Text(text) => query.bind(text.as_str()),
                    Value::MaybeText(text) => query.bind(text.as_deref()),
                    Value::Int(n) => query.bind(*n),
                    Value::MaybeInt(n) => query.bind(*n),
                };
            }
        }
        query.execute(&mut *conn).await.map_err(Error::db(doing))?;
    }
    Ok(())
}

/// `INSERT INTO table (a, b) VALUES ($1, $2), ($3, $4), …` for `rows` rows, or with `?` for
/// each placeholder when `positional`.
pub(crate) fn insert_sql(table: &str, columns: &[&str], rows: usize, positional: bool) -> String {
    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
    let mut n = 0;
    for row in 0..rows {
        if row > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for column in 0..columns.len() {
            if column > 0 {
                sql.push_str(", ");
            }
            if positional {
                sql.push('?');
            } else {
                n += 1;
                sql.push('$');
                sql.push_str(&n.to_string());
            }
        }
        sql.push(')');
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements() {
        for (columns, rows, positional, expected) in [
            (&["a"][..], 1, false, "INSERT INTO t (a) VALUES ($1)"),
            (
                &["a", "b"][..],
                2,
                false,
                "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)",
            ),
            (
                &["a", "b"][..],
                2,
                true,
                "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)",
            ),
        ] {
            assert_eq!(insert_sql("t", columns, rows, positional), expected);
        }
    }
}
