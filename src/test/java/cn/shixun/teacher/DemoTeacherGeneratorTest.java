package cn.shixun.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.organisation.Stage;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoTeacherGeneratorTest {

    static final List<DemoTeacherGenerator.SchoolToStaff> SCHOOLS = List.of(
            new DemoTeacherGenerator.SchoolToStaff(1L, "4101050001", Set.of(Stage.PRIMARY), true),
            new DemoTeacherGenerator.SchoolToStaff(2L, "5301020003", EnumSet.of(Stage.JUNIOR_MIDDLE, Stage.SENIOR_HIGH), false));

    @Test
    void everyRunProducesTheSameTeachers() {
        List<String> first = DemoTeacherGenerator.generate(SCHOOLS).stream().map(DemoTeacherGeneratorTest::describe).toList();
        List<String> second = DemoTeacherGenerator.generate(SCHOOLS).stream().map(DemoTeacherGeneratorTest::describe).toList();
        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Test
    void staffNumbersAreSchoolCodePlusSequenceAndStagesAlternate() {
        List<Teacher> teachers = DemoTeacherGenerator.generate(SCHOOLS);
        assertThat(teachers.get(0).staffNumber()).isEqualTo("4101050001001");
        List<Teacher> middle = teachers.stream().filter(t -> t.schoolId() == 2L).toList();
        assertThat(middle).extracting(Teacher::stage).contains(Stage.JUNIOR_MIDDLE, Stage.SENIOR_HIGH);
        assertThat(middle.get(0).staffNumber()).isEqualTo("5301020003001");
        assertThat(teachers).allSatisfy(t -> {
            assertThat(t.name()).hasSizeBetween(2, 3);
            if (t.qualificationCertificateNumber() != null) {
                assertThat(t.qualificationCertificateNumber()).matches("(19|20)\\d{15}");
            }
        });
    }

    private static String describe(Teacher t) {
        return String.join("|", t.staffNumber(), t.name(), t.gender(), t.stage().name(), t.subject(),
                String.valueOf(t.qualificationCertificateNumber()), t.hireDate().toString(),
                String.valueOf(t.lastCertificateIssuedOn()), String.valueOf(t.principalAppointedOn()));
    }
}
