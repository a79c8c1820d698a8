package cn.shixun.annual;

import cn.shixun.annual.process.AnnualRegistrationProcess;
import cn.shixun.ledger.TeacherStatus;
import cn.shixun.ledger.TeacherStatusQuery;
import cn.shixun.policy.Requirement;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A registration's casework: what each review's decision does to it, its resubmission, the
 * year registered from the ledger (审核登记) and its result published (网上发布), and its line on a
 * reviewer's worklist. Every step is in the case history.
 */
@Service
@Transactional(readOnly = true)
public class AnnualCasework {

    private static final Logger log = LoggerFactory.getLogger(AnnualCasework.class);

    private final AnnualRegistrations registrations;
    private final AnnualCards cards;
    private final ResultLineRepository resultLines;
    private final Teachers teachers;
    private final TeacherStatusQuery statusQuery;
    private final CaseHistory history;
    private final RefusalText refusals;

    AnnualCasework(AnnualRegistrations registrations, AnnualCards cards, ResultLineRepository resultLines,
                   Teachers teachers, TeacherStatusQuery statusQuery, CaseHistory history, RefusalText refusals) {
        this.registrations = registrations;
        this.cards = cards;
        this.resultLines = resultLines;
        this.teachers = teachers;
        this.statusQuery = statusQuery;
        this.history = history;
        this.refusals = refusals;
    }

    /**
     * A reviewer decided (called by the casework inside the completing transaction): a rejection
     * closes the registration with its reason; after any other decision the model says
     * which step comes next, so nothing here names one.
     * <p>
     * R-33 (学校逐一审查): the school approves only a card whose every line has its evidence,
     * otherwise it returns it. This is checked at every approval, not at the school's step by
     * its key: a card is stored once per version and never updated, and only a submission step
     * (补充登记材料) makes a new version, after which the model sends it to the school again and
     * the register step requires the school's approval since that submission (AnnualCaseSteps).
     * So any later review approves the very card the school approved, which passed this check,
     * and the rule holds however a process owner adds or reorders reviews.
     */
    @Transactional
    public void decided(Long id, Decision decision, String comment) {
        AnnualRegistration registration = registrations.require(id);
        Instant now = Instant.now();
        switch (decision) {
            case APPROVE -> {
                List<String> missing = cards.currentCard(registration).stream().filter(item -> !item.evidenceComplete())
                        .map(CardItem::title).toList();
                if (!missing.isEmpty()) {
                    throw BusinessRuleException.violation("R-33", "outcome", "annual.approve-missing-evidence",
                            String.join("、", missing));
                }
                registration.stepDone(now);
            }
            case RETURN -> registration.stepDone(now);
            case REJECT -> registration.closed(RegistrationStatus.REJECTED, comment, now);
        }
    }

    /** The amended card went back (where to is the model's). */
    @Transactional
    public void resubmitted(Long id) {
        registrations.require(id).stepDone(Instant.now());
    }

    /**
     * Registers the year (R-33 审核登记): the ledger's status of the teacher on the year's last day
     * (or today, if earlier) becomes the registered result, line by line. A teacher no longer
     * registrable is refused; the refusal is recorded and kept (not rolled back).
     */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    public void register(Long id) {
        AnnualRegistration registration = registrations.require(id);
        Instant now = Instant.now();
        if (registration.resultMet() != null) {
            return; // a retried job: the year is registered already
        }
        Teacher teacher = teachers.require(registration.teacherId());
        if (!teacher.isRegistrable()) {
            // Built here, not thrown through the teacher service: that would mark the job's transaction rollback-only.
            BusinessRuleException refusal = BusinessRuleException.violation("R-01", "teacherId",
                    "teacher.not-registrable", teacher.name());
            String reason = refusals.forRecord(refusal);
            history.record(AnnualRegistrations.PROCESS_KEY, AnnualRegistrations.caseId(registration),
                    AnnualRegistrationProcess.REGISTER_YEAR, "登记年度学时",
                    CaseOutcome.REFUSED, reason, CaseHistory.SYSTEM);
            registration.closed(RegistrationStatus.REFUSED, reason, now);
            log.warn("Annual registration {} approved but refused: {}", id, refusal.getMessage());
            throw refusal;
        }
        LocalDate asOf = registrations.asOf(registration);
        TeacherStatus status = statusQuery.statusOf(registration.teacherId(), asOf);
        for (TeacherStatus.RequirementStatus line : status.requirements()) {
            resultLines.save(new ResultLine(id, line.code(), line.label(), line.ruleId(), line.category(),
                    line.period(), line.required(), line.credited(), line.missing(), line.met()));
        }
        boolean met = AnnualRegistrations.yearMet(status.requirements());
        registration.registered(met, status.yearTotal(), asOf, now);
        history.record(AnnualRegistrations.PROCESS_KEY, AnnualRegistrations.caseId(registration),
                AnnualRegistrationProcess.REGISTER_YEAR, "登记年度学时",
                CaseOutcome.COMPLETED, resultText(registration.year(), status.yearTotal(), status.requirements()),
                CaseHistory.SYSTEM);
    }

    /** Publishes the registered result (R-33 网上发布): the teacher and the school see it as final. */
    @Transactional
    public void publish(Long id) {
        AnnualRegistration registration = registrations.require(id);
        if (registration.status() == RegistrationStatus.PUBLISHED) {
            return;
        }
        registration.published(Instant.now());
        history.record(AnnualRegistrations.PROCESS_KEY, AnnualRegistrations.caseId(registration),
                AnnualRegistrationProcess.PUBLISH_RESULT, "发布登记结果", CaseOutcome.COMPLETED,
                registration.year() + "年度登记结果已发布", CaseHistory.SYSTEM);
    }

    /** One line for a reviewer's worklist: who, which year, the ledger's count so far, and a late card's reason (补报). */
    public String summary(Long id) {
        return registrations.find(id).map(registration -> {
            Teacher teacher = teachers.require(registration.teacherId());
            TeacherStatus status = registrations.yearStatus(registration);
            return teacher.name() + "（" + teacher.staffNumber() + "）" + registration.year() + "年度登记："
                    + status.yearTotal().stripTrailingZeros().toPlainString() + " 学时，"
                    + AnnualRegistrations.yearVerdict(status.requirements()).label()
                    + (registration.promotionCandidate() ? "，职称晋升" : "")
                    + (registration.late() ? "；补报（" + registration.lateOn() + "），原因：" + registration.lateReason() : "");
        }).orElse(String.valueOf(id));
    }

    static String resultText(int year, BigDecimal yearTotal, List<TeacherStatus.RequirementStatus> requirements) {
        List<String> missing = requirements.stream()
                .filter(line -> line.period() != Requirement.Period.CYCLE && !line.met())
                .map(line -> line.label() + "缺 " + line.missing().stripTrailingZeros().toPlainString() + " 学时").toList();
        String verdict = !missing.isEmpty() ? "未达到：" + String.join("；", missing)
                : AnnualRegistrations.yearVerdict(requirements) == AnnualRegistrations.YearVerdict.NO_YEARLY_MINIMUM
                ? "本地区无年度最低学时要求，按周期考核" : "年度要求已达到";
        return year + "年度共 " + yearTotal.stripTrailingZeros().toPlainString() + " 学时，" + verdict;
    }
}
