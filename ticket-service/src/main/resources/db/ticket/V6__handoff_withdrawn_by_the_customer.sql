-- A customer who no longer wants the person they were waiting for takes the handoff out of the queue.
alter table handoff drop constraint handoff_status_check;
alter table handoff add constraint handoff_status_check
    check (status in ('waiting', 'claimed', 'released', 'resolved', 'withdrawn'));
