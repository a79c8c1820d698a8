package cn.shixun.countyplan;

import cn.shixun.countyplan.PlanDraft.ProjectDraft;
import cn.shixun.countyplan.PlanSummary.ProjectReport;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.ProjectDesignAuthorities;
import cn.shixun.organisation.ProjectType;
import cn.shixun.policy.HourCalculator;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RequiredText;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a plan and its summary must say before anything is written:
 * the year, each project's content and design authority, each project's report with its
 * sign-in sheet and participants. Nothing is written here.
 */
@Component
class PlanContentChecks {

    static final int MAX_TEXT = 200;
    static final int MAX_LONG_TEXT = 2000;
    static final int MAX_PROJECTS = 100;
    static final int MAX_HEADCOUNT = 100_000;
    static final BigDecimal MAX_HOURS = new BigDecimal("1000");

    private final Teachers teachers;
    private final Organisations organisations;
    private final EvidenceFiles evidence;
    private final Clock clock;

    PlanContentChecks(Teachers teachers, Organisations organisations, EvidenceFiles evidence, Clock clock) {
        this.teachers = teachers;
        this.organisations = organisations;
        this.evidence = evidence;
        this.clock = clock;
    }

    static int checkYear(Integer year, LocalDate today) {
        if (year == null) {
            throw BusinessRuleException.violation("R-32", "year", "countyplan.year-required");
        }
        if (year < today.getYear() || year > today.getYear() + 1) {
            throw BusinessRuleException.violation("R-32", "year", "countyplan.year-out-of-range", year,
                    today.getYear(), today.getYear() + 1);
        }
        return year;
    }

    /** R-32 content and R-05 design authority of each project; nothing is written here. */
    static List<PlanProject> projectsOf(List<ProjectDraft> drafts) {
        if (drafts == null || drafts.isEmpty()) {
            throw BusinessRuleException.violation("R-32", "projects", "countyplan.projects-required");
        }
        if (drafts.size() > MAX_PROJECTS) {
            throw BusinessRuleException.violation("R-32", "projects", "countyplan.too-many-projects", MAX_PROJECTS);
        }
        List<PlanProject> projects = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            ProjectDraft draft = drafts.get(i);
            String at = "projects[" + i + "].";
            if (draft == null) {
                throw BusinessRuleException.violation("R-32", at + "name", "countyplan.field-required");
            }
            String name = text(draft.name(), at + "name", MAX_TEXT);
            if (!names.add(name)) {
                throw BusinessRuleException.conflict("R-32", at + "name", "countyplan.project-name-twice", name);
            }
            if (draft.mode() == null) {
                throw BusinessRuleException.violation("R-32", at + "mode", "countyplan.field-required");
            }
            if (draft.stage() == null) {
                throw BusinessRuleException.violation("R-05", at + "stage", "countyplan.field-required");
            }
            if (draft.headcount() == null || draft.headcount() <= 0 || draft.headcount() > MAX_HEADCOUNT) {
                throw BusinessRuleException.violation("R-32", at + "headcount", "countyplan.headcount-invalid",
                        draft.headcount(), MAX_HEADCOUNT);
            }
            boolean keyTeacher = Boolean.TRUE.equals(draft.keyTeacher());
            ProjectType type = keyTeacher ? ProjectType.KEY_TEACHER : ProjectType.REGULAR;
            OrganisationLevel designer = ProjectDesignAuthorities.designLevel(draft.stage(), type);
            if (designer != OrganisationLevel.COUNTY) {
                throw BusinessRuleException.violation("R-05", at + "stage", "countyplan.stage-not-county-designed",
                        name, draft.stage().label(), designer.label());
            }
            String schedule = text(draft.courseSchedule(), at + "courseSchedule", MAX_LONG_TEXT);
            projects.add(new PlanProject(i + 1, name, draft.mode(), draft.stage(), keyTeacher, draft.headcount(),
                    schedule));
        }
        return projects;
    }

    /** Checks one project's report and returns the write to do once every report has passed. */
    Runnable checkedReport(CountyPlan plan, PlanProject project, ProjectReport report, String at) {
        BigDecimal hours = report.deliveredHours();
        if (hours == null || hours.signum() <= 0 || HourCalculator.roundsToZero(hours) || hours.compareTo(MAX_HOURS) > 0) {
            throw BusinessRuleException.violation("R-32", at + "deliveredHours", "countyplan.hours-invalid", hours);
        }
        LocalDate start = report.trainingStart();
        LocalDate end = report.trainingEnd();
        if (start == null) {
            throw BusinessRuleException.violation("R-32", at + "trainingStart", "countyplan.field-required");
        }
        if (end == null) {
            throw BusinessRuleException.violation("R-32", at + "trainingEnd", "countyplan.field-required");
        }
        if (end.isBefore(start)) {
            throw BusinessRuleException.violation("R-32", at + "trainingEnd", "countyplan.end-before-start");
        }
        if (start.getYear() != plan.year() || end.getYear() != plan.year()) {
            throw BusinessRuleException.violation("R-32", at + "trainingStart", "countyplan.outside-plan-year", plan.year());
        }
        if (end.isAfter(LocalDate.now(clock))) {
            throw BusinessRuleException.violation("R-32", at + "trainingEnd", "countyplan.date-in-future", end);
        }
        String sheet = text(report.signInSheet(), at + "signInSheet", 255);
        // the sign-in sheet is a scan the county itself uploaded (its evidence file), not a free reference.
        evidence.requireAttachableToOrganisation(sheet.strip(), plan.countyId(), at + "signInSheet");
        if (report.participants() == null || report.participants().isEmpty()) {
            throw BusinessRuleException.violation("R-32", at + "participants", "countyplan.participants-required");
        }
        Set<String> seen = new HashSet<>();
        List<Participant> people = new ArrayList<>();
        for (int j = 0; j < report.participants().size(); j++) {
            String field = at + "participants[" + j + "]";
            String staffNumber = report.participants().get(j) == null ? "" : report.participants().get(j).strip();
            if (!seen.add(staffNumber)) {
                throw BusinessRuleException.conflict("R-40", field, "countyplan.participant-twice", staffNumber);
            }
            Teacher teacher = teachers.findByStaffNumber(staffNumber).orElseThrow(() ->
                    BusinessRuleException.violation("R-32", field, "countyplan.participant-unknown", staffNumber));
            if (!organisations.isWithin(teacher.schoolId(), plan.countyId())) {
                throw BusinessRuleException.violation("R-04", field, "countyplan.participant-outside-county",
                        staffNumber, teacher.name());
            }
            if (!teacher.isRegistrable()) {
                throw BusinessRuleException.violation("R-01", field, "countyplan.participant-not-registrable",
                        staffNumber, teacher.name());
            }
            people.add(new Participant(teacher.getId(), staffNumber));
        }
        return () -> project.reported(hours, start, end, sheet.strip(), people);
    }

    static String text(String value, String field, int max) {
        return RequiredText.require(value, field, max, "R-32", "countyplan.field-required", "countyplan.text-too-long");
    }

}
