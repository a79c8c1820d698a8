package cn.shixun.annual;

import cn.shixun.annual.process.AnnualRegistrationProcess;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.ledger.SourceType;
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
import cn.shixun.shared.RefusalText;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.tasks.ReviewRouting;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A teacher's annual registration: the card — the year's ledger entries with their
 * evidence — is submitted by the teacher or declared by the school ({@link AnnualBatches}),
 * checked by the school, reviewed and registered by the registration authority of R-04, and the
 * year's result published. The result (R-09 yearly 72, R-10 each Sanmenxia category) is the
 * ledger's status query on the year, never typed in. Every refusal comes before anything is
 * written; every step is in the case history.
 */
@Service
@Transactional(readOnly = true)
public class AnnualRegistrations {

    public static final String PROCESS_KEY = AnnualRegistrationProcess.PROCESS_ID;
    private static final int MAX_FILE = 255;
    private static final Logger log = LoggerFactory.getLogger(AnnualRegistrations.class);

    /**
     * Notice or certificate scans the teacher attaches to one line of the card: the ids of the
     * teacher's evidence files, uploaded before (API) or with the amendment form (page).
     */
    public record Attachment(Long entryId, List<String> files) {
    }

    /** A card before it is stored: one line per ledger entry of the year. */
    record Card(List<CardItem> lines) {
        boolean complete() {
            return lines.stream().allMatch(CardItem::evidenceComplete);
        }
    }

    private final AnnualRegistrationRepository repository;
    private final CardItemRepository cardItems;
    private final ResultLineRepository resultLines;
    private final AnnualRegistrationProcess process;
    private final Teachers teachers;
    private final Organisations organisations;
    private final ReviewRouting routing;
    private final Ledger ledger;
    private final TeacherStatusQuery statusQuery;
    private final AccessScope scope;
    private final CaseHistory history;
    private final CaseTasks caseTasks;
    private final AnnualCalendar calendar;
    private final ApplicationEventPublisher events;
    private final RefusalText refusals;
    private final EvidenceFiles evidence;

    AnnualRegistrations(AnnualRegistrationRepository repository, CardItemRepository cardItems,
                        ResultLineRepository resultLines, AnnualRegistrationProcess process, Teachers teachers,
                        Organisations organisations, ReviewRouting routing, Ledger ledger,
                        TeacherStatusQuery statusQuery, AccessScope scope, CaseHistory history,
                        CaseTasks caseTasks, AnnualCalendar calendar, ApplicationEventPublisher events, RefusalText refusals,
                        EvidenceFiles evidence) {
        this.repository = repository;
        this.cardItems = cardItems;
        this.resultLines = resultLines;
        this.process = process;
        this.teachers = teachers;
        this.organisations = organisations;
        this.routing = routing;
        this.ledger = ledger;
        this.statusQuery = statusQuery;
        this.scope = scope;
        this.history = history;
        this.caseTasks = caseTasks;
        this.calendar = calendar;
        this.events = events;
        this.refusals = refusals;
        this.evidence = evidence;
    }

    /**
     * The signed-in teacher submits their own card for {@code year} (R-33 本人申请). A teacher may
     * do so as long as no registration of theirs for the year is open or done — also when the
     * school has not declared yet; a later school batch then skips them.
     */
    @Transactional
    public AnnualRegistration submit(CurrentAccount account, Integer year, boolean promotionCandidate,
                                     List<Attachment> attachments) {
        if (!account.isTeacher() || account.teacherId() == null) {
            throw BusinessRuleException.forbidden("R-33", "teacherId", "annual.only-teachers-submit");
        }
        return open(account.teacherId(), year, promotionCandidate, attachments, account.username(),
                account.username(), null, true, calendar.today());
    }

    /**
     * Opens a registration and starts its process at the school's review. {@code applicant} is the
     * teacher's username when the teacher submits (a returned card goes back to them), null when
     * the school declares (it goes back to the school). {@code requireEvidence}: a teacher's own
     * card must carry evidence for every line; a school's declaration is checked by its review.
     * {@code today}: the day of the submission ({@link AnnualCalendar#today()}; the demo data's own date).
     */
    @Transactional
    AnnualRegistration open(Long teacherId, Integer year, boolean promotionCandidate, List<Attachment> attachments,
                            String applicant, String submittedBy, Long batchId, boolean requireEvidence,
                            LocalDate today) {
        if (teacherId == null || teachers.find(teacherId).isEmpty()) {
            throw BusinessRuleException.notFound("teacherId", "annual.teacher-not-found", teacherId);
        }
        Teacher teacher = teachers.requireRegistrable(teacherId);
        String profile = organisations.effectivePolicyProfile(teacher.schoolId());
        requireOpenYear(year, profile, promotionCandidate, today, promotionCandidate ? "promotionCandidate" : "year");
        repository.findByLiveKey(AnnualRegistration.liveKey(teacherId, year)).ifPresent(live -> {
            throw BusinessRuleException.conflict("R-33", "year", "annual.already-open", year, live.getId(),
                    live.status().label());
        });
        Card card = card(teacher.getId(), year, today, attachments, null, 0);
        if (requireEvidence) {
            requireComplete(card);
        }
        CandidateGroup school = routing.schoolReview(teacher.schoolId());
        CandidateGroup authority = routing.authorityReview(teacher.schoolId());
        Instant now = Instant.now();
        AnnualRegistration registration = repository.saveAndFlush(new AnnualRegistration(teacherId,
                teacher.schoolId(), year, profile, promotionCandidate, batchId, applicant, submittedBy, school.id(),
                authority.id(), now));
        store(registration, card);
        registration.startedAs(process.start(registration.getId()));
        history.record(PROCESS_KEY, caseId(registration), null, batchId == null ? "提交登记卡" : "学校集中申报",
                CaseOutcome.SUBMITTED, year + "年度登记卡，" + card.lines().size() + " 项", submittedBy);
        events.publishEvent(new AuditedAction("annual.submit", PROCESS_KEY, caseId(registration),
                teacher.name() + " " + year + "年度登记卡" + (batchId == null ? "" : "（学校集中申报）")));
        log.info("Annual registration {} opened for teacher {} year {} by {}, routed to {} then {}",
                registration.getId(), teacherId, year, submittedBy, school.id(), authority.id());
        return registration;
    }

    /**
     * the year has begun, the profile has annual dates, and the submission deadline that
     * applies (a promotion candidate's where the profile has one) has not passed.
     */
    AnnualCalendar.Dates requireOpenYear(Integer year, String profile, boolean promotionCandidate, LocalDate today,
                                         String deadlineField) {
        if (year == null) {
            throw BusinessRuleException.violation("R-33", "year", "annual.year-required");
        }
        if (year > today.getYear()) {
            throw BusinessRuleException.violation("R-33", "year", "annual.year-not-begun", year);
        }
        AnnualCalendar.Dates dates = calendar.of(profile, year, promotionCandidate);
        if (today.isAfter(dates.submission())) {
            throw BusinessRuleException.violation("R-33", dates.promotion() ? deadlineField : "year",
                    dates.promotion() ? "annual.after-promotion-deadline" : "annual.after-deadline", year,
                    dates.submission());
        }
        return dates;
    }

    /** The teacher amends a returned card (or the school, for a card it declared) and sends it back to the school. */
    @Transactional
    public AnnualRegistration amend(Long id, CurrentAccount account, List<Attachment> attachments) {
        AnnualRegistration registration = requireVisibleTo(id, account);
        CaseTask task = caseTasks.openTasks(PROCESS_KEY, caseId(registration)).stream()
                .filter(open -> AnnualRegistrationProcess.AMEND_CARD.equals(open.taskKey())).findFirst()
                .orElseThrow(() -> BusinessRuleException.conflict("R-33", "id", "annual.not-returned", id));
        caseTasks.requireWorkable(task.id(), account);
        Card card = card(registration.teacherId(), registration.year(), calendar.today(), attachments, registration,
                registration.cardVersion() + 1);
        requireComplete(card);
        registration.nextCardVersion(Instant.now());
        store(registration, card);
        events.publishEvent(new AuditedAction("annual.amend", PROCESS_KEY, caseId(registration),
                "补充登记材料，第 " + registration.cardVersion() + " 版登记卡"));
        caseTasks.submit(task.id(), account);
        return registration;
    }

    /**
     * A reviewer decided (called by the casework inside the completing transaction). The school
     * approves only a card whose every line has its evidence (R-33: 学校逐一审查); otherwise it
     * returns it.
     */
    @Transactional
    public void decided(Long id, String taskKey, Decision decision, String comment) {
        AnnualRegistration registration = require(id);
        Instant now = Instant.now();
        boolean schoolReview = AnnualRegistrationProcess.SCHOOL_REVIEW.equals(taskKey);
        switch (decision) {
            case APPROVE -> {
                if (schoolReview) {
                    List<String> missing = currentCard(registration).stream().filter(item -> !item.evidenceComplete())
                            .map(CardItem::title).toList();
                    if (!missing.isEmpty()) {
                        throw BusinessRuleException.violation("R-33", "outcome", "annual.approve-missing-evidence",
                                String.join("、", missing));
                    }
                }
                registration.moveTo(schoolReview ? RegistrationStatus.AUTHORITY_REVIEW
                        : RegistrationStatus.REGISTERING, now);
            }
            case RETURN -> registration.moveTo(RegistrationStatus.RETURNED, now);
            case REJECT -> registration.closed(RegistrationStatus.REJECTED, comment, now);
        }
    }

    /** The amended card went back to the school. */
    @Transactional
    public void resubmitted(Long id) {
        require(id).moveTo(RegistrationStatus.SCHOOL_REVIEW, Instant.now());
    }

    /**
     * Registers the year (R-33 审核登记): the ledger's status of the teacher on the year's last day
     * (or today, if earlier) becomes the registered result, line by line. A teacher no longer
     * registrable is refused; the refusal is recorded and kept (not rolled back).
     */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    public void register(Long id) {
        AnnualRegistration registration = require(id);
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
            history.record(PROCESS_KEY, caseId(registration), AnnualRegistrationProcess.REGISTER_YEAR, "登记年度学时",
                    CaseOutcome.REFUSED, reason, CaseHistory.SYSTEM);
            registration.closed(RegistrationStatus.REFUSED, reason, now);
            log.warn("Annual registration {} approved but refused: {}", id, refusal.getMessage());
            throw refusal;
        }
        LocalDate asOf = asOf(registration);
        TeacherStatus status = statusQuery.statusOf(registration.teacherId(), asOf);
        for (TeacherStatus.RequirementStatus line : status.requirements()) {
            resultLines.save(new ResultLine(id, line.code(), line.label(), line.ruleId(), line.category(),
                    line.period(), line.required(), line.credited(), line.missing(), line.met()));
        }
        boolean met = yearMet(status.requirements());
        registration.registered(met, status.yearTotal(), asOf, now);
        history.record(PROCESS_KEY, caseId(registration), AnnualRegistrationProcess.REGISTER_YEAR, "登记年度学时",
                CaseOutcome.COMPLETED, resultText(registration.year(), status.yearTotal(), status.requirements()),
                CaseHistory.SYSTEM);
    }

    /** Publishes the registered result (R-33 网上发布): the teacher and the school see it as final. */
    @Transactional
    public void publish(Long id) {
        AnnualRegistration registration = require(id);
        if (registration.status() == RegistrationStatus.PUBLISHED) {
            return;
        }
        registration.published(Instant.now());
        history.record(PROCESS_KEY, caseId(registration), AnnualRegistrationProcess.PUBLISH_RESULT, "发布登记结果",
                CaseOutcome.COMPLETED, registration.year() + "年度登记结果已发布", CaseHistory.SYSTEM);
    }

    /** The year counts as met when every requirement of the year (yearly, first-year) is met; cycle lines are shown, not judged. */
    public static boolean yearMet(List<TeacherStatus.RequirementStatus> requirements) {
        return requirements.stream().filter(line -> line.period() != Requirement.Period.CYCLE)
                .allMatch(TeacherStatus.RequirementStatus::met);
    }

    static String resultText(int year, BigDecimal yearTotal, List<TeacherStatus.RequirementStatus> requirements) {
        List<String> missing = requirements.stream()
                .filter(line -> line.period() != Requirement.Period.CYCLE && !line.met())
                .map(line -> line.label() + "缺 " + line.missing().toPlainString() + " 学时").toList();
        return year + "年度共 " + yearTotal.toPlainString() + " 学时，"
                + (missing.isEmpty() ? "年度要求已达到" : "未达到：" + String.join("；", missing));
    }

    /** The ledger's status of the registration's year as of today (or the year's end), for reviewers. */
    public TeacherStatus yearStatus(AnnualRegistration registration) {
        return statusQuery.statusOf(registration.teacherId(), asOf(registration));
    }

    public AnnualCalendar.Dates datesOf(AnnualRegistration registration) {
        return calendar.of(registration.profileCode(), registration.year(), registration.promotionCandidate());
    }

    public List<CardItem> currentCard(AnnualRegistration registration) {
        return cardItems.findByRegistrationIdAndCardVersionOrderByEntryDateAscLedgerEntryIdAsc(registration.getId(),
                registration.cardVersion());
    }

    public List<ResultLine> result(AnnualRegistration registration) {
        return resultLines.findByRegistrationIdOrderByIdAsc(registration.getId());
    }

    /** One line for a reviewer's worklist: who, which year, and the ledger's count so far. */
    public String summary(Long id) {
        return repository.findById(id).map(registration -> {
            Teacher teacher = teachers.require(registration.teacherId());
            TeacherStatus status = yearStatus(registration);
            return teacher.name() + "（" + teacher.staffNumber() + "）" + registration.year() + "年度登记："
                    + status.yearTotal().toPlainString() + " 学时，" + (yearMet(status.requirements()) ? "达到年度要求"
                    : "未达到年度要求") + (registration.promotionCandidate() ? "，职称晋升" : "");
        }).orElse(String.valueOf(id));
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

    private LocalDate asOf(AnnualRegistration registration) {
        LocalDate yearEnd = LocalDate.of(registration.year(), 12, 31);
        LocalDate today = calendar.today();
        return today.isBefore(yearEnd) ? today : yearEnd;
    }

    /**
     * The card for the year: every live ledger entry dated in the year up to {@code asOf}, with
     * its evidence. R-33: an entry a project authority registered (R-03, 个人不需登记) is evidenced
     * by that registration; any other needs a scan, on the entry or attached here. R-40: an
     * attachment names a line of this card, and no scan backs two lines.
     */
    Card card(Long teacherId, int year, LocalDate asOf, List<Attachment> attachments, AnnualRegistration existing,
              int version) {
        List<LedgerEntry> all = ledger.entriesOf(teacherId);
        Set<Long> reversed = all.stream().map(LedgerEntry::reversesEntryId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        List<LedgerEntry> live = all.stream().filter(entry -> entry.reversesEntryId() == null
                && !reversed.contains(entry.getId()) && entry.entryDate().getYear() == year
                && !entry.entryDate().isAfter(asOf)).toList();
        Map<Long, List<String>> attached = attachments(teacherId, attachments, live);
        List<CardItem> lines = new ArrayList<>();
        for (LedgerEntry entry : live) {
            List<String> added = attached.getOrDefault(entry.getId(), List.of());
            boolean complete = entry.sourceType() == SourceType.PROJECT || !entry.evidenceFiles().isEmpty()
                    || !added.isEmpty();
            lines.add(new CardItem(existing == null ? null : existing.getId(), version, entry.getId(),
                    entry.entryDate(), entry.title(), entry.category(), entry.hours(), entry.sourceType(),
                    entry.evidenceNumber(), entry.evidenceFiles(), added, complete));
        }
        return new Card(lines);
    }

    private Map<Long, List<String>> attachments(Long teacherId, List<Attachment> attachments, List<LedgerEntry> live) {
        Map<Long, List<String>> byEntry = new HashMap<>();
        if (attachments == null) {
            return byEntry;
        }
        Set<Long> onCard = live.stream().map(LedgerEntry::getId).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        live.forEach(entry -> seen.addAll(entry.evidenceFiles()));
        for (int i = 0; i < attachments.size(); i++) {
            Attachment attachment = attachments.get(i);
            String at = "attachments[" + i + "].";
            if (attachment == null || attachment.entryId() == null || !onCard.contains(attachment.entryId())) {
                throw BusinessRuleException.violation("R-33", at + "entryId", "annual.attachment-not-on-card",
                        attachment == null ? null : attachment.entryId());
            }
            if (attachment.files() == null || attachment.files().isEmpty()) {
                throw BusinessRuleException.violation("R-33", at + "files", "annual.attachment-files-required");
            }
            Set<String> files = new LinkedHashSet<>();
            for (String file : attachment.files()) {
                String name = file == null ? "" : file.strip();
                if (name.isEmpty() || name.length() > MAX_FILE) {
                    throw BusinessRuleException.violation("R-33", at + "files", "annual.attachment-files-required");
                }
                if (!seen.add(name)) {
                    throw BusinessRuleException.conflict("R-40", at + "files", "annual.evidence-twice", name);
                }
                evidence.requireAttachable(name, teacherId, at + "files");
                files.add(name);
            }
            byEntry.computeIfAbsent(attachment.entryId(), key -> new ArrayList<>()).addAll(files);
        }
        return byEntry;
    }

    private static void requireComplete(Card card) {
        List<String> missing = card.lines().stream().filter(item -> !item.evidenceComplete()).map(CardItem::title)
                .toList();
        if (!missing.isEmpty()) {
            throw BusinessRuleException.violation("R-33", "attachments", "annual.evidence-missing",
                    String.join("、", missing));
        }
    }

    private void store(AnnualRegistration registration, Card card) {
        for (CardItem line : card.lines()) {
            cardItems.save(new CardItem(registration.getId(), registration.cardVersion(), line.ledgerEntryId(),
                    line.entryDate(), line.title(), line.category(), line.hours(), line.sourceType(),
                    line.evidenceNumber(), line.evidenceFiles(), line.attachedFiles(), line.evidenceComplete()));
        }
    }

    static String caseId(AnnualRegistration registration) {
        return String.valueOf(registration.getId());
    }
}
