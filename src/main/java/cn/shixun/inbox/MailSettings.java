package cn.shixun.inbox;

import cn.shixun.shared.BusinessRuleException;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each account's choice of e-mail for its notices (optional: off until the person gives an address and opts in). */
@Service
@Transactional(readOnly = true)
public class MailSettings {

    static final int MAX_ADDRESS = 254;
    /** One @, something on both sides, a dot in the domain, no spaces: what a mail server takes; not more. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    private final MailSettingRepository settings;
    private final MailServer server;
    private final Clock clock;

    MailSettings(MailSettingRepository settings, MailServer server, Clock clock) {
        this.settings = settings;
        this.server = server;
        this.clock = clock;
    }

    /** The account's setting as the page shows it; mail possible says whether this server can send at all. */
    public View of(String username) {
        Optional<MailSetting> setting = settings.findById(username);
        return new View(setting.map(MailSetting::address).orElse(""), setting.map(MailSetting::enabled).orElse(false),
                server.configured());
    }

    /** Where the account's notices go by mail now; empty when it takes none or the server cannot send. */
    Optional<String> addressFor(String username) {
        if (!server.configured()) {
            return Optional.empty();
        }
        return settings.findById(username).filter(MailSetting::enabled).map(MailSetting::address);
    }

    /** Sets the address and the opt-in; an address is required to opt in, and must look like one. */
    @Transactional
    public void change(String username, String address, boolean enabled) {
        String text = address == null ? "" : address.strip();
        if (text.isEmpty() && enabled) {
            throw BusinessRuleException.violation(null, "address", "inbox.mail.address-missing");
        }
        if (!text.isEmpty() && (text.length() > MAX_ADDRESS || !ADDRESS.matcher(text).matches())) {
            throw BusinessRuleException.violation(null, "address", "inbox.mail.address-invalid", MAX_ADDRESS);
        }
        if (text.isEmpty()) {
            settings.deleteById(username);
            return;
        }
        MailSetting setting = settings.findById(username).orElseGet(() -> new MailSetting(username));
        setting.change(text, enabled, clock.instant());
        settings.save(setting);
    }

    /**
     * An account's e-mail setting.
     *
     * @param address      the address given, "" for none
     * @param enabled      whether the account wants its notices by mail
     * @param mailPossible whether this server has a mail server at all
     */
    public record View(String address, boolean enabled, boolean mailPossible) {
    }
}
