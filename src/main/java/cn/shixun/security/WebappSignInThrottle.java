package cn.shixun.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Camunda webapps' own login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}})
 * while its name or address is blocked ({@link SignInThrottle}): answered here with the webapp's
 * usual refusal, 401, and a message saying until when, which the login page shows; recorded as a
 * blocked sign-in. The engine's password check ({@link EngineDirectory#checkPassword}) counts the
 * failures and refuses a blocked name too; this filter only lets the person know why.
 */
class WebappSignInThrottle extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final SecurityProblems problems;
    private final ApplicationEventPublisher events;

    WebappSignInThrottle(SignInThrottle throttle, SecurityProblems problems, ApplicationEventPublisher events) {
        this.throttle = throttle;
        this.problems = problems;
        this.events = events;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().matches(".*/auth/user/[^/]+/login/[^/]+/?");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Read the form here and hand the same bytes on: reading it through getParameter would leave
        // the webapp's JAX-RS resource an empty body (and a warning in the log on every login).
        byte[] body = request.getInputStream().readAllBytes();
        String username = formField(new String(body, StandardCharsets.UTF_8), "username");
        try {
            throttle.refuseIfBlocked(username, request.getRemoteAddr());
        } catch (SignInBlockedException blocked) {
            events.publishEvent(new AuthenticationFailureLockedEvent(
                    UsernamePasswordAuthenticationToken.unauthenticated(username, null), blocked));
            problems.signInBlocked(request, response, HttpStatus.UNAUTHORIZED, blocked, true);
            return;
        }
        chain.doFilter(new Replayed(request, body), response);
    }

    /** One field of an {@code application/x-www-form-urlencoded} body (UTF-8, as the webapps send it), or "". */
    private static String formField(String form, String name) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (decode(key).equals(name)) {
                return equals < 0 ? "" : decode(pair.substring(equals + 1));
            }
        }
        return "";
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return encoded;
        }
    }

    /** The request with its body read once more from the bytes already read. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), encoding));
        }
    }
}
