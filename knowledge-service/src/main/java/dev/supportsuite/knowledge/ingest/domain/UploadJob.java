package dev.supportsuite.knowledge.ingest.domain;

import java.time.Instant;

/**
 * The state of an upload being indexed in the background.
 *
 * @param id          job id
 * @param fileName    the uploaded file
 * @param status      {@code queued}, {@code running}, {@code succeeded} or {@code failed}
 * @param chunksDone  chunks embedded so far
 * @param chunksTotal chunks the document was cut into (0 until chunked)
 * @param documentId  the stored document, once succeeded
 * @param error       why it failed
 * @param createdAt   when the upload was accepted
 * @param finishedAt  when it succeeded or failed
 */
public record UploadJob(String id, String fileName, String status, int chunksDone, int chunksTotal,
        String documentId, String error, Instant createdAt, Instant finishedAt) {
}
