-- Knowledge documents: the source of truth the search index is built (and rebuilt) from.
create table document (
    id           varchar(200) primary key,
    title        text         not null,
    content      text         not null,
    category     varchar(100) not null,
    source       text,
    tags         text[]       not null default '{}',
    content_hash char(64)     not null,
    kind         varchar(20)  not null,
    origin       varchar(20)  not null,
    chunk_count  integer      not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null
);

create index document_category_idx on document (category, updated_at desc);
create index document_origin_idx on document (origin);
