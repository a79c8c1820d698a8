package cn.shixun.countyplan;

import cn.shixun.organisation.Stage;
import java.util.List;

/**
 * A county's annual training plan as it files it: the county, the year and the projects.
 *
 * @param countyId the county/district education bureau that files (an organisation of county level)
 */
public record PlanDraft(Long countyId, Integer year, List<ProjectDraft> projects) {

    /**
     * One planned project: name, mode, stage (R-05 decides whether the county may design it),
     * whether it is a famous/backbone teacher project, headcount and course schedule.
     */
    public record ProjectDraft(String name, TrainingMode mode, Stage stage, Boolean keyTeacher, Integer headcount,
                               String courseSchedule) {
    }
}
