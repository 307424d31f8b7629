package dev.supportsuite.knowledge.ingest.api;

import dev.supportsuite.knowledge.ingest.domain.EmptyFileException;
import dev.supportsuite.knowledge.ingest.domain.FileTooLargeException;
import dev.supportsuite.knowledge.ingest.domain.UploadJob;
import dev.supportsuite.knowledge.ingest.domain.UploadService;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Multipart upload of one .txt, .md or .pdf file (part {@code file}, optional parts
 * {@code category} and {@code title}). A small document answers 201 with the document; a large
 * one answers 202 with a job whose progress {@code GET /api/v1/knowledge/jobs/{id}} reports.
 */
@RestController
@RequestMapping("/api/v1/knowledge")
class UploadController {

    private final UploadService uploads;
    private final DataSize maxUploadSize;

    UploadController(UploadService uploads, @Value("${support.knowledge.max-upload-size}") DataSize maxUploadSize) {
        this.uploads = uploads;
        this.maxUploadSize = maxUploadSize;
    }

    @PostMapping(path = "/documents/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<Object>> upload(@RequestPart("file") FilePart file,
            @RequestPart(name = "category", required = false) String category,
            @RequestPart(name = "title", required = false) String title) {
        long limit = maxUploadSize.toBytes();
        return DataBufferUtils.join(file.content(), Math.toIntExact(limit))
                .onErrorMap(DataBufferLimitException.class, e -> new FileTooLargeException(limit))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .switchIfEmpty(Mono.error(() -> new EmptyFileException(file.filename())))
                .flatMap(bytes -> uploads.upload(file.filename(), bytes, category, title))
                .map(outcome -> outcome.job() == null
                        ? ResponseEntity.status(HttpStatus.CREATED)
                                .<Object>body(UploadedDocument.of(outcome.document()))
                        : ResponseEntity.accepted().location(URI.create("/api/v1/knowledge/jobs/" + outcome.job().id()))
                                .<Object>body(outcome.job()));
    }

    @GetMapping("/jobs/{id}")
    Mono<UploadJob> job(@PathVariable String id) {
        return uploads.job(id);
    }
}
