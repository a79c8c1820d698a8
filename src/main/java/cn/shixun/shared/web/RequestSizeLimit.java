package cn.shixun.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses request bodies above {@code shixun.http.max-request-body} (default 2 MB) before anyone
 * reads them: a declared length above the limit gets 413 as a problem detail at once; a body
 * without a declared length (chunked) is cut off when it passes the limit, which the reader sees
 * as an unreadable body (400). Nothing legitimate comes near: the largest is a BPMN deployment.
 * The POSTs that upload an evidence file ({@code shixun.http.upload-paths}) get the larger
 * {@code shixun.http.max-upload-body} instead (ADR 0007).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long limit;
    private final long uploadLimit;
    private final List<PathPattern> uploadPaths;
    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final ObjectMapper objectMapper;

    RequestSizeLimit(@Value("${shixun.http.max-request-body:2MB}") DataSize limit,
                     @Value("${shixun.http.max-upload-body:2MB}") DataSize uploadLimit,
                     @Value("${shixun.http.upload-paths:}") List<String> uploadPaths, MessageSource messages,
                     LocaleResolver localeResolver, ObjectMapper objectMapper) {
        this.limit = limit.toBytes();
        this.uploadLimit = uploadLimit.toBytes();
        this.uploadPaths = uploadPaths.stream().filter(path -> !path.isBlank()).map(PathPatternParser.defaultInstance::parse)
                .toList();
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long allowed = isUpload(request) ? uploadLimit : limit;
        if (request.getContentLengthLong() > allowed) {
            tooLarge(request, response, allowed);
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, allowed) : request, response);
    }

    private boolean isUpload(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || uploadPaths.isEmpty()) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return uploadPaths.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long allowed) throws IOException {
        String limitText = DataSize.ofBytes(allowed).toMegabytes() + " MB";
        var locale = localeResolver.resolveLocale(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:shixun:problem:request-too-large");
        problem.put("title", messages.getMessage("problem.title.too-large", null, locale));
        problem.put("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
        problem.put("detail", messages.getMessage("problem.request-too-large", new Object[] {limitText}, locale));
        problem.put("instance", request.getRequestURI());
        // The client may still be sending; closing the connection spares reading what nobody wants.
        response.setHeader("Connection", "close");
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    /** A body of unknown length that fails with an IOException once it passes the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new IOException("request body larger than " + limit + " bytes");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
