package cn.shixun.insight.completion;

import cn.shixun.ledger.SchoolStatusQuery;
import cn.shixun.ledger.TeacherStatus;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's completion computed from the ledger: its staff on the date, one bulk status
 * query for them ({@link SchoolStatusQuery}), {@link CompletionRule} per teacher. A result is
 * kept for {@code shixun.completion.cache} (5 minutes) so that a city's table, which adds up
 * every school, is not recomputed on every page view; {@link #fresh} bypasses it.
 */
@Service
@Transactional(readOnly = true)
class LiveCompletion {

    /** Results kept at most; past it the cache starts again, so memory stays bounded at a province's size. */
    private static final int MAX_KEPT = 20_000;

    private record Key(Long schoolId, Basis basis, LocalDate date) {
    }

    private record Kept(SchoolResult result, long at) {
    }

    private final Teachers teachers;
    private final SchoolStatusQuery statuses;
    private final long keepNanos;
    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

    LiveCompletion(Teachers teachers, SchoolStatusQuery statuses,
                   @Value("${shixun.completion.cache:PT5M}") Duration keep) {
        this.teachers = teachers;
        this.statuses = statuses;
        this.keepNanos = keep.toNanos();
    }

    SchoolResult result(Long schoolId, Basis basis, LocalDate date) {
        Key key = new Key(schoolId, basis, date);
        long now = System.nanoTime();
        Kept known = kept.get(key);
        if (known != null && now - known.at() < keepNanos) {
            return known.result();
        }
        SchoolResult result = fresh(schoolId, basis, date);
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(key, new Kept(result, now));
        return result;
    }

    /** Computed now, whatever is kept: what a snapshot records. */
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
