package cn.shixun.exemption;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.ledger.EvidenceNumbers;
import cn.shixun.policy.ClaimKind;
import cn.shixun.policy.CreditRule;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.policy.PolicyDecisions;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RequiredText;
import cn.shixun.teacher.Teacher;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * What a diploma must be to apply or amend with it, checked before
 * anything is written; each refusal names its field and rule.
 */
@Component
class DiplomaChecks {

    private static final int MAX_TEXT = 200;

    private final DegreeExemptionRepository repository;
    private final PolicyProfiles profiles;
    private final PolicyDecisions decisions;
    private final EvidenceFiles evidenceFiles;
    private final Clock clock;

    DiplomaChecks(DegreeExemptionRepository repository, PolicyProfiles profiles, PolicyDecisions decisions,
                  EvidenceFiles evidenceFiles, Clock clock) {
        this.repository = repository;
        this.profiles = profiles;
        this.decisions = decisions;
        this.evidenceFiles = evidenceFiles;
        this.clock = clock;
    }

    /**
     * R-30 evidence, R-16 education-related, R-15 level where the profile has it, R-40 one
     * application per diploma and, last, the scan a stored evidence file of this teacher.
     */
    void require(Teacher teacher, Diploma diploma, Long ownId) {
        if (diploma == null) {
            throw BusinessRuleException.violation("R-30", "certificateNumber", "exemption.evidence-required");
        }
        requireText(diploma.institution(), "institution");
        if (diploma.degreeLevel() == null) {
            throw BusinessRuleException.violation("R-30", "degreeLevel", "exemption.evidence-required");
        }
        requireText(diploma.major(), "major");
        if (diploma.studyStart() == null) {
            throw BusinessRuleException.violation("R-30", "studyStart", "exemption.evidence-required");
        }
        if (diploma.studyEnd() == null) {
            throw BusinessRuleException.violation("R-30", "studyEnd", "exemption.evidence-required");
        }
        requireText(diploma.certificateNumber(), "certificateNumber");
        requireText(diploma.diplomaFile(), "diplomaFile");
        if (diploma.educationRelated() == null) {
            throw BusinessRuleException.violation("R-16", "educationRelated", "exemption.evidence-required");
        }
        if (!diploma.educationRelated()) {
            throw BusinessRuleException.violation("R-16", "educationRelated", "exemption.not-education-related");
        }
        if (!diploma.studyEnd().isAfter(diploma.studyStart())) {
            throw BusinessRuleException.violation("R-30", "studyEnd", "exemption.study-end-before-start");
        }
        if (diploma.studyEnd().isAfter(LocalDate.now(clock))) {
            throw BusinessRuleException.violation("R-30", "studyEnd", "exemption.study-end-in-future", diploma.studyEnd());
        }
        checkLevel(teacher, diploma);
        String number = diploma.certificateNumber().strip();
        String key = EvidenceNumbers.key(number);
        if (key.isEmpty()) {
            throw BusinessRuleException.violation("R-30", "certificateNumber", "exemption.evidence-required");
        }
        boolean taken = repository.findByCertificateKey(key).stream()
                .anyMatch(other -> !other.getId().equals(ownId) && !other.status().isClosedWithoutExemption());
        if (taken) {
            throw BusinessRuleException.conflict("R-40", "certificateNumber", "exemption.certificate-already-used", number);
        }
        evidenceFiles.requireAttachable(diploma.diplomaFile(), teacher.getId(), "diplomaFile");
    }

    /** where the teacher's profile credits degree study (Kunming), a degree below the stage's level is refused. */
    private void checkLevel(Teacher teacher, Diploma diploma) {
        CreditRule studyRule = decisions.creditRule(profiles.forTeacher(teacher, diploma.studyEnd()).key(),
                ClaimKind.DEGREE_STUDY_YEAR, null);
        DegreeLevel needed = DegreeLevel.minimumFor(teacher.stage());
        if (!studyRule.refused() && "R-15".equals(studyRule.ruleId()) && diploma.degreeLevel().compareTo(needed) < 0) {
            throw BusinessRuleException.violation("R-15", "degreeLevel", "exemption.degree-level-too-low",
                    diploma.degreeLevel().label(), teacher.stage().label(), needed.label());
        }
    }

    private static void requireText(String value, String field) {
        RequiredText.require(value, field, MAX_TEXT, "R-30", "exemption.evidence-required", "exemption.text-too-long");
    }
}
