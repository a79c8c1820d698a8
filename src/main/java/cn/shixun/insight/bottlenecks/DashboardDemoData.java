package cn.shixun.insight.bottlenecks;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.SamplePdf;
import cn.shixun.exemption.DegreeExemption;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.Diploma;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.DemoDataOrder;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finished degree-exemption cases for the 管理看板 (docs/insight.md): one a week from twelve weeks back at each of
 * 金水区第一初级中学 and 中原区伏牛路小学 (as many as the school has registrable teachers), applied for, reviewed by the school and by the county, some returned and
 * amended, some refused, through the same services as real cases, with the engine's clock set back to each step's
 * day (so the engine's history and the dashboard hold waits of days, not of the seconds the start-up takes; the
 * case history, written with the real time, says when the demo ran). 中原区 is the slower county. Every case ends,
 * so no reviewer's task list changes. Idempotent: skipped when the dashboard already holds a week-old task.
 */
@Component
@Order(DemoDataOrder.PROCESSES + 50)
// Not among the cases in flight (shixun.demo-data.cases-in-flight): every case ends, no worklist grows.
@ConditionalOnProperty(name = "shixun.demo-data.enabled", havingValue = "true")
class DashboardDemoData implements ApplicationRunner {

    private static final List<String> SCHOOLS = List.of("4101050003", "4101020001");
    private static final int WEEKS = 12;
    private static final Duration DAY = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(DashboardDemoData.class);

    private final DegreeExemptions exemptions;
    private final CaseTasks cases;
    private final EvidenceFiles evidence;
    private final Organisations organisations;
    private final Teachers teachers;
    private final JdbcTemplate jdbc;
    private final Accounts accounts;

    DashboardDemoData(DegreeExemptions exemptions, CaseTasks cases, EvidenceFiles evidence, Organisations organisations,
                      Teachers teachers, JdbcTemplate jdbc, Accounts accounts) {
        this.accounts = accounts;
        this.exemptions = exemptions;
        this.cases = cases;
        this.evidence = evidence;
        this.organisations = organisations;
        this.teachers = teachers;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant now = Instant.now();
        if (jdbc.queryForObject("SELECT COUNT(*) FROM task_wait WHERE created_at < ?", Integer.class,
                Timestamp.from(now.minus(Duration.ofDays(7)))) > 0) {
            return;
        }
        int made = 0;
        try {
            for (int s = 0; s < SCHOOLS.size(); s++) {
                Organisation school = organisations.findByCode(SCHOOLS.get(s)).orElse(null);
                if (school != null) {
                    made += caseSeries(school, s, now);
                }
            }
        } finally {
            ClockUtil.reset();
        }
        log.info("Demo dashboard history: {} degree-exemption cases over {} weeks", made, WEEKS);
    }

    private int caseSeries(Organisation school, int schoolIndex, Instant now) {
        Organisation county = organisations.find(school.parentId()).orElseThrow();
        CurrentAccount admin = reviewerOf(school, Role.SCHOOL_ADMIN, "演示学校管理员");
        CurrentAccount reviewer = reviewerOf(county, Role.COUNTY_REVIEWER, "演示县级审核员");
        List<Teacher> applicants = teachers.atSchool(school.getId()).stream().filter(Teacher::isRegistrable)
                .sorted(Comparator.comparing(Teacher::staffNumber).reversed()).limit(WEEKS).toList();
        int made = 0;
        for (Teacher teacher : applicants) {
            int n = made + schoolIndex * WEEKS;
            // Spread over the weeks, the last one this week; the slower county (index 1) takes about twice as long.
            Instant start = now.minus(DAY.multipliedBy(7L * (WEEKS - made) + 3)).plus(Duration.ofHours(n % 5));
            try {
                runCase(teacher, admin, reviewer, start, n, 1 + schoolIndex, now.minus(Duration.ofHours(1)));
                made++;
            } catch (BusinessRuleException refused) {
                log.warn("Demo dashboard case for {} skipped: {}", teacher.staffNumber(), refused.getMessage());
                return made;
            }
        }
        return made;
    }

    /**
     * The reviewer who decides the demo's cases at {@code organisation}: a real account of the role there, as the
     * crediting step checks every approval against our own accounts (CaseApprovals) and refuses a made-up actor.
     * Nobody signs in with it: its password is random and never shown.
     */
    private CurrentAccount reviewerOf(Organisation organisation, Role role, String displayName) {
        String username = "demo." + role.name().toLowerCase(Locale.ROOT).replace('_', '.') + "." + organisation.code();
        return accounts.find(username).orElseGet(() -> accounts.createAccount(username,
                UUID.randomUUID().toString(), displayName, role, organisation.getId()));
    }

    /**
     * Applied at {@code start}; each step waits a few days (by {@code n}), the county's {@code pace} times longer;
     * a step that would end after {@code limit} ends ten minutes after the one before (the latest weeks' cases).
     */
    private void runCase(Teacher teacher, CurrentAccount admin, CurrentAccount reviewer, Instant start, int n, int pace,
                         Instant limit) {
        Instant at = start;
        ClockUtil.setCurrentTime(Date.from(at));
        DegreeExemption applied = exemptions.apply(teacher.getId(), teacher.staffNumber(), diploma(teacher, admin, n));
        at = decide(applied, admin, later(at, 6 + 13 * (n % 4), limit), Decision.APPROVE);
        if (n % 4 == 1) {
            at = decide(applied, reviewer, later(at, pace * (20 + 11 * (n % 3)), limit), Decision.RETURN);
            at = later(at, 30 + n % 20, limit);
            ClockUtil.setCurrentTime(Date.from(at));
            CurrentAccount applicant = new CurrentAccount(teacher.staffNumber(), teacher.name(), Role.TEACHER,
                    teacher.schoolId(), teacher.getId());
            exemptions.amend(applied.getId(), applicant, diploma(teacher, admin, n + 1000));
            at = decide(applied, admin, later(at, 4 + n % 9, limit), Decision.APPROVE);
        }
        decide(applied, reviewer, later(at, pace * (30 + 17 * (n % 5)), limit),
                n % 6 == 4 ? Decision.REJECT : Decision.APPROVE);
    }

    private Instant decide(DegreeExemption applied, CurrentAccount account, Instant at, Decision decision) {
        ClockUtil.setCurrentTime(Date.from(at));
        cases.decide(exemptions.openTask(applied.getId()).orElseThrow().id(), account, decision,
                decision == Decision.APPROVE ? "材料齐全（演示）" : "证书扫描件不清晰，请重新上传（演示）");
        return at;
    }

    private Diploma diploma(Teacher teacher, CurrentAccount admin, int n) {
        String number = "DEMO-WAIT-%04d".formatted(n);
        String scan = evidence.store(admin, teacher.getId(), "毕业证书-" + teacher.staffNumber() + ".pdf",
                SamplePdf.withText("Diploma " + number + ", staff number " + teacher.staffNumber())).id();
        return new Diploma("河南大学", DegreeLevel.BACHELOR, "教育管理", true, LocalDate.of(2023, 9, 1),
                LocalDate.of(2025, 6, 30), number, scan);
    }

    private static Instant later(Instant previous, long hours, Instant limit) {
        Instant wanted = previous.plus(Duration.ofHours(hours));
        return wanted.isBefore(limit) ? wanted : previous.plus(Duration.ofMinutes(10));
    }
}
