package dev.supportsuite.contracts.ticket;

/** One changed field of a ticket: its name and the values before and after. */
public record FieldChange(String field, String from, String to) {
}
