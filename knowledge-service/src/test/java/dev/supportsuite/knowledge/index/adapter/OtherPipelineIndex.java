package dev.supportsuite.knowledge.index.adapter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes an embedded index as another embedding pipeline would have left it, with plain Lucene: chunks in
 * {@link LuceneKnowledgeIndex}'s fields, but vectors of another dimension. {@code LuceneKnowledgeIndexTests}
 * checks that the service's index counts these chunks and refuses its own vectors beside them, so a test
 * using this stays a test of that mismatch.
 */
public final class OtherPipelineIndex {

    private OtherPipelineIndex() {
    }

    /** Replaces whatever index is at {@code path} with {@code chunks} chunks of {@code dimensions} dimensions. */
    public static void write(Path path, long chunks, int dimensions) throws IOException {
        Random random = new Random(dimensions);
        try (FSDirectory directory = FSDirectory.open(path);
                IndexWriter writer = new IndexWriter(directory,
                        new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            for (int i = 0; i < chunks; i++) {
                String documentId = "old-" + i;
                Document doc = new Document();
                doc.add(new StringField("role", "chunk", Field.Store.NO));
                doc.add(new StringField("chunkId", documentId + "#0", Field.Store.YES));
                doc.add(new StringField("documentId", documentId, Field.Store.YES));
                doc.add(new StoredField("ordinal", 0));
                doc.add(new StoredField("storedTitle", "Old chunk " + i));
                doc.add(new StoredField("sectionPath", "Old chunk " + i));
                doc.add(new StringField("category", "general", Field.Store.YES));
                doc.add(new StoredField("body", "Written by another pipeline."));
                doc.add(new KnnFloatVectorField("vector", unit(random, dimensions),
                        VectorSimilarityFunction.DOT_PRODUCT));
                writer.addDocument(doc);
            }
        }
    }

    private static float[] unit(Random random, int dimensions) {
        float[] vector = new float[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) random.nextGaussian();
            norm += vector[i] * vector[i];
        }
        for (int i = 0; i < dimensions; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }
}
