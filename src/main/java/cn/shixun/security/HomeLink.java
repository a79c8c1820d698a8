package cn.shixun.security;

/**
 * One entry on the home page. Texts are i18n keys in the contributing module's bundle.
 *
 * @param titleKey       message key of the link text
 * @param descriptionKey message key of the one-line explanation under it
 * @param href           where it goes (a path in this application)
 * @param order          position on the page, lower first
 */
public record HomeLink(String titleKey, String descriptionKey, String href, int order) {
}
