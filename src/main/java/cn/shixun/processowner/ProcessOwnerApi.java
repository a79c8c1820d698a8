package cn.shixun.processowner;

import cn.shixun.shared.web.PageDates;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the console's scripts fetch: a version's XML for bpmn-js / dmn-js (inside JSON, so that a
 * model is never served as a document a browser would render) and the open cases per step.
 */
@RestController
@RequestMapping("/process-owner/api")
@PreAuthorize("hasRole('PROCESS_OWNER')")
class ProcessOwnerApi {

    private final ModelCatalogue catalogue;
    private final CaseCounts counts;

    ProcessOwnerApi(ModelCatalogue catalogue, CaseCounts counts) {
        this.catalogue = catalogue;
        this.counts = counts;
    }

    record ModelXml(String key, int version, String xml) {
    }

    /** Open cases per step (activity id), counted at {@code countedAt} (Beijing time, {@code 2026-12-07 09:00}). */
    record OpenSteps(Map<String, Long> openPerStep, String countedAt) {
    }

    @GetMapping("/procedures/{key}/{version}/model")
    ModelXml procedureModel(@PathVariable String key, @PathVariable int version) {
        return new ModelXml(key, version, catalogue.procedureXml(key, version));
    }

    @GetMapping("/procedures/{key}/{version}/open-steps")
    OpenSteps openSteps(@PathVariable String key, @PathVariable int version) {
        Counted<Map<String, Long>> open = counts.openPerStep(catalogue.procedure(key, version).getId());
        return new OpenSteps(open.value(), PageDates.DAY_TIME.format(open.countedAt()));
    }

    @GetMapping("/decisions/{key}/{version}/model")
    ModelXml decisionModel(@PathVariable String key, @PathVariable int version) {
        return new ModelXml(key, version, catalogue.decisionXml(key, version));
    }
}
