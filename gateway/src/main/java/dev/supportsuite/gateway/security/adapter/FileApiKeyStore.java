package dev.supportsuite.gateway.security.adapter;

import dev.supportsuite.gateway.security.domain.ApiKeyRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Partner keys created through the admin endpoint, as hashes in a JSON file replaced atomically. */
public final class FileApiKeyStore implements ApiKeyRegistry.ApiKeyStore {

    private final Path file;
    private final JsonMapper mapper;

    public FileApiKeyStore(Path file, JsonMapper mapper) {
        this.file = file;
        this.mapper = mapper;
    }

    @Override
    public List<ApiKeyRegistry.StoredKey> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        return mapper.readValue(file.toFile(), new TypeReference<List<ApiKeyRegistry.StoredKey>>() {
        });
    }

    @Override
    public synchronized void save(List<ApiKeyRegistry.StoredKey> keys) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            mapper.writeValue(temporary.toFile(), keys);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store API keys in " + file, e);
        }
    }
}
