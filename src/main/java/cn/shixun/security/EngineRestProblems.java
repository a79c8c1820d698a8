package cn.shixun.security;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Every failure on {@code /engine-rest} as an RFC 9457 problem detail in the caller's language,
 * in place of Camunda's handlers (which answer an unknown task with 500 and a Java exception
 * name): a refusal of the engine gate or the casework with its own status and text; not found
 * 404 — one body for an unknown record and for someone else's; a lost race 409; bad input 400,
 * a model that fails validation listing each problem with its element id; anything else 500
 * without detail (logged). No body names a Java class.
 */
class EngineRestProblems implements ExceptionMapper<Throwable> {

    private static final String TYPE_PREFIX = "urn:shixun:problem:";
    /** A fully qualified Java name, as engine messages sometimes carry one. */
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Za-z_$][\\w$]*\\b");
    private static final Logger log = LoggerFactory.getLogger(EngineRestProblems.class);

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final RefusalText refusals;

    EngineRestProblems(MessageSource messages, LocaleResolver localeResolver, RefusalText refusals) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.refusals = refusals;
    }

    @Override
    public Response toResponse(Throwable failure) {
        Locale locale = locale();
        BusinessRuleException refusal = find(failure, BusinessRuleException.class);
        if (refusal != null) {
            return refused(refusal, find(failure, EngineRefusal.class), locale);
        }
        ParseException invalidModel = find(failure, ParseException.class);
        if (invalidModel != null) {
            return invalidModel(invalidModel, locale);
        }
        if (find(failure, OptimisticLockingException.class) != null) {
            return problem(409, "concurrent-change", text("engine.problem.conflict.title", locale),
                    text("engine.problem.conflict.detail", locale), null);
        }
        if (failure instanceof RestException rest && rest.getStatus() != null) {
            return byStatus(rest.getStatus().getStatusCode(), rest.getMessage(), locale);
        }
        if (failure instanceof WebApplicationException web) {
            return byStatus(web.getResponse().getStatus(), null, locale);
        }
        if (failure instanceof NotFoundException || failure instanceof NullValueException) {
            return notFound(locale);
        }
        if (failure instanceof AuthorizationException) {
            return problem(403, "forbidden", text("engine.problem.forbidden.title", locale),
                    text("engine.problem.forbidden.detail", locale), null);
        }
        if (failure instanceof BadUserRequestException || failure instanceof NotValidException
                || failure instanceof MigrationPlanValidationException
                || failure instanceof MigratingProcessInstanceValidationException) {
            return invalid(failure.getMessage(), locale);
        }
        if (find(failure, JsonProcessingException.class) != null) {
            return invalid(text("engine.problem.invalid-json.detail", locale), locale);
        }
        if (failedReadingTheRequest(failure)) {
            return invalid(text("engine.problem.incomplete.detail", locale), locale);
        }
        log.error("Engine REST call failed on {}", instance(), failure);
        return problem(500, "internal-error", text("engine.problem.error.title", locale),
                text("engine.problem.error.detail", locale), null);
    }

    private Response refused(BusinessRuleException refusal, EngineRefusal gate, Locale locale) {
        if (gate instanceof EngineRefusal.Unknown) {
            return notFound(locale); // exactly the body of an unknown record
        }
        int status = switch (refusal.kind()) {
            case RULE_VIOLATION -> gate != null ? 400 : 422;
            case MALFORMED -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
        };
        if (status == 404) {
            return notFound(locale);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("field", refusal.field());
        if (refusal.ruleId() != null) {
            extra.put("ruleId", refusal.ruleId());
        }
        if (gate != null) {
            extra.put("operation", gate.operation());
        }
        return problem(status, refusal.messageKey(),
                messages.getMessage("problem.title." + refusal.kind().name().toLowerCase(Locale.ROOT), null,
                        refusal.kind().name(), locale),
                inLocale(locale, () -> refusals.forReader(refusal)), extra);
    }

    /** A model refused at deployment: one entry per problem, naming the resource and the element. */
    private Response invalidModel(ParseException invalid, Locale locale) {
        List<Map<String, Object>> problems = new ArrayList<>();
        for (ResourceReport report : invalid.getResorceReports()) {
            for (Problem problem : report.getErrors()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("resource", report.getResourceName());
                entry.put("element", problem.getMainElementId());
                entry.put("elements", problem.getElementIds());
                entry.put("message", clean(problem.getMessage()));
                entry.put("line", problem.getLine());
                entry.put("column", problem.getColumn());
                problems.add(entry);
            }
        }
        String summary = problems.isEmpty() ? clean(invalid.getMessage())
                : problems.stream().map(p -> (p.get("element") == null ? "" : p.get("element") + ": ") + p.get("message"))
                        .reduce((a, b) -> a + "; " + b).orElse("");
        return problem(400, "invalid-model", text("engine.problem.invalid.title", locale),
                messages.getMessage("engine.problem.invalid-model.detail", new Object[] {summary}, locale),
                Map.of("problems", problems));
    }

    private Response byStatus(int status, String message, Locale locale) {
        if (status == 404) {
            return notFound(locale);
        }
        if (status == 403) {
            return problem(403, "forbidden", text("engine.problem.forbidden.title", locale),
                    text("engine.problem.forbidden.detail", locale), null);
        }
        if (status == 400) {
            return invalid(message, locale);
        }
        if (status >= 500) {
            return problem(status, "internal-error", text("engine.problem.error.title", locale),
                    text("engine.problem.error.detail", locale), null);
        }
        return problem(status, "unavailable", text("engine.problem.unavailable.title", locale),
                message == null ? null : clean(message), null);
    }

    private Response notFound(Locale locale) {
        return problem(404, "not-found", text("engine.problem.not-found.title", locale),
                text("engine.problem.not-found.detail", locale), null);
    }

    private Response invalid(String message, Locale locale) {
        return problem(400, "invalid-input", text("engine.problem.invalid.title", locale),
                message == null ? null : clean(message), null);
    }

    private static Response problem(int status, String kind, String title, String detail, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + kind);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        body.put("instance", instance());
        if (extra != null) {
            body.putAll(extra);
        }
        return Response.status(status).type(MediaType.valueOf("application/problem+json")).entity(body).build();
    }

    /**
     * Camunda's REST resources take a missing or malformed part of a request (no body on
     * {@code deployment/create}, a value of the wrong kind) for granted and fail on it: a null
     * or an illegal argument raised in the REST layer itself is the request's fault.
     */
    private static boolean failedReadingTheRequest(Throwable failure) {
        if (!(failure instanceof NullPointerException || failure instanceof IllegalArgumentException
                || failure instanceof ClassCastException)) {
            return false;
        }
        StackTraceElement[] stack = failure.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().startsWith("org.camunda.bpm.engine.rest.");
    }

    /** An engine message without the Java names some carry. */
    static String clean(String message) {
        return message == null ? null : JAVA_NAME.matcher(message).replaceAll("…");
    }

    private static <E> E find(Throwable failure, Class<E> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** Outside Spring MVC the request's locale is not the one our resolver chooses (Chinese unless English is asked for). */
    private static String inLocale(Locale locale, java.util.function.Supplier<String> text) {
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(locale);
        try {
            return text.get();
        } finally {
            LocaleContextHolder.setLocale(before);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private Locale locale() {
        HttpServletRequest request = request();
        return request == null ? Locale.SIMPLIFIED_CHINESE : localeResolver.resolveLocale(request);
    }

    private static String instance() {
        HttpServletRequest request = request();
        return request == null ? null : request.getRequestURI();
    }

    private static HttpServletRequest request() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }
}
