package cn.shixun.ledger.web;

import cn.shixun.ledger.TeacherStatus;
import cn.shixun.ledger.TeacherStatusQuery;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.AccessScope;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.web.ErrorPage;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A school's teachers with this year's and this cycle's hours and whether every requirement is
 * met, for the people whose scope covers the school. Cycles are per teacher, so each row
 * is one status query; a page holds at most {@value #PAGE_SIZE} teachers to keep it quick.
 */
@Controller
class SchoolTeachersPage {

    static final int PAGE_SIZE = 50;

    /** One teacher's line; {@code status} is null when it cannot be worked out (e.g. no policy profile). */
    record Row(Teacher teacher, TeacherStatus status, String yearTotal, String cycleTotal) {
    }

    private final Teachers teachers;
    private final Organisations organisations;
    private final TeacherStatusQuery statusQuery;
    private final CurrentAccounts currentAccounts;
    private final AccessScope accessScope;
    private final Clock clock;

    SchoolTeachersPage(Teachers teachers, Organisations organisations, TeacherStatusQuery statusQuery,
                       CurrentAccounts currentAccounts, AccessScope accessScope, Clock clock) {
        this.clock = clock;
        this.teachers = teachers;
        this.organisations = organisations;
        this.statusQuery = statusQuery;
        this.currentAccounts = currentAccounts;
        this.accessScope = accessScope;
    }

    @GetMapping("/schools/{schoolId}/teachers")
    String teachers(@PathVariable Long schoolId, @RequestParam(defaultValue = "0") int page, Model model,
                    HttpServletResponse response) {
        CurrentAccount account = currentAccounts.require();
        Optional<Organisation> school = organisations.find(schoolId).filter(Organisation::isSchool);
        if (account.isTeacher() || school.isPresent() && !Viewers.maySee(accessScope, account, schoolId)) {
            throw new AccessDeniedException(account.username() + " may not list the teachers of " + schoolId);
        }
        if (school.isEmpty()) {
            return ErrorPage.notFound(model, response);
        }
        LocalDate today = LocalDate.now(clock);
        Page<Teacher> teachersPage = teachers.search(accessScope.visibleTeachers(), schoolId, null,
                PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("staffNumber")));
        model.addAttribute("school", school.get());
        model.addAttribute("page", teachersPage);
        model.addAttribute("year", today.getYear());
        model.addAttribute("rows", teachersPage.getContent().stream().map(t -> row(t, today)).toList());
        return "ledger/school-teachers";
    }

    private Row row(Teacher teacher, LocalDate today) {
        try {
            TeacherStatus status = statusQuery.statusOf(teacher.getId(), today);
            return new Row(teacher, status, HoursView.plain(status.yearTotal()), HoursView.plain(status.cycleTotal()));
        } catch (BusinessRuleException noStatus) {
            return new Row(teacher, null, "—", "—");
        }
    }
}
