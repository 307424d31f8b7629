package dev.supportsuite.ticket.ticket.domain;

/** A field of a ticket request has a value outside its allowed set (answered with 400). */
public class InvalidTicketFieldException extends RuntimeException {

    private final String field;

    public InvalidTicketFieldException(String field, String value, String allowed) {
        super("'" + value + "' is not a valid " + field + "; allowed: " + allowed + ".");
        this.field = field;
    }

    public InvalidTicketFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
