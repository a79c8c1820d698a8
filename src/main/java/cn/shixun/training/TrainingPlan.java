package cn.shixun.training;

import java.time.LocalDate;

/**
 * What the teacher applies for before the training: the provider from the R-06 register,
 * the project, its dates and place, the planned content and the notice or plan as evidence.
 */
public record TrainingPlan(Long providerId, String projectName, LocalDate startDate, LocalDate endDate, String place,
                           String plannedContent, String planFile) {
}
