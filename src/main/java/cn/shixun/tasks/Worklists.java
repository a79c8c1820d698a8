package cn.shixun.tasks;

import cn.shixun.security.CurrentAccount;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reviewer's worklist narrowed by a {@link WorklistFilter}: a page of it, its size, whether a
 * procedure has work for them at all. Reading only; deciding is {@link CaseTasks}'.
 */
@Service
@Transactional(readOnly = true)
public class Worklists {

    private final OpenTasks open;

    Worklists(OpenTasks open) {
        this.open = open;
    }

    public List<CaseTask> page(CurrentAccount account, WorklistFilter filter, int page, int size) {
        return open.worklist(account.username(), filter, page, size);
    }

    public long size(CurrentAccount account, WorklistFilter filter) {
        return open.worklistSize(account.username(), filter);
    }

    /** Whether the procedure has open tasks for the account: the worklist offers only those procedures. */
    public boolean hasWork(CurrentAccount account, String processKey) {
        return size(account, WorklistFilter.ofProcess(processKey)) > 0;
    }

    /** Those of the named tasks that are in the account's worklist; the others are not shown to it at all. */
    public List<CaseTask> ofIds(CurrentAccount account, Collection<String> taskIds) {
        return open.worklistTasks(account.username(), taskIds);
    }
}
