package press.dispatch.importer;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import press.dispatch.platform.SqlTime;

/**
 * The files of an import that are not photos: PDFs, audio, video and office documents, served at
 * {@code /files/<storage key>/<name>}. Only the kinds in {@link #KINDS} are kept, each with a fixed content type (the
 * file's own claim is never trusted); the name the site gave a file is offered to the reader's browser as the
 * download's name and never used as a path anywhere.
 */
@Service
public class ImportedFiles {

    /** Files are served whole from the database: a limit keeps one download from holding much of a small heap. */
    static final int MAX_BYTES = 20 * 1024 * 1024;

    /** What a file may be, by its extension, and whether a browser may show it in place (audio and video cannot run script). */
    record Kind(String contentType, boolean inline) {
    }

    static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("pdf", new Kind("application/pdf", false)),
            Map.entry("mp3", new Kind("audio/mpeg", true)),
            Map.entry("m4a", new Kind("audio/mp4", true)),
            Map.entry("ogg", new Kind("audio/ogg", true)),
            Map.entry("oga", new Kind("audio/ogg", true)),
            Map.entry("wav", new Kind("audio/wav", true)),
            Map.entry("mp4", new Kind("video/mp4", true)),
            Map.entry("m4v", new Kind("video/mp4", true)),
            Map.entry("webm", new Kind("video/webm", true)),
            Map.entry("ogv", new Kind("video/ogg", true)),
            Map.entry("doc", new Kind("application/msword", false)),
            Map.entry("docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false)),
            Map.entry("xls", new Kind("application/vnd.ms-excel", false)),
            Map.entry("xlsx", new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false)),
            Map.entry("ppt", new Kind("application/vnd.ms-powerpoint", false)),
            Map.entry("pptx", new Kind("application/vnd.openxmlformats-officedocument.presentationml.presentation", false)),
            Map.entry("odt", new Kind("application/vnd.oasis.opendocument.text", false)),
            Map.entry("ods", new Kind("application/vnd.oasis.opendocument.spreadsheet", false)),
            Map.entry("odp", new Kind("application/vnd.oasis.opendocument.presentation", false)),
            Map.entry("csv", new Kind("text/csv", false)),
            Map.entry("txt", new Kind("text/plain", false)),
            Map.entry("zip", new Kind("application/zip", false)),
            Map.entry("epub", new Kind("application/epub+zip", false)));

    /** One kept file (without its bytes). */
    record StoredFile(long id, String key, String name, String contentType, long size) {

        String href() {
            return "/files/" + key + "/" + name;
        }

        boolean inline() {
            return KINDS.getOrDefault(extension(name), new Kind("", false)).inline();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ImportedFiles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The kind of file this name is, if Dispatch keeps that kind. */
    static Optional<Kind> kindOf(String fileName) {
        return Optional.ofNullable(KINDS.get(extension(fileName)));
    }

    /** Keeps a file of an allowed kind (see {@link #kindOf}) under a new random key. */
    StoredFile store(byte[] bytes, String originalName) {
        String name = safeName(originalName);
        Kind kind = kindOf(name).orElseThrow(() -> new IllegalArgumentException("Not a kind of file Dispatch keeps: " + originalName));
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("Larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        byte[] key = new byte[10];
        random.nextBytes(key);
        String storageKey = HexFormat.of().formatHex(key);
        long id = jdbc.sql("""
                INSERT INTO imported_files (storage_key, file_name, content_type, size_bytes, bytes, created_at)
                VALUES (:key, :name, :type, :size, :bytes, :now) RETURNING id
                """).param("key", storageKey).param("name", name).param("type", kind.contentType()).param("size", bytes.length)
                .param("bytes", bytes).param("now", SqlTime.of(clock.instant())).query(Long.class).single();
        return new StoredFile(id, storageKey, name, kind.contentType(), bytes.length);
    }

    Optional<StoredFile> find(long id) {
        return jdbc.sql("SELECT id, storage_key, file_name, content_type, size_bytes FROM imported_files WHERE id = :id").param("id", id)
                .query((rs, n) -> new StoredFile(rs.getLong("id"), rs.getString("storage_key"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"))).optional();
    }

    Optional<StoredFile> findByKey(String key) {
        return jdbc.sql("SELECT id, storage_key, file_name, content_type, size_bytes FROM imported_files WHERE storage_key = :key").param("key", key)
                .query((rs, n) -> new StoredFile(rs.getLong("id"), rs.getString("storage_key"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"))).optional();
    }

    Optional<byte[]> bytes(long id) {
        return jdbc.sql("SELECT bytes FROM imported_files WHERE id = :id").param("id", id).query((rs, n) -> rs.getBytes("bytes")).optional();
    }

    /** A name safe in a URL path segment and a header: letters, digits, dots, hyphens and underscores, with its extension. */
    static String safeName(String original) {
        String base = original == null ? "" : original.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        String ascii = java.text.Normalizer.normalize(base, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String clean = ascii.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("\\.{2,}", ".").replaceAll("^[-.]+|-+$", "");
        if (clean.length() > 100) {
            String ext = extension(clean);
            clean = clean.substring(0, 100 - ext.length() - 1) + "." + ext;
        }
        return clean.isEmpty() || clean.startsWith(".") ? "file" : clean;
    }

    static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
