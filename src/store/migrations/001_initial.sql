-- bpa schema version 1.
-- Dates are TEXT 'YYYY-MM-DD'; times are Europe/Oslo wall-clock TEXT
-- 'YYYY-MM-DDTHH:MM', so text order is time order. Minutes are INTEGER.

CREATE TABLE recipient (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    representative_name TEXT,
    representative_relation TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE allocation (
    id INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES recipient(id) ON DELETE RESTRICT,
    purpose TEXT NOT NULL DEFAULT 'BPA' CHECK (length(trim(purpose)) > 0),
    minutes_per_week INTEGER NOT NULL CHECK (minutes_per_week > 0 AND minutes_per_week <= 10080),
    valid_from TEXT NOT NULL,
    valid_to TEXT CHECK (valid_to IS NULL OR valid_to >= valid_from),
    received_on TEXT,
    appeal_deadline TEXT,
    reference TEXT NOT NULL DEFAULT '',
    flex_period TEXT NOT NULL DEFAULT 'none' CHECK (flex_period IN ('none', 'month', 'year')),
    factor_ordinary INTEGER NOT NULL DEFAULT 1000 CHECK (factor_ordinary BETWEEN 0 AND 2000),
    factor_awake_night INTEGER NOT NULL DEFAULT 1000 CHECK (factor_awake_night BETWEEN 0 AND 2000),
    factor_sleeping_night INTEGER NOT NULL DEFAULT 1000 CHECK (factor_sleeping_night BETWEEN 0 AND 2000),
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX allocation_recipient ON allocation(recipient_id, valid_from);

CREATE TABLE assistant (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    employment_percent INTEGER CHECK (employment_percent IS NULL OR employment_percent BETWEEN 0 AND 100),
    contracted_minutes_per_week INTEGER CHECK (contracted_minutes_per_week IS NULL OR contracted_minutes_per_week >= 0),
    start_date TEXT,
    end_date TEXT CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    police_certificate_on TEXT,
    confidentiality_on TEXT,
    contract_on TEXT,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    notes TEXT NOT NULL DEFAULT ''
);

CREATE TABLE competence (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
);

CREATE TABLE training (
    id INTEGER PRIMARY KEY,
    assistant_id INTEGER NOT NULL REFERENCES assistant(id) ON DELETE RESTRICT,
    competence_id INTEGER NOT NULL REFERENCES competence(id) ON DELETE RESTRICT,
    trained_on TEXT NOT NULL,
    trained_by TEXT NOT NULL DEFAULT '',
    renew_on TEXT CHECK (renew_on IS NULL OR renew_on >= trained_on),
    notes TEXT NOT NULL DEFAULT ''
);

CREATE TABLE task_type (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    category TEXT NOT NULL CHECK (category IN ('practical', 'personal_care', 'activity', 'training', 'health')),
    requires_competence_id INTEGER REFERENCES competence(id) ON DELETE RESTRICT,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE shift (
    id INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES recipient(id) ON DELETE RESTRICT,
    allocation_id INTEGER REFERENCES allocation(id) ON DELETE RESTRICT,
    assistant_id INTEGER REFERENCES assistant(id) ON DELETE RESTRICT,
    start_at TEXT NOT NULL,
    end_at TEXT NOT NULL CHECK (end_at > start_at),
    actual_start_at TEXT,
    actual_end_at TEXT,
    kind TEXT NOT NULL DEFAULT 'ordinary' CHECK (kind IN ('ordinary', 'awake_night', 'sleeping_night')),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'worked', 'cancelled', 'absent')),
    substitute_for_id INTEGER REFERENCES shift(id) ON DELETE RESTRICT,
    note TEXT NOT NULL DEFAULT '',
    CHECK ((actual_start_at IS NULL) = (actual_end_at IS NULL)),
    CHECK (actual_end_at IS NULL OR actual_end_at > actual_start_at)
);
CREATE INDEX shift_recipient_start ON shift(recipient_id, start_at);
CREATE INDEX shift_assistant_start ON shift(assistant_id, start_at);

CREATE TABLE task_log (
    id INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES recipient(id) ON DELETE RESTRICT,
    shift_id INTEGER REFERENCES shift(id) ON DELETE RESTRICT,
    assistant_id INTEGER REFERENCES assistant(id) ON DELETE RESTRICT,
    task_type_id INTEGER NOT NULL REFERENCES task_type(id) ON DELETE RESTRICT,
    at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    medication TEXT,
    dose TEXT,
    planned_at TEXT,
    outcome TEXT CHECK (outcome IS NULL OR outcome IN ('given', 'not_given', 'refused', 'not_applicable')),
    reason TEXT,
    given_by TEXT,
    corrects_id INTEGER REFERENCES task_log(id) ON DELETE RESTRICT,
    CHECK (outcome IS NULL OR outcome = 'given' OR length(trim(coalesce(reason, ''))) > 0)
);
CREATE INDEX task_log_recipient_at ON task_log(recipient_id, at);

CREATE TABLE incident (
    id INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES recipient(id) ON DELETE RESTRICT,
    at TEXT NOT NULL,
    what TEXT NOT NULL CHECK (length(trim(what)) > 0),
    severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
    action_taken TEXT NOT NULL DEFAULT '',
    follow_up TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    task_log_id INTEGER REFERENCES task_log(id) ON DELETE RESTRICT
);
CREATE INDEX incident_recipient_at ON incident(recipient_id, at);

CREATE TABLE unmet_need (
    id INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES recipient(id) ON DELETE RESTRICT,
    at TEXT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes >= 0),
    what TEXT NOT NULL CHECK (length(trim(what)) > 0),
    reason TEXT NOT NULL CHECK (reason IN ('no_hours', 'no_assistant', 'other')),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX unmet_need_recipient_at ON unmet_need(recipient_id, at);

-- Append-only, hash-chained: each entry's hash covers the previous hash.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    before_json TEXT,
    after_json TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
