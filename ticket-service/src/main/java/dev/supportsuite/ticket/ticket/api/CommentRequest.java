package dev.supportsuite.ticket.ticket.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A comment to add to a ticket. */
record CommentRequest(@NotBlank @Size(max = 10_000) String body) {
}
