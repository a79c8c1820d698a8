package cn.shixun.teacher;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.shared.DemoDataOrder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staffs the demo schools with the generated teachers. Runs right after the demo organisations
 * (same stage of {@link DemoDataOrder}) and only while there are no teachers at all.
 */
@Component
@Order(DemoDataOrder.ORGANISATIONS_AND_TEACHERS + 1)
@ConditionalOnProperty(name = "shixun.demo-data.enabled", havingValue = "true")
class TeacherDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TeacherDemoData.class);

    /** Zhengzhou: its teachers run per-teacher certificate cycles. */
    private static final String ZHENGZHOU = "410100";

    private final Organisations organisations;
    private final TeacherRepository repository;

    TeacherDemoData(Organisations organisations, TeacherRepository repository) {
        this.organisations = organisations;
        this.repository = repository;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (repository.count() > 0) {
            log.info("Teachers already present, demo teachers skipped");
            return;
        }
        Long zhengzhou = organisations.findByCode(ZHENGZHOU).map(Organisation::getId).orElse(null);
        List<DemoTeacherGenerator.SchoolToStaff> schools = organisations.list(OrganisationLevel.SCHOOL, null).stream()
                .map(school -> new DemoTeacherGenerator.SchoolToStaff(school.getId(), school.code(), school.stages(),
                        zhengzhou != null && (organisations.isWithin(school.getId(), zhengzhou)
                                || organisations.isWithin(school.registrationAuthorityId(), zhengzhou))))
                .toList();
        List<Teacher> teachers = repository.saveAll(DemoTeacherGenerator.generate(schools));
        log.info("Demo data: {} teachers at {} schools", teachers.size(), schools.size());
    }
}
