package cn.shixun.annual;

import cn.shixun.annual.AnnualRegistrations.Attachment;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.ledger.SourceType;
import cn.shixun.shared.BusinessRuleException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A registration's card: the year's ledger entries with their evidence, built from the
 * ledger with the scans attached to its lines, stored as a new version each time the card is
 * submitted or amended, never updated.
 */
@Component
class AnnualCards {

    private static final int MAX_FILE = 255;

    /** A card before it is stored: one line per ledger entry of the year. */
    record Card(List<CardItem> lines) {
        boolean complete() {
            return lines.stream().allMatch(CardItem::evidenceComplete);
        }
    }

    private final CardItemRepository cardItems;
    private final Ledger ledger;
    private final EvidenceFiles evidence;

    AnnualCards(CardItemRepository cardItems, Ledger ledger, EvidenceFiles evidence) {
        this.cardItems = cardItems;
        this.ledger = ledger;
        this.evidence = evidence;
    }

    List<CardItem> currentCard(AnnualRegistration registration) {
        return cardItems.findByRegistrationIdAndCardVersionOrderByEntryDateAscLedgerEntryIdAsc(registration.getId(),
                registration.cardVersion());
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

    static void requireComplete(Card card) {
        List<String> missing = card.lines().stream().filter(item -> !item.evidenceComplete()).map(CardItem::title)
                .toList();
        if (!missing.isEmpty()) {
            throw BusinessRuleException.violation("R-33", "attachments", "annual.evidence-missing",
                    String.join("、", missing));
        }
    }

    void store(AnnualRegistration registration, Card card) {
        for (CardItem line : card.lines()) {
            cardItems.save(new CardItem(registration.getId(), registration.cardVersion(), line.ledgerEntryId(),
                    line.entryDate(), line.title(), line.category(), line.hours(), line.sourceType(),
                    line.evidenceNumber(), line.evidenceFiles(), line.attachedFiles(), line.evidenceComplete()));
        }
    }
}
