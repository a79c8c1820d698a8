package cn.shixun.cycleverification;

import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.StepLevel;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How many verifications of a batch stand at one place, as the batch page and API count them: at
 * an open step (its label as the model names it, e.g. 县级复查中, and the level it waits for),
 * between steps (处理中, no level), or ended (已核准发证…). A review step a process owner adds to the
 * model is counted under its own name with no Java change.
 *
 * @param status OPEN, or how the verifications ended
 * @param label  what their status reads ({@link CaseProgress#statusLabel})
 * @param level  who the open step waits for; null between steps and once ended
 */
public record StandingCount(VerificationStatus status, String label, StepLevel level, long count) {

    private static final Comparator<StandingCount> ORDER = Comparator.comparing(StandingCount::status)
            .thenComparing(StandingCount::level, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(StandingCount::label);

    /** The counts of {@code verifications}, each where {@code progress} (by verification id) says it stands. */
    public static List<StandingCount> of(Collection<CycleVerification> verifications,
                                         Map<Long, CaseProgress> progress) {
        return verifications.stream()
                .map(v -> Place.of(v.status(), progress.getOrDefault(v.getId(), new CaseProgress(List.of()))))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream()
                .map(place -> new StandingCount(place.getKey().status(), place.getKey().label(),
                        place.getKey().level(), place.getValue()))
                .sorted(ORDER).toList();
    }

    /** Where one verification stands: what is counted together. */
    private record Place(VerificationStatus status, String label, StepLevel level) {

        static Place of(VerificationStatus status, CaseProgress progress) {
            StepLevel level = status.isOpen() ? progress.openSteps().stream().map(CaseProgress.OpenStep::level)
                    .findFirst().orElse(null) : null;
            return new Place(status, progress.statusLabel(status), level);
        }
    }
}
