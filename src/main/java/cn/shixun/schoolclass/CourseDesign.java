package cn.shixun.schoolclass;

import java.math.BigDecimal;

/**
 * A school-based course as the school designs it (Kunming appendix step 1); the hours are the
 * ones "the course design says", credited through the calculator's caps.
 *
 * @param designFile the id of the design document (plan, schedule): an evidence file of the school
 */
public record CourseDesign(String courseName, CourseType courseType, BigDecimal designedHours, String outline,
                           String designFile) {
}
