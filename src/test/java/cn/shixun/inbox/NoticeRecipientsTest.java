package cn.shixun.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.shixun.security.Accounts;
import cn.shixun.security.CandidateGroup;
import cn.shixun.security.Role;
import cn.shixun.tasks.CaseContacts.CaseSide;
import cn.shixun.tasks.CaseTask;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who hears of a case step: the applicant's side for decisions and results, whoever may work the task for deadlines. */
class NoticeRecipientsTest {

    private static final CandidateGroup SCHOOL_ADMINS = CandidateGroup.of(Role.SCHOOL_ADMIN, "4101050001");
    private static final CandidateGroup COUNTY_REVIEWERS = CandidateGroup.of(Role.COUNTY_REVIEWER, "410105");

    private final Accounts accounts = mock(Accounts.class);
    private final NoticeRecipients recipients = new NoticeRecipients(accounts);

    @Test
    void theApplicantsSide_isTheApplicant_theSubmittingGroupAndTheTeachersAccounts_eachOnce() {
        when(accounts.usernamesIn(SCHOOL_ADMINS)).thenReturn(List.of("school.admin", "school.admin2"));
        when(accounts.usernamesOfTeacher(7L)).thenReturn(List.of("teacher"));

        CaseSide side = new CaseSide("张老师：学位", Optional.of("/exemptions/1"), Optional.of("teacher"), Optional.of(7L),
                Optional.of(SCHOOL_ADMINS));

        assertThat(recipients.ofCase(side)).containsExactly("teacher", "school.admin", "school.admin2");
    }

    @Test
    void aCaseSubmittedByNobodyWithAnAccount_hasNoRecipients() {
        CaseSide side = new CaseSide("案件", Optional.empty(), Optional.empty(), Optional.of(8L), Optional.empty());

        assertThat(recipients.ofCase(side)).isEmpty();
    }

    @Test
    void anAssignedTask_goesToItsAssignee_anOfferedOneToTheAccountsOfEveryGroup_escalationsIncluded() {
        when(accounts.usernamesIn(SCHOOL_ADMINS)).thenReturn(List.of("school.admin"));
        when(accounts.usernamesIn(COUNTY_REVIEWERS)).thenReturn(List.of("county.reviewer"));
        when(accounts.usernamesWithRole(Role.PROCESS_OWNER)).thenReturn(List.of("process.owner", "process.owner2"));

        CaseTask amend = task("teacher", List.of(SCHOOL_ADMINS.id()));
        CaseTask review = task(null, List.of(SCHOOL_ADMINS.id(), COUNTY_REVIEWERS.id(), CandidateGroup.PROCESS_OWNERS));

        assertThat(recipients.ofTasks(List.of(amend))).containsExactly("teacher");
        assertThat(recipients.ofTasks(List.of(review))).as("the process owners' group is every process owner")
                .containsExactly("school.admin", "county.reviewer", "process.owner", "process.owner2");
    }

    @Test
    void aPolicyPublicationsApproval_remindsEveryProcessOwner_otherRoleWideGroupsNobody() {
        when(accounts.usernamesWithRole(Role.PROCESS_OWNER)).thenReturn(List.of("process.owner", "process.owner2"));

        CaseTask approval = task(null, List.of(CandidateGroup.PROCESS_OWNERS));
        CaseTask engineGroupsOnly = task(null, List.of(CandidateGroup.TASKLIST_USERS, CandidateGroup.CAMUNDA_ADMIN));

        assertThat(recipients.ofTasks(List.of(approval))).containsExactly("process.owner", "process.owner2");
        assertThat(recipients.ofTasks(List.of(engineGroupsOnly))).isEmpty();
    }

    private static CaseTask task(String assignee, List<String> groups) {
        return new CaseTask("t1", "degreeExemption", "1", "UserTask_SchoolReview", "学校审核", CaseTask.Kind.REVIEW,
                groups, assignee, Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-11T00:00:00Z"));
    }
}
