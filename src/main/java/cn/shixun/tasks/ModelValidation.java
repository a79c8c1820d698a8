package cn.shixun.tasks;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * Whether a BPMN or DMN file would deploy, without deploying it: every reason it would be refused,
 * each named by its element, for a process owner's draft (ADR 0012 §2 "Validation"). Runs what a
 * deployment runs:
 * <ul>
 *   <li>BPMN: the engine's own parse, with the model guard's rules ({@link ModelRules},
 *       {@link DeadlineSteps}) as {@link CaseworkBpmnParse} checks them on a new deployment; the
 *       guard's refusals are kept as they are, the engine's own (English, e.g. a gateway without
 *       outgoing flow) come with a Chinese lead;</li>
 *   <li>DMN: {@link DecisionRules} and the engine's DMN parse.</li>
 * </ul>
 * A file that is not a model (not XML, a DOCTYPE, another root) is one problem without element.
 * Not run, because the deployment does not run them either: expressions are not evaluated (a
 * variable the model reads may not exist) and a FEEL cell is compiled only when first evaluated.
 */
@Component
public class ModelValidation {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    /** The DMN namespaces the engine reads (1.1 to 1.3 and their http/https spellings start so). */
    private static final Set<String> DMN_PREFIXES = Set.of("http://www.omg.org/spec/DMN/", "https://www.omg.org/spec/DMN/");

    private final ProcessEngineConfigurationImpl engine;

    ModelValidation(ProcessEngine engine) {
        this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    /**
     * The problems that would refuse the deployment of {@code content} as {@code resourceName}
     * ({@code degreeExemption.bpmn}, {@code requirements.dmn}); empty when it would deploy.
     */
    public List<ModelProblem> check(String resourceName, byte[] content) {
        String name = resourceName == null ? "" : resourceName.toLowerCase(Locale.ROOT);
        boolean bpmn = name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
        boolean dmn = name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
        if (!bpmn && !dmn) {
            return List.of(new ModelProblem(null, "model.unreadable", "只能校验 .bpmn 或 .dmn 文件，不能校验“" + resourceName + "”",
                    "only .bpmn and .dmn files can be validated, not " + resourceName));
        }
        ModelProblem unreadable = unreadable(content, bpmn);
        if (unreadable != null) {
            return List.of(unreadable);
        }
        return bpmn ? bpmn(resourceName, content) : dmn(resourceName, content);
    }

    /** Why the content is no BPMN (or DMN) file at all, or null. */
    static ModelProblem unreadable(byte[] content, boolean bpmn) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content)).getDocumentElement();
        } catch (Exception unreadable) {
            String reason = String.valueOf(unreadable.getMessage());
            if (reason.contains("DOCTYPE")) {
                return new ModelProblem(null, "model.unreadable", "文件含 DOCTYPE 声明：出于安全原因不接受，请删除 DOCTYPE",
                        "the file declares a DOCTYPE, which is not accepted");
            }
            return new ModelProblem(null, "model.unreadable", "文件不是格式正确的 XML：" + reason, "the file is not well-formed XML: " + reason);
        }
        String namespace = String.valueOf(root.getNamespaceURI());
        boolean model = "definitions".equals(root.getLocalName())
                && (bpmn ? BPMN.equals(namespace) : DMN_PREFIXES.stream().anyMatch(namespace::startsWith));
        if (!model) {
            String kind = bpmn ? "BPMN 流程模型" : "DMN 决策表";
            return new ModelProblem(null, "model.unreadable", "文件不是" + kind + "：根元素应为 " + (bpmn ? "BPMN" : "DMN")
                    + " 的 definitions，而不是 " + root.getTagName() + "（" + namespace + "）",
                    "the root element must be the " + (bpmn ? "BPMN" : "DMN") + " definitions, not " + root.getTagName());
        }
        return null;
    }

    private List<ModelProblem> bpmn(String resourceName, byte[] content) {
        List<ModelProblem> problems = new ArrayList<>();
        BpmnDeployer deployer = engine.getDeployers().stream().filter(BpmnDeployer.class::isInstance)
                .map(BpmnDeployer.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("the engine has no BPMN deployer"));
        // As a new deployment: the guard checks new deployments only.
        DeploymentEntity deployment = new DeploymentEntity();
        deployment.setNew(true);
        deployment.setName(resourceName);
        try {
            engine.getCommandExecutorTxRequired().execute(commandContext -> {
                BpmnParse parse = deployer.getBpmnParser().createParse();
                if (parse instanceof CaseworkBpmnParse casework) {
                    casework.collectingRefusalsIn(problems);
                }
                return parse.sourceInputStream(new ByteArrayInputStream(content)).deployment(deployment).name(resourceName)
                        .execute();
            });
        } catch (ParseException refused) {
            refused.getResorceReports().forEach(report -> report.getErrors()
                    .forEach(error -> problems.add(engineProblem(error.getMainElementId(), error.getMessage()))));
        } catch (RuntimeException refused) {
            problems.add(engineProblem(null, refused.getMessage()));
        }
        return problems;
    }

    private List<ModelProblem> dmn(String resourceName, byte[] content) {
        List<ModelProblem> problems = new ArrayList<>(DecisionRules.check(resourceName, content));
        try {
            // In a command, as in a deployment: the engine's DMN transform reads its configuration from there.
            engine.getCommandExecutorTxRequired().execute(commandContext ->
                    engine.getDmnEngine().parseDecisionRequirementsGraph(new ByteArrayInputStream(content)));
        } catch (RuntimeException refused) {
            String reason = String.valueOf(refused.getMessage());
            problems.add(new ModelProblem(null, "engine.parse", "决策引擎无法读取此决策表：" + reason, reason));
        }
        return problems;
    }

    private static ModelProblem engineProblem(String elementId, String message) {
        String reason = String.valueOf(message);
        return new ModelProblem(elementId, "engine.parse", "流程引擎无法部署此模型：" + reason, reason);
    }
}
