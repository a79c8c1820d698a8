package cn.shixun.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The model rules for deadlines ({@link CaseDeadlines}). A user task declares its deadlines
 * itself: {@code camunda:dueDate}, and the properties {@code remindBefore} (an ISO duration) and
 * {@code escalateWhenOverdue} ({@code true} or {@code false}); both need the due date. The deadline
 * service tasks of older versions ({@code ${remindDueTaskDelegate}}, {@code ${escalateOverdueTaskDelegate}}
 * after a timer) are there for those versions' running cases only: a new model naming them is refused.
 */
final class DeadlineSteps {

    private static final Pattern DEADLINE_BEAN = Pattern.compile("\\b(remindDueTaskDelegate|escalateOverdueTaskDelegate)\\b");
    private static final String DECLARE_ON_THE_TASK = "提醒与超期升级在用户任务上声明：camunda:dueDate，加属性 "
            + CaseworkBpmnParse.REMIND_BEFORE + "（如 P3D）与 " + CaseworkBpmnParse.ESCALATE_WHEN_OVERDUE + "=true";

    private DeadlineSteps() {
    }

    static void check(Element process, ModelRules.Problems problems) {
        walk(process, process, problems);
    }

    private static void walk(Element element, Element named, ModelRules.Problems problems) {
        if (ModelRules.isBpmn(element, "documentation")) {
            return;
        }
        Element at = element.attribute("id") != null ? element : named;
        if (ModelRules.isBpmn(element, "userTask")) {
            userTask(element, problems);
        }
        List<String> values = new ArrayList<>(element.attributes().stream().map(element::attribute).toList());
        values.add(element.getText());
        for (String value : values) {
            Matcher bean = value == null ? null : DEADLINE_BEAN.matcher(value);
            if (bean != null && bean.find()) {
                ModelRules.refuse(at, "guard.deadline", bean.group(1) + " 只供旧版本运行中的案件使用；" + DECLARE_ON_THE_TASK,
                        bean.group(1) + " is kept for the running cases of older versions; declare deadlines on the user task"
                                + " (camunda:dueDate, remindBefore, escalateWhenOverdue)", problems);
                break;
            }
        }
        for (Element child : element.elements()) {
            walk(child, at, problems);
        }
    }

    private static void userTask(Element task, ModelRules.Problems problems) {
        String remindBefore = ModelRules.camundaProperty(task, CaseworkBpmnParse.REMIND_BEFORE);
        String escalate = ModelRules.camundaProperty(task, CaseworkBpmnParse.ESCALATE_WHEN_OVERDUE);
        boolean dueDate = task.attributes().stream().anyMatch(key -> key.endsWith(":dueDate"));
        if (remindBefore != null && !CaseworkBpmnParse.isDuration(remindBefore)) {
            ModelRules.refuse(task, "guard.deadline", "属性 " + CaseworkBpmnParse.REMIND_BEFORE + " \"" + remindBefore
                    + "\" 不是时长：应为 ISO 8601 时长，如 P3D（到期前 3 天提醒）", CaseworkBpmnParse.REMIND_BEFORE
                    + " must be an ISO 8601 duration such as P3D", problems);
        }
        if (escalate != null && !escalate.equals("true") && !escalate.equals("false")) {
            ModelRules.refuse(task, "guard.deadline", "属性 " + CaseworkBpmnParse.ESCALATE_WHEN_OVERDUE + " 只能是 true 或 false，不能是 \""
                    + escalate + "\"", CaseworkBpmnParse.ESCALATE_WHEN_OVERDUE + " must be true or false", problems);
        }
        if ((remindBefore != null || "true".equals(escalate)) && !dueDate) {
            ModelRules.refuse(task, "guard.deadline", "声明了提醒或超期升级，却没有办理期限 camunda:dueDate：期限只写一次，写在任务上",
                    "a reminder or escalation needs the task's camunda:dueDate", problems);
        }
    }
}
