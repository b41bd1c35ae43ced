-- Replays are claimed across nodes: at most one RUNNING replay per definition version (a second start is a 409), each
-- owned by the node running it, which keeps its heartbeat fresh; a node takes over only a replay whose owner's
-- heartbeat has gone stale.
ALTER TABLE replay ADD COLUMN owner VARCHAR(64);
ALTER TABLE replay ADD COLUMN heartbeat_at TIMESTAMPTZ;
CREATE UNIQUE INDEX replay_one_running ON replay (definition_id, version) WHERE state = 'RUNNING';
