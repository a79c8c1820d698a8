package cn.shixun.tasks;

import java.util.Set;

/**
 * What one procedure's model may call, declared by the procedure module as a bean: its process
 * id and the Spring beans its expressions and delegates may name (besides the casework's own,
 * {@link ModelRules#CASEWORK_BEANS}). Every BPMN deployment is checked against these
 * declarations ({@link ModelGuardPlugin}): a process without one is not ours and is refused.
 * A declaration has no dependencies, so the engine can read it while it is being built.
 */
public record ProcedureModel(String processKey, Set<String> beans) {

    public ProcedureModel(String processKey, String... beans) {
        this(processKey, Set.of(beans));
    }

    public ProcedureModel {
        beans = Set.copyOf(beans);
    }
}
