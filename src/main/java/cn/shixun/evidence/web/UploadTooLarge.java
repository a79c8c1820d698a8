package cn.shixun.evidence.web;

import cn.shixun.evidence.EvidenceFiles;
import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file above the evidence limit: 413 as a problem detail in the reader's language, naming the
 * field {@code file}. Not limited to our controllers, because the multipart parser may refuse
 * before any controller is chosen.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLarge {

    private final MessageSource messages;
    private final EvidenceFiles evidence;

    UploadTooLarge(MessageSource messages, EvidenceFiles evidence) {
        this.messages = messages;
        this.evidence = evidence;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge() {
        var locale = LocaleContextHolder.getLocale();
        String limit = evidence.maxFileSize() / (1024 * 1024) + " MB";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                messages.getMessage("evidence.too-large", new Object[] {limit}, locale));
        problem.setType(URI.create("urn:shixun:problem:evidence.too-large"));
        problem.setTitle(messages.getMessage("problem.title.too-large", null, locale));
        problem.setProperty("field", "file");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
