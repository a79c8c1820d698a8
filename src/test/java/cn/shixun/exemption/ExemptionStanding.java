package cn.shixun.exemption;

import cn.shixun.tasks.CaseStanding;

/** Where an application stands, as {@link CaseStanding} writes it: {@code OPEN@UserTask_SchoolReview}, {@code EXEMPTED}. */
public final class ExemptionStanding {

    private ExemptionStanding() {
    }

    public static String of(DegreeExemptions exemptions, Long id) {
        return CaseStanding.of(exemptions.require(id).status(), exemptions.progress(id));
    }
}
