package cn.shixun.evidence;

import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.multipart.MultipartFile;

/**
 * A page form's file field as the procedures' pages read it: a file chosen in the form is stored
 * now (in the caller's transaction, so that a refused form leaves nothing behind) and its id
 * returned; with no file chosen, the earlier upload picked from the list (or nothing). A refusal of
 * the file itself (empty, too large, not a PDF/JPEG/PNG) names the form's {@code field}, so that the
 * page shows it beside that field. The procedure's service then refuses an id that is not
 * attachable.
 */
@Component
public class EvidenceUploads {

    private final EvidenceFiles evidence;

    EvidenceUploads(EvidenceFiles evidence) {
        this.evidence = evidence;
    }

    /** A teacher's file: the upload in {@code part} stored for {@code teacherId}, or {@code existing}. */
    public String teacherFile(CurrentAccount uploader, Long teacherId, MultipartFile part, String existing,
                              String field) {
        return chosen(part) ? atField(field, () -> evidence.store(uploader, teacherId, part.getOriginalFilename(),
                bytes(part))) : blankToNull(existing);
    }

    /** An organisation's file: the upload in {@code part} stored for {@code organisationId}, or {@code existing}. */
    public String organisationFile(CurrentAccount uploader, Long organisationId, MultipartFile part, String existing,
                                   String field) {
        return chosen(part) ? atField(field, () -> evidence.storeForOrganisation(uploader, organisationId,
                part.getOriginalFilename(), bytes(part))) : blankToNull(existing);
    }

    private static String atField(String field, Supplier<EvidenceFile> storing) {
        try {
            return storing.get().id();
        } catch (BusinessRuleException refusal) {
            if (!"file".equals(refusal.field())) {
                throw refusal;
            }
            throw BusinessRuleException.violation(refusal.ruleId(), field, refusal.messageKey(), refusal.messageArgs());
        }
    }

    /** Whether the form carried a file in {@code part}: a name or content (an empty file is refused by the store). */
    public static boolean chosen(MultipartFile part) {
        return part != null && (part.getSize() > 0 || StringUtils.hasText(part.getOriginalFilename()));
    }

    private static byte[] bytes(MultipartFile part) {
        try {
            return part.getBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String blankToNull(String id) {
        return StringUtils.hasText(id) ? id.strip() : null;
    }
}
