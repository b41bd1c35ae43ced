-- data.police.uk outcome rows whose label maps to no pipeline event ("Under investigation", "Status update
-- unavailable", ...): kept as status notes of their crime, counted in no figure.
CREATE TABLE police_uk_status_note (
    crime_id    VARCHAR(255) NOT NULL,
    month       CHAR(7)      NOT NULL,
    label       VARCHAR(255) NOT NULL,
    file_name   VARCHAR(255) NOT NULL,
    line        BIGINT       NOT NULL,
    PRIMARY KEY (crime_id, month, label)
);
