package cn.shixun.exemption;

import cn.shixun.policy.DegreeLevel;
import java.time.LocalDate;

/**
 * The evidence of a degree: where and what was studied, when, the diploma's number and
 * a reference to the stored scan.
 *
 * @param educationRelated whether the major is education-related (R-16: only such a degree exempts)
 * @param studyEnd         the date the degree was obtained
 */
public record Diploma(String institution, DegreeLevel degreeLevel, String major, Boolean educationRelated,
                      LocalDate studyStart, LocalDate studyEnd, String certificateNumber, String diplomaFile) {
}
