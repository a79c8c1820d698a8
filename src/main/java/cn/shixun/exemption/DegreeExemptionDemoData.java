package cn.shixun.exemption;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.SamplePdf;
import cn.shixun.ledger.EvidenceNumbers;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.DemoDataOrder;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Degree-exemption cases in flight for the demo accounts: teachers 002–007 of 文化路第一小学 have
 * applied; {@code school.admin} approved five, so {@code county.reviewer} (金水区) has five
 * reviews waiting and {@code school.admin} one. The applications are made and decided through
 * the same services as real ones; each diploma's scan is a small generated PDF stored as an
 * evidence file. Idempotent: skipped once the first demo certificate exists.
 */
@Component
@Order(DemoDataOrder.PROCESSES)
@ConditionalOnProperty(name = "shixun.demo-data.enabled", havingValue = "true")
class DegreeExemptionDemoData implements ApplicationRunner {

    static final String SCHOOL = "4101050001";
    private static final int CASES = 6;
    private static final List<String> MAJORS = List.of("小学教育", "教育管理", "学科教学（语文）", "心理健康教育",
            "学科教学（数学）", "教育技术学");
    private static final Logger log = LoggerFactory.getLogger(DegreeExemptionDemoData.class);

    private final DegreeExemptions exemptions;
    private final DegreeExemptionRepository repository;
    private final CaseTasks cases;
    private final Organisations organisations;
    private final Teachers teachers;
    private final Accounts accounts;
    private final EvidenceFiles evidence;

    DegreeExemptionDemoData(DegreeExemptions exemptions, DegreeExemptionRepository repository, CaseTasks cases,
                            Organisations organisations, Teachers teachers, Accounts accounts, EvidenceFiles evidence) {
        this.exemptions = exemptions;
        this.repository = repository;
        this.cases = cases;
        this.organisations = organisations;
        this.teachers = teachers;
        this.accounts = accounts;
        this.evidence = evidence;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<CurrentAccount> schoolAdmin = accounts.find("school.admin");
        var school = organisations.findByCode(SCHOOL);
        if (schoolAdmin.isEmpty() || school.isEmpty() || !repository.findByCertificateKey(EvidenceNumbers.key(certificate(1))).isEmpty()) {
            return;
        }
        // Teacher 001 is the demo account "teacher", who applies in the README walk-through.
        List<Teacher> applicants = teachers.atSchool(school.get().getId()).stream()
                .filter(Teacher::isRegistrable).filter(teacher -> !teacher.staffNumber().endsWith("001"))
                .sorted(Comparator.comparing(Teacher::staffNumber)).limit(CASES).toList();
        int n = 0;
        for (Teacher teacher : applicants) {
            n++;
            // The school's administrator attaches the scan, a small generated PDF, so that the case page's link works.
            String scan = evidence.store(schoolAdmin.get(), teacher.getId(), "毕业证书-" + teacher.staffNumber() + ".pdf",
                    SamplePdf.withText("Diploma " + certificate(n) + ", staff number " + teacher.staffNumber())).id();
            // The applicant has no account of their own in the demo: the amendment task names the staff number.
            DegreeExemption exemption = exemptions.apply(teacher.getId(), teacher.staffNumber(), new Diploma(
                    "河南师范大学", n % 2 == 0 ? DegreeLevel.POSTGRADUATE : DegreeLevel.BACHELOR, MAJORS.get(n - 1),
                    true, LocalDate.of(2023, 9, 1), LocalDate.of(2025, 6, 30), certificate(n), scan));
            if (n < applicants.size()) {
                cases.decide(exemptions.openTask(exemption.getId()).orElseThrow().id(), schoolAdmin.get(),
                        Decision.APPROVE, "学历证书原件已核验");
            }
        }
        log.info("Demo degree exemptions: {} applied, {} waiting for the county", n, Math.max(0, n - 1));
    }

    private static String certificate(int n) {
        return "DEMO-EX-%04d".formatted(n);
    }
}
