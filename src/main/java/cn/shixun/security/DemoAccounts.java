package cn.shixun.security;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.shared.DemoDataOrder;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
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
 * The demo accounts of README ("Demo accounts"), linked to the demo organisations and teachers
 * by their fixed codes. Idempotent: an account that exists is left alone, and one whose
 * organisation or teacher is missing is skipped with a warning instead of failing start-up.
 */
@Component
@Order(DemoDataOrder.ACCOUNTS)
@ConditionalOnProperty(name = "shixun.demo-data.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "shixun123";

    /**
     * A teacher account names a staff number and takes the teacher's name; any other account
     * names an organisation code (none: the platform administrator) and a person.
     */
    private record Demo(String username, Role role, String code, String displayName) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo("teacher", Role.TEACHER, "4101050001001", null),
            new Demo("teacher.km", Role.TEACHER, "5301020001001", null),
            new Demo("teacher.smx", Role.TEACHER, "4112020001001", null),
            new Demo("school.admin", Role.SCHOOL_ADMIN, "4101050001", "王丽"),
            new Demo("county.reviewer", Role.COUNTY_REVIEWER, "410105", "赵明"),
            new Demo("city.reviewer", Role.CITY_REVIEWER, "410100", "陈静"),
            new Demo("province.reviewer", Role.PROVINCE_REVIEWER, "410000", "刘洋"),
            new Demo("county.reviewer.km", Role.COUNTY_REVIEWER, "530102", "杨帆"),
            new Demo("process.owner", Role.PROCESS_OWNER, "410000", "周涛"),
            // A second process owner: a publication needs another owner's approval (four eyes, ADR 0012).
            new Demo("process.owner2", Role.PROCESS_OWNER, "410000", "吴敏"),
            new Demo("manager", Role.MANAGER, "410100", "孙宏"),
            // The provincial administrator of 河南省, and the platform's, who names no organisation and acts in every province.
            new Demo("sysadmin", Role.SYSTEM_ADMIN, "410000", "系统管理员"),
            new Demo("platform.admin", Role.SYSTEM_ADMIN, null, "平台管理员"));

    static final List<String> USERNAMES = DEMOS.stream().map(Demo::username).toList();

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final Accounts accounts;
    private final Organisations organisations;
    private final Teachers teachers;

    DemoAccounts(Accounts accounts, Organisations organisations, Teachers teachers) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.teachers = teachers;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (Demo demo : DEMOS) {
            if (!accounts.exists(demo.username()) && create(demo)) {
                created++;
            }
        }
        log.info("Demo accounts: {} created, {} defined", created, DEMOS.size());
    }

    private boolean create(Demo demo) {
        if (demo.role() == Role.TEACHER) {
            Optional<Teacher> teacher = teachers.findByStaffNumber(demo.code());
            if (teacher.isEmpty()) {
                log.warn("Demo account {} skipped: no teacher with staff number {}", demo.username(), demo.code());
                return false;
            }
            accounts.createTeacherAccount(demo.username(), PASSWORD, teacher.get().getId());
            return true;
        }
        if (demo.code() == null) {
            accounts.createAccount(demo.username(), PASSWORD, demo.displayName(), demo.role(), null);
            return true;
        }
        Optional<Organisation> organisation = organisations.findByCode(demo.code());
        if (organisation.isEmpty()) {
            log.warn("Demo account {} skipped: no organisation with code {}", demo.username(), demo.code());
            return false;
        }
        accounts.createAccount(demo.username(), PASSWORD, demo.displayName(), demo.role(), organisation.get().getId());
        return true;
    }
}
