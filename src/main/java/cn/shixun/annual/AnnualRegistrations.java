package cn.shixun.annual;

import cn.shixun.annual.process.AnnualRegistrationProcess;
import cn.shixun.ledger.TeacherStatus;
import cn.shixun.ledger.TeacherStatusQuery;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.Requirement;
import cn.shixun.security.AccessScope;
import cn.shixun.security.CandidateGroup;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A teacher's annual registration: the card — the year's ledger entries with their
 * evidence ({@link AnnualCards}) — is submitted by the teacher or declared by the school
 * ({@link AnnualBatches}), opened and started by {@link AnnualOpenings}, checked by the school,
 * reviewed and registered by the registration authority of R-04 ({@link AnnualCasework}), and the
 * year's result published. The result (R-09 yearly 72, R-10 each Sanmenxia category) is the
 * ledger's status query on the year, never typed in. Every refusal comes before anything is
 * written; every step is in the case history. Here: a teacher's submission and amendment,
 * and what the pages read of a registration. Ten collaborators: this is the one entry of the
 * annual pages and API, and each collaborator is one thing they read or one step they take.
 */
@Service
@Transactional(readOnly = true)
public class AnnualRegistrations {

    public static final String PROCESS_KEY = AnnualRegistrationProcess.PROCESS_ID;

    /**
     * Notice or certificate scans the teacher attaches to one line of the card: the ids of the
     * teacher's evidence files, uploaded before (API) or with the amendment form (page).
     */
    public record Attachment(Long entryId, List<String> files) {
    }

    private final AnnualRegistrationRepository repository;
    private final AnnualOpenings openings;
    private final AnnualCards cards;
    private final ResultLineRepository resultLines;
    private final Organisations organisations;
    private final TeacherStatusQuery statusQuery;
    private final AccessScope scope;
    private final CaseTasks caseTasks;
    private final AnnualCalendar calendar;
    private final ApplicationEventPublisher events;

    AnnualRegistrations(AnnualRegistrationRepository repository, AnnualOpenings openings, AnnualCards cards,
                        ResultLineRepository resultLines, Organisations organisations, TeacherStatusQuery statusQuery,
                        AccessScope scope, CaseTasks caseTasks, AnnualCalendar calendar,
                        ApplicationEventPublisher events) {
        this.repository = repository;
        this.openings = openings;
        this.cards = cards;
        this.resultLines = resultLines;
        this.organisations = organisations;
        this.statusQuery = statusQuery;
        this.scope = scope;
        this.caseTasks = caseTasks;
        this.calendar = calendar;
        this.events = events;
    }

    /**
     * The signed-in teacher submits their own card for {@code year} (R-33 本人申请). A teacher may
     * do so as long as no registration of theirs for the year is open or done — also when the
     * school has not declared yet; a later school batch then skips them.
     * <p>
     * After the submission date the card is filed late (补报) with {@code lateReason}, whether or not the
     * caller says it is late: our dates decide. A late card, like a school's declaration, need not carry
     * every scan yet — the authority first decides on the late filing, and the school's review then
     * returns the lines lacking evidence to the teacher (it can approve only a complete card).
     */
    @Transactional
    public AnnualRegistration submit(CurrentAccount account, Integer year, boolean promotionCandidate,
                                     List<Attachment> attachments, String lateReason) {
        if (!account.isTeacher() || account.teacherId() == null) {
            throw BusinessRuleException.forbidden("R-33", "teacherId", "annual.only-teachers-submit");
        }
        return openings.open(account.teacherId(), year, promotionCandidate, attachments, account.username(),
                account.username(), null, true, calendar.today(), lateReason);
    }

    /**
     * The teacher amends a returned card (or the school, for a card it declared) at the open
     * submission step, and sends it on (back to the school, in the model as it is).
     */
    @Transactional
    public AnnualRegistration amend(Long id, CurrentAccount account, List<Attachment> attachments) {
        AnnualRegistration registration = requireVisibleTo(id, account);
        CaseTask task = caseTasks.openTasks(PROCESS_KEY, caseId(registration)).stream()
                .filter(open -> open.kind() == CaseTask.Kind.SUBMISSION).findFirst()
                .orElseThrow(() -> BusinessRuleException.conflict("R-33", "id", "annual.not-returned", id));
        caseTasks.requireWorkable(task.id(), account);
        AnnualCards.Card card = cards.card(registration.teacherId(), registration.year(), calendar.today(), attachments,
                registration, registration.cardVersion() + 1);
        AnnualCards.requireComplete(card);
        registration.nextCardVersion(Instant.now());
        cards.store(registration, card);
        events.publishEvent(new AuditedAction("annual.amend", PROCESS_KEY, caseId(registration),
                "补充登记材料，第 " + registration.cardVersion() + " 版登记卡"));
        caseTasks.submit(task.id(), account);
        return registration;
    }

    /** What a year's hours come to: a profile without a yearly minimum judges only its cycle, so its year is neither. */
    public enum YearVerdict {
        MET("达到年度要求"), NOT_MET("未达到年度要求"), NO_YEARLY_MINIMUM("无年度最低要求");

        private final String label;

        YearVerdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static YearVerdict yearVerdict(List<TeacherStatus.RequirementStatus> requirements) {
        if (requirements.stream().allMatch(line -> line.period() == Requirement.Period.CYCLE)) {
            return YearVerdict.NO_YEARLY_MINIMUM;
        }
        return yearMet(requirements) ? YearVerdict.MET : YearVerdict.NOT_MET;
    }

    /** The year counts as met when every requirement of the year (yearly, first-year) is met; cycle lines are shown, not judged. */
    public static boolean yearMet(List<TeacherStatus.RequirementStatus> requirements) {
        return requirements.stream().filter(line -> line.period() != Requirement.Period.CYCLE)
                .allMatch(TeacherStatus.RequirementStatus::met);
    }

    /** The ledger's status of the registration's year as of today (or the year's end), for reviewers. */
    public TeacherStatus yearStatus(AnnualRegistration registration) {
        return statusQuery.statusOf(registration.teacherId(), asOf(registration));
    }

    /** The dates of the registration's reviews: the profile's, or a late card's (counted from its filing, 补报). */
    public AnnualCalendar.Dates datesOf(AnnualRegistration registration) {
        AnnualCalendar.Dates dates = calendar.of(registration.profileCode(), registration.year(),
                registration.promotionCandidate());
        return registration.late() ? calendar.late(dates, registration.lateOn()) : dates;
    }

    /** When the authority's review of a late filing (补报审核) is due. */
    public LocalDate lateReviewDue(AnnualRegistration registration) {
        return calendar.lateReviewDue(registration.lateOn());
    }

    public List<CardItem> currentCard(AnnualRegistration registration) {
        return cards.currentCard(registration);
    }

    public List<ResultLine> result(AnnualRegistration registration) {
        return resultLines.findByRegistrationIdOrderByIdAsc(registration.getId());
    }

    /** The registration, if there is one with this id. */
    Optional<AnnualRegistration> find(Long id) {
        return repository.findById(id);
    }

    public AnnualRegistration require(Long id) {
        return repository.findById(id)
                .orElseThrow(() -> BusinessRuleException.notFound("id", "annual.not-found", id));
    }

    /** The registration if the account may see it: the teacher, an account whose scope covers the school, or its authority. */
    public AnnualRegistration requireVisibleTo(Long id, CurrentAccount account) {
        AnnualRegistration registration = require(id);
        boolean visible = account.isTeacher() ? registration.teacherId().equals(account.teacherId())
                : scope.covers(account, registration.schoolId()) || isAuthority(account, registration);
        if (!visible) {
            throw BusinessRuleException.notFound("id", "annual.not-found", id);
        }
        return registration;
    }

    public List<AnnualRegistration> ofTeacher(Long teacherId) {
        return repository.findByTeacherIdOrderByIdDesc(teacherId);
    }

    /** The registrations a school's teachers have for the year, oldest first (a rejected card and its successor both). */
    public List<AnnualRegistration> ofSchool(Long schoolId, int year) {
        return repository.findBySchoolIdAndRegYearOrderByIdAsc(schoolId, year);
    }

    public List<AnnualRegistration> ofBatch(Long batchId) {
        return repository.findByBatchIdOrderByIdAsc(batchId);
    }

    /** The dates of {@code year} under the school's profile; a promotion candidate's where the profile has its own. */
    public AnnualCalendar.Dates datesOf(Long schoolId, int year, boolean promotionCandidate) {
        return calendar.of(organisations.effectivePolicyProfile(schoolId), year, promotionCandidate);
    }

    private boolean isAuthority(CurrentAccount account, AnnualRegistration registration) {
        if (account.organisationId() == null) {
            return false;
        }
        return organisations.find(account.organisationId()).map(Organisation::code)
                .map(code -> CandidateGroup.of(account.role(), code).id()).filter(registration.authorityGroup()::equals)
                .isPresent();
    }

    /** The day the year is read as of: today, or the year's last day once it is over. */
    LocalDate asOf(AnnualRegistration registration) {
        LocalDate yearEnd = LocalDate.of(registration.year(), 12, 31);
        LocalDate today = calendar.today();
        return today.isBefore(yearEnd) ? today : yearEnd;
    }

    static String caseId(AnnualRegistration registration) {
        return String.valueOf(registration.getId());
    }
}
