package cn.shixun.processowner.drafts;

import cn.shixun.shared.BusinessRuleException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The drafts API of the console's editors (ADR 0012 §2): XML in, JSON out, process owners only.
 * A draft's {@code ETag} is its {@code lockVersion}; a save names it in {@code If-Match} (428
 * without, 409 when another save came first).
 */
@RestController
@RequestMapping("/process-owner/api/drafts")
@PreAuthorize("hasRole('PROCESS_OWNER')")
class ModelDraftApi {

    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(\\d{1,9})\"?");

    private final ModelDrafts drafts;
    private final MessageSource messages;

    ModelDraftApi(ModelDrafts drafts, MessageSource messages) {
        this.drafts = drafts;
        this.messages = messages;
    }

    /** The deployed process or decision definition a draft starts from, e.g. {@code degreeExemption:2:…}. */
    record NewDraft(String definitionId) {
    }

    @GetMapping
    List<ModelDraft> editing() {
        return drafts.editing();
    }

    @PostMapping
    ResponseEntity<ModelDraft> startFrom(@RequestBody NewDraft request) {
        return created(drafts.startFrom(request.definitionId()));
    }

    @PostMapping("/import")
    ResponseEntity<ModelDraft> importFile(@RequestParam(name = "file", required = false) MultipartFile file) {
        if (file == null) {
            throw BusinessRuleException.violation(null, "file", "draft.content-empty");
        }
        try {
            return created(drafts.importFile(file.getOriginalFilename(), file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{id}")
    ResponseEntity<ModelDraft> get(@PathVariable long id) {
        return tagged(ResponseEntity.ok(), drafts.get(id));
    }

    @PutMapping("/{id}")
    ResponseEntity<ModelDraft> save(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                    @RequestBody(required = false) byte[] content) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new IfMatchRequired();
        }
        Matcher version = VERSION.matcher(ifMatch.strip());
        if (!version.matches()) {
            throw BusinessRuleException.violation(null, "If-Match", "draft.if-match-invalid", ifMatch);
        }
        return tagged(ResponseEntity.ok(), drafts.save(id, Integer.parseInt(version.group(1)), content));
    }

    @PostMapping("/{id}/discard")
    ModelDraft discard(@PathVariable long id) {
        return drafts.discard(id);
    }

    @PostMapping("/{id}/validation")
    List<DraftProblem> validate(@PathVariable long id) {
        return drafts.validate(id);
    }

    /** A save without {@code If-Match}: it would overwrite whatever another owner saved meanwhile. */
    static final class IfMatchRequired extends RuntimeException {
        IfMatchRequired() {
            super("If-Match required");
        }
    }

    @ExceptionHandler(IfMatchRequired.class)
    ProblemDetail ifMatchRequired() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED,
                messages.getMessage("draft.if-match-required", null, LocaleContextHolder.getLocale()));
        problem.setType(URI.create("urn:shixun:problem:draft.if-match-required"));
        problem.setProperty("field", "If-Match");
        return problem;
    }

    private static ResponseEntity<ModelDraft> created(ModelDraft draft) {
        return tagged(ResponseEntity.created(URI.create("/process-owner/api/drafts/" + draft.id())), draft);
    }

    private static ResponseEntity<ModelDraft> tagged(ResponseEntity.BodyBuilder response, ModelDraft draft) {
        return response.eTag("\"" + draft.lockVersion() + "\"").body(draft);
    }
}
