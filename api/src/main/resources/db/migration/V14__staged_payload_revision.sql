-- A staged event keeps its serialized type's revision, as the event store does: the staged bytes are the bytes the
-- store keeps, so a revision left behind here would be missing there (and an upcaster would misread the event).
ALTER TABLE import_staging ADD COLUMN payload_revision VARCHAR(255);
