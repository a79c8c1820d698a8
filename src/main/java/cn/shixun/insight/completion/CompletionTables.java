package cn.shixun.insight.completion;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * Builds the completion tables: each school's result (its year-end snapshot for a past year's
 * yearly table when one was taken, else its current result, stored or computed from the ledger:
 * {@link CurrentCompletion}) added up per region under the organisation viewed. Scope is the
 * caller's ({@link CompletionScope}).
 */
@Service
class CompletionTables {

    private final Organisations organisations;
    private final CurrentCompletion current;
    private final SnapshotStore snapshots;

    CompletionTables(Organisations organisations, CurrentCompletion current, SnapshotStore snapshots) {
        this.organisations = organisations;
        this.current = current;
        this.snapshots = snapshots;
    }

    /** The table of {@code organisation}; {@code own} adds the schools elsewhere it registers. */
    CompletionTable table(Organisation organisation, CompletionView view, boolean own) {
        List<Organisation> schools = organisations.schoolsUnder(organisation.getId());
        List<Organisation> elsewhere = own ? registeredElsewhere(organisation, schools) : List.of();
        List<Long> ids = new ArrayList<>(schools.stream().map(Organisation::getId).toList());
        elsewhere.forEach(s -> ids.add(s.getId()));
        Map<Long, SchoolResult> results = figures(ids, view);
        Map<Long, List<Organisation>> byChild = new LinkedHashMap<>();
        for (Organisation school : schools) {
            byChild.computeIfAbsent(childOf(organisation, school), c -> new ArrayList<>()).add(school);
        }
        List<CompletionTable.Row> rows = new ArrayList<>();
        byChild.forEach((childId, under) -> rows.add(row(organisations.require(childId, "org"), under, results, view)));
        List<CompletionTable.Row> other = elsewhere.stream().map(s -> row(s, List.of(s), results, view)).toList();
        Figures total = Figures.NONE;
        int flagged = 0;
        for (CompletionTable.Row row : concat(rows, other)) {
            total = total.plus(row.figures());
            flagged += row.flaggedSchools();
        }
        long fromSnapshots = results.values().stream().filter(r -> r.source() == SchoolResult.Source.SNAPSHOT).count();
        Instant last = results.values().stream().map(SchoolResult::takenAt).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        rows.sort((a, b) -> Boolean.compare(a.school(), b.school()));
        return new CompletionTable(organisation, view, rows, other, total, ids.size(), flagged, (int) fromSnapshots, last);
    }

    /** One school's result for the view, with its short teachers: its snapshot, else computed now (and its figures kept). */
    SchoolResult school(Long schoolId, CompletionView view) {
        if (view.fromSnapshots()) {
            return snapshots.find(schoolId, view.year()).orElseGet(() -> current.school(schoolId, view));
        }
        return current.school(schoolId, view);
    }

    /** The ids of the schools a table of {@code organisation} covers, in the table's order (exports). */
    List<Organisation> schoolsOf(Organisation organisation, boolean own) {
        List<Organisation> schools = new ArrayList<>(organisations.schoolsUnder(organisation.getId()));
        if (own) {
            schools.addAll(registeredElsewhere(organisation, schools));
        }
        return schools;
    }

    /** The figures of the schools (no short teachers), by school id: snapshots where they answer, else current results. */
    Map<Long, SchoolResult> figures(List<Long> schoolIds, CompletionView view) {
        Map<Long, SchoolResult> results = new LinkedHashMap<>();
        if (view.fromSnapshots()) {
            results.putAll(snapshots.figures(view.year(), schoolIds));
        }
        results.putAll(current.figures(schoolIds.stream().filter(id -> !results.containsKey(id)).toList(), view));
        return results;
    }

    private CompletionTable.Row row(Organisation organisation, List<Organisation> schools, Map<Long, SchoolResult> results,
                                      CompletionView view) {
        Figures figures = Figures.NONE;
        int flagged = 0;
        for (Organisation school : schools) {
            SchoolResult result = results.get(school.getId());
            figures = figures.plus(result.figures());
            flagged += view.flags(result.figures()) ? 1 : 0;
        }
        return new CompletionTable.Row(organisation.getId(), organisation.code(), organisation.name(),
                organisation.isSchool(), figures, schools.size(), flagged);
    }

    /** The organisation directly under {@code top} on the way down to {@code school} (the school itself when direct). */
    private static Long childOf(Organisation top, Organisation school) {
        String[] ids = school.path().split("/");
        for (int i = 0; i < ids.length - 1; i++) {
            if (ids[i].equals(String.valueOf(top.getId()))) {
                return Long.valueOf(ids[i + 1]);
            }
        }
        return school.getId();
    }

    private List<Organisation> registeredElsewhere(Organisation organisation, List<Organisation> under) {
        Set<Long> covered = new TreeSet<>(organisations.schoolIdsCoveredBy(organisation.getId()));
        under.forEach(s -> covered.remove(s.getId()));
        return covered.stream().map(id -> organisations.require(id, "org")).toList();
    }

    private static List<CompletionTable.Row> concat(List<CompletionTable.Row> a, List<CompletionTable.Row> b) {
        List<CompletionTable.Row> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
