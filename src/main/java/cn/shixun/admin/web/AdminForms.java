package cn.shixun.admin.web;

import cn.shixun.organisation.Organisation;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.RefusalStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the administration pages share: a refusal shown beside its field (or above the form when it names
 * none of the form's fields) with the refusal's status, and the organisation tree as the options of a select.
 */
@Component
class AdminForms {

    /** The key of a refusal that names no field of the form. */
    static final String FORM = "form";

    private final RefusalText refusals;

    AdminForms(RefusalText refusals) {
        this.refusals = refusals;
    }

    /** Puts {@code errors} (field → text) and {@code failed} (which form) in the model and sets the status. */
    void refused(BusinessRuleException refusal, String form, List<String> fields, Model model,
                 HttpServletResponse response) {
        String field = refusal.field() != null && fields.contains(refusal.field()) ? refusal.field() : FORM;
        model.addAttribute("errors", Map.of(field, refusals.forReader(refusal)));
        model.addAttribute("failed", form);
        response.setStatus(RefusalStatus.of(refusal).value());
    }

    /** An organisation as a select's option: indented by its depth so that the tree shows, its code after its name. */
    record Option(Long id, String label, String level) {

        static List<Option> of(List<Organisation> tree) {
            return tree.stream().map(o -> new Option(o.getId(), "\u3000".repeat(depth(o)) + o.name()
                    + "（" + o.code() + "）", o.level().name())).toList();
        }
    }

    /** How deep in the tree: 0 for a province, 1 for a city or a province-direct school, and so on ({@code /1/5/} is 1). */
    static int depth(Organisation organisation) {
        return (int) organisation.path().chars().filter(c -> c == '/').count() - 2;
    }
}
