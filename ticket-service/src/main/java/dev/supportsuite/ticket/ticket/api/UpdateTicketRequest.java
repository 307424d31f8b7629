package dev.supportsuite.ticket.ticket.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A partial update: absent fields stay as they are. An empty {@code assignee} unassigns. Status and
 * priority take the wire values ({@code in_progress}, {@code urgent}, ...).
 */
record UpdateTicketRequest(
        @Size(min = 1, max = 200) String subject,
        @Size(min = 1, max = 10_000) String description,
        @Pattern(regexp = "[a-z][a-z0-9_]{0,39}", message = "must be lower-case letters, digits or _") String category,
        String priority,
        String status,
        @Size(max = 100) String assignee,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags) {
}
