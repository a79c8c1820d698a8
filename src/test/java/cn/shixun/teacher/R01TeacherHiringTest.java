package cn.shixun.teacher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.shared.BusinessRuleException;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/** Hiring checks every input before writing; R-01 decides who is registrable. */
@SpringBootTest
@Transactional
class R01TeacherHiringTest {

    static final LocalDate HIRED = LocalDate.of(2015, 9, 1);
    static final String CERT = "20154101123456789";

    @Autowired Clock clock;
    @Autowired
    Teachers teachers;

    @Autowired
    Organisations organisations;

    @Autowired
    TeacherRepository repository;

    TeacherFixture tree;

    @BeforeEach
    void tree() {
        tree = TeacherFixture.create(organisations, "93");
    }

    @Test
    void R01_teacherWithCertificateIsRegistrableOneWithoutIsRefusedClearly() {
        Teacher certified = teachers.hire("9301020001001", "张伟", "男", tree.primary().getId(), Stage.PRIMARY, "数学", CERT, HIRED);
        Teacher uncertified = teachers.hire("9301020001002", "刘洋", "女", tree.primary().getId(), Stage.PRIMARY, "英语", " ", HIRED);
        assertThat(teachers.requireRegistrable(certified.getId())).isEqualTo(certified);
        assertThat(uncertified.qualificationCertificateNumber()).isNull();
        assertRefused(() -> teachers.requireRegistrable(uncertified.getId()), "R-01", "teacherId");
        assertThat(teachers.findByStaffNumber("9301020001001")).contains(certified);
        assertThat(teachers.atSchool(tree.primary().getId())).containsExactly(certified, uncertified);
    }

    @Test
    void R01_malformedCertificateNumberIsRefused() {
        assertNothingWritten(() -> hire("9301020001001", "张伟", "男", Stage.PRIMARY, "ABC123", HIRED), "R-01", "qualificationCertificateNumber");
        assertNothingWritten(() -> hire("9301020001001", "张伟", "男", Stage.PRIMARY, "18001234567890", HIRED), "R-01", "qualificationCertificateNumber");
    }

    @Test
    void R02_schoolMustExistBeASchoolAndTeachTheStage() {
        assertThatThrownBy(() -> teachers.hire("9301020001001", "张伟", "男", -5L, Stage.PRIMARY, null, CERT, HIRED))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.NOT_FOUND);
                    assertThat(e.field()).isEqualTo("schoolId");
                });
        assertNothingWritten(() -> teachers.hire("9301020001001", "张伟", "男", tree.county().getId(), Stage.PRIMARY, null, CERT, HIRED),
                "R-02", "schoolId");
        assertNothingWritten(() -> teachers.hire("9301020001001", "张伟", "男", null, Stage.PRIMARY, null, CERT, HIRED),
                "R-02", "schoolId");
        assertNothingWritten(() -> hire("9301020001001", "张伟", "男", Stage.SENIOR_HIGH, CERT, HIRED), "R-02", "stage");
        assertNothingWritten(() -> hire("9301020001001", "张伟", "男", null, CERT, HIRED), "R-02", "stage");
    }

    @Test
    void plainInputChecks() {
        assertNothingWritten(() -> hire(" ", "张伟", "男", Stage.PRIMARY, CERT, HIRED), null, "staffNumber");
        assertNothingWritten(() -> hire("9301020001001", "  ", "男", Stage.PRIMARY, CERT, HIRED), null, "name");
        assertNothingWritten(() -> hire("9301020001001", "张伟", "M", Stage.PRIMARY, CERT, HIRED), null, "gender");
        assertNothingWritten(() -> hire("9301020001001", "张伟", "男", Stage.PRIMARY, CERT, null), null, "hireDate");
        assertNothingWritten(() -> hire("9301020001001", "张伟", "男", Stage.PRIMARY, CERT, LocalDate.now(clock).plusDays(1)), null, "hireDate");
    }

    @Test
    void takenStaffNumberIsAConflict() {
        hire("9301020001001", "张伟", "男", Stage.PRIMARY, CERT, HIRED);
        long before = repository.count();
        assertThatThrownBy(() -> hire("9301020001001", "王静", "女", Stage.PRIMARY, CERT, HIRED))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.CONFLICT);
                    assertThat(e.field()).isEqualTo("staffNumber");
                });
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void R01_leavingPostEndsRegistrabilityOnce() {
        Teacher teacher = hire("9301020001001", "张伟", "男", Stage.PRIMARY, CERT, HIRED);
        assertRefused(() -> teachers.leavePost(teacher.getId(), HIRED.minusDays(1)), null, "leftOn");
        assertThat(teacher.inPost()).isTrue();
        teachers.leavePost(teacher.getId(), LocalDate.of(2024, 7, 31));
        assertThat(teacher.inPost()).isFalse();
        assertRefused(() -> teachers.requireRegistrable(teacher.getId()), "R-01", "teacherId");
        assertThatThrownBy(() -> teachers.leavePost(teacher.getId(), LocalDate.of(2024, 8, 1)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.CONFLICT));
        assertThat(teacher.leftPostOn()).isEqualTo(LocalDate.of(2024, 7, 31));
    }

    private Teacher hire(String staffNumber, String name, String gender, Stage stage, String certificate, LocalDate hireDate) {
        return teachers.hire(staffNumber, name, gender, tree.primary().getId(), stage, "语文", certificate, hireDate);
    }

    private void assertNothingWritten(Runnable call, String ruleId, String field) {
        long before = repository.count();
        assertRefused(call, ruleId, field);
        assertThat(repository.count()).isEqualTo(before);
    }

    static void assertRefused(Runnable call, String ruleId, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
            assertThat(e.ruleId()).isEqualTo(ruleId);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
