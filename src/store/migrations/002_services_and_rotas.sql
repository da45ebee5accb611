-- bpa schema version 2: other services in the week, and rotas (turnus).

-- Visits by other services (home nursing, day centre, respite care): once,
-- or weekly from first_day to last_day. They count against no allocation.
CREATE TABLE other_service (
    id INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES recipient(id) ON DELETE RESTRICT,
    provider TEXT NOT NULL CHECK (length(trim(provider)) > 0),
    what TEXT NOT NULL DEFAULT '',
    first_day TEXT NOT NULL,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    weekly INTEGER NOT NULL DEFAULT 0 CHECK (weekly IN (0, 1)),
    last_day TEXT CHECK (last_day IS NULL OR last_day >= first_day)
);
CREATE INDEX other_service_recipient ON other_service(recipient_id, first_day);

-- A rota: a cycle of 1–8 weeks of shift patterns.
CREATE TABLE rota (
    id INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES recipient(id) ON DELETE RESTRICT,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    cycle_weeks INTEGER NOT NULL CHECK (cycle_weeks BETWEEN 1 AND 8),
    UNIQUE (recipient_id, name)
);

CREATE TABLE rota_slot (
    id INTEGER PRIMARY KEY,
    rota_id INTEGER NOT NULL REFERENCES rota(id) ON DELETE CASCADE,
    cycle_week INTEGER NOT NULL CHECK (cycle_week BETWEEN 1 AND 8),
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'ordinary' CHECK (kind IN ('ordinary', 'awake_night', 'sleeping_night')),
    assistant_id INTEGER REFERENCES assistant(id) ON DELETE RESTRICT
);
CREATE INDEX rota_slot_rota ON rota_slot(rota_id);
