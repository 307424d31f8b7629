package dev.supportsuite.ticket.ticket.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new ticket. {@code userId} is only read from agents and partners; a signed-in user always opens
 * tickets for themselves. {@code category} defaults to {@code general}, {@code priority} to
 * {@code medium}.
 */
record OpenTicketRequest(
        @Size(max = 100) String userId,
        @NotBlank @Size(max = 200) String subject,
        @NotBlank @Size(max = 10_000) String description,
        @Pattern(regexp = "[a-z][a-z0-9_]{0,39}", message = "must be lower-case letters, digits or _") String category,
        String priority,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
        @Size(max = 200) String conversationId) {
}
