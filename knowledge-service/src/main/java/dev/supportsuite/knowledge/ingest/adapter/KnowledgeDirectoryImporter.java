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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    /** The hidden file in the import directory that records the shipped files as last copied. */
    public static final String SHIPPED_MANIFEST = ".shipped-knowledge-base";

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

    /**
     * What bringing the shipped knowledge base into a directory did: files the release added and copied, copies
     * it replaced because the release changed them and nobody had edited them, copies it removed because the
     * release no longer ships them, and files left as they are because they were edited or deleted there.
     */
    public record SeedReport(int added, int updated, int removed, int kept) {
    }

    /**
     * Brings the knowledge base shipped on the classpath into {@code directory}. The first time, all of it is
     * copied. After an upgrade, a file the release adds is copied, a file it changed replaces the copy if that is
     * still as shipped before, and a file it no longer ships is removed if unchanged; a file edited in the
     * directory, or deleted from it, is left as the operator made it. What was copied is remembered in the
     * hidden file {@value #SHIPPED_MANIFEST} (a content hash per file), which the import does not read. A
     * directory seeded before that file existed has no record: a copy that differs from the release is kept and
     * named in the log. An existing directory with no record and no shipped file in it is the operator's own
     * knowledge base, and nothing is copied into it.
     */
    public Mono<SeedReport> seed(Path directory) {
        return Mono.fromCallable(() -> {
            Map<String, byte[]> shippedFiles = shippedFiles();
            if (Files.exists(directory) && !Files.exists(directory.resolve(SHIPPED_MANIFEST))
                    && !holdsACopy(directory, shippedFiles)) {
                log.info("Knowledge directory={} holds no copy of the shipped knowledge base; it is left as it is",
                        directory);
                return new SeedReport(0, 0, 0, 0);
            }
            Map<String, String> before = readManifest(directory);
            Map<String, String> after = new TreeMap<>();
            int added = 0;
            int updated = 0;
            int removed = 0;
            List<String> kept = new ArrayList<>();
            for (Map.Entry<String, byte[]> shipped : shippedFiles.entrySet()) {
                String relative = shipped.getKey();
                Path target = directory.resolve(relative).normalize();
                if (!target.startsWith(directory)) {
                    continue;
                }
                String hash = hashOf(shipped.getValue());
                String recorded = before.get(relative);
                if (!Files.exists(target)) {
                    if (recorded == null) {
                        Files.createDirectories(target.getParent());
                        Files.write(target, shipped.getValue());
                        after.put(relative, hash);
                        added++;
                    } else {
                        // deleted here on purpose: the release does not bring it back
                        after.put(relative, recorded);
                        kept.add(relative);
                    }
                    continue;
                }
                String current = hashOf(Files.readAllBytes(target));
                if (current.equals(hash)) {
                    after.put(relative, hash);
                } else if (current.equals(recorded)) {
                    Files.write(target, shipped.getValue());
                    after.put(relative, hash);
                    updated++;
                } else {
                    if (recorded != null) {
                        after.put(relative, recorded);
                    }
                    kept.add(relative);
                }
            }
            for (Map.Entry<String, String> old : before.entrySet()) {
                if (after.containsKey(old.getKey())) {
                    continue;
                }
                Path target = directory.resolve(old.getKey()).normalize();
                if (target.startsWith(directory) && Files.exists(target)
                        && hashOf(Files.readAllBytes(target)).equals(old.getValue())) {
                    Files.delete(target);
                    removed++;
                } else if (Files.exists(target)) {
                    kept.add(old.getKey());
                }
            }
            writeManifest(directory, after);
            if (added + updated + removed > 0) {
                log.info("Shipped knowledge base brought into directory={} added={} updated={} removed={}",
                        directory, added, updated, removed);
            }
            if (!kept.isEmpty()) {
                log.info("Knowledge files left as edited or deleted in directory={}: {}; delete a file to take the "
                        + "shipped version", directory, kept);
            }
            return new SeedReport(added, updated, removed, kept.size());
        }).subscribeOn(io);
    }

    /** Whether a directory without a record holds at least one shipped file as shipped: an earlier seed. */
    private static boolean holdsACopy(Path directory, Map<String, byte[]> shippedFiles) throws IOException {
        for (Map.Entry<String, byte[]> shipped : shippedFiles.entrySet()) {
            Path target = directory.resolve(shipped.getKey()).normalize();
            if (target.startsWith(directory) && Files.isRegularFile(target)
                    && Arrays.equals(Files.readAllBytes(target), shipped.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** The shipped knowledge base: each file's path under {@value #CLASSPATH_ROOT} and its bytes, sorted. */
    private static Map<String, byte[]> shippedFiles() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + CLASSPATH_ROOT + "**/*.*")) {
            String url = resource.getURL().toString();
            try (InputStream in = resource.getInputStream()) {
                files.put(url.substring(url.lastIndexOf(CLASSPATH_ROOT) + CLASSPATH_ROOT.length()), in.readAllBytes());
            }
        }
        return files;
    }

    /** The manifest's lines are {@code <sha-256> <relative path>}. */
    private static Map<String, String> readManifest(Path directory) throws IOException {
        Path manifest = directory.resolve(SHIPPED_MANIFEST);
        Map<String, String> hashes = new TreeMap<>();
        if (!Files.exists(manifest)) {
            return hashes;
        }
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            int space = line.indexOf(' ');
            if (space > 0 && !line.startsWith("#")) {
                hashes.put(line.substring(space + 1), line.substring(0, space));
            }
        }
        return hashes;
    }

    private static void writeManifest(Path directory, Map<String, String> hashes) throws IOException {
        StringBuilder text = new StringBuilder("# The shipped knowledge base as last copied here; do not edit.\n");
        hashes.forEach((relative, hash) -> text.append(hash).append(' ').append(relative).append('\n'));
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(SHIPPED_MANIFEST), text, StandardCharsets.UTF_8);
    }

    /** The hash {@value #SHIPPED_MANIFEST} records for a file: SHA-256 of its bytes, as lower-case hex. */
    public static String hashOf(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
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
            // hidden files (the shipped manifest, editors' and the OS's own) are no documents
            files = walk.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted().toList();
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
