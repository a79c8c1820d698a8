package cn.shixun.inbox.web;

import cn.shixun.inbox.Inbox;
import cn.shixun.inbox.MessageView;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in account's messages as JSON; another account's message is not found (404). */
@RestController
@RequestMapping("/api/messages")
class MessageApi {

    private final Inbox inbox;
    private final CurrentAccounts accounts;

    MessageApi(Inbox inbox, CurrentAccounts accounts) {
        this.inbox = inbox;
        this.accounts = accounts;
    }

    /** Newest first; {@code page} from 0, {@code size} at most 100. */
    @GetMapping
    Messages list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        String username = accounts.require().username();
        Page<MessageView> found = inbox.of(username, page, size);
        return new Messages(inbox.unread(username), found.getNumber(), found.getTotalPages(), found.getTotalElements(),
                found.getContent());
    }

    @PostMapping("/{id}/read")
    MessageView read(@PathVariable Long id) {
        return inbox.open(accounts.require().username(), id)
                .orElseThrow(() -> BusinessRuleException.notFound("id", "inbox.not-found"));
    }

    record Messages(long unread, int page, int totalPages, long total, List<MessageView> messages) {
    }
}
