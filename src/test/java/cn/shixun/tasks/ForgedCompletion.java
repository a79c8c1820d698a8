package cn.shixun.tasks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;

/**
 * A completion whose forged variables got past the engine gate (ADR 0009), for the tests of the
 * second line: the gate refuses such a completion from outside, so these tests write the forged
 * variables as the engine itself (no engine user, which the gate lets through) and then complete
 * the task as the attacker with what the gate allows. What follows must still credit and move
 * nothing wrongly, because the delegates and the routing read our records, not the variables.
 */
public final class ForgedCompletion {

    private static final Set<String> ALLOWED = Set.of(CaseTasks.DECISION, CaseTasks.COMMENT);

    private ForgedCompletion() {
    }

    public static void complete(TaskService taskService, IdentityService identity, String username, List<String> groups,
                                String taskId, Map<String, Object> variables) {
        Map<String, Object> forged = new HashMap<>(variables);
        forged.keySet().removeAll(ALLOWED);
        Map<String, Object> allowed = new HashMap<>(variables);
        allowed.keySet().retainAll(ALLOWED);
        if (!forged.isEmpty()) {
            taskService.setVariables(taskId, forged);
        }
        identity.setAuthentication(username, groups);
        try {
            taskService.complete(taskId, allowed);
        } finally {
            identity.clearAuthentication();
        }
    }
}
