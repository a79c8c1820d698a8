package cn.shixun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import cn.shixun.tasks.CaseHandler;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The house conventions for every model in {@code processes/} (design.md): file name = process
 * id, element ids that say what they are, one delegate bean per service task that exists, every
 * form reference resolving to a file in {@code forms/}, every task listener bean existing, routing and deadlines on user tasks,
 * history time-to-live set.
 */
@SpringBootTest
class ProcessModelConventionsTest {

    /** {@code UserTask_SchoolReview}, {@code SequenceFlow_SchoolApproved}: a type, an underscore, a name in CamelCase. */
    private static final Pattern NAMED_ID = Pattern.compile("[A-Z][A-Za-z]+_[A-Z][A-Za-z0-9]*");
    /** What the modeler generates: {@code Activity_0x7abcd}, {@code Gateway_1h2k3l4}, {@code Flow_0abc123}. */
    private static final Pattern GENERATED_ID = Pattern.compile(".*_[0-9][a-z0-9]{6}");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    @Autowired ApplicationContext context;
    @Autowired RepositoryService repository;

    @Test
    void thereIsAtLeastTheDegreeExemptionProcess() throws IOException {
        assertThat(models()).extracting(path -> path.getFileName().toString()).contains("degreeExemption.bpmn");
    }

    @Test
    void processIdIsTheFileNameAndHistoryTimeToLiveIsSet() throws IOException {
        for (Path file : models()) {
            Process process = single(read(file).getModelElementsByType(Process.class), file);
            assertThat(process.getId() + ".bpmn").as(file.toString()).isEqualTo(file.getFileName().toString());
            assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive in " + file).isNotBlank();
        }
    }

    @Test
    void everyElementIdIsNamedNotGenerated() throws IOException {
        for (Path file : models()) {
            BpmnModelInstance model = read(file);
            for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
                String id = element.getId();
                if (id == null) {
                    continue;
                }
                assertThat(GENERATED_ID.matcher(id).matches()).as("generated id %s in %s", id, file).isFalse();
                if (element instanceof FlowElement) {
                    assertThat(id).as("flow element id in " + file).matches(NAMED_ID);
                }
            }
        }
    }

    @Test
    void everyServiceTaskHasOneDelegateBeanThatExistsAndNoScripts() throws IOException {
        for (Path file : models()) {
            BpmnModelInstance model = read(file);
            assertThat(model.getModelElementsByType(ScriptTask.class)).as("script tasks in " + file).isEmpty();
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                assertThat(task.getCamundaClass()).as(task.getId() + " camunda:class").isNull();
                assertThat(task.getCamundaExpression()).as(task.getId() + " camunda:expression").isNull();
                Matcher bean = EXPRESSION.matcher(String.valueOf(task.getCamundaDelegateExpression()));
                assertThat(bean.matches()).as(task.getId() + " delegateExpression ${bean}").isTrue();
                assertThat(context.containsBean(bean.group(1))).as("bean " + bean.group(1) + " for " + task.getId()).isTrue();
            }
        }
    }

    @Test
    void everyUserTaskNamesItsFormByDeploymentItsRoutingAndItsDeadline() throws IOException {
        Set<String> forms = formIds();
        for (Path file : models()) {
            BpmnModelInstance model = read(file);
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(task.getCamundaFormRef()).as(task.getId() + " formRef").isIn(forms);
                assertThat(task.getCamundaFormRefBinding()).as(task.getId() + " formRefBinding").isEqualTo("deployment");
                assertThat(task.getCamundaCandidateGroups() != null || task.getCamundaAssignee() != null)
                        .as(task.getId() + " routed to a candidate group or an assignee").isTrue();
                assertThat(task.getCamundaDueDate()).as(task.getId() + " dueDate").isNotBlank();
                if (task.getExtensionElements() != null) {
                    for (CamundaTaskListener listener : task.getExtensionElements().getElementsQuery()
                            .filterByType(CamundaTaskListener.class).list()) {
                        Matcher bean = EXPRESSION.matcher(String.valueOf(listener.getCamundaDelegateExpression()));
                        assertThat(bean.matches()).as(task.getId() + " listener delegateExpression").isTrue();
                        assertThat(context.containsBean(bean.group(1))).as("listener bean " + bean.group(1)).isTrue();
                    }
                }
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    assertThat(start.getCamundaFormRef()).as(start.getId() + " formRef").isIn(forms);
                    assertThat(start.getCamundaFormRefBinding()).isEqualTo("deployment");
                }
            }
        }
    }

    @Test
    void theEngineDeploysEachProcessTogetherWithTheFormsItReferences() throws IOException {
        for (Path file : models()) {
            String processId = file.getFileName().toString().replace(".bpmn", "");
            ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processId)
                    .latestVersion().singleResult();
            assertThat(definition).as("deployed " + processId).isNotNull();
            List<String> resources = repository.getDeploymentResourceNames(definition.getDeploymentId());
            for (UserTask task : read(file).getModelElementsByType(UserTask.class)) {
                assertThat(resources).as(task.getId() + " form in the same deployment")
                        .anyMatch(name -> name.endsWith(task.getCamundaFormRef() + ".form"));
            }
        }
    }

    /**
     * Every user task joins the casework (cn.shixun.tasks): it declares whether it is a review or a
     * submission, a review's form asks for the decision and the comment the casework checks, and
     * the process has a CaseHandler bean.
     */
    @Test
    void everyUserTaskIsACaseTaskAndEveryProcessHasItsCaseHandler() throws IOException {
        Set<String> handled = context.getBeansOfType(CaseHandler.class).values().stream()
                .map(CaseHandler::processKey).collect(Collectors.toSet());
        for (Path file : models()) {
            BpmnModelInstance model = read(file);
            String processId = single(model.getModelElementsByType(Process.class), file).getId();
            assertThat(handled).as("a CaseHandler for " + processId).contains(processId);
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String kind = caseTaskKind(task);
                assertThat(kind).as(task.getId() + " camunda:property caseTask").isIn("review", "submission");
                if (kind.equals("review")) {
                    assertThat(formFieldKeys(task.getCamundaFormRef())).as(task.getId() + " review form fields")
                            .contains(CaseTasks.DECISION, CaseTasks.COMMENT);
                }
            }
        }
    }

    /** A handler choosing what to do by which task it is: a switch on the key, or a comparison with it. */
    private static final Pattern BRANCH_ON_TASK_KEY = Pattern.compile(
            "switch\\s*\\([^)]*taskKey\\(\\)|equals\\([^)]*taskKey\\(\\)|taskKey\\(\\)\\s*(\\.equals|==|!=)");

    @Test
    void aCaseHandlerLeavesWhichStepComesNextToTheModel() throws IOException {
        for (CaseHandler handler : context.getBeansOfType(CaseHandler.class).values()) {
            Class<?> type = AopUtils.getTargetClass(handler);
            Path source = Path.of("src/main/java", type.getName().replace('.', '/') + ".java");
            Matcher branch = BRANCH_ON_TASK_KEY.matcher(Files.readString(source));
            String found = branch.find() ? branch.group() : null;
            assertThat(found).as("%s branches on a task key: read the open steps instead (CaseProgress)", source)
                    .isNull();
        }
    }

    static String caseTaskKind(UserTask task) {
        if (task.getExtensionElements() == null) {
            return null;
        }
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> CaseTask.KIND_PROPERTY.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
    }

    /** Every {@code key} anywhere in the form (fields may sit inside groups). */
    private static Set<String> formFieldKeys(String formId) throws IOException {
        return new ObjectMapper().readTree(Path.of("forms", formId + ".form").toFile()).findValuesAsText("key")
                .stream().collect(Collectors.toSet());
    }

    static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    static BpmnModelInstance read(Path file) {
        return Bpmn.readModelFromFile(file.toFile());
    }

    /** The ids declared in {@code forms/*.form}; the file name must match the id too. */
    private static Set<String> formIds() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.filter(f -> f.toString().endsWith(".form")).map(f -> {
                try {
                    String id = json.readTree(f.toFile()).path("id").asText();
                    assertThat(id + ".form").as("form id in " + f).isEqualTo(f.getFileName().toString());
                    return id;
                } catch (IOException e) {
                    throw new IllegalStateException(f.toString(), e);
                }
            }).collect(Collectors.toSet());
        }
    }

    private static <T> T single(java.util.Collection<T> items, Path file) {
        assertThat(items).as("one process in " + file).hasSize(1);
        return items.iterator().next();
    }
}
