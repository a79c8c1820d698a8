package cn.shixun.tasks.web;

import cn.shixun.ledger.TeacherStatus;
import cn.shixun.ledger.TeacherStatusQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Where the applicant of a teacher's case stands today (Beijing): each requirement of their
 * profile, met or the hours still missing, as the teacher's own hours page computes it.
 */
@Component
class ApplicantStanding {

    private final TeacherStatusQuery statusQuery;
    private final Clock clock;

    ApplicantStanding(TeacherStatusQuery statusQuery, Clock clock) {
        this.statusQuery = statusQuery;
        this.clock = clock;
    }

    /** The requirements of the teacher, none for a case that is no teacher's. */
    List<TeacherStatus.RequirementStatus> of(Long teacherId) {
        return teacherId == null ? List.of() : statusQuery.statusOf(teacherId, LocalDate.now(clock)).requirements();
    }
}
