package cn.shixun.admin;

import cn.shixun.organisation.ProviderKind;
import cn.shixun.organisation.TrainingProvider;
import cn.shixun.organisation.TrainingProviders;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of training providers as administrators keep it (docs/administration.md). A county
 * teacher-training school belongs to its county and is kept by the administrators whose scope holds that
 * county; the universities, colleges and platforms belong to no organisation and serve every province, so
 * only the platform administrator registers or withdraws them. Withdrawn providers stay for the projects and
 * hours that name them and are no longer eligible. Every step is audited in its transaction.
 */
@Service
@Transactional
public class ProviderAdministration {

    private final TrainingProviders providers;
    private final AdminScope scope;
    private final ApplicationEventPublisher events;

    ProviderAdministration(TrainingProviders providers, AdminScope scope, ApplicationEventPublisher events) {
        this.providers = providers;
        this.scope = scope;
        this.events = events;
    }

    /** Every provider: the register is public reference data, which is why it is listed whole. */
    @Transactional(readOnly = true)
    public List<TrainingProvider> all() {
        return providers.all();
    }

    /** Whether {@code admin} may register, withdraw or reinstate this provider. */
    public boolean keeps(CurrentAccount admin, TrainingProvider provider) {
        return provider.countyId() == null ? admin.isPlatformAdmin() : scope.administers(admin, provider.countyId());
    }

    public TrainingProvider register(CurrentAccount admin, String name, ProviderKind kind, boolean guopeiQualified,
                                     Long countyId) {
        if (kind == ProviderKind.COUNTY_TRAINING_SCHOOL) {
            scope.requireOrganisation(admin, countyId, "countyId");
        } else if (kind != null && !admin.isPlatformAdmin()) {
            throw BusinessRuleException.forbidden("R-06", "kind", "admin.provider.platform-only", kind.label());
        }
        TrainingProvider provider = providers.register(name, kind, guopeiQualified, countyId);
        audit("provider.register", provider, "登记培训机构：" + provider.name() + "（" + kind.label()
                + (guopeiQualified ? "，承担国培项目" : "") + "）");
        return provider;
    }

    public TrainingProvider withdraw(CurrentAccount admin, Long id) {
        TrainingProvider provider = providers.withdraw(requireKept(admin, id).getId());
        audit("provider.withdraw", provider, "移出培训机构名录：" + provider.name());
        return provider;
    }

    public TrainingProvider reinstate(CurrentAccount admin, Long id) {
        TrainingProvider provider = providers.reinstate(requireKept(admin, id).getId());
        audit("provider.reinstate", provider, "恢复培训机构：" + provider.name());
        return provider;
    }

    private TrainingProvider requireKept(CurrentAccount admin, Long id) {
        return providers.find(id).filter(provider -> keeps(admin, provider))
                .orElseThrow(() -> BusinessRuleException.notFound("providerId", "provider.not-found", id));
    }

    private void audit(String action, TrainingProvider provider, String detail) {
        events.publishEvent(new AuditedAction(action, "training-provider", String.valueOf(provider.getId()), detail,
                provider.countyId()));
    }
}
