package cn.shixun.schoolclass.process;

import cn.shixun.schoolclass.SchoolClassCasework;
import cn.shixun.schoolclass.SchoolClasses;
import cn.shixun.security.CandidateGroup;
import cn.shixun.tasks.CaseHandler;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.Decision;
import cn.shixun.tasks.ReviewRouting;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How {@code schoolBasedClass} takes part in the casework: a rejection ends the class; a
 * submission needs the data its step takes on the class's page. Which step is open is the model's.
 */
@Component
class SchoolClassCaseHandler implements CaseHandler {

    private static final String PAGE_PREFIX = "/school-classes/";

    private final SchoolClasses classes;
    private final SchoolClassCasework casework;
    private final ReviewRouting routing;

    SchoolClassCaseHandler(SchoolClasses classes, SchoolClassCasework casework, ReviewRouting routing) {
        this.classes = classes;
        this.casework = casework;
        this.routing = routing;
    }

    @Override
    public String processKey() {
        return SchoolClassProcess.PROCESS_ID;
    }

    @Override
    public void decided(CaseTask task, Decision decision, String comment, String actor) {
        casework.decided(Long.valueOf(task.caseId()), decision, comment);
    }

    @Override
    public void submitted(CaseTask task, String actor) {
        casework.submitted(Long.valueOf(task.caseId()), task.taskKey());
    }

    /** The class's school: its administrators and registration authority review. */
    @Override
    public Optional<Long> organisationId(String caseId) {
        return Optional.of(classes.require(Long.valueOf(caseId)).schoolId());
    }

    /** The school's administrators, who apply for the class and report on it. */
    @Override
    public Optional<CandidateGroup> submitters(String caseId) {
        return organisationId(caseId).map(routing::schoolReview);
    }

    @Override
    public String summary(String caseId) {
        return classes.summary(Long.valueOf(caseId));
    }

    /** The school works its submission steps on the class's own page (cn.shixun.schoolclass.web.SchoolClassPages). */
    @Override
    public Optional<String> casePage(String caseId) {
        return Optional.of(PAGE_PREFIX + caseId);
    }
}
