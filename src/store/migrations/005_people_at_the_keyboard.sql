-- bpa schema version 5: co-supervisors (medarbeidsledere), who can be the
-- person at the keyboard; incidents linked to a log entry already exist.

CREATE TABLE co_supervisor (
    id INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES recipient(id) ON DELETE RESTRICT,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    UNIQUE (recipient_id, name)
);
