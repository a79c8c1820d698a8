package cn.shixun.cycleverification;

import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.policy.HourCategory;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.DemoDataOrder;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Cycle verifications in flight for the demo accounts (README), so that {@code county.reviewer}
 * of 金水区 finds them in Tasklist and {@code GET /api/tasks} right after start-up:
 * <ul>
 *   <li>文化路第一小学 ({@code school.admin}) declares the cycles that ended in 2024–2025 — the
 *       demo teacher's own (short of hours, as the demo ledger leaves it);</li>
 *   <li>纬五路第一小学 declares the cycles that ended in 2025; one of its teachers, 范思玲, has the
 *       hours her cycle lacked registered first, and the county has re-checked her, so that
 *       {@code city.reviewer} has a confirmation waiting.</li>
 * </ul>
 * The 2022 cycles of 文化路第一小学 are left for the demo scenario (README, the scenario test).
 * Idempotent through the batches' request ids; a failure is logged, never fatal.
 *
 * <p>Nine collaborators: the script plays a school's declaration, a teacher's missing hours
 * registered and the county's re-check, and each collaborator is one of those steps or a name it
 * looks up (school, teacher, account); it runs once at start-up in the demo only.
 */
@Component
@Order(DemoDataOrder.PROCESSES)
@ConditionalOnExpression("${shixun.demo-data.enabled:false} and ${shixun.demo-data.cases-in-flight:true}")
class DemoCycleVerifications implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCycleVerifications.class);
    private static final String ACTOR = "demo-data";

    private record DemoBatch(String schoolCode, LocalDate from, LocalDate to, String requestId, String completedStaff) {
    }

    private static final List<DemoBatch> BATCHES = List.of(
            new DemoBatch("4101050001", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), "demo-2024-2025", null),
            new DemoBatch("4101050002", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "demo-2025",
                    "4101050002004"));

    private final CycleVerifications verifications;
    private final VerificationBatches declaring;
    private final VerificationBatchRepository batches;
    private final CycleResults cycles;
    private final Organisations organisations;
    private final Teachers teachers;
    private final Accounts accounts;
    private final Ledger ledger;
    private final CaseTasks tasks;

    DemoCycleVerifications(CycleVerifications verifications, VerificationBatches declaring,
                           VerificationBatchRepository batches, CycleResults cycles,
                           Organisations organisations, Teachers teachers, Accounts accounts, Ledger ledger,
                           CaseTasks tasks) {
        this.verifications = verifications;
        this.declaring = declaring;
        this.batches = batches;
        this.cycles = cycles;
        this.organisations = organisations;
        this.teachers = teachers;
        this.accounts = accounts;
        this.ledger = ledger;
        this.tasks = tasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoBatch demo : BATCHES) {
            Optional<Organisation> school = organisations.findByCode(demo.schoolCode());
            if (school.isEmpty() || batches.findBySchoolIdAndRequestId(school.get().getId(), demo.requestId()).isPresent()) {
                continue;
            }
            try {
                declare(demo, school.get());
            } catch (BusinessRuleException refused) {
                log.warn("Demo cycle verification for {} skipped: {}", demo.schoolCode(), refused.getMessage());
            }
        }
    }

    private void declare(DemoBatch demo, Organisation school) {
        Optional<Teacher> completed = Optional.ofNullable(demo.completedStaff()).flatMap(teachers::findByStaffNumber);
        completed.ifPresent(teacher -> cycles.cycleEndingIn(teacher.getId(), demo.from(), demo.to())
                .ifPresent(cycle -> topUp(teacher, cycle.end())));
        VerificationDeclarations.Declared declared = declaring.declare(adminOf(school), new Declaration(school.getId(),
                demo.from(), demo.to(), null, demo.requestId()));
        log.info("Demo cycle verifications: {} declared {} teachers", school.name(), declared.verifications().size());
        completed.flatMap(teacher -> declared.verifications().stream()
                        .filter(v -> v.teacherId().equals(teacher.getId())).findFirst())
                .ifPresent(verification -> accounts.find("county.reviewer").ifPresent(county ->
                        verifications.openTask(verification.getId()).ifPresent(task ->
                                tasks.decide(task.id(), county, Decision.APPROVE, "演示：复查通过"))));
    }

    /** Registers what the teacher's cycle lacks, as the school would before declaring: school-based hours first. */
    private void topUp(Teacher teacher, LocalDate cycleEnd) {
        shortfall(teacher, cycleEnd, true).ifPresent(missing -> register(teacher, ClaimKind.SCHOOL_BASED,
                cycleEnd.minusMonths(2), "校本研修（补登）", missing, 0));
        shortfall(teacher, cycleEnd, false).ifPresent(missing -> register(teacher, ClaimKind.PROGRAMME_CERTIFIED,
                cycleEnd.minusMonths(3), "省级培训项目（补登）", missing, 1));
    }

    private Optional<String> shortfall(Teacher teacher, LocalDate cycleEnd, boolean schoolBased) {
        return cycles.resultOf(teacher.getId(), cycleEnd).shortfalls().stream()
                .filter(s -> (s.category() == HourCategory.SCHOOL_BASED) == schoolBased)
                .map(s -> s.missing().toPlainString()).findFirst();
    }

    private void register(Teacher teacher, ClaimKind kind, LocalDate on, String title, String hours, int n) {
        ledger.register(teacher.getId(), Claim.of(kind, on).title(title).hours(hours).build(),
                Evidence.project("DEMO-CV", "DEMO-CV-" + teacher.staffNumber() + "-" + n), ACTOR);
    }

    /** The demo school administrator where there is one, else the demo data acting as the school's administrator. */
    private CurrentAccount adminOf(Organisation school) {
        return accounts.find("school.admin").filter(admin -> school.getId().equals(admin.organisationId()))
                .orElseGet(() -> new CurrentAccount(ACTOR, "演示数据", Role.SCHOOL_ADMIN, school.getId(), null));
    }
}
