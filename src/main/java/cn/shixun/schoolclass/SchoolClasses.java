package cn.shixun.schoolclass;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.SourceType;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.schoolclass.process.SchoolClassProcess;
import cn.shixun.security.AccessScope;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RequiredText;
import cn.shixun.tasks.CaseCredits;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.tasks.ReviewRouting;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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
 * written, and the crediting of the learners' hours at the end. The reviews themselves are
 * decided through the casework ({@link CaseTasks}); {@code process.SchoolClassCaseHandler} passes
 * on what was decided or submitted.
 */
@Service
@Transactional(readOnly = true)
public class SchoolClasses {

    private static final int MAX_TEXT = 200;
    private static final int MAX_OUTLINE = 2000;
    private static final int MAX_HEADCOUNT = 500;
    /** A whole Henan cycle: a course designed with more hours than that is a typing error. */
    private static final BigDecimal MAX_DESIGNED_HOURS = new BigDecimal("360");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{7,20}");
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
    private final CaseCredits credits;
    private final ApplicationEventPublisher events;
    private final EvidenceFiles evidence;
    private final Clock clock;

    SchoolClasses(SchoolClassRepository classes, ClassLearnerRepository learners, SchoolClassProcess process,
                  CaseTasks caseTasks, CaseHistory history, Organisations organisations, Teachers teachers,
                  ReviewRouting routing, AccessScope scope, CaseCredits credits,
                  ApplicationEventPublisher events, EvidenceFiles evidence, Clock clock) {
        this.clock = clock;
        this.classes = classes;
        this.learners = learners;
        this.process = process;
        this.caseTasks = caseTasks;
        this.history = history;
        this.organisations = organisations;
        this.teachers = teachers;
        this.routing = routing;
        this.scope = scope;
        this.credits = credits;
        this.events = events;
        this.evidence = evidence;
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
        checkCourse(course, schoolId);
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
        checkCourse(course, schoolClass.schoolId());
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
        checkPlan(plan);
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

    /**
     * Credits the course's hours to every learner who passed, 125% for the excellent
     * within the profile's caps. Each learner is registered in a transaction of its
     * own: one refusal (a teacher who left post, a profile that does not count school-based
     * study) is recorded for that learner and does not hold back the others. A retry finds the
     * entries already written.
     */
    @Transactional
    public void credit(Long id) {
        SchoolClass schoolClass = require(id);
        List<ClassLearner> enrolled = learners.findByClassIdOrderByIdAsc(id);
        int classSize = enrolled.size();
        int excellentCount = (int) enrolled.stream().filter(learner -> learner.grade() == Grade.EXCELLENT).count();
        String sourceRef = SchoolClassProcess.PROCESS_ID + "/" + id;
        CaseCredits.Step step = credits.step(SchoolClassProcess.PROCESS_ID, caseId(schoolClass), null, "按课程设置登记学时",
                SchoolClassProcess.COUNTY_GRADE_REVIEW);
        int credited = 0;
        int refused = 0;
        for (ClassLearner learner : enrolled) {
            if (learner.grade() == null || !learner.grade().earnsHours() || learner.ledgerEntryId() != null) {
                credited += learner.ledgerEntryId() != null ? 1 : 0;
                continue;
            }
            boolean registered = credits.creditEach(step, new CaseCredits.Credit(learner.teacherId(),
                            claim(schoolClass, learner.grade(), excellentCount, classSize),
                            evidence(sourceRef, schoolClass, learner)),
                    () -> teachers.require(learner.teacherId()).name() + "：",
                    entry -> learner.credited(entry.getId()), learner::refused).isPresent();
            if (registered) {
                credited++;
            } else {
                refused++;
            }
        }
        history.record(SchoolClassProcess.PROCESS_ID, caseId(schoolClass), null, "按课程设置登记学时",
                CaseOutcome.COMPLETED, "已为 " + credited + " 名学员登记学时" + (refused > 0 ? "，" + refused + " 名未能登记" : ""),
                CaseHistory.SYSTEM);
        schoolClass.moveTo(SchoolClassStatus.CREDITED, Instant.now());
        log.info("School-based class {}: {} learners credited, {} refused", id, credited, refused);
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

    /**
     * The casework: a review of the class was decided. A rejection ends the class, with its reason
     * after any other decision the model says which step comes next, so nothing here names one.
     */
    @Transactional
    public void decided(Long id, Decision decision, String comment) {
        SchoolClass schoolClass = require(id);
        if (decision == Decision.REJECT) {
            schoolClass.rejected(comment, Instant.now());
        } else {
            schoolClass.stepDone(Instant.now());
        }
    }

    /**
     * The casework: a submission step was completed, whichever way (Tasklist too). The steps whose
     * data this procedure takes on its own pages must have it by then.
     */
    @Transactional
    public void submitted(Long id, String taskKey) {
        requireSubmitted(id, taskKey);
        require(id).stepDone(Instant.now());
    }

    /**
     * The study-end timer opened grading: no decision or submission did, so the record notes the
     * change here (its "last changed" time); the step itself is read from the process.
     */
    @Transactional
    public void gradingOpened(Long id) {
        require(id).stepDone(Instant.now());
    }

    /** Where an open class stands, from its process: the steps open now. */
    public CaseProgress progress(Long id) {
        return caseTasks.progress(SchoolClassProcess.PROCESS_ID, String.valueOf(id));
    }

    private void requireSubmitted(Long id, String taskKey) {
        SchoolClass schoolClass = require(id);
        boolean ready = switch (taskKey) {
            case SchoolClassProcess.PLAN_CLASS -> schoolClass.plan() != null;
            case SchoolClassProcess.ENROL -> !learners.findByClassIdOrderByIdAsc(id).isEmpty();
            case SchoolClassProcess.GRADE -> learners.findByClassIdOrderByIdAsc(id).stream()
                    .allMatch(learner -> learner.grade() != null);
            default -> true;
        };
        if (!ready) {
            throw BusinessRuleException.conflict("R-35", "id", "schoolclass.submit-through-shixun", id);
        }
    }

    private CaseTask openStep(SchoolClass schoolClass, String taskKey, CurrentAccount account) {
        CaseTask task = caseTasks.openTasks(SchoolClassProcess.PROCESS_ID, caseId(schoolClass)).stream()
                .filter(open -> open.taskKey().equals(taskKey)).findFirst()
                .orElseThrow(() -> BusinessRuleException.conflict("R-35", "id", "schoolclass.step-not-open",
                        schoolClass.statusLabel(progress(schoolClass.getId()))));
        return caseTasks.requireWorkable(task.id(), account);
    }
    private static Claim claim(SchoolClass schoolClass, Grade grade, int excellentCount, int classSize) {
        ClassPlan plan = schoolClass.plan();
        Claim.Builder claim = Claim.of(ClaimKind.SCHOOL_BASED, plan.studyEnd()).from(plan.studyStart())
                .title("校本研修：" + schoolClass.course().courseName())
                .hours(schoolClass.course().designedHours().toPlainString());
        if (grade == Grade.EXCELLENT) {
            claim.excellent(excellentCount, classSize);
        }
        return claim.build();
    }

    private static Evidence evidence(String sourceRef, SchoolClass schoolClass, ClassLearner learner) {
        return new Evidence(SourceType.PROJECT, sourceRef, "SBC-" + schoolClass.getId() + "-" + learner.teacherId(),
                List.of(schoolClass.course().designFile()));
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

    /** every field of the course; R-40: the design file is one the school itself uploaded (an evidence file). */
    private void checkCourse(CourseDesign course, Long schoolId) {
        if (course == null) {
            throw BusinessRuleException.violation("R-35", "courseName", "schoolclass.field-required");
        }
        requireText(course.courseName(), "courseName", MAX_TEXT);
        if (course.courseType() == null) {
            throw BusinessRuleException.violation("R-35", "courseType", "schoolclass.field-required");
        }
        BigDecimal hours = course.designedHours();
        if (hours == null) {
            throw BusinessRuleException.violation("R-35", "designedHours", "schoolclass.field-required");
        }
        if (hours.signum() <= 0 || hours.compareTo(MAX_DESIGNED_HOURS) > 0 || hours.stripTrailingZeros().scale() > 1) {
            throw BusinessRuleException.violation("R-35", "designedHours", "schoolclass.hours-out-of-range",
                    MAX_DESIGNED_HOURS);
        }
        requireText(course.outline(), "outline", MAX_OUTLINE);
        requireText(course.designFile(), "designFile", MAX_TEXT);
        evidence.requireAttachableToOrganisation(course.designFile().strip(), schoolId, "designFile");
    }

    /** every field of the class, dates in order, and a class that has not started yet (approval comes first). */
    private void checkPlan(ClassPlan plan) {
        if (plan == null) {
            throw BusinessRuleException.violation("R-35", "className", "schoolclass.field-required");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("className", plan.className());
        texts.put("organiser", plan.organiser());
        texts.put("address", plan.address());
        texts.put("lecturer", plan.lecturer());
        texts.put("headTeacher", plan.headTeacher());
        texts.put("headTeacherPhone", plan.headTeacherPhone());
        texts.put("classTime", plan.classTime());
        texts.forEach((field, value) -> requireText(value, field, MAX_TEXT));
        if (!PHONE.matcher(plan.headTeacherPhone().strip()).matches()) {
            throw BusinessRuleException.violation("R-35", "headTeacherPhone", "schoolclass.phone-invalid");
        }
        Map<String, Object> dates = new LinkedHashMap<>();
        dates.put("enrolmentStart", plan.enrolmentStart());
        dates.put("enrolmentEnd", plan.enrolmentEnd());
        dates.put("studyStart", plan.studyStart());
        dates.put("studyEnd", plan.studyEnd());
        dates.put("headcount", plan.headcount());
        dates.forEach((field, value) -> {
            if (value == null) {
                throw BusinessRuleException.violation("R-35", field, "schoolclass.field-required");
            }
        });
        if (plan.enrolmentEnd().isBefore(plan.enrolmentStart())) {
            throw BusinessRuleException.violation("R-35", "enrolmentEnd", "schoolclass.enrolment-end-before-start");
        }
        if (plan.studyEnd().isBefore(plan.studyStart())) {
            throw BusinessRuleException.violation("R-35", "studyEnd", "schoolclass.study-end-before-start");
        }
        if (plan.enrolmentEnd().isAfter(plan.studyEnd())) {
            throw BusinessRuleException.violation("R-35", "enrolmentEnd", "schoolclass.enrolment-after-study");
        }
        if (plan.studyStart().isBefore(LocalDate.now(clock))) {
            throw BusinessRuleException.violation("R-35", "studyStart", "schoolclass.study-already-started",
                    plan.studyStart());
        }
        if (plan.headcount() < 1 || plan.headcount() > MAX_HEADCOUNT) {
            throw BusinessRuleException.violation("R-35", "headcount", "schoolclass.headcount-out-of-range", MAX_HEADCOUNT);
        }
    }

    private static void requireText(String value, String field, int max) {
        RequiredText.require(value, field, max, "R-35", "schoolclass.field-required", "schoolclass.text-too-long");
    }
}
