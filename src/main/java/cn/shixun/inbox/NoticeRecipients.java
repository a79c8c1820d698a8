package cn.shixun.inbox;

import cn.shixun.security.Accounts;
import cn.shixun.security.CandidateGroup;
import cn.shixun.security.Role;
import cn.shixun.tasks.CaseContacts.CaseSide;
import cn.shixun.tasks.CaseTask;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Which accounts a notice goes to, from what the casework says about the case and its tasks. */
@Component
class NoticeRecipients {

    private final Accounts accounts;

    NoticeRecipients(Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * The applicant's side, who hears of decisions and results: the account that applied, the accounts
     * of the group that submitted for an organisation, and the accounts of the teacher the case is about.
     */
    Set<String> ofCase(CaseSide side) {
        Set<String> recipients = new LinkedHashSet<>();
        side.applicant().ifPresent(recipients::add);
        side.submitters().ifPresent(group -> recipients.addAll(accounts.usernamesIn(group)));
        side.teacherId().ifPresent(teacherId -> recipients.addAll(accounts.usernamesOfTeacher(teacherId)));
        return recipients;
    }

    /**
     * Whoever may work the tasks: the assignee of an assigned task, else the accounts of every
     * candidate group, the groups an escalation added included. The process owners' group (a policy
     * publication's second approval) names no organisation: it is every process owner; the other
     * role-wide groups carry engine authorizations, not tasks, and are left out.
     */
    Set<String> ofTasks(Collection<CaseTask> tasks) {
        Set<String> recipients = new LinkedHashSet<>();
        for (CaseTask task : tasks) {
            if (task.assignee() != null) {
                recipients.add(task.assignee());
            } else {
                recipients.addAll(ofGroups(task.candidateGroups()));
            }
        }
        return recipients;
    }

    private List<String> ofGroups(List<String> groupIds) {
        List<String> usernames = new ArrayList<>();
        for (String groupId : groupIds) {
            if (CandidateGroup.PROCESS_OWNERS.equals(groupId)) {
                usernames.addAll(accounts.usernamesWithRole(Role.PROCESS_OWNER));
            } else {
                CandidateGroup.parse(groupId).ifPresent(group -> usernames.addAll(accounts.usernamesIn(group)));
            }
        }
        return usernames;
    }
}
