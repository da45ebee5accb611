-- bpa schema version 3: medication task types, applications and appeals.

ALTER TABLE task_type ADD COLUMN medication INTEGER NOT NULL DEFAULT 0 CHECK (medication IN (0, 1));

-- A request to the municipality for (more) hours; it owes a decision or a
-- written preliminary reply within a month (forvaltningsloven § 11 a).
CREATE TABLE application (
    id INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES recipient(id) ON DELETE RESTRICT,
    what TEXT NOT NULL CHECK (length(trim(what)) > 0),
    sent_on TEXT NOT NULL,
    reply_due TEXT NOT NULL,
    decided_on TEXT,
    decision TEXT CHECK (decision IS NULL OR decision IN ('granted', 'partly', 'refused')),
    allocation_id INTEGER REFERENCES allocation(id) ON DELETE RESTRICT,
    notes TEXT NOT NULL DEFAULT ''
);

-- An appeal: first to the municipality, then the county governor.
CREATE TABLE appeal (
    id INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES recipient(id) ON DELETE RESTRICT,
    application_id INTEGER REFERENCES application(id) ON DELETE RESTRICT,
    sent_on TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('municipality', 'county_governor')),
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'upheld', 'changed', 'withdrawn')),
    decided_on TEXT,
    notes TEXT NOT NULL DEFAULT ''
);
