package cn.shixun.training.web;

import cn.shixun.training.TrainingPlan;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The plan as typed in the application and amendment forms, so that a refused form comes back
 * with it. The notice or plan file is a new upload (multipart part {@code planScan}) or
 * {@code existingFile}, the id of one of the teacher's evidence files.
 */
record PlanForm(Long providerId, String projectName, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate, String place, String plannedContent,
                String existingFile) {

    static PlanForm empty() {
        return new PlanForm(null, null, null, null, null, null, null);
    }

    /** The current plan, for the amendment form; its file is offered as the one to keep. */
    static PlanForm of(TrainingPlan plan) {
        return new PlanForm(plan.providerId(), plan.projectName(), plan.startDate(), plan.endDate(), plan.place(),
                plan.plannedContent(), plan.planFile());
    }

    TrainingPlan toPlan(String planFile) {
        return new TrainingPlan(providerId, projectName, startDate, endDate, place, plannedContent, planFile);
    }
}
