package cn.shixun.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What a BPMN model may contain to be deployed (issue 10 item 4): the engine executes our
 * procedures, it never runs code or takes input that the casework has not seen. Checked on the
 * engine's parsed XML, element by element, so that every place the engine reads an expression
 * or a class from is covered, whatever the element:
 * <ul>
 *   <li>every executable process is one of our procedures ({@link ProcedureModel});</li>
 *   <li>every user task declares a known {@code caseTask} kind, so the casework checks it (R-04, R-40);</li>
 *   <li>no Java class, script, connector, external task or call activity;</li>
 *   <li>expressions read variables, or call a bean the procedure declares (or the casework's own)
 *       with {@code execution}/{@code task} at most as bare arguments; delegate expressions name
 *       such a bean and nothing else;</li>
 *   <li>the one way into a case is the none start event our services start: no timer, message,
 *       signal or conditional start (nor in event sub-processes), and no message, signal or
 *       conditional event or receive task elsewhere, through which a caller outside the casework
 *       could move a case. Timers on tasks and timer catch events stay allowed.</li>
 *   <li>deadlines are declared on the user task ({@link DeadlineSteps});</li>
 *   <li>a procedure declared {@link ProcedureModel#repositoryOnly} deploys only as the repository's file.</li>
 * </ul>
 * Over 300 lines because it is one list of rules: a short check for each kind of element above,
 * walked over the same parsed model, so that what a model may contain reads in one place.
 */
final class ModelRules {

    /**
     * The casework's beans the engine may reach from any model: the routing of reviews, and the
     * deadline delegates that versions deployed before deadlines were declared on tasks still
     * call ({@link DeadlineSteps} refuses those two in a new model).
     */
    static final Set<String> CASEWORK_BEANS = Set.of("remindDueTaskDelegate", "escalateOverdueTaskDelegate", "caseRouting");

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    /** Camunda's extension namespace and the older one the engine still reads. */
    private static final Set<String> CAMUNDA = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");
    /** What the engine puts beside the variables in an expression's scope. */
    private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution",
            "variableScope");
    private static final Set<String> START_TRIGGERS = Set.of("timerEventDefinition", "messageEventDefinition",
            "signalEventDefinition", "conditionalEventDefinition");
    private static final Set<String> OUTSIDE_TRIGGERS = Set.of("messageEventDefinition", "signalEventDefinition",
            "conditionalEventDefinition");
    private static final Pattern DELEGATE = Pattern.compile("\\s*[$#]\\{\\s*([A-Za-z_$][A-Za-z0-9_$]*)\\s*}\\s*");

    /** Receives one refusal and the element it names. */
    interface Problems {
        void refuse(ModelProblem problem, Element element);
    }

    private final Map<String, Set<String>> beansByProcess = new HashMap<>();
    private final Set<String> repositoryOnly = new HashSet<>();
    private final Predicate<String> springBean;

    /**
     * @param procedures the procedures' declarations
     * @param springBean whether a name is a Spring bean (an expression that names one outside the
     *                   allow-list is refused even where it would only be read)
     */
    ModelRules(Collection<ProcedureModel> procedures, Predicate<String> springBean) {
        for (ProcedureModel procedure : procedures) {
            Set<String> beans = new HashSet<>(CASEWORK_BEANS);
            beans.addAll(procedure.beans());
            beansByProcess.put(procedure.processKey(), Set.copyOf(beans));
            if (procedure.repositoryOnly()) {
                repositoryOnly.add(procedure.processKey());
            }
        }
        this.springBean = springBean;
    }

    /** The beans a model of {@code processKey} may call: its own and the casework's; the casework's alone if it is not ours. */
    Set<String> beansOf(String processKey) {
        return beansByProcess.getOrDefault(processKey, CASEWORK_BEANS);
    }

    /** Checks a whole BPMN file ({@code definitions}) whose bytes are {@code deployed} (null: unknown, never the repository's file). */
    void check(Element definitions, byte[] deployed, Problems problems) {
        for (Element child : definitions.elements()) {
            if (isBpmn(child, "process")) {
                checkProcess(child, problems);
                checkRepositoryOnly(child, deployed, problems);
            } else {
                // Errors, escalations and the like outside any process: only the casework's beans.
                walk(child, definitions, new Scope(null, CASEWORK_BEANS), definitions, problems);
            }
        }
    }

    private void checkProcess(Element process, Problems problems) {
        if ("false".equals(process.attribute("isExecutable"))) {
            return; // the engine does not deploy it
        }
        String key = process.attribute("id");
        if (!beansByProcess.containsKey(key)) {
            refuse(process, "guard.procedure", "流程 " + key + " 不是本系统的程序，只能部署这些程序的新版本："
                    + sorted(beansByProcess.keySet()), "process " + key + " is not one of our procedures; deploy new versions of these only",
                    problems);
        }
        walk(process, process, new Scope(key, beansOf(key)), process, problems);
        DeadlineSteps.check(process, problems);
    }

    /** The four-eyes publication must not be able to approve its own replacement: only the repository's file deploys. */
    private void checkRepositoryOnly(Element process, byte[] deployed, Problems problems) {
        String key = process.attribute("id");
        if (repositoryOnly.contains(key) && (deployed == null || !Arrays.equals(deployed, repositoryFile(key)))) {
            refuse(process, "guard.repository-only", "流程 " + key + " 是发布本身的四眼审批，不能在控制台编辑，也不能另行部署："
                    + "只部署代码库中的 " + key + ".bpmn", "process " + key + " is the four-eyes publication itself: only the "
                    + "repository's " + key + ".bpmn deploys, never an edited or uploaded model", problems);
        }
    }

    private static byte[] repositoryFile(String key) {
        try (InputStream file = ModelRules.class.getClassLoader().getResourceAsStream(key + ".bpmn")) {
            return file == null ? null : file.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the repository's " + key + ".bpmn", e);
        }
    }

    private void walk(Element element, Element parent, Scope scope, Element named, Problems problems) {
        boolean bpmn = BPMN.equals(element.getUri());
        boolean camunda = CAMUNDA.contains(element.getUri());
        if (!bpmn && !camunda) {
            return; // diagram interchange and other tools' extensions: the engine does not read them
        }
        Element at = element.attribute("id") != null ? element : named;
        String tag = element.getTagName();
        if (bpmn && !refusedBpmnElement(element, parent, tag, at, problems)) {
            return;
        }
        if (camunda && !refusedCamundaElement(element, tag, at, problems)) {
            return;
        }
        for (String key : element.attributes()) {
            attribute(element, bpmn, key, scope, at, problems);
        }
        String text = element.getText();
        if (isExpression(text)) {
            expression(text.trim(), scope, at, problems);
        }
        for (Element child : element.elements()) {
            walk(child, element, scope, at, problems);
        }
    }

    /** Refuses what a BPMN element is by itself; false when its content is not to be read further. */
    private boolean refusedBpmnElement(Element element, Element parent, String tag, Element at, Problems problems) {
        switch (tag) {
            case "documentation", "text" -> {
                return false; // read by people, not by the engine
            }
            case "scriptTask" -> refuse(at, "guard.script", "不允许脚本任务：模型只调用本程序声明的 bean", "script tasks are not allowed", problems);
            case "callActivity" -> refuse(at, "guard.call-activity", "不允许调用活动：每个程序独立运行，由本系统启动",
                    "call activities are not allowed", problems);
            case "receiveTask" -> refuse(at, "guard.outside-trigger", "不允许接收任务：流程外的消息不得推动案件",
                    "receive tasks are not allowed: no message from outside may move a case", problems);
            case "userTask" -> caseTask(element, at, problems);
            case "startEvent" -> {
                for (Element definition : element.elements()) {
                    if (isBpmn(definition, null) && START_TRIGGERS.contains(definition.getTagName())) {
                        refuse(at, "guard.start-event", "只允许一个由本系统启动的空开始事件；不允许" + startName(definition.getTagName()) + "开始事件",
                                "only the one none start event our services start is allowed, not a "
                                        + definition.getTagName().replace("EventDefinition", "") + " start event",
                                problems);
                    }
                }
            }
            default -> {
                if (OUTSIDE_TRIGGERS.contains(tag) && !isBpmn(parent, "startEvent")) {
                    refuse(at, "guard.outside-trigger", "不允许" + startName(tag) + "事件：流程外的调用不得推动案件",
                            tag.replace("EventDefinition", "") + " events are not allowed: no call from outside may move a case",
                            problems);
                }
            }
        }
        return true;
    }

    /** Refuses what a Camunda extension element is by itself; false when its content is not to be read further. */
    private boolean refusedCamundaElement(Element element, String tag, Element at, Problems problems) {
        switch (tag) {
            case "script" -> {
                refuse(at, "guard.script", "不允许脚本（脚本监听器、脚本参数）", "scripts are not allowed", problems);
                return false;
            }
            case "connector" -> {
                refuse(at, "guard.connector", "不允许连接器（camunda:connector）", "connectors are not allowed", problems);
                return false;
            }
            case "constraint" -> {
                if ("validator".equals(element.attribute("name"))) {
                    refuse(at, "guard.form-validator", "不允许自定义表单校验器（Java 类或 bean）", "custom form field validators are not allowed", problems);
                }
            }
            default -> {
            }
        }
        return true;
    }

    private void attribute(Element element, boolean bpmnElement, String key, Scope scope, Element at, Problems problems) {
        int colon = key.lastIndexOf(':');
        String namespace = colon < 0 ? null : key.substring(0, colon);
        String name = key.substring(colon + 1);
        String value = element.attribute(key);
        if (namespace != null && !CAMUNDA.contains(namespace)) {
            return; // xsi:type, other tools' attributes
        }
        boolean camundaAttribute = namespace != null || !bpmnElement;
        if (name.equals("language") || name.equals("scriptFormat")) {
            refuse(at, "guard.script", "不允许脚本（" + name + "=\"" + value + "\"）", "scripts are not allowed", problems);
        } else if (!camundaAttribute) {
            if (isExpression(value)) {
                expression(value, scope, at, problems);
            }
        } else if (name.equals("class") || name.endsWith("Class")) {
            refuse(at, "guard.java-class", "不允许 Java 类（" + name + "=\"" + value + "\"）：模型只调用本程序声明的 bean",
                    "Java classes are not allowed (" + name + ")", problems);
        } else if (name.equals("type") && bpmnElement) {
            refuse(at, "guard.external-task", "不允许外部任务或连接器（camunda:type=\"" + value + "\"）",
                    "external tasks and connectors are not allowed (camunda:type)", problems);
        } else if (name.equals("delegateExpression") || name.endsWith("DelegateExpression")) {
            delegate(value, scope, at, problems);
        } else if (name.equals("expression")) {
            beanCall(value, scope, at, problems);
        } else if (isExpression(value)) {
            expression(value, scope, at, problems);
        }
    }

    private void caseTask(Element userTask, Element at, Problems problems) {
        String value = camundaProperty(userTask, CaseTask.KIND_PROPERTY);
        String kinds = "review / submission";
        if (value == null) {
            refuse(at, "R-04", "用户任务缺少 caseTask 属性（" + kinds + "），否则它不经过案件检查（R-04、R-40）",
                    "user task without the caseTask property (" + kinds + ")", problems);
        } else if (CaseTask.Kind.ofProperty(value) == null) {
            refuse(at, "R-04", "用户任务的 caseTask 属性 \"" + value + "\" 未知（" + kinds + "）",
                    "unknown caseTask kind \"" + value + "\" (" + kinds + ")", problems);
        }
    }

    /** The first {@code camunda:property} of that name on the element, or null. */
    static String camundaProperty(Element element, String name) {
        for (Element extensions : children(element, BPMN, "extensionElements")) {
            for (Element properties : camundaChildren(extensions, "properties")) {
                for (Element property : camundaChildren(properties, "property")) {
                    if (name.equals(property.attribute("name"))) {
                        return property.attribute("value");
                    }
                }
            }
        }
        return null;
    }

    /** A delegate expression names one allowed bean, nothing else: {@code ${creditHoursDelegate}}. */
    private void delegate(String value, Scope scope, Element at, Problems problems) {
        Matcher bean = DELEGATE.matcher(value);
        if (!bean.matches() || !scope.allows(bean.group(1))) {
            refuse(at, "guard.delegate", "委托表达式 " + value + " 只能是" + scope.describe() + "允许的 bean：" + sorted(scope.beans()),
                    "delegate expression " + value + " must name a bean allowed for " + scope.name(), problems);
        }
    }

    /** An expression run for its effect (expression task, expression listener) calls a method of an allowed bean. */
    private void beanCall(String value, Scope scope, Element at, Problems problems) {
        Node root = parse(value, at, problems);
        if (root == null) {
            return;
        }
        if (!(root instanceof AstEval) || !(root.getChild(0) instanceof AstMethod)) {
            refuse(at, "guard.expression", "表达式 " + value + " 只能调用" + scope.describe() + "允许的 bean 的方法，如 ${bean.method(execution)}："
                    + sorted(scope.beans()), "expression " + value + " must call a method of an allowed bean", problems);
            return;
        }
        refuseIfUnsafe(value, root, scope, at, problems);
    }

    private void expression(String value, Scope scope, Element at, Problems problems) {
        Node root = parse(value, at, problems);
        if (root != null) {
            refuseIfUnsafe(value, root, scope, at, problems);
        }
    }

    private void refuseIfUnsafe(String value, Node root, Scope scope, Element at, Problems problems) {
        String reason = unsafe(root, scope, false);
        if (reason != null) {
            refuse(at, "guard.expression", "表达式 " + value + " " + reason, "expression " + value + " reaches beyond the variables and "
                    + "the beans allowed for " + scope.name(), problems);
        }
    }

    private Node parse(String value, Element at, Problems problems) {
        try {
            return (Node) new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(value).getRoot();
        } catch (TreeBuilderException e) {
            refuse(at, "guard.expression", "表达式 " + value + " 无法解析", "expression " + value + " cannot be parsed", problems);
            return null;
        }
    }

    /**
     * Why an expression reaches further than variables and allowed beans, or null. An identifier
     * followed by {@code .}, {@code [} or {@code (} must be an allowed bean; the engine's objects
     * ({@code execution}, {@code task}) appear only as bare arguments of such a call; functions
     * ({@code now()}, {@code dateTime()}) and properties or methods of anything else are refused.
     */
    private String unsafe(Node node, Scope scope, boolean argument) {
        if (node instanceof AstIdentifier identifier) {
            String name = identifier.getName();
            if (ENGINE_OBJECTS.contains(name)) {
                return argument ? null : "：引擎对象 " + name + " 只能作为允许的 bean 方法的参数";
            }
            if (!scope.allows(name) && springBean.test(name)) {
                return "：bean " + name + " 不在" + scope.describe() + "的允许列表中：" + sorted(scope.beans());
            }
            return null;
        }
        if (node instanceof AstFunction function) {
            return "：不允许函数 " + function.getName() + "()";
        }
        if (node instanceof AstMethod) {
            String property = unsafeProperty((AstProperty) node.getChild(0), scope);
            if (property != null) {
                return property;
            }
            Node parameters = node.getChild(1);
            for (int i = 0; i < parameters.getCardinality(); i++) {
                String reason = unsafe(parameters.getChild(i), scope, true);
                if (reason != null) {
                    return reason;
                }
            }
            return null;
        }
        if (node instanceof AstProperty property) {
            return unsafeProperty(property, scope);
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            String reason = unsafe(node.getChild(i), scope, false);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    private String unsafeProperty(AstProperty property, Scope scope) {
        Node prefix = property.getChild(0);
        if (prefix instanceof AstIdentifier identifier) {
            String name = identifier.getName();
            if (scope.allows(name)) {
                return property instanceof AstBracket ? unsafe(property.getChild(1), scope, false) : null;
            }
            if (ENGINE_OBJECTS.contains(name)) {
                return "：不能通过引擎对象 " + name + " 读取属性或调用方法";
            }
            return "：" + name + " 不是" + scope.describe() + "允许调用的 bean：" + sorted(scope.beans());
        }
        Node root = prefix;
        while (root instanceof AstMethod || root instanceof AstProperty) {
            root = root.getChild(0);
        }
        if (root instanceof AstIdentifier identifier && ENGINE_OBJECTS.contains(identifier.getName())) {
            return "：不能通过引擎对象 " + identifier.getName() + " 读取属性或调用方法";
        }
        return "：只能调用允许的 bean 的方法，不能对其他值（包括方法的返回值）读取属性或调用方法";
    }

    static void refuse(Element at, String ruleId, String chinese, String english, Problems problems) {
        problems.refuse(new ModelProblem(at.attribute("id"), ruleId, chinese, english), at);
    }

    /** The refusal as the deployment fails with it, named by the element's id (its tag where it has none). */
    static String message(ModelProblem problem, Element at) {
        return problem.message(at.attribute("id") != null ? at.attribute("id") : at.getTagName());
    }

    private static boolean isExpression(String value) {
        return value != null && (value.contains("${") || value.contains("#{"));
    }

    static boolean isBpmn(Element element, String tag) {
        return BPMN.equals(element.getUri()) && (tag == null || tag.equals(element.getTagName()));
    }

    private static Iterable<Element> children(Element element, String namespace, String tag) {
        return element.elements().stream()
                .filter(child -> namespace.equals(child.getUri()) && tag.equals(child.getTagName())).toList();
    }

    private static Iterable<Element> camundaChildren(Element element, String tag) {
        return element.elements().stream()
                .filter(child -> CAMUNDA.contains(child.getUri()) && tag.equals(child.getTagName())).toList();
    }

    private static String startName(String definition) {
        return switch (definition) {
            case "timerEventDefinition" -> "定时";
            case "messageEventDefinition" -> "消息";
            case "signalEventDefinition" -> "信号";
            default -> "条件";
        };
    }

    private static String sorted(Collection<String> names) {
        return String.join("、", new TreeSet<>(names));
    }

    /** The process being checked (null outside any) and the beans it may call. */
    private record Scope(String processKey, Set<String> beans) {

        boolean allows(String name) {
            return beans.contains(name);
        }

        String name() {
            return processKey == null ? "any process" : processKey;
        }

        String describe() {
            return processKey == null ? "流程外" : "流程 " + processKey + " ";
        }
    }
}
