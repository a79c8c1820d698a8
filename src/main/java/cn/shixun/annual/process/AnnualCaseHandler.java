package cn.shixun.annual.process;

import cn.shixun.annual.AnnualCasework;
import cn.shixun.annual.AnnualRegistrations;
import cn.shixun.tasks.CaseHandler;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.Decision;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The annual registration's part in the casework: a rejection closes the registration, an
 * approval needs a card with all its evidence, a resubmission is noted. Which step is open is the model's.
 */
@Component
class AnnualCaseHandler implements CaseHandler {

    private final AnnualRegistrations registrations;
    private final AnnualCasework casework;

    AnnualCaseHandler(AnnualRegistrations registrations, AnnualCasework casework) {
        this.registrations = registrations;
        this.casework = casework;
    }

    @Override
    public String processKey() {
        return AnnualRegistrationProcess.PROCESS_ID;
    }

    @Override
    public void decided(CaseTask task, Decision decision, String comment, String actor) {
        casework.decided(Long.valueOf(task.caseId()), decision, comment);
    }

    @Override
    public void submitted(CaseTask task, String actor) {
        casework.resubmitted(Long.valueOf(task.caseId()));
    }

    /** The school the card is registered at: its administrators and registration authority review. */
    @Override
    public Optional<Long> organisationId(String caseId) {
        return Optional.of(registrations.require(Long.valueOf(caseId)).schoolId());
    }

    @Override
    public Optional<String> applicant(String caseId) {
        return Optional.ofNullable(registrations.require(Long.valueOf(caseId)).applicant());
    }

    @Override
    public String summary(String caseId) {
        return casework.summary(Long.valueOf(caseId));
    }

    @Override
    public Optional<Long> teacherId(String caseId) {
        return Optional.of(registrations.require(Long.valueOf(caseId)).teacherId());
    }

    /** The card's case page, where a returned card is amended (UserTask_AmendCard). */
    @Override
    public Optional<String> casePage(String caseId) {
        return Optional.of("/annual-registrations/" + caseId);
    }
}
