package cn.shixun.teacher;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.shared.BusinessRuleException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teachers as the other modules see them: look-ups, the R-01 check, and hiring. */
@Service
@Transactional(readOnly = true)
public class Teachers {

    private final TeacherRepository repository;
    private final Organisations organisations;

    Teachers(TeacherRepository repository, Organisations organisations) {
        this.repository = repository;
        this.organisations = organisations;
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

    @Transactional
    public Teacher hire(String staffNumber, String name, String gender, Long schoolId, Stage stage, String subject,
                        String qualificationCertificateNumber, LocalDate hireDate) {
        Organisation school = organisations.requireSchool(schoolId, "schoolId");
        if (!school.stages().contains(stage)) {
            throw BusinessRuleException.violation("R-02", "stage", "teacher.stage-not-at-school", stage.label(), school.name());
        }
        return repository.save(new Teacher(staffNumber, name, gender, schoolId, stage, subject,
                qualificationCertificateNumber, hireDate));
    }

    /** Records the issue of a continuing-education certificate; a per-teacher cycle restarts from it. */
    @Transactional
    public void recordCertificateIssued(Long teacherId, LocalDate issuedOn) {
        require(teacherId).recordCertificateIssued(issuedOn);
    }

    @Transactional
    public void appointPrincipal(Long teacherId, LocalDate appointedOn) {
        require(teacherId).appointPrincipal(appointedOn);
    }
}
