package cn.shixun.exemption;

import cn.shixun.evidence.EvidenceUploads;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * An application or amendment that brings its diploma scan in the same request, as the pages send
 * it: the upload is stored as the teacher's evidence file in the transaction of the same
 * {@link DegreeExemptions} step the JSON API calls, so a refusal — of the file or of the
 * application — keeps neither. Without an upload the diploma names one of the teacher's earlier
 * files, which {@link DegreeExemptions} refuses unless it is theirs.
 */
@Service
public class ExemptionUploads {

    /** The form field the scan belongs to, where a refusal of the file is shown. */
    private static final String SCAN_FIELD = "diplomaFile";

    private final DegreeExemptions exemptions;
    private final EvidenceUploads uploads;

    ExemptionUploads(DegreeExemptions exemptions, EvidenceUploads uploads) {
        this.exemptions = exemptions;
        this.uploads = uploads;
    }

    /** The teacher of {@code account} applies with {@code scan}, or the earlier file {@code diploma} names. */
    @Transactional
    public DegreeExemption apply(CurrentAccount account, Diploma diploma, MultipartFile scan) {
        return exemptions.apply(account, withScan(diploma, account, account.teacherId(), scan));
    }

    /** {@code account} resubmits returned application {@code id} with {@code scan}, or the earlier file named. */
    @Transactional
    public DegreeExemption amend(Long id, CurrentAccount account, Diploma diploma, MultipartFile scan) {
        Long teacherId = exemptions.require(id).teacherId();
        return exemptions.amend(id, account, withScan(diploma, account, teacherId, scan));
    }

    private Diploma withScan(Diploma diploma, CurrentAccount account, Long teacherId, MultipartFile scan) {
        String file = uploads.teacherFile(account, teacherId, scan, diploma.diplomaFile(), SCAN_FIELD);
        if (file == null) {
            throw BusinessRuleException.violation("R-30", SCAN_FIELD, "exemption.page.scan-required");
        }
        return new Diploma(diploma.institution(), diploma.degreeLevel(), diploma.major(), diploma.educationRelated(),
                diploma.studyStart(), diploma.studyEnd(), diploma.certificateNumber(), file);
    }
}
