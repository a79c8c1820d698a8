package cn.shixun.policy;

import cn.shixun.organisation.Stage;
import cn.shixun.teacher.Teacher;
import java.time.LocalDate;

/**
 * What the policy needs to know about one teacher on one date: the profile version in force,
 * the city (for region-specific rows) and the dates that start cycles and first-year duties.
 */
public record TeacherPolicy(Long teacherId, PolicyProfile profile, String cityCode, Stage stage, LocalDate hireDate,
                            LocalDate lastCertificateIssuedOn, LocalDate principalAppointedOn) {

    public PolicyKey key() {
        return PolicyKey.of(profile, cityCode);
    }

    /** The same school's policy on the same date for a colleague: profile and city are the school's, the dates the teacher's. */
    public TeacherPolicy forColleague(Teacher colleague) {
        return new TeacherPolicy(colleague.getId(), profile, cityCode, colleague.stage(), colleague.hireDate(),
                colleague.lastCertificateIssuedOn(), colleague.principalAppointedOn());
    }
}
