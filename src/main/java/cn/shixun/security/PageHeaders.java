package cn.shixun.security;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The Content-Security-Policy of our own pages: scripts, styles, images and requests from this
 * origin only, no inline script or style (the templates carry none: behaviour is in
 * {@code static/js}, widths of progress bars are set from there), no plugins, no framing. A
 * cross-site script that slipped into a page could neither run inline nor load from elsewhere.
 * The Camunda webapps send their own policy (their filter chain is another); Swagger UI, not ours,
 * is left as it comes.
 */
final class PageHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " frame-ancestors 'none'";

    private PageHeaders() {
    }

    static HeaderWriter contentSecurityPolicy() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new DelegatingRequestMatcherHeaderWriter(
                new NegatedRequestMatcher(new OrRequestMatcher(paths.matcher("/swagger-ui.html"),
                        paths.matcher("/swagger-ui/**"), paths.matcher("/v3/api-docs/**"))),
                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY));
    }
}
