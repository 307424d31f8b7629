-- One row per conversation; the user is fixed by the first turn and never changes.
create table conversation (
    conversation_id  text        primary key,
    user_id          text        not null,
    status           text        not null,
    started_at       timestamptz not null,
    last_activity_at timestamptz not null
);
create index conversation_user_recent_idx on conversation (user_id, last_activity_at desc);

-- Each message once (primary key = message id), ordered by (seq, role_rank, sent_at, message_id):
-- a turn's reply carries the same seq as the customer's message, role_rank puts the customer first.
create table message (
    message_id      text        primary key,
    conversation_id text        not null references conversation (conversation_id) on delete cascade,
    seq             bigint      not null,
    role_rank       smallint    not null,
    role            text        not null,
    content         text        not null,
    intent          text,
    sentiment       jsonb,
    citations       jsonb,
    tool_calls      jsonb,
    sent_at         timestamptz not null,
    recorded_at     timestamptz not null default now()
);
create index message_conversation_order_idx on message (conversation_id, seq, role_rank, sent_at, message_id);

-- The rolling summary of a conversation's older messages. ticket_ids and open_items only grow
-- (an open item moves to resolved_items, it is never dropped).
create table conversation_summary (
    conversation_id    text        primary key references conversation (conversation_id) on delete cascade,
    summary            text        not null default '',
    ticket_ids         text[]      not null default '{}',
    open_items         text[]      not null default '{}',
    resolved_items     text[]      not null default '{}',
    covered_messages   integer     not null default 0,
    covered_seq        bigint,
    covered_role_rank  smallint,
    covered_message_id text,
    generated_by       text        not null default 'none',
    updated_at         timestamptz not null default now()
);

-- Long-term facts per user, one row per (user, fact key); a user's facts are only ever written
-- from that user's own conversations and tickets.
create table profile_fact (
    user_id                text        not null,
    fact_key               text        not null,
    category               text        not null,
    value                  text        not null,
    source_message_id      text,
    source_conversation_id text,
    observed_at            timestamptz not null,
    expires_at             timestamptz,
    primary key (user_id, fact_key)
);
