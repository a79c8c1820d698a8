package cn.shixun.insight.bottlenecks;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Every figure of the dashboard for one scope and range, as the page and the spreadsheets show it: names instead
 * of keys and ids, waits as text and in days. "Now" is the engine's clock, which stamped the tasks' times.
 */
@Component
class DashboardFigures {

    record OpenRow(String procedureKey, String procedure, String level, String levelLabel, Long organisationId,
                   String organisation, long open, long overdue, long escalated) {
    }

    record StepRow(String procedureKey, String procedure, String taskKey, String step, Wait week, Wait range,
                   long returned, long decided) {

        /** Returns per decision, in percent with one decimal; null without decisions. */
        public Double returnRate() {
            return decided == 0 ? null : Math.round(returned * 1000.0 / decided) / 10.0;
        }
    }

    record OrganisationRow(Long organisationId, String organisation, Wait range) {
    }

    /** One {@link WaitStats} as text and in days. */
    record Wait(int count, String median, String p90, String max, double medianDays, double p90Days, double maxDays) {
    }

    record Figures(Instant now, LocalDate today, DashboardFilter.Range range, List<OpenRow> open, List<StepRow> steps,
                   List<OrganisationRow> organisations, List<TaskWaits.Week> weeks,
                   List<RegistrationForecasts.County> forecasts, Map<String, String> procedures) {

        public StepRow slowest() {
            return steps.stream().filter(step -> step.range().count() > 0).findFirst().orElse(null);
        }
    }

    private final TaskWaits waits;
    private final RegistrationForecasts forecasts;
    private final RepositoryService repository;
    private final Organisations organisations;
    private final MessageSource messages;

    DashboardFigures(TaskWaits waits, RegistrationForecasts forecasts, RepositoryService repository,
                     Organisations organisations, MessageSource messages) {
        this.waits = waits;
        this.forecasts = forecasts;
        this.repository = repository;
        this.organisations = organisations;
        this.messages = messages;
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    Figures of(DashboardFilter.Scope scope, DashboardFilter.Range range, LocalDate today, Locale locale) {
        Instant now = now();
        Map<String, String> procedures = procedureNames();
        Map<Long, String> names = new HashMap<>();
        List<OpenRow> open = waits.open(scope.path(), now).stream().map(row -> new OpenRow(row.processKey(),
                procedures.getOrDefault(row.processKey(), row.processKey()), row.level(),
                messages.getMessage("dashboard.level." + row.level(), null, row.level(), locale), row.organisationId(),
                name(names, row.organisationId()), row.open(), row.overdue(), row.escalated())).toList();
        TaskWaits.Waits found = waits.waits(scope.path(), range.from(), range.to(), Weeks.of(today));
        List<StepRow> steps = found.steps().stream().map(step -> new StepRow(step.processKey(),
                procedures.getOrDefault(step.processKey(), step.processKey()), step.taskKey(), step.stepName(),
                wait(step.week(), locale), wait(step.range(), locale), step.returned(), step.decided())).toList();
        List<OrganisationRow> byOrganisation = found.organisations().stream().map(row -> new OrganisationRow(
                row.organisationId(), name(names, row.organisationId()), wait(row.range(), locale))).toList();
        return new Figures(now, today, range, open, steps, byOrganisation,
                waits.throughput(scope.path(), range.from(), range.to(), Weeks.of(now)), forecasts.counties(scope.path(), now, today),
                procedures);
    }

    /** Key → name of each procedure's latest version. */
    Map<String, String> procedureNames() {
        Map<String, String> names = new HashMap<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            names.put(definition.getKey(), definition.getName() == null ? definition.getKey() : definition.getName());
        }
        return names;
    }

    String organisationName(Long id) {
        return name(new HashMap<>(), id);
    }

    private String name(Map<Long, String> names, Long id) {
        return id == null ? "—" : names.computeIfAbsent(id, key -> organisations.find(key).map(Organisation::name)
                .orElse(String.valueOf(key)));
    }

    static Wait wait(WaitStats stats, Locale locale) {
        if (stats.isEmpty()) {
            return new Wait(0, "—", "—", "—", 0, 0, 0);
        }
        return new Wait(stats.count(), Durations.text(stats.median(), locale), Durations.text(stats.p90(), locale),
                Durations.text(stats.max(), locale), Durations.days(stats.median()), Durations.days(stats.p90()),
                Durations.days(stats.max()));
    }
}
