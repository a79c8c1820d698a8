package cn.shixun.processowner.testcases;

import cn.shixun.ledger.StatusArithmetic;
import cn.shixun.organisation.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One example a profile's figures are checked against: a teacher, the hours credited to him, and
 * the standing the notice gives him on {@code asOf}, per requirement code (e.g. {@code YEAR_TOTAL}).
 * Only the requirements named in {@code expected} are checked, so a case states what its rule says
 * and nothing it does not.
 *
 * @param seedKey the key of a case imported from the repository's seeds, null for one a process owner added
 */
public record PolicyTestCase(Long id, String profileCode, String seedKey, String name, LocalDate asOf,
                             TeacherFacts teacher, List<StatusArithmetic.Entry> entries,
                             Map<String, Expectation> expected, int lockVersion) {

    /** What the policy reads about a teacher: the city picks regional rows, the dates start cycles and first years. */
    public record TeacherFacts(String cityCode, Stage stage, LocalDate hireDate, LocalDate lastCertificateIssuedOn,
                               LocalDate principalAppointedOn) {
    }

    /**
     * The standing expected for one requirement.
     *
     * @param missing the hours still missing; null when only met / not met is stated
     */
    public record Expectation(boolean met, BigDecimal missing) {
    }
}
