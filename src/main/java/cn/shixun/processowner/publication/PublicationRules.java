package cn.shixun.processowner.publication;

import cn.shixun.policy.PolicyProfile;
import cn.shixun.processowner.drafts.ModelDrafts;
import cn.shixun.processowner.policies.PolicyVersionDrafts;
import cn.shixun.shared.BusinessRuleException;
import java.sql.Date;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The checks a publication passes at submission, at approval and again when deployed, whoever calls. */
@Component
class PublicationRules {

    private final PolicyVersionDrafts policyDrafts;
    private final ModelDrafts modelDrafts;
    private final JdbcTemplate jdbc;

    PublicationRules(PolicyVersionDrafts policyDrafts, ModelDrafts modelDrafts, JdbcTemplate jdbc) {
        this.policyDrafts = policyDrafts;
        this.modelDrafts = modelDrafts;
        this.jdbc = jdbc;
    }

    /** The checksum of the publication's drafts now, to compare with the one recorded at submission. */
    String submittedChecksum(PolicyPublications.Publication publication) {
        return publication.kind() == PolicyPublications.Kind.BPMN ? modelDrafts.get(publication.modelDraftId()).checksum()
                : policyDrafts.checksum(publication.policyVersionId());
    }

    /** A version may not start on or before a day the profile has credited hours: those were computed with the version before. */
    void refuseOverCreditedEntries(PolicyProfile version) {
        Integer entries = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE profile_code = ? AND entry_date >= ?",
                Integer.class, version.code(), Date.valueOf(version.effectiveFrom()));
        if (entries != null && entries > 0) {
            throw BusinessRuleException.violation(null, "effectiveFrom", "publication.effective-over-credited-entries",
                    version.effectiveFrom(), entries);
        }
    }
}
