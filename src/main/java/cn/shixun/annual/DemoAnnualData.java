package cn.shixun.annual;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.DemoDataOrder;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Annual registrations in flight for the demo reviewers: 金水区纬五路第一小学 (county
 * {@code county.reviewer}) and 昆明市五华区武成小学 ({@code county.reviewer.km}) have declared the
 * year; the school has checked most cards (they wait for the county), returned one for a missing
 * scan and left two to check. 文化路第一小学 is left for {@code school.admin} to declare. Idempotent:
 * a school whose batch for the year exists is left alone. After the year's declaration deadline
 * the batch is declared as on the deadline, so that a late start still has cases to show.
 */
@Component
@Order(DemoDataOrder.PROCESSES)
@ConditionalOnExpression("${shixun.demo-data.enabled:false} and ${shixun.demo-data.cases-in-flight:true}")
class DemoAnnualData implements ApplicationRunner {

    static final String ACTOR = "demo-data";
    private static final List<String> SCHOOLS = List.of("4101050002", "5301020001");
    private static final int LEFT_TO_CHECK = 2;
    private static final Logger log = LoggerFactory.getLogger(DemoAnnualData.class);

    private final AnnualBatches batches;
    private final AnnualBatchRepository batchRepository;
    private final AnnualRegistrations registrations;
    private final CaseTasks tasks;
    private final Organisations organisations;
    private final AnnualCalendar calendar;

    DemoAnnualData(AnnualBatches batches, AnnualBatchRepository batchRepository, AnnualRegistrations registrations,
                   CaseTasks tasks, Organisations organisations, AnnualCalendar calendar) {
        this.batches = batches;
        this.batchRepository = batchRepository;
        this.registrations = registrations;
        this.tasks = tasks;
        this.organisations = organisations;
        this.calendar = calendar;
    }

    @Override
    public void run(ApplicationArguments args) {
        SCHOOLS.forEach(code -> organisations.findByCode(code).ifPresent(this::declare));
    }

    /** Declares the school's year and works the school's step as described above; returns the batch, if declared now. */
    Optional<AnnualBatches.Progress> declare(Organisation school) {
        LocalDate today = calendar.today();
        int year = today.getYear();
        if (batchRepository.findBySchoolIdAndRegYear(school.getId(), year).isPresent()) {
            return Optional.empty();
        }
        try {
            LocalDate deadline = calendar.of(organisations.effectivePolicyProfile(school.getId()), year, false)
                    .submission();
            CurrentAccount admin = new CurrentAccount(ACTOR, "演示数据", Role.SCHOOL_ADMIN, school.getId(), null);
            AnnualBatches.Progress progress = batches.declare(admin, school.getId(), year, Set.of(),
                    today.isAfter(deadline) ? deadline : today, null);
            List<BatchItem> started = batches.items(progress.batch().getId()).stream()
                    .filter(item -> item.outcome() == BatchItem.Outcome.STARTED).toList();
            for (int i = 0; i < started.size() - LEFT_TO_CHECK; i++) {
                Long registrationId = started.get(i).registrationId();
                CaseTask review = tasks.openTask(AnnualRegistrations.PROCESS_KEY, String.valueOf(registrationId))
                        .orElseThrow();
                boolean complete = registrations.currentCard(registrations.require(registrationId)).stream()
                        .allMatch(CardItem::evidenceComplete);
                if (i == 0 || !complete) {
                    tasks.decide(review.id(), admin, Decision.RETURN, "请补充培训通知书或结业证书扫描件（演示）");
                } else {
                    tasks.decide(review.id(), admin, Decision.APPROVE, "逐项核对无误（演示）");
                }
            }
            log.info("Demo annual registrations: {} {} declared, {}", school.code(), year,
                    batches.progress(progress.batch().getId()).registrations());
            return Optional.of(progress);
        } catch (BusinessRuleException refused) {
            log.warn("Demo annual registrations for {} skipped: {}", school.code(), refused.getMessage());
            return Optional.empty();
        }
    }
}
