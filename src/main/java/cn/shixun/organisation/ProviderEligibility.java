package cn.shixun.organisation;

import cn.shixun.shared.BusinessRuleException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-06 (Zhengzhou §五): may this provider deliver a project for teachers of this stage?
 * High, middle and primary projects need an undergraduate normal college or better,
 * kindergarten projects a junior-college one or better; at present only institutions that run
 * 国培 programmes (normal colleges and online platforms) qualify; primary and kindergarten
 * projects may also use the designing county's own teacher-training school.
 */
@Service
@Transactional(readOnly = true)
public class ProviderEligibility {

    /** The answer with its reason, as a message key of the organisation bundle and its arguments. */
    public record Verdict(boolean eligible, String reasonKey, List<Object> reasonArgs) {

        public String ruleId() {
            return "R-06";
        }
    }

    private final TrainingProviders providers;
    private final Organisations organisations;

    ProviderEligibility(TrainingProviders providers, Organisations organisations) {
        this.providers = providers;
        this.organisations = organisations;
    }

    /** Refuses an ineligible provider with R-06 (field providerId) and the reason; returns it otherwise. */
    public TrainingProvider check(Long providerId, Stage stage, Long designingCountyId) {
        Verdict verdict = assess(providerId, stage, designingCountyId);
        if (!verdict.eligible()) {
            throw BusinessRuleException.violation("R-06", "providerId", verdict.reasonKey(), verdict.reasonArgs().toArray());
        }
        return providers.require(providerId);
    }

    /** The eligibility with its reason, without refusing; unknown provider or county ids are still refused. */
    public Verdict assess(Long providerId, Stage stage, Long designingCountyId) {
        if (stage == null) {
            throw BusinessRuleException.violation("R-06", "stage", "organisation.stage-required");
        }
        TrainingProvider provider = providers.require(providerId);
        if (designingCountyId != null) {
            organisations.require(designingCountyId, "countyId");
        }
        return judge(provider, stage, designingCountyId);
    }

    static Verdict judge(TrainingProvider provider, Stage stage, Long designingCountyId) {
        String name = provider.name();
        if (!provider.enabled()) {
            return no("provider.r06.withdrawn", name);
        }
        boolean smallChildren = stage == Stage.PRIMARY || stage == Stage.KINDERGARTEN;
        return switch (provider.kind()) {
            case OTHER -> no("provider.r06.not-teacher-training", name);
            case COUNTY_TRAINING_SCHOOL -> {
                if (!smallChildren) {
                    yield no("provider.r06.county-school-only-primary", name, stage.label());
                }
                if (designingCountyId == null || !designingCountyId.equals(provider.countyId())) {
                    yield no("provider.r06.county-school-other-county", name);
                }
                yield yes("provider.r06.own-county-school", name, stage.label());
            }
            case NORMAL_UNDERGRADUATE, NORMAL_JUNIOR_COLLEGE, ONLINE_PLATFORM -> {
                if (!provider.guopeiQualified()) {
                    yield no("provider.r06.not-guopei", name);
                }
                if (provider.kind() == ProviderKind.NORMAL_JUNIOR_COLLEGE && stage != Stage.KINDERGARTEN) {
                    yield no("provider.r06.junior-college-only-kindergarten", name, stage.label());
                }
                yield yes("provider.r06.qualified", name, provider.kind().label(), stage.label());
            }
        };
    }

    private static Verdict yes(String key, Object... args) {
        return new Verdict(true, key, List.of(args));
    }

    private static Verdict no(String key, Object... args) {
        return new Verdict(false, key, List.of(args));
    }
}
