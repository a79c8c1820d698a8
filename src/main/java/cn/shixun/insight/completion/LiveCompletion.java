package cn.shixun.insight.completion;

import cn.shixun.ledger.SchoolStatusQuery;
import cn.shixun.ledger.TeacherStatus;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's completion computed from the ledger: its staff on the date, one bulk status
 * query for them ({@link SchoolStatusQuery}), {@link CompletionRule} per teacher. Nothing is kept
 * here: the tables keep figures in the database ({@link CurrentCompletion}), where a write on any
 * node marks them out of date.
 */
@Service
@Transactional(readOnly = true)
class LiveCompletion {

    private final Teachers teachers;
    private final SchoolStatusQuery statuses;

    LiveCompletion(Teachers teachers, SchoolStatusQuery statuses) {
        this.teachers = teachers;
        this.statuses = statuses;
    }

    /** The school's result on {@code date}, computed now from the ledger. */
    SchoolResult fresh(Long schoolId, Basis basis, LocalDate date) {
        List<Teacher> staff = teachers.atSchoolOn(schoolId, date);
        Map<Long, TeacherStatus> byTeacher = statuses.statusesAt(schoolId, staff, date);
        List<Standing> standings = new ArrayList<>();
        List<ShortTeacher> shortTeachers = new ArrayList<>();
        for (Teacher teacher : staff) {
            Standing standing = CompletionRule.standing(new CompletionRule.Facts(certified(teacher), teacher.inPost(),
                    teacher.leftPostOn()), byTeacher.get(teacher.getId()), basis, date);
            standings.add(standing);
            if (standing.kind() == Standing.Kind.SHORT) {
                shortTeachers.add(new ShortTeacher(teacher.getId(), teacher.staffNumber(), teacher.name(),
                        standing.shortfalls()));
            }
        }
        return new SchoolResult(schoolId, date, CompletionRule.figures(standings), shortTeachers,
                SchoolResult.Source.LEDGER, null);
    }

    private static boolean certified(Teacher teacher) {
        return teacher.qualificationCertificateNumber() != null && !teacher.qualificationCertificateNumber().isBlank();
    }
}
