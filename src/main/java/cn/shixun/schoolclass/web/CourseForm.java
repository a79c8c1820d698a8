package cn.shixun.schoolclass.web;

import cn.shixun.schoolclass.CourseDesign;
import cn.shixun.schoolclass.CourseType;
import java.math.BigDecimal;

/**
 * The course design as the page posts it (新建 and 修改课程); the domain service checks it. The
 * design document is a file uploaded with the form ({@code design}) or, in {@code designFile},
 * the id of one the school uploaded before.
 */
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

    /** The design with the document {@code fileId} (the one just uploaded, or the one chosen). */
    CourseDesign toDesign(String fileId) {
        return new CourseDesign(courseName, courseType, designedHours, outline, fileId);
    }
}
