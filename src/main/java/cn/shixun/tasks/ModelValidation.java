package cn.shixun.tasks;

import cn.shixun.shared.UntrustedXml;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
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

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    /** The DMN namespaces the engine reads (1.1 to 1.3 and their http/https spellings start so). */
    private static final Set<String> DMN_PREFIXES = Set.of("http://www.omg.org/spec/DMN/", "https://www.omg.org/spec/DMN/");

    /** The rule id of a file that is no model (see {@link #unreadable}). */
    public static final String UNREADABLE = "model.unreadable";

    private final ProcessEngineConfigurationImpl engine;

    ModelValidation(ProcessEngine engine) {
        this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    /**
     * The problems that would refuse the deployment of {@code content} as {@code resourceName}
     * ({@code degreeExemption.bpmn}, {@code requirements.dmn}); empty when it would deploy.
     */
    public List<ModelProblem> check(String resourceName, byte[] content) {
        Optional<ModelProblem> unreadable = unreadable(resourceName, content);
        if (unreadable.isPresent()) {
            return List.of(unreadable.get());
        }
        return isBpmn(resourceName) ? bpmn(resourceName, content) : dmn(resourceName, content);
    }

    /**
     * Why {@code content} is no model at all, if it is none: a name other than {@code .bpmn} or
     * {@code .dmn}, not well-formed XML, a DOCTYPE (refused as the DMN guard refuses it: no entity
     * may read a file or the network), or a root other than the BPMN or DMN {@code definitions}.
     * What an import must pass before anything is stored.
     */
    public static Optional<ModelProblem> unreadable(String resourceName, byte[] content) {
        boolean bpmn = isBpmn(resourceName);
        if (!bpmn && !isDmn(resourceName)) {
            return Optional.of(new ModelProblem(null, UNREADABLE, "只能是 .bpmn 或 .dmn 文件，不能是“" + resourceName + "”",
                    "only .bpmn and .dmn files are models, not " + resourceName));
        }
        Element root;
        try {
            root = UntrustedXml.parse(content).getDocumentElement();
        } catch (Exception unreadable) {
            String reason = String.valueOf(unreadable.getMessage());
            if (reason.contains("DOCTYPE")) {
                return Optional.of(new ModelProblem(null, UNREADABLE, "文件含 DOCTYPE 声明：出于安全原因不接受，请删除 DOCTYPE",
                        "the file declares a DOCTYPE, which is not accepted"));
            }
            return Optional.of(new ModelProblem(null, UNREADABLE, "文件不是格式正确的 XML：" + reason,
                    "the file is not well-formed XML: " + reason));
        }
        String namespace = String.valueOf(root.getNamespaceURI());
        if ("definitions".equals(root.getLocalName())
                && (bpmn ? BPMN.equals(namespace) : DMN_PREFIXES.stream().anyMatch(namespace::startsWith))) {
            return Optional.empty();
        }
        String kind = bpmn ? "BPMN" : "DMN";
        return Optional.of(new ModelProblem(null, UNREADABLE, "文件不是" + (bpmn ? "BPMN 流程模型" : "DMN 决策表") + "：根元素应为 "
                + kind + " 的 definitions，而不是 " + root.getTagName() + "（" + namespace + "）",
                "the root element must be the " + kind + " definitions, not " + root.getTagName()));
    }

    /** Whether the resource is deployed as BPMN ({@code .bpmn}, {@code .bpmn20.xml}). */
    public static boolean isBpmn(String resourceName) {
        String name = resourceName == null ? "" : resourceName.toLowerCase(Locale.ROOT);
        return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
    }

    /** Whether the resource is deployed as DMN ({@code .dmn}, {@code .dmn11.xml}). */
    public static boolean isDmn(String resourceName) {
        String name = resourceName == null ? "" : resourceName.toLowerCase(Locale.ROOT);
        return name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
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
        // With the file as a resource, as a deployment holds it: the guard compares some models with the repository's file.
        ResourceEntity resource = new ResourceEntity();
        resource.setName(resourceName);
        resource.setBytes(content);
        deployment.addResource(resource);
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
