package cn.shixun.insight.completion;

import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Kunming schools (72 hours a year, R-09) in 五华区 for the completion tests: a school of {@code met}
 * teachers with 72 hours in 2025 and {@code short} with 40, all hired in 2010 and certified.
 */
final class CompletionFixture {

    /** A school made for a test and its teachers, the short ones last. */
    record School(Organisation organisation, List<Teacher> teachers) {

        Teacher lastShort() {
            return teachers.get(teachers.size() - 1);
        }
    }

    private final Organisations organisations;
    private final Teachers teachers;
    private final Ledger ledger;

    CompletionFixture(Organisations organisations, Teachers teachers, Ledger ledger) {
        this.organisations = organisations;
        this.teachers = teachers;
        this.ledger = ledger;
    }

    Organisation wuhua() {
        return organisations.findByCode("530102").orElseThrow();
    }

    School school(String code, int met, int shortCount) {
        Organisation county = wuhua();
        Organisation school = organisations.createSchool(code, "测试完成情况小学" + code, county.getId(),
                EnumSet.of(Stage.PRIMARY), SchoolKind.COUNTY_SCHOOL, county.getId());
        List<Teacher> staff = new ArrayList<>();
        for (int i = 1; i <= met + shortCount; i++) {
            String staffNumber = code + String.format("%03d", i);
            Teacher teacher = teachers.hire(staffNumber, "测试教师" + staffNumber.substring(6), i % 2 == 0 ? "女" : "男",
                    school.getId(), Stage.PRIMARY, "语文", "2010" + staffNumber.substring(3), LocalDate.of(2010, 9, 1));
            credit(teacher, LocalDate.of(2025, 6, 30), i <= met ? "72" : "40", "Y2025-" + staffNumber);
            staff.add(teacher);
        }
        return new School(school, staff);
    }

    void credit(Teacher teacher, LocalDate on, String hours, String certificate) {
        ledger.register(teacher.getId(), Claim.of(ClaimKind.BUREAU_TRAINING, on).title("区级学科培训").hours(hours).approved(true).build(),
                Evidence.project("test-" + certificate, certificate), "test");
    }
}
