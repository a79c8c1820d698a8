package cn.shixun.evidence.web;

import cn.shixun.evidence.EvidenceFile;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.security.CurrentAccounts;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The evidence-file API (ADR 0007): upload for a teacher or an organisation (multipart field {@code file}), read the
 * metadata, download the content. Scope as everywhere: a file outside the caller's scope is 404.
 */
@RestController
class EvidenceController {

    private final EvidenceFiles evidence;
    private final CurrentAccounts accounts;

    EvidenceController(EvidenceFiles evidence, CurrentAccounts accounts) {
        this.evidence = evidence;
        this.accounts = accounts;
    }

    record FileView(String id, Long teacherId, Long organisationId, String name, String contentType, long size,
                    String sha256, String uploadedBy, Instant uploadedAt) {
        static FileView of(EvidenceFile file) {
            return new FileView(file.id(), file.teacherId(), file.organisationId(), file.name(), file.contentType(),
                    file.size(), file.sha256(), file.uploadedBy(), file.uploadedAt());
        }
    }

    @PostMapping(path = "/api/teachers/{teacherId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<FileView> upload(@PathVariable Long teacherId, @RequestParam("file") MultipartFile file)
            throws IOException {
        requireWithinLimit(file);
        EvidenceFile stored = evidence.store(accounts.require(), teacherId, file.getOriginalFilename(), file.getBytes());
        return created(stored);
    }

    /** A school's or a county's own file (a course design, a sign-in sheet), uploaded by an account of its scope. */
    @PostMapping(path = "/api/organisations/{organisationId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<FileView> uploadForOrganisation(@PathVariable Long organisationId,
                                                   @RequestParam("file") MultipartFile file) throws IOException {
        requireWithinLimit(file);
        return created(evidence.storeForOrganisation(accounts.require(), organisationId, file.getOriginalFilename(),
                file.getBytes()));
    }

    /** The multipart parser lets a whole upload body through (shixun.http.max-upload-body); the file limit is ours. */
    private void requireWithinLimit(MultipartFile file) {
        if (file.getSize() > evidence.maxFileSize()) {
            throw new MaxUploadSizeExceededException(evidence.maxFileSize());
        }
    }

    private static ResponseEntity<FileView> created(EvidenceFile stored) {
        return ResponseEntity.created(URI.create("/api/evidence/" + stored.id())).body(FileView.of(stored));
    }

    @GetMapping("/api/evidence/{id}")
    FileView show(@PathVariable String id) {
        return FileView.of(evidence.requireReadable(id, accounts.require()));
    }

    @GetMapping("/api/evidence/{id}/content")
    ResponseEntity<byte[]> content(@PathVariable String id) {
        return Downloads.attachment(evidence.download(id, accounts.require()));
    }
}
