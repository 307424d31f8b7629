-- What each search index was last built with (chunking and embedding model), so that a change of either
-- rebuilds the index from the documents at startup instead of leaving old chunks beside new ones.
create table index_build (
    index_id    text        primary key,
    fingerprint text        not null,
    built_at    timestamptz not null
);
