package cn.shixun.policy;

import java.time.LocalDate;

/** Cycle arithmetic: pure functions of the cycle rule and the teacher's dates. */
public final class Cycles {

    private static final int HALF_YEAR_LAST_MONTH = 6;

    private Cycles() {
    }

    /** The cycle that contains {@code date} for this teacher. */
    public static Cycle cycleOn(CycleRule rule, TeacherPolicy teacher, LocalDate date) {
        return rule.type() == CycleRule.CycleType.PER_TEACHER ? perTeacher(rule, teacher, date) : calendar(rule, teacher, date);
    }

    /**
     * The first calendar year a new teacher owes hours for: the hire year, or under Xinxiang's
     * rule the next year when hired in July-December.
     */
    public static int firstOwedYear(CycleRule rule, LocalDate hireDate) {
        if (rule.newTeacherStart() == CycleRule.NewTeacherStart.HALF_YEAR && hireDate.getMonthValue() > HALF_YEAR_LAST_MONTH) {
            return hireDate.getYear() + 1;
        }
        return hireDate.getYear();
    }

    private static Cycle perTeacher(CycleRule rule, TeacherPolicy teacher, LocalDate date) {
        boolean certified = teacher.lastCertificateIssuedOn() != null;
        LocalDate base = certified ? teacher.lastCertificateIssuedOn() : teacher.hireDate();
        LocalDate start = base;
        while (date.isBefore(start)) {
            start = start.minusYears(rule.years());
        }
        while (!date.isBefore(start.plusYears(rule.years()))) {
            start = start.plusYears(rule.years());
        }
        String how = certified
                ? "自上一继续教育登记证书发证日 " + base + " 起，有效期" + rule.years() + "年"
                : "尚无继续教育登记证书，自入职日 " + base + " 起" + rule.years() + "年";
        if (start.isAfter(base)) {
            how += "（该期已满未换发证书，按" + rule.years() + "年顺延推算）";
        }
        return new Cycle(start, start.plusYears(rule.years()).minusDays(1), rule.type(), how,
                rule.years(), rule.years(), rule.ruleId());
    }

    private static Cycle calendar(CycleRule rule, TeacherPolicy teacher, LocalDate date) {
        int startYear = rule.anchorYear() + Math.floorDiv(date.getYear() - rule.anchorYear(), rule.years()) * rule.years();
        int endYear = startYear + rule.years() - 1;
        String how = "统一周期 " + startYear + "—" + endYear + " 年";
        int owed = rule.years();
        int firstOwed = firstOwedYear(rule, teacher.hireDate());
        if (firstOwed > startYear) {
            owed = Math.max(0, endYear - firstOwed + 1);
            how += "；入职日 " + teacher.hireDate() + "，自 " + firstOwed + " 年起应学，本周期应完成 " + owed + " 年的学时";
            if (rule.newTeacherStart() == CycleRule.NewTeacherStart.HALF_YEAR) {
                how += "（上半年入职当年起算，下半年入职次年起算）";
            }
        }
        return new Cycle(LocalDate.of(startYear, 1, 1), LocalDate.of(endYear, 12, 31), rule.type(), how, owed,
                rule.years(), rule.ruleId());
    }
}
