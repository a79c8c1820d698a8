package cn.shixun.schoolclass;

import cn.shixun.tasks.CaseStanding;

/** Where a school-based class stands, as {@link CaseStanding} writes it: {@code OPEN@UserTask_PlanClass}, {@code CREDITED}. */
final class SchoolClassStanding {

    private SchoolClassStanding() {
    }

    static String of(SchoolClasses classes, Long id) {
        return CaseStanding.of(classes.require(id).status(), classes.progress(id));
    }
}
