package cn.shixun.ledger;

import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.policy.CreditResult;
import cn.shixun.policy.HourCalculator;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.policy.PriorCredits;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hour ledger as the other modules (and the processes) see it. Every write is one
 * transaction that either appends its entries or, on any refusal, writes nothing.
 *
 * <p>Just over 300 lines: the ledger's one write path in three forms (a claim, a claim once per
 * case, legacy paper hours) with the evidence and legacy-row checks each needs before writing;
 * the hours themselves are calculated apart ({@code policy.HourCalculator}).
 */
@Service
@Transactional(readOnly = true)
public class Ledger {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);
    private static final int EARLIEST_LEGACY_YEAR = 1990;
    private static final BigDecimal MAX_LEGACY_HOURS = new BigDecimal("1000");
    private static final int MAX_TEXT = 64;

    private final LedgerEntryRepository entries;
    private final Teachers teachers;
    private final PolicyProfiles profiles;
    private final HourCalculator calculator;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Ledger(LedgerEntryRepository entries, Teachers teachers, PolicyProfiles profiles, HourCalculator calculator,
           ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.entries = entries;
        this.teachers = teachers;
        this.profiles = profiles;
        this.calculator = calculator;
        this.events = events;
    }

    /** A teacher's entries, oldest first, reversals included (R-37: they follow the teacher). */
    public List<LedgerEntry> entriesOf(Long teacherId) {
        teachers.require(teacherId);
        return entries.findByTeacherIdOrderByEntryDateAscIdAsc(teacherId);
    }

    public LedgerEntry require(Long entryId) {
        return entries.findById(entryId)
                .orElseThrow(() -> BusinessRuleException.notFound("entryId", "ledger.entry-not-found", entryId));
    }

    /** What the claim would earn for this teacher now; writes nothing. */
    public CreditResult preview(Long teacherId, Claim claim) {
        Teacher teacher = teachers.requireRegistrable(teacherId);
        return calculate(teacher, claim);
    }

    /**
     * Registers a claim: R-01, evidence present and not registered before (R-40), the hours by
     * the teacher's profile, one entry. Nothing is written on any refusal.
     */
    @Transactional
    public LedgerEntry register(Long teacherId, Claim claim, Evidence evidence, String decidedBy) {
        Teacher teacher = teachers.requireRegistrable(teacherId);
        entries.lockTeacher(teacherId);
        String evidenceKey = checkEvidence(teacherId, evidence);
        CreditResult result = calculate(teacher, claim);
        if (result.hours().signum() <= 0) {
            // Whatever the calculation (a decision table's rate, a unit count), an entry of 0.00 h registers nothing.
            throw BusinessRuleException.violation("R-40", "hours", "ledger.hours-zero");
        }
        LedgerEntry entry;
        try {
            entry = entries.saveAndFlush(entryFor(teacherId, claim, result, evidence, evidenceKey, decidedBy));
        } catch (DataIntegrityViolationException raced) {
            // Two registrations of the same evidence at once: the unique key lets only one through.
            throw BusinessRuleException.conflict("R-40", "evidenceNumber", "ledger.evidence-already-registered",
                    evidence.number().strip(), "?");
        }
        log.debug("Registered {} hours ({}) for teacher {} as entry {} by {}", result.hours(), result.kind(), teacherId,
                entry.getId(), decidedBy);
        events.publishEvent(new HoursChanged(teacherId));
        events.publishEvent(new AuditedAction("ledger.register", "ledger-entry", String.valueOf(entry.getId()),
                "教师 " + teacher.staffNumber() + " 登记 " + result.hours().toPlainString() + " 学时（" + result.kind().label()
                        + "，凭证 " + evidence.number().strip() + "，决定人 " + decidedBy + "）", teacher.schoolId()));
        return entry;
    }

    /**
     * Registers a claim once: a procedure that credits a case calls this on every attempt (a
     * retried job, a second node) and gets the entry its first successful attempt wrote for the
     * teacher from this source and evidence (type, reference and number: one county plan credits
     * several projects, each with its own number), or else a new one. It runs in a transaction of
     * its own, so that a refusal ({@link BusinessRuleException}, thrown as by {@link #register})
     * leaves the caller's transaction free to record it; the teacher's lock makes two attempts at
     * once write one entry.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public LedgerEntry registerOnce(Long teacherId, Claim claim, Evidence evidence, String decidedBy) {
        if (evidence != null && evidence.sourceRef() != null && evidence.number() != null) {
            entries.lockTeacher(teacherId);
            List<LedgerEntry> earlier = entries.writtenFrom(teacherId, evidence.sourceType(), evidence.sourceRef(),
                    EvidenceNumbers.key(evidence.number()));
            if (!earlier.isEmpty()) {
                log.debug("Entry {} already credits {} for teacher {}", earlier.get(0).getId(), evidence.sourceRef(),
                        teacherId);
                return earlier.get(0);
            }
        }
        return register(teacherId, claim, evidence, decidedBy);
    }

    /**
     * Corrects an entry the only way R-40 allows: a new entry reverses it, and an optional
     * replacement claim is registered after the reversal (so caps see the freed room).
     */
    @Transactional
    public List<LedgerEntry> correct(Long entryId, String reason, Claim replacement, Evidence replacementEvidence,
                                     String decidedBy) {
        LedgerEntry original = require(entryId);
        entries.lockTeacher(original.teacherId());
        if (reason == null || reason.isBlank()) {
            throw BusinessRuleException.violation("R-40", "reason", "ledger.correction-reason-required");
        }
        if (original.reversesEntryId() != null) {
            throw BusinessRuleException.violation("R-40", "entryId", "ledger.cannot-reverse-a-reversal", entryId);
        }
        if (entries.existsByReversesEntryId(entryId)) {
            throw BusinessRuleException.conflict("R-40", "entryId", "ledger.already-reversed", entryId);
        }
        List<LedgerEntry> written = new ArrayList<>();
        written.add(entries.saveAndFlush(original.reversal(decidedBy, Instant.now(), reason.strip())));
        if (replacement != null) {
            Evidence evidence = replacementEvidence != null ? replacementEvidence
                    : new Evidence(original.sourceType(), original.sourceRef(), original.evidenceNumber(), original.evidenceFiles());
            written.add(register(original.teacherId(), replacement, evidence, decidedBy));
        }
        log.info("Entry {} reversed by {} ({} entries written)", entryId, decidedBy, written.size());
        events.publishEvent(new HoursChanged(original.teacherId()));
        events.publishEvent(new AuditedAction("ledger.correct", "ledger-entry", String.valueOf(entryId),
                "冲销记录 " + entryId + "（冲销记录 " + written.get(0).getId()
                        + (written.size() > 1 ? "，替代记录 " + written.get(1).getId() : "") + "），原因：" + reason.strip(),
                teachers.require(original.teacherId()).schoolId()));
        return written;
    }

    /** Imports hours earned before the system (R-41); one bad row refuses the whole import. */
    @Transactional
    public List<LedgerEntry> importLegacy(Long teacherId, List<LegacyHours> rows, String decidedBy) {
        return importLegacy(teacherId, rows, decidedBy, false);
    }

    /**
     * The same, except that rows imported before (same paper evidence, year and category) are
     * skipped instead of refusing the import: a batch re-run after a failure writes only what is
     * missing, so it can resume without doubling anything (R-41, R-40). Returns the new entries.
     */
    @Transactional
    public List<LedgerEntry> importMissingLegacy(Long teacherId, List<LegacyHours> rows, String decidedBy) {
        return importLegacy(teacherId, rows, decidedBy, true);
    }

    private List<LedgerEntry> importLegacy(Long teacherId, List<LegacyHours> rows, String decidedBy,
                                           boolean skipImported) {
        Teacher teacher = teachers.require(teacherId);
        entries.lockTeacher(teacherId);
        if (rows == null || rows.isEmpty()) {
            throw BusinessRuleException.violation("R-41", "items", "ledger.legacy.empty");
        }
        LocalDate today = LocalDate.now(clock);
        List<LedgerEntry> prepared = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            LegacyHours row = rows.get(i);
            String at = "items[" + i + "].";
            validateLegacy(row, at, today);
            String key = legacyKey(row.paperEvidence(), row.year(), row.category().name());
            boolean imported = entries.existsByTeacherIdAndEvidenceKey(teacherId, key);
            if (keys.contains(key) || imported && !skipImported) {
                throw BusinessRuleException.conflict("R-40", at + "paperEvidence", "ledger.legacy.duplicate",
                        row.paperEvidence(), row.year(), row.category().label());
            }
            keys.add(key);
            if (imported) {
                continue;
            }
            LocalDate yearEnd = LocalDate.of(row.year(), 12, 31);
            prepared.add(new LedgerEntry(teacherId, yearEnd.isAfter(today) ? today : yearEnd, row.category(),
                    LedgerEntry.LEGACY_KIND, row.hours().setScale(2, RoundingMode.HALF_UP), 0,
                    "系统启用前学时（" + row.year() + "年，" + row.category().label() + "）")
                    .source(SourceType.IMPORT, "legacy")
                    .evidence(row.paperEvidence().strip(), key, List.of())
                    .decided(decidedBy, Instant.now(), "R-41", "按纸质凭证 " + row.paperEvidence().strip() + " 导入"));
        }
        if (prepared.isEmpty()) {
            return List.of();
        }
        List<LedgerEntry> saved = entries.saveAllAndFlush(prepared);
        log.info("Imported {} legacy rows for teacher {} by {}", saved.size(), teacherId, decidedBy);
        events.publishEvent(new HoursChanged(teacherId));
        events.publishEvent(new AuditedAction("ledger.import-legacy", "teacher", String.valueOf(teacherId),
                "教师 " + teacher.staffNumber() + " 导入系统启用前学时 " + saved.size() + " 条（记录 "
                        + saved.stream().map(e -> String.valueOf(e.getId())).collect(java.util.stream.Collectors.joining(","))
                        + "）", teacher.schoolId()));
        return saved;
    }

    private static void validateLegacy(LegacyHours row, String at, LocalDate today) {
        if (row.year() == null || row.year() < EARLIEST_LEGACY_YEAR || row.year() > today.getYear()) {
            throw BusinessRuleException.violation("R-41", at + "year", "ledger.legacy.bad-year", row.year());
        }
        if (row.category() == null) {
            throw BusinessRuleException.violation("R-41", at + "category", "ledger.legacy.category-required");
        }
        if (row.hours() == null || row.hours().signum() <= 0 || HourCalculator.roundsToZero(row.hours())
                || row.hours().compareTo(MAX_LEGACY_HOURS) > 0) {
            throw BusinessRuleException.violation("R-41", at + "hours", "ledger.legacy.bad-hours", row.hours());
        }
        if (row.paperEvidence() == null || EvidenceNumbers.key(row.paperEvidence()).isEmpty()
                || row.paperEvidence().length() > MAX_TEXT || EvidenceNumbers.key(row.paperEvidence()).length() > MAX_TEXT) {
            throw BusinessRuleException.violation("R-41", at + "paperEvidence", "ledger.legacy.evidence-required");
        }
    }

    private CreditResult calculate(Teacher teacher, Claim claim) {
        if (claim == null || claim.endDate() == null) {
            throw BusinessRuleException.violation(null, "endDate", "policy.invalid.end-date-required");
        }
        return calculator.calculate(profiles.forTeacher(teacher, claim.endDate()), claim, priorCredits(teacher.getId()),
                LocalDate.now(clock));
    }

    private PriorCredits priorCredits(Long teacherId) {
        return new PriorCredits() {
            @Override
            public BigDecimal creditedInYear(ClaimKind kind, int year) {
                return entries.netHours(teacherId, kind.name(), year);
            }

            @Override
            public int unitsCredited(ClaimKind kind) {
                return (int) entries.netUnits(teacherId, kind.name());
            }
        };
    }

    /** The unique key of imported hours: the same paper evidence, year and category are imported once (R-40). */
    static String legacyKey(String paperEvidence, int year, String category) {
        return EvidenceNumbers.key(paperEvidence) + "|" + year + "|" + category;
    }

    /**
     * R-40: evidence is required and may back only one live entry per teacher, numbers compared
     * by {@link EvidenceNumbers#key} (case, full-width forms and invisible characters do not make
     * a new certificate); returns the entry's unique key.
     */
    private String checkEvidence(Long teacherId, Evidence evidence) {
        if (evidence == null || evidence.sourceType() == null) {
            throw BusinessRuleException.violation("R-40", "sourceType", "ledger.source-required");
        }
        if (evidence.sourceType() == SourceType.CORRECTION || evidence.sourceType() == SourceType.IMPORT) {
            throw BusinessRuleException.violation("R-40", "sourceType", "ledger.source-not-for-claims", evidence.sourceType());
        }
        String number = evidence.number() == null ? "" : evidence.number().strip();
        String norm = EvidenceNumbers.key(number);
        if (norm.isEmpty() || number.length() > MAX_TEXT || norm.length() > MAX_TEXT) {
            throw BusinessRuleException.violation("R-40", "evidenceNumber", "ledger.evidence-required");
        }
        List<LedgerEntry> live = entries.liveWithEvidence(teacherId, norm);
        if (!live.isEmpty()) {
            throw BusinessRuleException.conflict("R-40", "evidenceNumber", "ledger.evidence-already-registered", number,
                    String.valueOf(live.get(0).getId()));
        }
        long earlier = entries.keyedWithEvidence(teacherId, norm);
        return earlier == 0 ? norm : norm + "#" + (earlier + 1);
    }

    private LedgerEntry entryFor(Long teacherId, Claim claim, CreditResult result, Evidence evidence, String evidenceKey,
                                 String decidedBy) {
        String title = claim.title() == null || claim.title().isBlank() ? result.kind().label() : claim.title().strip();
        return new LedgerEntry(teacherId, result.entryDate(), result.category(), result.kind().name(), result.hours(),
                result.units(), clip(title, 200))
                .source(evidence.sourceType(), evidence.sourceRef())
                .evidence(evidence.number().strip(), evidenceKey, evidence.files())
                .decided(decidedBy, Instant.now(), result.ruleIdsJoined(), clip(result.explanation(), 1000))
                .decidedUnder(result.profile().code(), result.profile().version(), result.decision().key(),
                        result.decision().version());
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
