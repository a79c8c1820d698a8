package cn.shixun.evidence.web;

import cn.shixun.evidence.EvidenceDownload;
import cn.shixun.evidence.EvidenceFile;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How a file leaves the application, on the API and the pages alike: always as an attachment
 * under its sanitised name (RFC 5987 {@code filename*}), with the type we detected, never
 * sniffed, and sandboxed, so that a crafted PDF or image opened from our origin cannot run
 * script in it; private to the reader's browser and not stored there.
 */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<byte[]> attachment(EvidenceDownload download) {
        EvidenceFile file = download.file();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(download.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(download.content());
    }
}
