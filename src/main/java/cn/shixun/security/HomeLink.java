package cn.shixun.security;

/**
 * One entry on the home page. Texts are i18n keys in the contributing module's bundle.
 *
 * @param titleKey       message key of the link text
 * @param descriptionKey message key of the one-line explanation under it
 * @param href           where it goes (a path in this application)
 * @param order          position on the page, lower first
 * @param count          what waits there for the account (the workbench's open tasks), or null when nothing is counted
 */
public record HomeLink(String titleKey, String descriptionKey, String href, int order, Long count) {

    public HomeLink(String titleKey, String descriptionKey, String href, int order) {
        this(titleKey, descriptionKey, href, order, null);
    }
}
