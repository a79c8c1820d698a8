package cn.shixun.schoolclass.web;

import cn.shixun.schoolclass.ClassLearner;
import cn.shixun.schoolclass.ClassPlan;
import cn.shixun.schoolclass.CourseDesign;
import cn.shixun.schoolclass.Grade;
import cn.shixun.schoolclass.SchoolClass;
import cn.shixun.schoolclass.SchoolClassStatus;
import cn.shixun.schoolclass.SchoolClasses;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.web.OpenStepView;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * School-based classes: the school proposes a course and submits each later step here
 * (class plan, learners, grades); the reviews are decided through {@code /api/tasks}.
 */
@RestController
@RequestMapping("/api/school-classes")
class SchoolClassController {

    private final SchoolClasses classes;
    private final CurrentAccounts accounts;

    SchoolClassController(SchoolClasses classes, CurrentAccounts accounts) {
        this.classes = classes;
        this.accounts = accounts;
    }

    record ProposalRequest(Long schoolId, CourseDesign course) {
    }

    record EnrolmentRequest(List<Long> teacherIds) {
    }

    record GradeLine(Long teacherId, Grade grade) {
    }

    record GradesRequest(List<GradeLine> grades) {
    }

    record LearnerView(Long teacherId, Grade grade, String gradeLabel, Long ledgerEntryId, String creditRefusal) {
        static LearnerView of(ClassLearner learner) {
            return new LearnerView(learner.teacherId(), learner.grade(),
                    learner.grade() == null ? null : learner.grade().label(), learner.ledgerEntryId(),
                    learner.creditRefusal());
        }
    }

    record TaskView(String id, String key, String name, List<String> candidateGroups, Instant due) {
        static TaskView of(CaseTask task) {
            return new TaskView(task.id(), task.taskKey(), task.name(), task.candidateGroups(), task.due());
        }
    }

    record EventView(String step, CaseOutcome outcome, String outcomeLabel, String comment, String actor, Instant at) {
        static EventView of(CaseEvent e) {
            return new EventView(e.step(), e.outcome(), e.outcome().label(), e.comment(), e.actor(), e.occurredAt());
        }
    }

    record SchoolClassView(Long id, Long schoolId, String proposedBy, CourseDesign course, ClassPlan plan,
                           SchoolClassStatus status, String statusLabel, List<OpenStepView> openSteps,
                           String outcomeReason, TaskView currentTask,
                           String schoolGroup,
                           String authorityGroup, List<LearnerView> learners, List<EventView> history) {
    }

    @PostMapping
    @Transactional
    ResponseEntity<SchoolClassView> propose(@RequestBody ProposalRequest request) {
        SchoolClass schoolClass = classes.propose(accounts.require(), request.schoolId(), request.course());
        return ResponseEntity.created(URI.create("/api/school-classes/" + schoolClass.getId())).body(view(schoolClass));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    SchoolClassView show(@PathVariable Long id) {
        return view(classes.requireVisibleTo(id, accounts.require()));
    }

    @PostMapping("/{id}/course")
    @Transactional
    SchoolClassView amendCourse(@PathVariable Long id, @RequestBody CourseDesign course) {
        return view(classes.amendCourse(id, accounts.require(), course));
    }

    @PostMapping("/{id}/class-plan")
    @Transactional
    SchoolClassView planClass(@PathVariable Long id, @RequestBody ClassPlan plan) {
        return view(classes.planClass(id, accounts.require(), plan));
    }

    @PostMapping("/{id}/learners")
    @Transactional
    SchoolClassView enrol(@PathVariable Long id, @RequestBody EnrolmentRequest request) {
        return view(classes.enrol(id, accounts.require(), request.teacherIds()));
    }

    @PostMapping("/{id}/grades")
    @Transactional
    SchoolClassView grade(@PathVariable Long id, @RequestBody GradesRequest request) {
        CurrentAccount account = accounts.require();
        Map<Long, Grade> grades = new LinkedHashMap<>();
        if (request.grades() != null) {
            request.grades().forEach(line -> grades.put(line.teacherId(), line.grade()));
        }
        return view(classes.grade(id, account, grades));
    }

    private SchoolClassView view(SchoolClass c) {
        List<CaseTask> open = classes.openTasks(c.getId());
        TaskView task = open.stream().findFirst().map(TaskView::of).orElse(null);
        CaseProgress progress = CaseProgress.of(open);
        return new SchoolClassView(c.getId(), c.schoolId(), c.proposedBy(), c.course(), c.plan(), c.status(),
                progress.statusLabel(c.status()), OpenStepView.of(progress), c.outcomeReason(), task, c.schoolGroup(), c.authorityGroup(),
                classes.learnersOf(c.getId()).stream().map(LearnerView::of).toList(),
                classes.history(c.getId()).stream().map(EventView::of).toList());
    }
}
