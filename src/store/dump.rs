//! The whole database as one JSON value, and back into an empty database.
//!
//! Every table of the schema, every column, every row by primary key: the
//! layout is in `docs/export-format.md`. It knows tables only through
//! `sqlite_master` and `PRAGMA table_info`, so a new table or column
//! travels without a change here (a test fails until a new table is put in
//! [`TABLE_ORDER`]). Turning the value into text is the caller's business.

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, params_from_iter};
use serde_json::{Map, Number, Value};

use super::audit::verify_chain_in;
use super::{Result, SCHEMA_VERSION, Store, StoreError};

/// The `format` field of the document.
pub const FORMAT: &str = "bpa-export";

/// The tables in an order that satisfies every foreign key: a row is
/// inserted after the rows it refers to. A table missing here still
/// travels, after these (and a test fails, so it gets its place).
pub const TABLE_ORDER: &[&str] = &[
    "recipient",
    "allocation",
    "assistant",
    "competence",
    "training",
    "task_type",
    "shift",
    "task_log",
    "incident",
    "unmet_need",
    "other_service",
    "rota",
    "rota_slot",
    "application",
    "appeal",
    "routine",
    "routine_item",
    "co_supervisor",
    "approval",
    "audit_log",
    "setting",
];

/// What a restore put in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Restored {
    pub tables: usize,
    pub rows: usize,
}

/// The schema's tables, in [`TABLE_ORDER`] and then by name.
pub(super) fn tables(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let mut names: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    names.sort_by_key(|n| {
        TABLE_ORDER
            .iter()
            .position(|t| t == n)
            .unwrap_or(TABLE_ORDER.len())
    });
    Ok(names)
}

/// A table's columns, and its primary key columns in key order.
fn columns(conn: &Connection, table: &str) -> Result<(Vec<String>, Vec<String>)> {
    let mut stmt = conn.prepare("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?;
    let info: Vec<(String, i64)> = stmt
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut key: Vec<&(String, i64)> = info.iter().filter(|(_, pk)| *pk > 0).collect();
    key.sort_by_key(|(_, pk)| *pk);
    let key = if key.is_empty() {
        info.iter().map(|(n, _)| n.clone()).collect()
    } else {
        key.into_iter().map(|(n, _)| n.clone()).collect()
    };
    Ok((info.into_iter().map(|(n, _)| n).collect(), key))
}

/// A name for SQL: the table and column names come from the schema itself,
/// quoted all the same.
/// Every column of `table`, every row by primary key.
fn select_all(conn: &Connection, table: &str) -> Result<String> {
    let (cols, key) = columns(conn, table)?;
    let order: Vec<String> = key.iter().map(|k| quoted(k)).collect();
    let list: Vec<String> = cols.iter().map(|c| quoted(c)).collect();
    Ok(format!(
        "SELECT {} FROM {} ORDER BY {}",
        list.join(", "),
        quoted(table),
        order.join(", ")
    ))
}

/// One JSON value as text, escaped as the export writes it.
fn json_text(value: &Value) -> Result<String> {
    Ok(crate::text::lossless(
        &serde_json::to_string(value).map_err(|e| StoreError::Invalid(e.to_string()))?,
    ))
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn to_json(table: &str, column: &str, v: SqlValue) -> Result<Value> {
    Ok(match v {
        SqlValue::Null => Value::Null,
        SqlValue::Integer(i) => Value::from(i),
        SqlValue::Real(f) => Number::from_f64(f).map_or(Value::Null, Value::Number),
        SqlValue::Text(t) => Value::String(t),
        SqlValue::Blob(_) => {
            return Err(StoreError::Invalid(format!(
                "{table}.{column} holds binary data, which the JSON export does not carry"
            )));
        }
    })
}

fn to_sql(table: &str, row: usize, column: &str, v: &Value) -> Result<SqlValue> {
    Ok(match v {
        Value::Null => SqlValue::Null,
        Value::String(s) => SqlValue::Text(s.clone()),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => SqlValue::Integer(i),
            (None, Some(f)) => SqlValue::Real(f),
            _ => {
                return Err(bad_row(
                    table,
                    row,
                    &format!("{column}: {n} is out of range"),
                ));
            }
        },
        other => {
            return Err(bad_row(
                table,
                row,
                &format!("{column}: {other} is not a number, text or null"),
            ));
        }
    })
}

fn bad_row(table: &str, row: usize, why: &str) -> StoreError {
    StoreError::Invalid(format!("table {table}, row {}: {why}", row + 1))
}

impl Store {
    /// Writes [`export_document`](Self::export_document) as the text
    /// `crate::text::json_lossless` makes of it, byte for byte, a row at a
    /// time: ten dense years export in a few megabytes of memory instead of
    /// a gigabyte.
    pub fn export_to(&self, out: &mut dyn std::io::Write) -> Result<()> {
        let snapshot = self.conn.unchecked_transaction()?;
        let mut names = tables(&snapshot)?;
        // The document's keys are sorted, as a JSON object's are here.
        names.sort();
        let head = |key: &str, value: &Value| -> Result<String> {
            Ok(format!(
                "  {}: {},\n",
                json_text(&key.into())?,
                json_text(value)?
            ))
        };
        out.write_all(b"{\n")?;
        out.write_all(head("exported_at", &crate::clock::now_utc_text().into())?.as_bytes())?;
        out.write_all(head("format", &FORMAT.into())?.as_bytes())?;
        out.write_all(head("schema_version", &SCHEMA_VERSION.into())?.as_bytes())?;
        out.write_all(b"  \"tables\": {")?;
        for (t, table) in names.iter().enumerate() {
            out.write_all(if t == 0 { b"\n" } else { b",\n" })?;
            out.write_all(format!("    {}: [", json_text(&table.as_str().into())?).as_bytes())?;
            let cols = columns(&snapshot, table)?.0;
            let mut stmt = snapshot.prepare(&select_all(&snapshot, table)?)?;
            let mut rows = stmt.query([])?;
            let mut first = true;
            while let Some(r) = rows.next()? {
                let mut obj = Map::new();
                for (i, c) in cols.iter().enumerate() {
                    obj.insert(c.clone(), to_json(table, c, r.get(i)?)?);
                }
                out.write_all(if first { b"\n" } else { b",\n" })?;
                first = false;
                let row = crate::text::lossless(
                    &serde_json::to_string_pretty(&obj)
                        .map_err(|e| StoreError::Invalid(e.to_string()))?,
                );
                for (n, line) in row.lines().enumerate() {
                    if n > 0 {
                        out.write_all(b"\n")?;
                    }
                    out.write_all(b"      ")?;
                    out.write_all(line.as_bytes())?;
                }
            }
            out.write_all(if first { b"]" } else { b"\n    ]" })?;
        }
        out.write_all(if names.is_empty() {
            b"}\n}\n"
        } else {
            b"\n  }\n}\n"
        })?;
        out.flush()?;
        Ok(())
    }

    /// Every table as `{"format", "schema_version", "exported_at", "tables"}`.
    pub fn export_document(&self) -> Result<Value> {
        // One read transaction: another window's change lands wholly before
        // or wholly after the export, never between two tables.
        let snapshot = self.conn.unchecked_transaction()?;
        let mut tables_json = Map::new();
        for table in tables(&snapshot)? {
            let (cols, _) = columns(&snapshot, &table)?;
            let mut stmt = snapshot.prepare(&select_all(&snapshot, &table)?)?;
            let mut rows = stmt.query([])?;
            let mut out = Vec::new();
            while let Some(r) = rows.next()? {
                let mut obj = Map::new();
                for (i, c) in cols.iter().enumerate() {
                    obj.insert(c.clone(), to_json(&table, c, r.get(i)?)?);
                }
                out.push(Value::Object(obj));
            }
            tables_json.insert(table, Value::Array(out));
        }
        let mut doc = Map::new();
        doc.insert("format".into(), FORMAT.into());
        doc.insert("schema_version".into(), SCHEMA_VERSION.into());
        doc.insert("exported_at".into(), crate::clock::now_utc_text().into());
        doc.insert("tables".into(), Value::Object(tables_json));
        Ok(Value::Object(doc))
    }

    /// Restores `doc` into this database, which must be empty: every row
    /// with its own id, in one transaction, checked (foreign keys, the
    /// audit chain) before it commits. A wrong document changes nothing.
    ///
    /// The restore adds no audit entry of its own: the imported audit log
    /// is the record and its chain continues from its last entry. That is
    /// also what makes an export of the restored database the same
    /// document as the one restored (but for `exported_at`).
    pub fn import_document(&mut self, doc: &Value) -> Result<Restored> {
        let text = serde_json::to_vec(doc).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.import_from(text.as_slice())
    }

    /// [`import_document`](Self::import_document) read as a stream: each
    /// row is stored as it is read, so a document of ten dense years is
    /// never held in memory whole. Its format and version are checked
    /// before the transaction commits, wherever they stand in the file.
    pub fn import_from(&mut self, input: impl std::io::Read) -> Result<Restored> {
        // The document's tables come in name order, children before their
        // parents. Foreign keys are checked once, whole, by
        // foreign_key_check before the commit; enforced row by row, each
        // parent row would search its children's tables.
        self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        let result = self.import_stream(input);
        // The restore's own result comes first; foreign keys back on either way.
        let restored = self.conn.pragma_update(None, "foreign_keys", "ON");
        let outcome = result?;
        restored?;
        Ok(outcome)
    }

    fn import_stream(&mut self, input: impl std::io::Read) -> Result<Restored> {
        let invalid = |why: String| StoreError::Invalid(why);
        self.write(|tx, _actor| {
            let tables = tables(tx)?;
            for table in &tables {
                let n: i64 =
                    tx.query_row(&format!("SELECT count(*) FROM {}", quoted(table)), [], |r| {
                        r.get(0)
                    })?;
                if n > 0 {
                    return Err(invalid(format!(
                        "the database is not empty (table {table} has {n} rows); a JSON export is restored only into a new, empty database (give one with --db FILE)"
                    )));
                }
            }
            let mut reading = Reading {
                tx,
                tables: &tables,
                format: None,
                version: None,
                seen: Vec::new(),
                restored: Restored { tables: 0, rows: 0 },
                failure: None,
            };
            let mut de = serde_json::Deserializer::from_reader(std::io::BufReader::new(input));
            let parsed = serde::Deserializer::deserialize_map(&mut de, Document(&mut reading))
                .and_then(|()| de.end());
            if let Some(failure) = reading.failure.take() {
                return Err(failure);
            }
            parsed.map_err(|e| invalid(format!("the file is not a JSON document: {e}")))?;
            if reading.format.as_deref() != Some(FORMAT) {
                return Err(invalid(format!(
                    "this is not a bpa export (format {}, expected «{FORMAT}»)",
                    reading.format.map_or_else(|| "missing".into(), |f| format!("«{f}»"))
                )));
            }
            if reading.version != Some(SCHEMA_VERSION) {
                return Err(invalid(format!(
                    "the export has schema version {}, this bpa writes {SCHEMA_VERSION}; restore it with the bpa that made it (or one with the same schema)",
                    reading.version.map_or_else(|| "missing".into(), |v| v.to_string())
                )));
            }
            if reading.seen.is_empty() && !tables.is_empty() {
                return Err(invalid("the export has no «tables» object".into()));
            }
            if let Some(missing) = tables.iter().find(|t| !reading.seen.contains(t)) {
                return Err(invalid(format!("the export lacks the table «{missing}»")));
            }
            let broken: Option<(String, i64, String)> = tx
                .query_row("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check", [], |r| {
                    Ok((r.get(0)?, r.get::<_, Option<i64>>(1)?.unwrap_or(0), r.get(2)?))
                })
                .optional()?;
            if let Some((table, rowid, parent)) = broken {
                return Err(invalid(format!(
                    "row {rowid} of table {table} refers to a row of {parent} that the export lacks"
                )));
            }
            if let Some(id) = verify_chain_in(tx)? {
                return Err(invalid(format!(
                    "the audit log in the export is broken at entry {id} (edited or removed entries); nothing was restored"
                )));
            }
            check_readable(tx)?;
            Ok(reading.restored)
        })
    }
}

/// Every row the program reads back must read and pass the rules a row
/// written through `bpa` passes: a hand-edited document cannot leave a
/// database whose week view or reports fail.
fn check_readable(tx: &Connection) -> Result<()> {
    let unreadable = |table: &str, id: i64, why: String| {
        StoreError::Invalid(format!(
            "table {table}, id {id}: {why}; nothing was restored"
        ))
    };
    let mut stmt = tx.prepare(&format!(
        "SELECT {} FROM shift ORDER BY id",
        super::shifts::COLUMNS
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let shift =
            super::shifts::row_to_shift(r).map_err(|e| unreadable("shift", id, e.to_string()))?;
        let (start, end) = shift.counted_times();
        crate::domain::shift::validate_active(shift.kind, start, end, &shift.active)
            .map_err(|e| unreadable("shift", id, e.to_string()))?;
    }
    for a in super::assistants::all(tx)? {
        super::assistants::validate(&a)
            .map_err(|e| unreadable("assistant", a.id.map_or(0, |i| i.0), e.to_string()))?;
    }
    let token: Option<String> = tx
        .query_row(
            "SELECT value FROM setting WHERE key = 'calendar.token'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if token.is_some_and(|t| t.is_empty() || !t.chars().all(|c| c.is_ascii_hexdigit())) {
        return Err(StoreError::Invalid(
            "the setting calendar.token is not a hexadecimal token; nothing was restored".into(),
        ));
    }
    Ok(())
}

/// What a streamed restore has read so far. A store error met inside the
/// JSON reader is kept here, and the reader is stopped with a short one.
struct Reading<'a> {
    tx: &'a Connection,
    tables: &'a [String],
    format: Option<String>,
    version: Option<i64>,
    seen: Vec<String>,
    restored: Restored,
    failure: Option<StoreError>,
}

impl Reading<'_> {
    fn fail<E: serde::de::Error>(&mut self, failure: StoreError) -> E {
        let e = E::custom(failure.to_string());
        self.failure = Some(failure);
        e
    }
}

/// The document: `format`, `schema_version`, `exported_at` and `tables`,
/// in any order.
struct Document<'r, 'a>(&'r mut Reading<'a>);

impl<'de> serde::de::Visitor<'de> for Document<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a bpa export: an object with format, schema_version and tables")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => self.0.format = map.next_value::<Option<String>>()?,
                "schema_version" => self.0.version = map.next_value::<Option<i64>>()?,
                "tables" => map.next_value_seed(Tables(&mut *self.0))?,
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// `tables`: each table's rows, stored as they are read.
struct Tables<'r, 'a>(&'r mut Reading<'a>);

impl<'de> serde::de::DeserializeSeed<'de> for Tables<'_, '_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Tables<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object of table name → rows")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<(), A::Error> {
        while let Some(table) = map.next_key::<String>()? {
            if !self.0.tables.contains(&table) {
                return Err(self.0.fail(StoreError::Invalid(format!(
                    "the export has a table «{table}» that this schema does not know"
                ))));
            }
            let cols = match columns(self.0.tx, &table) {
                Ok((cols, _)) => cols,
                Err(e) => return Err(self.0.fail(e)),
            };
            map.next_value_seed(Rows {
                reading: &mut *self.0,
                table: &table,
                cols: &cols,
            })?;
            self.0.restored.tables += 1;
            self.0.seen.push(table);
        }
        Ok(())
    }
}

/// One table's rows.
struct Rows<'r, 'a, 't> {
    reading: &'r mut Reading<'a>,
    table: &'t str,
    cols: &'t [String],
}

impl<'de> serde::de::DeserializeSeed<'de> for Rows<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Rows<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "the rows of table {} as a list", self.table)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<(), A::Error> {
        let mut i = 0;
        while let Some(row) = seq.next_element::<Value>()? {
            if let Err(e) = insert_row(self.reading.tx, self.table, self.cols, i, &row) {
                return Err(self.reading.fail(e));
            }
            i += 1;
        }
        self.reading.restored.rows += i;
        Ok(())
    }
}

fn insert_row(tx: &Connection, table: &str, cols: &[String], i: usize, row: &Value) -> Result<()> {
    let obj = row
        .as_object()
        .ok_or_else(|| bad_row(table, i, "not an object of column → value"))?;
    if let Some(unknown) = obj.keys().find(|k| !cols.contains(k)) {
        return Err(bad_row(table, i, &format!("unknown column «{unknown}»")));
    }
    let names: Vec<&String> = cols.iter().filter(|c| obj.contains_key(*c)).collect();
    let values = names
        .iter()
        .map(|c| to_sql(table, i, c, &obj[c.as_str()]))
        .collect::<Result<Vec<_>>>()?;
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({})",
        quoted(table),
        names
            .iter()
            .map(|c| quoted(c))
            .collect::<Vec<_>>()
            .join(", "),
        vec!["?"; names.len()].join(", ")
    );
    tx.prepare_cached(&sql)?
        .execute(params_from_iter(values))
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ConstraintViolation | rusqlite::ErrorCode::TypeMismatch) => {
                bad_row(table, i, &e.to_string())
            }
            _ => StoreError::Sqlite(e),
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_table_has_its_place_after_the_tables_it_refers_to() {
        let s = Store::open_in_memory().unwrap();
        let names = tables(&s.conn).unwrap();
        let known: BTreeSet<&str> = TABLE_ORDER.iter().copied().collect();
        for t in &names {
            assert!(known.contains(t.as_str()), "put table {t} in TABLE_ORDER");
        }
        assert_eq!(names.len(), TABLE_ORDER.len(), "a listed table is gone");
        for (i, t) in names.iter().enumerate() {
            let mut stmt = s
                .conn
                .prepare("SELECT \"table\" FROM pragma_foreign_key_list(?1)")
                .unwrap();
            let parents: Vec<String> = stmt
                .query_map([t], |r| r.get(0))
                .unwrap()
                .map(|r| r.unwrap())
                .collect();
            for p in parents {
                let at = names.iter().position(|n| *n == p).unwrap();
                assert!(at <= i, "{t} refers to {p}, which comes later");
            }
        }
    }

    #[test]
    fn the_streamed_export_is_the_document_byte_for_byte() {
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 26)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        let mut store = Store::open_in_memory().unwrap();
        let mut plan = crate::demo::plan(1, 5, now);
        plan.recipient.name = "Sigrid\u{202E} \"Haugen\"\u{7}".into();
        store.load_demo(&plan, false).unwrap();
        let without_time = |text: &str| {
            text.lines()
                .filter(|l| !l.starts_with("  \"exported_at\""))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let whole = crate::text::json_lossless(&store.export_document().unwrap()).unwrap();
        let mut streamed = Vec::new();
        store.export_to(&mut streamed).unwrap();
        let streamed = String::from_utf8(streamed).unwrap();
        assert!(streamed.ends_with("}\n"));
        assert!(streamed.contains("\\u202e"), "the bidi mark is escaped");
        assert_eq!(without_time(&streamed), without_time(&whole));
        // An empty table is written as the document writes it.
        assert!(whole.contains("\"application\": []"), "{}", &whole[..200]);
    }

    #[test]
    fn a_document_travels_and_a_bad_one_changes_nothing() {
        let mut a = Store::open_in_memory().unwrap();
        a.create_recipient(
            &crate::store::NewRecipient {
                name: "Ola".into(),
                representative: Some(crate::domain::people::Representative {
                    name: "Anne\u{202E}".into(),
                    relation: "mor".into(),
                }),
            },
            None,
        )
        .unwrap();
        a.calendar_token().unwrap();
        let doc = a.export_document().unwrap();
        assert_eq!(
            doc["tables"]["recipient"][0]["representative_name"],
            "Anne\u{202E}"
        );

        let mut b = Store::open_in_memory().unwrap();
        let mut broken = doc.clone();
        broken["tables"]["audit_log"][0]["actor"] = "someone else".into();
        let err = b.import_document(&broken).unwrap_err();
        assert!(err.to_string().contains("audit log"), "{err}");
        let mut orphan = doc.clone();
        orphan["tables"]["allocation"] = serde_json::json!([{"id": 1, "recipient_id": 9, "minutes_per_week": 60, "valid_from": "2026-01-01"}]);
        let err = b.import_document(&orphan).unwrap_err();
        assert!(err.to_string().contains("refers to"), "{err}");
        assert!(b.is_empty().unwrap());
        assert_eq!(b.audit_len().unwrap(), 0);

        let done = b.import_document(&doc).unwrap();
        assert_eq!(done.tables, TABLE_ORDER.len());
        let mut again = b.export_document().unwrap();
        again["exported_at"] = doc["exported_at"].clone();
        assert_eq!(again, doc);
        let err = b.import_document(&doc).unwrap_err();
        assert!(err.to_string().contains("not empty"), "{err}");
    }

    #[test]
    fn a_hand_edited_row_the_program_cannot_read_is_refused() {
        let mut a = Store::open_in_memory().unwrap();
        let r = a
            .create_recipient(
                &crate::store::NewRecipient {
                    name: "Ola".into(),
                    representative: None,
                },
                None,
            )
            .unwrap();
        let kari = a
            .add_assistant(&crate::domain::people::Assistant {
                name: "Kari".into(),
                active: true,
                ..Default::default()
            })
            .unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        a.add_shift_fields(
            r,
            &crate::store::ShiftFields {
                assistant: Some(kari),
                allocation: None,
                start: day.and_hms_opt(8, 0, 0).unwrap(),
                end: day.and_hms_opt(12, 0, 0).unwrap(),
                kind: crate::domain::shift::ShiftKind::Ordinary,
                note: String::new(),
                active: Vec::new(),
            },
        )
        .unwrap();
        let doc = a.export_document().unwrap();
        let cases = [
            (
                "shift",
                "active_periods",
                serde_json::json!("x"),
                "table shift",
            ),
            (
                "assistant",
                "employee_number",
                serde_json::json!("=cmd()"),
                "employee number",
            ),
            ("shift", "id", serde_json::json!("abc"), "table shift"),
        ];
        for (table, column, value, says) in cases {
            let mut edited = doc.clone();
            edited["tables"][table][0][column] = value;
            let mut b = Store::open_in_memory().unwrap();
            let err = b.import_document(&edited).unwrap_err();
            assert!(err.is_user_error(), "{column}: {err}");
            assert!(err.to_string().contains(says), "{column}: {err}");
            assert!(b.is_empty().unwrap(), "{column}: nothing restored");
        }
    }
}
