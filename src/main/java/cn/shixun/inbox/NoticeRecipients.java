package cn.shixun.inbox;

import cn.shixun.security.Accounts;
import cn.shixun.security.CandidateGroup;
import cn.shixun.tasks.CaseContacts.CaseSide;
import cn.shixun.tasks.CaseTask;
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
     * candidate group, the groups an escalation added included. Role-wide groups (process owners)
     * name no organisation and are left out.
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
        return groupIds.stream().map(CandidateGroup::parse).flatMap(java.util.Optional::stream)
                .flatMap(group -> accounts.usernamesIn(group).stream()).toList();
    }
}
