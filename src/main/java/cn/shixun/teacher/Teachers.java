package cn.shixun.teacher;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.EnumLabels;
import cn.shixun.shared.TeacherScope;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teachers as the other modules see them: look-ups, the R-01 check, hiring, transfers between
 * schools and leaving post. Every change is checked in full before anything is written.
 */
@Service
@Transactional(readOnly = true)
public class Teachers {

    static final Set<String> GENDERS = Set.of("男", "女");

    /**
     * A teacher qualification certificate number: the year it was issued, then the issuing region
     * and a sequence, digits only (e.g. 20164101xxxxxxx).
     */
    private static final Pattern CERTIFICATE_NUMBER = Pattern.compile("(19|20)\\d{2}\\d{9,13}");

    private static final Pattern LIKE_SPECIALS = Pattern.compile("[!%_]");

    private final TeacherRepository repository;
    private final TeacherTransferRepository transfers;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Teachers(TeacherRepository repository, TeacherTransferRepository transfers, Organisations organisations,
             ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.transfers = transfers;
        this.organisations = organisations;
        this.events = events;
    }

    public Optional<Teacher> find(Long id) {
        return id == null ? Optional.empty() : repository.findById(id);
    }

    public Teacher require(Long id) {
        return find(id).orElseThrow(() -> BusinessRuleException.notFound("teacherId", "teacher.not-found", id));
    }

    public Optional<Teacher> findByStaffNumber(String staffNumber) {
        return repository.findByStaffNumber(staffNumber);
    }

    /** only a teacher in post with a qualification certificate can earn hours. */
    public Teacher requireRegistrable(Long id) {
        Teacher teacher = require(id);
        if (!teacher.isRegistrable()) {
            throw BusinessRuleException.violation("R-01", "teacherId", "teacher.not-registrable", teacher.name());
        }
        return teacher;
    }

    public List<Teacher> atSchool(Long schoolId) {
        return repository.findBySchoolIdOrderByStaffNumber(schoolId);
    }

    /**
     * The teachers whose school was {@code schoolId} at the end of {@code date}, whatever their
     * school now: a transfer after the date does not move them out of that day's staff.
     * Teachers who had left post are included; the caller decides what leaving means to it.
     */
    public List<Teacher> atSchoolOn(Long schoolId, LocalDate date) {
        List<Teacher> staff = new ArrayList<>(repository.findStayedSince(schoolId, date));
        staff.addAll(repository.findMovedAwayAfter(schoolId, date));
        staff.sort(Comparator.comparing(Teacher::staffNumber));
        return staff;
    }

    /**
     * A page of the teachers {@code visible} to the caller, optionally of one school and matching
     * {@code query} (name part or staff-number prefix, taken literally: {@code %} and {@code _}
     * match only themselves). A school outside the visible ones yields an empty page.
     */
    public Page<Teacher> search(TeacherScope.Visible visible, Long schoolId, String query, Pageable pageable) {
        if (schoolId != null) {
            organisations.requireSchool(schoolId, "schoolId");
        }
        if (visible.nothing()) {
            return Page.empty(pageable);
        }
        String q = query == null || query.isBlank() ? null : LIKE_SPECIALS.matcher(query.trim()).replaceAll("!$0");
        return repository.search(visible.schoolIds(), schoolId, visible.onlyTeacherId(), q, pageable);
    }

    /**
     * Puts a teacher on file. Refused (and nothing written) when the school is unknown or not a
     * school, the stage is not taught there, the staff number is taken (409), the name is blank,
     * the gender is not 男/女, the hire date is missing or in the future, or the qualification
     * certificate number is malformed. A teacher without a certificate is kept but not registrable.
     */
    @Transactional
    public Teacher hire(String staffNumber, String name, String gender, Long schoolId, Stage stage, String subject,
                        String qualificationCertificateNumber, LocalDate hireDate) {
        if (staffNumber == null || staffNumber.isBlank()) {
            throw BusinessRuleException.violation(null, "staffNumber", "teacher.staff-number-required");
        }
        if (name == null || name.isBlank()) {
            throw BusinessRuleException.violation(null, "name", "teacher.name-required");
        }
        if (gender == null || !GENDERS.contains(gender)) {
            throw BusinessRuleException.violation(null, "gender", "teacher.gender-invalid", gender);
        }
        if (schoolId == null) {
            throw BusinessRuleException.violation("R-02", "schoolId", "teacher.school-required");
        }
        Organisation school = organisations.requireSchool(schoolId, "schoolId");
        if (stage == null) {
            throw BusinessRuleException.violation("R-02", "stage", "teacher.stage-required");
        }
        if (!school.stages().contains(stage)) {
            throw BusinessRuleException.violation("R-02", "stage", "teacher.stage-not-at-school", EnumLabels.argument(stage), school.name());
        }
        String certificate = blankToNull(qualificationCertificateNumber);
        if (certificate != null && !CERTIFICATE_NUMBER.matcher(certificate).matches()) {
            throw BusinessRuleException.violation("R-01", "qualificationCertificateNumber", "teacher.certificate-number-invalid", certificate);
        }
        if (hireDate == null) {
            throw BusinessRuleException.violation(null, "hireDate", "teacher.hire-date-required");
        }
        if (hireDate.isAfter(LocalDate.now(clock))) {
            throw BusinessRuleException.violation(null, "hireDate", "teacher.hire-date-in-future", hireDate);
        }
        if (repository.existsByStaffNumber(staffNumber.trim())) {
            throw BusinessRuleException.conflict(null, "staffNumber", "teacher.staff-number-taken", staffNumber.trim());
        }
        Teacher hired = repository.save(new Teacher(staffNumber.trim(), name.trim(), gender, schoolId, stage,
                blankToNull(subject), certificate, hireDate));
        events.publishEvent(new TeacherChanged(hired.getId()));
        audit("teacher.hire", hired, hired.name() + "（工号 " + hired.staffNumber() + "）入职 " + school.name());
        return hired;
    }

    /**
     * moves a teacher to another school and records the move. The teacher's hours stay
     * with the teacher (the ledger is keyed by teacher, not school). Refused when the teacher is
     * not in post, the school is the same, unknown or lacks the teacher's stage, or the date is
     * missing, in the future, before the hire or before the last recorded transfer.
     */
    @Transactional
    public TeacherTransfer transfer(Long teacherId, Long toSchoolId, LocalDate effectiveOn, String recordedBy) {
        Teacher teacher = require(teacherId);
        if (!teacher.inPost()) {
            throw BusinessRuleException.violation("R-37", "teacherId", "teacher.transfer-not-in-post", teacher.name());
        }
        if (toSchoolId == null) {
            throw BusinessRuleException.violation("R-37", "toSchoolId", "teacher.transfer-school-required");
        }
        Organisation school = organisations.requireSchool(toSchoolId, "toSchoolId");
        if (school.getId().equals(teacher.schoolId())) {
            throw BusinessRuleException.violation("R-37", "toSchoolId", "teacher.transfer-same-school", school.name());
        }
        if (!school.stages().contains(teacher.stage())) {
            throw BusinessRuleException.violation("R-37", "toSchoolId", "teacher.stage-not-at-school", EnumLabels.argument(teacher.stage()), school.name());
        }
        if (effectiveOn == null) {
            throw BusinessRuleException.violation("R-37", "effectiveOn", "teacher.transfer-date-required");
        }
        if (effectiveOn.isBefore(teacher.hireDate())) {
            throw BusinessRuleException.violation("R-37", "effectiveOn", "teacher.transfer-before-hire", effectiveOn, teacher.hireDate());
        }
        if (effectiveOn.isAfter(LocalDate.now(clock))) {
            throw BusinessRuleException.violation("R-37", "effectiveOn", "teacher.transfer-in-future", effectiveOn);
        }
        List<TeacherTransfer> history = transfers.findByTeacherIdOrderByEffectiveOnAscIdAsc(teacherId);
        if (!history.isEmpty()) {
            LocalDate last = history.get(history.size() - 1).effectiveOn();
            if (effectiveOn.isBefore(last)) {
                throw BusinessRuleException.violation("R-37", "effectiveOn", "teacher.transfer-before-last", effectiveOn, last);
            }
        }
        if (recordedBy == null || recordedBy.isBlank()) {
            throw BusinessRuleException.violation("R-40", "recordedBy", "teacher.recorded-by-required");
        }
        TeacherTransfer move = transfers.save(new TeacherTransfer(teacherId, teacher.schoolId(), toSchoolId, effectiveOn,
                Instant.now(), recordedBy.trim()));
        teacher.moveTo(toSchoolId);
        events.publishEvent(new TeacherChanged(teacherId));
        // Filed under the receiving school: the teacher's scope follows the transfer.
        audit("teacher.transfer", teacher, teacher.name() + "（工号 " + teacher.staffNumber() + "）自 "
                + organisations.find(move.fromSchoolId()).map(Organisation::name).orElse("?") + " 调入 " + school.name()
                + "，" + effectiveOn + " 生效");
        return move;
    }

    /** the teacher's moves between schools, oldest first. */
    public List<TeacherTransfer> transfers(Long teacherId) {
        require(teacherId);
        return transfers.findByTeacherIdOrderByEffectiveOnAscIdAsc(teacherId);
    }

    /** The teacher leaves post (retirement, resignation…): kept on file with the hours, no longer registrable. */
    @Transactional
    public Teacher leavePost(Long teacherId, LocalDate leftOn) {
        Teacher teacher = require(teacherId);
        if (!teacher.inPost()) {
            throw BusinessRuleException.conflict("R-01", "teacherId", "teacher.already-left", teacher.name(), teacher.leftPostOn());
        }
        if (leftOn == null) {
            throw BusinessRuleException.violation(null, "leftOn", "teacher.left-date-required");
        }
        if (leftOn.isBefore(teacher.hireDate()) || leftOn.isAfter(LocalDate.now(clock))) {
            throw BusinessRuleException.violation(null, "leftOn", "teacher.left-date-invalid", leftOn, teacher.hireDate());
        }
        teacher.leavePost(leftOn);
        events.publishEvent(new TeacherChanged(teacherId));
        audit("teacher.leave-post", teacher, teacher.name() + "（工号 " + teacher.staffNumber() + "）" + leftOn + " 离岗");
        return teacher;
    }

    /** Records the issue of a continuing-education certificate; a per-teacher cycle restarts from it. */
    @Transactional
    public void recordCertificateIssued(Long teacherId, LocalDate issuedOn) {
        require(teacherId).recordCertificateIssued(issuedOn);
        events.publishEvent(new TeacherChanged(teacherId));
    }

    @Transactional
    public void appointPrincipal(Long teacherId, LocalDate appointedOn) {
        require(teacherId).appointPrincipal(appointedOn);
        events.publishEvent(new TeacherChanged(teacherId));
    }


    private void audit(String action, Teacher teacher, String detail) {
        events.publishEvent(new AuditedAction(action, "teacher", String.valueOf(teacher.getId()), detail,
                teacher.schoolId()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
