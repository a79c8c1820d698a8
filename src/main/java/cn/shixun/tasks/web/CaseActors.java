package cn.shixun.tasks.web;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.Accounts;
import cn.shixun.tasks.CaseHistory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who acted on a case as people read it: the person's name and organisation, not the account's username
 * (issue 14). The history fragment calls it as {@code ${@caseActors.describe(line.actor())}}; an account no
 * longer enabled is shown by its username, the engine's own steps as the system.
 */
@Component("caseActors")
public class CaseActors {

    private final Accounts accounts;
    private final Organisations organisations;
    private final MessageSource messages;

    CaseActors(Accounts accounts, Organisations organisations, MessageSource messages) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.messages = messages;
    }

    public String describe(String username) {
        if (username == null || CaseHistory.SYSTEM.equals(username)) {
            return messages.getMessage("case-history.system", null, LocaleContextHolder.getLocale());
        }
        return accounts.find(username).map(account -> organisations.find(account.organisationId())
                        .map(Organisation::name)
                        .map(name -> messages.getMessage("case-history.actor", new Object[] {account.displayName(), name},
                                LocaleContextHolder.getLocale()))
                        .orElse(account.displayName()))
                .orElse(username);
    }
}
