package dev.supportsuite.knowledge.ingest.adapter;

import dev.supportsuite.knowledge.document.domain.Document;
import dev.supportsuite.knowledge.document.domain.DocumentDraft;
import dev.supportsuite.knowledge.document.domain.DocumentKind;
import dev.supportsuite.knowledge.document.domain.DocumentOrigin;
import dev.supportsuite.knowledge.document.domain.DocumentService;
import dev.supportsuite.knowledge.document.domain.ImportOutcome;
import dev.supportsuite.knowledge.ingest.domain.FileDrafts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a directory into the knowledge base, idempotently: a file whose content hash is
 * unchanged is not embedded again, a changed one is replaced, and a document whose file is gone
 * is deleted. {@code *.json} files hold FAQ entries (an array of {@code id}, {@code question},
 * {@code answer}, {@code category}, {@code tags}); .md, .txt and .pdf files are documents whose
 * category comes from Markdown front matter, else from their folder name. Document ids derive
 * from the entry id ({@code faq-<id>}) or the relative path ({@code kb-<path>}), so they are stable
 * across restarts.
 */
public class KnowledgeDirectoryImporter {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeDirectoryImporter.class);
    private static final String CLASSPATH_ROOT = "knowledge-base/";

    private final DocumentService documents;
    private final FileDrafts drafts;
    private final JsonMapper mapper;
    private final Scheduler io;

    public KnowledgeDirectoryImporter(DocumentService documents, FileDrafts drafts, JsonMapper mapper, Scheduler io) {
        this.documents = documents;
        this.drafts = drafts;
        this.mapper = mapper;
        this.io = io;
    }

    /** What an import did; {@code embeddedChunks} is 0 when nothing changed. */
    public record ImportReport(int created, int replaced, int unchanged, int deleted, int skipped,
            long embeddedChunks) {
    }

    /** One document the directory holds. */
    record Entry(String id, DocumentDraft draft) {
    }

    private record Scan(List<Entry> entries, int skipped) {
    }

    /** Copies the knowledge base shipped on the classpath into {@code directory} if it does not exist. */
    public Mono<Boolean> seedIfMissing(Path directory) {
        return Mono.fromCallable(() -> {
            if (Files.exists(directory)) {
                return false;
            }
            Resource[] resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + CLASSPATH_ROOT + "**/*.*");
            for (Resource resource : resources) {
                String url = resource.getURL().toString();
                String relative = url.substring(url.lastIndexOf(CLASSPATH_ROOT) + CLASSPATH_ROOT.length());
                Path target = directory.resolve(relative).normalize();
                if (!target.startsWith(directory)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = resource.getInputStream()) {
                    Files.copy(in, target);
                }
            }
            log.info("Seeded the knowledge base directory={} files={}", directory, resources.length);
            return true;
        }).subscribeOn(io);
    }

    /** Reconciles the documents of origin IMPORT with the files under {@code directory}. */
    public Mono<ImportReport> importDirectory(Path directory) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            int[] counts = new int[ImportOutcome.values().length];
            int[] deleted = new int[1];
            long[] embedded = new long[1];
            return Mono.fromCallable(() -> scan(directory)).subscribeOn(io)
                    .flatMap(scan -> {
                        Set<String> wanted = new HashSet<>();
                        scan.entries().forEach(entry -> wanted.add(entry.id()));
                        Mono<Void> upserts = Flux.fromIterable(scan.entries())
                                .concatMap(entry -> documents.upsert(entry.id(), entry.draft(), DocumentOrigin.IMPORT))
                                .doOnNext(result -> {
                                    counts[result.outcome().ordinal()]++;
                                    if (result.outcome() != ImportOutcome.UNCHANGED) {
                                        embedded[0] += result.document().chunkCount();
                                    }
                                })
                                .then();
                        Mono<Void> deletions = documents.byOrigin(DocumentOrigin.IMPORT)
                                .map(Document::id)
                                .filter(id -> !wanted.contains(id))
                                .collectList()
                                .flatMapMany(Flux::fromIterable)
                                .concatMap(id -> documents.delete(id).doOnSuccess(done -> deleted[0]++))
                                .then();
                        return upserts.then(deletions).then(Mono.fromSupplier(() -> new ImportReport(
                                counts[ImportOutcome.CREATED.ordinal()], counts[ImportOutcome.REPLACED.ordinal()],
                                counts[ImportOutcome.UNCHANGED.ordinal()], deleted[0], scan.skipped(),
                                embedded[0])));
                    })
                    .doOnNext(report -> log.info("Knowledge import directory={} created={} replaced={} "
                            + "unchanged={} deleted={} skipped={} embeddedChunks={} tookMs={}", directory,
                            report.created(), report.replaced(), report.unchanged(), report.deleted(),
                            report.skipped(), report.embeddedChunks(), (System.nanoTime() - started) / 1_000_000));
        });
    }

    private Scan scan(Path directory) throws IOException {
        List<Entry> entries = new ArrayList<>();
        int skipped = 0;
        if (!Files.isDirectory(directory)) {
            log.warn("Knowledge import directory={} does not exist; importing nothing", directory);
            return new Scan(entries, 0);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String relative = directory.relativize(file).toString().replace('\\', '/');
            try {
                if (relative.toLowerCase(Locale.ROOT).endsWith(".json")) {
                    entries.addAll(faqEntries(file, relative));
                } else if (FileDrafts.supports(relative)) {
                    String category = file.getParent().equals(directory) ? null
                            : directory.relativize(file.getParent()).getName(0).toString();
                    entries.add(new Entry(idOf(relative), drafts.draft(relative, Files.readAllBytes(file), category,
                            null)));
                } else {
                    skipped++;
                }
            } catch (RuntimeException e) {
                skipped++;
                log.warn("Skipping knowledge file={}: {}", relative, e.getMessage());
            }
        }
        return new Scan(entries, skipped);
    }

    private List<Entry> faqEntries(Path file, String relative) {
        JsonNode root = mapper.readTree(file.toFile());
        if (!root.isArray()) {
            throw new IllegalArgumentException("not a JSON array of FAQ entries");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode node : root) {
            String id = text(node, "id");
            String question = text(node, "question");
            String answer = text(node, "answer");
            if (id == null || question == null || answer == null) {
                throw new IllegalArgumentException("every FAQ entry needs id, question and answer");
            }
            List<String> tags = new ArrayList<>();
            if (node.has("tags")) {
                node.get("tags").forEach(tag -> tags.add(tag.asString()));
            }
            entries.add(new Entry("faq-" + id, new DocumentDraft(question, answer, text(node, "category"), relative,
                    tags, DocumentKind.FAQ)));
        }
        return entries;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** The stable document id of a file: {@code kb-} and its relative path, slugged, without extension. */
    static String idOf(String relativePath) {
        String withoutExtension = relativePath.replaceFirst("\\.[^./]+$", "");
        return "kb-" + withoutExtension.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }
}
