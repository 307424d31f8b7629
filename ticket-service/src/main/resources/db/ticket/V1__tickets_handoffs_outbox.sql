-- Tickets, their append-only history and comments, idempotency keys of creates,
-- the human handoff queue and the transactional outbox of ticket-events.

create table ticket (
    id              text        primary key,
    user_id         text        not null,
    subject         text        not null,
    description     text        not null,
    category        text        not null,
    priority        text        not null check (priority in ('low', 'medium', 'high', 'urgent')),
    status          text        not null
        check (status in ('open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed')),
    assignee        text,
    tags            text[]      not null default '{}',
    conversation_id text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

create index ticket_by_user_newest on ticket (user_id, created_at desc, id desc);
create index ticket_newest on ticket (created_at desc, id desc);

-- Every change of a ticket, one row per field (or per event such as a comment). Never updated or deleted.
create table ticket_history (
    id          bigserial   primary key,
    ticket_id   text        not null references ticket (id),
    actor       text        not null,
    occurred_at timestamptz not null,
    action      text        not null,
    field       text,
    old_value   text,
    new_value   text
);

create index ticket_history_by_ticket on ticket_history (ticket_id, id);

create table ticket_comment (
    id          text        primary key,
    ticket_id   text        not null references ticket (id),
    author      text        not null,
    body        text        not null,
    created_at  timestamptz not null
);

create index ticket_comment_by_ticket on ticket_comment (ticket_id, created_at);

create function ticket_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end;
$$;

create trigger ticket_history_append_only before update or delete on ticket_history
    for each row execute function ticket_append_only();
create trigger ticket_comment_append_only before update or delete on ticket_comment
    for each row execute function ticket_append_only();

-- One create per (caller, key). The ticket row is written later in the same transaction, hence deferred.
create table idempotency_key (
    caller       text        not null,
    key          text        not null,
    ticket_id    text        not null references ticket (id) deferrable initially deferred,
    request_hash text        not null,
    created_at   timestamptz not null default now(),
    primary key (caller, key)
);

create table handoff (
    id              text             primary key,
    request_event   uuid             not null unique,
    conversation_id text             not null,
    user_id         text,
    ticket_id       text             not null references ticket (id) deferrable initially deferred,
    reasons         text[]           not null default '{}',
    summary         text,
    frustration     double precision not null default 0,
    priority        text             not null check (priority in ('low', 'medium', 'high', 'urgent')),
    priority_rank   int              not null,
    status          text             not null check (status in ('waiting', 'claimed', 'released', 'resolved')),
    claimed_by      text,
    claimed_at      timestamptz,
    created_at      timestamptz      not null,
    updated_at      timestamptz      not null
);

create index handoff_queue on handoff (status, priority_rank desc, created_at, id);

create table outbox (
    id           bigserial   primary key,
    event_id     uuid        not null unique,
    aggregate_id text        not null,
    topic        text        not null,
    event_type   text        not null,
    payload      jsonb       not null,
    created_at   timestamptz not null default clock_timestamp(),
    sent_at      timestamptz
);

create index outbox_unsent on outbox (id) where sent_at is null;
