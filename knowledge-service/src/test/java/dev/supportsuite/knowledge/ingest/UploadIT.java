package dev.supportsuite.knowledge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.knowledge.KnowledgeServiceTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Multipart uploads of .md, .txt and .pdf files, their jobs, and the problems bad files get. */
class UploadIT extends KnowledgeServiceTestSupport {

    @Autowired
    WebTestClient http;

    private String category;

    @BeforeEach
    void category() {
        category = "upload-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void storesAMarkdownFileWithItsSectionPaths() {
        String markdown = "# Travel policy\n\n## Flights\n\n### Economy\n\nBook economy class for flights under six hours.\n";
        JsonNode document = upload("travel-policy.md", markdown.getBytes(StandardCharsets.UTF_8))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(document.get("title").asString()).isEqualTo("Travel policy");
        assertThat(document.get("kind").asString()).isEqualTo("markdown");
        assertThat(document.get("source").asString()).isEqualTo("travel-policy.md");
        JsonNode hit = http.get().uri(b -> b.path("/api/v1/knowledge/search").queryParam("q", "which class for a short flight")
                        .queryParam("category", category).build())
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("hits").get(0);
        assertThat(hit.get("sectionPath").asString()).isEqualTo("Travel policy > Flights > Economy");
    }

    @Test
    void extractsTheTextOfAPdf() throws IOException {
        byte[] pdf;
        try (InputStream in = getClass().getResourceAsStream("/knowledge-base/policies/service-level-agreement.pdf")) {
            pdf = in.readAllBytes();
        }
        JsonNode document = upload("sla.pdf", pdf).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(document.get("kind").asString()).isEqualTo("text");
        assertThat(document.get("title").asString()).isEqualTo("Pennant Service Level Agreement");
        assertThat(document.get("chunkCount").asInt()).isGreaterThan(1);
        String id = document.get("id").asString();
        http.get().uri("/api/v1/knowledge/documents/{id}", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.content").value(content -> assertThat((String) content)
                        .contains("99.95%").contains("Service credits")
                        .as("lines wrapped by the PDF layout are joined")
                        .contains("caused by planned maintenance announced at least 72 hours in advance"));
        JsonNode hit = http.get().uri(b -> b.path("/api/v1/knowledge/search")
                        .queryParam("q", "how fast is a critical support request answered")
                        .queryParam("category", category).build())
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("hits").get(0);
        assertThat(hit.get("sectionPath").asString())
                .isEqualTo("Pennant Service Level Agreement > 5. Support response times");
        assertThat(hit.get("text").asString()).startsWith("Support requests are answered according to their severity.")
                .doesNotContain("Exclusions");
    }

    @Test
    void indexesALargeFileAsAJobThatReportsProgress() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            text.append("Paragraph ").append(i).append(" of the onboarding handbook explains step ").append(i)
                    .append(" of setting up a new workspace for a team.\n\n");
        }
        WebTestClient.ResponseSpec response = upload("handbook.txt", text.toString().getBytes(StandardCharsets.UTF_8))
                .expectStatus().isAccepted();
        JsonNode job = response.expectBody(JsonNode.class).returnResult().getResponseBody();
        String jobId = job.get("id").asString();

        JsonNode finished = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            finished = http.get().uri("/api/v1/knowledge/jobs/{id}", jobId).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            if (!finished.get("status").asString().matches("queued|running")) {
                break;
            }
        }
        assertThat(finished.get("status").asString()).isEqualTo("succeeded");
        assertThat(finished.get("chunksTotal").asInt()).isGreaterThan(1);
        assertThat(finished.get("chunksDone").asInt()).isEqualTo(finished.get("chunksTotal").asInt());
        http.get().uri("/api/v1/knowledge/documents/{id}", finished.get("documentId").asString()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.chunkCount").isEqualTo(finished.get("chunksTotal").asInt());
        http.get().uri("/api/v1/knowledge/jobs/{id}", "no-such-job").exchange().expectStatus().isNotFound();
    }

    @Test
    void rejectsBadFilesWithProblemDetailsAndStoresNothing() throws IOException {
        expectProblem(upload("empty.md", new byte[0]), HttpStatus.BAD_REQUEST, "empty-file");
        expectProblem(upload("blank.txt", "  \n\n ".getBytes(StandardCharsets.UTF_8)), HttpStatus.BAD_REQUEST,
                "empty-file");
        expectProblem(upload("notes.docx", "binary".getBytes(StandardCharsets.UTF_8)),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file-type");
        expectProblem(upload("scan.pdf", blankPdf()), HttpStatus.UNPROCESSABLE_CONTENT, "no-extractable-text");
        expectProblem(upload("broken.pdf", "not a pdf at all".getBytes(StandardCharsets.UTF_8)),
                HttpStatus.UNPROCESSABLE_CONTENT, "no-extractable-text");
        expectProblem(upload("huge.txt", "word ".repeat(20_000).getBytes(StandardCharsets.UTF_8)),
                HttpStatus.CONTENT_TOO_LARGE, "file-too-large");

        http.get().uri("/api/v1/knowledge/documents?category={c}", category).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    private void expectProblem(WebTestClient.ResponseSpec response, HttpStatus status, String slug) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/" + slug)
                .jsonPath("$.detail").isNotEmpty();
    }

    private WebTestClient.ResponseSpec upload(String fileName, byte[] bytes) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        body.part("category", category);
        return http.post().uri("/api/v1/knowledge/documents/upload").contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue(body.build()).exchange();
    }

    private static byte[] blankPdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }
}
