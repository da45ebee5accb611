-- bpa schema version 4: routines (checklists tied to shifts by weekday and time).

CREATE TABLE routine (
    id INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES recipient(id) ON DELETE RESTRICT,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- Weekdays as digits, 1 = Monday: '12345' for weekdays.
    weekdays TEXT NOT NULL CHECK (length(weekdays) BETWEEN 1 AND 7),
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    UNIQUE (recipient_id, name)
);

CREATE TABLE routine_item (
    id INTEGER PRIMARY KEY,
    routine_id INTEGER NOT NULL REFERENCES routine(id) ON DELETE CASCADE,
    task_type_id INTEGER NOT NULL REFERENCES task_type(id) ON DELETE RESTRICT,
    at_time TEXT,
    label TEXT NOT NULL DEFAULT ''
);
CREATE INDEX routine_item_routine ON routine_item(routine_id);
