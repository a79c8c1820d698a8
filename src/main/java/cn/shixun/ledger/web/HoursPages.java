package cn.shixun.ledger.web;

import static cn.shixun.shared.web.ErrorPage.notFound;

import cn.shixun.ledger.TeacherStatus;
import cn.shixun.ledger.TeacherStatusQuery;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.AccessScope;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 我的学时 for a teacher, and the same view of one teacher for the school administrators,
 * reviewers and managers whose scope covers the teacher's school.
 *
 * <p>Nine collaborators for one page: the status and the view it shows (entries, what would count toward a shortfall), the teacher and school it
 * names, who asks and whether their scope covers the teacher, the texts of a refused date or status,
 * and the clock for "today"; the view itself is built apart ({@link HoursView}).
 */
@Controller
class HoursPages {

    /** Dates a person could mean; outside them the cycle arithmetic has nothing sensible to say. */
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    private final TeacherStatusQuery statusQuery;
    private final HoursViews views;
    private final Teachers teachers;
    private final Organisations organisations;
    private final CurrentAccounts currentAccounts;
    private final AccessScope accessScope;
    private final MessageSource messages;
    private final RefusalText refusals;
    private final Clock clock;

    HoursPages(TeacherStatusQuery statusQuery, HoursViews views, Teachers teachers, Organisations organisations,
               CurrentAccounts currentAccounts, AccessScope accessScope, MessageSource messages,
               RefusalText refusals, Clock clock) {
        this.clock = clock;
        this.statusQuery = statusQuery;
        this.views = views;
        this.teachers = teachers;
        this.organisations = organisations;
        this.currentAccounts = currentAccounts;
        this.accessScope = accessScope;
        this.messages = messages;
        this.refusals = refusals;
    }

    @GetMapping("/my/hours")
    String myHours(@RequestParam(required = false) String date, Model model, HttpServletResponse response) {
        CurrentAccount account = currentAccounts.require();
        if (!account.isTeacher() || account.teacherId() == null) {
            throw new AccessDeniedException("/my/hours is for teachers; " + account.username() + " is " + account.role());
        }
        return page(teachers.require(account.teacherId()), true, date, model, response);
    }

    @GetMapping("/teachers/{teacherId}/hours")
    String teacherHours(@PathVariable Long teacherId, @RequestParam(required = false) String date, Model model,
                        HttpServletResponse response) {
        CurrentAccount account = currentAccounts.require();
        if (account.isTeacher()) {
            if (teacherId.equals(account.teacherId())) {
                return "redirect:" + UriComponentsBuilder.fromPath("/my/hours").queryParamIfPresent("date",
                        Optional.ofNullable(date).filter(d -> !d.isBlank())).encode().build().toUriString();
            }
            return notFound(model, response);
        }
        if (!Viewers.mayLook(account)) {
            throw new AccessDeniedException(account.username() + " may not see other people's hours");
        }
        // Another teacher, or one outside the scope, is answered like one that does not exist (docs/security.md).
        Optional<Teacher> teacher = teachers.find(teacherId)
                .filter(found -> Viewers.maySee(accessScope, account, found.schoolId()));
        if (teacher.isEmpty()) {
            return notFound(model, response);
        }
        return page(teacher.get(), false, date, model, response);
    }

    private String page(Teacher teacher, boolean own, String dateParameter, Model model, HttpServletResponse response) {
        LocalDate today = LocalDate.now(clock);
        LocalDate date = today;
        if (dateParameter != null && !dateParameter.isBlank()) {
            try {
                date = LocalDate.parse(dateParameter.strip());
                if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                    model.addAttribute("dateError", text("hours.date.out-of-range", dateParameter.strip(), EARLIEST, LATEST));
                }
            } catch (DateTimeParseException unparseable) {
                model.addAttribute("dateError", text("hours.date.invalid", dateParameter.strip()));
            }
            if (model.containsAttribute("dateError")) {
                date = today;
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
        }
        TeacherStatus status = null;
        try {
            status = statusQuery.statusOf(teacher.getId(), date);
        } catch (BusinessRuleException refused) {
            model.addAttribute("statusError", refusals.forReader(refused));
        }
        model.addAttribute("own", own);
        model.addAttribute("teacher", teacher);
        model.addAttribute("schoolName", organisations.find(teacher.schoolId()).map(Organisation::name).orElse(""));
        model.addAttribute("date", date);
        model.addAttribute("today", today);
        model.addAttribute("pagePath", own ? "/my/hours" : "/teachers/" + teacher.getId() + "/hours");
        model.addAttribute("view", views.of(teacher, status));
        return "ledger/hours";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
