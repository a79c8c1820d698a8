package cn.shixun.cycleverification.web;

import cn.shixun.cycleverification.Certificate;
import cn.shixun.cycleverification.Certificates;
import cn.shixun.security.AccessScope;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The certificate's two pages: the public verification page, where anyone with the
 * number and the check code printed on a certificate sees whose it is (name partly hidden),
 * the school, the cycle, the hours and whether it is valid today, without signing in; and the
 * printable certificate for its holder and the authorities over the school.
 */
@Controller
class CertificatePages {

    static final String VERIFY_PATH = "/verify";

    private final Certificates certificates;
    private final CurrentAccounts accounts;
    private final AccessScope scope;
    private final Clock clock;

    CertificatePages(Certificates certificates, CurrentAccounts accounts, AccessScope scope, Clock clock) {
        this.clock = clock;
        this.certificates = certificates;
        this.accounts = accounts;
        this.scope = scope;
    }

    /** Where a third party checks this certificate. */
    static String verifyPath(Certificate certificate) {
        return UriComponentsBuilder.fromPath(VERIFY_PATH).queryParam("number", certificate.number())
                .queryParam("check", certificate.checkCode()).encode().build().toUriString();
    }

    @GetMapping(VERIFY_PATH)
    String verify(@RequestParam(required = false) String number, @RequestParam(required = false) String check,
                  Model model, HttpServletResponse response) {
        boolean asked = number != null && !number.isBlank() && check != null && !check.isBlank();
        Optional<Certificate> found = asked ? certificates.verify(number, check) : Optional.empty();
        if (asked && found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("number", number == null ? "" : number.strip());
        model.addAttribute("check", check == null ? "" : check.strip());
        model.addAttribute("asked", asked);
        model.addAttribute("certificate", found.orElse(null));
        model.addAttribute("valid", found.map(c -> c.validOn(LocalDate.now(clock))).orElse(false));
        return "cycleverification/verify";
    }

    @GetMapping("/certificates/{number}")
    String print(@PathVariable String number, Model model) {
        CurrentAccount account = accounts.require();
        Certificate certificate = certificates.require(number);
        boolean mayRead = account.isTeacher() ? certificate.teacherId().equals(account.teacherId())
                : scope.covers(account, certificate.schoolId());
        if (!mayRead) {
            throw new AccessDeniedException(account.username() + " may not read certificate " + number);
        }
        model.addAttribute("certificate", certificate);
        model.addAttribute("verifyPath", verifyPath(certificate));
        return "cycleverification/certificate";
    }
}
