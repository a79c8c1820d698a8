package cn.shixun.schoolclass;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RequiredText;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** What a course and a class plan must be, checked before anything is written; each refusal names its field. */
@Component
class SchoolClassChecks {

    private static final int MAX_TEXT = 200;
    private static final int MAX_OUTLINE = 2000;
    private static final int MAX_HEADCOUNT = 500;
    /** A whole Henan cycle: a course designed with more hours than that is a typing error. */
    private static final BigDecimal MAX_DESIGNED_HOURS = new BigDecimal("360");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{7,20}");

    private final EvidenceFiles evidence;
    private final Clock clock;

    SchoolClassChecks(EvidenceFiles evidence, Clock clock) {
        this.evidence = evidence;
        this.clock = clock;
    }

    /** every field of the course; R-40: the design file is one the school itself uploaded (an evidence file). */
    void checkCourse(CourseDesign course, Long schoolId) {
        if (course == null) {
            throw BusinessRuleException.violation("R-35", "courseName", "schoolclass.field-required");
        }
        requireText(course.courseName(), "courseName", MAX_TEXT);
        if (course.courseType() == null) {
            throw BusinessRuleException.violation("R-35", "courseType", "schoolclass.field-required");
        }
        BigDecimal hours = course.designedHours();
        if (hours == null) {
            throw BusinessRuleException.violation("R-35", "designedHours", "schoolclass.field-required");
        }
        if (hours.signum() <= 0 || hours.compareTo(MAX_DESIGNED_HOURS) > 0 || hours.stripTrailingZeros().scale() > 1) {
            throw BusinessRuleException.violation("R-35", "designedHours", "schoolclass.hours-out-of-range",
                    MAX_DESIGNED_HOURS);
        }
        requireText(course.outline(), "outline", MAX_OUTLINE);
        requireText(course.designFile(), "designFile", MAX_TEXT);
        evidence.requireAttachableToOrganisation(course.designFile().strip(), schoolId, "designFile");
    }

    /** every field of the class, dates in order, and a class that has not started yet (approval comes first). */
    void checkPlan(ClassPlan plan) {
        if (plan == null) {
            throw BusinessRuleException.violation("R-35", "className", "schoolclass.field-required");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("className", plan.className());
        texts.put("organiser", plan.organiser());
        texts.put("address", plan.address());
        texts.put("lecturer", plan.lecturer());
        texts.put("headTeacher", plan.headTeacher());
        texts.put("headTeacherPhone", plan.headTeacherPhone());
        texts.put("classTime", plan.classTime());
        texts.forEach((field, value) -> requireText(value, field, MAX_TEXT));
        if (!PHONE.matcher(plan.headTeacherPhone().strip()).matches()) {
            throw BusinessRuleException.violation("R-35", "headTeacherPhone", "schoolclass.phone-invalid");
        }
        Map<String, Object> dates = new LinkedHashMap<>();
        dates.put("enrolmentStart", plan.enrolmentStart());
        dates.put("enrolmentEnd", plan.enrolmentEnd());
        dates.put("studyStart", plan.studyStart());
        dates.put("studyEnd", plan.studyEnd());
        dates.put("headcount", plan.headcount());
        dates.forEach((field, value) -> {
            if (value == null) {
                throw BusinessRuleException.violation("R-35", field, "schoolclass.field-required");
            }
        });
        if (plan.enrolmentEnd().isBefore(plan.enrolmentStart())) {
            throw BusinessRuleException.violation("R-35", "enrolmentEnd", "schoolclass.enrolment-end-before-start");
        }
        if (plan.studyEnd().isBefore(plan.studyStart())) {
            throw BusinessRuleException.violation("R-35", "studyEnd", "schoolclass.study-end-before-start");
        }
        if (plan.enrolmentEnd().isAfter(plan.studyEnd())) {
            throw BusinessRuleException.violation("R-35", "enrolmentEnd", "schoolclass.enrolment-after-study");
        }
        if (plan.studyStart().isBefore(LocalDate.now(clock))) {
            throw BusinessRuleException.violation("R-35", "studyStart", "schoolclass.study-already-started",
                    plan.studyStart());
        }
        if (plan.headcount() < 1 || plan.headcount() > MAX_HEADCOUNT) {
            throw BusinessRuleException.violation("R-35", "headcount", "schoolclass.headcount-out-of-range", MAX_HEADCOUNT);
        }
    }

    private static void requireText(String value, String field, int max) {
        RequiredText.require(value, field, max, "R-35", "schoolclass.field-required", "schoolclass.text-too-long");
    }
}
