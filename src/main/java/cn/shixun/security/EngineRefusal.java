package cn.shixun.security;

import cn.shixun.shared.BusinessRuleException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A call the engine gate refused, with the reason a person reads ({@link BusinessRuleException},
 * its cause). The engine REST API renders it as a problem detail ({@code EngineRestProblems});
 * Camunda's own webapps map it by its engine type: a closed operation is an authorization
 * failure (403), the rest a bad request (400).
 */
interface EngineRefusal {

    /** What the caller tried, e.g. {@code task.bpmn-error}, {@code task.complete}. */
    String operation();

    BusinessRuleException reason();

    /** A refusal the engine's callers see as a bad request; {@link Refused} and {@link Unknown} tell the REST API which status. */
    abstract class BadInput extends BadUserRequestException implements EngineRefusal {
        private final String operation;

        BadInput(String operation, String text, BusinessRuleException reason) {
            super(text, reason);
            this.operation = operation;
        }

        @Override
        public String operation() {
            return operation;
        }

        @Override
        public BusinessRuleException reason() {
            return (BusinessRuleException) getCause();
        }
    }

    /** Answered by its reason: the variables of a completion are not what a step takes 400, a decision already taken 409. */
    final class Refused extends BadInput {
        Refused(String operation, String text, BusinessRuleException reason) {
            super(operation, text, reason);
        }
    }

    /** No such task for this caller (unknown, or someone else's: the same answer): 404. */
    final class Unknown extends BadInput {
        Unknown(String operation, String text, BusinessRuleException reason) {
            super(operation, text, reason);
        }
    }

    /** An operation that bypasses casework, closed to the caller: 403 (or 409 for a deployment still in use). */
    final class Closed extends AuthorizationException implements EngineRefusal {
        private final String operation;
        private final BusinessRuleException reason;

        Closed(String operation, String text, BusinessRuleException reason) {
            super(text);
            this.operation = operation;
            this.reason = reason;
            initCause(reason);
        }

        @Override
        public String operation() {
            return operation;
        }

        @Override
        public BusinessRuleException reason() {
            return reason;
        }
    }
}
