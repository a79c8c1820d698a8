package cn.shixun.countyplan;

import cn.shixun.countyplan.PlanDraft.ProjectDraft;
import cn.shixun.countyplan.PlanSummary.ProjectReport;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.tasks.R04Schools;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A county of its own (tests share one database) with its city and province, a reviewer account
 * at each level, a reviewer of a neighbouring county, and registrable teachers at the county's
 * primary school. Plans are for the current year, the only year whose trainings can already be
 * over.
 */
final class CountyPlanFixture {

    static final String PASSWORD = "secret-123";

    final R04Schools schools;
    final CurrentAccount countyReviewer;
    final CurrentAccount cityReviewer;
    final CurrentAccount provinceReviewer;
    final CurrentAccount otherCountyReviewer;
    final CurrentAccount schoolAdmin;
    final int year;
    private final EvidenceFiles evidence;

    /** {@code today}: the business clock's date; the fixture's plans are for its year. */
    CountyPlanFixture(Organisations organisations, Teachers teachers, Accounts accounts, EvidenceFiles evidence,
                      LocalDate today) {
        this.year = today.getYear();
        this.evidence = evidence;
        schools = new R04Schools(organisations, teachers);
        String p = schools.prefix;
        countyReviewer = accounts.createAccount(p + ".county", PASSWORD, "赵明", Role.COUNTY_REVIEWER,
                schools.district.getId());
        cityReviewer = accounts.createAccount(p + ".city", PASSWORD, "陈静", Role.CITY_REVIEWER, schools.city.getId());
        provinceReviewer = accounts.createAccount(p + ".province", PASSWORD, "刘洋", Role.PROVINCE_REVIEWER,
                schools.province.getId());
        var neighbour = organisations.createRegion(p + "E", "邻区", cn.shixun.organisation.OrganisationLevel.COUNTY,
                schools.city.getId(), null);
        otherCountyReviewer = accounts.createAccount(p + ".other", PASSWORD, "李强", Role.COUNTY_REVIEWER,
                neighbour.getId());
        schoolAdmin = accounts.createAccount(p + ".school", PASSWORD, "王丽", Role.SCHOOL_ADMIN,
                schools.countySchool.getId());
    }

    Teacher teacher() {
        return schools.teacherAt(schools.countySchool, Stage.PRIMARY);
    }

    String countyGroup() {
        return "county-reviewer:" + schools.district.code();
    }

    String cityGroup() {
        return "city-reviewer:" + schools.city.code();
    }

    static ProjectDraft project(String name, Stage stage, boolean keyTeacher, int headcount) {
        return new ProjectDraft(name, TrainingMode.IN_PERSON, stage, keyTeacher, headcount,
                "3月：课标解读；4月：示范课观摩；5月：结业考核");
    }

    PlanDraft plan(ProjectDraft... projects) {
        return new PlanDraft(schools.district.getId(), year, List.of(projects));
    }

    PlanDraft primaryPlan() {
        return plan(project("小学语文骨干教师培训", Stage.PRIMARY, true, 40),
                project("幼儿园教师保教能力提升", Stage.KINDERGARTEN, false, 60));
    }

    /**
     * Every project trained on 1 January of the plan year (always in the past), with these
     * participants; each project's sign-in sheet a real file of the county.
     */
    PlanSummary summary(CountyPlan plan, String hours, List<String> participants) {
        LocalDate day = LocalDate.of(plan.year(), 1, 1);
        return new PlanSummary("培训按计划完成，学员反馈良好",
                plan.projects().stream().map(project -> new ProjectReport(project.getId(), new BigDecimal(hours), day, day,
                        sheet(), participants)).toList());
    }

    /** A sign-in sheet stored as the county's own evidence file; its id. */
    String sheet() {
        return StoredEvidence.ofOrganisation(evidence, schools.district.getId());
    }
}
