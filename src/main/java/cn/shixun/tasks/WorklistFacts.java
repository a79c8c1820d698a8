package cn.shixun.tasks;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Names a new task's case on the task itself, as task variables: the case's organisation and its
 * applicant. The worklist filters and sorts by them in the engine's task query ({@link WorklistFilter}),
 * which cannot reach the procedures' own records. They only label the task; nothing decides by them.
 */
@Component
class WorklistFacts {

    static final String ORGANISATION = "worklistOrganisation";
    static final String APPLICANT = "worklistApplicant";

    private final CaseHandlers handlers;
    private final Organisations organisations;
    private final Teachers teachers;

    WorklistFacts(CaseHandlers handlers, Organisations organisations, Teachers teachers) {
        this.handlers = handlers;
        this.organisations = organisations;
        this.teachers = teachers;
    }

    void label(DelegateTask task, String processKey) {
        String caseId = task.getExecution().getProcessBusinessKey();
        handlers.find(processKey).filter(handler -> caseId != null).ifPresent(handler -> {
            Optional<String> organisation = handler.organisationId(caseId).flatMap(organisations::find)
                    .map(Organisation::name);
            // A teacher's case is theirs; a class's or a plan's was applied for by its organisation.
            Optional<String> applicant = handler.teacherId(caseId).flatMap(teachers::find).map(Teacher::name)
                    .or(() -> organisation);
            organisation.ifPresent(name -> task.setVariableLocal(ORGANISATION, name));
            applicant.ifPresent(name -> task.setVariableLocal(APPLICANT, name));
        });
    }
}
