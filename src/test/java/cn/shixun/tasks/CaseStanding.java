package cn.shixun.tasks;

import java.util.stream.Collectors;

/**
 * Where a case stands, as one string a test compares: how it ended ({@code EXEMPTED}), or
 * {@code OPEN@} and the keys of its open steps as the process has them
 * ({@code OPEN@UserTask_SchoolReview}; {@code OPEN@} between steps, e.g. waiting to be credited).
 */
public final class CaseStanding {

    private CaseStanding() {
    }

    public static <S extends Enum<S> & CaseStatus> String of(S status, CaseProgress progress) {
        if (!status.isOpen()) {
            return status.name();
        }
        return "OPEN@" + progress.openSteps().stream().map(CaseProgress.OpenStep::key).collect(Collectors.joining(","));
    }
}
