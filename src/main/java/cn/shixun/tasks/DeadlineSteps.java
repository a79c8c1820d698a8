package cn.shixun.tasks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The model rule for deadlines ({@link CaseDeadlines}): the reminder and escalation delegates act
 * on the user task whose timer leads to them, so each may only be the delegate expression of a
 * service task that a timer boundary event on a user task leads to. Anything else would deploy
 * and then fail when the timer fires; it is refused at deployment instead.
 */
final class DeadlineSteps {

    private static final Pattern DEADLINE_BEAN = Pattern.compile("\\b(remindDueTaskDelegate|escalateOverdueTaskDelegate)\\b");

    private final Set<String> userTasks = new HashSet<>();
    /** Timer boundary events by id, each with the id of the element it is attached to. */
    private final Map<String, String> timersAttachedTo = new HashMap<>();
    private final Map<String, List<String>> sourcesByTarget = new HashMap<>();
    private final List<Element> deadlineTasks = new ArrayList<>();

    private DeadlineSteps() {
    }

    static void check(Element process, ModelRules.Problems problems) {
        DeadlineSteps steps = new DeadlineSteps();
        steps.collect(process, process, problems);
        steps.refuseUntimed(problems);
    }

    /** Collects from {@code element}; {@code named} is it or the nearest element around it with an id. */
    private void collect(Element element, Element named, ModelRules.Problems problems) {
        if (!ModelRules.isBpmn(element, null) || "documentation".equals(element.getTagName())) {
            mentions(element, named, problems);
            return;
        }
        String id = element.attribute("id");
        Element at = id != null ? element : named;
        switch (element.getTagName()) {
            case "userTask" -> userTasks.add(id);
            case "boundaryEvent" -> {
                if (element.elements().stream().anyMatch(child -> ModelRules.isBpmn(child, "timerEventDefinition"))) {
                    timersAttachedTo.put(id, element.attribute("attachedToRef"));
                }
            }
            case "sequenceFlow" -> sourcesByTarget.computeIfAbsent(element.attribute("targetRef"), target -> new ArrayList<>())
                    .add(element.attribute("sourceRef"));
            default -> {
            }
        }
        for (String key : element.attributes()) {
            String bean = deadlineBean(element.attribute(key));
            if (bean == null) {
                continue;
            }
            boolean delegateOfServiceTask = "serviceTask".equals(element.getTagName()) && key.endsWith(":delegateExpression")
                    && ModelRules.DELEGATE.matcher(element.attribute(key)).matches();
            if (delegateOfServiceTask) {
                deadlineTasks.add(element);
            } else {
                refuseElsewhere(at, bean, problems);
            }
        }
        for (Element child : element.elements()) {
            collect(child, at, problems);
        }
    }

    /** Extension elements (listeners, inputs) and text: a deadline bean named there is refused. */
    private void mentions(Element element, Element at, ModelRules.Problems problems) {
        if ("documentation".equals(element.getTagName())) {
            return;
        }
        Element named = element.attribute("id") != null ? element : at;
        List<String> values = new ArrayList<>(element.attributes().stream().map(element::attribute).toList());
        values.add(element.getText());
        for (String value : values) {
            String bean = deadlineBean(value);
            if (bean != null) {
                refuseElsewhere(named, bean, problems);
            }
        }
        for (Element child : element.elements()) {
            mentions(child, named, problems);
        }
    }

    private void refuseUntimed(ModelRules.Problems problems) {
        for (Element task : deadlineTasks) {
            boolean timed = sourcesByTarget.getOrDefault(task.attribute("id"), List.of()).stream()
                    .anyMatch(source -> userTasks.contains(timersAttachedTo.get(source)));
            if (!timed) {
                ModelRules.refuse(task, "提醒和超期升级任务必须紧接在用户任务的定时边界事件之后，否则定时触发时不知道针对哪个任务",
                        "a reminder or escalation task must follow a timer boundary event on a user task", problems);
            }
        }
    }

    private static void refuseElsewhere(Element at, String bean, ModelRules.Problems problems) {
        ModelRules.refuse(at, bean + " 只能作为服务任务的委托表达式 ${" + bean + "}，接在用户任务的定时边界事件之后",
                bean + " may only be the delegate expression of a service task after a timer boundary event on a user task",
                problems);
    }

    private static String deadlineBean(String value) {
        Matcher mention = value == null ? null : DEADLINE_BEAN.matcher(value);
        return mention != null && mention.find() ? mention.group(1) : null;
    }
}
