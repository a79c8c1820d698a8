package cn.shixun.policy;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teacher;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Chooses the profile version for a teacher: the profile code comes from the school's
 * organisation tree, the version from the date (the highest published version in force on that
 * date, ADR 0012). The published versions are read from the database into an immutable snapshot,
 * reloaded when the catalogue's revision changes; the revision is checked at most once a second,
 * so a status query costs no extra query.
 */
@Service
public class PolicyProfiles {

    private static final long CHECK_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private final PolicyCatalogue catalogue;
    private final Organisations organisations;
    private volatile Snapshot snapshot;

    /** The published versions as of a revision, and when that revision was last compared with the database's. */
    private record Snapshot(long revision, List<PolicyProfile> versions, long checkedAt) {

        Optional<PolicyProfile> inForce(String code, LocalDate date) {
            return versions.stream()
                    .filter(p -> p.code().equals(code) && !p.effectiveFrom().isAfter(date))
                    .max(Comparator.comparingInt(PolicyProfile::version));
        }
    }

    PolicyProfiles(PolicyCatalogue catalogue, Organisations organisations) {
        this.catalogue = catalogue;
        this.organisations = organisations;
    }

    /** Every published version of every profile. */
    public List<PolicyProfile> all() {
        return current().versions();
    }

    /**
     * The catalogue revision this node's answers are made on; it rises with every publication. A
     * result computed after reading it is computed on that revision or a later one.
     */
    public long revision() {
        return current().revision();
    }

    /** The version of {@code code} in force on {@code date}; refused when none is (e.g. before the notice). */
    public PolicyProfile version(String code, LocalDate date) {
        return current().inForce(code, date)
                .orElseThrow(() -> BusinessRuleException.violation(null, "date", "policy.no-profile-version", code, date));
    }

    public TeacherPolicy forTeacher(Teacher teacher, LocalDate date) {
        return forTeacherAt(teacher, teacher.schoolId(), date);
    }

    /** The policy of {@code teacher} as a teacher of {@code schoolId}, e.g. the school they were at on a past date. */
    public TeacherPolicy forTeacherAt(Teacher teacher, Long schoolId, LocalDate date) {
        String code = organisations.effectivePolicyProfile(schoolId);
        return new TeacherPolicy(teacher.getId(), version(code, date), cityCode(schoolId), teacher.stage(),
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

    /** Forgets the snapshot, so that the next call reads the published versions (after this node changed them). */
    void reload() {
        snapshot = null;
    }

    private Snapshot current() {
        long now = System.nanoTime();
        Snapshot known = snapshot;
        if (known != null && now - known.checkedAt() < CHECK_EVERY_NANOS) {
            return known;
        }
        synchronized (this) {
            known = snapshot;
            if (known != null && now - known.checkedAt() < CHECK_EVERY_NANOS) {
                return known;
            }
            long revision = catalogue.revision();
            Snapshot fresh = known != null && known.revision() == revision
                    ? new Snapshot(revision, known.versions(), now)
                    : new Snapshot(revision, List.copyOf(catalogue.published()), now);
            snapshot = fresh;
            return fresh;
        }
    }

    private Optional<String> cityIn(Long organisationId) {
        return organisations.lineage(organisationId).stream()
                .filter(o -> o.level() == OrganisationLevel.CITY)
                .map(Organisation::code)
                .findFirst();
    }
}
