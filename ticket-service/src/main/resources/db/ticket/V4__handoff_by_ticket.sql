-- A customer's open handoff ticket takes their further handoffs, so one ticket can have several.
-- Looking up whether a ticket was opened for a handoff, and its other handoffs, goes by ticket.
create index handoff_by_ticket on handoff (ticket_id);
