package cn.shixun.inbox.web;

import cn.shixun.inbox.Inbox;
import cn.shixun.inbox.MailSettings;
import cn.shixun.inbox.MessageView;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 消息中心: the signed-in account's messages, newest first, unread ones marked; opening one marks it
 * read and goes to its case; the e-mail setting beside them.
 */
@Controller
class MessagePages {

    static final int PAGE_SIZE = 20;

    private final Inbox inbox;
    private final MailSettings mail;
    private final CurrentAccounts accounts;
    private final RefusalText refusals;

    MessagePages(Inbox inbox, MailSettings mail, CurrentAccounts accounts, RefusalText refusals) {
        this.inbox = inbox;
        this.mail = mail;
        this.accounts = accounts;
        this.refusals = refusals;
    }

    @GetMapping("/messages")
    String messages(@RequestParam(defaultValue = "0") int page, Model model) {
        String username = accounts.require().username();
        model.addAttribute("page", inbox.of(username, page, PAGE_SIZE));
        model.addAttribute("unread", inbox.unread(username));
        if (!model.containsAttribute("mail")) {
            model.addAttribute("mail", mail.of(username));
        }
        return "inbox/messages";
    }

    /** Marks the message read and goes where it points (its case), or back to the list. */
    @PostMapping("/messages/{id}/open")
    String open(@PathVariable Long id) {
        MessageView message = inbox.open(accounts.require().username(), id)
                .orElseThrow(() -> BusinessRuleException.notFound("id", "inbox.not-found"));
        return "redirect:" + (message.link() == null ? "/messages" : message.link());
    }

    @PostMapping("/messages/read-all")
    String readAll(RedirectAttributes redirect) {
        redirect.addFlashAttribute("readAll", inbox.readAll(accounts.require().username()));
        return "redirect:/messages";
    }

    @PostMapping("/messages/mail")
    String changeMail(@RequestParam(defaultValue = "") String address,
                      @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        String username = accounts.require().username();
        try {
            mail.change(username, address, enabled);
            redirect.addFlashAttribute("mailSaved", true);
        } catch (BusinessRuleException refused) {
            redirect.addFlashAttribute("mailError", refusals.forReader(refused));
            redirect.addFlashAttribute("mail", new MailSettings.View(address, enabled, mail.of(username).mailPossible()));
        }
        return "redirect:/messages";
    }
}
