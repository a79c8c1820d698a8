package cn.shixun.processowner;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * How many cases run and have finished, per process definition, and how many wait at each step —
 * with the engine's statistics queries, fast at provincial scale (ADR 0012 §2): running instances
 * of every definition in one query, the open instances per step of a definition in one query, the
 * finished instances per definition by a count on the history (the engine's index on definition
 * and end time), never a query per case. Kept {@link #FRESH} per node: a page says when it counted.
 */
@Component
class CaseCounts {

    static final Duration FRESH = Duration.ofSeconds(60);

    private final RepositoryService repository;
    private final ManagementService management;
    private final HistoryService history;
    private final Map<String, Counted<Map<String, Long>>> cache = new ConcurrentHashMap<>();

    CaseCounts(RepositoryService repository, ManagementService management, HistoryService history) {
        this.repository = repository;
        this.management = management;
        this.history = history;
    }

    /** Running and finished cases by process definition id. */
    Counted<PerDefinition> perDefinition() {
        Counted<Map<String, Long>> running = cached("running", () -> management.createProcessDefinitionStatisticsQuery()
                .list().stream().collect(Collectors.toMap(ProcessDefinitionStatistics::getId,
                        statistics -> (long) statistics.getInstances())));
        Counted<Map<String, Long>> finished = cached("finished", () -> repository.createProcessDefinitionQuery().list()
                .stream().collect(Collectors.toMap(ProcessDefinition::getId, definition -> history
                        .createHistoricProcessInstanceQuery().processDefinitionId(definition.getId()).finished().count())));
        Instant older = running.countedAt().isBefore(finished.countedAt()) ? running.countedAt() : finished.countedAt();
        return new Counted<>(new PerDefinition(running.value(), finished.value()), older);
    }

    /** Open cases per step (activity id) of one process definition; steps without any are left out. */
    Counted<Map<String, Long>> openPerStep(String definitionId) {
        return cached("steps:" + definitionId, () -> management.createActivityStatisticsQuery(definitionId).list()
                .stream().filter(step -> step.getInstances() > 0)
                .collect(Collectors.toMap(ActivityStatistics::getId, step -> (long) step.getInstances())));
    }

    private Counted<Map<String, Long>> cached(String what, Supplier<Map<String, Long>> count) {
        Instant now = Instant.now();
        // compute() holds the key while counting: a second request waits for this count instead of repeating it.
        return cache.compute(what, (key, before) ->
                before != null && before.countedAt().plus(FRESH).isAfter(now) ? before
                        : new Counted<>(Map.copyOf(count.get()), now));
    }

    /** Cases of each process definition id: running, and finished (completed or cancelled). */
    record PerDefinition(Map<String, Long> running, Map<String, Long> finished) {

        long running(String definitionId) {
            return running.getOrDefault(definitionId, 0L);
        }

        long finished(String definitionId) {
            return finished.getOrDefault(definitionId, 0L);
        }
    }
}
