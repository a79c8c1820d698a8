package cn.shixun.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ADR 0012 §2 "Validation": a draft is checked by what its deployment would run, without deploying
 * it, and every problem names its element. On an in-memory engine with the model guard, as
 * {@link ModelGuardTest}: each variant the guard refuses is reported by {@link ModelValidation}
 * with the element and the rule, and its deployment is still refused, naming the same element.
 */
class ModelValidationTest {

    static ProcessEngine engine;
    static RepositoryService repository;
    static ModelValidation validation;

    @BeforeAll
    static void engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        String name = "model-validation-" + UUID.randomUUID();
        configuration.setJdbcUrl("jdbc:h2:mem:" + name);
        configuration.setDatabaseSchemaUpdate("create-drop");
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEngineName(name);
        configuration.setBpmnParseFactory(ModelGuardPlugin.checkedBy(
                new ModelRules(ModelGuardTest.PROCEDURES, ModelGuardTest.SPRING_BEANS::contains),
                new CaseworkBpmnParse.DeadlineListeners(task -> { }, task -> { })));
        configuration.setCustomPreDeployers(List.of(new DecisionRules()));
        engine = configuration.buildProcessEngine();
        repository = engine.getRepositoryService();
        validation = new ModelValidation(engine);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void everyModelAndDecisionTableOfTheRepositoryHasNoProblem_andNothingIsDeployed() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of("processes"))) {
            files = listed.filter(file -> file.toString().endsWith(".bpmn") || file.toString().endsWith(".dmn")).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        for (Path file : files) {
            assertThat(validation.check(file.getFileName().toString(), Files.readAllBytes(file))).as(file.toString()).isEmpty();
        }
        assertThat(repository.createDeploymentQuery().count()).isZero();
    }

    static Stream<Arguments> refusedVariants() {
        String degreeExemption = ModelGuardTest.model("degreeExemption");
        String annualRegistration = ModelGuardTest.model("annualRegistration");
        return Stream.of(
                Arguments.of("R-04: user task without caseTask", "degreeExemption.bpmn", degreeExemption.replaceFirst(
                        "(id=\"UserTask_SchoolReview\"[\\s\\S]*?)<camunda:property name=\"caseTask\" value=\"review\" />", "$1"),
                        "UserTask_SchoolReview", "R-04", "用户任务缺少 caseTask 属性"),
                Arguments.of("unknown delegate", "degreeExemption.bpmn",
                        degreeExemption.replace("${creditHoursDelegate}", "${noSuchDelegate}"),
                        "ServiceTask_CreditHours", "guard.delegate", "委托表达式 ${noSuchDelegate}"),
                Arguments.of("another procedure's delegate", "annualRegistration.bpmn",
                        annualRegistration.replace("${registerYearDelegate}", "${creditHoursDelegate}"),
                        "ServiceTask_RegisterYear", "guard.delegate", "creditHoursDelegate"),
                Arguments.of("reminder lead not a duration", "degreeExemption.bpmn", degreeExemption.replaceFirst(
                        "<camunda:property name=\"remindBefore\" value=\"P3D\" />",
                        "<camunda:property name=\"remindBefore\" value=\"3 days\" />"),
                        "UserTask_SchoolReview", "guard.deadline", "属性 remindBefore \"3 days\" 不是时长"),
                Arguments.of("Java class", "degreeExemption.bpmn", degreeExemption.replace(
                        "camunda:delegateExpression=\"${creditHoursDelegate}\"",
                        "camunda:class=\"cn.shixun.exemption.process.CreditHoursDelegate\""),
                        "ServiceTask_CreditHours", "guard.java-class", "不允许 Java 类"),
                Arguments.of("external task", "degreeExemption.bpmn", degreeExemption.replace(
                        "camunda:delegateExpression=\"${creditHoursDelegate}\"", "camunda:type=\"external\" camunda:topic=\"credit\""),
                        "ServiceTask_CreditHours", "guard.external-task", "不允许外部任务"),
                Arguments.of("timer start (the attack of issue 10)", "degreeExemption.bpmn",
                        ModelGuardTest.timerStartCallingCreditHours(), "StartEvent_Applied", "guard.start-event", "不允许定时开始事件"),
                Arguments.of("expression reaching the engine", "degreeExemption.bpmn", degreeExemption.replaceFirst(
                        "camunda:candidateGroups=\"\\$\\{caseRouting\\.schoolReview\\(execution\\)}\"",
                        "camunda:candidateGroups=\"\\${execution.processEngineServices}\""),
                        "UserTask_SchoolReview", "guard.expression", "不能通过引擎对象 execution"),
                Arguments.of("not one of our procedures", "creditEveryone.bpmn",
                        degreeExemption.replace("id=\"degreeExemption\"", "id=\"creditEveryone\""),
                        "creditEveryone", "guard.procedure", "不是本系统的程序"),
                Arguments.of("sequence flow to nowhere (the engine's own parse)", "degreeExemption.bpmn",
                        degreeExemption.replace("sourceRef=\"StartEvent_Applied\" targetRef=\"UserTask_SchoolReview\"",
                                "sourceRef=\"StartEvent_Applied\" targetRef=\"UserTask_Nowhere\""),
                        "SequenceFlow_ToSchoolReview", "engine.parse", "流程引擎无法部署此模型"),
                Arguments.of("decision table in JUEL", "creditRules.dmn", read("processes/creditRules.dmn")
                        .replaceFirst("<definitions ", "<definitions expressionLanguage=\"juel\" "),
                        "Definitions_creditRules", "guard.feel", "只允许 FEEL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedVariants")
    void eachRefusalIsReportedWithItsElement_andTheDeploymentStillRefusesIt(String variant, String resource, String model,
            String elementId, String ruleId, String reason) {
        List<ModelProblem> problems = validation.check(resource, model.getBytes(StandardCharsets.UTF_8));

        assertThat(problems).as(variant).anySatisfy(problem -> {
            assertThat(problem.elementId()).isEqualTo(elementId);
            assertThat(problem.ruleId()).isEqualTo(ruleId);
            assertThat(problem.zh()).contains(reason);
            assertThat(problem.en()).isNotBlank();
        });
        assertThat(repository.createDeploymentQuery().count()).isZero();
        ParseException refusal = catchThrowableOfType(ParseException.class,
                () -> repository.createDeployment().addString(resource, model).deploy());
        assertThat(refusal).as("deployment of " + variant).isNotNull();
        assertThat(refusal.getResorceReports().get(0).getErrors())
                .anySatisfy(error -> assertThat(error.getMainElementId()).isEqualTo(elementId));
    }

    /** A console draft of the four-eyes publication is refused with its reason: it would approve its own replacement. */
    @Test
    void anEditedPublicationProcessIsReportedAsTheRepositorysOnly() throws IOException {
        byte[] edited = ModelGuardTest.model("policyPublication").replace("P7D", "P1D").getBytes(StandardCharsets.UTF_8);
        assertThat(validation.check("policyPublication.bpmn", edited)).singleElement().satisfies(problem -> {
            assertThat(problem.elementId()).isEqualTo("policyPublication");
            assertThat(problem.ruleId()).isEqualTo("guard.repository-only");
            assertThat(problem.zh()).contains("不能在控制台编辑");
        });
    }

    @Test
    void everyProblemOfAModelIsReported_notOnlyTheFirst() {
        String model = ModelGuardTest.model("degreeExemption").replace("${creditHoursDelegate}", "${noSuchDelegate}")
                .replaceFirst("<camunda:property name=\"remindBefore\" value=\"P3D\" />",
                        "<camunda:property name=\"remindBefore\" value=\"3 days\" />");

        assertThat(validation.check("degreeExemption.bpmn", model.getBytes(StandardCharsets.UTF_8)))
                .extracting(ModelProblem::elementId).contains("ServiceTask_CreditHours", "UserTask_SchoolReview");
    }

    @Test
    void aFileThatIsNotXmlIsOneProblemWithoutElement() {
        assertThat(validation.check("degreeExemption.bpmn", "这不是模型".getBytes(StandardCharsets.UTF_8)))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.elementId()).isNull();
                    assertThat(problem.ruleId()).isEqualTo("model.unreadable");
                    assertThat(problem.zh()).contains("不是格式正确的 XML");
                });
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyParse() {
        String model = "<?xml version=\"1.0\"?>\n<!DOCTYPE definitions [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + ModelGuardTest.model("degreeExemption").replaceFirst("<\\?xml[^>]*\\?>", "");

        assertThat(validation.check("degreeExemption.bpmn", model.getBytes(StandardCharsets.UTF_8)))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.elementId()).isNull();
                    assertThat(problem.zh()).contains("DOCTYPE");
                });
    }

    @Test
    void aDecisionTableUploadedAsBpmnIsOneProblem_theRootIsWrong() {
        assertThat(validation.check("requirements.bpmn", read("processes/requirements.dmn").getBytes(StandardCharsets.UTF_8)))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.elementId()).isNull();
                    assertThat(problem.zh()).contains("不是BPMN 流程模型", "根元素");
                });
    }

    @Test
    void aDecisionTableTheDmnEngineCannotReadIsReported() {
        String table = read("processes/cycleRules.dmn").replace("hitPolicy=\"FIRST\"", "hitPolicy=\"SOMETIMES\"");

        assertThat(validation.check("cycleRules.dmn", table.getBytes(StandardCharsets.UTF_8)))
                .anySatisfy(problem -> assertThat(problem.ruleId()).isEqualTo("engine.parse"));
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
