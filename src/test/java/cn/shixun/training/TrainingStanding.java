package cn.shixun.training;

import cn.shixun.tasks.CaseStanding;

/**
 * Where an application stands, as {@link CaseStanding} writes it: {@code OPEN@UserTask_SchoolConsent},
 * {@code OPEN@} while it waits for the training's end or to be credited, {@code REGISTERED}.
 */
public final class TrainingStanding {

    private TrainingStanding() {
    }

    public static String of(ExternalTrainings trainings, Long id) {
        return CaseStanding.of(trainings.require(id).status(), trainings.progress(id));
    }
}
