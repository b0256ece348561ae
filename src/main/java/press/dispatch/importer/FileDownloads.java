package press.dispatch.importer;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves imported files. The content type is the one the allow-list fixed at import; anything a browser could run
 * or misread is a download ({@code Content-Disposition: attachment}) and nothing is sniffed. A key never changes its
 * file, so browsers may keep a copy for a year. Served as a resource, so players can ask for byte ranges to seek.
 */
@Controller
class FileDownloads {

    private final ImportedFiles files;

    FileDownloads(ImportedFiles files) {
        this.files = files;
    }

    @GetMapping("/files/{key:[0-9a-f]{20}}/{name}")
    ResponseEntity<Resource> file(@PathVariable String key, @PathVariable String name) {
        ImportedFiles.StoredFile file = files.findByKey(key).filter(f -> f.name().equals(name))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] bytes = files.bytes(file.id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ContentDisposition disposition = (file.inline() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.name(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                .body(new ByteArrayResource(bytes));
    }
}
