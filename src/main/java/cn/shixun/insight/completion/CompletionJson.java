package cn.shixun.insight.completion;

import cn.shixun.organisation.Organisation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of {@link CompletionApi}. */
final class CompletionJson {

    private CompletionJson() {
    }

    record Counts(int counted, int met, int shortCount, int exempt, int notCounted, BigDecimal rate,
                  BigDecimal shortShare) {

        static Counts of(Figures f) {
            return new Counts(f.counted(), f.met(), f.shortCount(), f.exempt(), f.notCounted(), f.rate(), f.shortShare());
        }
    }

    record Row(Long organisationId, String code, String name, boolean school, Counts counts, int schools,
               int flaggedSchools, boolean notEligibleForAwards) {
    }

    record Table(Long organisationId, String name, int year, String basis, LocalDate asOf, boolean currentYear,
                 List<Row> rows, List<Row> registeredElsewhere, Counts total, int schools, int flaggedSchools,
                 int snapshotSchools) {
    }

    record School(Long schoolId, String name, int year, String basis, LocalDate asOf, String source, Instant snapshotTakenAt,
                  Counts counts, boolean notEligibleForAwards, List<ShortTeacher> shortTeachers) {
    }

    static Table of(CompletionTable t) {
        return new Table(t.organisation().getId(), t.organisation().name(), t.view().year(), t.view().basis().name(),
                t.view().asOf(), t.view().currentYear(), rows(t.rows()), rows(t.registeredElsewhere()),
                Counts.of(t.total()), t.schools(), t.flaggedSchools(),
                t.snapshotSchools());
    }

    static School of(Organisation school, CompletionView view, SchoolResult result) {
        return new School(school.getId(), school.name(), view.year(), view.basis().name(), result.asOf(),
                result.source().name(), result.takenAt(), Counts.of(result.figures()),
                view.flags(result.figures()), result.shortTeachers());
    }

    private static List<Row> rows(List<CompletionTable.Row> rows) {
        return rows.stream().map(r -> new Row(r.organisationId(), r.code(), r.name(), r.school(), Counts.of(r.figures()),
                r.schools(), r.flaggedSchools(), r.flagged())).toList();
    }
}
