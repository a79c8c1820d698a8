package cn.shixun.annual;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.AccessScope;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's declaration of its year (R-33 bulk) before any teacher is started: who may declare,
 * the year and its deadlines, the promotion candidates, all refused as a whole writing nothing; then
 * the batch (found or created: one per school and year) with a pending item per teacher not listed yet.
 */
@Component
class AnnualDeclarations {

    private final AnnualBatchRepository batches;
    private final BatchItemRepository items;
    private final AnnualOpenings openings;
    private final Teachers teachers;
    private final Organisations organisations;
    private final AccessScope scope;
    private final ApplicationEventPublisher events;

    AnnualDeclarations(AnnualBatchRepository batches, BatchItemRepository items, AnnualOpenings openings,
                       Teachers teachers, Organisations organisations, AccessScope scope,
                       ApplicationEventPublisher events) {
        this.batches = batches;
        this.items = items;
        this.openings = openings;
        this.teachers = teachers;
        this.organisations = organisations;
        this.scope = scope;
        this.events = events;
    }

    /**
     * Every check before anything is written; then the batch (found or created) with an item per teacher.
     * {@code lateReason}: the school's reason for declaring after the submission date (补报), kept on each
     * teacher it adds now; required after the date, refused before it ({@link AnnualOpenings#requireOpenYear}).
     */
    @Transactional
    AnnualBatch prepare(CurrentAccount account, Long schoolId, Integer year, Set<Long> promoted,
                                LocalDate today, String lateReason) {
        if (account.isTeacher()) {
            throw BusinessRuleException.forbidden("R-33", "schoolId", "annual.only-schools-declare");
        }
        Organisation school = organisations.requireSchool(schoolId, "schoolId");
        if (!scope.covers(account, schoolId)) {
            throw BusinessRuleException.forbidden("R-04", "schoolId", "annual.school-outside-scope", school.name());
        }
        String profile = organisations.effectivePolicyProfile(schoolId);
        boolean late = openings.requireOpenYear(year, profile, false, today, "year", lateReason).lateOn(today);
        for (Long teacherId : promoted) {
            Teacher teacher = teachers.find(teacherId).filter(found -> schoolId.equals(found.schoolId()))
                    .orElseThrow(() -> BusinessRuleException.violation("R-33", "promotionCandidateIds",
                            "annual.promotion-not-at-school", teacherId, school.name()));
            openings.requireOpenYear(year, profile, true, today, "promotionCandidateIds", null);
            if (!teacher.isRegistrable()) {
                throw BusinessRuleException.violation("R-01", "promotionCandidateIds", "teacher.not-registrable",
                        teacher.name());
            }
        }
        AnnualBatch batch = batches.findBySchoolIdAndRegYear(schoolId, year)
                .orElseGet(() -> batches.saveAndFlush(new AnnualBatch(schoolId, year, account.username(),
                        Instant.now())));
        Set<Long> listed = items.findByBatchIdOrderByIdAsc(batch.getId()).stream().map(BatchItem::teacherId)
                .collect(Collectors.toSet());
        for (Teacher teacher : teachers.atSchool(schoolId)) {
            if (!listed.contains(teacher.getId())) {
                BatchItem item = new BatchItem(batch.getId(), teacher.getId(), late ? lateReason.strip() : null);
                if (!teacher.isRegistrable()) {
                    item.done(BatchItem.Outcome.NOT_REGISTRABLE, null, null);
                }
                items.save(item);
                batch.reopened();
            }
        }
        items.findByBatchIdAndOutcomeOrderByIdAsc(batch.getId(), BatchItem.Outcome.PENDING).stream()
                .filter(item -> promoted.contains(item.teacherId())).forEach(BatchItem::promotionCandidate);
        events.publishEvent(new AuditedAction("annual.declare", "annualBatch", String.valueOf(batch.getId()),
                school.name() + " " + year + "年度集中申报" + (late ? "（补报）" : "")));
        return batch;
    }
}
