package cn.shixun.annual;

import cn.shixun.ledger.SourceType;
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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One line of a registration card (R-33 登记卡): a ledger entry of the year as it stood when the
 * card was (re)submitted, with its evidence — the entry's own scans and any notice or
 * certificate attached to the card. A resubmission writes a new version; earlier versions stay
 * (R-40).
 */
@Entity
@Table(name = "annual_card_item")
public class CardItem {

    private static final String SEPARATOR = "\n";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "registration_id", nullable = false)
    private Long registrationId;

    @Column(name = "card_version", nullable = false)
    private int cardVersion;

    @Column(name = "ledger_entry_id", nullable = false)
    private Long ledgerEntryId;

    @Column(name = "entry_date", nullable = false)
    private LocalDate entryDate;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HourCategory category;

    @Column(nullable = false)
    private BigDecimal hours;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_type", nullable = false)
    private SourceType sourceType;

    @Column(name = "evidence_number")
    private String evidenceNumber;

    @Column(name = "evidence_files")
    private String evidenceFiles;

    @Column(name = "attached_files")
    private String attachedFiles;

    @Column(name = "evidence_complete", nullable = false)
    private boolean evidenceComplete;

    protected CardItem() {
        // for JPA
    }

    CardItem(Long registrationId, int cardVersion, Long ledgerEntryId, LocalDate entryDate, String title,
             HourCategory category, BigDecimal hours, SourceType sourceType, String evidenceNumber,
             List<String> evidenceFiles, List<String> attachedFiles, boolean evidenceComplete) {
        this.registrationId = registrationId;
        this.cardVersion = cardVersion;
        this.ledgerEntryId = ledgerEntryId;
        this.entryDate = entryDate;
        this.title = title;
        this.category = category;
        this.hours = hours;
        this.sourceType = sourceType;
        this.evidenceNumber = evidenceNumber;
        this.evidenceFiles = join(evidenceFiles);
        this.attachedFiles = join(attachedFiles);
        this.evidenceComplete = evidenceComplete;
    }

    private static String join(List<String> files) {
        return files.isEmpty() ? null : String.join(SEPARATOR, files);
    }

    private static List<String> split(String files) {
        return files == null ? List.of() : Arrays.asList(files.split(SEPARATOR));
    }

    public Long ledgerEntryId() {
        return ledgerEntryId;
    }

    public int cardVersion() {
        return cardVersion;
    }

    public LocalDate entryDate() {
        return entryDate;
    }

    public String title() {
        return title;
    }

    public HourCategory category() {
        return category;
    }

    public BigDecimal hours() {
        return hours;
    }

    public SourceType sourceType() {
        return sourceType;
    }

    public String evidenceNumber() {
        return evidenceNumber;
    }

    public List<String> evidenceFiles() {
        return split(evidenceFiles);
    }

    public List<String> attachedFiles() {
        return split(attachedFiles);
    }

    public boolean evidenceComplete() {
        return evidenceComplete;
    }
}
