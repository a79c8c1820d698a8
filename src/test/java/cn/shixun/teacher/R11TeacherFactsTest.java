package cn.shixun.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.organisation.Stage;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * R-11 (and the R-09 principal fact): what a teacher's hire and appointment dates say about what is
 * owed. When a new teacher's hours start to count and the five years of the 360 are cycle arithmetic:
 * {@code policy.CyclesTest}.
 */
class R11TeacherFactsTest {

    static Teacher hiredOn(LocalDate hireDate) {
        return new Teacher("9999999999001", "王芳", "女", 1L, Stage.PRIMARY, "语文", "20164101123456789", hireDate);
    }

    @Test
    void R11_newTeacherDuringTheFirstYearAfterHire() {
        Teacher teacher = hiredOn(LocalDate.of(2026, 9, 1));
        assertThat(teacher.isNewTeacherOn(LocalDate.of(2026, 8, 31))).isFalse();
        assertThat(teacher.isNewTeacherOn(LocalDate.of(2026, 9, 1))).isTrue();
        assertThat(teacher.isNewTeacherOn(LocalDate.of(2027, 8, 31))).isTrue();
        assertThat(teacher.isNewTeacherOn(LocalDate.of(2027, 9, 1))).isFalse();
    }

    @Test
    void R09_newPrincipalDuringTheFirstYearAfterAppointment() {
        Teacher teacher = hiredOn(LocalDate.of(2001, 9, 1));
        assertThat(teacher.isNewPrincipalOn(LocalDate.of(2026, 1, 1))).isFalse();
        teacher.appointPrincipal(LocalDate.of(2025, 9, 1));
        assertThat(teacher.isNewPrincipalOn(LocalDate.of(2026, 8, 31))).isTrue();
        assertThat(teacher.isNewPrincipalOn(LocalDate.of(2026, 9, 1))).isFalse();
    }

    @Test
    void R01_onlyInPostTeachersWithACertificateAreRegistrable() {
        Teacher teacher = hiredOn(LocalDate.of(2010, 9, 1));
        assertThat(teacher.isRegistrable()).isTrue();
        Teacher withoutCertificate = new Teacher("9999999999002", "李强", "男", 1L, Stage.PRIMARY, "数学", null, LocalDate.of(2010, 9, 1));
        assertThat(withoutCertificate.isRegistrable()).isFalse();
        teacher.leavePost(LocalDate.of(2025, 7, 1));
        assertThat(teacher.isRegistrable()).isFalse();
        assertThat(teacher.leftPostOn()).isEqualTo(LocalDate.of(2025, 7, 1));
    }
}
