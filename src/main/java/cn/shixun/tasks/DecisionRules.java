package cn.shixun.tasks;

import cn.shixun.shared.UntrustedXml;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Refuses, before the engine deploys them, decision tables in any expression language but FEEL
 * (JUEL in a table resolves Spring beans through the engine's expression manager; a script
 * language runs code) and CMMN case models, which we do not use and whose case instances the
 * engine's authorizations do not cover. Only new deployments: a deployed version is not checked
 * again when the engine reloads it.
 */
final class DecisionRules implements Deployer {

    private static final Set<String> FEEL = Set.of(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            List<Problem> problems = check(resource.getName(), resource.getBytes()).stream()
                    .map(problem -> (Problem) new Refusal(problem.message(
                            problem.elementId() != null ? problem.elementId() : resource.getName()), problem.elementId()))
                    .toList();
            if (!problems.isEmpty()) {
                throw new ParseException(resource.getName() + "：" + String.join("；",
                        problems.stream().map(Problem::getMessage).toList()), resource.getName(), problems, List.of());
            }
        }
    }

    /** The refusals for one deployed resource; none for what is neither DMN nor CMMN. */
    static List<ModelProblem> check(String name, byte[] content) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".cmmn") || lower.matches(".*\\.cmmn\\d*\\.xml")) {
            return List.of(new ModelProblem(null, "guard.cmmn", "不允许 CMMN 案例模型", "CMMN case models are not allowed"));
        }
        if (!lower.endsWith(".dmn") && !lower.matches(".*\\.dmn\\d*\\.xml")) {
            return List.of();
        }
        Document document;
        try {
            document = UntrustedXml.parse(content);
        } catch (Exception unreadable) {
            return List.of(); // the engine's own parse reports it
        }
        List<ModelProblem> problems = new ArrayList<>();
        walk(document.getDocumentElement(), null, problems);
        return problems;
    }

    private static void walk(Element element, String namedId, List<ModelProblem> problems) {
        String id = element.hasAttribute("id") ? element.getAttribute("id") : namedId;
        if (element.hasAttribute("expressionLanguage")) {
            String language = element.getAttribute("expressionLanguage");
            if (FEEL.stream().noneMatch(language.trim()::equalsIgnoreCase)) {
                problems.add(new ModelProblem(id, "guard.feel", "决策表只允许 FEEL 表达式，不允许 expressionLanguage=\""
                        + language + "\"（" + element.getLocalName() + "）", "decision tables use FEEL only, not " + language));
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                walk(childElement, id, problems);
            }
        }
    }

    /** One refusal as the engine reports it, named by the element's id (or the nearest enclosing one). */
    private record Refusal(String message, String elementId) implements Problem {

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return elementId;
        }

        @Override
        public List<String> getElementIds() {
            return elementId == null ? List.of() : List.of(elementId);
        }
    }
}
