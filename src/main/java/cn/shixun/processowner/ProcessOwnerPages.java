package cn.shixun.processowner;

import cn.shixun.shared.web.BpmnIoAssets;
import cn.shixun.models.HeldModels;
import cn.shixun.processowner.policies.PolicyVersionOverview;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.web.ErrorPage;
import cn.shixun.shared.web.RefusalStatus;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's read-only pages. The diagrams and tables are drawn in the browser by bpmn-js and
 * dmn-js from the XML that {@link ProcessOwnerApi} serves; the pages only name the addresses.
 */
@Controller
@RequestMapping("/process-owner")
@PreAuthorize("hasRole('PROCESS_OWNER')")
class ProcessOwnerPages {

    private final ModelCatalogue catalogue;
    private final HeldModels held;
    private final BpmnIoAssets bpmnIo;
    private final PolicyVersionOverview policies;

    ProcessOwnerPages(ModelCatalogue catalogue, HeldModels held, BpmnIoAssets bpmnIo, PolicyVersionOverview policies) {
        this.catalogue = catalogue;
        this.held = held;
        this.bpmnIo = bpmnIo;
        this.policies = policies;
    }

    @GetMapping
    String catalogue(Model model) {
        Counted<List<ProcedureSummary>> procedures = catalogue.procedures();
        model.addAttribute("procedures", procedures.value());
        model.addAttribute("countedAt", procedures.countedAt());
        model.addAttribute("decisions", catalogue.decisions());
        model.addAttribute("held", held.all());
        model.addAttribute("profiles", policies.profiles());
        return "processowner/catalogue";
    }

    @GetMapping("/procedures/{key}")
    String procedure(@PathVariable String key, Model model) {
        Counted<List<ModelVersion>> versions = catalogue.procedureVersions(key);
        model.addAttribute("key", key);
        model.addAttribute("name", catalogue.procedure(key, versions.value().get(0).version()).getName());
        model.addAttribute("versions", versions.value());
        model.addAttribute("countedAt", versions.countedAt());
        return "processowner/procedure";
    }

    @GetMapping("/procedures/{key}/{version}")
    String diagram(@PathVariable String key, @PathVariable int version, Model model) {
        model.addAttribute("definition", catalogue.procedure(key, version));
        model.addAttribute("bpmnJs", bpmnIo.path("bpmn-js"));
        return "processowner/diagram";
    }

    @GetMapping("/decisions/{key}/{version}")
    String decision(@PathVariable String key, @PathVariable int version, Model model) {
        model.addAttribute("definition", catalogue.decision(key, version));
        model.addAttribute("versions", catalogue.decisionVersions(key));
        model.addAttribute("dmnJs", bpmnIo.path("dmn-js"));
        model.addAttribute("pinnedBy", pinnedBy(key, version));
        return "processowner/decision";
    }

    /** A policy version that evaluates a table version, with its profile's name: what the table page lists. */
    record PinningVersion(String profileCode, String profileName, PolicyVersionOverview.Version version) {
    }

    /**
     * The policy versions pinned to version {@code version} of table {@code key}: only they evaluate it,
     * so a table version nobody pins changes no teacher's hours (ADR 0012 §1).
     */
    private List<PinningVersion> pinnedBy(String key, int version) {
        PolicyVersionOverview.Pin pin = new PolicyVersionOverview.Pin(key, version);
        return policies.profiles().stream().flatMap(profile -> profile.versions().stream()
                .filter(v -> v.pins().contains(pin))
                .map(v -> new PinningVersion(profile.code(), profile.name(), v))).toList();
    }

    /** An unknown procedure, table or version: the "page not found" page. */
    @ExceptionHandler(BusinessRuleException.class)
    ModelAndView refused(BusinessRuleException refusal) {
        return ErrorPage.of(RefusalStatus.of(refusal));
    }
}
