package cn.shixun.schoolclass;

import cn.shixun.organisation.Organisations;
import cn.shixun.schoolclass.process.SchoolClassProcess;
import cn.shixun.security.AccessScope;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.ReviewRouting;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * School-based classes: what the school submits at each step, checked before anything is
 * written ({@link SchoolClassChecks}), and what readers see of a class. The reviews are decided
 * through the casework ({@link CaseTasks}); what they, the timer and the crediting do to the class
 * is {@link SchoolClassCasework}.
 *
 * <p>Eleven collaborators, above the house's eight: the submissions start the process, route and
 * record each step, check the teachers enrolled and who may see a class, and audit; splitting the
 * reads off would leave two halves that each need most of them.
 */
@Service
@Transactional(readOnly = true)
public class SchoolClasses {

    private static final Logger log = LoggerFactory.getLogger(SchoolClasses.class);

    private final SchoolClassRepository classes;
    private final ClassLearnerRepository learners;
    private final SchoolClassProcess process;
    private final CaseTasks caseTasks;
    private final CaseHistory history;
    private final Organisations organisations;
    private final Teachers teachers;
    private final ReviewRouting routing;
    private final AccessScope scope;
    private final ApplicationEventPublisher events;
    private final SchoolClassChecks checks;

    SchoolClasses(SchoolClassRepository classes, ClassLearnerRepository learners, SchoolClassProcess process,
                  CaseTasks caseTasks, CaseHistory history, Organisations organisations, Teachers teachers,
                  ReviewRouting routing, AccessScope scope, ApplicationEventPublisher events,
                  SchoolClassChecks checks) {
        this.classes = classes;
        this.learners = learners;
        this.process = process;
        this.caseTasks = caseTasks;
        this.history = history;
        this.organisations = organisations;
        this.teachers = teachers;
        this.routing = routing;
        this.scope = scope;
        this.events = events;
        this.checks = checks;
    }

    /** A school administrator proposes a course for their school; starts {@code schoolBasedClass} at the school's review. */
    @Transactional
    public SchoolClass propose(CurrentAccount account, Long schoolId, CourseDesign course) {
        if (!account.is(Role.SCHOOL_ADMIN)) {
            throw BusinessRuleException.forbidden("R-35", "schoolId", "schoolclass.only-school-admins");
        }
        if (schoolId == null) {
            throw BusinessRuleException.violation("R-35", "schoolId", "schoolclass.field-required");
        }
        organisations.requireSchool(schoolId, "schoolId");
        if (!scope.covers(account, schoolId)) {
            throw BusinessRuleException.forbidden("R-35", "schoolId", "schoolclass.school-outside-scope");
        }
        checks.checkCourse(course, schoolId);
        String schoolGroup = routing.schoolReview(schoolId).id();
        String authorityGroup = routing.authorityReview(schoolId).id();
        SchoolClass schoolClass = classes.saveAndFlush(new SchoolClass(schoolId, account.username(), schoolGroup,
                authorityGroup, course, Instant.now()));
        schoolClass.startedAs(process.start(schoolClass.getId()));
        history.record(SchoolClassProcess.PROCESS_ID, caseId(schoolClass), null, "提交校本课程", CaseOutcome.SUBMITTED,
                schoolClass.course().courseName(), account.username());
        log.info("School-based course {} proposed for school {} by {}", schoolClass.getId(), schoolId,
                account.username());
        return schoolClass;
    }

    /** The school corrects a returned course and sends it back to its own review. */
    @Transactional
    public SchoolClass amendCourse(Long id, CurrentAccount account, CourseDesign course) {
        SchoolClass schoolClass = requireVisibleTo(id, account);
        CaseTask task = openStep(schoolClass, SchoolClassProcess.AMEND_COURSE, account);
        checks.checkCourse(course, schoolClass.schoolId());
        audit("schoolclass.amend-course", schoolClass, "原课程：" + summary(schoolClass.course()));
        schoolClass.takeCourse(course);
        caseTasks.submit(task.id(), account);
        return schoolClass;
    }

    /** The school creates the class of an approved course (or corrects a returned one). */
    @Transactional
    public SchoolClass planClass(Long id, CurrentAccount account, ClassPlan plan) {
        SchoolClass schoolClass = requireVisibleTo(id, account);
        CaseTask task = openStep(schoolClass, SchoolClassProcess.PLAN_CLASS, account);
        checks.checkPlan(plan);
        schoolClass.takePlan(plan);
        audit("schoolclass.plan-class", schoolClass, plan.className());
        caseTasks.submit(task.id(), account);
        return schoolClass;
    }

    /** The school enrols its own registrable teachers; a resubmission replaces the earlier list. */
    @Transactional
    public SchoolClass enrol(Long id, CurrentAccount account, List<Long> teacherIds) {
        SchoolClass schoolClass = requireVisibleTo(id, account);
        CaseTask task = openStep(schoolClass, SchoolClassProcess.ENROL, account);
        if (teacherIds == null || teacherIds.isEmpty()) {
            throw BusinessRuleException.violation("R-35", "teacherIds", "schoolclass.no-learners");
        }
        Set<Long> distinct = new HashSet<>();
        for (Long teacherId : teacherIds) {
            if (teacherId == null || !distinct.add(teacherId)) {
                throw BusinessRuleException.violation("R-35", "teacherIds", "schoolclass.learner-twice", teacherId);
            }
            Teacher teacher = teachers.find(teacherId).orElseThrow(
                    () -> BusinessRuleException.notFound("teacherIds", "schoolclass.teacher-not-found", teacherId));
            if (!schoolClass.schoolId().equals(teacher.schoolId())) {
                throw BusinessRuleException.violation("R-35", "teacherIds", "schoolclass.learner-not-at-school",
                        teacher.name(), teacher.staffNumber());
            }
            teachers.requireRegistrable(teacherId);
        }
        if (teacherIds.size() > schoolClass.plan().headcount()) {
            throw BusinessRuleException.violation("R-35", "teacherIds", "schoolclass.over-headcount",
                    teacherIds.size(), schoolClass.plan().headcount());
        }
        List<ClassLearner> earlier = learners.findByClassIdOrderByIdAsc(id);
        learners.deleteAll(earlier);
        learners.flush();
        teacherIds.forEach(teacherId -> learners.save(new ClassLearner(id, teacherId)));
        audit("schoolclass.enrol", schoolClass, teacherIds.size() + " 名学员"
                + (earlier.isEmpty() ? "" : "（替换原 " + earlier.size() + " 名）"));
        caseTasks.submit(task.id(), account);
        return schoolClass;
    }

    /** The school grades every learner after the study ends: excellent at most 10% of the class. */
    @Transactional
    public SchoolClass grade(Long id, CurrentAccount account, Map<Long, Grade> grades) {
        SchoolClass schoolClass = requireVisibleTo(id, account);
        CaseTask task = openStep(schoolClass, SchoolClassProcess.GRADE, account);
        List<ClassLearner> enrolled = learners.findByClassIdOrderByIdAsc(id);
        Map<Long, Grade> given = grades == null ? Map.of() : grades;
        for (Long teacherId : given.keySet()) {
            if (enrolled.stream().noneMatch(learner -> learner.teacherId().equals(teacherId))) {
                throw BusinessRuleException.violation("R-35", "grades", "schoolclass.graded-not-enrolled", teacherId);
            }
        }
        for (ClassLearner learner : enrolled) {
            if (given.get(learner.teacherId()) == null) {
                throw BusinessRuleException.violation("R-35", "grades", "schoolclass.learner-not-graded",
                        teachers.require(learner.teacherId()).name());
            }
        }
        long excellent = given.values().stream().filter(grade -> grade == Grade.EXCELLENT).count();
        if (excellent * 10 > enrolled.size()) {
            throw BusinessRuleException.violation("R-14", "grades", "schoolclass.too-many-excellent", excellent,
                    enrolled.size(), enrolled.size() / 10);
        }
        enrolled.forEach(learner -> learner.graded(given.get(learner.teacherId())));
        audit("schoolclass.grade", schoolClass, "优秀 " + excellent + " 名，共 " + enrolled.size() + " 名");
        caseTasks.submit(task.id(), account);
        return schoolClass;
    }

    public SchoolClass require(Long id) {
        return classes.findById(id).orElseThrow(() -> BusinessRuleException.notFound("id", "schoolclass.not-found", id));
    }

    /** The class if the account may see it: authorities whose scope covers the school, and its reviewers. */
    public SchoolClass requireVisibleTo(Long id, CurrentAccount account) {
        SchoolClass schoolClass = require(id);
        if (account.isTeacher() || !scope.covers(account, schoolClass.schoolId())
                && caseTasks.openTasks(SchoolClassProcess.PROCESS_ID, caseId(schoolClass)).stream()
                .noneMatch(task -> caseTasks.mayWorkOn(task, account))) {
            throw BusinessRuleException.notFound("id", "schoolclass.not-found", id);
        }
        return schoolClass;
    }

    /**
     * The classes of the schools in {@code account}'s scope, newest first: a school administrator's
     * own school, a reviewer's schools (those whose registration authority they are, R-04).
     */
    public Page<SchoolClass> visibleTo(CurrentAccount account, int page, int size) {
        Pageable pageable = PageRequest.of(Math.max(page, 0), size,
                Sort.by(Sort.Order.desc("lifecycle.createdAt"), Sort.Order.desc("id")));
        Set<Long> schools = account.isTeacher() || account.organisationId() == null ? Set.of()
                : organisations.schoolIdsCoveredBy(account.organisationId());
        return schools.isEmpty() ? Page.empty(pageable) : classes.findBySchoolIdIn(schools, pageable);
    }

    public List<ClassLearner> learnersOf(Long id) {
        return learners.findByClassIdOrderByIdAsc(id);
    }

    public List<CaseEvent> history(Long id) {
        return history.of(SchoolClassProcess.PROCESS_ID, String.valueOf(id));
    }

    public Optional<CaseTask> openTask(Long id) {
        return caseTasks.openTask(SchoolClassProcess.PROCESS_ID, String.valueOf(id));
    }

    /** The class's one-line description for a reviewer's worklist. */
    public String summary(Long id) {
        return classes.findById(id).map(c -> organisations.find(c.schoolId()).map(s -> s.name() + " · ").orElse("")
                + c.course().courseName() + "（" + c.course().designedHours().stripTrailingZeros().toPlainString()
                + " 学时）").orElse(String.valueOf(id));
    }

    /** Where an open class stands, from its process: the steps open now. */
    public CaseProgress progress(Long id) {
        return CaseProgress.of(openTasks(id));
    }

    /** The class's open user tasks, oldest first: one read for what a page or view shows of them. */
    public List<CaseTask> openTasks(Long id) {
        return caseTasks.openTasks(SchoolClassProcess.PROCESS_ID, String.valueOf(id));
    }

    private CaseTask openStep(SchoolClass schoolClass, String taskKey, CurrentAccount account) {
        List<CaseTask> open = openTasks(schoolClass.getId());
        CaseTask task = open.stream().filter(step -> step.taskKey().equals(taskKey)).findFirst()
                .orElseThrow(() -> BusinessRuleException.conflict("R-35", "id", "schoolclass.step-not-open",
                        CaseProgress.of(open).statusLabel(schoolClass.status())));
        return caseTasks.requireWorkable(task.id(), account);
    }

    private void audit(String action, SchoolClass schoolClass, String detail) {
        events.publishEvent(new AuditedAction(action, SchoolClassProcess.PROCESS_ID, caseId(schoolClass), detail));
    }

    private static String caseId(SchoolClass schoolClass) {
        return String.valueOf(schoolClass.getId());
    }

    private static String summary(CourseDesign course) {
        return course.courseName() + "，" + course.courseType().label() + "，" + course.designedHours().toPlainString()
                + " 学时，" + course.designFile();
    }
}
