package cn.shixun.exemption.web;

import cn.shixun.exemption.Diploma;
import cn.shixun.policy.DegreeLevel;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The diploma fields of the application and amendment forms as typed, so that a refused form
 * comes back with them. The scan is a new upload (a separate multipart part) or
 * {@code existingFile}, the id of one of the teacher's earlier evidence files.
 */
record DiplomaForm(String institution, DegreeLevel degreeLevel, String major, Boolean educationRelated,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate studyStart,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate studyEnd, String certificateNumber,
                   String existingFile) {

    static DiplomaForm empty() {
        return new DiplomaForm(null, null, null, null, null, null, null, null);
    }

    /** The current diploma, for the amendment form; its scan is offered as the file to keep. */
    static DiplomaForm of(Diploma diploma) {
        return new DiplomaForm(diploma.institution(), diploma.degreeLevel(), diploma.major(), diploma.educationRelated(),
                diploma.studyStart(), diploma.studyEnd(), diploma.certificateNumber(), diploma.diplomaFile());
    }

    Diploma toDiploma(String diplomaFile) {
        return new Diploma(institution, degreeLevel, major, educationRelated, studyStart, studyEnd, certificateNumber,
                diplomaFile);
    }
}
