package cn.shixun.ledger;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.policy.PolicyKey;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.DemoDataOrder;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo hours for the demo teachers, so that status pages show a mix: every fourth teacher has
 * completed the last five years, one has the last two, one a single course this year, one
 * nothing; teacher 001 of every school (the demo accounts' teachers) has the last two. All hours go through the calculator and the ledger like real registrations.
 * Runs after the organisation and teacher data, only on an empty ledger.
 */
@Component
@Order(DemoDataOrder.LEDGER)
// shixun.demo-data.ledger=false keeps the regions, teachers and accounts but no hours (the two-node test).
@ConditionalOnExpression("${shixun.demo-data.enabled:false} and ${shixun.demo-data.ledger:true}")
class DemoLedgerData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLedgerData.class);
    /** The demo provinces (fixed codes shared by every module's demo data). */
    private static final List<String> DEMO_ROOTS = List.of("410000", "530000");
    private static final String ACTOR = "demo-data";
    private static final String XINXIANG = "410700";

    private final Ledger ledger;
    private final LedgerEntryRepository entries;
    private final Organisations organisations;
    private final Teachers teachers;
    private final PolicyProfiles profiles;
    private final Clock clock;

    DemoLedgerData(Ledger ledger, LedgerEntryRepository entries, Organisations organisations, Teachers teachers,
                   PolicyProfiles profiles, Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.entries = entries;
        this.organisations = organisations;
        this.teachers = teachers;
        this.profiles = profiles;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (entries.count() > 0) {
            log.info("Ledger already has entries; demo ledger data skipped");
            return;
        }
        List<Teacher> all = demoTeachers();
        int written = fill(all, LocalDate.now(clock));
        log.info("Demo ledger data: {} entries for {} teachers", written, all.size());
    }

    /** The teachers at every school under the demo provinces, by staff number (none when there are none). */
    List<Teacher> demoTeachers() {
        List<Teacher> all = new ArrayList<>();
        DEMO_ROOTS.forEach(code -> organisations.findByCode(code).ifPresent(root -> collectTeachers(root, all)));
        all.sort(Comparator.comparing(Teacher::staffNumber));
        return all;
    }

    /** Registers the demo hours for these teachers as of {@code today}; returns the number of entries. */
    int fill(List<Teacher> demoTeachers, LocalDate today) {
        int written = 0;
        for (int i = 0; i < demoTeachers.size(); i++) {
            Teacher teacher = demoTeachers.get(i);
            if (!teacher.isRegistrable()) {
                continue;
            }
            // Teacher 001 of each school is the one demo accounts sign in as: give them a cycle in progress.
            int pattern = teacher.staffNumber().endsWith("001") ? 1 : i % 4;
            int years = switch (pattern) {
                case 0 -> 5;
                case 1 -> 2;
                case 2 -> 1;
                default -> 0;
            };
            for (int back = 0; back < years; back++) {
                int year = today.getYear() - back;
                List<Claim.Builder> bundle = yearBundle(teacher, year, today);
                // The single-course teacher gets only the first course of this year.
                List<Claim.Builder> claims = pattern == 2 ? bundle.subList(0, Math.min(1, bundle.size())) : bundle;
                for (int c = 0; c < claims.size(); c++) {
                    written += register(teacher, claims.get(c).build(), year, c);
                }
            }
        }
        return written;
    }

    private int register(Teacher teacher, Claim claim, int year, int index) {
        String evidence = "DEMO-" + teacher.staffNumber() + "-" + year + "-" + index;
        try {
            ledger.register(teacher.getId(), claim, Evidence.project("DEMO-" + year, evidence), ACTOR);
            return 1;
        } catch (BusinessRuleException refused) {
            // e.g. a year before the teacher's profile came into force: the demo simply has no hours there
            log.debug("Demo claim for {} in {} refused: {}", teacher.staffNumber(), year, refused.getMessage());
            return 0;
        }
    }

    /** One year's typical courses under the teacher's profile, enough for that year's requirements. */
    private List<Claim.Builder> yearBundle(Teacher teacher, int year, LocalDate today) {
        LocalDate spring = min(LocalDate.of(year, 4, 15), today);
        LocalDate autumn = min(LocalDate.of(year, 10, 20), today);
        PolicyKey key;
        try {
            key = profiles.forTeacher(teacher, spring).key();
        } catch (BusinessRuleException noProfile) {
            return List.of();
        }
        return switch (key.profileCode()) {
            case "kunming-2015" -> List.of(
                    Claim.of(ClaimKind.BUREAU_TRAINING, spring).title("区级学科培训").hours("40").approved(true),
                    Claim.of(ClaimKind.SCHOOL_BASED, autumn).title("校本研训").hours("32"));
            case "sanmenxia-2023" -> List.of(
                    Claim.of(ClaimKind.PUBLIC_COURSE, spring).title("公需课").hours("30"),
                    Claim.of(ClaimKind.ETHICS_EDUCATION, spring).title("师德主题教育").hours("10").sessions(3).processMaterials(),
                    Claim.of(ClaimKind.SCHOOL_BASED, autumn).title("校本研修").hours("16").processMaterials(),
                    Claim.of(ClaimKind.SUBJECT_TRAINING, autumn).title("学科知识与技能培训").hours("34").approved(true));
            default -> List.of(
                    XINXIANG.equals(key.cityCode())
                            ? Claim.of(ClaimKind.NETWORK_SCHOOL_BASED, autumn).title("网络校本研修")
                            : Claim.of(ClaimKind.SCHOOL_BASED, autumn).title("校本研修").hours("16"),
                    Claim.of(ClaimKind.PROGRAMME_CERTIFIED, spring).title("省级培训项目").hours("56"));
        };
    }

    private void collectTeachers(Organisation organisation, List<Teacher> into) {
        if (organisation.isSchool()) {
            into.addAll(teachers.atSchool(organisation.getId()));
        }
        organisations.children(organisation.getId()).forEach(child -> collectTeachers(child, into));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }
}
