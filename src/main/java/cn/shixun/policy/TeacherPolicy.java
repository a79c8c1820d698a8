package cn.shixun.policy;

import cn.shixun.organisation.Stage;
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
}
