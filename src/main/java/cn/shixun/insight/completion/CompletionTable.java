package cn.shixun.insight.completion;

import cn.shixun.organisation.Organisation;
import java.time.Instant;
import java.util.List;

/**
 * The table of one organisation: a row per region under it (its schools added up) and per
 * school directly under it, then the schools elsewhere it is the registration authority of
 * and the total. {@code snapshotSchools} of the schools come from year-end snapshots.
 */
record CompletionTable(Organisation organisation, CompletionView view, List<Row> rows, List<Row> registeredElsewhere,
                       Figures total, int schools, int flaggedSchools, int snapshotSchools, Instant lastSnapshotAt) {

    /** One line: a region (with how many of its schools R-38 flags) or a school (with its own flag). */
    record Row(Long organisationId, String code, String name, boolean school, Figures figures, int schools,
               int flaggedSchools) {

        public boolean flagged() {
            return school && flaggedSchools > 0;
        }
    }

    CompletionTable {
        rows = List.copyOf(rows);
        registeredElsewhere = List.copyOf(registeredElsewhere);
    }
}
