package cn.shixun.insight.bottlenecks;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.RefusalStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Who may read the dashboard and over what: managers and county, city and province reviewers, over their
 * organisation and those under it (an organisation asked for outside that is "not found", as one that does not
 * exist); a date range of at most {@link #MAX_DAYS} days with both ends (default: the last 12 weeks up to today).
 */
@Component
class DashboardFilter {

    static final Set<Role> READERS = Set.of(Role.MANAGER, Role.COUNTY_REVIEWER, Role.CITY_REVIEWER,
            Role.PROVINCE_REVIEWER);
    static final int DEFAULT_WEEKS = 12;
    static final int MAX_DAYS = 366;

    record Scope(Long organisationId, String name, String path) {
    }

    record Range(LocalDate from, LocalDate to) {
    }

    private final Organisations organisations;

    DashboardFilter(Organisations organisations) {
        this.organisations = organisations;
    }

    static boolean mayRead(CurrentAccount account) {
        return READERS.contains(account.role()) && account.organisationId() != null;
    }

    /** The account's organisation, or {@code organisationCode} under it; empty (a 404) for one outside or unknown. */
    Optional<Scope> scope(CurrentAccount account, String organisationCode) {
        if (!mayRead(account)) {
            throw new AccessDeniedException(account.username() + " may not read the dashboard");
        }
        Organisation own = organisations.find(account.organisationId()).orElseThrow();
        if (organisationCode == null || organisationCode.isBlank()) {
            return Optional.of(scopeOf(own));
        }
        return organisations.findByCode(organisationCode.strip())
                .filter(organisation -> organisation.path().startsWith(own.path())).map(DashboardFilter::scopeOf);
    }

    /** The range asked for; both ends or neither (the default), the first not after the second, at most a year. */
    static Range range(String from, String to, LocalDate today) {
        boolean noFrom = from == null || from.isBlank();
        boolean noTo = to == null || to.isBlank();
        if (noFrom && noTo) {
            return new Range(Weeks.of(today).minusWeeks(DEFAULT_WEEKS - 1L), today);
        }
        if (noFrom || noTo) {
            throw BusinessRuleException.malformed(noFrom ? "from" : "to", "dashboard.range.unbounded");
        }
        LocalDate start = day("from", from);
        LocalDate end = day("to", to);
        if (start.isAfter(end)) {
            throw BusinessRuleException.malformed("from", "dashboard.range.reversed", start, end);
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw BusinessRuleException.malformed("from", "dashboard.range.too-long", MAX_DAYS);
        }
        return new Range(start, end);
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            throw BusinessRuleException.malformed(field, "dashboard.range.not-a-date", value);
        }
    }

    /** The page's answer to a bad range or figure: 400, the field and the reason shown above the form. */
    static void refused(BusinessRuleException invalid, RefusalText refusals, Model model, HttpServletResponse response) {
        response.setStatus(RefusalStatus.of(invalid).value());
        model.addAttribute("invalidField", invalid.field());
        model.addAttribute("invalid", refusals.forReader(invalid));
    }

    private static Scope scopeOf(Organisation organisation) {
        return new Scope(organisation.getId(), organisation.name(), organisation.path());
    }
}
