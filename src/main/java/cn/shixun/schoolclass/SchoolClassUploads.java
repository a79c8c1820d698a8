package cn.shixun.schoolclass;

import cn.shixun.evidence.EvidenceUploads;
import cn.shixun.security.CurrentAccount;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * A course proposed or amended with its design document uploaded in the same request, as the
 * pages send it: the upload is stored as the school's evidence file in the transaction of the
 * same {@link SchoolClasses} step the JSON API calls, so a refusal — of the file or of the course —
 * keeps neither. Without an upload the course names one of the school's earlier files (or none).
 */
@Service
public class SchoolClassUploads {

    /** The form field the design document belongs to, where a refusal of the file is shown. */
    private static final String DESIGN_FIELD = "designFile";

    private final SchoolClasses classes;
    private final EvidenceUploads uploads;

    SchoolClassUploads(SchoolClasses classes, EvidenceUploads uploads) {
        this.classes = classes;
        this.uploads = uploads;
    }

    /** {@code account} proposes {@code course} for school {@code schoolId}, with {@code design} uploaded. */
    @Transactional
    public SchoolClass propose(CurrentAccount account, Long schoolId, CourseDesign course, MultipartFile design) {
        return classes.propose(account, schoolId, withDesign(course, account, schoolId, design));
    }

    /** {@code account} amends returned class {@code id}'s course, with {@code design} uploaded. */
    @Transactional
    public SchoolClass amendCourse(Long id, CurrentAccount account, CourseDesign course, MultipartFile design) {
        Long schoolId = classes.requireVisibleTo(id, account).schoolId();
        return classes.amendCourse(id, account, withDesign(course, account, schoolId, design));
    }

    private CourseDesign withDesign(CourseDesign course, CurrentAccount account, Long schoolId, MultipartFile design) {
        String file = uploads.organisationFile(account, schoolId, design, course.designFile(), DESIGN_FIELD);
        return new CourseDesign(course.courseName(), course.courseType(), course.designedHours(), course.outline(),
                file);
    }
}
