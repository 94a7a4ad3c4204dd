//! The local database's schema, as an ordered list of migrations. Never edit a released one:
//! add a new entry. `PRAGMA user_version` records how many have been applied.

/// Migration N (1-based) brings the schema from version N-1 to N.
pub const MIGRATIONS: &[&str] = &[
    // 1: tickets from every connection in one unified model, reference data, sync cursors,
    //    the audit log, saved views.
    r#"
    CREATE TABLE tickets (
        connection_id  TEXT NOT NULL,
        ticket_id      TEXT NOT NULL,
        vendor         TEXT NOT NULL CHECK (vendor IN ('sobot', 'udesk')),
        ticket_code    TEXT,
        title          TEXT NOT NULL DEFAULT '',
        content        TEXT NOT NULL DEFAULT '',
        status_code    TEXT NOT NULL,
        priority_code  TEXT,
        source_code    TEXT,
        category_id    TEXT,
        assignee_id    TEXT,
        assignee_name  TEXT,
        group_id       TEXT,
        group_name     TEXT,
        customer_id    TEXT,
        customer_name  TEXT,
        created_at_ms  INTEGER NOT NULL,
        updated_at_ms  INTEGER NOT NULL,
        custom_fields  TEXT NOT NULL DEFAULT '{}',
        raw            TEXT NOT NULL,
        synced_at_ms   INTEGER NOT NULL,
        PRIMARY KEY (connection_id, ticket_id)
    ) WITHOUT ROWID;
    CREATE INDEX tickets_by_status ON tickets (connection_id, status_code, updated_at_ms DESC);
    CREATE INDEX tickets_by_updated ON tickets (updated_at_ms DESC);
    CREATE INDEX tickets_by_assignee ON tickets (assignee_id, updated_at_ms DESC);

    CREATE TABLE reference_data (
        connection_id  TEXT NOT NULL,
        kind           TEXT NOT NULL,
        code           TEXT NOT NULL,
        name           TEXT NOT NULL,
        position       INTEGER NOT NULL DEFAULT 0,
        extra          TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (connection_id, kind, code)
    ) WITHOUT ROWID;

    CREATE TABLE sync_windows (
        connection_id  TEXT NOT NULL,
        stream         TEXT NOT NULL,
        window_start_ms INTEGER NOT NULL,
        window_end_ms  INTEGER NOT NULL,
        state          TEXT NOT NULL CHECK (state IN ('pending', 'done')),
        fetched        INTEGER NOT NULL DEFAULT 0,
        finished_at_ms INTEGER,
        PRIMARY KEY (connection_id, stream, window_start_ms)
    ) WITHOUT ROWID;

    CREATE TABLE sync_cursors (
        connection_id  TEXT NOT NULL,
        stream         TEXT NOT NULL,
        synced_until_ms INTEGER NOT NULL,
        PRIMARY KEY (connection_id, stream)
    ) WITHOUT ROWID;

    CREATE TABLE audit_log (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        at_ms          INTEGER NOT NULL,
        connection_id  TEXT NOT NULL,
        action         TEXT NOT NULL,
        target         TEXT NOT NULL,
        summary        TEXT NOT NULL DEFAULT '',
        outcome        TEXT NOT NULL CHECK (outcome IN ('ok', 'failed')),
        error_code     TEXT,
        error_message  TEXT
    );
    CREATE INDEX audit_log_by_time ON audit_log (at_ms DESC);

    CREATE TABLE saved_views (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL UNIQUE,
        filter         TEXT NOT NULL,
        created_at_ms  INTEGER NOT NULL,
        updated_at_ms  INTEGER NOT NULL
    );
    "#,
    // 2: what the user last saw of each ticket ("changed since you last looked") and per-connection
    //    preferences (the agent the user acts as).
    r#"
    CREATE TABLE ticket_seen (
        connection_id      TEXT NOT NULL,
        ticket_id          TEXT NOT NULL,
        seen_updated_at_ms INTEGER NOT NULL,
        seen_at_ms         INTEGER NOT NULL,
        PRIMARY KEY (connection_id, ticket_id)
    ) WITHOUT ROWID;

    CREATE TABLE connection_settings (
        connection_id  TEXT NOT NULL,
        key            TEXT NOT NULL,
        value          TEXT NOT NULL,
        PRIMARY KEY (connection_id, key)
    ) WITHOUT ROWID;
    "#,
    // 3: a customer's tickets, listed on the customer profile.
    r#"
    CREATE INDEX tickets_by_customer ON tickets (connection_id, customer_id, updated_at_ms DESC);
    "#,
    // 4: one urgency scale for sorting by priority across vendors, whose codes run opposite ways:
    //    0 low, 1 medium or standard, 2 high, 3 urgent; NULL for a missing or unknown code. Written
    //    by the upsert (store::tickets::priority_rank); existing rows are ranked here the same way.
    //    A plain column, not a generated one: SQLite does not read an index on a virtual column
    //    as covering, so paging by priority would read every skipped row.
    r#"
    ALTER TABLE tickets ADD COLUMN priority_rank INTEGER;
    UPDATE tickets SET priority_rank = CASE
        WHEN vendor = 'sobot' AND priority_code IN ('0', '1', '2', '3')
            THEN CAST(priority_code AS INTEGER)
        WHEN vendor = 'udesk' AND priority_code IN ('1', '2', '3', '4')
            THEN 4 - CAST(priority_code AS INTEGER)
    END;
    -- In the list's order after its first click on Priority: most urgent first, newest first
    -- among equals, then (the primary key, in every index) connection and ticket id.
    CREATE INDEX tickets_by_priority ON tickets (priority_rank DESC, updated_at_ms DESC);
    "#,
];

/// The schema version this build writes.
pub fn latest_version() -> u32 {
    u32::try_from(MIGRATIONS.len()).unwrap_or(u32::MAX)
}
