package cn.shixun.tasks;

import cn.shixun.security.CandidateGroup;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Who an open step waits for, as the model routes it: the applicant (a task assigned through
 * {@code caseRouting.applicant}) or the reviewers of one administrative level (a task offered to
 * a {@code caseRouting.*Review} group, R-02, R-04). Read from the task's candidate groups, so a
 * step a process owner adds at city level is a city step with no Java change.
 */
public enum StepLevel {
    APPLICANT("申请人"),
    SCHOOL("学校"),
    COUNTY("县（区）"),
    CITY("市"),
    PROVINCE("省");

    private final String label;

    StepLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The level of a task offered to {@code candidateGroups}: the lowest one among them, as an
     * escalation adds the level above and leaves the task where it was; the applicant when the
     * task is offered to no group (it is assigned to one person).
     */
    static StepLevel of(Collection<String> candidateGroups) {
        return candidateGroups.stream().map(CandidateGroup::parse).flatMap(Optional::stream)
                .map(StepLevel::ofGroup).flatMap(Optional::stream)
                .min(Comparator.naturalOrder()).orElse(APPLICANT);
    }

    private static Optional<StepLevel> ofGroup(CandidateGroup group) {
        return switch (group.role()) {
            case SCHOOL_ADMIN -> Optional.of(SCHOOL);
            case COUNTY_REVIEWER -> Optional.of(COUNTY);
            case CITY_REVIEWER -> Optional.of(CITY);
            case PROVINCE_REVIEWER -> Optional.of(PROVINCE);
            default -> Optional.empty();
        };
    }
}
