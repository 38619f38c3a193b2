-- seismo's DuckDB schema: one flat row per event, per stance and per document.
-- Columns mirror seismo.model (Event.to_dict() flattened: source.code -> source_code, ...).
-- `content_hash` ties every event and stance to the document it was read from; re-coding a
-- document deletes and re-inserts all its rows in one transaction (seismo/store/duckdb.py).

CREATE TABLE IF NOT EXISTS seismo_meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS documents (
    content_hash VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    title VARCHAR,
    url VARCHAR,
    source VARCHAR,
    published DATE,
    published_source VARCHAR,
    path VARCHAR,
    text VARCHAR,
    coder VARCHAR,
    ingested_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    sentence_index INTEGER,
    sentence VARCHAR,
    source_key VARCHAR,
    source_code VARCHAR,
    source_country VARCHAR,
    source_sector VARCHAR,
    source_name VARCHAR,
    source_text VARCHAR,
    target_key VARCHAR,
    target_code VARCHAR,
    target_country VARCHAR,
    target_sector VARCHAR,
    target_name VARCHAR,
    target_text VARCHAR,
    cameo VARCHAR NOT NULL,
    root VARCHAR NOT NULL,
    goldstein DOUBLE,
    quad_class TINYINT,
    plover_type VARCHAR,
    plover_mode VARCHAR,
    date VARCHAR,             -- as the text gives it: YYYY, YYYY-MM or YYYY-MM-DD
    date_precision VARCHAR,   -- year, month, day
    date_text VARCHAR,
    date_warning VARCHAR,
    event_date DATE,          -- first day of the period (EventDate.start); NULL when undated
    date_end DATE,            -- last day of the period
    modality VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    location_lat DOUBLE,
    location_lon DOUBLE,
    location_feature VARCHAR,  -- city, region, sea, country (seismo.geo)
    location_basis VARCHAR,    -- clause, dateline, actor
    confidence DOUBLE,
    trigger VARCHAR,
    coder VARCHAR,
    date_basis VARCHAR        -- text, story or published (schema 2; appended by migration)
);

CREATE TABLE IF NOT EXISTS stances (
    stance_id VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    sentence_index INTEGER,
    sentence VARCHAR,
    holder_key VARCHAR,
    holder_code VARCHAR,
    holder_country VARCHAR,
    holder_sector VARCHAR,
    holder_name VARCHAR,
    holder_text VARCHAR,
    subject_key VARCHAR,
    subject_code VARCHAR,
    subject_country VARCHAR,
    subject_sector VARCHAR,
    subject_name VARCHAR,
    subject_text VARCHAR,
    stance VARCHAR NOT NULL,
    date VARCHAR,
    date_precision VARCHAR,
    date_text VARCHAR,
    date_warning VARCHAR,
    stance_date DATE,         -- first day of the period; NULL when undated
    modality VARCHAR,
    evidence VARCHAR,
    coder VARCHAR,
    date_basis VARCHAR
);


-- Earlier versions of documents whose id came back with another text (a corrected article):
-- their events and stances were replaced; the old content hash is kept here.
CREATE TABLE IF NOT EXISTS document_history (
    doc_id VARCHAR NOT NULL,
    path VARCHAR,
    content_hash VARCHAR NOT NULL,
    replaced_by VARCHAR NOT NULL,
    replaced_at TIMESTAMP
);

-- files written before events carried a location's kind and basis
ALTER TABLE events ADD COLUMN IF NOT EXISTS location_feature VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS location_basis VARCHAR;
-- Schema 2 added events.date_basis and stances.date_basis: files of schema 1 get the
-- columns here (NULL for rows coded before; re-ingest with --recode to fill them).
ALTER TABLE events ADD COLUMN IF NOT EXISTS date_basis VARCHAR;
ALTER TABLE stances ADD COLUMN IF NOT EXISTS date_basis VARCHAR;
INSERT OR REPLACE INTO seismo_meta VALUES ('schema_version', '2');
