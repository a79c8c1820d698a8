package cn.shixun.exemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A reviewer who saw an application's task and decides after someone else decided it gets a
 * conflict, and nothing is written: not a decision on the next step, not a history line, not an
 * audit line. Decisions name the task they were taken on, so a late one cannot land on the next
 * step. (The simultaneous case, on two nodes, is TwoNodesIT.)
 */
@SpringBootTest
class R30DecidedMeanwhileTest {

    @Autowired DegreeExemptions exemptions;
    @Autowired EvidenceFiles evidence;
    @Autowired CaseTasks tasks;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired JdbcTemplate jdbc;

    @Test
    void R30_aDecisionOnAStepDecidedMeanwhileIsAConflictAndChangesNothing() {
        ExemptionFixture data = new ExemptionFixture(organisations, teachers, accounts, evidence, "henan-2016");
        Teacher teacher = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        DegreeExemption applied = exemptions.apply(teacher.getId(), data.usernameOf(teacher),
                data.diplomaOf(teacher.getId()));
        CaseTask seen = exemptions.openTask(applied.getId()).orElseThrow();
        tasks.decide(seen.id(), data.schoolAdmin, Decision.APPROVE, null);
        long events = history(applied);
        long audited = audited(applied);

        for (CurrentAccount late : new CurrentAccount[] {data.schoolAdmin, data.countyReviewer}) {
            assertThatThrownBy(() -> tasks.decide(seen.id(), late, Decision.REJECT, "重复办理"))
                    .isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
                        assertThat(refusal.kind()).isEqualTo(BusinessRuleException.Kind.CONFLICT);
                        assertThat(refusal.field()).isEqualTo("taskId");
                    });
        }
        assertThat(ExemptionStanding.of(exemptions, applied.getId())).isEqualTo("OPEN@UserTask_AuthorityReview");
        assertThat(history(applied)).isEqualTo(events);
        assertThat(audited(applied)).isEqualTo(audited);

        tasks.decide(exemptions.openTask(applied.getId()).orElseThrow().id(), data.countyReviewer, Decision.APPROVE, null);
        assertThat(ExemptionStanding.of(exemptions, applied.getId())).isEqualTo("OPEN@");
    }

    private long history(DegreeExemption exemption) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_event WHERE process_key = 'degreeExemption' AND case_id = ?",
                Long.class, String.valueOf(exemption.getId()));
    }

    private long audited(DegreeExemption exemption) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE subject_type = 'degreeExemption'"
                + " AND subject_id = ?", Long.class, String.valueOf(exemption.getId()));
    }
}
