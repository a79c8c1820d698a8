package cn.shixun.countyplan;

import cn.shixun.countyplan.process.CountyPlanProcess;
import cn.shixun.ledger.Evidence;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseCredits;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.Decision;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the {@code countyPlanFiling} process does to a plan: a decision of the city, a
 * submission sent on, the filing, and the participants' hours registered. Which step comes next
 * is the model's; the record keeps only whether the plan is filed and how it ended.
 */
@Service
@Transactional(readOnly = true)
public class CountyPlanCasework {

    private static final Logger log = LoggerFactory.getLogger(CountyPlanCasework.class);
    private static final String PROCESS = CountyPlans.PROCESS;

    private final CountyPlans plans;
    private final Organisations organisations;
    private final CaseCredits credits;
    private final CaseHistory history;

    CountyPlanCasework(CountyPlans plans, Organisations organisations, CaseCredits credits, CaseHistory history) {
        this.plans = plans;
        this.organisations = organisations;
        this.credits = credits;
        this.history = history;
    }

    /**
     * The casework: a reviewer decided (already checked and recorded, R-40). A rejection ends the
     * plan — before its filing the year's plan is not filed and the county may file again; after
     * it, the filed plan stands and its summary is what was rejected. Any other decision: the
     * model says which step comes next.
     */
    @Transactional
    public void decided(Long id, Decision decision, String comment) {
        CountyPlan plan = plans.require(id);
        Instant now = Instant.now();
        if (decision != Decision.REJECT) {
            plan.stepDone(now);
        } else {
            plan.closed(plan.isFiled() ? PlanStatus.SUMMARY_REJECTED : PlanStatus.REJECTED, comment, now);
        }
    }

    /**
     * The casework: a submission was sent on — always through {@link CountyPlans}, which took its data
     * first (the handler refuses any other way, {@code takesSubmissionsOnItsPages}).
     */
    @Transactional
    public void submitted(Long id) {
        plans.require(id).stepDone(Instant.now());
    }

    /** {@code ServiceTask_FilePlan}: reviewed by the city and filed with the HR bureau — the plan is filed and may run. */
    @Transactional
    public void markFiled(Long id) {
        CountyPlan plan = plans.require(id);
        plan.filed(Instant.now());
        history.record(PROCESS, caseId(plan), CountyPlanProcess.FILE_PLAN, "计划备案", CaseOutcome.COMPLETED,
                "已备案（" + plan.hrBureau() + " 回执 " + plan.hrReceiptNumber() + "），各项目可以实施", CaseHistory.SYSTEM);
    }

    /**
     * Registers every participant's hours of the audited summary in the ledger: the hours come
     * from the teacher's policy profile for a bureau training with the hours delivered stated
     * never from the plan itself; the auditor is the decider. Each teacher is
     * written in a transaction of its own, so one refusal (R-01, evidence already registered)
     * is recorded against that teacher without holding back the others. When nobody could be
     * registered the plan ends as refused and the refusal is thrown for the process's error path.
     */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    public int registerHours(Long id) {
        CountyPlan plan = plans.require(id);
        CaseCredits.Step step = credits.step(PROCESS, caseId(plan), CountyPlanProcess.REGISTER_HOURS, "登记学时");
        String countyName = organisations.require(plan.countyId(), "countyId").name();
        int registered = 0;
        int refused = 0;
        for (PlanProject project : plan.projects()) {
            Claim claim = Claim.of(ClaimKind.BUREAU_TRAINING, project.trainingEnd()).from(project.trainingStart())
                    .hours(project.deliveredHours().toPlainString()).approved(true)
                    .title(countyName + plan.year() + "年县级培训：" + project.name()).build();
            Evidence evidence = Evidence.project(PROCESS + "/" + plan.getId(), project.evidenceNumber(plan.getId()),
                    project.signInSheet());
            for (Participant participant : project.participantsForUpdate()) {
                if (participant.ledgerEntryId() != null) {
                    registered++;
                    continue;
                }
                boolean written = credits.creditEach(step, new CaseCredits.Credit(participant.teacherId(), claim, evidence),
                        () -> project.name() + "：" + participant.staffNumber() + " ",
                        entry -> participant.registered(entry.getId()), participant::refused).isPresent();
                if (written) {
                    registered++;
                } else {
                    refused++;
                }
            }
        }
        Instant now = Instant.now();
        if (registered == 0) {
            plan.closed(PlanStatus.REGISTRATION_REFUSED, "所有参训教师的学时均被拒绝登记", now);
            log.warn("County plan {}: the ledger refused every participant ({})", id, refused);
            throw BusinessRuleException.conflict("R-40", "participants", "countyplan.nobody-registered", id);
        }
        plan.registered(now);
        history.record(PROCESS, caseId(plan), CountyPlanProcess.REGISTER_HOURS, "登记学时", CaseOutcome.COMPLETED,
                "已为 " + registered + " 人次登记学时" + (refused > 0 ? "，" + refused + " 人次被拒（见上）" : ""),
                CaseHistory.SYSTEM);
        log.info("County plan {}: {} registrations written, {} refused", id, registered, refused);
        return registered;
    }

    private static String caseId(CountyPlan plan) {
        return String.valueOf(plan.getId());
    }
}
