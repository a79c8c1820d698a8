package cn.shixun.cycleverification;

import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseStanding;

/** Where a verification stands, as {@link CaseStanding} writes it: {@code OPEN@UserTask_CountyRecheck}, {@code CERTIFIED}. */
final class VerificationStanding {

    private VerificationStanding() {
    }

    static String of(CycleVerifications verifications, Long id) {
        return CaseStanding.of(verifications.require(id).status(), CaseProgress.of(verifications.openTasks(id)));
    }
}
