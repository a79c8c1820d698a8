package cn.shixun.processowner.migration;

import java.util.List;

/**
 * A migration plan as the process owner reads it before anything moves.
 *
 * @param steps    each step of the source that the engine maps to a step of the target, with its open cases
 * @param staying  steps with open cases that have no step in the target: their cases stay on their version
 * @param added    steps of the target that no step of the source becomes (moved cases may reach them)
 * @param problems why the plan cannot be executed (不能迁移); empty when it can
 * @param cases    running cases the migration would move
 */
record PlanPreview(Version source, Version target, List<Row> steps, List<Row> staying, List<String> added,
                   List<Problem> problems, long cases) {

    /** A deployed version of a procedure. */
    record Version(String id, String key, String name, int version) {

        public String label() {
            return name + " v" + version;
        }
    }

    /** One step of the source: where its cases go (target null: nowhere, they stay), how many wait there. */
    record Row(String sourceId, String sourceName, String targetId, String targetName, long open) {

        public boolean renamed() {
            return targetName != null && !targetName.equals(sourceName);
        }
    }

    /**
     * A reason the plan cannot be executed, in the reader's language, with the engine's own text where it gave one.
     *
     * @param kind {@code instruction} (the engine refused a step's mapping), {@code plan} (the engine refused the
     *             plan), {@code form-missing} (a target step's form is not deployed with it), {@code nothing-to-move}
     */
    record Problem(String kind, String reason, String engineText) {
    }

    public boolean executable() {
        return problems.isEmpty() && cases > 0;
    }

    public long stayingCases() {
        return staying.stream().mapToLong(Row::open).sum();
    }
}
