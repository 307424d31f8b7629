-- Event ids each Kafka listener group has fully processed; redeliveries of these are skipped.
create table processed_event (
    consumer_group text        not null,
    event_id       uuid        not null,
    processed_at   timestamptz not null default now(),
    primary key (consumer_group, event_id)
);
