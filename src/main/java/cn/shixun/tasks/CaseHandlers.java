package cn.shixun.tasks;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The procedure modules' {@link CaseHandler}s by process key. Looked up on use, not injected:
 * the handlers depend on the engine, which the casework's listener is part of.
 */
@Component
class CaseHandlers {

    private final ObjectProvider<CaseHandler> handlers;

    CaseHandlers(ObjectProvider<CaseHandler> handlers) {
        this.handlers = handlers;
    }

    Optional<CaseHandler> find(String processKey) {
        return handlers.orderedStream().filter(handler -> handler.processKey().equals(processKey)).findFirst();
    }

    CaseHandler require(String processKey) {
        return find(processKey).orElseThrow(() -> new IllegalStateException(
                "process " + processKey + " has case tasks but no CaseHandler bean"));
    }
}
