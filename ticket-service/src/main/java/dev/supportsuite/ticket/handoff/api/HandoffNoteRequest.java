package dev.supportsuite.ticket.handoff.api;

import jakarta.validation.constraints.Size;

/** An optional note for the transcript when a human releases or resolves a handoff. */
record HandoffNoteRequest(@Size(max = 2000) String note) {
}
