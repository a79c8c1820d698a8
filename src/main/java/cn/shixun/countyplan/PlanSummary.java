package cn.shixun.countyplan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The county's report after the training: a short summary and, per project, the hours
 * delivered, the training dates, the sign-in sheet and who took part (staff numbers).
 */
public record PlanSummary(String summary, List<ProjectReport> projects) {

    public record ProjectReport(Long projectId, BigDecimal deliveredHours, LocalDate trainingStart,
                                LocalDate trainingEnd, String signInSheet, List<String> participants) {
    }
}
