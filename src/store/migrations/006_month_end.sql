-- bpa schema version 6: the month end. Assistants get the employer's
-- employee number (payroll files need it); a sleeping night records its
-- active periods; an approved month of an assistant locks its shifts.

ALTER TABLE assistant ADD COLUMN employee_number TEXT NOT NULL DEFAULT '';

-- The active periods of a sleeping night, as `START/END` pairs of
-- `YYYY-MM-DDTHH:MM` wall-clock times joined by `;` (empty: none). They
-- belong to the shift row, so they change, are audited and are undone
-- together with it.
ALTER TABLE shift ADD COLUMN active_periods TEXT NOT NULL DEFAULT '';

-- A month of an assistant's shifts approved for payroll. While the row
-- exists, the shifts that start in that month are locked, and the month is
-- counted with the agreement and sleeping-night rule in force when it was
-- approved, so its figures never change afterwards.
CREATE TABLE approval (
    id INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES recipient(id) ON DELETE RESTRICT,
    assistant_id INTEGER NOT NULL REFERENCES assistant(id) ON DELETE RESTRICT,
    month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    approved_at TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    agreement TEXT NOT NULL DEFAULT 'ks' CHECK (agreement IN ('ks', 'aml', 'virke')),
    sleeping_night TEXT NOT NULL DEFAULT 'third' CHECK (sleeping_night IN ('third', 'clock')),
    UNIQUE (recipient_id, assistant_id, month)
);
