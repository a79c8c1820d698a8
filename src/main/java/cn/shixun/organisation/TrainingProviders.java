package cn.shixun.organisation;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.EnumLabels;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register of training providers. */
@Service
@Transactional(readOnly = true)
public class TrainingProviders {

    private final TrainingProviderRepository repository;
    private final Organisations organisations;

    TrainingProviders(TrainingProviderRepository repository, Organisations organisations) {
        this.repository = repository;
        this.organisations = organisations;
    }

    public List<TrainingProvider> all() {
        return repository.findAllByOrderById();
    }

    public Optional<TrainingProvider> find(Long id) {
        return id == null ? Optional.empty() : repository.findById(id);
    }

    public TrainingProvider require(Long id) {
        return find(id).orElseThrow(() -> BusinessRuleException.notFound("providerId", "provider.not-found", id));
    }

    /** Withdraws a provider from the register: projects and hours that name it stay, new ones are refused. */
    @Transactional
    public TrainingProvider withdraw(Long id) {
        TrainingProvider provider = require(id);
        provider.withdraw();
        return provider;
    }

    /** Puts a withdrawn provider back on the register. */
    @Transactional
    public TrainingProvider reinstate(Long id) {
        TrainingProvider provider = require(id);
        provider.reinstate();
        return provider;
    }

    /** Registers a provider; a county teacher-training school must name its county, no other kind may. */
    @Transactional
    public TrainingProvider register(String name, ProviderKind kind, boolean guopeiQualified, Long countyId) {
        if (name == null || name.isBlank()) {
            throw BusinessRuleException.violation(null, "name", "provider.name-required");
        }
        if (kind == null) {
            throw BusinessRuleException.violation("R-06", "kind", "provider.kind-required");
        }
        if (kind == ProviderKind.COUNTY_TRAINING_SCHOOL) {
            Organisation county = organisations.require(countyId, "countyId");
            if (county.level() != OrganisationLevel.COUNTY) {
                throw BusinessRuleException.violation("R-06", "countyId", "provider.county-required", county.name());
            }
        } else if (countyId != null) {
            throw BusinessRuleException.violation("R-06", "countyId", "provider.county-only-for-county-school", EnumLabels.argument(kind));
        }
        if (repository.existsByName(name.trim())) {
            throw BusinessRuleException.conflict(null, "name", "provider.name-taken", name.trim());
        }
        return repository.save(new TrainingProvider(name.trim(), kind, guopeiQualified, countyId));
    }
}
