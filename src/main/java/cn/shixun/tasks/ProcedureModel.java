package cn.shixun.tasks;

import java.util.Set;

/**
 * What one procedure's model may call, declared by the procedure module as a bean: its process
 * id and the Spring beans its expressions and delegates may name (besides the casework's own,
 * {@link ModelRules#CASEWORK_BEANS}). Every BPMN deployment is checked against these
 * declarations ({@link ModelGuardPlugin}): a process without one is not ours and is refused.
 * A declaration has no dependencies, so the engine can read it while it is being built.
 *
 * @param repositoryOnly the procedure deploys only as the repository's file {@code <processKey>.bpmn},
 *                       byte for byte: never a draft, an upload or a changed copy (the four-eyes
 *                       publication, which would otherwise approve its own replacement)
 */
public record ProcedureModel(String processKey, Set<String> beans, boolean repositoryOnly) {

    public ProcedureModel(String processKey, String... beans) {
        this(processKey, Set.of(beans), false);
    }

    public ProcedureModel(String processKey, Set<String> beans) {
        this(processKey, beans, false);
    }

    public ProcedureModel {
        beans = Set.copyOf(beans);
    }

    /** A procedure that deploys only as the repository's file ({@link #repositoryOnly}). */
    public static ProcedureModel repositoryOnly(String processKey, String... beans) {
        return new ProcedureModel(processKey, Set.of(beans), true);
    }
}
