package cn.shixun.annual;

import cn.shixun.annual.AnnualRegistrations.Attachment;
import cn.shixun.evidence.EvidenceUploads;
import cn.shixun.security.CurrentAccount;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * A returned card amended with its scans uploaded in the same request, as the card page sends
 * it: each upload is stored as the teacher's evidence file in the transaction of the same
 * {@link AnnualRegistrations#amend} the JSON API calls, so a refusal — of a file or of the
 * amendment — keeps none.
 */
@Service
public class AnnualUploads {

    private final AnnualRegistrations registrations;
    private final EvidenceUploads uploads;

    AnnualUploads(AnnualRegistrations registrations, EvidenceUploads uploads) {
        this.registrations = registrations;
        this.uploads = uploads;
    }

    /** One line of the card: the ids of scans attached before and kept, and the scans uploaded now. */
    public record LineFiles(Long entryId, List<String> kept, List<MultipartFile> added) {
    }

    /**
     * {@code account} amends registration {@code id} with the scans of {@code lines}; a refused
     * upload names the line as the amendment's refusals do ({@code attachments[i].files}).
     */
    @Transactional
    public AnnualRegistration amend(Long id, CurrentAccount account, List<LineFiles> lines) {
        Long teacherId = registrations.require(id).teacherId();
        List<Attachment> attachments = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineFiles line = lines.get(i);
            List<String> files = new ArrayList<>(line.kept());
            for (MultipartFile part : line.added()) {
                files.add(uploads.teacherFile(account, teacherId, part, null, "attachments[" + i + "].files"));
            }
            attachments.add(new Attachment(line.entryId(), files));
        }
        return registrations.amend(id, account, attachments);
    }
}
