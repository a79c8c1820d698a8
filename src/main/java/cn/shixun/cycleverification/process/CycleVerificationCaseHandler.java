package cn.shixun.cycleverification.process;

import cn.shixun.cycleverification.CycleVerifications;
import cn.shixun.cycleverification.VerificationCasework;
import cn.shixun.security.CandidateGroup;
import cn.shixun.tasks.CaseHandler;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.Decision;
import cn.shixun.tasks.ReviewRouting;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How {@code cycleVerification} takes part in the casework: a decision or a resubmission is passed on
 * to the verification whichever step it was; which step comes next is the model's (docs/casework.md §3a).
 */
@Component
class CycleVerificationCaseHandler implements CaseHandler {

    private final CycleVerifications verifications;
    private final VerificationCasework casework;
    private final ReviewRouting routing;

    CycleVerificationCaseHandler(CycleVerifications verifications, VerificationCasework casework,
                                 ReviewRouting routing) {
        this.verifications = verifications;
        this.casework = casework;
        this.routing = routing;
    }

    @Override
    public String processKey() {
        return CycleVerificationProcess.PROCESS_ID;
    }

    @Override
    public void decided(CaseTask task, Decision decision, String comment, String actor) {
        casework.decided(Long.valueOf(task.caseId()), decision, comment);
    }

    @Override
    public void submitted(CaseTask task, String actor) {
        casework.resubmitted(Long.valueOf(task.caseId()), task.taskKey());
    }

    /** The declaring school: its county (if any), city and province review. */
    @Override
    public Optional<Long> organisationId(String caseId) {
        return Optional.of(verifications.require(Long.valueOf(caseId)).schoolId());
    }

    /** The declaring school's administrators, who amend a returned declaration. */
    @Override
    public Optional<CandidateGroup> submitters(String caseId) {
        return organisationId(caseId).map(routing::schoolReview);
    }

    @Override
    public String summary(String caseId) {
        return verifications.summary(Long.valueOf(caseId));
    }

    @Override
    public Optional<Long> teacherId(String caseId) {
        return Optional.of(verifications.require(Long.valueOf(caseId)).teacherId());
    }

    /** The verification's case page, where the school amends a returned case (its submission step). */
    @Override
    public Optional<String> casePage(String caseId) {
        return Optional.of("/cycle-verifications/" + caseId);
    }
}
