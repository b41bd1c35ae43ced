-- SEMANTICS 8: the access log. Append-only (the trigger refuses UPDATE, DELETE and TRUNCATE to every role the
-- application uses) and tamper-evident: each entry's hash covers its content and the previous entry's hash, so an
-- entry altered, removed or moved by someone who can bypass the trigger is found by GET /api/v1/audit/verify.
CREATE TABLE access_log (
    seq        BIGINT       PRIMARY KEY,
    at         TIMESTAMPTZ  NOT NULL,
    principal  VARCHAR(255),
    roles      VARCHAR(255) NOT NULL,
    action     VARCHAR(32)  NOT NULL,
    method     VARCHAR(16)  NOT NULL,
    path       TEXT         NOT NULL,
    query      TEXT,
    resource   TEXT,
    case_refs  TEXT[]       NOT NULL,
    reason     TEXT,
    address    VARCHAR(64)  NOT NULL,
    status     INTEGER      NOT NULL,
    prev_hash  CHAR(64)     NOT NULL,
    hash       CHAR(64)     NOT NULL
);

CREATE INDEX access_log_at ON access_log (at);
CREATE INDEX access_log_principal ON access_log (principal);
CREATE INDEX access_log_case_refs ON access_log USING GIN (case_refs);

CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the access log is append-only';
END;
$$;

CREATE TRIGGER access_log_no_update BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();

-- SEMANTICS 8: each published figure's protected form for the public, computed when it is published.
ALTER TABLE publication_figure ADD COLUMN public_answer JSONB;
