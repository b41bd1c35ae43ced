-- A publication freezes a set of figure queries at one store position: the answers are kept exactly as given.
CREATE TABLE publication (
    id           UUID         PRIMARY KEY,
    name         VARCHAR(255) NOT NULL,
    position     BIGINT       NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE publication_figure (
    publication_id UUID        NOT NULL REFERENCES publication (id),
    index          INTEGER     NOT NULL,
    figure         VARCHAR(64) NOT NULL,
    parameters     JSONB       NOT NULL,
    answer         JSONB       NOT NULL,
    PRIMARY KEY (publication_id, index)
);
