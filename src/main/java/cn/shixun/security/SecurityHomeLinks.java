package cn.shixun.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The links that exist from the start: the API documentation and the Camunda webapps each role may
 * open (ADR 0005), the same with passwords and with Keycloak.
 */
@Component
class SecurityHomeLinks implements HomeLinks {

    @Override
    public List<HomeLink> linksFor(CurrentAccount account) {
        List<HomeLink> links = new ArrayList<>();
        if (!account.isTeacher()) {
            links.add(new HomeLink("home.link.api-docs", "home.link.api-docs.description", "/swagger-ui.html", 900));
        }
        if (account.role().operatesEngine()) {
            links.add(new HomeLink("home.link.camunda", "home.link.camunda.description", "/camunda/app/", 910));
        }
        if (account.role().reviews()) {
            links.add(new HomeLink("home.link.tasklist", "home.link.tasklist.description", "/camunda/app/tasklist/", 910));
        }
        return links;
    }
}
