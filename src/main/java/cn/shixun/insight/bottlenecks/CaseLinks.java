package cn.shixun.insight.bottlenecks;

import cn.shixun.tasks.CaseHandler;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The case page of a case, as the workbench links it: from the procedure's {@link CaseHandler}. */
@Component
class CaseLinks {

    private final ObjectProvider<CaseHandler> handlers;

    CaseLinks(ObjectProvider<CaseHandler> handlers) {
        this.handlers = handlers;
    }

    Optional<String> page(String processKey, String caseId) {
        return caseId == null ? Optional.empty() : handlers.orderedStream()
                .filter(handler -> handler.processKey().equals(processKey)).findFirst()
                .flatMap(handler -> handler.casePage(caseId));
    }
}
