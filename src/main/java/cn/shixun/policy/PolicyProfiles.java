package cn.shixun.policy;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teacher;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Chooses the profile version for a teacher: the profile code comes from the school's
 * organisation tree, the version from the date (the latest version in force on that date).
 */
@Service
public class PolicyProfiles {

    private final List<PolicyProfile> versions;
    private final Organisations organisations;

    PolicyProfiles(PolicyProfileCatalogue catalogue, Organisations organisations) {
        this.versions = catalogue.profiles().stream()
                .sorted(Comparator.comparing(PolicyProfile::effectiveFrom).reversed()).toList();
        this.organisations = organisations;
    }

    public List<PolicyProfile> all() {
        return versions;
    }

    /** The version of {@code code} in force on {@code date}; refused when none is (e.g. before the notice). */
    public PolicyProfile version(String code, LocalDate date) {
        return versions.stream()
                .filter(p -> p.code().equals(code) && !p.effectiveFrom().isAfter(date))
                .findFirst()
                .orElseThrow(() -> BusinessRuleException.violation(null, "date", "policy.no-profile-version", code, date));
    }

    public TeacherPolicy forTeacher(Teacher teacher, LocalDate date) {
        String code = organisations.effectivePolicyProfile(teacher.schoolId());
        return new TeacherPolicy(teacher.getId(), version(code, date), cityCode(teacher.schoolId()), teacher.stage(),
                teacher.hireDate(), teacher.lastCertificateIssuedOn(), teacher.principalAppointedOn());
    }

    /**
     * The city a school belongs to; a province-direct school has no city above it and takes
     * the city of its registration authority, which is where it stands.
     */
    String cityCode(Long schoolId) {
        Optional<String> own = cityIn(schoolId);
        if (own.isPresent()) {
            return own.get();
        }
        Long authority = organisations.require(schoolId, "schoolId").registrationAuthorityId();
        return authority == null ? "" : cityIn(authority).orElse("");
    }

    private Optional<String> cityIn(Long organisationId) {
        return organisations.lineage(organisationId).stream()
                .filter(o -> o.level() == OrganisationLevel.CITY)
                .map(Organisation::code)
                .findFirst();
    }
}
