package cn.shixun.policy;

/** One row of {@code cycleRules.dmn}. */
public record CycleRule(CycleType type, int years, Integer anchorYear, NewTeacherStart newTeacherStart,
                        String ruleId, DecisionRef decision) {

    public enum CycleType {
        /** Zhengzhou: from the teacher's last certificate issue date, five years. */
        PER_TEACHER,
        /** One calendar cycle for everyone, e.g. 2016-2020 (Xinxiang), 2023-2025 (Sanmenxia). */
        CALENDAR
    }

    public enum NewTeacherStart {
        /** A new teacher owes hours from the hire date. */
        HIRE_DATE,
        /** Xinxiang §三.10: hired January-June owes that year, July-December from the next year. */
        HALF_YEAR
    }
}
