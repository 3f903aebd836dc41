package org.dialdesk.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The column mappings an operator chose, per use case ({@code bulk-mappings.json}): column name to
 * field key. Offered again the next time a file for that use case is imported.
 */
public final class BulkMappingStore {
    /** The key for files with no use case chosen. */
    public static final String ANY_USE_CASE = "*";

    public record Saved(@JsonProperty("by_use_case") Map<String, Map<String, String>> byUseCase) {
        public Saved {
            byUseCase = byUseCase == null ? new LinkedHashMap<>() : new LinkedHashMap<>(byUseCase);
        }
    }

    private final JsonFile<Saved> file;

    public BulkMappingStore(Path dataDir) {
        file = new JsonFile<>(dataDir.resolve("bulk-mappings.json"), Saved.class);
    }

    public Map<String, String> load(String useCaseId) {
        Map<String, String> saved = file.load(() -> new Saved(null)).byUseCase().get(key(useCaseId));
        return saved == null ? Map.of() : Map.copyOf(saved);
    }

    public synchronized void save(String useCaseId, Map<String, String> mapping) throws IOException {
        Saved saved = file.load(() -> new Saved(null));
        Map<String, Map<String, String>> all = new LinkedHashMap<>(saved.byUseCase());
        all.put(key(useCaseId), new LinkedHashMap<>(mapping));
        file.save(new Saved(all));
    }

    private static String key(String useCaseId) {
        return useCaseId == null || useCaseId.isBlank() ? ANY_USE_CASE : useCaseId;
    }
}
