package cn.shixun;

import static cn.shixun.ProcessModelConventionsTest.caseTaskKind;
import static cn.shixun.ProcessModelConventionsTest.models;
import static cn.shixun.ProcessModelConventionsTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.tasks.CaseHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The forms in {@code forms/} work for a person in Camunda Tasklist: they send them to our pages,
 * never to JSON API paths. Tasklist renders a text component's markdown after evaluating its
 * {@code {{ }}} templates over the task's process variables (form-js 1.13 in the 7.24 webapp, see
 * docs/processes/tasklist-forms.md), so a form reaches this case's page through the case id variable
 * the process was started with (issue 3: ids and routing flags only).
 * <ul>
 *   <li>no form names {@code /api/} or an HTTP verb;</li>
 *   <li>every template variable is the process's case id variable, which its start code sets; a start
 *       form (no variables yet) may use it only inside {@code {{#if id}}};</li>
 *   <li>every link, templates filled with a sample id, is a relative path that a GET page handler of the
 *       application answers; a task form links to exactly the page its {@link CaseHandler#casePage} names,
 *       submission steps as {@value #OPEN_CASE_PAGE}, reviews as {@value #SEE_MATERIALS}.</li>
 * </ul>
 * Same context as {@link ProcessModelConventionsTest}.
 */
@SpringBootTest
class TasklistFormLinksTest {

    static final String OPEN_CASE_PAGE = "在师训系统中打开办理页面";
    static final String SEE_MATERIALS = "查看申请人台账与材料";
    private static final String SAMPLE_ID = "4711";

    /** The variable each process is started with that holds its case id (= business key), by the start code. */
    private static final Map<String, String> CASE_ID_VARIABLE = Map.of(
            "degreeExemption", "exemptionId",
            "externalTrainingApproval", "trainingId",
            "countyPlanFiling", "planId",
            "annualRegistration", "registrationId",
            "cycleVerification", "verificationId",
            "schoolBasedClass", "classId",
            "policyPublication", "publicationId");

    private static final Pattern API_OR_VERB = Pattern.compile("/api/|\\b(GET|POST|PUT|PATCH|DELETE)\\b");
    private static final Pattern IF_BLOCK =
            Pattern.compile("\\{\\{#if\\s+([A-Za-z][A-Za-z0-9]*)(\\s*=\\s*null)?\\s*}}(.*?)\\{\\{/if}}", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");

    @Autowired ApplicationContext context;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyProcessCarriesTheCaseIdVariableItsFormsUse() throws IOException {
        for (Path file : models()) {
            String processId = processOf(read(file)).getId();
            String variable = CASE_ID_VARIABLE.get(processId);
            assertThat(variable).as("case id variable of " + processId).isNotNull();
            // The start code of the process's module puts it (cn.shixun.<module>.process.*Variables and the like).
            String module = handler(processId).getClass().getPackageName().split("\\.")[2];
            try (Stream<Path> sources = Files.walk(Path.of("src/main/java/cn/shixun", module))) {
                assertThat(sources.filter(f -> f.toString().endsWith(".java")).anyMatch(f -> mentions(f, variable)))
                        .as("module %s sets the variable %s", module, variable).isTrue();
            }
        }
    }

    @Test
    void everyFormLinksToOurPagesAndNeverToTheApi() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : models()) {
            BpmnModelInstance model = read(file);
            String processId = processOf(model).getId();
            Map<String, String> variables = Map.of(CASE_ID_VARIABLE.get(processId), SAMPLE_ID);
            String casePage = handler(processId).casePage(SAMPLE_ID).orElseThrow();
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String expectedText = "review".equals(caseTaskKind(task)) ? SEE_MATERIALS : OPEN_CASE_PAGE;
                problems.addAll(problems(form(task.getCamundaFormRef()), variables, this::isGetPage,
                        Optional.of(new Link(expectedText, casePage))).stream()
                        .map(problem -> task.getId() + " (" + task.getCamundaFormRef() + "): " + problem).toList());
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    problems.addAll(problems(form(start.getCamundaFormRef()), Map.of(), this::isGetPage, Optional.empty())
                            .stream().map(problem -> start.getId() + " (start form): " + problem).toList());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The check above is not blind: each way a form can go wrong is reported. */
    @Test
    void aBrokenFormIsReported() {
        Optional<Link> casePage = Optional.of(new Link(OPEN_CASE_PAGE, "/exemptions/" + SAMPLE_ID));
        Map<String, String> variables = Map.of("exemptionId", SAMPLE_ID);
        Predicate<String> pages = this::isGetPage;

        assertThat(problems(textForm("请在师训系统中提交（POST /api/exemptions/{申请编号}/amendments）"), variables, pages,
                Optional.empty())).anySatisfy(problem -> assertThat(problem).contains("/api/"));
        assertThat(problems(textForm("[在师训系统中打开办理页面](/exemptions/{{exemptionID}})"), variables, pages,
                casePage)).anySatisfy(problem -> assertThat(problem).contains("exemptionID"));
        assertThat(problems(textForm("[在师训系统中打开办理页面](/exemption/{{exemptionId}})"), variables, pages,
                casePage)).anySatisfy(problem -> assertThat(problem).contains("no GET page"));
        assertThat(problems(textForm("[打开](/exemptions/{{exemptionId}})"), variables, pages, casePage))
                .anySatisfy(problem -> assertThat(problem).contains(OPEN_CASE_PAGE));
        assertThat(problems(textForm("[在师训系统中打开办理页面](http://localhost:8080/exemptions/{{exemptionId}})"),
                variables, pages, casePage)).anySatisfy(problem -> assertThat(problem).contains("relative"));
        // A start form has no case id yet: a link built from it must sit inside {{#if exemptionId}}.
        assertThat(problems(textForm("[新建](/my/exemptions/new) [打开](/exemptions/{{exemptionId}})"), Map.of(), pages,
                Optional.empty())).anySatisfy(problem -> assertThat(problem).contains("exemptionId"));
        assertThat(problems(textForm("{{#if exemptionId = null}}[新建](/my/exemptions/new){{/if}}"
                + "{{#if exemptionId}}[打开](/exemptions/{{exemptionId}}){{/if}}"), Map.of(), pages, Optional.empty()))
                .isEmpty();
    }

    record Link(String text, String href) {
    }

    /**
     * What is wrong with one form for a person in Tasklist, given the variables the task carries (a
     * start form: none), which paths our pages answer, and the case page a task form must link to.
     */
    static List<String> problems(JsonNode form, Map<String, String> variables, Predicate<String> isPage,
                                 Optional<Link> required) {
        List<String> problems = new ArrayList<>();
        Matcher named = API_OR_VERB.matcher(form.toString());
        while (named.find()) {
            problems.add("names an API path or HTTP verb: " + named.group());
        }
        List<Link> links = new ArrayList<>();
        for (String text : form.findValuesAsText("text")) {
            String filled = fill(text, variables);
            Matcher unresolved = Pattern.compile("\\{\\{(.*?)}}").matcher(filled);
            while (unresolved.find()) {
                problems.add("template {{" + unresolved.group(1) + "}} uses a variable the process does not carry here");
            }
            Matcher link = LINK.matcher(filled);
            while (link.find()) {
                links.add(new Link(link.group(1), link.group(2)));
            }
        }
        for (Link link : links) {
            if (!link.href().startsWith("/") || link.href().startsWith("//")) {
                problems.add("link " + link.href() + " is not a relative path on this site");
            } else if (!isPage.test(link.href())) {
                problems.add("link " + link.href() + ": no GET page answers it");
            }
        }
        required.filter(page -> !links.contains(page))
                .ifPresent(page -> problems.add("no link [" + page.text() + "](" + page.href() + ") among " + links));
        return problems;
    }

    /** Tasklist's templating as the forms use it: {@code {{#if v}}}, {@code {{#if v = null}}} and {@code {{v}}}. */
    private static String fill(String text, Map<String, String> variables) {
        Matcher block = IF_BLOCK.matcher(text);
        StringBuilder kept = new StringBuilder();
        while (block.find()) {
            boolean set = variables.containsKey(block.group(1));
            boolean wantsUnset = block.group(2) != null;
            block.appendReplacement(kept, Matcher.quoteReplacement(set != wantsUnset ? block.group(3) : ""));
        }
        block.appendTail(kept);
        String filled = kept.toString();
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            filled = filled.replaceAll("\\{\\{\\s*" + variable.getKey() + "\\s*}}", variable.getValue());
        }
        return filled;
    }

    private boolean isGetPage(String path) {
        AntPathMatcher matcher = new AntPathMatcher();
        return mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().isEmpty()
                        || info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .flatMap(info -> info.getPatternValues().stream())
                .anyMatch(pattern -> !pattern.startsWith("/api/") && matcher.match(pattern, path));
    }

    private CaseHandler handler(String processId) {
        return context.getBeansOfType(CaseHandler.class).values().stream()
                .filter(handler -> handler.processKey().equals(processId)).findFirst().orElseThrow();
    }

    private static JsonNode textForm(String text) {
        return new ObjectMapper().createObjectNode().set("components", new ObjectMapper().createArrayNode()
                .add(new ObjectMapper().createObjectNode().put("type", "text").put("text", text)));
    }

    private static JsonNode form(String formId) throws IOException {
        return new ObjectMapper().readTree(Path.of("forms", formId + ".form").toFile());
    }

    private static boolean mentions(Path source, String variable) {
        try {
            return Files.readString(source).contains("\"" + variable + "\"");
        } catch (IOException e) {
            throw new IllegalStateException(source.toString(), e);
        }
    }

    private static Process processOf(BpmnModelInstance model) {
        return model.getModelElementsByType(Process.class).iterator().next();
    }
}
