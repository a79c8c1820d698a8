package cn.shixun.cycleverification;

import cn.shixun.cycleverification.process.CycleVerificationProcess;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.AccessScope;
import cn.shixun.security.CandidateGroup;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.ReviewRouting;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The five-year cycle verifications as their readers see them: a school declares its
 * teachers whose cycle ended in a period, in batches ({@link VerificationBatches}), one process per
 * teacher; the county re-checks, the city confirms, the province files, each through the casework
 * ({@link VerificationCasework}); the certificate is issued at the end ({@link CertificateIssuing},
 * Here: a verification, who may see it, its history, open tasks and progress, its worklist line.
 */
@Service
@Transactional(readOnly = true)
public class CycleVerifications {

    public static final String PROCESS = CycleVerificationProcess.PROCESS_ID;

    private final CycleVerificationRepository verifications;
    private final Teachers teachers;
    private final Organisations organisations;
    private final ReviewRouting routing;
    private final AccessScope scope;
    private final CaseHistory history;
    private final CaseTasks caseTasks;

    CycleVerifications(CycleVerificationRepository verifications, Teachers teachers, Organisations organisations,
                       ReviewRouting routing, AccessScope scope, CaseHistory history, CaseTasks caseTasks) {
        this.verifications = verifications;
        this.teachers = teachers;
        this.organisations = organisations;
        this.routing = routing;
        this.scope = scope;
        this.history = history;
        this.caseTasks = caseTasks;
    }

    public CycleVerification require(Long id) {
        return verifications.findById(id)
                .orElseThrow(() -> BusinessRuleException.notFound("id", "cycleverification.not-found", id));
    }

    /**
     * The verification if the account may see it: the teacher it is about, an account whose
     * scope covers the school, or a reviewer of one of its levels. Otherwise "not found".
     */
    public CycleVerification requireVisibleTo(Long id, CurrentAccount account) {
        CycleVerification verification = require(id);
        boolean visible = account.isTeacher() ? verification.teacherId().equals(account.teacherId())
                : scope.covers(account, verification.schoolId()) || routing.groupOf(account).map(CandidateGroup::id).filter(group ->
                        group.equals(verification.countyGroup()) || group.equals(verification.cityGroup())
                                || group.equals(verification.provinceGroup())).isPresent();
        if (!visible) {
            throw BusinessRuleException.notFound("id", "cycleverification.not-found", id);
        }
        return verification;
    }

    public List<CycleVerification> ofBatch(Long batchId) {
        return verifications.findByBatchIdOrderByIdAsc(batchId);
    }

    public List<CycleVerification> ofTeacher(Long teacherId) {
        return verifications.findByTeacherIdOrderByIdAsc(teacherId);
    }

    public List<CaseEvent> history(Long id) {
        return history.of(PROCESS, String.valueOf(id));
    }

    public Optional<CaseTask> openTask(Long id) {
        return caseTasks.openTask(PROCESS, String.valueOf(id));
    }

    /** The verification's open tasks, oldest first: a view reads them once for its open task and its progress. */
    public List<CaseTask> openTasks(Long id) {
        return caseTasks.openTasks(PROCESS, String.valueOf(id));
    }

    /** The open tasks of each of the verifications, by id, from one task query (a batch's rows need their ids). */
    public Map<Long, List<CaseTask>> openTasksOf(Collection<CycleVerification> list) {
        return caseTasks.openTasksOf(PROCESS, list.stream().map(CycleVerification::getId).toList());
    }

    /** Where each of the verifications stands, by id, from one read of their open tasks (a list page's rows). */
    public Map<Long, CaseProgress> progressOf(Collection<CycleVerification> list) {
        return caseTasks.progressOf(PROCESS, list.stream().map(CycleVerification::getId).toList());
    }

    /**
     * One line for a reviewer's worklist: who, which school, the cycle and its hours, and whether they are
     * short; what exactly is missing is on the case page (a worklist line must stay short).
     */
    public String summary(Long id) {
        return verifications.findById(id).map(v -> teacherName(v) + "（"
                + organisations.find(v.schoolId()).map(Organisation::name).orElse("") + "）周期 " + v.cycleStart()
                + " 至 " + v.cycleEnd() + "，总学时 " + v.totalHours().toPlainString() + "，其中校本研修 "
                + v.schoolBasedHours().toPlainString() + (v.hoursMet() ? "，已达到周期要求" : "，学时不足"))
                .orElse(String.valueOf(id));
    }

    String teacherName(CycleVerification verification) {
        return teachers.find(verification.teacherId()).map(Teacher::name).orElse(String.valueOf(verification.teacherId()));
    }

    static String hoursLine(CycleVerification v) {
        return "周期 " + v.cycleStart() + " 至 " + v.cycleEnd() + "，总学时 " + v.totalHours().toPlainString()
                + "，其中校本研修 " + v.schoolBasedHours().toPlainString()
                + (v.hoursMet() ? "，已达到周期要求" : "；学时不足：" + v.missing());
    }
}
