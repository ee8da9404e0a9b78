/**
 * PostgreSQL schema migrations, in step with ../migrations.ts (SQLite): step N
 * here builds what step N there builds, so a database of either engine at
 * version N holds the same data. `schema_version` records how far a database
 * has come. Append, never edit a released step.
 *
 * Differences from SQLite, on purpose:
 * - times in ms are BIGINT; BLOB is BYTEA; booleans stay 0/1 integers (as in SQLite).
 * - tables that SQLite orders by `rowid` (insertion order) get a `seq` identity column.
 * - search: a tsvector column on search_items with a GIN index instead of FTS5,
 *   kept by triggers just like SQLite's (so it cannot drift).
 */
export const PG_MIGRATIONS: string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL
  );
  CREATE INDEX sessions_expires ON sessions(expires_at);
  CREATE TABLE invites (
    token_hash TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    invited_by TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL
  );
  CREATE TABLE workshops (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    join_code TEXT NOT NULL UNIQUE,
    template_json TEXT NOT NULL,
    owner_id TEXT NOT NULL REFERENCES accounts(id),
    created_at BIGINT NOT NULL,
    screen_token_version INTEGER NOT NULL DEFAULT 1
  );
  CREATE TABLE participants (
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    removed INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX participants_workshop ON participants(workshop_id);
  CREATE TABLE yjs_updates (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    data BYTEA NOT NULL
  );
  CREATE INDEX yjs_updates_workshop ON yjs_updates(workshop_id, id);
  CREATE TABLE yjs_snapshots (
    workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
    data BYTEA NOT NULL,
    updated_at BIGINT NOT NULL
  );
  `,
  // 2: the workshop method (issue 3).
  `
  ALTER TABLE workshops ADD COLUMN control_json TEXT;
  CREATE TABLE barriers (
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    card_ids_json TEXT NOT NULL DEFAULT '[]',
    heading TEXT NOT NULL DEFAULT '',
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL DEFAULT '',
    merged_into TEXT,
    removed INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX barriers_workshop ON barriers(workshop_id, created_at);
  CREATE TABLE votes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    voter_id TEXT NOT NULL,
    barrier_id TEXT NOT NULL,
    created_at BIGINT NOT NULL
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
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
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
    created_at BIGINT NOT NULL
  );
  CREATE INDEX proposals_workshop ON proposals(workshop_id, created_at);
  CREATE TABLE alarms (
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL,
    raised_by TEXT NOT NULL,
    raised_by_name TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
  );
  CREATE INDEX alarms_workshop ON alarms(workshop_id, created_at);
  CREATE TABLE placement_rounds (
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    card_ids_json TEXT NOT NULL,
    mode TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX rounds_workshop ON placement_rounds(workshop_id, created_at);
  CREATE TABLE placements (
    round_id TEXT NOT NULL REFERENCES placement_rounds(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL,
    card_id TEXT NOT NULL,
    x DOUBLE PRECISION NOT NULL,
    y DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (round_id, participant_id, card_id)
  );
  `,
  // 3: the knowledge centre (issue 4): register, recorded boards, search, ledger, retention.
  `
  ALTER TABLE workshops ADD COLUMN retention_until BIGINT;
  ALTER TABLE barriers ADD COLUMN ledger_id TEXT;
  CREATE INDEX barriers_ledger ON barriers(ledger_id);
  CREATE TABLE register_items (
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    title_key TEXT NOT NULL,
    department TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
  );
  CREATE UNIQUE INDEX register_title_key ON register_items(title_key);
  CREATE TABLE card_records (
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    card_id TEXT NOT NULL,
    register_id TEXT REFERENCES register_items(id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    department TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    x DOUBLE PRECISION NOT NULL,
    y DOUBLE PRECISION NOT NULL,
    tx DOUBLE PRECISION,
    ty DOUBLE PRECISION,
    PRIMARY KEY (workshop_id, card_id)
  );
  CREATE INDEX card_records_register ON card_records(register_id);

  -- Search. The index holds each word folded (lower case, accents off) and unstemmed,
  -- exactly like SQLite's FTS5 'unicode61 remove_diacritics 2'; the query side stems
  -- the user's words with the shared Dutch rules (server/knowledge/dutchText.ts) and
  -- matches them as prefixes. Same rule in both engines, so the same hits.
  CREATE EXTENSION IF NOT EXISTS unaccent;
  CREATE TEXT SEARCH CONFIGURATION regiebord_search (COPY = pg_catalog.simple);
  ALTER TEXT SEARCH CONFIGURATION regiebord_search
    ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart
    WITH unaccent, simple;
  -- What FTS5's tokenizer sees as one word is what this function leaves between spaces:
  -- letters and digits; everything else (control characters, punctuation, @, /, .) separates.
  CREATE FUNCTION rb_search_words(t TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT regexp_replace(t, '[^[:alnum:]]+', ' ', 'g') $$;
  CREATE FUNCTION rb_search_vector(title TEXT, body TEXT) RETURNS tsvector
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT setweight(to_tsvector('regiebord_search', rb_search_words(title)), 'A')
        || setweight(to_tsvector('regiebord_search', rb_search_words(body)), 'D') $$;
  -- Control characters become spaces, so the match marks (\\u0002, \\u0003) are never in content.
  CREATE FUNCTION rb_clean(t TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT regexp_replace(coalesce(t, ''), '[\\x01-\\x1f\\x7f]', ' ', 'g') $$;

  CREATE TABLE search_items (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    item_type TEXT NOT NULL,
    item_id TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    tsv tsvector NOT NULL
  );
  CREATE UNIQUE INDEX search_items_item ON search_items(item_type, item_id, workshop_id);
  CREATE INDEX search_items_workshop ON search_items(workshop_id);
  CREATE INDEX search_items_tsv ON search_items USING gin (tsv);

  CREATE FUNCTION rb_search_items_vector() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    NEW.tsv := rb_search_vector(NEW.title, NEW.body);
    RETURN NEW;
  END $$;
  CREATE TRIGGER search_items_tsv BEFORE INSERT OR UPDATE OF title, body ON search_items
    FOR EACH ROW EXECUTE FUNCTION rb_search_items_vector();

  CREATE FUNCTION rb_search_workshop() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
      VALUES (NEW.id, 'workshop', NEW.id, rb_clean(NEW.title), '');
    ELSIF NEW.title IS DISTINCT FROM OLD.title THEN
      UPDATE search_items SET title = rb_clean(NEW.title)
      WHERE item_type = 'workshop' AND item_id = NEW.id AND workshop_id = NEW.id;
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER search_workshop AFTER INSERT OR UPDATE OF title ON workshops
    FOR EACH ROW EXECUTE FUNCTION rb_search_workshop();

  CREATE FUNCTION rb_search_card() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      DELETE FROM search_items WHERE item_type = 'card' AND item_id = OLD.card_id AND workshop_id = OLD.workshop_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
      VALUES (NEW.workshop_id, 'card', NEW.card_id, rb_clean(NEW.title), rb_clean(NEW.department || ' ' || NEW.description));
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER search_card AFTER INSERT OR UPDATE OR DELETE ON card_records
    FOR EACH ROW EXECUTE FUNCTION rb_search_card();

  -- Barriers and proposals are indexed while live (not removed, not merged).
  CREATE FUNCTION rb_search_barrier() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      DELETE FROM search_items WHERE item_type = 'barrier' AND item_id = OLD.id AND workshop_id = OLD.workshop_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.removed = 0 AND NEW.merged_into IS NULL THEN
      INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
      VALUES (NEW.workshop_id, 'barrier', NEW.id, rb_clean(NEW.text), rb_clean(NEW.heading));
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER search_barrier_ai AFTER INSERT OR DELETE ON barriers
    FOR EACH ROW EXECUTE FUNCTION rb_search_barrier();
  CREATE TRIGGER search_barrier_au AFTER UPDATE OF text, heading, removed, merged_into ON barriers
    FOR EACH ROW EXECUTE FUNCTION rb_search_barrier();

  CREATE FUNCTION rb_search_proposal() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      DELETE FROM search_items WHERE item_type = 'proposal' AND item_id = OLD.id AND workshop_id = OLD.workshop_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.removed = 0 THEN
      INSERT INTO search_items(workshop_id, item_type, item_id, title, body)
      VALUES (NEW.workshop_id, 'proposal', NEW.id, rb_clean(NEW.text), rb_clean(NEW.owner));
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER search_proposal_ai AFTER INSERT OR DELETE ON proposals
    FOR EACH ROW EXECUTE FUNCTION rb_search_proposal();
  CREATE TRIGGER search_proposal_au AFTER UPDATE OF text, owner, removed ON proposals
    FOR EACH ROW EXECUTE FUNCTION rb_search_proposal();
  `,
  // 4: running a real workshop (issue 19): where a workshop came from, and Snowball stems in the search index.
  `
  -- 'copy' or 'import' (NULL: made here); the workshop it was copied or exported from, and that one's title then.
  ALTER TABLE workshops ADD COLUMN origin_kind TEXT;
  ALTER TABLE workshops ADD COLUMN origin_id TEXT;
  ALTER TABLE workshops ADD COLUMN origin_title TEXT;

  -- The vector gets the Snowball stem of every word too (SQLite's third index column), so
  -- "mandaten" finds "mandaat" (both "mandat"). PostgreSQL's own Snowball Dutch stemmer is the
  -- algorithm of the snowball-stemmers package the SQLite engine uses, here without stop words
  -- (SQLite's stems column has them all); words of three letters or fewer and numbers are
  -- left alone by the algorithm itself.
  CREATE TEXT SEARCH DICTIONARY rb_dutch_stem (TEMPLATE = snowball, Language = dutch);
  CREATE TEXT SEARCH CONFIGURATION regiebord_stems (COPY = regiebord_search);
  ALTER TEXT SEARCH CONFIGURATION regiebord_stems
    ALTER MAPPING FOR asciiword, word, asciihword, hword, hword_asciipart, hword_part
    WITH unaccent, rb_dutch_stem;
  CREATE OR REPLACE FUNCTION rb_search_vector(title TEXT, body TEXT) RETURNS tsvector
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT setweight(to_tsvector('regiebord_search', rb_search_words(title)), 'A')
        || setweight(to_tsvector('regiebord_search', rb_search_words(body)), 'D')
        || setweight(to_tsvector('regiebord_stems', rb_search_words(title || ' ' || body)), 'D') $$;
  UPDATE search_items SET tsv = rb_search_vector(title, body);
  `,
  // 5: after the workshop (issue 17): action owners' update links (only a SHA-256 of
  // the token is stored) and every later change to a proposal, dated, with who made it.
  `
  CREATE TABLE owner_links (
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    token_hash TEXT PRIMARY KEY,
    proposal_id TEXT NOT NULL,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    owner TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
  );
  CREATE INDEX owner_links_proposal ON owner_links(proposal_id, created_at);
  CREATE INDEX owner_links_workshop ON owner_links(workshop_id);
  CREATE TABLE proposal_progress (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    proposal_id TEXT NOT NULL,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
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
  CREATE INDEX proposal_progress_workshop ON proposal_progress(workshop_id);
  CREATE TABLE progress_pages (
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    id TEXT PRIMARY KEY,
    token_hash TEXT UNIQUE,
    audience TEXT NOT NULL,
    selection_json TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
  );
  `,
  // 6: unplaced cards (issue 14): a recorded card may have no position (x and y both NULL).
  `
  ALTER TABLE card_records ALTER COLUMN x DROP NOT NULL;
  ALTER TABLE card_records ALTER COLUMN y DROP NOT NULL;
  ALTER TABLE card_records ADD CONSTRAINT card_records_pos CHECK ((x IS NULL) = (y IS NULL));
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
  ALTER TABLE accounts ADD COLUMN disabled_at BIGINT;
  `,
  // 9: the ID token of a session signed in through OpenID Connect, sent back to the provider as
  // id_token_hint at RP-initiated logout (Keycloak and others then end their session without asking
  // again). It lives and is deleted with its session; it is never logged.
  `
  ALTER TABLE sessions ADD COLUMN oidc_id_token TEXT;
  `,
];
