package cn.shixun.exemption;

import cn.shixun.tasks.CaseProgress;
import java.util.stream.Collectors;

/**
 * Where an application stands, as one string a test compares: how it ended ({@code EXEMPTED}),
 * or {@code OPEN@} and the keys of its open steps as the process has them
 * ({@code OPEN@UserTask_SchoolReview}; {@code OPEN@} between steps, e.g. waiting to be credited).
 */
public final class ExemptionStanding {

    private ExemptionStanding() {
    }

    public static String of(DegreeExemptions exemptions, Long id) {
        ExemptionStatus status = exemptions.require(id).status();
        if (!status.isOpen()) {
            return status.name();
        }
        return "OPEN@" + exemptions.progress(id).openSteps().stream().map(CaseProgress.OpenStep::key)
                .collect(Collectors.joining(","));
    }
}
