package cn.shixun.schoolclass.web;

import cn.shixun.schoolclass.CourseDesign;
import cn.shixun.schoolclass.CourseType;
import java.math.BigDecimal;

/** The course design as the page posts it (新建 and 修改课程); the domain service checks it. */
record CourseForm(String courseName, CourseType courseType, BigDecimal designedHours, String outline,
                  String designFile) {

    static final java.util.List<String> FIELDS = java.util.List.of("courseName", "courseType", "designedHours",
            "outline", "designFile");

    static CourseForm empty() {
        return new CourseForm(null, null, null, null, null);
    }

    static CourseForm of(CourseDesign course) {
        return new CourseForm(course.courseName(), course.courseType(), course.designedHours(), course.outline(),
                course.designFile());
    }

    CourseDesign toDesign() {
        return new CourseDesign(courseName, courseType, designedHours, outline, designFile);
    }
}
