package cn.shixun.countyplan.web;

import java.util.Map;
import org.springframework.ui.Model;
import cn.shixun.countyplan.CountyPlan;
import cn.shixun.countyplan.HrFiling;
import cn.shixun.countyplan.PlanDraft;
import cn.shixun.countyplan.PlanDraft.ProjectDraft;
import cn.shixun.countyplan.PlanProject;
import cn.shixun.countyplan.PlanSummary;
import cn.shixun.countyplan.PlanSummary.ProjectReport;
import cn.shixun.countyplan.TrainingMode;
import cn.shixun.organisation.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The page forms of the county plan, as typed: every value a string, so that a refused form comes
 * back exactly as it was sent. Each turns into the same record the JSON API takes; a value that
 * does not parse becomes null and the domain service names the field (nothing is checked here).
 * Over 300 lines because Spring's form binding needs a getter and a setter per field; there is no logic.
 */
final class CountyPlanForms {

    private CountyPlanForms() {
    }

    /** The plan's projects (new plan and amendment) and, for a new plan, its year. */
    static class PlanForm {
        private String year;
        private List<ProjectRow> projects = new ArrayList<>();

        static PlanForm of(CountyPlan plan) {
            PlanForm form = new PlanForm();
            form.year = String.valueOf(plan.year());
            plan.projects().forEach(project -> form.projects.add(ProjectRow.of(project)));
            return form;
        }

        static PlanForm empty(int year) {
            PlanForm form = new PlanForm();
            form.year = String.valueOf(year);
            form.projects.add(new ProjectRow());
            return form;
        }

        PlanDraft draft(Long countyId) {
            return new PlanDraft(countyId, integer(year), projects.stream().map(ProjectRow::draft).toList());
        }

        public String getYear() {
            return year;
        }

        public void setYear(String year) {
            this.year = year;
        }

        public List<ProjectRow> getProjects() {
            return projects;
        }

        public void setProjects(List<ProjectRow> projects) {
            this.projects = projects;
        }
    }

    /** One row of the projects table: what {@code PlanProject} holds of the plan. */
    static class ProjectRow {
        private String name;
        private String mode;
        private String stage;
        private boolean keyTeacher;
        private String headcount;
        private String courseSchedule;

        static ProjectRow of(PlanProject project) {
            ProjectRow row = new ProjectRow();
            row.name = project.name();
            row.mode = project.mode().name();
            row.stage = project.stage().name();
            row.keyTeacher = project.keyTeacher();
            row.headcount = String.valueOf(project.headcount());
            row.courseSchedule = project.courseSchedule();
            return row;
        }

        ProjectDraft draft() {
            return new ProjectDraft(name, constant(TrainingMode.class, mode), constant(Stage.class, stage), keyTeacher,
                    integer(headcount), courseSchedule);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getMode() {
            return mode;
        }

        public void setMode(String mode) {
            this.mode = mode;
        }

        public String getStage() {
            return stage;
        }

        public void setStage(String stage) {
            this.stage = stage;
        }

        public boolean isKeyTeacher() {
            return keyTeacher;
        }

        public void setKeyTeacher(boolean keyTeacher) {
            this.keyTeacher = keyTeacher;
        }

        public String getHeadcount() {
            return headcount;
        }

        public void setHeadcount(String headcount) {
            this.headcount = headcount;
        }

        public String getCourseSchedule() {
            return courseSchedule;
        }

        public void setCourseSchedule(String courseSchedule) {
            this.courseSchedule = courseSchedule;
        }
    }

    /** The HR bureau's filing receipt, recorded by the city. */
    static class HrFilingForm {
        private String hrBureau;
        private String receiptNumber;
        private String filedOn;

        HrFiling filing() {
            return new HrFiling(hrBureau, receiptNumber, date(filedOn));
        }

        public String getHrBureau() {
            return hrBureau;
        }

        public void setHrBureau(String hrBureau) {
            this.hrBureau = hrBureau;
        }

        public String getReceiptNumber() {
            return receiptNumber;
        }

        public void setReceiptNumber(String receiptNumber) {
            this.receiptNumber = receiptNumber;
        }

        public String getFiledOn() {
            return filedOn;
        }

        public void setFiledOn(String filedOn) {
            this.filedOn = filedOn;
        }
    }

    /** The county's training summary: a text and, per project, what {@code PlanSummary} holds. */
    static class SummaryForm {
        private String summary;
        private List<ReportRow> projects = new ArrayList<>();

        static SummaryForm of(CountyPlan plan) {
            SummaryForm form = new SummaryForm();
            form.summary = plan.summaryText();
            plan.projects().forEach(project -> form.projects.add(ReportRow.of(project)));
            return form;
        }

        PlanSummary summary() {
            return new PlanSummary(summary, projects.stream().map(ReportRow::report).toList());
        }

        public String getSummary() {
            return summary;
        }

        public void setSummary(String summary) {
            this.summary = summary;
        }

        public List<ReportRow> getProjects() {
            return projects;
        }

        public void setProjects(List<ReportRow> projects) {
            this.projects = projects;
        }
    }

    /** One project's report; the participants are staff numbers, one a line (or separated by spaces, commas). */
    static class ReportRow {
        private String projectId;
        private String deliveredHours;
        private String trainingStart;
        private String trainingEnd;
        private String signInSheet;
        private String participants;

        static ReportRow of(PlanProject project) {
            ReportRow row = new ReportRow();
            row.projectId = String.valueOf(project.getId());
            if (project.deliveredHours() != null) {
                row.deliveredHours = project.deliveredHours().stripTrailingZeros().toPlainString();
                row.trainingStart = String.valueOf(project.trainingStart());
                row.trainingEnd = String.valueOf(project.trainingEnd());
                row.signInSheet = project.signInSheet();
                row.participants = String.join("\n", project.participants().stream()
                        .map(participant -> participant.staffNumber()).toList());
            }
            return row;
        }

        ProjectReport report() {
            return new ProjectReport(longValue(projectId), decimal(deliveredHours), date(trainingStart),
                    date(trainingEnd), signInSheet, staffNumbers(participants));
        }

        public String getProjectId() {
            return projectId;
        }

        public void setProjectId(String projectId) {
            this.projectId = projectId;
        }

        public String getDeliveredHours() {
            return deliveredHours;
        }

        public void setDeliveredHours(String deliveredHours) {
            this.deliveredHours = deliveredHours;
        }

        public String getTrainingStart() {
            return trainingStart;
        }

        public void setTrainingStart(String trainingStart) {
            this.trainingStart = trainingStart;
        }

        public String getTrainingEnd() {
            return trainingEnd;
        }

        public void setTrainingEnd(String trainingEnd) {
            this.trainingEnd = trainingEnd;
        }

        public String getSignInSheet() {
            return signInSheet;
        }

        public void setSignInSheet(String signInSheet) {
            this.signInSheet = signInSheet;
        }

        public String getParticipants() {
            return participants;
        }

        public void setParticipants(String participants) {
            this.participants = participants;
        }
    }

    static List<String> staffNumbers(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("[\\s,，、;；]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static Integer integer(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException unparseable) {
            return null;
        }
    }

    private static Long longValue(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException unparseable) {
            return null;
        }
    }

    private static BigDecimal decimal(String value) {
        try {
            return value == null || value.isBlank() ? null : new BigDecimal(value.strip());
        } catch (NumberFormatException unparseable) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException unparseable) {
            return null;
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** The choices the plan forms offer, and no errors unless a refusal put some there. */
    static void addChoices(Model model) {
        model.addAttribute("modes", TrainingMode.values());
        model.addAttribute("stages", Stage.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }
}
