package cn.shixun.ledger;

import cn.shixun.policy.HourCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One line of a teacher's hour ledger. Entries are never updated: there are no
 * setters; a correction appends a reversing entry ({@link #reversesEntryId()}).
 */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {

    static final String LEGACY_KIND = "LEGACY";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "teacher_id", nullable = false, updatable = false)
    private Long teacherId;

    @Column(name = "entry_date", nullable = false, updatable = false)
    private LocalDate entryDate;

    @Column(name = "entry_year", nullable = false, updatable = false)
    private int entryYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private HourCategory category;

    @Column(name = "claim_kind", nullable = false, updatable = false)
    private String claimKind;

    @Column(nullable = false, updatable = false, precision = 7, scale = 2)
    private BigDecimal hours;

    @Column(nullable = false, updatable = false)
    private int units;

    @Column(updatable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_type", nullable = false, updatable = false)
    private SourceType sourceType;

    @Column(name = "source_ref", updatable = false)
    private String sourceRef;

    @Column(name = "evidence_number", updatable = false)
    private String evidenceNumber;

    /** The number's comparison key ({@link EvidenceNumbers}): what R-40's uniqueness compares. */
    @Column(name = "evidence_norm", updatable = false)
    private String evidenceNorm;

    @Column(name = "evidence_key", updatable = false)
    private String evidenceKey;

    @Column(name = "evidence_files", updatable = false)
    private String evidenceFiles;

    @Column(name = "decided_by", nullable = false, updatable = false)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    @Column(name = "rule_ids", updatable = false)
    private String ruleIds;

    @Column(name = "profile_code", updatable = false)
    private String profileCode;

    @Column(name = "profile_version", updatable = false)
    private Integer profileVersion;

    @Column(name = "decision_key", updatable = false)
    private String decisionKey;

    @Column(name = "decision_version", updatable = false)
    private Integer decisionVersion;

    @Column(name = "reverses_entry_id", updatable = false)
    private Long reversesEntryId;

    @Column(updatable = false)
    private String explanation;

    protected LedgerEntry() {
        // for JPA
    }

    /** The what and when of an entry; provenance is added with {@link #decided}. */
    LedgerEntry(Long teacherId, LocalDate entryDate, HourCategory category, String claimKind, BigDecimal hours,
                int units, String title) {
        this.teacherId = teacherId;
        this.entryDate = entryDate;
        this.entryYear = entryDate.getYear();
        this.category = category;
        this.claimKind = claimKind;
        this.hours = hours;
        this.units = units;
        this.title = title;
    }

    LedgerEntry source(SourceType type, String ref) {
        this.sourceType = type;
        this.sourceRef = ref;
        return this;
    }

    LedgerEntry evidence(String number, String key, List<String> files) {
        this.evidenceNumber = number;
        this.evidenceNorm = number == null ? null : EvidenceNumbers.key(number);
        this.evidenceKey = key;
        this.evidenceFiles = files == null || files.isEmpty() ? null : String.join("\n", files);
        return this;
    }

    LedgerEntry decided(String by, Instant at, String rules, String explanationText) {
        this.decidedBy = by;
        this.decidedAt = at;
        this.ruleIds = rules;
        this.explanation = explanationText;
        return this;
    }

    LedgerEntry decidedUnder(String profile, Integer profileVer, String decision, Integer decisionVer) {
        this.profileCode = profile;
        this.profileVersion = profileVer;
        this.decisionKey = decision;
        this.decisionVersion = decisionVer;
        return this;
    }

    /** A new entry that cancels this one: same date, category and kind, negated hours and units. */
    LedgerEntry reversal(String by, Instant at, String reason) {
        LedgerEntry reversal = new LedgerEntry(teacherId, entryDate, category, claimKind, hours.negate(), -units, title)
                .source(SourceType.CORRECTION, "entry:" + id)
                .evidence(evidenceNumber, null, evidenceFiles())
                .decided(by, at, ruleIds, reason)
                .decidedUnder(profileCode, profileVersion, decisionKey, decisionVersion);
        reversal.reversesEntryId = id;
        return reversal;
    }

    public Long getId() {
        return id;
    }

    public Long teacherId() {
        return teacherId;
    }

    public LocalDate entryDate() {
        return entryDate;
    }

    public int entryYear() {
        return entryYear;
    }

    public HourCategory category() {
        return category;
    }

    public String claimKind() {
        return claimKind;
    }

    public BigDecimal hours() {
        return hours;
    }

    public int units() {
        return units;
    }

    public String title() {
        return title;
    }

    public SourceType sourceType() {
        return sourceType;
    }

    public String sourceRef() {
        return sourceRef;
    }

    public String evidenceNumber() {
        return evidenceNumber;
    }

    public List<String> evidenceFiles() {
        return evidenceFiles == null ? List.of() : Arrays.asList(evidenceFiles.split("\n"));
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public List<String> ruleIds() {
        return ruleIds == null || ruleIds.isBlank() ? List.of() : Arrays.asList(ruleIds.split(","));
    }

    public String profileCode() {
        return profileCode;
    }

    public Integer profileVersion() {
        return profileVersion;
    }

    public String decisionKey() {
        return decisionKey;
    }

    public Integer decisionVersion() {
        return decisionVersion;
    }

    public Long reversesEntryId() {
        return reversesEntryId;
    }

    public String explanation() {
        return explanation;
    }
}
