package cn.shixun.schoolclass;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.SamplePdf;
import cn.shixun.organisation.Organisations;
import cn.shixun.schoolclass.process.SchoolClassProcess;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.DemoDataOrder;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Three school-based classes of 文化路第一小学 in flight, so that right after start-up
 * {@code school.admin} has a course to review and {@code county.reviewer} a course and a class
 * opening to decide (in our worklist and in Camunda Tasklist). Runs only when there is no class yet.
 */
@Component
@Order(DemoDataOrder.PROCESSES)
@ConditionalOnProperty(name = "shixun.demo-data.enabled", havingValue = "true")
class SchoolClassDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SchoolClassDemoData.class);

    private final SchoolClassRepository repository;
    private final SchoolClasses classes;
    private final CaseTasks tasks;
    private final Accounts accounts;
    private final Organisations organisations;
    private final EvidenceFiles evidence;
    private final Clock clock;

    SchoolClassDemoData(SchoolClassRepository repository, SchoolClasses classes, CaseTasks tasks, Accounts accounts,
                        Organisations organisations, EvidenceFiles evidence, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.classes = classes;
        this.tasks = tasks;
        this.accounts = accounts;
        this.organisations = organisations;
        this.evidence = evidence;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repository.count() > 0) {
            log.info("School-based classes already exist; demo classes skipped");
            return;
        }
        CurrentAccount school = accounts.find("school.admin").orElse(null);
        CurrentAccount county = accounts.find("county.reviewer").orElse(null);
        Long schoolId = organisations.findByCode("4101050001").map(o -> o.getId()).orElse(null);
        if (school == null || county == null || schoolId == null) {
            log.info("Demo accounts or school missing; demo classes skipped");
            return;
        }
        classes.propose(school, schoolId, new CourseDesign("信息技术与语文教学融合", CourseType.SCHOOL_TRAINING,
                new BigDecimal("12"), "三次工作坊：课件制作、互动课堂、课例研讨。", design(school, schoolId, "信息技术与语文教学融合-课程方案.pdf",
                "Course design: IT and Chinese teaching")));

        SchoolClass atCounty = classes.propose(school, schoolId, new CourseDesign("课堂观察与议课",
                CourseType.LESSON_OBSERVATION, new BigDecimal("16"), "以观察量表开展三轮听课、评课、议课。",
                design(school, schoolId, "课堂观察与议课-课程方案.pdf", "Course design: lesson observation")));
        decide(atCounty, school, "课程设计完整，同意报县级审核");

        SchoolClass opening = classes.propose(school, schoolId, new CourseDesign("整本书阅读教学研讨",
                CourseType.RESEARCH_PROJECT, new BigDecimal("8"), "两次集体备课与一次展示课。", design(school, schoolId, "整本书阅读-课程方案.pdf",
                "Course design: whole-book reading")));
        decide(opening, school, null);
        decide(opening, county, "同意开设");
        LocalDate start = LocalDate.now(clock).plusDays(7);
        classes.planClass(opening.getId(), school, new ClassPlan("整本书阅读研修一班", "教导处", "学校阶梯教室", "王老师",
                "李老师", "0371-65550000", LocalDate.now(clock), start.minusDays(1), start, start.plusDays(14), 30,
                "每周四 14:30-16:30"));
        log.info("Demo school-based classes: 3 in flight for school.admin and county.reviewer");
    }

    /** A sample design document, stored as the school's evidence file like an upload on the page. */
    private String design(CurrentAccount school, Long schoolId, String name, String text) {
        return evidence.storeForOrganisation(school, schoolId, name, SamplePdf.withText(text)).id();
    }

    private void decide(SchoolClass schoolClass, CurrentAccount account, String comment) {
        String taskId = tasks.openTask(SchoolClassProcess.PROCESS_ID, String.valueOf(schoolClass.getId()))
                .orElseThrow().id();
        tasks.decide(taskId, account, Decision.APPROVE, comment);
    }
}
