package cn.shixun.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two versions of a decision table, row by row (by rule id), in the columns'
 * own labels: the rows added, the rows removed, and for a changed row each cell with its old and new
 * text. What a second process owner reads before approving a publication, and what the history keeps.
 */
public final class TableDiff {

    private TableDiff() {
    }

    public enum Kind {
        ADDED("新增"), REMOVED("删除"), CHANGED("修改");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One cell: its column's label, and its text before and after (null where the row did not exist). */
    public record Cell(String column, String before, String after) {
    }

    /** One row that differs, with the cells that differ (all its cells when added or removed). */
    public record Change(String ruleId, Kind kind, List<Cell> cells) {
    }

    /**
     * The changes from {@code before} to {@code after}, in the order of the rows of {@code after}, then
     * the removed rows; refused when either is not a readable table or their columns differ.
     */
    public static List<Change> between(byte[] before, byte[] after) {
        DecisionTableRows.Table old = single(before);
        DecisionTableRows.Table now = single(after);
        if (!old.labels().equals(now.labels())) {
            throw new IllegalArgumentException("the tables' columns differ: " + old.labels() + " / " + now.labels());
        }
        Map<String, DecisionTableRows.Row> oldRows = new LinkedHashMap<>();
        old.rows().forEach(row -> oldRows.put(row.id(), row));
        List<Change> changes = new ArrayList<>();
        for (DecisionTableRows.Row row : now.rows()) {
            DecisionTableRows.Row was = oldRows.remove(row.id());
            if (was == null) {
                changes.add(new Change(row.id(), Kind.ADDED, cells(now.labels(), null, cells(row))));
            } else {
                List<Cell> changed = cells(now.labels(), cells(was), cells(row)).stream()
                        .filter(cell -> !cell.before().equals(cell.after())).toList();
                if (!changed.isEmpty()) {
                    changes.add(new Change(row.id(), Kind.CHANGED, changed));
                }
            }
        }
        oldRows.values().forEach(row -> changes.add(new Change(row.id(), Kind.REMOVED, cells(old.labels(), cells(row), null))));
        return changes;
    }

    private static DecisionTableRows.Table single(byte[] dmn) {
        List<DecisionTableRows.Table> tables = DecisionTableRows.tables(dmn);
        if (tables.size() != 1) {
            throw new IllegalArgumentException("a policy table file holds one decision table, not " + tables.size());
        }
        return tables.get(0);
    }

    private static List<String> cells(DecisionTableRows.Row row) {
        List<String> cells = new ArrayList<>(row.inputs());
        cells.addAll(row.outputs());
        return cells;
    }

    private static List<Cell> cells(List<String> labels, List<String> before, List<String> after) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            cells.add(new Cell(labels.get(i), before == null ? null : before.get(i), after == null ? null : after.get(i)));
        }
        return cells;
    }
}
