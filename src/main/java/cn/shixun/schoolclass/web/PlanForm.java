package cn.shixun.schoolclass.web;

import cn.shixun.schoolclass.ClassPlan;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** The class plan (创建班级) as the page posts it; the domain service checks it. */
record PlanForm(String className, String organiser, String address, String lecturer, String headTeacher,
                String headTeacherPhone, @DateTimeFormat(iso = ISO.DATE) LocalDate enrolmentStart,
                @DateTimeFormat(iso = ISO.DATE) LocalDate enrolmentEnd,
                @DateTimeFormat(iso = ISO.DATE) LocalDate studyStart,
                @DateTimeFormat(iso = ISO.DATE) LocalDate studyEnd, Integer headcount, String classTime) {

    static final List<String> FIELDS = List.of("className", "organiser", "address", "lecturer", "headTeacher",
            "headTeacherPhone", "enrolmentStart", "enrolmentEnd", "studyStart", "studyEnd", "headcount", "classTime");

    static PlanForm of(ClassPlan plan) {
        if (plan == null) {
            return new PlanForm(null, null, null, null, null, null, null, null, null, null, null, null);
        }
        return new PlanForm(plan.className(), plan.organiser(), plan.address(), plan.lecturer(), plan.headTeacher(),
                plan.headTeacherPhone(), plan.enrolmentStart(), plan.enrolmentEnd(), plan.studyStart(), plan.studyEnd(),
                plan.headcount(), plan.classTime());
    }

    ClassPlan toPlan() {
        return new ClassPlan(className, organiser, address, lecturer, headTeacher, headTeacherPhone, enrolmentStart,
                enrolmentEnd, studyStart, studyEnd, headcount, classTime);
    }
}
