package cn.shixun.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page a browser gets instead of what it asked for ({@code templates/error.html} in the layout), e.g. "page not
 * found" for a case that does not exist or lies outside the reader's scope (the same answer for both, so it names
 * nothing).
 */
public final class ErrorPage {

    public static final String VIEW = "error";

    private ErrorPage() {
    }

    /** From a page controller's handler: the 404 page as its view. */
    public static String notFound(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("status", HttpStatus.NOT_FOUND.value());
        return VIEW;
    }

    /** From an exception handler: the error page with {@code status}. */
    public static ModelAndView of(HttpStatus status) {
        return new ModelAndView(VIEW, Map.of("status", status.value()), status);
    }

    /** From an exception handler: the error page with {@code status} and what was wrong, e.g. a bad date range of a download. */
    public static ModelAndView of(HttpStatus status, String message) {
        return new ModelAndView(VIEW, Map.of("status", status.value(), "message", message), status);
    }
}
