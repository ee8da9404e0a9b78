/**
 * Schema migrations, applied in order; `user_version` records how far a
 * database has come. Append, never edit a released step.
 */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE invites (
    token_hash TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    invited_by TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE workshops (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    join_code TEXT NOT NULL UNIQUE,
    template_json TEXT NOT NULL,
    owner_id TEXT NOT NULL REFERENCES accounts(id),
    created_at INTEGER NOT NULL,
    screen_token_version INTEGER NOT NULL DEFAULT 1
  );
  CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    removed INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX participants_workshop ON participants(workshop_id);
  CREATE TABLE yjs_updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    data BLOB NOT NULL
  );
  CREATE INDEX yjs_updates_workshop ON yjs_updates(workshop_id, id);
  CREATE TABLE yjs_snapshots (
    workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
    data BLOB NOT NULL,
    updated_at INTEGER NOT NULL
  );
  `,
  // 2: the workshop method (issue 3).
  `
  ALTER TABLE workshops ADD COLUMN control_json TEXT;
  CREATE TABLE barriers (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    card_ids_json TEXT NOT NULL DEFAULT '[]',
    heading TEXT NOT NULL DEFAULT '',
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL DEFAULT '',
    merged_into TEXT,
    removed INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX barriers_workshop ON barriers(workshop_id, created_at);
  CREATE TABLE votes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    voter_id TEXT NOT NULL,
    barrier_id TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX votes_voter ON votes(workshop_id, voter_id, barrier_id);
  CREATE INDEX votes_barrier ON votes(workshop_id, barrier_id);
  -- Accepted vote operations, so a retried opId counts once.
  CREATE TABLE vote_ops (
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    voter_id TEXT NOT NULL,
    op_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    barrier_id TEXT NOT NULL,
    PRIMARY KEY (workshop_id, voter_id, op_id)
  );
  CREATE TABLE proposals (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    barrier_id TEXT,
    card_id TEXT,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    due_date TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open',
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL DEFAULT '',
    removed INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX proposals_workshop ON proposals(workshop_id, created_at);
  CREATE TABLE alarms (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL,
    raised_by TEXT NOT NULL,
    raised_by_name TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
  );
  CREATE INDEX alarms_workshop ON alarms(workshop_id, created_at);
  CREATE TABLE placement_rounds (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    card_ids_json TEXT NOT NULL,
    mode TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX rounds_workshop ON placement_rounds(workshop_id, created_at);
  CREATE TABLE placements (
    round_id TEXT NOT NULL REFERENCES placement_rounds(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL,
    card_id TEXT NOT NULL,
    x REAL NOT NULL,
    y REAL NOT NULL,
    PRIMARY KEY (round_id, participant_id, card_id)
  );
  `,
  // 3: the knowledge centre (issue 4): register, recorded boards, search, ledger, retention.
  `
  ALTER TABLE workshops ADD COLUMN retention_until INTEGER;
  ALTER TABLE barriers ADD COLUMN ledger_id TEXT;
  CREATE INDEX barriers_ledger ON barriers(ledger_id);
  CREATE TABLE register_items (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    -- kind + lowercased title without accents: the same entry is not registered twice.
    title_key TEXT NOT NULL,
    department TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX register_title_key ON register_items(title_key);
  -- Each workshop's board as last recorded (from its Yjs document): history and search.
  CREATE TABLE card_records (
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    card_id TEXT NOT NULL,
    register_id TEXT REFERENCES register_items(id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    department TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    x REAL NOT NULL,
    y REAL NOT NULL,
    tx REAL,
    ty REAL,
    PRIMARY KEY (workshop_id, card_id)
  );
  CREATE INDEX card_records_register ON card_records(register_id);

  -- Search: one row per searchable item, kept by triggers so it cannot drift;
  -- an FTS5 index over it (external content). Accents are folded, so "cafe" finds "café".
  CREATE TABLE search_items (
    rowid INTEGER PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    item_type TEXT NOT NULL,
    item_id TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE UNIQUE INDEX search_items_item ON search_items(item_type, item_id, workshop_id);
  CREATE INDEX search_items_workshop ON search_items(workshop_id);
  CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, content = 'search_items', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
  );
  -- Deleted text leaves no trace in the index (AVG: a deleted workshop is gone).
  INSERT INTO search_fts(search_fts, rank) VALUES ('secure-delete', 1);
  CREATE TRIGGER search_items_ai AFTER INSERT ON search_items BEGIN
    INSERT INTO search_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
  END;
  CREATE TRIGGER search_items_ad AFTER DELETE ON search_items BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
  END;
  CREATE TRIGGER search_items_au AFTER UPDATE ON search_items BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
    INSERT INTO search_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
  END;

  CREATE TRIGGER search_workshop_ai AFTER INSERT ON workshops BEGIN
    INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
    VALUES (new.id, 'workshop', new.id, rb_clean(new.title), '');
  END;
  CREATE TRIGGER search_workshop_au AFTER UPDATE OF title ON workshops BEGIN
    UPDATE search_items SET title = rb_clean(new.title) WHERE item_type = 'workshop' AND item_id = new.id AND workshop_id = new.id;
  END;
  INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
    SELECT id, 'workshop', id, rb_clean(title), '' FROM workshops;

  CREATE TRIGGER search_card_ai AFTER INSERT ON card_records BEGIN
    INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
    VALUES (new.workshop_id, 'card', new.card_id, rb_clean(new.title), rb_clean(new.department || ' ' || new.description));
  END;
  CREATE TRIGGER search_card_au AFTER UPDATE ON card_records BEGIN
    UPDATE search_items SET title = rb_clean(new.title), body = rb_clean(new.department || ' ' || new.description)
    WHERE item_type = 'card' AND item_id = old.card_id AND workshop_id = old.workshop_id;
  END;
  CREATE TRIGGER search_card_ad AFTER DELETE ON card_records BEGIN
    DELETE FROM search_items WHERE item_type = 'card' AND item_id = old.card_id AND workshop_id = old.workshop_id;
  END;

  -- Barriers and proposals are indexed while live (not removed, not merged).
  CREATE TRIGGER search_barrier_ai AFTER INSERT ON barriers WHEN new.removed = 0 AND new.merged_into IS NULL BEGIN
    INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
    VALUES (new.workshop_id, 'barrier', new.id, rb_clean(new.text), rb_clean(new.heading));
  END;
  CREATE TRIGGER search_barrier_au AFTER UPDATE OF text, heading, removed, merged_into ON barriers BEGIN
    DELETE FROM search_items WHERE item_type = 'barrier' AND item_id = old.id AND workshop_id = old.workshop_id;
    INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
    SELECT new.workshop_id, 'barrier', new.id, rb_clean(new.text), rb_clean(new.heading)
    WHERE new.removed = 0 AND new.merged_into IS NULL;
  END;
  CREATE TRIGGER search_barrier_ad AFTER DELETE ON barriers BEGIN
    DELETE FROM search_items WHERE item_type = 'barrier' AND item_id = old.id AND workshop_id = old.workshop_id;
  END;
  CREATE TRIGGER search_proposal_ai AFTER INSERT ON proposals WHEN new.removed = 0 BEGIN
    INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
    VALUES (new.workshop_id, 'proposal', new.id, rb_clean(new.text), rb_clean(new.owner));
  END;
  CREATE TRIGGER search_proposal_au AFTER UPDATE OF text, owner, removed ON proposals BEGIN
    DELETE FROM search_items WHERE item_type = 'proposal' AND item_id = old.id AND workshop_id = old.workshop_id;
    INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
    SELECT new.workshop_id, 'proposal', new.id, rb_clean(new.text), rb_clean(new.owner) WHERE new.removed = 0;
  END;
  CREATE TRIGGER search_proposal_ad AFTER DELETE ON proposals BEGIN
    DELETE FROM search_items WHERE item_type = 'proposal' AND item_id = old.id AND workshop_id = old.workshop_id;
  END;
  INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
    SELECT workshop_id, 'barrier', id, rb_clean(text), rb_clean(heading) FROM barriers WHERE removed = 0 AND merged_into IS NULL;
  INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
    SELECT workshop_id, 'proposal', id, rb_clean(text), rb_clean(owner) FROM proposals WHERE removed = 0;
  `,
  // 4: running a real workshop (issue 19): where a workshop came from, and Snowball stems in the search index.
  `
  -- 'copy' or 'import' (NULL: made here); the workshop it was copied or exported from, and that one's title then.
  ALTER TABLE workshops ADD COLUMN origin_kind TEXT;
  ALTER TABLE workshops ADD COLUMN origin_id TEXT;
  ALTER TABLE workshops ADD COLUMN origin_title TEXT;

  -- The index gets a third column: the Snowball stem of every word (rb_stems), so "mandaten"
  -- finds "mandaat" (both "mandat"). Stems are computed, never stored beside the row: the index
  -- reads its content through a view (a reader without rb_stems can still read every table).
  DROP TRIGGER search_items_ai;
  DROP TRIGGER search_items_ad;
  DROP TRIGGER search_items_au;
  DROP TABLE search_fts;
  CREATE VIEW search_content AS SELECT rowid, title, body, rb_stems(title || ' ' || body) AS stems FROM search_items;
  CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, stems, content = 'search_content', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
  );
  INSERT INTO search_fts(search_fts, rank) VALUES ('secure-delete', 1);
  CREATE TRIGGER search_items_ai AFTER INSERT ON search_items BEGIN
    INSERT INTO search_fts(rowid, title, body, stems) VALUES (new.rowid, new.title, new.body, rb_stems(new.title || ' ' || new.body));
  END;
  CREATE TRIGGER search_items_ad AFTER DELETE ON search_items BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, body, stems)
    VALUES ('delete', old.rowid, old.title, old.body, rb_stems(old.title || ' ' || old.body));
  END;
  CREATE TRIGGER search_items_au AFTER UPDATE ON search_items BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, body, stems)
    VALUES ('delete', old.rowid, old.title, old.body, rb_stems(old.title || ' ' || old.body));
    INSERT INTO search_fts(rowid, title, body, stems) VALUES (new.rowid, new.title, new.body, rb_stems(new.title || ' ' || new.body));
  END;
  INSERT INTO search_fts(search_fts) VALUES ('rebuild');
  `,
  // 5: after the workshop (issue 17): action owners' update links (only a SHA-256 of
  // the token is stored) and every later change to a proposal, dated, with who made it.
  `
  CREATE TABLE owner_links (
    token_hash TEXT PRIMARY KEY,
    proposal_id TEXT NOT NULL,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    owner TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  );
  CREATE INDEX owner_links_proposal ON owner_links(proposal_id, created_at);
  CREATE TABLE proposal_progress (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id TEXT NOT NULL,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    status TEXT,
    note TEXT NOT NULL DEFAULT '',
    due_date TEXT,
    due_reason TEXT NOT NULL DEFAULT '',
    owner TEXT
  );
  CREATE INDEX proposal_progress_proposal ON proposal_progress(proposal_id, id);
  CREATE INDEX proposal_progress_at ON proposal_progress(at);
  CREATE TABLE progress_pages (
    id TEXT PRIMARY KEY,
    token_hash TEXT UNIQUE,
    audience TEXT NOT NULL,
    selection_json TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  );
  `,
  // 6: unplaced cards (issue 14): a recorded card may have no position (x and y both NULL).
  // SQLite cannot drop NOT NULL, so the table is rebuilt; its search triggers go with it
  // (dropped before the implicit delete, so the index is untouched) and are made again.
  `
  CREATE TABLE card_records_new (
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    card_id TEXT NOT NULL,
    register_id TEXT REFERENCES register_items(id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    department TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    x REAL,
    y REAL,
    tx REAL,
    ty REAL,
    PRIMARY KEY (workshop_id, card_id),
    CHECK ((x IS NULL) = (y IS NULL))
  );
  INSERT INTO card_records_new (rowid, workshop_id, card_id, register_id, kind, title, department, description, x, y, tx, ty)
    SELECT rowid, workshop_id, card_id, register_id, kind, title, department, description, x, y, tx, ty FROM card_records;
  DROP TABLE card_records;
  ALTER TABLE card_records_new RENAME TO card_records;
  CREATE INDEX card_records_register ON card_records(register_id);
  CREATE TRIGGER search_card_ai AFTER INSERT ON card_records BEGIN
    INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
    VALUES (new.workshop_id, 'card', new.card_id, rb_clean(new.title), rb_clean(new.department || ' ' || new.description));
  END;
  CREATE TRIGGER search_card_au AFTER UPDATE ON card_records BEGIN
    UPDATE search_items SET title = rb_clean(new.title), body = rb_clean(new.department || ' ' || new.description)
    WHERE item_type = 'card' AND item_id = old.card_id AND workshop_id = old.workshop_id;
  END;
  CREATE TRIGGER search_card_ad AFTER DELETE ON card_records BEGIN
    DELETE FROM search_items WHERE item_type = 'card' AND item_id = old.card_id AND workshop_id = old.workshop_id;
  END;
  `,
  // 7: roles (comma-separated: facilitator, member, admin) and the OpenID Connect identity (issuer +
  // subject, the stable key; e-mail is not). Local accounts keep what every account could do before.
  `
  ALTER TABLE accounts ADD COLUMN roles TEXT NOT NULL DEFAULT 'facilitator,admin';
  ALTER TABLE accounts ADD COLUMN oidc_issuer TEXT;
  ALTER TABLE accounts ADD COLUMN oidc_subject TEXT;
  CREATE UNIQUE INDEX accounts_oidc_identity ON accounts(oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;
  `,  // 8: an administrator can switch an account off (issue 16); its sessions are ended then.
  `
  ALTER TABLE accounts ADD COLUMN disabled_at INTEGER;
  `,
  // 9: the ID token of a session signed in through OpenID Connect, sent back to the provider as
  // id_token_hint at RP-initiated logout (Keycloak and others then end their session without asking
  // again). It lives and is deleted with its session; it is never logged.
  `
  ALTER TABLE sessions ADD COLUMN oidc_id_token TEXT;
  `,
];

/**
 * Text as the search index holds it: control characters become spaces, so the
 * match marks of shared/knowledge.ts (\u0002, \u0003) are never in content.
 */
export function cleanForIndex(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}
