package cn.shixun.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.security.HomeLink;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every page's menu (issue 14, item 2): home first, the role's links in order, the page shown marked once. */
class SiteNavTest {

    private static final List<HomeLink> TEACHER = List.of(
            new HomeLink("home.link.my-hours", "d", "/my/hours", 100),
            new HomeLink("home.link.preview", "d", "/my/hours/preview", 110),
            new HomeLink("home.link.workbench", "d", "/tasks", 50, 7L));

    @Test
    void homeComesFirstAndTheLinksKeepTheirCounts() {
        List<SiteNav.Item> items = SiteNav.items(TEACHER, "/");

        assertThat(items).extracting(SiteNav.Item::href).containsExactly("/", "/my/hours", "/my/hours/preview", "/tasks");
        assertThat(items).extracting(SiteNav.Item::count).containsExactly(null, null, null, 7L);
        assertThat(items).filteredOn(SiteNav.Item::current).extracting(SiteNav.Item::href).containsExactly("/");
    }

    @Test
    void aPageUnderALinkMarksTheLongestLinkThatHoldsIt() {
        assertThat(current("/my/hours/preview")).containsExactly("/my/hours/preview");
        assertThat(current("/my/hours")).containsExactly("/my/hours");
        assertThat(current("/tasks/abc/decision")).containsExactly("/tasks");
    }

    @Test
    void aPageNoLinkHoldsMarksNothing_notEvenHome() {
        assertThat(current("/my/hoursx")).isEmpty();
        assertThat(current("/messages")).isEmpty();
        assertThat(current(null)).isEmpty();
    }

    private static List<String> current(String path) {
        return SiteNav.items(TEACHER, path).stream().filter(SiteNav.Item::current).map(SiteNav.Item::href).toList();
    }
}
