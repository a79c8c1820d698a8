package cn.shixun.security;

import cn.shixun.shared.BusinessDate;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * 401 and 403 for the JSON APIs as RFC 9457 problem details, in the caller's language
 * (Chinese unless it asks for English), like every other refusal of the API. These happen in
 * the filter chain, before any controller advice could run.
 */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final String TYPE_PREFIX = "urn:shixun:problem:";
    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);
    private static final DateTimeFormatter BEIJING_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(BusinessDate.ZONE);

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final ObjectMapper objectMapper;
    /** The APIs take Keycloak's bearer tokens (ADR 0006) instead of HTTP Basic. */
    private final boolean bearerTokens;

    SecurityProblems(MessageSource messages, LocaleResolver localeResolver, ObjectMapper objectMapper,
                     Environment environment) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.objectMapper = objectMapper;
        this.bearerTokens = environment.matchesProfiles("keycloak");
    }

    /**
     * 401. With Keycloak (bearer tokens) a request that sent a token learns only that it is
     * invalid: forged, expired, for another audience or for no account here (the reason is logged).
     */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof SignInBlockedException blocked) {
            // 429, not 401: the credentials are not the question now, and a client told 401 would
            // ask for them again at once; Retry-After says when asking makes sense.
            signInBlocked(request, response, HttpStatus.TOO_MANY_REQUESTS, blocked, false);
        } else if (!bearerTokens) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Shixun\", charset=\"UTF-8\"");
            write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
        } else if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            log.info("Bearer token refused on {} {}: {}", request.getMethod(), request.getRequestURI(), failure.getMessage());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Shixun\", error=\"invalid_token\"");
            write(request, response, HttpStatus.UNAUTHORIZED, "invalid-token");
        } else {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Shixun\"");
            write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated-bearer");
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden");
    }

    /**
     * Password sign-in refused for a while ({@link SignInThrottle}): until when, in Beijing time,
     * and {@code Retry-After}. {@code withMessage} adds the detail as {@code message} too, which
     * is what the Camunda webapps' login shows of a refusal.
     */
    void signInBlocked(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                       SignInBlockedException blocked, boolean withMessage) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(blocked.retryAfterSeconds()));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("blockedUntil", blocked.blockedUntil().toString());
        if (withMessage) {
            extra.put("message", messages.getMessage("security.problem.sign-in-blocked.detail",
                    new Object[] {beijingTime(blocked)}, localeResolver.resolveLocale(request)));
        }
        write(request, response, status, "sign-in-blocked", new Object[] {beijingTime(blocked)}, extra);
    }

    /** Until when a blocked sign-in is refused, as a person in China reads the time. */
    static String beijingTime(SignInBlockedException blocked) {
        return BEIJING_TIME.format(blocked.blockedUntil());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String kind)
            throws IOException {
        write(request, response, status, kind, null, Map.of());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String kind,
                       Object[] detailArguments, Map<String, Object> extra) throws IOException {
        Locale locale = localeResolver.resolveLocale(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + kind);
        problem.put("title", messages.getMessage("security.problem." + kind + ".title", null, locale));
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage("security.problem." + kind + ".detail", detailArguments, locale));
        problem.put("instance", request.getRequestURI());
        problem.putAll(extra);
        response.setStatus(status.value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
