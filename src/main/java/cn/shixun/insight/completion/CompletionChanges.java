package cn.shixun.insight.completion;

import cn.shixun.ledger.HoursChanged;
import cn.shixun.teacher.TeacherTransfer;
import cn.shixun.teacher.TeacherChanged;
import cn.shixun.teacher.Teachers;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Marks the stored results of a teacher's schools out of date when the teacher's hours or record
 * change. Called synchronously, in the transaction of the write: the mark commits with it or not
 * at all. Every school the teacher has been at, since a past date's table counts them where they
 * were then.
 */
@Component
class CompletionChanges {

    private final Teachers teachers;
    private final CurrentStore store;

    CompletionChanges(Teachers teachers, CurrentStore store) {
        this.teachers = teachers;
        this.store = store;
    }

    @EventListener
    void hoursChanged(HoursChanged change) {
        markSchoolsOf(change.teacherId());
    }

    @EventListener
    void teacherChanged(TeacherChanged change) {
        markSchoolsOf(change.teacherId());
    }

    private void markSchoolsOf(Long teacherId) {
        Set<Long> schools = new TreeSet<>();
        schools.add(teachers.require(teacherId).schoolId());
        for (TeacherTransfer transfer : teachers.transfers(teacherId)) {
            schools.add(transfer.fromSchoolId());
            schools.add(transfer.toSchoolId());
        }
        store.markChanged(schools);
    }
}
