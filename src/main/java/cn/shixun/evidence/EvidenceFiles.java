package cn.shixun.evidence;

import cn.shixun.security.AccessScope;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Evidence files: a teacher uploads their own, a school administrator uploads for a
 * teacher of their school; the owner teacher and every account whose scope covers the
 * teacher's <em>current</em> school read them (R-37: the reader set moves with a transfer).
 * A file outside the reader's scope answers exactly like one that does not exist. Uploads and
 * downloads are audited. Procedures keep a file's id (e.g. a diploma's {@code diplomaFile})
 * after {@link #requireAttachable} has checked it is that teacher's.
 *
 * <p>Organisation files (a school's course design, a county's sign-in sheets) belong to the
 * organisation instead of a teacher: uploaded and read by the accounts (not teachers: the cases
 * they belong to are the authorities') whose scope covers it, attached after
 * {@link #requireAttachableToOrganisation}.
 */
@Service
@Transactional(readOnly = true)
public class EvidenceFiles {

    static final String SUBJECT_TYPE = "evidence-file";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Logger log = LoggerFactory.getLogger(EvidenceFiles.class);

    private final EvidenceFileStore store;
    private final AccessScope scope;
    private final Teachers teachers;
    private final ApplicationEventPublisher audit;
    private final DataSize maxFileSize;

    EvidenceFiles(EvidenceFileStore store, AccessScope scope, Teachers teachers, ApplicationEventPublisher audit,
                  @Value("${shixun.evidence.max-file-size:5MB}") DataSize maxFileSize) {
        this.store = store;
        this.scope = scope;
        this.teachers = teachers;
        this.audit = audit;
        this.maxFileSize = maxFileSize;
    }

    /**
     * Stores {@code content} as evidence of teacher {@code teacherId}, uploaded by {@code uploader}.
     * Refused, with nothing stored: a teacher outside the uploader's scope (404, as if unknown);
     * an uploader who is neither that teacher nor a school administrator of theirs (403); an empty
     * file, one above the size limit, or one that is not a PDF, JPEG or PNG by its content (422,
     * field {@code file}).
     *
     * @param submittedName the name the client sent; only a sanitised base name is kept
     */
    @Transactional
    public EvidenceFile store(CurrentAccount uploader, Long teacherId, String submittedName, byte[] content) {
        if (teacherId == null || !scope.coversTeacher(uploader, teacherId)) {
            throw BusinessRuleException.notFound("teacherId", "teacher.not-found", teacherId);
        }
        boolean self = uploader.isTeacher() && teacherId.equals(uploader.teacherId());
        if (!self && !uploader.is(Role.SCHOOL_ADMIN)) {
            throw BusinessRuleException.forbidden(null, "teacherId", "evidence.upload-not-allowed");
        }
        return insert(uploader, teacherId, null, submittedName, content);
    }

    /**
     * Stores {@code content} as a file of organisation {@code organisationId} (a school's course
     * design, a county's sign-in sheet), uploaded by {@code uploader}. Refused, with nothing
     * stored: a teacher, or an account whose scope does not cover the organisation (403); the
     * content refusals of {@link #store}.
     */
    @Transactional
    public EvidenceFile storeForOrganisation(CurrentAccount uploader, Long organisationId, String submittedName,
                                             byte[] content) {
        if (organisationId == null || uploader.isTeacher() || !scope.covers(uploader, organisationId)) {
            throw BusinessRuleException.forbidden(null, "organisationId",
                    "evidence.organisation-upload-not-allowed");
        }
        return insert(uploader, null, organisationId, submittedName, content);
    }

    private EvidenceFile insert(CurrentAccount uploader, Long teacherId, Long organisationId, String submittedName,
                                byte[] content) {
        if (content == null || content.length == 0) {
            throw BusinessRuleException.violation(null, "file", "evidence.empty");
        }
        if (content.length > maxFileSize.toBytes()) {
            throw BusinessRuleException.violation(null, "file", "evidence.too-large", limitText());
        }
        EvidenceType type = EvidenceType.detect(content)
                .orElseThrow(() -> BusinessRuleException.violation(null, "file", "evidence.type-not-allowed"));
        EvidenceFile file = new EvidenceFile(UUID.randomUUID().toString(), teacherId, organisationId,
                FileNames.sanitise(submittedName, type), type, content.length, sha256(content), uploader.username(),
                Instant.now());
        store.insert(file, content);
        audit.publishEvent(new AuditedAction("evidence.upload", SUBJECT_TYPE, file.id(),
                "上传证明材料“" + file.name() + "”（" + file.size() + " 字节，SHA-256 " + file.sha256() + "）",
                auditedOrganisation(file)));
        log.info("Evidence file {} ({}, {} bytes) stored for {} {} by {}", file.id(), type, file.size(),
                file.isOrganisations() ? "organisation" : "teacher",
                file.isOrganisations() ? organisationId : teacherId, uploader.username());
        return file;
    }

    /** The file's metadata if {@code reader} may see it; otherwise the same 404 as for an unknown id. */
    public EvidenceFile requireReadable(String id, CurrentAccount reader) {
        return describe(id).filter(file -> file.isOrganisations()
                        ? !reader.isTeacher() && scope.covers(reader, file.organisationId())
                        : scope.coversTeacher(reader, file.teacherId()))
                .orElseThrow(() -> BusinessRuleException.notFound("id", "evidence.not-found"));
    }

    /** The file with its content for {@code reader}, recorded in the audit trail (R-40: who saw which file). */
    @Transactional
    public EvidenceDownload download(String id, CurrentAccount reader) {
        EvidenceFile file = requireReadable(id, reader);
        audit.publishEvent(new AuditedAction("evidence.download", SUBJECT_TYPE, file.id(),
                "下载证明材料“" + file.name() + "”", auditedOrganisation(file)));
        return new EvidenceDownload(file, store.content(file.id()));
    }

    /**
     * The file {@code id} if it may be attached to a record of teacher {@code teacherId}: it exists
     * and is that teacher's. Refused otherwise (422 naming the caller's {@code field}, e.g.
     * {@code diplomaFile}), the same message whether the id is unknown or another teacher's.
     */
    public EvidenceFile requireAttachable(String id, Long teacherId, String field) {
        return describe(id).filter(file -> teacherId != null && teacherId.equals(file.teacherId()))
                .orElseThrow(() -> BusinessRuleException.violation("R-40", field, "evidence.not-attachable"));
    }

    /**
     * The file {@code id} if it may be attached to a record of organisation {@code organisationId}
     * (a school's class, a county's plan): it exists and is that organisation's own file. Refused
     * otherwise like {@link #requireAttachable}: a teacher's file, another organisation's or an
     * unknown id are the same 422 at the caller's {@code field}.
     */
    public EvidenceFile requireAttachableToOrganisation(String id, Long organisationId, String field) {
        return describe(id).filter(file -> organisationId != null && organisationId.equals(file.organisationId()))
                .orElseThrow(() -> BusinessRuleException.violation("R-40", field,
                        "evidence.not-attachable-to-organisation"));
    }

    /**
     * The metadata of file {@code id} (name, type, size) for a page that has already checked
     * that its reader may see the record the file belongs to; empty for an unknown id.
     */
    public Optional<EvidenceFile> describe(String id) {
        return id == null || !ID.matcher(id).matches() ? Optional.empty() : store.find(id);
    }

    /** The teacher's files, newest first (for choosing an earlier upload); the caller checks the scope. */
    public List<EvidenceFile> ofTeacher(Long teacherId) {
        return store.ofTeacher(teacherId);
    }

    /** The organisation's own files, newest first (for choosing an earlier upload); the caller checks the scope. */
    public List<EvidenceFile> ofOrganisation(Long organisationId) {
        return store.ofOrganisation(organisationId);
    }

    /** The largest file accepted, in bytes ({@code shixun.evidence.max-file-size}). */
    public long maxFileSize() {
        return maxFileSize.toBytes();
    }

    private String limitText() {
        return maxFileSize.toMegabytes() + " MB";
    }

    /** The organisation the audit trail files the action under: the teacher's current school, or the owner organisation. */
    private Long auditedOrganisation(EvidenceFile file) {
        return file.isOrganisations() ? file.organisationId()
                : teachers.find(file.teacherId()).map(Teacher::schoolId).orElse(null);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java runtime has SHA-256", missing);
        }
    }
}
