package cn.shixun.teacher;

import static cn.shixun.teacher.R01TeacherHiringTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/** a teacher moves between schools; the history is kept and bad moves change nothing. */
@SpringBootTest
@Transactional
class R37TeacherTransferTest {

    @Autowired Clock clock;
    @Autowired
    Teachers teachers;

    @Autowired
    Organisations organisations;

    @Autowired
    TeacherTransferRepository transfers;

    TeacherFixture tree;
    Teacher teacher;

    @BeforeEach
    void hire() {
        tree = TeacherFixture.create(organisations, "94");
        teacher = teachers.hire("9401020001001", "陈静", "女", tree.primary().getId(), Stage.PRIMARY, "语文",
                "20104101123456789", LocalDate.of(2010, 9, 1));
    }

    @Test
    void R37_transferMovesTheTeacherAndKeepsTheHistory() {
        TeacherTransfer move = teachers.transfer(teacher.getId(), tree.otherPrimary().getId(), LocalDate.of(2020, 9, 1), "county-admin");
        assertThat(move.fromSchoolId()).isEqualTo(tree.primary().getId());
        assertThat(move.toSchoolId()).isEqualTo(tree.otherPrimary().getId());
        assertThat(move.recordedBy()).isEqualTo("county-admin");
        assertThat(move.recordedAt()).isNotNull();
        assertThat(teachers.require(teacher.getId()).schoolId()).isEqualTo(tree.otherPrimary().getId());

        teachers.transfer(teacher.getId(), tree.primary().getId(), LocalDate.of(2023, 2, 15), "county-admin");
        assertThat(teachers.transfers(teacher.getId())).extracting(TeacherTransfer::effectiveOn)
                .containsExactly(LocalDate.of(2020, 9, 1), LocalDate.of(2023, 2, 15));
    }

    @Test
    void R37_aSchoolsStaffOnADateFollowsTheTransfersMadeBeforeAndAfterIt() {
        Long first = tree.primary().getId();
        Long second = tree.otherPrimary().getId();
        teachers.transfer(teacher.getId(), second, LocalDate.of(2020, 9, 1), "county-admin");
        teachers.transfer(teacher.getId(), first, LocalDate.of(2023, 2, 15), "county-admin");

        assertThat(teachers.atSchoolOn(first, LocalDate.of(2020, 8, 31))).extracting(Teacher::getId).contains(teacher.getId());
        assertThat(teachers.atSchoolOn(second, LocalDate.of(2020, 8, 31))).extracting(Teacher::getId).doesNotContain(teacher.getId());
        assertThat(teachers.atSchoolOn(second, LocalDate.of(2022, 12, 31))).extracting(Teacher::getId).contains(teacher.getId());
        assertThat(teachers.atSchoolOn(first, LocalDate.of(2022, 12, 31))).extracting(Teacher::getId).doesNotContain(teacher.getId());
        assertThat(teachers.atSchoolOn(first, LocalDate.of(2023, 2, 15))).extracting(Teacher::getId).contains(teacher.getId());
        assertThat(teachers.atSchoolOn(first, LocalDate.of(2010, 8, 31))).as("not hired yet").isEmpty();
    }

    @Test
    void R37_refusedForTheSameUnknownOrUnsuitableSchool() {
        assertUnchanged(() -> teachers.transfer(teacher.getId(), tree.primary().getId(), LocalDate.of(2020, 9, 1), "admin"), "R-37", "toSchoolId");
        assertUnchanged(() -> teachers.transfer(teacher.getId(), tree.middle().getId(), LocalDate.of(2020, 9, 1), "admin"), "R-37", "toSchoolId");
        assertUnchanged(() -> teachers.transfer(teacher.getId(), tree.county().getId(), LocalDate.of(2020, 9, 1), "admin"), "R-02", "toSchoolId");
        assertUnchanged(() -> teachers.transfer(teacher.getId(), -1L, LocalDate.of(2020, 9, 1), "admin"), null, "toSchoolId");
        assertUnchanged(() -> teachers.transfer(teacher.getId(), null, LocalDate.of(2020, 9, 1), "admin"), "R-37", "toSchoolId");
    }

    @Test
    void R37_refusedForDatesBeforeHireBeforeTheLastTransferOrInTheFuture() {
        Long other = tree.otherPrimary().getId();
        assertUnchanged(() -> teachers.transfer(teacher.getId(), other, LocalDate.of(2010, 8, 31), "admin"), "R-37", "effectiveOn");
        assertUnchanged(() -> teachers.transfer(teacher.getId(), other, LocalDate.now(clock).plusDays(1), "admin"), "R-37", "effectiveOn");
        assertUnchanged(() -> teachers.transfer(teacher.getId(), other, null, "admin"), "R-37", "effectiveOn");
        assertUnchanged(() -> teachers.transfer(teacher.getId(), other, LocalDate.of(2020, 9, 1), " "), "R-40", "recordedBy");

        teachers.transfer(teacher.getId(), other, LocalDate.of(2020, 9, 1), "admin");
        assertUnchanged(() -> teachers.transfer(teacher.getId(), tree.primary().getId(), LocalDate.of(2019, 9, 1), "admin"),
                "R-37", "effectiveOn");
        assertThat(teachers.require(teacher.getId()).schoolId()).isEqualTo(other);
    }

    @Test
    void R37_teacherWhoLeftPostCannotMove() {
        teachers.leavePost(teacher.getId(), LocalDate.of(2024, 7, 1));
        assertUnchanged(() -> teachers.transfer(teacher.getId(), tree.otherPrimary().getId(), LocalDate.of(2024, 9, 1), "admin"),
                "R-37", "teacherId");
    }

    private void assertUnchanged(Runnable call, String ruleId, String field) {
        long before = transfers.count();
        Long school = teachers.require(teacher.getId()).schoolId();
        assertRefused(call, ruleId, field);
        assertThat(transfers.count()).isEqualTo(before);
        assertThat(teachers.require(teacher.getId()).schoolId()).isEqualTo(school);
    }
}
