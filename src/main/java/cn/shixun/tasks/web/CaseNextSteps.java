package cn.shixun.tasks.web;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CandidateGroup;
import cn.shixun.shared.web.PageDates;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What comes next on a case (issue 14): each open step, who has it (the organisations it is offered to, or the
 * applicant for an amendment) and by when. Case pages show it above their history with
 * {@code fragments/case-history :: next(processKey, caseId)}.
 */
@Component("caseNext")
public class CaseNextSteps {

    private final CaseTasks tasks;
    private final Organisations organisations;
    private final MessageSource messages;

    CaseNextSteps(CaseTasks tasks, Organisations organisations, MessageSource messages) {
        this.tasks = tasks;
        this.organisations = organisations;
        this.messages = messages;
    }

    /** One open step: its name, who has it, its due date as people read it (null without one) and whether it is past. */
    public record Next(String step, String holder, String due, boolean overdue) {
    }

    public List<Next> of(String processKey, Object caseId) {
        return tasks.openTasks(processKey, String.valueOf(caseId)).stream().map(this::next).toList();
    }

    private Next next(CaseTask task) {
        return new Next(task.name(), holder(task), task.due() == null ? null : PageDates.DAY_TIME.format(task.due()),
                task.isOverdue(Instant.now())); // the engine's clock, as the workbench's 已超期
    }

    private String holder(CaseTask task) {
        if (task.kind() == CaseTask.Kind.SUBMISSION) {
            return messages.getMessage("case-next.applicant", null, LocaleContextHolder.getLocale());
        }
        return task.candidateGroups().stream().map(CandidateGroup::parse).flatMap(Optional::stream)
                .map(group -> organisations.findByCode(group.organisationCode()).map(Organisation::name)
                        .orElse(group.organisationCode()))
                .distinct().collect(Collectors.joining("、"));
    }
}
