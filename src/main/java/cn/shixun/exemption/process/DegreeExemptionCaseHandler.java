package cn.shixun.exemption.process;

import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.tasks.CaseHandler;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.Decision;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves an application on when one of its tasks is completed, from our API, our pages or
 * Camunda Tasklist alike: the casework has already checked who acts and recorded the step.
 */
@Component
class DegreeExemptionCaseHandler implements CaseHandler {

    private static final Logger log = LoggerFactory.getLogger(DegreeExemptionCaseHandler.class);

    private final DegreeExemptions exemptions;

    DegreeExemptionCaseHandler(DegreeExemptions exemptions) {
        this.exemptions = exemptions;
    }

    @Override
    public String processKey() {
        return DegreeExemptionProcess.PROCESS_ID;
    }

    @Override
    public void decided(CaseTask task, Decision decision, String comment, String actor) {
        exemptions.decided(Long.valueOf(task.caseId()), decision, comment);
        log.info("Degree exemption {}: {} decided {} at {}", task.caseId(), actor, decision, task.taskKey());
    }

    @Override
    public void submitted(CaseTask task, String actor) {
        exemptions.submitted(Long.valueOf(task.caseId()));
    }

    /** The teacher's school when they applied: its administrators and registration authority review. */
    @Override
    public Optional<Long> organisationId(String caseId) {
        return Optional.of(exemptions.require(Long.valueOf(caseId)).schoolId());
    }

    @Override
    public Optional<String> applicant(String caseId) {
        return Optional.ofNullable(exemptions.require(Long.valueOf(caseId)).applicant());
    }

    @Override
    public String summary(String caseId) {
        return exemptions.summary(Long.valueOf(caseId));
    }

    @Override
    public Optional<Long> teacherId(String caseId) {
        return Optional.of(exemptions.require(Long.valueOf(caseId)).teacherId());
    }

    /** The case page: the diploma and its scan for reviewers, the amendment form for the teacher when returned. */
    @Override
    public Optional<String> casePage(String caseId) {
        return Optional.of("/exemptions/" + caseId);
    }
}
