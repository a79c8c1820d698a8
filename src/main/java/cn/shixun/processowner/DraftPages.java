package cn.shixun.processowner;

import cn.shixun.shared.web.BpmnIoAssets;
import cn.shixun.processowner.drafts.ModelDraft;
import cn.shixun.processowner.drafts.ModelDraft.Kind;
import cn.shixun.processowner.drafts.ModelDrafts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.web.ErrorPage;
import cn.shixun.shared.web.RefusalStatus;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's draft pages (ADR 0012 §2 "Drafts"): the drafts being edited, a new draft from a
 * deployed version, and the editor — bpmn-js' or dmn-js' modeler, which loads, saves and validates
 * the draft through {@code /process-owner/api/drafts} ({@code static/js/process-owner-editor.js}), with the
 * 步骤设置 panel for a user task's casework settings ({@code static/js/process-owner-step-settings.js}).
 */
@Controller
@RequestMapping("/process-owner/drafts")
@PreAuthorize("hasRole('PROCESS_OWNER')")
class DraftPages {

    private final ModelDrafts drafts;
    private final BpmnIoAssets bpmnIo;
    private final RepositoryService repository;

    DraftPages(ModelDrafts drafts, BpmnIoAssets bpmnIo, RepositoryService repository) {
        this.drafts = drafts;
        this.bpmnIo = bpmnIo;
        this.repository = repository;
    }

    /**
     * The deployed version a draft started from, as a person reads it ("学时要求 v1") with the address
     * of its viewer page; {@code href} null when the draft has no base or the definition is gone.
     */
    record Base(String label, String href) {
    }

    /** A draft in the list, with its base version. */
    record Row(ModelDraft draft, Base base) {
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("drafts", drafts.editing().stream().map(draft -> new Row(draft, base(draft))).toList());
        return "processowner/drafts";
    }

    /** 从已部署版本新建草稿: the form on a version's page. */
    @PostMapping
    String startFrom(@RequestParam(required = false) String definitionId) {
        return "redirect:/process-owner/drafts/" + drafts.startFrom(definitionId).id();
    }

    @GetMapping("/{id}")
    String editor(@PathVariable long id, Model model) {
        ModelDraft draft = drafts.get(id);
        model.addAttribute("draft", draft);
        model.addAttribute("base", base(draft));
        model.addAttribute("bpmnJs", bpmnIo.path("bpmn-js"));
        model.addAttribute("dmnJs", bpmnIo.path("dmn-js"));
        model.addAttribute("camundaModdle", bpmnIo.path("camunda-bpmn-moddle"));
        model.addAttribute("routings", StepRoutings.CHOICES);
        model.addAttribute("decisions", Decision.values());
        model.addAttribute("decisionVariable", CaseTasks.DECISION);
        model.addAttribute("bpmn", draft.kind() == Kind.BPMN);
        return "processowner/draft";
    }

    @PostMapping("/{id}/discard")
    String discard(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("discarded", drafts.discard(id).resourceName());
        return "redirect:/process-owner/drafts";
    }

    private Base base(ModelDraft draft) {
        String id = draft.baseDefinitionId();
        if (id == null) {
            return new Base(null, null);
        }
        ProcessDefinition process = repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
        if (process != null) {
            return new Base(label(process.getName(), process.getKey(), process.getVersion()),
                    "/process-owner/procedures/" + process.getKey() + "/" + process.getVersion());
        }
        DecisionDefinition decision = repository.createDecisionDefinitionQuery().decisionDefinitionId(id).singleResult();
        if (decision != null) {
            return new Base(label(decision.getName(), decision.getKey(), decision.getVersion()),
                    "/process-owner/decisions/" + decision.getKey() + "/" + decision.getVersion());
        }
        return new Base(id, null);
    }

    private static String label(String name, String key, int version) {
        return (name == null || name.isBlank() ? key : name) + " v" + version;
    }

    /** An unknown draft or definition (404), a draft no longer being edited (409): the error page with its status. */
    @ExceptionHandler(BusinessRuleException.class)
    ModelAndView refused(BusinessRuleException refusal) {
        return ErrorPage.of(RefusalStatus.of(refusal));
    }
}
