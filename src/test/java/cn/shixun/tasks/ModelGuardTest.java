package cn.shixun.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.shixun.annual.process.AnnualRegistrationModel;
import cn.shixun.countyplan.process.CountyPlanFilingModel;
import cn.shixun.cycleverification.process.CycleVerificationModel;
import cn.shixun.exemption.process.DegreeExemptionModel;
import cn.shixun.processowner.publication.PolicyPublicationModel;
import cn.shixun.schoolclass.process.SchoolBasedClassModel;
import cn.shixun.training.process.ExternalTrainingApprovalModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10 item 4, without Spring: an in-memory engine with the model guard's parse and
 * pre-deployer, fed the repository's models (all pass) and variants of them (each refused,
 * naming the element and the reason, and nothing deployed).
 */
class ModelGuardTest {

    static final List<ProcedureModel> PROCEDURES = List.of(AnnualRegistrationModel.DECLARATION,
            CountyPlanFilingModel.DECLARATION, CycleVerificationModel.DECLARATION, DegreeExemptionModel.DECLARATION,
            ExternalTrainingApprovalModel.DECLARATION, SchoolBasedClassModel.DECLARATION, PolicyPublicationModel.DECLARATION);
    /** The application's beans as far as these tests need: the declared ones and the ledger's service. */
    static final Set<String> SPRING_BEANS = new HashSet<>(Set.of("ledger", "remindDueTaskDelegate",
            "escalateOverdueTaskDelegate"));

    static {
        PROCEDURES.forEach(procedure -> SPRING_BEANS.addAll(procedure.beans()));
    }

    static ProcessEngine engine;
    static RepositoryService repository;
    /** The engine as it was before the guard: every refused variant below is a model it deploys. */
    static ProcessEngine unguarded;

    @BeforeAll
    static void engines() {
        StandaloneInMemProcessEngineConfiguration guarded = configuration();
        guarded.setBpmnParseFactory(ModelGuardPlugin.checkedBy(new ModelRules(PROCEDURES, SPRING_BEANS::contains),
                new CaseworkBpmnParse.DeadlineListeners(task -> { }, task -> { })));
        guarded.setCustomPreDeployers(List.of(new DecisionRules()));
        engine = guarded.buildProcessEngine();
        repository = engine.getRepositoryService();
        unguarded = configuration().buildProcessEngine();
    }

    private static StandaloneInMemProcessEngineConfiguration configuration() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        String name = "model-guard-" + UUID.randomUUID();
        configuration.setJdbcUrl("jdbc:h2:mem:" + name);
        configuration.setDatabaseSchemaUpdate("create-drop");
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEngineName(name);
        return configuration;
    }

    @AfterAll
    static void close() {
        engine.close();
        unguarded.close();
    }

    @Test
    void everyModelAndDecisionTableOfTheRepositoryPasses() throws IOException {
        DeploymentBuilder deployment = repository.createDeployment().name("processes/");
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of("processes"))) {
            files = listed.filter(file -> file.toString().endsWith(".bpmn") || file.toString().endsWith(".dmn")).sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(PROCEDURES.size() + 4);
        for (Path file : files) {
            deployment.addString(file.getFileName().toString(), Files.readString(file));
        }
        String id = deployment.deploy().getId();
        assertThat(repository.createProcessDefinitionQuery().deploymentId(id).list())
                .extracting(definition -> definition.getKey())
                .containsExactlyInAnyOrderElementsOf(PROCEDURES.stream().map(ProcedureModel::processKey).toList());
        assertThat(repository.createDecisionDefinitionQuery().deploymentId(id).count()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aUserTaskWithoutCaseTaskIsRefused_itWouldEscapeR04AndR40() {
        String model = model("degreeExemption").replaceFirst(
                "(id=\"UserTask_SchoolReview\"[\\s\\S]*?)<camunda:property name=\"caseTask\" value=\"review\" />", "$1");
        refused("degreeExemption.bpmn", model, "UserTask_SchoolReview", "用户任务缺少 caseTask 属性");
    }

    @Test
    void anUnknownCaseTaskKindIsRefused() {
        String model = model("degreeExemption").replaceFirst(
                "(id=\"UserTask_SchoolReview\"[\\s\\S]*?<camunda:property name=\"caseTask\" value=\")review\"", "$1approval\"");
        refused("degreeExemption.bpmn", model, "UserTask_SchoolReview", "caseTask 属性 \"approval\" 未知");
    }

    @Test
    void aDelegateOfAnotherProcedureIsRefused_creditHoursInAnnualRegistration() {
        String model = model("annualRegistration").replace("${registerYearDelegate}", "${creditHoursDelegate}");
        refused("annualRegistration.bpmn", model, "ServiceTask_RegisterYear", "creditHoursDelegate");
    }

    @Test
    void aDeadlineDelegateOfTheOlderVersionsIsRefused_deadlinesAreDeclaredOnTheTask() {
        String model = model("annualRegistration").replaceFirst("(id=\"UserTask_SchoolReview\"[\\s\\S]*?<bpmn:extensionElements>)",
                "$1<camunda:executionListener event=\"start\" delegateExpression=\"\\${escalateOverdueTaskDelegate}\" />");
        refused("annualRegistration.bpmn", model, "UserTask_SchoolReview", "escalateOverdueTaskDelegate 只供旧版本运行中的案件使用");
    }

    @Test
    void aReminderLeadThatIsNotADurationIsRefused() {
        String model = model("degreeExemption").replaceFirst("<camunda:property name=\"remindBefore\" value=\"P3D\" />",
                "<camunda:property name=\"remindBefore\" value=\"3 days\" />");
        refused("degreeExemption.bpmn", model, "UserTask_SchoolReview", "属性 remindBefore \"3 days\" 不是时长");
    }

    @Test
    void anEscalationFlagThatIsNeitherTrueNorFalseIsRefused() {
        String model = model("degreeExemption").replaceFirst("<camunda:property name=\"escalateWhenOverdue\" value=\"true\" />",
                "<camunda:property name=\"escalateWhenOverdue\" value=\"yes\" />");
        refused("degreeExemption.bpmn", model, "UserTask_SchoolReview", "属性 escalateWhenOverdue 只能是 true 或 false");
    }

    @Test
    void aDeadlineWithoutTheTasksDueDateIsRefused_thePeriodIsWrittenOnceOnTheTask() {
        String model = model("degreeExemption").replaceFirst("(id=\"UserTask_SchoolReview\"[^>]*?) camunda:dueDate=\"P10D\"", "$1");
        refused("degreeExemption.bpmn", model, "UserTask_SchoolReview", "没有办理期限 camunda:dueDate");
    }

    @Test
    void aBeanNoProcedureDeclaresIsRefused_theLedger() {
        String model = model("degreeExemption").replace("${creditHoursDelegate}", "${ledger}");
        refused("degreeExemption.bpmn", model, "ServiceTask_CreditHours", "委托表达式 ${ledger}");
    }

    @Test
    void anExpressionThatReachesTheEngineIsRefused() {
        String model = model("degreeExemption").replaceFirst("camunda:candidateGroups=\"\\$\\{caseRouting\\.schoolReview\\(execution\\)}\"",
                "camunda:candidateGroups=\"\\${execution.getProcessEngineServices().getRuntimeService().getClass().getName()}\"");
        refused("degreeExemption.bpmn", model, "UserTask_SchoolReview", "不能通过引擎对象 execution");
    }

    @Test
    void aTaskListenerThatDereferencesTheTaskIsRefused() {
        String model = model("degreeExemption").replaceFirst("(id=\"UserTask_SchoolReview\"[\\s\\S]*?<bpmn:extensionElements>)",
                "$1<camunda:taskListener event=\"create\" expression=\"\\${task.execution.processEngineServices}\" />");
        refused("degreeExemption.bpmn", model, "UserTask_SchoolReview", "表达式 ${task.execution.processEngineServices}");
    }

    @Test
    void aJavaClassIsRefused() {
        String model = model("degreeExemption").replace("camunda:delegateExpression=\"${creditHoursDelegate}\"",
                "camunda:class=\"cn.shixun.exemption.process.CreditHoursDelegate\"");
        refused("degreeExemption.bpmn", model, "ServiceTask_CreditHours", "不允许 Java 类");
    }

    @Test
    void anExpressionServiceTaskMustCallAnAllowedBean() {
        String model = model("degreeExemption").replace("camunda:delegateExpression=\"${creditHoursDelegate}\"",
                "camunda:expression=\"${applicant}\"");
        refused("degreeExemption.bpmn", model, "ServiceTask_CreditHours", "只能调用流程 degreeExemption 允许的 bean 的方法");
    }

    @Test
    void aScriptTaskIsRefused() {
        String model = model("degreeExemption").replaceFirst("<bpmn:serviceTask id=\"ServiceTask_CreditHours\"[^>]*>",
                        "<bpmn:scriptTask id=\"ServiceTask_CreditHours\" scriptFormat=\"groovy\">")
                .replaceFirst("(<bpmn:scriptTask id=\"ServiceTask_CreditHours\"[\\s\\S]*?)</bpmn:serviceTask>",
                        "$1<bpmn:script>execution.setVariable('x', 1)</bpmn:script></bpmn:scriptTask>");
        refused("degreeExemption.bpmn", model, "ServiceTask_CreditHours", "不允许脚本任务");
    }

    /** The attack of issue 10: a timer start that credits an exemption still waiting for the county, a second later. */
    @Test
    void aTimerStartEventIsRefused_theCreditHoursAttack() {
        String model = timerStartCallingCreditHours();
        assertThat(model).contains("2020-01-01T00:00:00", "targetRef=\"ServiceTask_CreditHours\"");
        refused("degreeExemption.bpmn", model, "StartEvent_Applied", "不允许定时开始事件");
    }

    @Test
    void aMessageStartEventIsRefused() {
        String model = model("degreeExemption").replaceFirst("(<bpmn:startEvent id=\"StartEvent_Applied\"[\\s\\S]*?)</bpmn:startEvent>",
                "$1<bpmn:messageEventDefinition id=\"MessageEventDefinition_Apply\" messageRef=\"Message_Apply\" /></bpmn:startEvent>")
                .replace("</bpmn:process>", "</bpmn:process><bpmn:message id=\"Message_Apply\" name=\"apply\" />");
        refused("degreeExemption.bpmn", model, "StartEvent_Applied", "不允许消息开始事件");
    }

    @Test
    void anEventSubProcessWithATimerStartIsRefused() {
        String model = model("degreeExemption").replace("</bpmn:process>", """
                <bpmn:subProcess id="SubProcess_Every" triggeredByEvent="true">
                  <bpmn:startEvent id="StartEvent_Every" isInterrupting="false">
                    <bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1S</bpmn:timeCycle></bpmn:timerEventDefinition>
                  </bpmn:startEvent>
                </bpmn:subProcess></bpmn:process>""");
        refused("degreeExemption.bpmn", model, "StartEvent_Every", "不允许定时开始事件");
    }

    @Test
    void anExternalTaskIsRefused() {
        String model = model("degreeExemption").replace("camunda:delegateExpression=\"${creditHoursDelegate}\"",
                "camunda:type=\"external\" camunda:topic=\"credit\"");
        refused("degreeExemption.bpmn", model, "ServiceTask_CreditHours", "不允许外部任务");
    }

    @Test
    void aCallActivityIsRefused() {
        String model = model("degreeExemption").replaceFirst("<bpmn:serviceTask id=\"ServiceTask_CreditHours\"[^>]*>",
                "<bpmn:callActivity id=\"ServiceTask_CreditHours\" calledElement=\"annualRegistration\">")
                .replaceFirst("(<bpmn:callActivity id=\"ServiceTask_CreditHours\"[\\s\\S]*?)</bpmn:serviceTask>", "$1</bpmn:callActivity>");
        refused("degreeExemption.bpmn", model, "ServiceTask_CreditHours", "不允许调用活动");
    }

    @Test
    void aProcessThatIsNotOneOfOurProceduresIsRefused() {
        String model = model("degreeExemption").replace("id=\"degreeExemption\"", "id=\"creditEveryone\"");
        refused("creditEveryone.bpmn", model, "creditEveryone", "不是本系统的程序");
    }

    @ParameterizedTest
    @ValueSource(strings = {"${decision == 'APPROVE'}", "${!countyRecheck}", "${applicant}", "P${days}D",
            "${annualDeadlines.schoolReviewDue(execution)}", "${annualDeadlines.amendGroups(task)}",
            "${caseRouting.groupsOf(execution)}", "#{decision eq 'RETURN' and empty comment}"})
    void variableReadsAndAllowedBeanCallsPass(String expression) {
        assertThat(candidateGroupsRefusal(expression)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${execution}", "${task.execution}", "${execution.processEngineServices}",
            "#{execution.getVariable('x')}", "${execution['processEngine']}",
            "${annualDeadlines.schoolReviewDue(execution).getClass()}", "${applicant.getClass().getName()}",
            "${'x'.getClass()}", "${now()}", "${creditHoursDelegate.execute(execution)}", "${creditHoursDelegate}",
            "${ledger}", "${annualDeadlines.amendGroups(execution.processEngine)}", "${annualDeadlines[execution]}",
            "${(annualDeadlines).amendGroups(execution)}", "${decision == 'x' ? execution.processEngine : 'y'}"})
    void anythingElseIsRefused(String expression) {
        assertThat(candidateGroupsRefusal(expression)).singleElement().satisfies(problem -> {
            assertThat(problem.getMainElementId()).isEqualTo("UserTask_Review");
            assertThat(problem.getMessage()).startsWith("UserTask_Review：表达式 " + expression);
        });
    }

    @Test
    void aDecisionTableInJuelIsRefused() {
        String table = read("processes/creditRules.dmn");
        String juel = table.replaceFirst("<definitions ", "<definitions expressionLanguage=\"juel\" ");
        refused("creditRules.dmn", juel, "Definitions_creditRules", "只允许 FEEL");
        String inputInJavascript = table.replaceFirst("<inputExpression ", "<inputExpression expressionLanguage=\"javascript\" ");
        ParseException refusal = deployFails("creditRules.dmn", inputInJavascript);
        assertThat(refusal.getResorceReports().get(0).getErrors()).singleElement()
                .satisfies(problem -> assertThat(problem.getMessage()).contains("javascript", "inputExpression"));
    }

    @Test
    void aCaseModelIsRefused() {
        refused("case.cmmn", """
                <definitions xmlns="http://www.omg.org/spec/CMMN/20151109/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/cmmn"
                    id="Definitions_Case" targetNamespace="urn:test">
                  <case id="Case_Credit" camunda:historyTimeToLive="P1D"><casePlanModel id="CasePlanModel_Credit" /></case>
                </definitions>""", null, "不允许 CMMN");
    }

    /** The attack of issue 10 as a model: degreeExemption started by a timer due at once, straight into creditHoursDelegate. */
    static String timerStartCallingCreditHours() {
        return model("degreeExemption")
                .replaceFirst("(<bpmn:startEvent id=\"StartEvent_Applied\"[\\s\\S]*?)</bpmn:startEvent>", """
                        $1<bpmn:timerEventDefinition><bpmn:timeDate>2020-01-01T00:00:00</bpmn:timeDate>
                        </bpmn:timerEventDefinition></bpmn:startEvent>""")
                .replace("sourceRef=\"StartEvent_Applied\" targetRef=\"UserTask_SchoolReview\"",
                        "sourceRef=\"StartEvent_Applied\" targetRef=\"ServiceTask_CreditHours\"");
    }

    private List<Problem> candidateGroupsRefusal(String expression) {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Test" targetNamespace="urn:test">
                  <bpmn:process id="annualRegistration" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Start" />
                    <bpmn:sequenceFlow id="SequenceFlow_ToReview" sourceRef="StartEvent_Start" targetRef="UserTask_Review" />
                    <bpmn:userTask id="UserTask_Review" camunda:candidateGroups="%s">
                      <bpmn:extensionElements><camunda:properties><camunda:property name="caseTask" value="review" />
                      </camunda:properties></bpmn:extensionElements>
                    </bpmn:userTask>
                  </bpmn:process>
                </bpmn:definitions>""".formatted(expression.replace("'", "&apos;"));
        long before = repository.createDeploymentQuery().count();
        try {
            repository.createDeployment().addString("annualRegistration.bpmn", model).deploy();
            return List.of();
        } catch (ParseException refusal) {
            assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
            return refusal.getResorceReports().get(0).getErrors();
        }
    }

    @Test
    void thePublicationProcessChangedInAnyWayIsRefused_itIsTheFourEyesAndWouldApproveItsOwnReplacement() {
        String model = model("policyPublication").replace("camunda:dueDate=\"P7D\"", "camunda:dueDate=\"P1D\"");
        refused("policyPublication.bpmn", model, "policyPublication", "是发布本身的四眼审批");
        // Even a process that skips the approval altogether, under the same id.
        String noApproval = model("policyPublication").replace("targetRef=\"UserTask_SecondOwnerApproval\"",
                "targetRef=\"ServiceTask_Publish\"");
        refused("policyPublication.bpmn", noApproval, "policyPublication", "只部署代码库中的 policyPublication.bpmn");
    }

    private static void refused(String resource, String content, String elementId, String reason) {
        ParseException refusal = deployFails(resource, content);
        assertThat(refusal.getResorceReports().get(0).getErrors()).anySatisfy(problem -> {
            assertThat(problem.getMainElementId()).isEqualTo(elementId);
            assertThat(problem.getMessage()).contains(reason);
            if (elementId != null) {
                assertThat(problem.getMessage()).startsWith(elementId + "：");
            }
        });
    }

    private static ParseException deployFails(String resource, String content) {
        assertThat(unguarded.getRepositoryService().createDeployment().addString(resource, content).deploy())
                .as("the engine without the guard deploys " + resource).isNotNull();
        long deployments = repository.createDeploymentQuery().count();
        long definitions = repository.createProcessDefinitionQuery().count() + repository.createDecisionDefinitionQuery().count();
        ParseException refusal = catchThrowableOfType(ParseException.class,
                () -> repository.createDeployment().addString(resource, content).deploy());
        assertThat(refusal).as("deployment of " + resource + " refused").isNotNull();
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().count() + repository.createDecisionDefinitionQuery().count())
                .isEqualTo(definitions);
        return refusal;
    }

    static String model(String processKey) {
        return read("processes/" + processKey + ".bpmn");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
