package cn.shixun.organisation.web;

import cn.shixun.organisation.ProviderEligibility;
import cn.shixun.organisation.ProviderKind;
import cn.shixun.organisation.Stage;
import cn.shixun.organisation.TrainingProvider;
import cn.shixun.organisation.TrainingProviders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "training-providers", description = "培训机构及其资质 (R-06)")
@RestController
@RequestMapping("/api/training-providers")
class TrainingProviderController {

    record ProviderView(Long id, String name, ProviderKind kind, String kindLabel, boolean guopeiQualified, Long countyId) {

        static ProviderView of(TrainingProvider p) {
            return new ProviderView(p.getId(), p.name(), p.kind(), p.kind().label(), p.guopeiQualified(), p.countyId());
        }
    }

    record EligibilityView(Long providerId, Stage stage, Long countyId, boolean eligible, String ruleId, String reason) {
    }

    private final TrainingProviders providers;
    private final ProviderEligibility eligibility;
    private final MessageSource messages;

    TrainingProviderController(TrainingProviders providers, ProviderEligibility eligibility, MessageSource messages) {
        this.providers = providers;
        this.eligibility = eligibility;
        this.messages = messages;
    }

    @GetMapping
    List<ProviderView> all() {
        return providers.all().stream().map(ProviderView::of).toList();
    }

    @Operation(summary = "May this provider deliver a project for this stage, designed by this county? (R-06)")
    @GetMapping("/{id}/eligibility")
    EligibilityView eligibility(@PathVariable Long id, @RequestParam Stage stage, @RequestParam(required = false) Long countyId) {
        ProviderEligibility.Verdict verdict = eligibility.assess(id, stage, countyId);
        String reason = messages.getMessage(verdict.reasonKey(), verdict.reasonArgs().toArray(), LocaleContextHolder.getLocale());
        return new EligibilityView(id, stage, countyId, verdict.eligible(), verdict.ruleId(), reason);
    }
}
