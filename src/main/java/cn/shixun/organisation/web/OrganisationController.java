package cn.shixun.organisation.web;

import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "organisations", description = "省、市、县（区）、学校 (R-02, R-04)")
@RestController
@RequestMapping("/api/organisations")
class OrganisationController {

    private final Organisations organisations;

    OrganisationController(Organisations organisations) {
        this.organisations = organisations;
    }

    @Operation(summary = "Organisations, optionally of one level and/or under one direct parent")
    @GetMapping
    List<OrganisationView> list(@RequestParam(required = false) OrganisationLevel level,
                                @RequestParam(required = false) Long parentId) {
        return OrganisationView.of(organisations.list(level, parentId));
    }

    @GetMapping("/{id}")
    OrganisationView one(@PathVariable Long id) {
        return OrganisationView.of(organisations.require(id, "id"));
    }

    @Operation(summary = "Direct children")
    @GetMapping("/{id}/children")
    List<OrganisationView> children(@PathVariable Long id) {
        organisations.require(id, "id");
        return OrganisationView.of(organisations.children(id));
    }

    @Operation(summary = "Every school at or below the organisation")
    @GetMapping("/{id}/schools")
    List<OrganisationView> schools(@PathVariable Long id) {
        return OrganisationView.of(organisations.schoolsUnder(id));
    }

    @Operation(summary = "Who registers the own applications of this school's teachers (R-04)")
    @GetMapping("/{id}/registration-authority")
    OrganisationView registrationAuthority(@PathVariable Long id) {
        return OrganisationView.of(organisations.registrationAuthorityOf(id));
    }
}
