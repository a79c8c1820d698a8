package cn.shixun.tasks;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Service;

/**
 * The cases still running that belong to an organisation, as each procedure's {@link CaseHandler}
 * names it from its record: what must be finished before a school moves to another county, since
 * every review of a running case is checked against the routing of R-04 as it is now
 * ({@link CaseApprovals}), and a move changes that routing.
 */
@Service
public class OpenCases {

    private final HistoryService history;
    private final CaseHandlers handlers;

    OpenCases(HistoryService history, CaseHandlers handlers) {
        this.history = history;
        this.handlers = handlers;
    }

    /** A running case: its procedure's process key and its id (the business key). */
    public record OpenCase(String processKey, String caseId) {
    }

    /** The running cases whose record names {@code organisationId}; reads every running case, for an administrator's rare step. */
    public List<OpenCase> of(Long organisationId) {
        return history.createHistoricProcessInstanceQuery().unfinished().list().stream()
                .filter(instance -> instance.getBusinessKey() != null)
                .filter(instance -> handlers.find(instance.getProcessDefinitionKey())
                        .flatMap(handler -> handler.organisationId(instance.getBusinessKey()))
                        .filter(organisation -> Objects.equals(organisation, organisationId)).isPresent())
                .map(instance -> new OpenCase(instance.getProcessDefinitionKey(), instance.getBusinessKey()))
                .toList();
    }
}
