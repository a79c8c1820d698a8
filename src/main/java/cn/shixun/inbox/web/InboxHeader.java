package cn.shixun.inbox.web;

import cn.shixun.inbox.Inbox;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The header's unread count, on every page: {@code ${@inboxHeader.unread()}} in the layout. One
 * indexed count by the signed-in name, no other read.
 */
@Component("inboxHeader")
public class InboxHeader {

    private final Inbox inbox;

    InboxHeader(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Unread messages of the signed-in account; 0 on public pages. */
    public long unread() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken) {
            return 0;
        }
        return inbox.unread(signedIn.getName());
    }
}
