package cn.shixun.teacher.web;

import cn.shixun.organisation.Stage;
import cn.shixun.teacher.Teacher;
import java.time.LocalDate;

/** A teacher as the API shows it, with the derived facts of as of today. */
record TeacherView(Long id, String staffNumber, String name, String gender, Long schoolId, String schoolName, Stage stage,
                   String subject, String qualificationCertificateNumber, LocalDate hireDate,
                   LocalDate lastCertificateIssuedOn, LocalDate principalAppointedOn, boolean inPost, LocalDate leftPostOn,
                   boolean registrable, boolean newTeacher, boolean newPrincipal) {

    static TeacherView of(Teacher t, String schoolName, LocalDate today) {
        return new TeacherView(t.getId(), t.staffNumber(), t.name(), t.gender(), t.schoolId(), schoolName, t.stage(),
                t.subject(), t.qualificationCertificateNumber(), t.hireDate(), t.lastCertificateIssuedOn(),
                t.principalAppointedOn(), t.inPost(), t.leftPostOn(), t.isRegistrable(), t.isNewTeacherOn(today),
                t.isNewPrincipalOn(today));
    }
}
