package cn.shixun.shared.web;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns refusals into RFC 9457 problem details for the JSON API: the title and detail are in
 * the request's language (Chinese unless the client asks for English), and the body names
 * the {@code field} at fault and the {@code ruleId} where a rule is the reason.
 *
 * <p>Ordered first so that it, not Spring Boot's generic problem-details handler, answers the
 * bad-parameter cases below with the {@code field} at fault.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String TYPE_PREFIX = "urn:shixun:problem:";

    private final MessageSource messages;
    private final RefusalText refusals;

    ProblemDetailsAdvice(MessageSource messages, RefusalText refusals) {
        this.messages = messages;
        this.refusals = refusals;
    }

    @ExceptionHandler(BusinessRuleException.class)
    ProblemDetail refused(BusinessRuleException refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(RefusalStatus.of(refusal), refusals.forReader(refusal));
        problem.setType(URI.create(TYPE_PREFIX + refusal.messageKey()));
        problem.setTitle(text("problem.title." + refusal.kind().name().toLowerCase(Locale.ROOT)));
        problem.setProperty("field", refusal.field());
        if (refusal.ruleId() != null) {
            problem.setProperty("ruleId", refusal.ruleId());
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException invalid) {
        List<Map<String, String>> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", fieldMessage(error)))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(URI.create(TYPE_PREFIX + "invalid-input"));
        problem.setTitle(text("problem.title.invalid"));
        if (!errors.isEmpty()) {
            problem.setDetail(errors.get(0).get("field") + ": " + errors.get(0).get("message"));
            problem.setProperty("field", errors.get(0).get("field"));
        }
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail wrongType(MethodArgumentTypeMismatchException mismatch) {
        return badRequest(mismatch.getName(), text("problem.wrong-type", mismatch.getName(), String.valueOf(mismatch.getValue())));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException missing) {
        return badRequest(missing.getParameterName(), text("problem.missing-parameter", missing.getParameterName()));
    }

    /**
     * A body that is not JSON, a field the request does not have (refused rather than ignored, so a
     * misspelt or misplaced input never leaves its value silently unused), a value that is none of
     * an enumeration's (422, with the accepted values), or a value of the wrong type: the field is
     * named by its path in the body, e.g. {@code claim.sessions}.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
        for (Throwable cause = unreadable.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum()) {
                return unknownValue(invalid);
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                String field = pathOf(unknown);
                return badRequest(field, text("problem.unknown-field", field));
            }
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                String field = pathOf(mismatch);
                return badRequest(field, text("problem.unreadable-field", field));
            }
        }
        log.debug("Unreadable request body", unreadable);
        return badRequest(null, text("problem.unreadable-body"));
    }

    private ProblemDetail unknownValue(InvalidFormatException invalid) {
        String field = pathOf(invalid);
        String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants()).map(String::valueOf)
                .collect(Collectors.joining(", "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                text("problem.unknown-value", String.valueOf(invalid.getValue()), field, allowed));
        problem.setType(URI.create(TYPE_PREFIX + "unknown-value"));
        problem.setTitle(text("problem.title.rule_violation"));
        problem.setProperty("field", field);
        return problem;
    }

    private static String pathOf(JsonMappingException problem) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : problem.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * Two people acting on the same record at the same moment (two reviewers deciding one task,
     * two nodes): the engine's optimistic lock or the database (lock timeout, deadlock victim)
     * lets one win; the other's transaction is rolled back whole, nothing was saved, and trying
     * again after a reload is safe.
     */
    @ExceptionHandler({OptimisticLockingException.class, ConcurrencyFailureException.class})
    ProblemDetail concurrentChange(RuntimeException lost) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text("problem.concurrent-change"));
        problem.setType(URI.create(TYPE_PREFIX + "concurrent-change"));
        problem.setTitle(text("problem.title.concurrent-change"));
        return problem;
    }

    private ProblemDetail badRequest(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create(TYPE_PREFIX + "invalid-input"));
        problem.setTitle(text("problem.title.invalid"));
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    private String fieldMessage(FieldError error) {
        return messages.getMessage(error, LocaleContextHolder.getLocale());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
