-- Indexes for what grows with the years, so no screen or report reads a
-- whole table.

-- The working-time rules look at every recipient's staffed shifts in a range.
CREATE INDEX IF NOT EXISTS shift_start ON shift(start_at);

-- A log line shows the entry that corrects it, if any; few entries do.
CREATE INDEX IF NOT EXISTS task_log_corrects ON task_log(corrects_id)
    WHERE corrects_id IS NOT NULL;
