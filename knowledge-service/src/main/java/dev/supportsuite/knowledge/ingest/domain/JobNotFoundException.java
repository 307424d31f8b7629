package dev.supportsuite.knowledge.ingest.domain;

/** No upload job has the requested id (jobs are kept in memory for a bounded time). */
public class JobNotFoundException extends RuntimeException {

    public JobNotFoundException(String id) {
        super("No upload job with id " + id + ".");
    }
}
