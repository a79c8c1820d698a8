package cn.shixun.annual;

import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseStanding;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Where a registration stands, as {@link CaseStanding} writes it: {@code OPEN@UserTask_SchoolReview}, {@code PUBLISHED}. */
public final class AnnualStanding {

    private AnnualStanding() {
    }

    public static String of(AnnualRegistrations registrations, RegistrationProgress progress, Long id) {
        return CaseStanding.of(registrations.require(id).status(), CaseProgress.of(progress.openTasks(id)));
    }

    /** How many of {@code registrations} stand where, e.g. {@code OPEN@UserTask_AmendCard=1, PUBLISHED=2}. */
    public static Map<String, Long> count(List<AnnualRegistration> registrations, RegistrationProgress progress) {
        Map<Long, CaseProgress> steps = progress.of(registrations);
        return registrations.stream().collect(Collectors.groupingBy(
                registration -> CaseStanding.of(registration.status(), steps.get(registration.getId())),
                Collectors.counting()));
    }
}
