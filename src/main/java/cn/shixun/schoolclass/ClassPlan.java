package cn.shixun.schoolclass;

import java.time.LocalDate;

/** The class the school creates for an approved course (Kunming appendix step 3). */
public record ClassPlan(String className, String organiser, String address, String lecturer, String headTeacher,
                        String headTeacherPhone, LocalDate enrolmentStart, LocalDate enrolmentEnd,
                        LocalDate studyStart, LocalDate studyEnd, Integer headcount, String classTime) {
}
