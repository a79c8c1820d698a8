package cn.shixun.annual;

import cn.shixun.annual.AnnualRegistrations.Attachment;
import cn.shixun.annual.process.AnnualRegistrationProcess;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CandidateGroup;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.ReviewRouting;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A registration opened: by the teacher's own card or by the school's declaration, checked
 * against the year's dates, stored with its card, routed and its process started at the
 * school's review. Ten collaborators: each is one of those steps (or, for the refusal of a second
 * card, where the live one stands), and splitting the opening of a case would put its one
 * transaction's steps in two places.
 */
@Component
class AnnualOpenings {

    private static final Logger log = LoggerFactory.getLogger(AnnualOpenings.class);
    /** The field of a late card's reason (补报原因), in the API and the pages' forms. */
    private static final String LATE_REASON = "lateReason";
    private static final int MAX_LATE_REASON = 500;

    private final AnnualRegistrationRepository repository;
    private final AnnualCards cards;
    private final AnnualRegistrationProcess process;
    private final Teachers teachers;
    private final Organisations organisations;
    private final ReviewRouting routing;
    private final CaseHistory history;
    private final AnnualCalendar calendar;
    private final RegistrationProgress progress;
    private final ApplicationEventPublisher events;

    AnnualOpenings(AnnualRegistrationRepository repository, AnnualCards cards, AnnualRegistrationProcess process,
                   Teachers teachers, Organisations organisations, ReviewRouting routing, CaseHistory history,
                   AnnualCalendar calendar, RegistrationProgress progress, ApplicationEventPublisher events) {
        this.repository = repository;
        this.cards = cards;
        this.process = process;
        this.teachers = teachers;
        this.organisations = organisations;
        this.routing = routing;
        this.history = history;
        this.calendar = calendar;
        this.progress = progress;
        this.events = events;
    }

    /**
     * Opens a registration and starts its process at the school's review (a late card at the authority's review of
     * the late filing: the model's). {@code applicant} is the
     * teacher's username when the teacher submits (a returned card goes back to them), null when
     * the school declares (it goes back to the school). {@code requireEvidence}: a teacher's own
     * card in time must carry evidence for every line; a school's declaration and a late card are checked by
     * the school's review, which can approve only a complete card.
     * {@code today}: the day of the submission ({@link AnnualCalendar#today()}; the demo data's own date).
     * {@code lateReason}: why a card is filed after the submission date (补报); whether it is late is decided
     * here from the configured date, never taken from the caller.
     */
    @Transactional
    AnnualRegistration open(Long teacherId, Integer year, boolean promotionCandidate, List<Attachment> attachments,
                            String applicant, String submittedBy, Long batchId, boolean requireEvidence,
                            LocalDate today, String lateReason) {
        if (teacherId == null || teachers.find(teacherId).isEmpty()) {
            throw BusinessRuleException.notFound("teacherId", "annual.teacher-not-found", teacherId);
        }
        Teacher teacher = teachers.requireRegistrable(teacherId);
        String profile = organisations.effectivePolicyProfile(teacher.schoolId());
        boolean late = requireOpenYear(year, profile, promotionCandidate, today,
                promotionCandidate ? "promotionCandidate" : "year", lateReason).lateOn(today);
        repository.findByLiveKey(AnnualRegistration.liveKey(teacherId, year)).ifPresent(live -> {
            throw BusinessRuleException.conflict("R-33", "year", "annual.already-open", year, live.getId(),
                    progress.statusLabel(live));
        });
        AnnualCards.Card card = cards.card(teacher.getId(), year, today, attachments, null, 0);
        if (requireEvidence && !late) {
            AnnualCards.requireComplete(card);
        }
        CandidateGroup school = routing.schoolReview(teacher.schoolId());
        CandidateGroup authority = routing.authorityReview(teacher.schoolId());
        Instant now = Instant.now();
        AnnualRegistration registration = repository.saveAndFlush(new AnnualRegistration(teacherId,
                teacher.schoolId(), year, profile, promotionCandidate, batchId, applicant, submittedBy, school.id(),
                authority.id(), now));
        if (late) {
            registration.filedLate(lateReason.strip(), today);
        }
        cards.store(registration, card);
        registration.startedAs(process.start(registration.getId()));
        String caseId = AnnualRegistrations.caseId(registration);
        String step = (batchId == null ? "提交登记卡" : "学校集中申报") + (late ? "（补报）" : "");
        history.record(AnnualRegistrations.PROCESS_KEY, caseId, null, step, CaseOutcome.SUBMITTED,
                year + "年度登记卡，" + card.lines().size() + " 项" + (late ? "；补报原因：" + registration.lateReason() : ""),
                submittedBy);
        events.publishEvent(new AuditedAction("annual.submit", AnnualRegistrations.PROCESS_KEY, caseId,
                teacher.name() + " " + year + "年度登记卡" + (batchId == null ? "" : "（学校集中申报）")
                        + (late ? "（补报）" : "")));
        log.info("Annual registration {} opened for teacher {} year {} by {}, routed to {} then {}",
                registration.getId(), teacherId, year, submittedBy, school.id(), authority.id());
        return registration;
    }

    /**
     * the year has begun, the profile has annual dates, and the submission deadline that
     * applies (a promotion candidate's where the profile has one) has not passed — or, after it, the
     * card is filed late (补报) with a reason while the late path is open ({@code late-until}). A reason
     * before the deadline is refused: the card is simply in time, and nothing may mark it late.
     */
    AnnualCalendar.Dates requireOpenYear(Integer year, String profile, boolean promotionCandidate, LocalDate today,
                                         String deadlineField, String lateReason) {
        if (year == null) {
            throw BusinessRuleException.violation("R-33", "year", "annual.year-required");
        }
        if (year > today.getYear()) {
            throw BusinessRuleException.violation("R-33", "year", "annual.year-not-begun", year);
        }
        AnnualCalendar.Dates dates = calendar.of(profile, year, promotionCandidate);
        boolean reasonGiven = lateReason != null && !lateReason.isBlank();
        if (!dates.lateOn(today)) {
            if (reasonGiven) {
                throw BusinessRuleException.violation("R-33", LATE_REASON, "annual.late-before-deadline", year,
                        dates.submission());
            }
            return dates;
        }
        if (dates.promotion()) {
            throw BusinessRuleException.violation("R-33", deadlineField, "annual.after-promotion-deadline", year,
                    dates.submission());
        }
        if (!dates.lateOpenOn(today)) {
            throw BusinessRuleException.violation("R-33", "year", "annual.after-late-deadline", year,
                    dates.submission(), dates.lateUntil());
        }
        if (!reasonGiven) {
            throw BusinessRuleException.violation("R-33", LATE_REASON, "annual.late-reason-required", year,
                    dates.submission());
        }
        if (lateReason.strip().length() > MAX_LATE_REASON) {
            throw BusinessRuleException.violation("R-33", LATE_REASON, "annual.late-reason-too-long", MAX_LATE_REASON);
        }
        return dates;
    }
}
